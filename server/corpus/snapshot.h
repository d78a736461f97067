// An immutable view of the whole corpus at one moment: every document's text and analysis, the
// corpus-wide index built from them, and the configuration they were analysed under. Requests read
// one snapshot from start to end, so they never see half of an edit, and never block the writer.
#pragma once

#include "server/analysis/document.h"
#include "server/analysis/knowledge.h"
#include "server/corpus/config.h"
#include "server/corpus/snapshot_cache.h"
#include "server/index/corpus_index.h"
#include "server/index/doc_id.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier::corpus {

using index::DocId;

class FlagTables; // server/corpus/flags_tables.h

struct Document {
  DocId id = 0;
  std::string path; // absolute, normalised
  std::string
      relative; // to its workspace root ('/'-separated), or the path when outside every root
  std::shared_ptr<const std::string> text;
  std::uint64_t hash = 0;              // of the text
  std::optional<std::int64_t> version; // the editor's version while the document is open
  std::shared_ptr<const analysis::DocumentAnalysis> analysis; // never null in a snapshot
};

struct IndexingProgress {
  std::size_t discovered = 0; // files found by the scan so far
  std::size_t processed = 0;  // of those, read and analysed (or skipped as unreadable)
  std::size_t fromCache = 0;  // of those, loaded from the persistent analysis cache
  bool scanning = false;      // the folder walk is still running
  bool done() const { return !scanning && processed >= discovered; }
};

struct Snapshot {
  using DocumentList = std::vector<std::shared_ptr<const Document>>; // by id; null once removed
  using PathMap = std::unordered_map<std::string, DocId>;

  std::uint64_t revision = 0;
  std::shared_ptr<const DocumentList> documents = std::make_shared<DocumentList>();
  std::shared_ptr<const PathMap> idsByPath = std::make_shared<PathMap>();
  std::shared_ptr<const index::CorpusIndex> index = std::make_shared<index::CorpusIndex>();
  // Each document id's place when the documents are ordered by path (paths are unique): answers
  // list documents in path order so they do not depend on the order the folder was read in, and
  // integers compare faster than paths. May be null (then paths are compared).
  std::shared_ptr<const std::vector<std::uint32_t>> pathRanks;
  std::shared_ptr<const analysis::Knowledge> knowledge;
  std::shared_ptr<const WorkspaceConfig> config = std::make_shared<WorkspaceConfig>();
  std::vector<std::string> roots;
  IndexingProgress progress;
  // The corpus-wide flags' tables, built on first use (flags_tables.h); a copy starts without.
  SnapshotCache<FlagTables> flagTables;

  const Document* document(DocId id) const {
    return id < documents->size() ? (*documents)[id].get() : nullptr;
  }
  const Document* documentAt(const std::string& path) const {
    auto it = idsByPath->find(path);
    return it == idsByPath->end() ? nullptr : document(it->second);
  }
  std::size_t documentCount() const { return idsByPath->size(); }

  template <typename Visit> void forEachDocument(Visit&& visit) const {
    for (const auto& doc : *documents)
      if (doc) visit(*doc);
  }
};

std::uint64_t hashText(std::string_view text);

} // namespace dossier::corpus
