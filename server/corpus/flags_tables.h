// The corpus-wide tables the name and number flags read, worked out once per snapshot instead of
// once per document: how the corpus spells each entity, the usual spelling of each rare surname,
// the people sharing a surname, a mention to point at for a name, the counted figures of a
// passage, the passages giving a figure about an entity. Filled on first use (a one-document edit
// builds only what that document asks, but for the figure table, built whole) and kept with the
// snapshot (Snapshot::flagTables), so a whole-corpus `check` builds each entry once.
#pragma once

#include "server/corpus/flags_figures.h"
#include "server/corpus/flags_numbers.h"
#include "server/corpus/snapshot.h"
#include "server/corpus/snapshot_entities.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::corpus {

// A map filled on demand from several threads. Values are never replaced nor erased, so a
// returned reference stays valid for the map's life; two threads asking for one missing key at
// once may both compute it (the same answer: the computations are pure), and one copy is kept.
template <typename Key, typename Value, typename Hash = std::hash<Key>> class Memo {
public:
  template <typename Compute> const Value& get(const Key& key, const Compute& compute) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = map_.find(key); it != map_.end()) return it->second;
    }
    Value value = compute();
    std::lock_guard lock(mutex_);
    return map_.try_emplace(key, std::move(value)).first->second;
  }

private:
  std::mutex mutex_;
  std::unordered_map<Key, Value, Hash> map_;
};

// names/inconsistent: how the corpus writes one surface key of an entity.
struct Spellings {
  std::map<std::string, std::uint32_t> counts;      // spelling -> mentions
  std::map<std::string, index::MentionRef> example; // spelling -> its first mention, path order
};
using SpellingsByKey = std::unordered_map<std::string, Spellings>; // by surface key

// names/inconsistent, the misspelt kind: the usual spelling of a rarely written surname.
struct UsualSurname {
  std::string word; // empty: the surname is not a variant
  std::uint32_t count = 0, own = 0;
};

class FlagTables {
public:
  // The tables of `snapshot`, made on its first call and shared by every later one.
  static std::shared_ptr<FlagTables> of(const Snapshot& snapshot);

  explicit FlagTables(const Snapshot& snapshot);
  FlagTables(const FlagTables&) = delete;
  FlagTables& operator=(const FlagTables&) = delete;

  // Whether these tables were built from the data `snapshot` holds now.
  bool fits(const Snapshot& snapshot) const;

  const index::EntityQuery& query() const { return entities_.query(); }

  // Entity -> its mentions' spellings by surface key (flags_names.cpp).
  Memo<std::string, SpellingsByKey> spellingsOfEntity;
  // Surname -> the spelling the corpus writes far more often, if any (flags_misspelt.cpp).
  Memo<std::string, UsualSurname> usualSurnames;
  // Usual surname -> the first mention ending with it, in index order (flags_misspelt.cpp).
  Memo<std::string, std::optional<index::MentionRef>> surnameExamples;
  // Surname -> the full person names ending with it, most mentioned first (flags_ambiguous.cpp).
  Memo<std::string, std::vector<std::string>> peopleWithSurname;
  // Full name key -> the first mention written so, in index order (flags_ambiguous.cpp).
  Memo<std::string, std::optional<index::MentionRef>> fullNameExamples;
  // Key -> how the texts write it (EntityQuery::nameOf).
  Memo<std::string, std::string> writtenNames;
  // Every passage's counted figures and the passages by (entity, kind) (flags_numbers.cpp): built
  // whole on first call, since the flag on any one document may compare with any other.
  const FigureTable& figureTable(const Snapshot& snapshot);

private:
  std::once_flag figureTableBuilt_;
  std::shared_ptr<const FigureTable> figureTable_;
  SnapshotEntities entities_;
  // What the tables were built from; kept alive by entities_, so never reused by other data.
  const void* documents_;
  const void* index_;
  const void* pathRanks_;
  const void* config_;
  const void* knowledge_;
};

} // namespace dossier::corpus
