// The LSP layer: the only part of Dossier that knows JSON-RPC and LSP. It reads framed messages on
// one thread, keeps the lifecycle (initialize -> initialized -> shutdown -> exit), turns editor
// notifications into corpus-store events, and runs requests on a worker pool against a snapshot.
//
// A request's path: MessageReader::read -> LspServer::handleMessage -> onRequest (lifecycle checks,
// cancellation token, the ticket of the last edit) -> request pool -> the feature handler bound to
// the method (server/features/*.cpp) with a RequestContext -> MessageWriter::write.
#pragma once

#include "protocol/jsonrpc.h"
#include "protocol/position.h"
#include "protocol/transport.h"
#include "protocol/types_lifecycle.h"
#include "server/corpus/store.h"
#include "server/lsp/drafts.h"
#include "server/lsp/request_context.h"
#include "server/scheduler/thread_pool.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

namespace dossier::lsp {

struct ServerOptions {
  unsigned indexThreads = 0;   // 0: one per core
  corpus::CacheSettings cache; // the persistent analysis cache (off unless main turns it on)
};

class LspServer {
public:
  using Handler = std::function<nlohmann::json(RequestContext&, const nlohmann::json& params)>;

  LspServer(int inputFd, int outputFd, ServerOptions options);
  ~LspServer();

  // Serves until `exit` or the end of input; returns the process exit code (0 after a clean
  // shutdown + exit, 1 otherwise, as the LSP specification asks).
  int run();

private:
  enum class State { Uninitialized, Running, ShutDown };

  void handleMessage(protocol::Message& message);
  void onRequest(protocol::Message& message);
  void onNotification(protocol::Message& message);
  void onResponse(protocol::Message& message);

  nlohmann::json initialize(const nlohmann::json& params);
  void initialized();
  void bindFeatures();

  void didOpen(const nlohmann::json& params);
  void didChange(const nlohmann::json& params);
  void didClose(const nlohmann::json& params);
  void didSave(const nlohmann::json& params);
  void didChangeWatchedFiles(const nlohmann::json& params);
  void didChangeConfiguration(const nlohmann::json& params);
  void cancelRequest(const nlohmann::json& params);
  // Editor settings arrive pushed (initializationOptions, didChangeConfiguration) or pulled
  // (workspace/configuration, section "dossier"); both end here.
  void applyEditorSettings(const nlohmann::json& settings, const std::string& origin);
  void pullConfiguration();

  // Runs a request handler on the request pool against the snapshot that includes every edit
  // received before it, and answers it.
  void runRequest(const nlohmann::json& id, const std::string& method, nlohmann::json params,
                  Handler handler);
  void reply(const nlohmann::json& id, nlohmann::json result);
  // A result already in JSON text (RequestContext::resultText), sent as it is.
  void replyWithText(const nlohmann::json& id, const std::string& resultText);
  void replyError(const nlohmann::json& id, protocol::ErrorCode code, const std::string& message);
  void notify(std::string_view method, nlohmann::json params);
  void request(std::string_view method, nlohmann::json params,
               std::function<void(const protocol::Message&)> onReply = nullptr);

  // Called by the corpus store after each publication (on its writer thread).
  void onPublished(const std::shared_ptr<const corpus::Snapshot>& snapshot,
                   const std::vector<corpus::DocId>& changed, bool corpusWide);
  void publishDiagnostics(const std::shared_ptr<const corpus::Snapshot>& snapshot,
                          std::vector<std::string> paths);
  void reportProgress(const corpus::IndexingProgress& progress);
  // Ends the indexing progress with the read's figures (progressMutex_ held).
  void endProgressLocked(const corpus::IndexingProgress& progress);
  // Queues the warm-up of a finished snapshot's frequent entities (features::warmFrequentEntities).
  void warmEntities(std::shared_ptr<const corpus::Snapshot> snapshot);
  void watchParentProcess(int pid);
  std::string pathOf(const std::string& uri) const; // throws RequestError for non-file URIs

  ServerOptions options_;
  protocol::MessageReader reader_;
  protocol::MessageWriter writer_;
  std::atomic<State> state_{State::Uninitialized};
  bool exitRequested_ = false;

  protocol::ClientCapabilities client_;
  protocol::PositionEncoding encoding_ = protocol::PositionEncoding::Utf16;
  nlohmann::json editorSettings_;

  std::unordered_map<std::string, Handler> handlers_;
  DraftStore drafts_;
  std::unique_ptr<scheduler::ThreadPool> requestPool_;
  std::unique_ptr<scheduler::ThreadPool> diagnosticsPool_;
  // Works out the frequent entities of each settled snapshot ahead of requests (warmEntities).
  std::unique_ptr<scheduler::ThreadPool> warmPool_;
  std::atomic<std::uint64_t> latestRevision_{0}; // of the last snapshot published
  std::unique_ptr<corpus::CorpusStore> store_;
  std::atomic<corpus::CorpusStore::Ticket> lastEdit_{0};
  corpus::CorpusStore::Ticket rootsTicket_ =
      0; // progress is only meaningful once the roots are set

  std::mutex cancelMutex_;
  std::unordered_map<std::string, scheduler::CancellationToken> inFlight_; // by id.dump()

  std::mutex outgoingMutex_;
  int nextOutgoingId_ = 1;
  std::unordered_map<int, std::function<void(const protocol::Message&)>> outgoing_;

  // Diagnostics already sent, per path: the snapshot revision they came from, so an older
  // computation never overwrites a newer one.
  std::mutex diagnosticsMutex_;
  std::unordered_map<std::string, std::uint64_t> publishedRevision_;

  std::mutex progressMutex_;
  std::string progressToken_;
  bool progressBegun_ = false, progressEnded_ = false;
  // The indexing progress ends once the first finished snapshot's frequent entities are warm.
  bool firstWarmDone_ = false;
  std::optional<corpus::IndexingProgress> finishedProgress_; // the read's final figures
  std::chrono::steady_clock::time_point lastProgressReport_{};

  std::thread parentWatcher_;
  std::atomic<bool> stopping_{false};
};

} // namespace dossier::lsp
