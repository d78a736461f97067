// Finding entities by a typed name, for workspace/symbol and completion: a fuzzy match of a folded
// query against the corpus's entity keys (exact, prefix, prefix of successive words, initials,
// subsequence), ranked by match quality then by how often the corpus mentions the key, and the
// matched keys resolved to the entities they stand for.
#pragma once

#include "server/index/entity_query.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::index {

// Better matches compare greater. A query matches a key when its characters can be found in it;
// how they are found decides the quality.
enum class MatchQuality : int {
  None = 0,
  Subsequence = 1, // "vpn" in "vladimir putin"
  Initials = 2,    // "wsj" -> "wall street journal"
  WordPrefix = 3,  // "pu" -> "vladimir putin", "vl pu" -> "vladimir putin"
  Prefix = 4,      // "vlad" -> "vladimir putin"
  Exact = 5,
};

// Both arguments already folded (nameKey). An empty query matches everything as a subsequence.
MatchQuality matchKey(std::string_view query, std::string_view key);

struct KeyMatch {
  std::string key;
  MatchQuality quality = MatchQuality::None;
  std::uint32_t mentions = 0; // of this key across the corpus
};

using Cancelled = std::function<bool()>;

// The index's keys matching `query` at `minimum` quality or better, best first (quality, then
// mentions, then key), at most `limit`.
std::vector<KeyMatch> searchKeys(const EntityIndex& index, std::string_view query,
                                 MatchQuality minimum, std::size_t limit,
                                 const Cancelled& cancelled = {});

struct EntityMatch {
  std::string entity;
  std::string matchedKey; // the best matching key that stands for it (may be an alias)
  MatchQuality quality = MatchQuality::None;
  std::uint32_t mentions = 0; // of the entity's own key plus its matched aliases
};

// Like searchKeys, but each key resolved to its entity (keys the corpus does not accept as names
// dropped), one result per entity, ranked the same way.
std::vector<EntityMatch> searchEntities(const EntityQuery& query, std::string_view folded,
                                        MatchQuality minimum, std::size_t limit,
                                        const Cancelled& cancelled = {});

} // namespace dossier::index
