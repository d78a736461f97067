// Corpus-wide line repetition: for each normalised line, how many documents hold it. A line found
// in several documents (a site footer, a newsletter prompt, a disclaimer) is boilerplate whatever
// its words, which no per-document rule can see.
#pragma once

#include "server/analysis/rules/document_findings.h"
#include "server/index/cow_map.h"
#include "server/index/doc_id.h"

#include <cstdint>

namespace dossier::index {

class LineIndex {
public:
  void add(DocId doc, const analysis::rules::DocumentFindings& findings);
  void remove(DocId doc, const analysis::rules::DocumentFindings& findings);

  // The number of documents that hold a line with this key (LineKey::hash).
  std::uint32_t documentsWith(std::uint64_t hash) const {
    const std::uint32_t* count = counts_.find(hash);
    return count ? *count : 0;
  }

private:
  struct Identity {
    std::size_t operator()(std::uint64_t hash) const { return static_cast<std::size_t>(hash); }
  };
  // As many shards as the entity index's largest maps, for the same reason (entity_index.h).
  CowShardedMap<std::uint64_t, std::uint32_t, Identity, 4096> counts_;
};

} // namespace dossier::index
