// numbers/disagree's table for one snapshot: the counted figures of every passage that names an
// entity, and, for each (entity key, counted kind), the passages giving such a figure while naming
// that entity. The flag compares a figure only with passages of other documents that share an
// entity with it and count the same kind of thing, so these lists are all it needs to look at:
// its cost follows what it compares, not the size of the corpus (a related-passage query per
// figure passage walked postings that grow with the corpus).
#pragma once

#include "server/corpus/flags_numbers.h"
#include "server/corpus/snapshot.h"
#include "server/index/cow_map.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier::corpus {

class FigureTable {
public:
  // Reads every document's passages (on several threads: each passage is tokenized again, since
  // an analysis keeps no tokens). A document whose text and analysis `previous` (another
  // snapshot's table) already read is not read again: after an edit only the edited document is.
  explicit FigureTable(const Snapshot& snapshot, const FigureTable* previous = nullptr);

  // The counted figures of a passage; empty for one that names no entity or counts nothing.
  const std::vector<CountedFigure>& figuresOf(DocId doc, std::uint32_t passage) const;

  // The passages, as (document << 32 | passage) ascending, that name `entity` and give a figure of
  // `kind`; null when there are none.
  const std::vector<std::uint64_t>* passagesWith(std::string_view entity,
                                                 std::string_view kind) const;

private:
  // One document's figures, kept with what they were read from so another table can tell
  // whether they still hold.
  struct DocumentFigures {
    std::shared_ptr<const std::string> text;
    std::shared_ptr<const analysis::DocumentAnalysis> analysis;
    std::vector<std::pair<std::uint32_t, std::vector<CountedFigure>>> passages; // by passage
  };
  using Refs = std::shared_ptr<std::vector<std::uint64_t>>;
  // What one document's figures add to byEntityAndKind_: each (entity, kind) key with its refs.
  static void forEachEntry(DocId doc, const DocumentFigures& figures,
                           const std::function<void(const std::string&, std::uint64_t)>& visit);
  void addDocument(DocId doc, const DocumentFigures& figures);
  void removeDocument(DocId doc, const DocumentFigures& figures);

  std::vector<std::shared_ptr<const DocumentFigures>> documents_; // by document id; may be null
  // Copied from the previous table in shards and changed only for the documents read again: after
  // a keystroke the table costs the edited document, not the corpus.
  index::CowShardedMap<std::string, Refs, std::hash<std::string>, 1024> byEntityAndKind_;
};

} // namespace dossier::corpus
