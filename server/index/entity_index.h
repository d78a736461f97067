// Corpus-wide entity tables, updated incrementally (remove a document's contributions, add the new
// ones): which documents mention each key, how each key is typed, which full names contain a word
// (for short forms), which names have given initials (for acronyms), and how often words are
// written lower case (evidence against sentence-initial "names"). Linking itself happens at query
// time (entity_query.h) from these counts, so one edit never re-links the whole corpus.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/index/cow_map.h"
#include "server/index/doc_id.h"

#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dossier::index {

// (key, count) pairs, unsorted.
using KeyCounts = std::vector<std::pair<std::string, std::uint32_t>>;

// One document's contributions to the entity index, computed from its entities alone: the index
// worker that analyses or decodes a document prepares them, so the single writer thread only
// merges ready-made counts (the first reading of a large folder waited on the writer).
struct EntityContributions {
  using Votes = std::array<std::uint32_t, 10>; // by type: all mentions, then those not guessed
  struct Count {
    std::string bucket; // a word of a full name, or initials / an acronym
    std::string key;
    int count;
  };
  std::vector<analysis::Interned> keys; // mention and surface keys, sorted, each once
  std::vector<std::pair<analysis::Interned, std::uint32_t>> confident; // surface key, mentions
  std::vector<std::pair<analysis::Interned, std::uint32_t>> placeLike; // surface key, mentions
  std::vector<std::pair<analysis::Interned, Votes>> types;             // key, votes
  std::vector<Count> fullNamesByWord; // in the order the document-by-document update made them
  std::vector<Count> expansions;      // likewise
  std::vector<std::uint64_t> lowercaseWords;
};
EntityContributions contributionsOf(const analysis::entities::DocumentEntities& entities);

class EntityIndex {
public:
  void add(DocId doc, const analysis::entities::DocumentEntities& entities);
  void remove(DocId doc, const analysis::entities::DocumentEntities& entities);
  // The same with contributions prepared beforehand (contributionsOf()).
  void add(DocId doc, const EntityContributions& contributions);
  // Many new documents at once, in ascending id order, each id above every indexed document's: the
  // index add() one by one would make, with each key's counts and postings changed once.
  void addMany(const std::vector<std::pair<DocId, const EntityContributions*>>& documents);

  // Documents that mention `key` (as a linked key or as a surface), sorted; empty when none.
  const std::vector<DocId>& documentsMentioning(const std::string& key) const;
  std::size_t keyCount() const { return docsByKey_.size(); }

  // Documents that write the word (std::hash of its folded form) in lower case.
  std::uint32_t lowercaseDocuments(std::uint64_t wordHash) const;
  // Mentions of a surface that were not tentative (mid-sentence, known, linked).
  std::uint32_t confidentMentions(const std::string& surfaceKey) const;
  // Multi-word person and organisation keys holding `word` first or last, with their mention
  // counts.
  const KeyCounts& fullNamesWithWord(const std::string& word) const;
  // Team names made of the place's name and a head ("harlow rangelords" for "harlow"), with
  // their mention counts.
  const KeyCounts& teamsNamedFor(const std::string& place) const;
  // Multi-word keys whose initials are `acronym`, and expansions defined in text, with counts.
  const KeyCounts& expansionsOf(const std::string& acronym) const;
  // Mentions of a one-word surface that its own words and context typed a place or a group: such
  // a word qualifies longer names ("Aldmark First") rather than standing for them.
  std::uint32_t placeLikeMentions(const std::string& surfaceKey) const;
  // Votes for each EntityType over every mention carrying `key`.
  std::array<std::uint32_t, 5> typeVotes(const std::string& key) const;
  // The same votes without the mentions typed by the weakest rules only (Mention::typeGuessed: a
  // speech verb after one word, two or three unknown words taken for a person's name).
  std::array<std::uint32_t, 5> typeEvidence(const std::string& key) const;
  // Visits every mention key with its number of mentions across the corpus; order unspecified.
  template <typename Visit> void forEachKey(Visit&& visit) const {
    types_.forEach([&](const std::string& key, const TypeVotes& votes) {
      std::uint32_t mentions = 0;
      for (std::size_t i = 0; i < 5; ++i)
        mentions += votes[i];
      visit(key, mentions);
    });
  }

private:
  void update(DocId doc, const EntityContributions& contributions, int sign);

  using Postings = std::shared_ptr<std::vector<DocId>>; // changed in place only while unshared
  using Counted = std::shared_ptr<KeyCounts>;           // changed in place only while unshared
  // Many shards: after each publication the writer clones every shard a document touches, and a
  // document touches a few hundred keys. With 256 shards, a shard of a 100 MB corpus's type votes
  // held over a thousand keys, and one keystroke's clones cost the writer milliseconds that grew
  // with the corpus.
  CowShardedMap<std::string, Postings, std::hash<std::string>, 4096> docsByKey_;
  CowShardedMap<std::uint64_t, std::uint32_t, std::hash<std::uint64_t>, 4096> lowercase_;
  CowShardedMap<std::string, std::uint32_t, std::hash<std::string>, 4096> confident_;
  CowShardedMap<std::string, Counted, std::hash<std::string>, 1024> fullNamesByWord_;
  CowShardedMap<std::string, Counted, std::hash<std::string>, 1024> expansions_;
  // Per key: votes of all mentions by type, then votes of the mentions not typeGuessed.
  using TypeVotes = std::array<std::uint32_t, 10>;
  CowShardedMap<std::string, TypeVotes, std::hash<std::string>, 4096> types_;
  CowShardedMap<std::string, std::uint32_t, std::hash<std::string>, 1024> placeLike_;
};

// The initials of a multi-word key, connectors skipped and kept: "department of justice" -> {"dj",
// "doj"}.
std::vector<std::string> initialsOf(const std::string& key);

} // namespace dossier::index
