// The server's log: stderr for the developer (filtered by --log=LEVEL), and, for what a user should
// see, window/logMessage in the editor (set up once the client is connected).
#pragma once

#include <functional>
#include <optional>
#include <mutex>
#include <string>
#include <string_view>

namespace dossier::lsp {

enum class LogLevel { Error = 0, Warning = 1, Info = 2, Debug = 3 };

std::optional<LogLevel> parseLogLevel(std::string_view name);

class Logger {
 public:
  static Logger& instance();

  void setLevel(LogLevel level) { level_ = level; }
  LogLevel level() const { return level_; }
  // Where user-facing messages go besides stderr (the editor's log), or null.
  void setClientSink(std::function<void(LogLevel, const std::string&)> sink);

  void log(LogLevel level, const std::string& message, bool showUser = false);

 private:
  std::mutex mutex_;
  LogLevel level_ = LogLevel::Info;
  std::function<void(LogLevel, const std::string&)> clientSink_;
};

inline void logError(const std::string& m) { Logger::instance().log(LogLevel::Error, m, true); }
inline void logWarning(const std::string& m) { Logger::instance().log(LogLevel::Warning, m, true); }
inline void logInfo(const std::string& m, bool showUser = false) {
  Logger::instance().log(LogLevel::Info, m, showUser);
}
inline void logDebug(const std::string& m) { Logger::instance().log(LogLevel::Debug, m); }

}  // namespace dossier::lsp
