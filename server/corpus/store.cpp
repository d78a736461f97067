#include "server/corpus/store.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <utility>

namespace dossier::corpus {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
// How often the progress is reported between publications while a folder is read.
constexpr auto kProgressInterval = std::chrono::milliseconds(250);
// After a file changed on disk, the cache is saved once no other change came for this long: a
// branch switch or a sync changes many files in a burst, saved once at its end.
constexpr auto kCacheQuietPeriod = std::chrono::seconds(2);
// New documents indexed together (CorpusIndex::addMany): enough that common keys repeat across
// them, few enough that the batch's grouping tables stay small.
constexpr std::size_t kPendingAddsMax = 512;

namespace {
// CPU seconds the calling thread has used (the writer's share of a folder's reading).
double threadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}
} // namespace

std::uint64_t hashText(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

namespace {

// Merges the editor's settings into a root's file configuration. The file is the more specific of
// the two, so its entries come last and win where both speak.
WorkspaceConfig merge(WorkspaceConfig file, const WorkspaceConfig& editor) {
  file.disabled.insert(file.disabled.begin(), editor.disabled.begin(), editor.disabled.end());
  file.severities.insert(file.severities.begin(), editor.severities.begin(),
                         editor.severities.end());
  file.exclude.insert(file.exclude.end(), editor.exclude.begin(), editor.exclude.end());
  file.ignores.insert(file.ignores.end(), editor.ignores.begin(), editor.ignores.end());
  return file;
}

bool sameKnowledgeInputs(const WorkspaceConfig& a, const WorkspaceConfig& b) {
  return a.lexicon.extraRecords == b.lexicon.extraRecords && a.aliasGroups == b.aliasGroups &&
         a.separateGroups == b.separateGroups && a.ignoredSurfaces == b.ignoredSurfaces;
}

analysis::KnowledgeOverrides overridesOf(const WorkspaceConfig& config) {
  return config.lexicon;
}

// Snapshot::pathRanks: ids of removed documents keep UINT32_MAX (no snapshot lists them).
std::shared_ptr<const std::vector<std::uint32_t>> rankByPath(const Snapshot::PathMap& idsByPath,
                                                             std::size_t idCount) {
  std::vector<std::pair<std::string_view, DocId>> byPath;
  byPath.reserve(idsByPath.size());
  for (const auto& [path, id] : idsByPath)
    byPath.push_back({path, id});
  std::sort(byPath.begin(), byPath.end());
  auto ranks = std::make_shared<std::vector<std::uint32_t>>(idCount, UINT32_MAX);
  for (std::size_t rank = 0; rank < byPath.size(); ++rank)
    if (byPath[rank].second < idCount)
      (*ranks)[byPath[rank].second] = static_cast<std::uint32_t>(rank);
  return ranks;
}

} // namespace

CorpusStore::CorpusStore(StoreCallbacks callbacks, unsigned indexThreads, CacheSettings cache)
    : callbacks_(std::move(callbacks)), indexPool_(std::make_unique<scheduler::ThreadPool>(
                                            "index", indexThreads, /*lowPriority=*/true)),
      releasePool_(std::make_unique<scheduler::ThreadPool>("release", 1, /*lowPriority=*/true)) {
  config_ = std::make_shared<WorkspaceConfig>();
  knowledge_ = analysis::Knowledge::builtin();
  documents_ = std::make_shared<Snapshot::DocumentList>();
  idsByPath_ = std::make_shared<Snapshot::PathMap>();
  index_ = std::make_shared<index::CorpusIndex>();
  cacheSettings_ = std::move(cache);
  publish();
  writer_ = std::thread([this] { writerLoop(); });
}

CorpusStore::~CorpusStore() {
  // The writer posts to the index pool and the pool's tasks enqueue here: stop the writer and the
  // scan first, then the pool, while the queues they write to still exist.
  {
    std::lock_guard lock(queueMutex_);
    stopping_ = true;
  }
  queueWake_.notify_all();
  writer_.join();
  if (scanStop_) scanStop_->store(true);
  if (scanThread_.joinable()) scanThread_.join();
  indexPool_.reset();
  releasePool_.reset();
  if (cacheWriter_.joinable()) cacheWriter_.join();
  // Changes since the last save (files edited on disk after the scan): save them now.
  if (cache_ && cacheDirty_ && progress_.done()) cache_->write(cacheEntries());
}

CorpusStore::Ticket CorpusStore::enqueue(Event event, bool fromEditor) {
  Ticket ticket;
  {
    std::lock_guard lock(queueMutex_);
    ticket = nextTicket_++;
    (fromEditor ? editorQueue_ : backgroundQueue_).emplace_back(ticket, std::move(event));
  }
  queueWake_.notify_one();
  return ticket;
}

CorpusStore::Ticket CorpusStore::setRoots(std::vector<std::string> roots) {
  return enqueue(SetRoots{std::move(roots)}, true);
}
CorpusStore::Ticket CorpusStore::setEditorSettings(WorkspaceConfig settings) {
  return enqueue(SetSettings{std::move(settings)}, true);
}
CorpusStore::Ticket CorpusStore::setOpenDocument(std::string path,
                                                 std::shared_ptr<const std::string> text,
                                                 std::int64_t version) {
  return enqueue(SetOpen{std::move(path), std::move(text), version}, true);
}
CorpusStore::Ticket CorpusStore::closeDocument(std::string path) {
  return enqueue(Close{std::move(path)}, true);
}
CorpusStore::Ticket CorpusStore::fileChanged(std::string path) {
  return enqueue(DiskChanged{std::move(path)}, true);
}
CorpusStore::Ticket CorpusStore::fileDeleted(std::string path) {
  return enqueue(DiskDeleted{std::move(path)}, true);
}
CorpusStore::Ticket CorpusStore::reindex() {
  return enqueue(Reindex{}, true);
}

std::shared_ptr<const Snapshot> CorpusStore::snapshot() const {
  std::lock_guard lock(publishedMutex_);
  return published_;
}

std::shared_ptr<const Snapshot>
CorpusStore::snapshotAfter(Ticket ticket, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(publishedMutex_);
  publishedWake_.wait_for(lock, timeout, [&] { return appliedTicket_ >= ticket; });
  return published_;
}

void CorpusStore::writerLoop() {
  while (true) {
    std::vector<std::pair<Ticket, Event>> batch;
    bool fromEditor = false;
    {
      std::unique_lock lock(queueMutex_);
      auto pending = [&] {
        return stopping_ || !editorQueue_.empty() || !backgroundQueue_.empty();
      };
      if (cacheSaveDue_) {
        if (!queueWake_.wait_until(lock, *cacheSaveDue_, pending)) {
          lock.unlock();
          saveCache(); // quiet since the last change from disk
          continue;
        }
      } else {
        queueWake_.wait(lock, pending);
      }
      if (stopping_) return;
      if (!editorQueue_.empty()) {
        fromEditor = true;
        while (!editorQueue_.empty()) {
          batch.push_back(std::move(editorQueue_.front()));
          editorQueue_.pop_front();
        }
      }
    }
    if (fromEditor) {
      Ticket last = 0;
      for (auto& [ticket, event] : batch) {
        apply(event);
        last = ticket;
      }
      publish();
      {
        std::lock_guard lock(publishedMutex_);
        appliedTicket_ = std::max(appliedTicket_, last);
      }
      publishedWake_.notify_all();
      continue;
    }
    // Background results (disk reads during a scan): keep applying them until the publication
    // interval is over, waiting for more when the queue runs dry, and publish once. Publishing
    // after every document would make the next write clone the index shards the new snapshot
    // shares: the interval bounds that copying to a few times a second. Editor events cut the wait
    // short.
    auto deadline = Clock::now() + publishInterval();
    auto nextProgress = Clock::now() + kProgressInterval;
    while (true) {
      std::pair<Ticket, Event> item;
      {
        std::unique_lock lock(queueMutex_);
        bool more = queueWake_.wait_until(lock, std::min(deadline, nextProgress), [&] {
          return stopping_ || !editorQueue_.empty() || !backgroundQueue_.empty();
        });
        if (stopping_ || !editorQueue_.empty()) break;
        if (!more) {
          if (Clock::now() >= deadline) break;
          // Between sparse publications the progress still moves.
          nextProgress = Clock::now() + kProgressInterval;
          lock.unlock();
          if (callbacks_.progress && !progress_.done()) callbacks_.progress(progress_);
          continue;
        }
        item = std::move(backgroundQueue_.front());
        backgroundQueue_.pop_front();
      }
      apply(item.second);
      if (progress_.done()) break; // the scan just finished: show it at once
      if (Clock::now() >= nextProgress) {
        nextProgress = Clock::now() + kProgressInterval;
        if (callbacks_.progress) callbacks_.progress(progress_);
      }
    }
    publish();
  }
}

std::chrono::milliseconds CorpusStore::publishInterval() const {
  // Small corpora: show results quickly. Large ones: publish less often, since each publication
  // costs a copy of the shards written next, which grows with the corpus.
  std::size_t documents = idsByPath_->size();
  auto interval = std::chrono::milliseconds(documents < 1000    ? 100
                                            : documents < 10000 ? 500
                                                                : 1000);
  if (progress_.done()) return interval;
  // While a folder is read, the index grows with the time spent reading, and each publication makes
  // the next writes copy nearly all of it. Publishing after half the time read so far (at 1, 1.5,
  // 2.25, ... seconds) spaces publications geometrically: their copies add up to a few times the
  // final index, so the read stays linear in the corpus instead of quadratic.
  auto sinceStart =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - scanStarted_);
  return std::max(interval, sinceStart / 2);
}

void CorpusStore::apply(Event& event) {
  std::visit([this](auto& e) { apply(e); }, event);
  if (scanGeneration_ > 0 && !scanFinishedSeen_ && progress_.done()) {
    scanFinishedSeen_ = true;
    scanFinished();
  } else if (cache_ && cacheDirty_ && scanFinishedSeen_ && progress_.done()) {
    cacheSaveDue_ = Clock::now() + kCacheQuietPeriod; // each change restarts the quiet period
  }
}

void CorpusStore::publish() {
  indexPending();
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->revision = ++revision_;
  snapshot->documents = documents_;
  snapshot->idsByPath = idsByPath_;
  snapshot->index = index_;
  if (pathsChanged_ || !pathRanks_) {
    pathRanks_ = rankByPath(*idsByPath_, documents_->size());
    pathsChanged_ = false;
  }
  snapshot->pathRanks = pathRanks_;
  snapshot->knowledge = knowledge_;
  snapshot->config = config_;
  for (const auto& root : roots_)
    snapshot->roots.push_back(root.path);
  snapshot->progress = progress_;
  std::vector<DocId> changed;
  changed.swap(changed_);
  bool corpusWide = corpusWideChange_;
  corpusWideChange_ = false;
  std::shared_ptr<const Snapshot> previous;
  {
    std::lock_guard lock(publishedMutex_);
    previous = std::exchange(published_, snapshot);
  }
  if (callbacks_.published) callbacks_.published(snapshot, changed, corpusWide);
  // Freed on the release thread unless a request still reads it (then that request frees it).
  if (previous && releasePool_)
    releasePool_->post([previous = std::move(previous)]() mutable { previous.reset(); });
}

void CorpusStore::log(LogLevel level, const std::string& message) const {
  if (callbacks_.log) callbacks_.log(level, message);
}

std::optional<std::pair<std::size_t, std::string>>
CorpusStore::locate(const std::string& path) const {
  for (std::size_t i = 0; i < roots_.size(); ++i) {
    const std::string& root = roots_[i].path;
    if (path.size() > root.size() && path.starts_with(root) &&
        (root.ends_with("/") || path[root.size()] == '/')) {
      std::string relative = path.substr(root.size() + (root.ends_with("/") ? 0 : 1));
      return std::make_pair(i, relative);
    }
  }
  return std::nullopt;
}

// --- editor and disk events --------------------------------------------------------------------

void CorpusStore::apply(SetRoots& e) {
  roots_.clear();
  for (auto& path : e.roots) {
    Root root;
    root.path = fs::path(path).lexically_normal().generic_string();
    while (root.path.size() > 1 && root.path.ends_with("/"))
      root.path.pop_back();
    roots_.push_back(std::move(root));
  }
  reloadConfiguration();
  openCache();
  startScan();
}

void CorpusStore::apply(SetSettings& e) {
  editorSettings_ = std::move(e.settings);
  haveEditorSettings_ = true;
  reloadConfiguration();
}

void CorpusStore::apply(SetOpen& e) {
  std::string relative = e.path;
  if (auto located = locate(e.path)) relative = located->second;
  // Editor text wins over disk: a disk read still in flight for this path becomes stale.
  ++diskGeneration_[e.path];
  auto text = std::move(e.text);
  const Document* existing = nullptr;
  if (auto it = idsByPath_->find(e.path); it != idsByPath_->end())
    existing = (*documents_)[it->second].get();
  std::shared_ptr<const analysis::DocumentAnalysis> analysis;
  using Clock = std::chrono::steady_clock;
  auto started = Clock::now();
  std::size_t bytes = text->size();
  if (existing && existing->hash == hashText(*text)) {
    analysis = existing->analysis; // opening an unchanged file: no need to analyse again
  } else {
    analysis = analysis::analyzeDocument(*text, *knowledge_);
  }
  auto analysed = Clock::now();
  putDocument(e.path, relative, std::move(text), e.version, std::move(analysis));
  // What a keystroke costs the writer (tests/bench/run reads these lines).
  auto micros = [](Clock::duration d) {
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
  };
  log(LogLevel::Debug, "editor text of " + relative + " (" + std::to_string(bytes) +
                           " bytes): analysed in " + micros(analysed - started) +
                           " us, indexed in " + micros(Clock::now() - analysed) + " us");
}

void CorpusStore::apply(Close& e) {
  auto it = idsByPath_->find(e.path);
  if (it == idsByPath_->end()) return;
  const Document& doc = *(*documents_)[it->second];
  auto located = locate(e.path);
  std::error_code error;
  bool onDisk = fs::is_regular_file(e.path, error);
  if (located && onDisk && inCorpus(roots_[located->first].scan, located->second)) {
    // Keep the editor's last text until the disk version is read, then let the disk win.
    putDocument(e.path, doc.relative, doc.text, std::nullopt, doc.analysis);
    scheduleLoad(e.path, located->second, /*counted=*/false);
  } else {
    removeDocument(e.path);
  }
}

void CorpusStore::apply(DiskChanged& e) {
  auto located = locate(e.path);
  if (!located) return;
  if (fs::path(e.path).filename() == kConfigFileName) {
    reloadConfiguration();
    return;
  }
  std::error_code error;
  if (fs::is_directory(e.path, error)) { // a folder appeared: read what it holds
    startScan();
    return;
  }
  if (!inCorpus(roots_[located->first].scan, located->second)) return;
  const Document* existing = nullptr;
  if (auto it = idsByPath_->find(e.path); it != idsByPath_->end())
    existing = (*documents_)[it->second].get();
  if (existing && existing->version) return; // open in the editor: its buffer wins until closed
  scheduleLoad(e.path, located->second, /*counted=*/false);
}

void CorpusStore::apply(DiskDeleted& e) {
  if (fs::path(e.path).filename() == kConfigFileName && locate(e.path)) {
    reloadConfiguration();
    return;
  }
  ++diskGeneration_[e.path];
  // The path may name a single file or a whole folder that was removed.
  std::vector<std::string> gone;
  std::string folderPrefix = e.path + "/";
  for (const auto& [path, id] : *idsByPath_) {
    if (path == e.path || path.starts_with(folderPrefix)) {
      const Document* doc = (*documents_)[id].get();
      if (doc && !doc->version) gone.push_back(path);
    }
  }
  for (const auto& path : gone)
    removeDocument(path);
  if (!gone.empty())
    log(LogLevel::Info, "removed " + std::to_string(gone.size()) + " document(s) under " + e.path);
}

void CorpusStore::apply(Reindex&) {
  reloadConfiguration();
  startScan();
}

// --- background results -----------------------------------------------------------------------

void CorpusStore::apply(Discovered& e) {
  if (e.scan != scanGeneration_) return; // a newer scan replaced this one
  progress_.discovered += e.files.size();
  for (auto& file : e.files) {
    auto it = idsByPath_->find(file.path);
    if (it != idsByPath_->end() && (*documents_)[it->second]->version) {
      ++progress_.processed; // open in the editor already
      continue;
    }
    scheduleLoad(file.path, file.relative, /*counted=*/true);
  }
  if (e.last) progress_.scanning = false;
}

void CorpusStore::apply(Loaded& e) {
  if (e.counted) ++progress_.processed;
  auto generation = diskGeneration_.find(e.path);
  if (generation == diskGeneration_.end() || generation->second != e.generation) return; // stale
  if (e.knowledge != knowledge_) { // analysed under an older configuration: do it again
    scheduleLoad(e.path, e.relative, false);
    return;
  }
  if (e.fromCache && e.counted) ++progress_.fromCache;
  auto it = idsByPath_->find(e.path);
  const Document* existing = it == idsByPath_->end() ? nullptr : (*documents_)[it->second].get();
  if (existing && existing->version) return; // opened meanwhile: the editor's text wins
  if (!e.text) {
    log(LogLevel::Info, "skipped " + e.path + ": " + e.problem);
    if (existing) removeDocument(e.path);
    return;
  }
  if (e.stamp)
    stamps_[e.path] = *e.stamp;
  else
    stamps_.erase(e.path);
  if (!e.fromCache) {
    cacheDirty_ = true;
    if (e.counted) ++analysedInScan_;
  }
  if (existing && existing->hash == hashText(*e.text) && !existing->version) return;
  putDocument(e.path, e.relative, std::move(e.text), std::nullopt, std::move(e.analysis),
              std::move(e.prepared));
}

// --- helpers ------------------------------------------------------------------------------------

void CorpusStore::openCache() {
  cache_.reset();
  if (!cacheSettings_.enabled || roots_.empty()) return;
  std::vector<std::string> roots;
  for (const auto& root : roots_)
    roots.push_back(root.path);
  std::string folder = AnalysisCache::folderFor(cacheSettings_, roots);
  if (folder.empty()) {
    log(LogLevel::Warning, "analysis cache off: no cache folder ($XDG_CACHE_HOME and $HOME unset)");
    return;
  }
  auto logger = [this](bool problem, const std::string& message) {
    log(problem ? LogLevel::Warning : LogLevel::Info, message);
  };
  cache_ = AnalysisCache::open(folder, buildId(), knowledgeKey(overridesOf(*config_)), logger);
  log(LogLevel::Info,
      "analysis cache " + folder + ": " + std::to_string(cache_->size()) + " entries");
  cacheDirty_ = false;
}

void CorpusStore::scanFinished() {
  log(LogLevel::Info,
      "read " + std::to_string(progress_.processed) +
          " files: " + std::to_string(progress_.fromCache) + " from the analysis cache, " +
          std::to_string(analysedInScan_) + " analysed; writer thread " +
          std::to_string(static_cast<long>(1000 * (threadCpuSeconds() - scanWriterCpuStart_))) +
          " ms CPU");
  saveCache();
}

void CorpusStore::saveCache() {
  cacheSaveDue_.reset();
  if (!cache_ || !cacheDirty_) return;
  if (cacheSaving_) { // one save at a time: this one comes after
    cacheSaveDue_ = Clock::now() + kCacheQuietPeriod;
    return;
  }
  cacheDirty_ = false;
  // Saving encodes every analysis: do it off the writer thread.
  if (cacheWriter_.joinable()) cacheWriter_.join();
  cacheSaving_ = true;
  cacheWriter_ = std::thread([this, cache = cache_, entries = cacheEntries()] {
    auto started = Clock::now();
    if (cache->write(entries)) {
      auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
      log(LogLevel::Info, "analysis cache saved: " + std::to_string(entries.size()) + " files in " +
                              std::to_string(elapsed.count()) + " ms");
    }
    cacheSaving_ = false;
  });
}

std::vector<AnalysisCache::Entry> CorpusStore::cacheEntries() const {
  std::vector<AnalysisCache::Entry> entries;
  for (const auto& doc : *documents_) {
    if (!doc || doc->version) continue; // open buffers are not what is on disk
    auto stamp = stamps_.find(doc->path);
    if (stamp == stamps_.end()) continue;
    entries.push_back({doc->path, stamp->second, doc->hash, doc->analysis});
  }
  return entries;
}

void CorpusStore::reloadConfiguration() {
  WorkspaceConfig file;
  if (!roots_.empty()) {
    std::string configPath = roots_.front().path + "/" + std::string(kConfigFileName);
    std::error_code error;
    if (fs::exists(configPath, error)) {
      FileContents contents = readTextFile(configPath, 4u << 20);
      if (contents.text) {
        file = parseConfig(*contents.text);
        for (const auto& problem : file.problems)
          log(LogLevel::Warning, configPath + ": " + problem);
      } else {
        log(LogLevel::Warning, "cannot read " + configPath + ": " + contents.problem);
      }
    }
  }
  auto next = std::make_shared<WorkspaceConfig>(
      haveEditorSettings_ ? merge(std::move(file), editorSettings_) : std::move(file));
  bool globsChanged = next->include != config_->include || next->exclude != config_->exclude;
  bool knowledgeChanged = !sameKnowledgeInputs(*next, *config_);
  config_ = next;
  for (auto& root : roots_) {
    root.scan.root = root.path;
    root.scan.include = GlobSet(config_->include);
    root.scan.exclude = GlobSet(config_->exclude);
  }
  corpusWideChange_ = true;
  if (knowledgeChanged) {
    knowledge_ = analysis::Knowledge::load(overridesOf(*config_));
    openCache();
    reanalyseAll();
  }
  if (globsChanged && !roots_.empty() && progress_.discovered > 0) startScan();
}

void CorpusStore::reanalyseAll() {
  std::vector<
      std::tuple<std::string, std::string, std::shared_ptr<const std::string>, std::int64_t>>
      open;
  std::size_t fromDisk = 0;
  for (const auto& doc : *documents_) {
    if (!doc) continue;
    if (doc->version) {
      open.emplace_back(doc->path, doc->relative, doc->text, *doc->version);
    } else {
      scheduleLoad(doc->path, doc->relative, false);
      ++fromDisk;
    }
  }
  for (auto& [path, relative, text, version] : open)
    putDocument(path, relative, text, version, analysis::analyzeDocument(*text, *knowledge_));
  if (fromDisk)
    log(LogLevel::Info,
        "configuration changed: analysing " + std::to_string(fromDisk) + " files again");
}

void CorpusStore::startScan() {
  if (scanStop_) scanStop_->store(true);
  if (scanThread_.joinable()) scanThread_.join();
  std::uint64_t scan = ++scanGeneration_;
  progress_ = IndexingProgress{};
  progress_.scanning = true;
  scanStarted_ = Clock::now();
  scanWriterCpuStart_ = threadCpuSeconds();
  scanFinishedSeen_ = false;
  analysedInScan_ = 0;
  corpusWideChange_ = true;

  // Documents from disk that the new scan does not find again are dropped when it ends; simplest
  // correct approach: drop every closed document whose path no longer matches the globs now.
  std::vector<std::string> outside;
  for (const auto& [path, id] : *idsByPath_) {
    const Document* doc = (*documents_)[id].get();
    if (!doc || doc->version) continue;
    auto located = locate(path);
    if (!located || !inCorpus(roots_[located->first].scan, located->second))
      outside.push_back(path);
  }
  for (const auto& path : outside)
    removeDocument(path);

  std::vector<ScanOptions> options;
  for (const auto& root : roots_)
    options.push_back(root.scan);
  scanStop_ = std::make_shared<std::atomic<bool>>(false);
  auto stop = scanStop_;
  scanThread_ = std::thread([this, options, stop, scan] {
    std::vector<ScannedFile> batch;
    auto flush = [&](bool last) {
      enqueue(Discovered{scan, std::move(batch), last}, false);
      batch.clear();
    };
    for (const auto& option : options) {
      scanWorkspace(
          option,
          [&](ScannedFile file) {
            batch.push_back(std::move(file));
            if (batch.size() >= 256) flush(false);
          },
          [&](const std::string& path, const std::string& why) {
            log(LogLevel::Debug, "not reading " + path + ": " + why);
          },
          stop.get());
      if (stop->load()) return;
    }
    flush(true);
  });
}

void CorpusStore::scheduleLoad(const std::string& path, const std::string& relative, bool counted) {
  std::uint64_t generation = ++diskGeneration_[path];
  auto knowledge = knowledge_;
  auto cache = cache_;
  indexPool_->post([this, path, relative, generation, counted, knowledge, cache] {
    Loaded loaded{generation, counted,   path,         relative, nullptr, "",
                  nullptr,    knowledge, std::nullopt, false,    nullptr};
    std::optional<FileStamp> before = cache ? stampOf(path) : std::nullopt;
    FileContents contents = readTextFile(path);
    if (contents.text) {
      auto text = std::make_shared<const std::string>(std::move(*contents.text));
      // The stamp describes the text only if the file did not change while it was read.
      if (before && stampOf(path) == before) {
        loaded.stamp = before;
        loaded.analysis = cache->lookup(path, *before, hashText(*text));
        loaded.fromCache = loaded.analysis != nullptr;
      }
      if (!loaded.analysis) loaded.analysis = analysis::analyzeDocument(*text, *knowledge);
      loaded.prepared =
          std::make_shared<const index::PreparedDocument>(index::prepare(*loaded.analysis));
      loaded.text = std::move(text);
    } else {
      loaded.problem = contents.problem;
    }
    enqueue(std::move(loaded), false);
  });
}

void CorpusStore::putDocument(const std::string& path, const std::string& relative,
                              std::shared_ptr<const std::string> text,
                              std::optional<std::int64_t> version,
                              std::shared_ptr<const analysis::DocumentAnalysis> analysis,
                              std::shared_ptr<const index::PreparedDocument> prepared) {
  // Clone shared structures a published snapshot still holds (copy-on-write), then mutate.
  if (documents_.use_count() > 1)
    documents_ = std::make_shared<Snapshot::DocumentList>(*documents_);

  auto doc = std::make_shared<Document>();
  doc->path = path;
  doc->relative = relative;
  doc->hash = hashText(*text);
  doc->text = std::move(text);
  doc->version = version;
  doc->analysis = std::move(analysis);

  auto it = idsByPath_->find(path);
  bool isNew = it == idsByPath_->end();
  if (isNew) {
    if (idsByPath_.use_count() > 1) idsByPath_ = std::make_shared<Snapshot::PathMap>(*idsByPath_);
    doc->id = static_cast<DocId>(documents_->size());
    idsByPath_->emplace(path, doc->id);
    pathsChanged_ = true;
    documents_->push_back(nullptr);
    corpusWideChange_ = true;
  } else {
    doc->id = it->second;
  }
  if (prepared && isNew) {
    // A new document read from disk (the folder's first reading, mostly): indexed with the others
    // pending, before the next publication.
    pendingAdds_.push_back({doc->id, doc->analysis, std::move(prepared)});
    if (pendingAdds_.size() >= kPendingAddsMax) indexPending();
  } else {
    indexPending();
    if (index_.use_count() > 1) index_ = std::make_shared<index::CorpusIndex>(*index_);
    if (const auto& old = (*documents_)[doc->id]) index_->remove(doc->id, *old->analysis);
    if (prepared)
      index_->add(doc->id, *doc->analysis, *prepared);
    else
      index_->add(doc->id, *doc->analysis);
  }
  changed_.push_back(doc->id);
  (*documents_)[doc->id] = std::move(doc);
}

void CorpusStore::indexPending() {
  if (pendingAdds_.empty()) return;
  if (index_.use_count() > 1) index_ = std::make_shared<index::CorpusIndex>(*index_);
  std::vector<index::CorpusIndex::Added> added;
  added.reserve(pendingAdds_.size());
  for (const PendingAdd& pending : pendingAdds_)
    added.push_back({pending.id, pending.analysis.get(), pending.prepared.get()});
  index_->addMany(added);
  pendingAdds_.clear();
}

void CorpusStore::removeDocument(const std::string& path) {
  auto it = idsByPath_->find(path);
  if (it == idsByPath_->end()) return;
  indexPending();
  if (documents_.use_count() > 1)
    documents_ = std::make_shared<Snapshot::DocumentList>(*documents_);
  if (index_.use_count() > 1) index_ = std::make_shared<index::CorpusIndex>(*index_);
  if (idsByPath_.use_count() > 1) idsByPath_ = std::make_shared<Snapshot::PathMap>(*idsByPath_);
  DocId id = it->second;
  if (stamps_.erase(path)) cacheDirty_ = true;
  if (const auto& old = (*documents_)[id]) index_->remove(id, *old->analysis);
  (*documents_)[id] = nullptr;
  idsByPath_->erase(path);
  pathsChanged_ = true;
  changed_.push_back(id);
  corpusWideChange_ = true;
}

} // namespace dossier::corpus
