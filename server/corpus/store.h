// The corpus state's single owner. Every change (an editor edit, a file changed on disk, a new
// configuration, the initial folder scan) is an event queued here; one writer thread applies them
// in order and publishes a new immutable Snapshot after each batch. Nothing else mutates corpus
// state.
//
// Each call returns a ticket; `snapshotAfter(ticket)` waits until the change is visible, so a
// request that arrives after an edit is answered on the edited text. Editor edits are analysed on
// the writer thread (a few milliseconds) and jump ahead of bulk work; reading and analysing files
// from disk runs on a low-priority pool and is committed as results arrive.
#pragma once

#include "server/corpus/cache.h"
#include "server/corpus/scan.h"
#include "server/corpus/snapshot.h"
#include "server/scheduler/thread_pool.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace dossier::corpus {

enum class LogLevel { Error, Warning, Info, Debug };

struct StoreCallbacks {
  // After each publication: the new snapshot and the documents whose text or analysis changed.
  // `corpusWide` is true when corpus-wide results may have changed for every document (a new
  // configuration, documents added or removed). Called on the writer thread: keep it short.
  std::function<void(const std::shared_ptr<const Snapshot>&, const std::vector<DocId>& changed,
                     bool corpusWide)>
      published;
  // While a folder is read, between publications (which grow rarer as the corpus grows): how far
  // the read has got. Never called with a finished progress (that comes with its snapshot).
  // Called on the writer thread: keep it short.
  std::function<void(const IndexingProgress&)> progress;
  std::function<void(LogLevel, const std::string&)> log;
};

class CorpusStore {
public:
  using Ticket = std::uint64_t;

  // With `cache.enabled`, analyses of files read from disk are saved per workspace once a folder
  // has been read, and files whose size, mtime and content are unchanged are loaded from there next
  // time.
  CorpusStore(StoreCallbacks callbacks, unsigned indexThreads, CacheSettings cache = {});
  ~CorpusStore();
  CorpusStore(const CorpusStore&) = delete;
  CorpusStore& operator=(const CorpusStore&) = delete;

  // Replaces the workspace roots (absolute folder paths) and scans them.
  Ticket setRoots(std::vector<std::string> roots);
  // Settings from the editor, merged over each root's dossier.json.
  Ticket setEditorSettings(WorkspaceConfig settings);
  // An editor buffer: its text wins over the disk until it is closed.
  Ticket setOpenDocument(std::string path, std::shared_ptr<const std::string> text,
                         std::int64_t version);
  Ticket closeDocument(std::string path);
  // A file created, changed or deleted on disk (from the editor's file watcher).
  Ticket fileChanged(std::string path);
  Ticket fileDeleted(std::string path);
  // Forgets everything read from disk and reads the roots again.
  Ticket reindex();

  std::shared_ptr<const Snapshot> snapshot() const;
  // The first snapshot that includes the change with this ticket; waits at most `timeout`, then
  // returns the latest one.
  std::shared_ptr<const Snapshot> snapshotAfter(Ticket ticket,
                                                std::chrono::milliseconds timeout) const;

private:
  struct SetRoots {
    std::vector<std::string> roots;
  };
  struct SetSettings {
    WorkspaceConfig settings;
  };
  struct SetOpen {
    std::string path;
    std::shared_ptr<const std::string> text;
    std::int64_t version;
  };
  struct Close {
    std::string path;
  };
  struct DiskChanged {
    std::string path;
  };
  struct DiskDeleted {
    std::string path;
  };
  struct Reindex {};
  // Results of background work, applied by the writer like any other event.
  struct Discovered {
    std::uint64_t scan;
    std::vector<ScannedFile> files;
    bool last;
  };
  struct Loaded {
    std::uint64_t generation; // of this path's disk state when the read was started
    bool counted;             // part of a scan: counts towards the progress
    std::string path;
    std::string relative;
    std::shared_ptr<const std::string> text; // null when the file could not be used
    std::string problem;
    std::shared_ptr<const analysis::DocumentAnalysis> analysis;
    std::shared_ptr<const analysis::Knowledge> knowledge; // what it was analysed with
    std::optional<FileStamp> stamp; // of the file as read, when it did not change while being read
    bool fromCache = false;         // the analysis came from the persistent cache
    // The analysis's index contributions, prepared on the index worker (the writer only merges).
    std::shared_ptr<const index::PreparedDocument> prepared;
  };
  using Event = std::variant<SetRoots, SetSettings, SetOpen, Close, DiskChanged, DiskDeleted,
                             Reindex, Discovered, Loaded>;

  Ticket enqueue(Event event, bool fromEditor);
  void writerLoop();
  void apply(Event& event);
  void publish();
  std::chrono::milliseconds publishInterval() const;

  void apply(SetRoots& e);
  void apply(SetSettings& e);
  void apply(SetOpen& e);
  void apply(Close& e);
  void apply(DiskChanged& e);
  void apply(DiskDeleted& e);
  void apply(Reindex& e);
  void apply(Discovered& e);
  void apply(Loaded& e);

  void startScan();
  void reloadConfiguration();
  void scheduleLoad(const std::string& path, const std::string& relative, bool counted);
  void putDocument(const std::string& path, const std::string& relative,
                   std::shared_ptr<const std::string> text, std::optional<std::int64_t> version,
                   std::shared_ptr<const analysis::DocumentAnalysis> analysis,
                   std::shared_ptr<const index::PreparedDocument> prepared = nullptr);
  // Indexes the new documents putDocument() left pending (addMany(): each key changed once for
  // the lot). Called before anything else changes or reads the writer's index.
  void indexPending();
  void removeDocument(const std::string& path);
  void reanalyseAll();
  // The root holding `path` and the path relative to it, when it is inside a root.
  std::optional<std::pair<std::size_t, std::string>> locate(const std::string& path) const;
  void log(LogLevel level, const std::string& message) const;
  // The persistent analysis cache (cache.h): opened for the current roots and knowledge, saved in
  // the background once a scan has read every file.
  void openCache();
  void scanFinished();
  // Saves the cache in the background when documents from disk changed since the last save; with
  // a save still running, tries again after the quiet period.
  void saveCache();
  std::vector<AnalysisCache::Entry> cacheEntries() const;

  StoreCallbacks callbacks_;
  std::unique_ptr<scheduler::ThreadPool> indexPool_; // reset last in the destructor body
  // Drops the snapshots the writer replaces: freeing an old snapshot's copies of the index shards
  // took a fifth of the writer's time per keystroke, and the next edit waited for it.
  std::unique_ptr<scheduler::ThreadPool> releasePool_;

  // Queue between callers and the writer thread.
  mutable std::mutex queueMutex_;
  std::condition_variable queueWake_;
  std::deque<std::pair<Ticket, Event>> editorQueue_; // applied first
  std::deque<std::pair<Ticket, Event>> backgroundQueue_;
  Ticket nextTicket_ = 1;
  bool stopping_ = false;

  // Published state.
  mutable std::mutex publishedMutex_;
  mutable std::condition_variable publishedWake_;
  std::shared_ptr<const Snapshot> published_;
  Ticket appliedTicket_ = 0;

  // Writer-only state (touched by the writer thread alone).
  struct Root {
    std::string path;
    ScanOptions scan;
  };
  std::vector<Root> roots_;
  WorkspaceConfig editorSettings_;
  bool haveEditorSettings_ = false;
  std::shared_ptr<const WorkspaceConfig> config_;
  std::shared_ptr<const analysis::Knowledge> knowledge_;
  std::shared_ptr<Snapshot::DocumentList> documents_;
  std::shared_ptr<Snapshot::PathMap> idsByPath_;
  // Snapshot::pathRanks of the current paths, recomputed at publication after a document was added
  // or removed (edits of existing documents keep it).
  std::shared_ptr<const std::vector<std::uint32_t>> pathRanks_;
  bool pathsChanged_ = true;
  std::shared_ptr<index::CorpusIndex> index_;
  // New documents read from disk with prepared contributions, not yet in index_ (indexPending()).
  struct PendingAdd {
    DocId id;
    std::shared_ptr<const analysis::DocumentAnalysis> analysis;
    std::shared_ptr<const index::PreparedDocument> prepared;
  };
  std::vector<PendingAdd> pendingAdds_;
  std::unordered_map<std::string, std::uint64_t> diskGeneration_; // path -> latest requested read
  std::uint64_t scanGeneration_ = 0;
  std::chrono::steady_clock::time_point scanStarted_;
  double scanWriterCpuStart_ = 0; // the writer thread's CPU seconds when the scan started
  IndexingProgress progress_;
  std::vector<DocId> changed_;
  bool corpusWideChange_ = false;
  std::uint64_t revision_ = 0;
  std::shared_ptr<std::atomic<bool>> scanStop_;
  std::thread scanThread_;
  CacheSettings cacheSettings_;
  std::shared_ptr<AnalysisCache> cache_;              // null when disabled or without roots
  std::unordered_map<std::string, FileStamp> stamps_; // path -> stamp of the disk text it holds
  bool cacheDirty_ = false;       // documents from disk changed since the cache was last saved
  bool scanFinishedSeen_ = false; // scanFinished() ran for the current scan
  std::size_t analysedInScan_ = 0;
  std::thread cacheWriter_;
  std::atomic<bool> cacheSaving_{false};
  // Files changed on disk after the read: saved once no change came for a quiet period.
  std::optional<std::chrono::steady_clock::time_point> cacheSaveDue_;

  std::thread writer_; // last: started once everything above is ready
};

} // namespace dossier::corpus
