#include "server/index/passage_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace dossier::index {
namespace {

// BM25 parameters. No length normalisation (b = 0): passages run from one-line bullets to long
// paragraphs, and with the usual b = 0.75 a short list item that names the same people outranked
// the paragraph that tells the same story (dev split: precision@1 0.62 -> 0.67, recall@5 0.86 ->
// 0.89 in tests/unit/passages_quality.cpp).
constexpr double kK1 = 1.2;
constexpr double kB = 0.0;
// Evidence weights relative to a content word: an entity key is a name whose aliases are resolved,
// so sharing it says more than sharing one of the name's words (which are terms too); a figure
// alone proves little; a claim's shape (who denied) matters as much as a rare word. Entities at
// 1.25 rather than 1.0: samples dev precision@1 0.683 -> 0.693 (recall@5 same), ECB+ sub-event
// precision@1 0.944 -> 0.947; 1.5 gained no more on dev and cost held-out figures.
constexpr double kEntityWeight = 1.25;
constexpr double kFigureWeight = 0.5;
constexpr double kClaimWeight = 1.0;
constexpr double kClaimKindWeight = 0.3;
// On a large corpus, a key in more than this share of all passages decides nothing and costs the
// most postings to walk: it is left out of scoring.
constexpr std::uint64_t kSmallCorpus = 5000;
constexpr double kCommonShare = 0.125;
// On a large corpus, only keys in at most this share of the passages nominate candidates: a
// passage that shares nothing rarer with the asked one is not related to it. The commoner keys
// still add to the score of the strongest kCommonScored candidates, found by binary search in
// their sorted posting lists rather than by walking them.
constexpr double kCandidateShare = 0.01;
constexpr std::size_t kCommonScored = 256;
// Near-duplicate: nearly all the asked passage's evidence, at a similar length.
constexpr double kDuplicateCoverage = 0.85;
constexpr double kDuplicateLengthRatio = 0.75;
// Below this similarity a match shares only a word or two: not worth showing.
constexpr double kMinSimilarity = 0.05;
// Story context: a candidate gains this share of the scores of the other candidates of its
// document. A passage whose document tells the asked story elsewhere too is more likely about the
// same events than one that shares the same names in a document about another story (the opposition
// leader quoted on two affairs). Small on purpose: it breaks near-ties, it does not outvote the
// passage's own evidence. Samples dev precision@1 0.693 -> 0.709 (recall@5 0.884 -> 0.889); ECB+
// topic precision@1 0.984 -> 0.986, sub-event same (0.947). From 0.05 up, ECB+ sub-event dropped.
constexpr double kDocumentContext = 0.03;
// The asked document's story: a candidate gains this share of the asked passage's self-score times
// the share of the asked document's entity weight (its rarest, most named people, places and
// organisations) that the candidate's document names too. A sentence that says "the actress
// checked into rehab" names nobody; its document says who, and so do the reports of the same
// event. Samples dev precision@1 0.714 -> 0.730 (recall@5 0.889 -> 0.884); ECB+ sub-event
// precision@1 0.947 -> 0.959, event-chain precision@1 0.769 -> 0.772. 0.1 and 0.3 gained less on
// both; 0.4 cost dev precision@1.
constexpr double kAskedDocumentContext = 0.2;
// The asked document's entity keys the story context reads, heaviest first: enough for a report's
// cast, and a bound on the postings walked (6: dev 0.709; 24: the same ECB+ sub-event figure).
constexpr std::size_t kAskedDocumentKeys = 12;
// How many of the asked passage's rarest keys are tracked per match, to say what it shares.
constexpr std::size_t kTrackedKeys = 64;

std::uint64_t refOf(DocId doc, std::uint32_t passage) {
  return (static_cast<std::uint64_t>(doc) << 32) | passage;
}

double termPart(double count, double length, double averageLength) {
  return count * (kK1 + 1) / (count + kK1 * (1 - kB + kB * length / averageLength));
}

// What a key adds to each window of a passage (groups of consecutive sentences) it occurs in: in
// one window, its whole part; in several, the part of its count shared out among them. `weight`
// is the key's scoring weight (idf x evidence weight), as in `part`.
template <typename Windows>
void addToWindows(Windows& windows, const PassageKey& key, double weight, double part,
                  double length, double averageLength) {
  int n = std::popcount(static_cast<unsigned>(key.windows));
  double share = n <= 1 ? part
                        : weight * termPart(std::max(1.0, static_cast<double>(key.count) / n),
                                            length, averageLength);
  for (std::size_t w = 0; w < windows.size(); ++w)
    if (key.windows & (1u << w)) windows[w] += share;
}

// What related() and similarities() know of the asked passage when they describe a candidate.
struct AskedMeasures {
  double selfScore;  // the asked passage scored against itself
  double length;     // its length, at least 1
  double keysWeight; // the weight of all its scored keys
};

// One candidate as a PassageMatch: its score, similarity to the asked passage, near-duplicate
// label and the keys it shares (entities, stems). `Candidate` is either function's accumulator;
// `Keys` its scored keys, bit i of sharedKeys standing for keys[i].
template <typename Candidate, typename Keys>
PassageMatch matchOf(std::uint64_t ref, const Candidate& candidate, double candidateLength,
                     const AskedMeasures& asked, const Keys& keys) {
  PassageMatch match;
  match.doc = static_cast<DocId>(ref >> 32);
  match.passage = static_cast<std::uint32_t>(ref & 0xffffffffu);
  match.score = candidate.score;
  match.similarity = std::min(1.0, candidate.score / asked.selfScore);
  double lengthRatio = std::min<double>(candidateLength, asked.length) /
                       std::max<double>(candidateLength, asked.length);
  match.nearDuplicate = candidate.sharedWeight >= kDuplicateCoverage * asked.keysWeight &&
                        lengthRatio >= kDuplicateLengthRatio;
  for (std::size_t i = 0; i < keys.size() && i < kTrackedKeys; ++i) {
    if (!(candidate.sharedKeys & (std::uint64_t{1} << i))) continue;
    const std::string& key = keys[i].key->key.str();
    if (key[0] == '@')
      match.sharedEntities.push_back(key.substr(1));
    else if (key[0] != '#' && key[0] != '!')
      match.sharedStems.push_back(key);
  }
  return match;
}

} // namespace

std::vector<PassageKey> passageKeys(const analysis::passages::Passage& passage) {
  std::vector<PassageKey> keys;
  // A passage's windows (see Passage::windowCount); an analysis read from an older cache has none
  // recorded, and is one window.
  auto all = static_cast<std::uint16_t>((1u << std::max<unsigned>(1, passage.windowCount)) - 1);
  auto inWindows = [&](std::uint16_t windows) {
    return static_cast<std::uint16_t>(windows & all ? windows & all : all);
  };
  for (const auto& term : passage.terms)
    keys.push_back({term.stem, term.count, 1.0, inWindows(term.windows)});
  for (const analysis::passages::PassageEntity& entity : passage.entities)
    keys.push_back({"@" + entity.key, 1, kEntityWeight, inWindows(entity.windows)});
  std::unordered_set<std::string> seen;
  for (const auto& figure : passage.figures)
    if (seen.insert("#" + figure.value).second)
      keys.push_back({"#" + figure.value, 1, kFigureWeight, all});
  for (const auto& attribution : passage.attributions) {
    std::string kind = "!" + attribution.kind;
    if (seen.insert(kind).second) keys.push_back({kind, 1, kClaimKindWeight, all});
    if (attribution.speakerKey.empty()) continue;
    std::string claim = kind + ":" + attribution.speakerKey;
    if (seen.insert(claim).second) keys.push_back({claim, 1, kClaimWeight, all});
  }
  return keys;
}

namespace {

// A document's postings, passage by passage.
std::vector<PassageEntry> entriesOf(const analysis::passages::DocumentPassages& passages) {
  std::vector<PassageEntry> entries;
  for (std::uint32_t i = 0; i < passages.passages.size(); ++i)
    for (const PassageKey& key : passageKeys(passages.passages[i]))
      entries.push_back({key.key, i, key.count});
  return entries;
}

} // namespace

PassageContributions contributionsOf(const analysis::passages::DocumentPassages& passages) {
  PassageContributions out;
  out.entries = entriesOf(passages);
  auto lengths = std::make_shared<std::vector<std::uint32_t>>();
  lengths->reserve(passages.passages.size());
  for (const auto& passage : passages.passages)
    lengths->push_back(std::max<std::uint32_t>(1, passage.length));
  out.lengths = std::move(lengths);
  return out;
}

void PassageIndex::add(DocId doc, const analysis::passages::DocumentPassages& passages) {
  add(doc, contributionsOf(passages));
}

void PassageIndex::add(DocId doc, const PassageContributions& contributions) {
  for (std::uint32_t length : *contributions.lengths) {
    ++passages_;
    totalLength_ += length;
  }
  lengths_.mutate(doc) = contributions.lengths;
  postings_.add(doc, contributions.entries);
}

void PassageIndex::addMany(
    const std::vector<std::pair<DocId, const PassageContributions*>>& documents) {
  std::vector<std::pair<DocId, const std::vector<PassageEntry>*>> entries;
  entries.reserve(documents.size());
  for (const auto& [doc, contributions] : documents) {
    for (std::uint32_t length : *contributions->lengths) {
      ++passages_;
      totalLength_ += length;
    }
    lengths_.mutate(doc) = contributions->lengths;
    entries.push_back({doc, &contributions->entries});
  }
  postings_.addMany(entries);
}

void PassageIndex::remove(DocId doc, const analysis::passages::DocumentPassages& passages) {
  if (const Lengths* lengths = lengths_.find(doc); lengths && *lengths) {
    for (std::uint32_t length : **lengths) {
      --passages_;
      totalLength_ -= length;
    }
    lengths_.erase(doc);
  }
  postings_.remove(doc, entriesOf(passages));
}

std::uint32_t PassageIndex::lengthOf(std::uint64_t ref) const {
  const Lengths* lengths = lengths_.find(static_cast<DocId>(ref >> 32));
  auto passage = static_cast<std::size_t>(ref & 0xffffffffu);
  return lengths && *lengths && passage < (*lengths)->size() ? (**lengths)[passage] : 1;
}

double PassageIndex::idfOf(std::size_t documentFrequency) const {
  double n = static_cast<double>(passages_), df = static_cast<double>(documentFrequency);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

double PassageIndex::idf(std::string_view text) const {
  auto key = analysis::Interned::lookup(text); // a text no passage has was never interned
  if (!key) return 0.0;
  std::size_t frequency = postings_.find(*key).frequency;
  return frequency ? idfOf(frequency) : 0.0;
}

std::vector<PassageIndex::ScoredKey>
PassageIndex::scoredKeys(const std::vector<PassageKey>& keys) const {
  // Keys in more than a share of the passages say little and cost the most: left out, except in
  // a small corpus where every key counts.
  std::size_t maxFrequency =
      passages_ <= kSmallCorpus ? passages_ : static_cast<std::size_t>(kCommonShare * passages_);
  std::vector<ScoredKey> scored;
  for (const PassageKey& key : keys) {
    PassagePostings::Lists lists = postings_.find(key.key);
    if (lists.frequency == 0 || lists.frequency > maxFrequency) continue;
    scored.push_back({&key, lists, idfOf(lists.frequency) * key.weight});
  }
  std::sort(scored.begin(), scored.end(),
            [](const ScoredKey& a, const ScoredKey& b) { return a.weight > b.weight; });
  return scored;
}

std::vector<PassageMatch> PassageIndex::related(DocId doc, const analysis::passages::Passage& asked,
                                                std::size_t limit, const AskedStory* story) const {
  if (passages_ == 0 || limit == 0) return {};
  std::vector<PassageKey> keys = passageKeys(asked);
  std::vector<ScoredKey> scored = scoredKeys(keys);
  std::size_t maxNominating =
      passages_ <= kSmallCorpus ? passages_ : static_cast<std::size_t>(kCandidateShare * passages_);

  struct Accumulator {
    double score = 0;
    double ranking = 0; // score plus story context: what results are ordered by
    double sharedWeight = 0;
    std::uint64_t sharedKeys = 0; // bit i: scored[i] is shared
  };
  double averageLength = static_cast<double>(totalLength_) / static_cast<double>(passages_);
  double askedLength = std::max<std::uint32_t>(1, asked.length);
  double selfScore = 0, askedWeight = 0;
  std::array<double, analysis::passages::kMaxWindows> selfWindows{};
  auto add = [&](Accumulator& candidate, std::size_t i, const Posting& posting) {
    double length = kB == 0 ? averageLength : lengthOf(refOf(posting.doc(), posting.passage()));
    candidate.score += scored[i].weight * termPart(posting.count(), length, averageLength);
    candidate.sharedWeight += scored[i].weight;
    if (i < kTrackedKeys) candidate.sharedKeys |= std::uint64_t{1} << i;
  };
  // Rare keys nominate candidates and add to their scores; common ones are kept for later.
  std::size_t nominatingPostings = 0;
  for (const ScoredKey& key : scored)
    if (key.postings.frequency <= maxNominating) nominatingPostings += key.postings.frequency;
  std::unordered_map<std::uint64_t, Accumulator> candidates;
  candidates.reserve(nominatingPostings);
  std::vector<std::size_t> common;
  for (std::size_t i = 0; i < scored.size(); ++i) {
    const ScoredKey& key = scored[i];
    double part = key.weight * termPart(key.key->count, askedLength, averageLength);
    selfScore += part;
    addToWindows(selfWindows, *key.key, key.weight, part, askedLength, averageLength);
    askedWeight += key.weight;
    if (key.postings.frequency > maxNominating) {
      common.push_back(i);
      continue;
    }
    postings_.forEach(key.postings, [&](const Posting& posting) {
      if (posting.doc() != doc)
        add(candidates[refOf(posting.doc(), posting.passage())], i, posting);
    });
  }
  if (selfScore <= 0) return {};
  // The floor is a share of what the asked passage's best window shares with itself: a match to
  // one part of a long passage (the second half of a quoted report) is not held to the whole.
  double floor = kMinSimilarity *
                 std::min(selfScore, *std::max_element(selfWindows.begin(), selfWindows.end()));

  std::vector<std::pair<std::uint64_t, Accumulator*>> ranked;
  ranked.reserve(candidates.size());
  for (auto& [ref, candidate] : candidates)
    ranked.emplace_back(ref, &candidate);
  auto byRef = [](const auto& a, const auto& b) { return a.first < b.first; };
  auto byScore = [](const auto& a, const auto& b) {
    return a.second->score != b.second->score ? a.second->score > b.second->score
                                              : a.first < b.first;
  };
  auto better = [](const auto& a, const auto& b) {
    return a.second->ranking != b.second->ranking ? a.second->ranking > b.second->ranking
                                                  : a.first < b.first;
  };
  if (!common.empty()) {
    // The strongest candidates so far, in posting order, get the common keys' share.
    if (ranked.size() > kCommonScored) {
      std::nth_element(ranked.begin(), ranked.begin() + kCommonScored, ranked.end(), byScore);
      ranked.resize(kCommonScored);
    }
    std::sort(ranked.begin(), ranked.end(), byRef);
    for (std::size_t i : common) {
      PassagePostings::Cursor cursor(postings_, scored[i].postings);
      for (auto& [ref, candidate] : ranked) {
        if (const Posting* posting = cursor.seek(ref)) add(*candidate, i, *posting);
        if (cursor.done()) break;
      }
    }
  }
  std::erase_if(ranked, [&](const auto& r) { return r.second->score < floor; });
  // Each document's candidates side by side (they are already when the common keys were added).
  if (!std::is_sorted(ranked.begin(), ranked.end(), byRef))
    std::sort(ranked.begin(), ranked.end(), byRef);
  for (std::size_t first = 0; first < ranked.size();) {
    std::size_t last = first;
    double documentScore = 0;
    for (; last < ranked.size() && ranked[last].first >> 32 == ranked[first].first >> 32; ++last)
      documentScore += ranked[last].second->score;
    for (; first < last; ++first) {
      Accumulator& candidate = *ranked[first].second;
      candidate.ranking = candidate.score + kDocumentContext * (documentScore - candidate.score);
    }
  }
  if (story)
    for (auto& [ref, candidate] : ranked) {
      auto it = story->sharedEntityWeight.find(static_cast<DocId>(ref >> 32));
      if (it != story->sharedEntityWeight.end())
        candidate->ranking += kAskedDocumentContext * selfScore * it->second;
    }
  std::size_t count = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count),
                    ranked.end(), better);

  std::vector<PassageMatch> matches;
  for (std::size_t r = 0; r < count; ++r) {
    const auto& [ref, candidate] = ranked[r];
    matches.push_back(
        matchOf(ref, *candidate, lengthOf(ref), {selfScore, askedLength, askedWeight}, scored));
  }
  return matches;
}

AskedStory PassageIndex::askedStory(DocId doc,
                                    const analysis::passages::DocumentPassages& document) const {
  // Entities too common to nominate a candidate say nothing of the story either.
  std::size_t maxFrequency =
      passages_ <= kSmallCorpus ? passages_ : static_cast<std::size_t>(kCandidateShare * passages_);
  // Each entity weighs its rarity and how often the document names it (its cast, not a passing
  // name).
  std::unordered_map<analysis::Interned, std::uint32_t> counts;
  for (const auto& passage : document.passages)
    for (const auto& entity : passage.entities)
      ++counts[entity.key];
  struct ContextKey {
    PassagePostings::Lists postings;
    double weight;
    const std::string* key; // ties go by key: the same story whatever the interning order
  };
  std::vector<ContextKey> keys;
  double total = 0;
  for (const auto& [key, count] : counts) {
    auto interned = analysis::Interned::lookup("@" + key.str());
    if (!interned) continue;
    PassagePostings::Lists lists = postings_.find(*interned);
    if (lists.frequency == 0 || lists.frequency > maxFrequency) continue;
    double weight = idfOf(lists.frequency) * std::log(1.0 + count);
    keys.push_back({lists, weight, &key.str()});
  }
  std::sort(keys.begin(), keys.end(), [](const ContextKey& a, const ContextKey& b) {
    return a.weight != b.weight ? a.weight > b.weight : *a.key < *b.key;
  });
  if (keys.size() > kAskedDocumentKeys) keys.resize(kAskedDocumentKeys);
  AskedStory story;
  auto& shared = story.sharedEntityWeight;
  for (const ContextKey& key : keys) {
    total += key.weight;
    DocId last = doc; // postings come document by document: count each document once
    postings_.forEach(key.postings, [&](const Posting& posting) {
      if (posting.doc() == doc || posting.doc() == last) return;
      last = posting.doc();
      shared[posting.doc()] += key.weight;
    });
  }
  if (total > 0)
    for (auto& [d, weight] : shared)
      weight /= total;
  return story;
}

std::vector<PassageMatch> PassageIndex::similarities(DocId doc,
                                                     const analysis::passages::Passage& asked,
                                                     std::vector<std::uint64_t> candidates) const {
  if (passages_ == 0 || candidates.empty()) return {};
  // The keys and their weights as related() takes them, so the scores agree.
  std::vector<PassageKey> keys = passageKeys(asked);
  std::vector<ScoredKey> scored = scoredKeys(keys);
  double averageLength = static_cast<double>(totalLength_) / static_cast<double>(passages_);
  double askedLength = std::max<std::uint32_t>(1, asked.length);
  double selfScore = 0, askedWeight = 0;
  for (const ScoredKey& key : scored) {
    selfScore += key.weight * termPart(key.key->count, askedLength, averageLength);
    askedWeight += key.weight;
  }
  if (selfScore <= 0) return {};

  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::erase_if(candidates, [doc](std::uint64_t ref) { return ref >> 32 == doc; });
  struct Accumulator {
    double score = 0, sharedWeight = 0;
    std::uint64_t sharedKeys = 0; // bit i: scored[i] is shared
  };
  std::vector<Accumulator> found(candidates.size());
  // Each key's postings are sorted like the candidates: one forward search per candidate.
  for (std::size_t i = 0; i < scored.size(); ++i) {
    PassagePostings::Cursor cursor(postings_, scored[i].postings);
    for (std::size_t c = 0; c < candidates.size() && !cursor.done(); ++c) {
      const Posting* posting = cursor.seek(candidates[c]);
      if (!posting) continue;
      Accumulator& candidate = found[c];
      double length = kB == 0 ? averageLength : lengthOf(candidates[c]);
      candidate.score += scored[i].weight * termPart(posting->count(), length, averageLength);
      candidate.sharedWeight += scored[i].weight;
      if (i < kTrackedKeys) candidate.sharedKeys |= std::uint64_t{1} << i;
    }
  }
  std::vector<PassageMatch> matches;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const Accumulator& candidate = found[c];
    if (candidate.score <= 0) continue;
    matches.push_back(matchOf(candidates[c], candidate, lengthOf(candidates[c]),
                              {selfScore, askedLength, askedWeight}, scored));
  }
  return matches;
}

} // namespace dossier::index
