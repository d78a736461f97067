// The passage index's posting lists: for each key, the passages holding it, sorted by (document,
// passage), in two parts.
//
// The base lists hold what the folder's first reading indexed. They are long (a common word is in
// a tenth of all passages) and shared with every published snapshot, so changing one in place is
// impossible and cloning it per keystroke cost the writer ~200 ms at 100 MB. Instead, an edited or
// deleted document's base postings are only marked stale (skipped by readers), and its new
// postings go to small recent lists. Once enough documents have moved, fold() merges the recent
// lists into the base ones and drops the stale postings: one clone per list for many edits.
//
// Copies share everything (shards, lists, the recent part); the writer clones what it changes.
#pragma once

#include "server/analysis/interned.h"
#include "server/index/cow_map.h"
#include "server/index/doc_id.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace dossier::index {

// One passage holding a key. Postings are most of the passage index (one per distinct key of
// every passage), so a posting is 10 bytes, five 16-bit halves, rather than a 4-byte-aligned
// struct of a 32-bit document, passage and count padded to 12. A count fits 16 bits: it is a
// term's count (Term::count, saturated at 65535) or 1.
class PassagePosting {
public:
  PassagePosting() = default;
  PassagePosting(DocId doc, std::uint32_t passage, std::uint32_t count)
      : doc_{low(doc), high(doc)}, passage_{low(passage), high(passage)},
        count_(count > UINT16_MAX ? UINT16_MAX : static_cast<std::uint16_t>(count)) {}

  DocId doc() const { return join(doc_); }
  std::uint32_t passage() const { return join(passage_); }
  std::uint32_t count() const { return count_; }

private:
  static std::uint16_t low(std::uint32_t value) { return static_cast<std::uint16_t>(value); }
  static std::uint16_t high(std::uint32_t value) { return static_cast<std::uint16_t>(value >> 16); }
  static std::uint32_t join(const std::uint16_t (&halves)[2]) {
    return static_cast<std::uint32_t>(halves[1]) << 16 | halves[0];
  }

  std::uint16_t doc_[2] = {};
  std::uint16_t passage_[2] = {};
  std::uint16_t count_ = 0;
};
static_assert(sizeof(PassagePosting) == 10, "PassagePosting grew: keep it small (see above)");

// One posting of a document to add or remove: `key` occurs `count` times in passage `passage`.
struct PassageEntry {
  analysis::Interned key;
  std::uint32_t passage;
  std::uint32_t count;
};

class PassagePostings {
public:
  using List = std::vector<PassagePosting>;

  // A key's postings as a query reads them: the base list (less stale documents) and the recent
  // one; either may be null. `frequency` counts the live postings of both.
  struct Lists {
    const List* base = nullptr;
    const List* recent = nullptr;
    std::size_t frequency = 0;
  };

  // A document's postings, all its passages. A document must be removed before it is added again.
  void add(DocId doc, const std::vector<PassageEntry>& entries);
  void remove(DocId doc, const std::vector<PassageEntry>& entries);
  // Many new documents at once, in ascending id order, each id above every indexed document's: the
  // lists add() one by one would make, with each key's list found and extended once.
  void addMany(const std::vector<std::pair<DocId, const std::vector<PassageEntry>*>>& documents);

  Lists find(analysis::Interned key) const;
  // Whether `doc`'s postings in the base lists are stale (to be skipped).
  bool stale(DocId doc) const;

  // Visits the live postings of `lists`: base ones in order, then recent ones in order.
  template <typename Visit> void forEach(const Lists& lists, Visit&& visit) const {
    if (lists.base)
      for (const PassagePosting& posting : *lists.base)
        if (!stale(posting.doc())) visit(posting);
    if (lists.recent)
      for (const PassagePosting& posting : *lists.recent)
        visit(posting);
  }

  // Finds postings by ascending (document << 32 | passage): each seek starts where the last ended.
  class Cursor {
  public:
    Cursor(const PassagePostings& postings, const Lists& lists);
    // The live posting of passage `ref`, or null. `ref` must not decrease between calls.
    const PassagePosting* seek(std::uint64_t ref);
    // Whether no posting at or after the last ref sought is left.
    bool done() const { return base_ == baseEnd_ && recent_ == recentEnd_; }

  private:
    const PassagePostings& postings_;
    List::const_iterator base_, baseEnd_, recent_, recentEnd_;
  };

  // How many documents have moved to the recent lists or gone since the last fold.
  std::size_t pendingDocuments() const { return recent_->documents.size() + recent_->stale.size(); }

private:
  // What changed since the base lists were folded. Small: copied whole when shared.
  struct Recent {
    std::unordered_map<analysis::Interned, List> lists; // recent documents' postings, sorted
    std::unordered_map<analysis::Interned, std::uint32_t> staleCounts; // stale base postings
    std::vector<DocId> stale;     // sorted: documents whose base postings are stale
    std::vector<DocId> documents; // sorted: documents whose postings are in `lists`
  };
  using BaseList = std::shared_ptr<List>;

  Recent& writableRecent();
  void addToBase(DocId doc, const std::vector<PassageEntry>& entries);
  // Merges the recent lists into the base lists and drops the stale postings.
  void fold();
  // fold() once enough documents are pending (see kFoldAtLeast).
  void foldIfDue();

  // Many small shards: a document touches a few hundred keys, and during the first reading the
  // writer clones every shard it touches after each publication.
  CowShardedMap<analysis::Interned, BaseList, std::hash<analysis::Interned>, 16384> base_;
  std::shared_ptr<Recent> recent_ = std::make_shared<Recent>();
  std::size_t baseDocuments_ = 0; // documents with live postings in the base lists
};

} // namespace dossier::index
