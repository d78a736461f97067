#include "server/lsp/logger.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace dossier::lsp {

std::optional<LogLevel> parseLogLevel(std::string_view name) {
  if (name == "error") return LogLevel::Error;
  if (name == "warning" || name == "warn") return LogLevel::Warning;
  if (name == "info") return LogLevel::Info;
  if (name == "debug" || name == "verbose") return LogLevel::Debug;
  return std::nullopt;
}

Logger& Logger::instance() {
  static Logger logger;
  return logger;
}

void Logger::setClientSink(std::function<void(LogLevel, const std::string&)> sink) {
  std::lock_guard lock(mutex_);
  clientSink_ = std::move(sink);
}

void Logger::log(LogLevel level, const std::string& message, bool showUser) {
  std::function<void(LogLevel, const std::string&)> sink;
  {
    std::lock_guard lock(mutex_);
    if (level <= level_) {
      static constexpr const char* kNames[] = {"E", "W", "I", "D"};
      auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
      std::tm local{};
      localtime_r(&now, &local);
      std::fprintf(stderr, "%s[%02d:%02d:%02d] %s\n", kNames[static_cast<int>(level)], local.tm_hour,
                   local.tm_min, local.tm_sec, message.c_str());
      std::fflush(stderr);
    }
    if (showUser) sink = clientSink_;
  }
  if (sink) sink(level, message);
}

}  // namespace dossier::lsp
