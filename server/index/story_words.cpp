#include "server/index/story_words.h"

#include "server/analysis/tokenizer.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace dossier::index {
namespace {

using analysis::Offset;
using analysis::Span;

// Whether `span` lies inside one of the document's entity mentions (sorted by span): a name's
// words are found by entity references, not as story words.
bool inMention(const analysis::entities::DocumentEntities& entities, Span span) {
  const auto& mentions = entities.mentions;
  auto it = std::upper_bound(mentions.begin(), mentions.end(), span.begin,
                             [](Offset o, const auto& m) { return o < m.span.begin; });
  if (it == mentions.begin()) return false;
  --it;
  return span.begin < it->span.end;
}

// The folded word of a token when it can be a story word: a word of three letters or more, with no
// digit, not a stop word. Empty otherwise.
std::string storyFold(std::string_view text, const analysis::Token& token,
                      const analysis::passages::Lexicon& lexicon) {
  if (token.kind != analysis::TokenKind::Word || token.is(analysis::kHasDigit) ||
      token.is(analysis::kDotted))
    return {};
  std::string folded = analysis::foldWord(token.in(text));
  if (folded.size() < 3 || lexicon.stopWords.count(folded)) return {};
  return folded;
}

} // namespace

std::optional<StoryWord> StoryWords::at(DocId doc, Offset offset) const {
  StoryDocument document = documents_(doc);
  if (!document.analysis || offset > document.text.size()) return std::nullopt;
  for (const auto& token : analysis::tokenizeWithin(document.text, {offset, offset})) {
    if (offset < token.begin || offset > token.end) continue;
    if (inMention(document.analysis->entities, token.span())) return std::nullopt;
    std::string folded = storyFold(document.text, token, lexicon_);
    if (folded.empty()) continue; // the cursor may touch two tokens ("word," at the comma)
    return StoryWord{token.span(), analysis::passages::storyWordKey(lexicon_, folded)};
  }
  return std::nullopt;
}

double StoryWords::reverseSimilarity(DocId doc, std::uint32_t passage, DocId other,
                                     std::uint32_t otherPassage) const {
  StoryDocument document = documents_(other);
  if (!document.analysis || otherPassage >= document.analysis->passages.passages.size()) return 0;
  std::uint64_t ref = (static_cast<std::uint64_t>(doc) << 32) | passage;
  auto reverse =
      passages_.similarities(other, document.analysis->passages.passages[otherPassage], {ref});
  return reverse.empty() ? 0 : reverse.front().similarity;
}

std::vector<DocId> StoryWords::storyDocuments(DocId doc, Offset offset) const {
  std::vector<DocId> result{doc};
  StoryDocument document = documents_(doc);
  if (!document.analysis) return result;
  const auto& passages = document.analysis->passages.passages;
  std::vector<std::uint32_t> evidence; // indexes of the evidence passages
  int at = analysis::passages::passageAt(document.analysis->passages, offset);
  if (at >= 0) evidence.push_back(static_cast<std::uint32_t>(at));
  for (std::size_t i = 0; i < options_.leadPassages && i < passages.size(); ++i)
    if (static_cast<int>(i) != at) evidence.push_back(static_cast<std::uint32_t>(i));
  std::map<DocId, double> best; // each other document's similarity to the evidence
  for (std::uint32_t e : evidence) {
    std::map<DocId, double> bestOfPassage;
    for (const auto& match : passages_.related(doc, passages[e], options_.candidates)) {
      double similarity = match.similarity;
      // The reverse way costs a lookup per candidate: only for those that could still count.
      if (options_.symmetric && similarity >= options_.minSimilarity / 4)
        similarity = std::max(similarity, reverseSimilarity(doc, e, match.doc, match.passage));
      double& kept = bestOfPassage[match.doc];
      kept = std::max(kept, similarity);
    }
    for (const auto& [other, similarity] : bestOfPassage)
      best[other] =
          options_.sumEvidence ? best[other] + similarity : std::max(best[other], similarity);
  }
  std::vector<std::pair<double, DocId>> ranked;
  for (const auto& [other, similarity] : best)
    if (similarity >= options_.minSimilarity) ranked.emplace_back(similarity, other);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (const auto& [similarity, other] : ranked)
    result.push_back(other);
  return result;
}

std::vector<Span> StoryWords::occurrencesIn(DocId doc, const std::string& key) const {
  std::vector<Span> found;
  StoryDocument document = documents_(doc);
  if (!document.analysis || key.empty()) return found;
  Span whole{0, static_cast<Offset>(document.text.size())};
  std::unordered_map<std::string, bool> matches; // folded word -> its key is `key` (stemming once)
  for (const auto& token : analysis::tokenizeWithin(document.text, whole)) {
    std::string folded = storyFold(document.text, token, lexicon_);
    if (folded.empty()) continue;
    auto [known, added] = matches.try_emplace(folded, false);
    if (added) known->second = analysis::passages::storyWordKey(lexicon_, folded) == key;
    if (known->second && !inMention(document.analysis->entities, token.span()))
      found.push_back(token.span());
  }
  return found;
}

std::vector<WordOccurrence> StoryWords::occurrences(DocId doc, const StoryWord& word) const {
  std::vector<std::pair<std::string_view, DocId>> byPath;
  for (DocId other : storyDocuments(doc, word.span.begin))
    byPath.emplace_back(documents_(other).path, other);
  std::sort(byPath.begin(), byPath.end());
  std::vector<WordOccurrence> result;
  for (const auto& [path, other] : byPath)
    for (Span span : occurrencesIn(other, word.key))
      result.push_back({other, span});
  return result;
}

} // namespace dossier::index
