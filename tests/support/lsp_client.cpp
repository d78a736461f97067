#include "tests/support/lsp_client.h"

#include "protocol/jsonrpc.h"
#include "protocol/transport.h"
#include "protocol/uri.h"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <variant>

namespace dossier::testing {

namespace {

using Clock = std::chrono::steady_clock;

int exitCodeOf(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::string temporaryStderrPath() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "dossier-lsp-stderr-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the server's stderr");
  close(fd);
  return pattern;
}

} // namespace

std::string fileUri(const std::string& path) {
  return protocol::pathToUri(std::filesystem::absolute(path).lexically_normal().string());
}

LspClient::LspClient(ClientOptions options) : options_(std::move(options)) {
  // A server that dies mid-write must fail the write, not kill the test process.
  std::signal(SIGPIPE, SIG_IGN);
  stderrPath_ = options_.stderrPath.empty() ? temporaryStderrPath() : options_.stderrPath;

  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    throw std::runtime_error("pipe failed");
  }
  std::vector<std::string> argStrings{options_.binary};
  argStrings.insert(argStrings.end(), options_.args.begin(), options_.args.end());
  std::vector<char*> argv;
  for (auto& arg : argStrings)
    argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Child: only async-signal-safe calls from here to exec.
    setpgid(0, 0);
    int err = open(stderrPath_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in[0], 0);
    dup2(out[1], 1);
    if (err >= 0) dup2(err, 2);
    if (!options_.workingDirectory.empty() && chdir(options_.workingDirectory.c_str()) != 0)
      _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  setpgid(pid_, pid_); // also here, so that kill() works even before the child ran setpgid
  close(in[0]);
  close(out[1]);
  toServer_ = in[1];
  writer_ = std::make_unique<protocol::MessageWriter>(toServer_);
  reader_ = std::thread([this, fd = out[0]] { readLoop(fd); });
}

LspClient::~LspClient() {
  if (running()) kill();
  if (toServer_ >= 0) close(toServer_);
  if (reader_.joinable()) reader_.join();
  if (options_.stderrPath.empty()) std::filesystem::remove(stderrPath_);
}

void LspClient::readLoop(int fd) {
  protocol::MessageReader reader(fd);
  for (;;) {
    auto read = reader.read();
    if (read.status == protocol::ReadResult::Status::Eof) break;
    if (read.status != protocol::ReadResult::Status::Message) continue;
    auto parsed = protocol::parseMessage(read.body);
    if (!std::holds_alternative<protocol::Message>(parsed)) continue;
    auto& message = std::get<protocol::Message>(parsed);
    json raw = json::parse(read.body, nullptr, false);
    switch (message.kind) {
    case protocol::Message::Kind::Response: {
      if (!message.id.is_number_integer()) {
        // An error answering a message whose id the server could not read (bad framing, bad
        // JSON): kept as a pseudo-notification so tests can wait for it.
        std::lock_guard lock(mutex_);
        notifications_.push_back({{"method", "$/error-response"}, {"params", raw}});
        break;
      }
      int id = message.id.get<int>();
      std::lock_guard lock(mutex_);
      auto sent = sentAt_.find(id);
      if (sent != sentAt_.end())
        elapsed_[id] =
            std::chrono::duration<double, std::milli>(Clock::now() - sent->second).count();
      responses_[id] = std::move(raw);
      break;
    }
    case protocol::Message::Kind::Notification: {
      std::lock_guard lock(mutex_);
      notifications_.push_back({{"method", message.method}, {"params", message.params}});
      break;
    }
    case protocol::Message::Kind::Request:
      handleServerRequest(raw);
      break;
    }
    changed_.notify_all();
  }
  close(fd);
  std::lock_guard lock(mutex_);
  eof_ = true;
  changed_.notify_all();
}

void LspClient::handleServerRequest(const json& message) {
  std::string method = message.value("method", "");
  json params = message.contains("params") ? message["params"] : json();
  std::function<json(const json&)> handler;
  {
    std::lock_guard lock(mutex_);
    serverRequests_.push_back({{"method", method}, {"params", params}});
    auto it = requestHandlers_.find(method);
    if (it != requestHandlers_.end()) handler = it->second;
  }
  json result;
  if (handler) {
    result = handler(params);
  } else if (method == "workspace/configuration") {
    result = json::array();
    if (params.contains("items") && params["items"].is_array())
      for (std::size_t i = 0; i < params["items"].size(); ++i)
        result.push_back(nullptr);
  }
  writer_->write(protocol::makeResponse(message["id"], std::move(result)));
}

int LspClient::sendRequest(const std::string& method, json params) {
  int id;
  {
    std::lock_guard lock(mutex_);
    id = nextId_++;
    sentAt_[id] = Clock::now();
  }
  writer_->write(protocol::makeRequest(id, method, std::move(params)));
  return id;
}

Response LspClient::waitResponse(int id, Millis timeout) {
  std::unique_lock lock(mutex_);
  Response response;
  if (!changed_.wait_for(lock, timeout, [&] { return responses_.count(id) || eof_; }) ||
      !responses_.count(id)) {
    response.timedOut = true;
    response.millis = static_cast<double>(timeout.count());
    return response;
  }
  json message = std::move(responses_[id]);
  responses_.erase(id);
  response.millis = elapsed_[id];
  elapsed_.erase(id);
  sentAt_.erase(id);
  if (message.contains("error") && message["error"].is_object()) {
    const json& error = message["error"];
    response.errorCode = error.value("code", 0);
    response.errorMessage = error.value("message", "");
    if (error.contains("data")) response.errorData = error["data"];
  } else if (message.contains("result")) {
    response.result = message["result"];
  }
  return response;
}

Response LspClient::request(const std::string& method, json params, Millis timeout) {
  return waitResponse(sendRequest(method, std::move(params)), timeout);
}

void LspClient::notify(const std::string& method, json params) {
  writer_->write(protocol::makeNotification(method, std::move(params)));
}

void LspClient::sendBody(const std::string& body) {
  writer_->writeBody(body);
}

void LspClient::sendRaw(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(toServer_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

json LspClient::defaultCapabilities() {
  return {
      {"general", {{"positionEncodings", {"utf-8", "utf-16"}}}},
      {"window", {{"workDoneProgress", true}}},
      {"workspace",
       {{"configuration", true},
        {"didChangeWatchedFiles", {{"dynamicRegistration", true}}},
        {"workspaceFolders", true},
        {"symbol", {{"dynamicRegistration", false}}}}},
      {"textDocument",
       {{"synchronization", {{"didSave", true}}},
        {"publishDiagnostics", {{"versionSupport", true}, {"relatedInformation", true}}},
        {"diagnostic", {{"dynamicRegistration", false}, {"relatedDocumentSupport", true}}},
        {"hover", {{"contentFormat", {"markdown", "plaintext"}}}},
        {"semanticTokens",
         {{"requests", {{"full", true}, {"range", true}}},
          {"tokenTypes", json::array()},
          {"tokenModifiers", json::array()},
          {"formats", {"relative"}}}}}},
  };
}

Response LspClient::initialize(const std::string& rootPath, json capabilities,
                               json initializationOptions, Millis timeout) {
  json params = {{"processId", static_cast<int>(getpid())},
                 {"clientInfo", {{"name", "dossier-test-client"}}},
                 {"capabilities", std::move(capabilities)}};
  if (!rootPath.empty()) {
    std::string uri = fileUri(rootPath);
    params["rootUri"] = uri;
    params["workspaceFolders"] = json::array(
        {{{"uri", uri}, {"name", std::filesystem::path(rootPath).filename().string()}}});
  } else {
    params["rootUri"] = nullptr;
  }
  if (!initializationOptions.is_null()) params["initializationOptions"] = initializationOptions;
  Response response = request("initialize", std::move(params), timeout);
  if (response.ok()) notify("initialized", json::object());
  return response;
}

int LspClient::shutdownAndExit(Millis timeout) {
  request("shutdown", nullptr, timeout);
  notify("exit", nullptr);
  if (auto code = waitExit(timeout)) return *code;
  kill();
  return -1;
}

bool LspClient::running() {
  if (pid_ <= 0 || exitCode_) return false;
  int status = 0;
  pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_) {
    exitCode_ = exitCodeOf(status);
    return false;
  }
  return done == 0;
}

std::optional<int> LspClient::waitExit(Millis timeout) {
  auto deadline = Clock::now() + timeout;
  while (running()) {
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(Millis(5));
  }
  return exitCode_;
}

void LspClient::closeInput() {
  if (toServer_ < 0) return;
  // dup2 swaps the pipe for /dev/null in one step: the server sees end of input, while the reader
  // thread, which may be answering a server request right now, keeps a valid writer and fd
  // (replacing the writer here freed it under that thread).
  int devNull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (devNull >= 0) {
    dup2(devNull, toServer_);
    close(devNull);
  }
}

void LspClient::kill() {
  if (!running()) return;
  ::kill(-pid_, SIGKILL);
  int status = 0;
  if (waitpid(pid_, &status, 0) == pid_) exitCode_ = exitCodeOf(status);
}

std::vector<json> LspClient::notifications(const std::string& method) const {
  std::lock_guard lock(mutex_);
  std::vector<json> result;
  for (const auto& n : notifications_)
    if (method.empty() || n["method"] == method) result.push_back(n["params"]);
  return result;
}

void LspClient::clearNotifications() {
  std::lock_guard lock(mutex_);
  notifications_.clear();
}

std::optional<json> LspClient::waitForNotification(const std::string& method,
                                                   std::function<bool(const json&)> accept,
                                                   Millis timeout) {
  std::unique_lock lock(mutex_);
  std::size_t checked = 0;
  std::optional<json> found;
  auto scan = [&] {
    for (; checked < notifications_.size(); ++checked) {
      const json& n = notifications_[checked];
      if (n["method"] == method && (!accept || accept(n["params"]))) {
        found = n["params"];
        return true;
      }
    }
    return eof_;
  };
  changed_.wait_for(lock, timeout, scan);
  return found;
}

std::optional<json> LspClient::waitForDiagnostics(const std::string& uri, Millis timeout) {
  {
    std::lock_guard lock(mutex_);
    for (auto it = notifications_.rbegin(); it != notifications_.rend(); ++it)
      if ((*it)["method"] == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri)
        return (*it)["params"];
  }
  return waitForNotification(
      "textDocument/publishDiagnostics", [&](const json& p) { return p.value("uri", "") == uri; },
      timeout);
}

bool LspClient::waitForProgressEnd(Millis timeout) {
  return waitForNotification(
             "$/progress",
             [](const json& p) {
               return p.contains("value") && p["value"].is_object() &&
                      p["value"].value("kind", "") == "end";
             },
             timeout)
      .has_value();
}

std::vector<json> LspClient::serverRequests() const {
  std::lock_guard lock(mutex_);
  return serverRequests_;
}

void LspClient::onServerRequest(const std::string& method,
                                std::function<json(const json&)> handler) {
  std::lock_guard lock(mutex_);
  requestHandlers_[method] = std::move(handler);
}

std::string LspClient::stderrText() const {
  std::ifstream in(stderrPath_, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace dossier::testing
