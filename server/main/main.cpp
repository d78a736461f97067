// dossier-ls: the Dossier language server (stdio) and its command line.
#include "server/lsp/logger.h"
#include "server/lsp/server.h"
#include "server/main/check.h"

#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* kUsage = R"(dossier-ls - a language server for folders of news texts

Usage:
  dossier-ls [--log=LEVEL] [--stdio]   serve LSP over stdin/stdout (what editors run)
  dossier-ls check DIR [--format=text|json|sarif] [--log=LEVEL]
                                       analyse DIR and print every flag, like a compiler
  dossier-ls --version
  dossier-ls --help

Options:
  --log=LEVEL     error, warning, info (default) or debug; the log goes to stderr
  --threads=N     threads for reading and analysing files (default: one per core)
  --no-cache      do not read or save the analysis cache
  --cache-dir=DIR where analysis caches live (default: $XDG_CACHE_HOME/dossier, or
                  ~/.cache/dossier); unchanged files are loaded from there instead of analysed

Exit codes: 0 success (flags are not failures), 1 server ended without shutdown, 2 bad usage or
an unreadable folder.
)";

int usageError(const std::string& message) {
  std::cerr << "dossier-ls: " << message << "\nTry 'dossier-ls --help'.\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dossier;
  std::signal(SIGPIPE, SIG_IGN);  // a closed editor pipe is a failed write, not a crash

  std::vector<std::string> positional;
  cli::CheckFormat format = cli::CheckFormat::Text;
  lsp::ServerOptions options;
  options.cache.enabled = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--version") {
      std::cout << "dossier-ls " << DOSSIER_VERSION << "\n";
      return 0;
    } else if (arg.starts_with("--log=")) {
      auto level = lsp::parseLogLevel(arg.substr(6));
      if (!level) return usageError("unknown log level: " + arg.substr(6));
      lsp::Logger::instance().setLevel(*level);
    } else if (arg.starts_with("--format=")) {
      std::string name = arg.substr(9);
      if (name == "text") format = cli::CheckFormat::Text;
      else if (name == "json") format = cli::CheckFormat::Json;
      else if (name == "sarif") format = cli::CheckFormat::Sarif;
      else return usageError("unknown format: " + name);
    } else if (arg.starts_with("--threads=")) {
      options.indexThreads = static_cast<unsigned>(std::strtoul(arg.c_str() + 10, nullptr, 10));
    } else if (arg == "--no-cache") {
      options.cache.enabled = false;
    } else if (arg.starts_with("--cache-dir=")) {
      options.cache.directory = arg.substr(12);
      if (options.cache.directory.empty()) return usageError("--cache-dir needs a folder");
    } else if (arg == "--stdio") {
      // vscode-languageclient adds this; stdio is the only transport anyway.
    } else if (arg.starts_with("--clientProcessId=")) {
      // Also added by some clients; the processId from initialize is what is watched.
    } else if (arg.starts_with("-")) {
      return usageError("unknown option: " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (!positional.empty()) {
    if (positional[0] != "check") return usageError("unknown command: " + positional[0]);
    if (positional.size() != 2) return usageError("check takes exactly one folder");
    return cli::runCheck(positional[1], format, options.cache);
  }
  int code;
  {
    lsp::LspServer server(STDIN_FILENO, STDOUT_FILENO, options);
    code = server.run();
  }
  return code;
}
