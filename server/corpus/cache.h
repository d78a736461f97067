// The persistent analysis cache: each file's analysis, saved when a folder has been read, so the
// next start loads unchanged files instead of analysing them again.
//
// One file per workspace, `<cache root>/<hash of the workspace roots>/analyses.bin`, holding a
// header (format version, build id, knowledge key), the encoded analyses and a table of contents
// keyed by path with each file's size, modification time and content hash. An entry is used only
// when all three still match the file, and the whole file only when it was written by this very
// build (data files are embedded in the binary) under the same knowledge (workspace lexicon
// additions). Damage of any kind (bad magic, other version, truncation, checksum mismatch, a
// malformed entry) is logged and the entry or file ignored: the cache is never trusted over
// analysing the text again. Written atomically (a temp file renamed over the old one); an
// unwritable cache folder is logged and the cache goes unused.
#pragma once

#include "server/analysis/document.h"
#include "server/analysis/knowledge.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::corpus {

struct CacheSettings {
  bool enabled = false;
  // Root of every workspace's cache; empty: $XDG_CACHE_HOME/dossier, else $HOME/.cache/dossier.
  std::string directory;
};

// What a file looked like when it was read: its size and modification time (nanoseconds).
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// The stamp of the file at `path`, or nullopt when it cannot be read.
std::optional<FileStamp> stampOf(const std::string& path);

// A hash of the running executable, computed once: analyses from another build are never used.
std::uint64_t buildId();
// A hash of the knowledge analyses depend on: the embedded data files and the workspace's
// additions.
std::uint64_t knowledgeKey(const analysis::KnowledgeOverrides& overrides);

class AnalysisCache {
public:
  // `problem` is true for damage and failures (warnings), false for information.
  using Log = std::function<void(bool problem, const std::string& message)>;

  struct Entry {
    std::string path;
    FileStamp stamp;
    std::uint64_t contentHash = 0;
    std::shared_ptr<const analysis::DocumentAnalysis> analysis;
  };

  // The cache file of a workspace, for analyses made by `build` under `knowledge`. Reads only the
  // table of contents; a missing, damaged or mismatched file gives an empty cache (logged).
  static std::shared_ptr<AnalysisCache> open(const std::string& folder, std::uint64_t build,
                                             std::uint64_t knowledge, Log log);
  // The folder for a workspace under `settings` (roots in any order); empty when no cache root is
  // known ($HOME unset).
  static std::string folderFor(const CacheSettings& settings, std::vector<std::string> roots);

  ~AnalysisCache();
  AnalysisCache(const AnalysisCache&) = delete;
  AnalysisCache& operator=(const AnalysisCache&) = delete;

  std::uint64_t knowledge() const { return knowledge_; }
  std::size_t size() const { return table_.size(); }

  // The cached analysis of `path`, when its stamp and content hash both match; null otherwise
  // (a damaged entry is logged). Thread-safe.
  std::shared_ptr<const analysis::DocumentAnalysis> lookup(const std::string& path, FileStamp stamp,
                                                           std::uint64_t contentHash) const;
  // Whether an entry for `path` with this stamp exists (without reading it).
  bool has(const std::string& path, FileStamp stamp, std::uint64_t contentHash) const;

  // Replaces the cache file with these entries (atomically). Returns false on failure: the first
  // failure is a warning, later ones (the same folder failing again) only information. Safe to
  // call from any thread; writes are serialised.
  bool write(const std::vector<Entry>& entries) const;

private:
  struct Located {
    FileStamp stamp;
    std::uint64_t contentHash = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t checksum = 0;
  };
  AnalysisCache(std::string folder, std::uint64_t build, std::uint64_t knowledge, Log log);
  void load();
  std::string filePath() const;

  std::string folder_;
  std::uint64_t build_;
  std::uint64_t knowledge_;
  Log log_;
  int fd_ = -1; // the file the table describes, kept open for reads (pread is thread-safe)
  std::unordered_map<std::string, Located> table_;
  mutable std::mutex writeMutex_;
  bool unusable_ = false;              // the cache file is not a file: never read nor written
  mutable bool failureLogged_ = false; // a failed save was warned about (under writeMutex_)
};

} // namespace dossier::corpus
