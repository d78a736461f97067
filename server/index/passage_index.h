// Which passages of the corpus share which terms, entities and figures, for ranking the passages of
// other documents related to a given one (BM25 over passages, entity keys and numbers as extra
// terms).
//
// Incremental like every sub-index: add() and remove() touch only one document's postings, and an
// edit's cost does not grow with the corpus (passage_postings.h). Copies share the posting lists,
// so a snapshot's copy is cheap and the writer clones only what it changes.
#pragma once

#include "server/analysis/passages/document_passages.h"
#include "server/index/cow_map.h"
#include "server/index/doc_id.h"
#include "server/index/passage_postings.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier::index {

struct PassageKey;

struct PassageMatch {
  DocId doc = 0;
  std::uint32_t passage = 0;  // index into that document's passages
  double score = 0;           // BM25
  double similarity = 0;      // score relative to the asked passage's score against itself, 0..1
  bool nearDuplicate = false; // the same text republished: nearly all its terms, a similar length
  std::vector<std::string> sharedEntities; // entity keys both passages mention, rarest first
  std::vector<std::string> sharedStems;    // content-word stems both use, rarest first
};

// One document's postings and passage lengths, computed from its passages alone (by the index
// worker that analyses or decodes the document, so the writer thread only merges them).
struct PassageContributions {
  std::vector<PassageEntry> entries;                         // passage by passage
  std::shared_ptr<const std::vector<std::uint32_t>> lengths; // per passage, at least 1
};
PassageContributions contributionsOf(const analysis::passages::DocumentPassages& passages);

// What the rest of the asked document says, for ranking (PassageIndex::askedStory).
struct AskedStory {
  std::unordered_map<DocId, double> sharedEntityWeight; // per other document, 0..1
};

class PassageIndex {
public:
  void add(DocId doc, const analysis::passages::DocumentPassages& passages);
  void add(DocId doc, const PassageContributions& contributions);
  // Many new documents at once, in ascending id order, each id above every indexed document's.
  void addMany(const std::vector<std::pair<DocId, const PassageContributions*>>& documents);
  void remove(DocId doc, const analysis::passages::DocumentPassages& passages);

  // Passages of documents other than `doc` related to `asked`, best first, at most `limit`.
  // With the asked document's story (askedStory()), candidates whose documents name the asked
  // document's people, places and organisations rank higher.
  std::vector<PassageMatch> related(DocId doc, const analysis::passages::Passage& asked,
                                    std::size_t limit, const AskedStory* story = nullptr) const;
  // The asked document's story for related(): per other document, the share of the weight of
  // `passages`' entities (document `doc`'s) that it names too. One per document asked about.
  AskedStory askedStory(DocId doc, const analysis::passages::DocumentPassages& passages) const;
  // How alike each of `candidates` (document << 32 | passage) is to `asked`, as related() scores
  // it: score, similarity and shared keys, in candidate order, leaving out passages of `doc` and
  // those sharing nothing. No ranking, no story context: for a caller that knows which passages
  // can matter (the numbers flag), at a cost in the candidates rather than in the corpus.
  std::vector<PassageMatch> similarities(DocId doc, const analysis::passages::Passage& asked,
                                         std::vector<std::uint64_t> candidates) const;

  std::uint64_t passageCount() const { return passages_; }
  // How rare a term key is across passages (BM25 idf); 0 for an unknown key.
  double idf(std::string_view key) const;

private:
  // The passage's length is not repeated in each of its postings (they were the index's largest
  // part): scoring does not read it (b = 0), and a match's length is looked up once in lengths_
  // (lengthOf()).
  using Posting = PassagePosting;
  using Lengths = std::shared_ptr<const std::vector<std::uint32_t>>;

  // One of the asked passage's keys, found in the index, with its scoring weight.
  struct ScoredKey {
    const PassageKey* key;
    PassagePostings::Lists postings;
    double weight; // idf x evidence weight
  };
  // `keys` that occur in the index and are not too common to score, heaviest first; each points
  // into `keys`, which must outlive the result. related() and similarities() score alike.
  std::vector<ScoredKey> scoredKeys(const std::vector<PassageKey>& keys) const;

  double idfOf(std::size_t documentFrequency) const;
  // The length of passage `ref` (document << 32 | passage), at least 1.
  std::uint32_t lengthOf(std::uint64_t ref) const;

  PassagePostings postings_;
  CowShardedMap<DocId, Lengths, std::hash<DocId>, 64> lengths_; // per document, per passage
  std::uint64_t passages_ = 0;
  std::uint64_t totalLength_ = 0;
};

// The index keys of a passage's features, with their counts: stems as they are, entity keys as
// "@key", figures as "#value". Shared by indexing and querying so both see the same keys.
struct PassageKey {
  analysis::Interned key;
  std::uint32_t count;
  double weight;         // multiplies the term's BM25 contribution
  std::uint16_t windows; // bit w: the key occurs in window w (figures and claims: in all)
};
std::vector<PassageKey> passageKeys(const analysis::passages::Passage& passage);

} // namespace dossier::index
