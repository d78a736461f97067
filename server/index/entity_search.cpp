#include "server/index/entity_search.h"

#include <algorithm>
#include <unordered_map>

namespace dossier::index {
namespace {

std::vector<std::string_view> wordsOf(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Each query word is a prefix of a later key word than the previous one's.
bool wordPrefixes(const std::vector<std::string_view>& query,
                  const std::vector<std::string_view>& key) {
  std::size_t next = 0;
  for (std::string_view word : query) {
    while (next < key.size() && !key[next].starts_with(word))
      ++next;
    if (next == key.size()) return false;
    ++next;
  }
  return true;
}

bool isSubsequence(std::string_view query, std::string_view key) {
  std::size_t at = 0;
  for (char c : query) {
    if (c == ' ') continue;
    at = key.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

bool betterMatch(const KeyMatch& a, const KeyMatch& b) {
  if (a.quality != b.quality) return a.quality > b.quality;
  if (a.mentions != b.mentions) return a.mentions > b.mentions;
  return a.key < b.key;
}

} // namespace

MatchQuality matchKey(std::string_view query, std::string_view key) {
  if (query.empty()) return MatchQuality::Subsequence;
  if (query == key) return MatchQuality::Exact;
  if (key.starts_with(query)) return MatchQuality::Prefix;
  auto keyWords = wordsOf(key);
  auto queryWords = wordsOf(query);
  if (wordPrefixes(queryWords, keyWords)) return MatchQuality::WordPrefix;
  if (queryWords.size() == 1 && keyWords.size() > 1) {
    std::string initials;
    for (std::string_view word : keyWords)
      initials += word.front();
    if (initials.starts_with(query)) return MatchQuality::Initials;
  }
  if (isSubsequence(query, key)) return MatchQuality::Subsequence;
  return MatchQuality::None;
}

std::vector<KeyMatch> searchKeys(const EntityIndex& index, std::string_view query,
                                 MatchQuality minimum, std::size_t limit,
                                 const Cancelled& cancelled) {
  std::vector<KeyMatch> matches;
  std::size_t visited = 0;
  bool stop = false;
  index.forEachKey([&](const std::string& key, std::uint32_t mentions) {
    if (stop || mentions == 0) return;
    if (++visited % 4096 == 0 && cancelled && cancelled()) stop = true;
    MatchQuality quality = matchKey(query, key);
    if (quality == MatchQuality::None || quality < minimum) return;
    matches.push_back({key, quality, mentions});
  });
  std::size_t keep = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(keep),
                    matches.end(), betterMatch);
  matches.resize(keep);
  return matches;
}

std::vector<EntityMatch> searchEntities(const EntityQuery& query, std::string_view folded,
                                        MatchQuality minimum, std::size_t limit,
                                        const Cancelled& cancelled) {
  // Several keys (aliases, spellings) may stand for one entity: look at more keys than results.
  auto keys = searchKeys(query.index(), folded, minimum, limit * 4, cancelled);
  std::vector<EntityMatch> out;
  std::unordered_map<std::string, std::size_t> slot;
  for (const KeyMatch& match : keys) {
    if (cancelled && cancelled()) break;
    auto entity = query.entityOfKey(match.key);
    if (!entity) continue;
    auto [it, fresh] = slot.emplace(*entity, out.size());
    if (fresh) {
      std::uint32_t own = 0;
      if (*entity != match.key)
        for (std::uint32_t v : query.index().typeVotes(*entity))
          own += v;
      out.push_back({*entity, match.key, match.quality, own + match.mentions});
    } else if (match.key != *entity) {
      out[it->second].mentions += match.mentions;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const EntityMatch& a, const EntityMatch& b) {
    if (a.quality != b.quality) return a.quality > b.quality;
    return a.mentions > b.mentions;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

} // namespace dossier::index
