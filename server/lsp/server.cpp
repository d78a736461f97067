#include "server/lsp/server.h"

#include "protocol/types_document.h"
#include "protocol/uri.h"
#include "server/features/features.h"
#include "server/lsp/bindings.h"
#include "server/lsp/logger.h"
#include "server/lsp/settings.h"

#include <csignal>
#include <filesystem>
#include <sys/types.h>
#include <unistd.h>

namespace dossier::lsp {
namespace fs = std::filesystem;
using nlohmann::json;
using protocol::ErrorCode;

namespace {

std::string normalisedPath(const std::string& path) {
  return fs::path(path).lexically_normal().generic_string();
}

} // namespace

LspServer::LspServer(int inputFd, int outputFd, ServerOptions options)
    : options_(options), reader_(inputFd), writer_(outputFd) {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  requestPool_ = std::make_unique<scheduler::ThreadPool>("requests", 2);
  diagnosticsPool_ = std::make_unique<scheduler::ThreadPool>("diagnostics", 1);
  warmPool_ = std::make_unique<scheduler::ThreadPool>("warm", 1, /*lowPriority=*/true);
  corpus::StoreCallbacks callbacks;
  callbacks.published = [this](const auto& snapshot, const auto& changed, bool corpusWide) {
    onPublished(snapshot, changed, corpusWide);
  };
  callbacks.progress = [this](const corpus::IndexingProgress& progress) {
    if (!stopping_ && state_ != State::Uninitialized) reportProgress(progress);
  };
  callbacks.log = [](corpus::LogLevel level, const std::string& message) {
    Logger::instance().log(static_cast<LogLevel>(level), message,
                           level <= corpus::LogLevel::Warning);
  };
  store_ = std::make_unique<corpus::CorpusStore>(
      std::move(callbacks), options_.indexThreads ? options_.indexThreads : cores, options_.cache);
  bindFeatures();
}

LspServer::~LspServer() {
  stopping_ = true;
  Logger::instance().setClientSink(nullptr);
  // Order matters. Requests still running when the input ends read the store: cancel them and let
  // them finish before the store goes (found by tests/fuzz/lsp_session). The store's callbacks post
  // to the diagnostics pool, so the store goes before that pool.
  {
    std::lock_guard lock(cancelMutex_);
    for (auto& [id, token] : inFlight_)
      token.cancel();
  }
  requestPool_.reset();
  store_.reset();
  diagnosticsPool_.reset();
  warmPool_.reset(); // a running warm-up sees stopping_ and ends after its current entity
  if (parentWatcher_.joinable()) parentWatcher_.join();
}

int LspServer::run() {
  while (!exitRequested_) {
    protocol::ReadResult read = reader_.read();
    switch (read.status) {
    case protocol::ReadResult::Status::Message: {
      auto parsed = protocol::parseMessage(read.body);
      if (auto* error = std::get_if<std::pair<json, protocol::RpcError>>(&parsed)) {
        logWarning("bad message: " + error->second.message);
        writer_.write(protocol::makeErrorResponse(error->first, error->second));
        break;
      }
      handleMessage(std::get<protocol::Message>(parsed));
      break;
    }
    case protocol::ReadResult::Status::BadHeader:
    case protocol::ReadResult::Status::TooLarge:
      // No id can be known: answer with id null, as JSON-RPC asks for unreadable requests.
      logWarning("unreadable message: " + read.error);
      writer_.write(protocol::makeErrorResponse(
          nullptr,
          {read.status == protocol::ReadResult::Status::TooLarge ? ErrorCode::InvalidRequest
                                                                 : ErrorCode::ParseError,
           read.error}));
      break;
    case protocol::ReadResult::Status::Eof:
      if (!read.error.empty()) logWarning("input ended inside a message: " + read.error);
      logInfo("input closed");
      return state_ == State::ShutDown ? 0 : 1;
    }
  }
  return state_ == State::ShutDown ? 0 : 1;
}

void LspServer::handleMessage(protocol::Message& message) {
  switch (message.kind) {
  case protocol::Message::Kind::Request:
    onRequest(message);
    break;
  case protocol::Message::Kind::Notification:
    onNotification(message);
    break;
  case protocol::Message::Kind::Response:
    onResponse(message);
    break;
  }
}

// --- requests
// -------------------------------------------------------------------------------------

void LspServer::onRequest(protocol::Message& message) {
  const std::string& method = message.method;
  if (method == "initialize") {
    if (state_ != State::Uninitialized) {
      replyError(message.id, ErrorCode::InvalidRequest, "initialize was already received");
      return;
    }
    try {
      reply(message.id, initialize(message.params));
    } catch (const RequestError& error) {
      replyError(message.id, error.code, error.message);
    }
    return;
  }
  if (state_ == State::Uninitialized) {
    replyError(message.id, ErrorCode::ServerNotInitialized, "the server has not been initialized");
    return;
  }
  if (method == "shutdown") {
    state_ = State::ShutDown;
    logInfo("shutdown requested");
    reply(message.id, nullptr);
    return;
  }
  if (state_ == State::ShutDown) {
    replyError(message.id, ErrorCode::InvalidRequest, "the server is shutting down");
    return;
  }
  auto handler = handlers_.find(method);
  if (handler == handlers_.end()) {
    replyError(message.id, ErrorCode::MethodNotFound, "unknown method: " + method);
    return;
  }
  runRequest(message.id, method, std::move(message.params), handler->second);
}

void LspServer::runRequest(const json& id, const std::string& method, json params,
                           Handler handler) {
  scheduler::CancellationToken token;
  {
    std::lock_guard lock(cancelMutex_);
    inFlight_[id.dump()] = token;
  }
  corpus::CorpusStore::Ticket ticket = lastEdit_.load();
  requestPool_->post([this, id, method, params = std::move(params), handler = std::move(handler),
                      token, ticket]() mutable {
    auto started = std::chrono::steady_clock::now();
    auto answered = started;
    try {
      if (token.cancelled()) throw scheduler::Cancelled{};
      RequestContext context;
      context.snapshot = store_->snapshotAfter(ticket, std::chrono::seconds(5));
      context.client = &client_;
      context.encoding = encoding_;
      context.cancel = token;
      json result = handler(context, params);
      token.check();
      answered = std::chrono::steady_clock::now();
      if (context.resultText)
        replyWithText(id, *context.resultText);
      else
        reply(id, std::move(result));
    } catch (const scheduler::Cancelled&) {
      replyError(id, ErrorCode::RequestCancelled, method + " was cancelled");
    } catch (const RequestError& error) {
      replyError(id, error.code, error.message);
    } catch (const std::exception& error) {
      // One feature's bug must not take the server down: answer with an error and go on.
      logError(method + " failed: " + error.what());
      replyError(id, ErrorCode::InternalError, method + " failed: " + error.what());
    }
    {
      std::lock_guard lock(cancelMutex_);
      inFlight_.erase(id.dump());
    }
    // Working out the answer and writing it apart: a long answer waits for the editor to read it.
    auto micros = [](auto duration) {
      return std::to_string(
          std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
    };
    auto finished = std::chrono::steady_clock::now();
    logDebug(method + " took " + micros(finished - started) + " us (answer ready after " +
             micros(answered - started) + " us)");
  });
}

void LspServer::reply(const json& id, json result) {
  writer_.write(protocol::makeResponse(id, std::move(result)));
}

void LspServer::replyWithText(const json& id, const std::string& resultText) {
  writer_.writeBody(R"({"jsonrpc":"2.0","id":)" + id.dump() + R"(,"result":)" + resultText + "}");
}

void LspServer::replyError(const json& id, ErrorCode code, const std::string& message) {
  writer_.write(protocol::makeErrorResponse(id, {code, message}));
}

void LspServer::notify(std::string_view method, json params) {
  writer_.write(protocol::makeNotification(method, std::move(params)));
}

void LspServer::request(std::string_view method, json params,
                        std::function<void(const protocol::Message&)> onReply) {
  int id;
  {
    std::lock_guard lock(outgoingMutex_);
    id = nextOutgoingId_++;
    if (onReply) outgoing_[id] = std::move(onReply);
  }
  writer_.write(protocol::makeRequest("dossier-" + std::to_string(id), method, std::move(params)));
}

void LspServer::onResponse(protocol::Message& message) {
  if (!message.id.is_string()) return;
  std::string id = message.id.get<std::string>();
  if (!id.starts_with("dossier-")) return;
  std::function<void(const protocol::Message&)> callback;
  {
    std::lock_guard lock(outgoingMutex_);
    auto it = outgoing_.find(std::atoi(id.c_str() + 8));
    if (it == outgoing_.end()) return;
    callback = std::move(it->second);
    outgoing_.erase(it);
  }
  if (!message.error.is_null())
    logDebug("client answered " + id + " with an error: " + message.error.dump());
  callback(message);
}

// --- notifications
// --------------------------------------------------------------------------------

void LspServer::onNotification(protocol::Message& message) {
  const std::string& method = message.method;
  if (method == "exit") {
    exitRequested_ = true;
    return;
  }
  if (state_ == State::Uninitialized) return; // the spec says: drop notifications before initialize
  try {
    if (method == "initialized") {
      initialized();
    } else if (method == "textDocument/didOpen") {
      didOpen(message.params);
    } else if (method == "textDocument/didChange") {
      didChange(message.params);
    } else if (method == "textDocument/didClose") {
      didClose(message.params);
    } else if (method == "textDocument/didSave") {
      didSave(message.params);
    } else if (method == "workspace/didChangeWatchedFiles") {
      didChangeWatchedFiles(message.params);
    } else if (method == "workspace/didChangeConfiguration") {
      didChangeConfiguration(message.params);
    } else if (method == "$/cancelRequest") {
      cancelRequest(message.params);
    } else if (method.starts_with("$/")) {
      // Optional protocol notifications ($/setTrace, ...) may be ignored.
    } else {
      logDebug("ignoring notification " + method);
    }
  } catch (const RequestError& error) {
    // Notifications cannot be answered: say so in the log, where the user can see it.
    logWarning(method + ": " + error.message);
  } catch (const std::exception& error) {
    logError(method + " failed: " + error.what());
  }
}

std::string LspServer::pathOf(const std::string& uri) const {
  auto path = protocol::uriToPath(uri);
  if (!path) throw RequestError{ErrorCode::InvalidParams, "not a file: URI, ignored: " + uri};
  return normalisedPath(*path);
}

void LspServer::didOpen(const json& json) {
  auto params = parseParams<protocol::DidOpenTextDocumentParams>(json);
  std::string path = pathOf(params.textDocument.uri);
  drafts_.open(path, std::move(params.textDocument.text), params.textDocument.version);
  auto draft = drafts_.get(path);
  lastEdit_ = store_->setOpenDocument(path, draft->text, draft->version);
}

void LspServer::didChange(const json& json) {
  auto params = parseParams<protocol::DidChangeTextDocumentParams>(json);
  std::string path = pathOf(params.textDocument.uri);
  std::vector<TextChange> changes;
  for (auto& change : params.contentChanges)
    changes.push_back({change.range, std::move(change.text)});
  auto draft = drafts_.change(path, changes, params.textDocument.version, encoding_);
  if (!draft)
    throw RequestError{ErrorCode::InvalidParams,
                       "didChange for a document that is not open: " + path};
  lastEdit_ = store_->setOpenDocument(path, draft->text, draft->version);
}

void LspServer::didClose(const json& json) {
  auto params = parseParams<protocol::DidCloseTextDocumentParams>(json);
  std::string path = pathOf(params.textDocument.uri);
  drafts_.close(path);
  lastEdit_ = store_->closeDocument(path);
  // Closed documents keep no pushed diagnostics; pull clients still get them on request.
  {
    std::lock_guard lock(diagnosticsMutex_);
    publishedRevision_.erase(path);
  }
  notify("textDocument/publishDiagnostics",
         {{"uri", params.textDocument.uri}, {"diagnostics", json::array()}});
}

void LspServer::didSave(const json& json) {
  auto params = parseParams<protocol::DidSaveTextDocumentParams>(json);
  (void)params; // the buffer already holds the saved text; the disk copy matters after close
}

void LspServer::didChangeWatchedFiles(const json& json) {
  auto params = parseParams<protocol::DidChangeWatchedFilesParams>(json);
  for (const auto& change : params.changes) {
    auto path = protocol::uriToPath(change.uri);
    if (!path) continue;
    std::string normal = normalisedPath(*path);
    lastEdit_ = change.type == protocol::FileChangeType::Deleted ? store_->fileDeleted(normal)
                                                                 : store_->fileChanged(normal);
  }
}

void LspServer::didChangeConfiguration(const json& json) {
  auto params = parseParams<protocol::DidChangeConfigurationParams>(json);
  if (!params.settings.is_null() && !(params.settings.is_object() && params.settings.empty())) {
    applyEditorSettings(params.settings, "settings");
  } else {
    pullConfiguration(); // a bare "something changed": ask for the section
  }
}

void LspServer::applyEditorSettings(const json& settings, const std::string& origin) {
  auto config = settingsFromEditor(settings);
  for (const auto& problem : config.problems)
    logWarning(origin + ": " + problem);
  lastEdit_ = store_->setEditorSettings(std::move(config));
}

void LspServer::pullConfiguration() {
  if (!client_.workspaceConfiguration) return;
  request("workspace/configuration", {{"items", json::array({{{"section", "dossier"}}})}},
          [this](const protocol::Message& reply) {
            if (!reply.error.is_null() || !reply.result.is_array() || reply.result.empty()) return;
            const json& section = reply.result[0];
            if (section.is_object()) applyEditorSettings(section, "workspace/configuration");
          });
}

void LspServer::cancelRequest(const json& params) {
  if (!params.is_object() || !params.contains("id")) return;
  std::lock_guard lock(cancelMutex_);
  auto it = inFlight_.find(params["id"].dump());
  if (it != inFlight_.end()) it->second.cancel();
}

// --- corpus publications
// ---------------------------------------------------------------------------

void LspServer::onPublished(const std::shared_ptr<const corpus::Snapshot>& snapshot,
                            const std::vector<corpus::DocId>& changed, bool corpusWide) {
  if (stopping_ || state_ == State::Uninitialized) return;
  latestRevision_ = snapshot->revision;
  reportProgress(snapshot->progress);
  if (snapshot->progress.done()) warmEntities(snapshot);
  // Push diagnostics for open documents whose analysis changed, or all of them when corpus-wide
  // results (repeated lines, spelling variants) may have moved.
  std::vector<std::string> paths;
  for (const std::string& path : drafts_.openPaths()) {
    const corpus::Document* doc = snapshot->documentAt(path);
    if (!doc) continue;
    if (corpusWide || std::find(changed.begin(), changed.end(), doc->id) != changed.end())
      paths.push_back(path);
  }
  if (paths.empty()) return;
  diagnosticsPool_->post([this, snapshot, paths = std::move(paths)]() mutable {
    publishDiagnostics(snapshot, std::move(paths));
  });
}

void LspServer::publishDiagnostics(const std::shared_ptr<const corpus::Snapshot>& snapshot,
                                   std::vector<std::string> paths) {
  RequestContext context;
  context.snapshot = snapshot;
  context.client = &client_;
  context.encoding = encoding_;
  for (const std::string& path : paths) {
    const corpus::Document* doc = snapshot->documentAt(path);
    auto draft = drafts_.get(path);
    // Only for the text the editor has now: a result for an older version would be stale.
    if (!doc || !draft || !doc->version || *doc->version != draft->version) continue;
    {
      std::lock_guard lock(diagnosticsMutex_);
      std::uint64_t& last = publishedRevision_[path];
      if (last > snapshot->revision) continue; // a newer snapshot's diagnostics went out already
      last = snapshot->revision;
    }
    protocol::PublishDiagnosticsParams params;
    params.uri = RequestContext::uriOf(*doc);
    if (client_.diagnosticVersionSupport) params.version = static_cast<int>(*doc->version);
    try {
      params.diagnostics = features::diagnosticsFor(context, *doc);
    } catch (const std::exception& error) {
      logError("diagnostics for " + path + " failed: " + error.what());
      continue;
    }
    notify("textDocument/publishDiagnostics", protocol::toJSON(params));
  }
}

void LspServer::reportProgress(const corpus::IndexingProgress& progress) {
  std::lock_guard lock(progressMutex_);
  if (progressToken_.empty() || progressEnded_ || !progressBegun_) return;
  auto now = std::chrono::steady_clock::now();
  if (progress.done()) {
    finishedProgress_ = progress;
    if (firstWarmDone_) endProgressLocked(progress);
    return;
  }
  if (now - lastProgressReport_ < std::chrono::milliseconds(200)) return;
  lastProgressReport_ = now;
  unsigned percentage =
      progress.discovered ? static_cast<unsigned>(100.0 * progress.processed / progress.discovered)
                          : 0;
  notify("$/progress", {{"token", progressToken_},
                        {"value",
                         {{"kind", "report"},
                          {"message", "Reading " + std::to_string(progress.processed) + " of " +
                                          std::to_string(progress.discovered) + " files" +
                                          (progress.scanning ? " (still scanning)" : "")},
                          {"percentage", std::min(percentage, 99u)}}}});
}

void LspServer::endProgressLocked(const corpus::IndexingProgress& progress) {
  if (progressToken_.empty() || progressEnded_ || !progressBegun_) return;
  progressEnded_ = true;
  std::string read = "Read " + std::to_string(progress.processed) + " files";
  if (progress.fromCache) read += " (" + std::to_string(progress.fromCache) + " from cache)";
  notify("$/progress",
         {{"token", progressToken_}, {"value", {{"kind", "end"}, {"message", read}}}});
  logInfo("corpus read: " + std::to_string(progress.processed) + " files, " +
              std::to_string(progress.fromCache) + " from cache",
          true);
}

// How many of the most widely mentioned entities are worked out before the indexing progress ends,
// and then in the background once the folder is read (cards only: a references answer kept as
// text costs about 130 bytes a mention).
constexpr std::size_t kWarmBeforeReady = 32;
constexpr std::size_t kWarmAfterReady = 128;

void LspServer::warmEntities(std::shared_ptr<const corpus::Snapshot> snapshot) {
  warmPool_->post([this, snapshot = std::move(snapshot)] {
    bool first;
    {
      std::lock_guard lock(progressMutex_);
      first = !firstWarmDone_;
    }
    auto superseded = [&] { return stopping_ || latestRevision_ != snapshot->revision; };
    // After an edit, wait for the burst of keystrokes to settle: each one publishes a snapshot,
    // and only the last one's answers will be asked for.
    for (int i = 0; !first && i < 6 && !superseded(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (superseded()) return; // the newer snapshot has its own warm-up queued
    RequestContext context;
    context.snapshot = snapshot;
    context.client = &client_;
    context.encoding = encoding_;
    auto started = std::chrono::steady_clock::now();
    auto warm = [&](std::size_t limit) {
      try {
        std::size_t warmed =
            features::warmFrequentEntities(context, limit, kWarmBeforeReady, superseded);
        auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        logDebug("warmed " + std::to_string(warmed) + " frequent entities of revision " +
                 std::to_string(snapshot->revision) + " after " + std::to_string(elapsed.count()) +
                 " ms");
      } catch (const std::exception& error) {
        logError(std::string("warming frequent entities failed: ") + error.what());
      }
    };
    warm(kWarmBeforeReady);
    if (!first) return;
    {
      std::lock_guard lock(progressMutex_);
      firstWarmDone_ = true;
      if (finishedProgress_) endProgressLocked(*finishedProgress_);
    }
    // A folder opened afresh goes on with the next most mentioned ones while the user starts
    // reading; after an edit the most mentioned are enough (all of it is done again per edit).
    warm(kWarmAfterReady);
    if (superseded()) return;
    try {
      started = std::chrono::steady_clock::now();
      features::warmFlagTables(context);
      logDebug("flag tables of revision " + std::to_string(snapshot->revision) + " built in " +
               std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - started)
                                  .count()) +
               " ms");
    } catch (const std::exception& error) {
      logError(std::string("building the flag tables failed: ") + error.what());
    }
  });
}

// --- lifecycle
// ------------------------------------------------------------------------------------

json LspServer::initialize(const json& json) {
  auto params = parseParams<protocol::InitializeParams>(json);
  client_ = params.capabilities;
  encoding_ = protocol::negotiateEncoding(client_.positionEncodings);
  if (params.processId) watchParentProcess(*params.processId);

  std::vector<std::string> roots;
  if (params.workspaceFolders) {
    for (const auto& folder : *params.workspaceFolders)
      if (auto path = protocol::uriToPath(folder.uri)) roots.push_back(normalisedPath(*path));
  }
  if (roots.empty() && params.rootUri) {
    if (auto path = protocol::uriToPath(*params.rootUri)) roots.push_back(normalisedPath(*path));
  }
  if (roots.empty() && params.rootPath) roots.push_back(normalisedPath(*params.rootPath));

  if (params.initializationOptions.is_object()) {
    auto settings = settingsFromEditor(params.initializationOptions);
    for (const auto& problem : settings.problems)
      logWarning("initializationOptions: " + problem);
    store_->setEditorSettings(std::move(settings));
  }
  // The folder is read in the background: this answer does not wait for it.
  lastEdit_ = rootsTicket_ = store_->setRoots(roots);
  state_ = State::Running;
  Logger::instance().setClientSink([this](LogLevel level, const std::string& message) {
    int type = level == LogLevel::Error     ? 1
               : level == LogLevel::Warning ? 2
               : level == LogLevel::Info    ? 3
                                            : 4;
    notify("window/logMessage", {{"type", type}, {"message", message}});
  });
  logInfo("Dossier " DOSSIER_VERSION " serving " + std::to_string(roots.size()) +
              " workspace folder(s), " + std::string(protocol::toString(encoding_)) + " positions",
          true);

  protocol::InitializeResult result;
  result.serverInfo = protocol::ServerInfo{"dossier-ls", DOSSIER_VERSION};
  auto& caps = result.capabilities;
  caps.positionEncoding(encoding_).textDocumentSync(protocol::TextDocumentSyncKind::Incremental);
  advertiseFeatures(caps, client_);
  return protocol::toJSON(result);
}

void LspServer::initialized() {
  pullConfiguration();
  if (client_.watchedFilesDynamicRegistration) {
    json watchers = json::array({{{"globPattern", "**/*"}}});
    request("client/registerCapability",
            {{"registrations", json::array({{{"id", "dossier-watch"},
                                             {"method", "workspace/didChangeWatchedFiles"},
                                             {"registerOptions", {{"watchers", watchers}}}}})}});
  }
  if (client_.workDoneProgress) {
    std::string token = "dossier-indexing";
    request("window/workDoneProgress/create", {{"token", token}},
            [this, token](const protocol::Message& reply) {
              if (!reply.error.is_null()) return;
              {
                std::lock_guard lock(progressMutex_);
                progressToken_ = token;
                progressBegun_ = true;
                notify("$/progress", {{"token", token},
                                      {"value",
                                       {{"kind", "begin"},
                                        {"title", "Dossier"},
                                        {"message", "Reading the folder"},
                                        {"cancellable", false},
                                        {"percentage", 0}}}});
              }
              // A small folder may be read before the client answered: report where reading stands
              // now, which ends the progress at once if it is already done.
              reportProgress(
                  store_->snapshotAfter(rootsTicket_, std::chrono::seconds(5))->progress);
            });
  }
}

void LspServer::watchParentProcess(int pid) {
  if (pid <= 0) return;
  parentWatcher_ = std::thread([this, pid] {
    while (!stopping_) {
      for (int i = 0; i < 10 && !stopping_; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (stopping_) return;
      if (kill(pid, 0) != 0 && errno == ESRCH) {
        logError("the editor (process " + std::to_string(pid) + ") is gone; exiting");
        std::_Exit(1);
      }
    }
  });
}

} // namespace dossier::lsp
