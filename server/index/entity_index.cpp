#include "server/index/entity_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace dossier::index {
namespace {

using analysis::entities::EntityType;
using analysis::entities::Mention;

// The fullNamesByWord bucket of the teams named after a place: a byte no word holds, so that no
// word's bucket is this one.
std::string teamBucket(std::string_view place) {
  return "\x1f" + std::string(place);
}

bool isMultiWord(const std::string& key) {
  return key.find(' ') != std::string::npos;
}

template <typename Map>
void addCount(Map& map, const std::string& bucket, const std::string& key, int delta) {
  auto& slot = map.mutate(bucket);
  // A list no published snapshot shares (use_count 1, the writer's own) changes in place: copying
  // it for every document that mentions a common first name cost the folder's first reading a
  // copy per mention of the word.
  std::shared_ptr<KeyCounts> next;
  if (!slot)
    next = std::make_shared<KeyCounts>();
  else if (slot.use_count() == 1)
    next = std::move(slot);
  else
    next = std::make_shared<KeyCounts>(*slot);
  auto it = std::find_if(next->begin(), next->end(),
                         [&](const auto& entry) { return entry.first == key; });
  if (it == next->end()) {
    if (delta > 0) next->emplace_back(key, static_cast<std::uint32_t>(delta));
  } else if (delta < 0 && it->second <= static_cast<std::uint32_t>(-delta)) {
    next->erase(it);
  } else {
    it->second = static_cast<std::uint32_t>(static_cast<int>(it->second) + delta);
  }
  if (next->empty()) {
    map.erase(bucket);
  } else {
    slot = std::move(next);
  }
}

template <typename Map, typename Key> void addNumber(Map& map, const Key& key, int delta) {
  if (delta > 0) { // one lookup: an addition never leaves the count at zero
    map.mutate(key) += static_cast<std::uint32_t>(delta);
    return;
  }
  const auto* existing = map.find(key);
  std::int64_t value = (existing ? static_cast<std::int64_t>(*existing) : 0) + delta;
  if (value <= 0) {
    map.erase(key);
  } else {
    map.mutate(key) = static_cast<std::uint32_t>(value);
  }
}

} // namespace

std::vector<std::string> initialsOf(const std::string& key) {
  static const std::set<std::string> kConnectors = {"of", "the", "for", "and", "on", "de"};
  std::string strict, loose;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = std::min(key.find(' ', start), key.size());
    std::string word = key.substr(start, end - start);
    if (!word.empty()) {
      loose += word[0];
      if (!kConnectors.count(word)) strict += word[0];
    }
    start = end + 1;
  }
  if (strict == loose) return {strict};
  return {strict, loose};
}

EntityContributions contributionsOf(const analysis::entities::DocumentEntities& entities) {
  EntityContributions out;
  // Each key once, as interned ids rather than copies (two strings per mention were allocated and
  // freed on the writer for every document read).
  out.keys.reserve(2 * entities.mentions.size());
  std::unordered_map<analysis::Interned, std::size_t> confident, placeLike, types; // -> index
  auto count = [](auto& list, auto& at, analysis::Interned key) {
    auto [it, fresh] = at.try_emplace(key, list.size());
    if (fresh) list.push_back({key, {}});
    return &list[it->second].second;
  };
  std::map<std::string, int> fullNames; // multi-word key -> mentions in this document
  std::map<std::string, std::uint8_t> aliasFlags;
  std::set<std::string> teamNames;
  std::set<std::string> personNames; // full names typed a person: no acronym stands for them
  for (const Mention& mention : entities.mentions) {
    out.keys.push_back(mention.key);
    out.keys.push_back(mention.surfaceKey);
    if (!mention.is(analysis::entities::kTentative))
      ++*count(out.confident, confident, mention.surfaceKey);
    if ((mention.ownType == EntityType::Place || mention.ownType == EntityType::Norp) &&
        !isMultiWord(mention.surfaceKey))
      ++*count(out.placeLike, placeLike, mention.surfaceKey);
    auto& votes = *count(out.types, types, mention.key);
    std::size_t type = static_cast<std::size_t>(mention.type);
    ++votes[type];
    if (!mention.typeGuessed) ++votes[5 + type];
    if (isMultiWord(mention.key) &&
        (mention.type == EntityType::Person || mention.type == EntityType::Org ||
         mention.type == EntityType::Other)) {
      ++fullNames[mention.key];
      if (mention.type == EntityType::Person && !mention.typeGuessed)
        personNames.insert(mention.key);
      if (mention.teamName) teamNames.insert(mention.key.str());
      if (mention.key == mention.surfaceKey)
        aliasFlags[mention.key] |=
            mention.flags & (analysis::entities::kAliasFirst | analysis::entities::kAliasLast);
    }
  }
  for (const auto& [key, mentions] : fullNames) {
    std::string first = key.substr(0, key.find(' '));
    std::string last = key.substr(key.rfind(' ') + 1);
    std::uint8_t flags = aliasFlags[key];
    if (flags & analysis::entities::kAliasFirst)
      out.fullNamesByWord.push_back({first, key, mentions});
    if (last != first && (flags & analysis::entities::kAliasLast))
      out.fullNamesByWord.push_back({last, key, mentions});
    if (teamNames.count(key))
      out.fullNamesByWord.push_back({teamBucket(key.substr(0, key.rfind(' '))), key, mentions});
    if (!personNames.count(key))
      for (const std::string& initials : initialsOf(key))
        if (initials.size() >= 2) out.expansions.push_back({initials, key, mentions});
  }
  for (const auto& [acronym, expansion] : entities.definedAcronyms)
    out.expansions.push_back({acronym, expansion, 4}); // a definition outweighs chance initials
  out.lowercaseWords = entities.lowercaseWords;
  std::sort(out.keys.begin(), out.keys.end());
  out.keys.erase(std::unique(out.keys.begin(), out.keys.end()), out.keys.end());
  return out;
}

void EntityIndex::add(DocId doc, const analysis::entities::DocumentEntities& entities) {
  update(doc, contributionsOf(entities), +1);
}

void EntityIndex::add(DocId doc, const EntityContributions& contributions) {
  update(doc, contributions, +1);
}

void EntityIndex::remove(DocId doc, const analysis::entities::DocumentEntities& entities) {
  update(doc, contributionsOf(entities), -1);
}

void EntityIndex::update(DocId doc, const EntityContributions& contributions, int sign) {
  for (const auto& [key, mentions] : contributions.confident)
    addNumber(confident_, key.str(), sign * static_cast<int>(mentions));
  for (const auto& [key, mentions] : contributions.placeLike)
    addNumber(placeLike_, key.str(), sign * static_cast<int>(mentions));
  for (const auto& [key, delta] : contributions.types) {
    auto& votes = types_.mutate(key.str());
    for (std::size_t i = 0; i < votes.size(); ++i)
      votes[i] = static_cast<std::uint32_t>(static_cast<std::int64_t>(votes[i]) +
                                            sign * static_cast<std::int64_t>(delta[i]));
    if (std::all_of(votes.begin(), votes.end(), [](std::uint32_t v) { return v == 0; }))
      types_.erase(key.str());
  }
  for (const auto& entry : contributions.fullNamesByWord)
    addCount(fullNamesByWord_, entry.bucket, entry.key, sign * entry.count);
  for (const auto& entry : contributions.expansions)
    addCount(expansions_, entry.bucket, entry.key, sign * entry.count);
  for (std::uint64_t word : contributions.lowercaseWords)
    addNumber(lowercase_, word, sign);
  for (analysis::Interned interned : contributions.keys) {
    const std::string& key = interned.str();
    if (sign < 0) {
      const Postings* existing = docsByKey_.find(key);
      if (!(existing && *existing)) continue;
    }
    Postings& list = docsByKey_.mutate(key);
    // A list no published snapshot shares (use_count 1, the writer's own) changes in place: copying
    // it for every document that mentions a common key made indexing quadratic.
    if (!list)
      list = std::make_shared<std::vector<DocId>>();
    else if (list.use_count() != 1)
      list = std::make_shared<std::vector<DocId>>(*list);
    auto at = std::lower_bound(list->begin(), list->end(), doc);
    if (sign > 0 && (at == list->end() || *at != doc)) list->insert(at, doc);
    if (sign < 0 && at != list->end() && *at == doc) list->erase(at);
    if (list->empty()) docsByKey_.erase(key);
  }
}

void EntityIndex::addMany(
    const std::vector<std::pair<DocId, const EntityContributions*>>& documents) {
  // Summed over the documents first (interned ids hash cheaply), then each key's entry in the
  // string-keyed maps is looked up once.
  std::unordered_map<analysis::Interned, std::uint32_t> confident, placeLike;
  std::unordered_map<analysis::Interned, EntityContributions::Votes> types;
  std::unordered_map<std::uint64_t, std::uint32_t> lowercase;
  std::unordered_map<analysis::Interned, std::vector<DocId>> docsByKey;
  for (const auto& [doc, contributions] : documents) {
    for (const auto& [key, mentions] : contributions->confident)
      confident[key] += mentions;
    for (const auto& [key, mentions] : contributions->placeLike)
      placeLike[key] += mentions;
    for (const auto& [key, delta] : contributions->types) {
      auto& votes = types[key];
      for (std::size_t i = 0; i < votes.size(); ++i)
        votes[i] += delta[i];
    }
    // Counts lists keep the order of their first mention: documents in order, as add() would.
    for (const auto& entry : contributions->fullNamesByWord)
      addCount(fullNamesByWord_, entry.bucket, entry.key, entry.count);
    for (const auto& entry : contributions->expansions)
      addCount(expansions_, entry.bucket, entry.key, entry.count);
    for (std::uint64_t word : contributions->lowercaseWords)
      ++lowercase[word];
    for (analysis::Interned key : contributions->keys)
      docsByKey[key].push_back(doc);
  }
  for (const auto& [key, mentions] : confident)
    addNumber(confident_, key.str(), static_cast<int>(mentions));
  for (const auto& [key, mentions] : placeLike)
    addNumber(placeLike_, key.str(), static_cast<int>(mentions));
  for (const auto& [key, delta] : types) {
    auto& votes = types_.mutate(key.str());
    for (std::size_t i = 0; i < votes.size(); ++i)
      votes[i] += delta[i];
  }
  for (const auto& [word, count] : lowercase)
    addNumber(lowercase_, word, static_cast<int>(count));
  for (const auto& [key, docs] : docsByKey) {
    Postings& list = docsByKey_.mutate(key.str());
    if (!list) {
      list = std::make_shared<std::vector<DocId>>(docs);
      continue;
    }
    if (list.use_count() != 1) {
      auto copy = std::make_shared<std::vector<DocId>>();
      copy->reserve(list->size() + docs.size());
      copy->assign(list->begin(), list->end());
      list = std::move(copy);
    }
    if (list->empty() || list->back() < docs.front()) {
      list->insert(list->end(), docs.begin(), docs.end());
    } else { // not above every indexed id after all: in place, as add() does
      for (DocId doc : docs) {
        auto at = std::lower_bound(list->begin(), list->end(), doc);
        if (at == list->end() || *at != doc) list->insert(at, doc);
      }
    }
  }
}

const std::vector<DocId>& EntityIndex::documentsMentioning(const std::string& key) const {
  static const std::vector<DocId> kNone;
  const Postings* postings = docsByKey_.find(key);
  return postings && *postings ? **postings : kNone;
}

std::uint32_t EntityIndex::lowercaseDocuments(std::uint64_t wordHash) const {
  const auto* count = lowercase_.find(wordHash);
  return count ? *count : 0;
}

std::uint32_t EntityIndex::confidentMentions(const std::string& surfaceKey) const {
  const auto* count = confident_.find(surfaceKey);
  return count ? *count : 0;
}

const KeyCounts& EntityIndex::teamsNamedFor(const std::string& place) const {
  return fullNamesWithWord(teamBucket(place));
}

const KeyCounts& EntityIndex::fullNamesWithWord(const std::string& word) const {
  static const KeyCounts kNone;
  const Counted* counts = fullNamesByWord_.find(word);
  return counts && *counts ? **counts : kNone;
}

const KeyCounts& EntityIndex::expansionsOf(const std::string& acronym) const {
  static const KeyCounts kNone;
  const Counted* counts = expansions_.find(acronym);
  return counts && *counts ? **counts : kNone;
}

std::uint32_t EntityIndex::placeLikeMentions(const std::string& surfaceKey) const {
  const auto* count = placeLike_.find(surfaceKey);
  return count ? *count : 0;
}

std::array<std::uint32_t, 5> EntityIndex::typeVotes(const std::string& key) const {
  std::array<std::uint32_t, 5> out{};
  if (const auto* votes = types_.find(key)) std::copy_n(votes->begin(), 5, out.begin());
  return out;
}

std::array<std::uint32_t, 5> EntityIndex::typeEvidence(const std::string& key) const {
  std::array<std::uint32_t, 5> out{};
  if (const auto* votes = types_.find(key)) std::copy_n(votes->begin() + 5, 5, out.begin());
  return out;
}

} // namespace dossier::index
