// A small LSP client for tests, benchmarks and the quality scorer: it starts a language server
// binary in its own process group, talks Content-Length framed JSON-RPC to it over pipes, collects
// what the server sends on its own (notifications, server->client requests) and answers the
// server->client requests an editor would accept.
//
// Every wait has a timeout, so a hung server fails a test instead of hanging CI.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace dossier::protocol {
class MessageWriter;
}

namespace dossier::testing {

using nlohmann::json;
using Millis = std::chrono::milliseconds;

// The answer to one request. Exactly one of: a result, an error, or a timeout.
struct Response {
  json result; // null when error or timedOut
  std::optional<int> errorCode;
  std::string errorMessage;
  json errorData;
  bool timedOut = false;
  double millis = 0; // wall time from sending the request to reading its response

  bool ok() const { return !errorCode && !timedOut; }
  bool methodNotFound() const { return errorCode && *errorCode == -32601; }
};

struct ClientOptions {
  std::string binary;            // path of the server executable
  std::vector<std::string> args; // extra arguments (argv[1..])
  std::string stderrPath;        // where the server's stderr goes; empty: a temp file
  std::string workingDirectory;  // empty: inherit
};

class LspClient {
public:
  // Starts the server. Throws std::runtime_error if it cannot be started.
  explicit LspClient(ClientOptions options);
  // Kills the server (and its process group) if it is still running.
  ~LspClient();
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  // Sends a request and waits for its response.
  Response request(const std::string& method, json params, Millis timeout = Millis(10000));
  // Asynchronous form: send now, collect the response later with waitResponse().
  int sendRequest(const std::string& method, json params);
  Response waitResponse(int id, Millis timeout = Millis(10000));
  void notify(const std::string& method, json params);
  // Writes an already serialised body, framed (for malformed-message tests).
  void sendBody(const std::string& body);
  // Writes raw bytes to the server's stdin, no framing at all.
  void sendRaw(const std::string& bytes);
  // Closes the server's stdin, as a killed editor does; later sends are dropped.
  void closeInput();

  // initialize + initialized. rootPath may be empty (no workspace). `capabilities` is the client's
  // ClientCapabilities object; defaultCapabilities() is what a modern editor sends. Returns the
  // initialize response (check ok()).
  Response initialize(const std::string& rootPath, json capabilities = defaultCapabilities(),
                      json initializationOptions = nullptr, Millis timeout = Millis(10000));
  // Capabilities of a modern editor: utf-8 and utf-16 positions, work-done progress, pull and
  // push diagnostics, watched-files dynamic registration, configuration.
  static json defaultCapabilities();

  // shutdown, exit, then waits for the process; returns its exit code, or -1 if it had to be
  // killed after the timeout.
  int shutdownAndExit(Millis timeout = Millis(10000));
  // SIGKILL to the server's process group; waits for it.
  void kill();
  // Waits for the process to end on its own; its exit code (128+signal if killed by a signal).
  std::optional<int> waitExit(Millis timeout);
  bool running();
  pid_t pid() const { return pid_; }

  // Notifications received so far (optionally only one method), in arrival order.
  std::vector<json> notifications(const std::string& method = "") const;
  void clearNotifications();
  // Waits for a notification of `method` for which `accept(params)` holds (any if null); checks
  // those already received first. Returns its params.
  std::optional<json> waitForNotification(const std::string& method,
                                          std::function<bool(const json&)> accept = nullptr,
                                          Millis timeout = Millis(10000));
  // The latest publishDiagnostics params for a URI, waiting for one if none arrived yet.
  std::optional<json> waitForDiagnostics(const std::string& uri, Millis timeout = Millis(10000));
  // Waits for the $/progress "end" of the server's work-done progress (indexing). False on timeout.
  bool waitForProgressEnd(Millis timeout = Millis(30000));

  // Server->client requests received so far: {"method", "params"} objects.
  std::vector<json> serverRequests() const;
  // Overrides the default answer for a server->client request method: the handler gets the
  // params and returns the result. Defaults: workspace/configuration -> one null per item,
  // everything else -> null result.
  void onServerRequest(const std::string& method, std::function<json(const json&)> handler);

  const std::string& stderrPath() const { return stderrPath_; }
  std::string stderrText() const;

private:
  void readLoop(int fd);
  void handleServerRequest(const json& message);

  ClientOptions options_;
  pid_t pid_ = -1;
  int toServer_ = -1;
  std::optional<int> exitCode_;
  std::string stderrPath_;
  std::unique_ptr<protocol::MessageWriter> writer_;
  std::thread reader_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  int nextId_ = 1;
  std::map<int, json> responses_;
  std::map<int, std::chrono::steady_clock::time_point> sentAt_;
  std::map<int, double> elapsed_;
  std::vector<json> notifications_; // full messages: {"method", "params"}
  std::vector<json> serverRequests_;
  std::map<std::string, std::function<json(const json&)>> requestHandlers_;
  bool eof_ = false;
};

// file:// URI of a path (made absolute).
std::string fileUri(const std::string& path);

} // namespace dossier::testing
