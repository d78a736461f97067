#include "server/analysis/passages/passage_features.h"

#include "server/analysis/stemmer.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace dossier::analysis::passages {
namespace {

bool isSentenceEnd(std::string_view token) {
  return token == "." || token == "!" || token == "?";
}
bool isOpeningQuote(std::string_view token) {
  return token == "\u201C" || token == "\"";
}
bool isClosingQuote(std::string_view token) {
  return token == "\u201D" || token == "\"";
}

// Reads one passage's tokens; each token is folded once.
class FeatureReader {
public:
  FeatureReader(const PassageInput& input, const Lexicon& lexicon)
      : input_(input), lexicon_(lexicon),
        count_(static_cast<std::size_t>(input.tokensEnd - input.tokensBegin)) {
    folded_.resize(count_);
    for (std::size_t i = 0; i < count_; ++i)
      if (at(i).kind == TokenKind::Word) folded_[i] = foldWord(at(i).in(input_.text));
  }

  // The bit of the window holding `offset`.
  std::uint16_t windowBit(Offset offset) const {
    std::size_t w = 0;
    while (w + 1 < input_.windowEnds.size() && offset >= input_.windowEnds[w])
      ++w;
    return static_cast<std::uint16_t>(1u << w);
  }

  void read(Passage& passage) {
    std::unordered_map<std::string, Term> terms;
    std::vector<std::string> hedges;
    // A sentinel rather than std::optional: g++ 12 -O2 warns (falsely) that the optional's value
    // may be used uninitialised once the term map's values are small.
    constexpr std::size_t kNoQuote = SIZE_MAX;
    std::size_t quoteStart = kNoQuote;
    for (std::size_t i = 0; i < count_; ++i) {
      const Token& token = at(i);
      std::string_view surface = token.in(input_.text);
      if (token.kind == TokenKind::Number) {
        passage.figures.push_back({numberValue(surface), unitNear(i)});
        continue;
      }
      if (token.kind == TokenKind::Punct) {
        if (quoteStart != kNoQuote && isClosingQuote(surface)) {
          addQuote(quoteStart, i, passage);
          quoteStart = kNoQuote;
        } else if (quoteStart == kNoQuote && isOpeningQuote(surface)) {
          quoteStart = i + 1;
        }
        continue;
      }
      if (token.kind != TokenKind::Word) continue;
      const std::string& word = folded_[i];
      matchHedges(i, hedges);
      if (auto cue = lexicon_.cues.find(word); cue != lexicon_.cues.end())
        passage.attributions.push_back(attributionAt(i, cue->second));
      if (auto number = lexicon_.numberWords.find(word); number != lexicon_.numberWords.end()) {
        passage.figures.push_back({number->second, unitNear(i)});
        continue;
      }
      if (!word.empty() && word[0] >= '0' && word[0] <= '9') { // "7th", "2023s"
        passage.figures.push_back({numberValue(word), unitNear(i)});
        continue;
      }
      if (word.size() < 2 || lexicon_.stopWords.count(word)) continue;
      std::string stem = stemEnglish(word);
      Term& term = terms[stem];
      if (term.count == 0) term.stem = stem;
      if (term.count < UINT16_MAX) ++term.count;
      term.windows |= windowBit(token.begin);
      ++passage.length;
    }
    for (auto& [stem, term] : terms)
      passage.terms.push_back(std::move(term));
    std::sort(passage.terms.begin(), passage.terms.end(),
              [](const Term& a, const Term& b) { return a.stem < b.stem; });
    std::sort(hedges.begin(), hedges.end());
    hedges.erase(std::unique(hedges.begin(), hedges.end()), hedges.end());
    passage.hedges.assign(hedges.begin(), hedges.end());
    std::vector<std::pair<Interned, std::uint16_t>> entities;
    for (const auto* m = input_.mentionsBegin; m != input_.mentionsEnd; ++m)
      entities.emplace_back(m->key, windowBit(m->span.begin));
    std::sort(entities.begin(), entities.end());
    for (auto& [key, window] : entities) {
      if (!passage.entities.empty() && passage.entities.back().key == key) {
        passage.entities.back().windows |= window;
        continue;
      }
      passage.entities.push_back({key, window});
    }
    passage.windowCount =
        static_cast<std::uint8_t>(std::max<std::size_t>(1, input_.windowEnds.size()));
  }

private:
  const Token& at(std::size_t i) const { return input_.tokensBegin[i]; }
  bool isWord(std::size_t i) const { return i < count_ && at(i).kind == TokenKind::Word; }
  bool isStop(std::size_t i) const { return lexicon_.stopWords.count(folded_[i]) > 0; }

  static std::string numberValue(std::string_view number) {
    std::string value;
    for (char c : number)
      if (c != ',') value += c;
    return value;
  }

  // The word a figure counts: the word after it ("12 million", "17 March"), or else the word
  // before it ("March 17", "since 2023"). Stemmed, so "call" and "calls" agree.
  std::string unitNear(std::size_t i) {
    if (i + 1 < count_ && at(i + 1).kind == TokenKind::Symbol)
      return std::string(at(i + 1).in(input_.text));
    if (isWord(i + 1) && !isStop(i + 1)) return stemEnglish(folded_[i + 1]);
    if (i > 0 && isWord(i - 1) && !isStop(i - 1)) return stemEnglish(folded_[i - 1]);
    return {};
  }

  void matchHedges(std::size_t i, std::vector<std::string>& hedges) const {
    std::string phrase;
    for (std::size_t j = i; j < count_ && j < i + static_cast<std::size_t>(lexicon_.longestHedge);
         ++j) {
      if (!isWord(j)) break;
      if (j > i) phrase += ' ';
      phrase += folded_[j];
      if (lexicon_.hedges.count(phrase)) hedges.push_back(phrase);
      if (!lexicon_.hedgeOpenings.count(phrase)) break;
    }
  }

  void addQuote(std::size_t begin, std::size_t end, Passage& passage) const {
    std::string quote;
    int words = 0;
    for (std::size_t j = begin; j < end; ++j) {
      if (!isWord(j)) continue;
      if (!quote.empty()) quote += ' ';
      quote += folded_[j];
      ++words;
    }
    if (words >= 3) passage.quotes.push_back(std::move(quote));
  }

  const entities::Mention* mentionAt(std::size_t i) const {
    for (const auto* m = input_.mentionsBegin; m != input_.mentionsEnd; ++m)
      if (m->span.contains(at(i).begin)) return m;
    return nullptr;
  }

  // The name at token i: an entity mention, a run of capitalised words, or (when `commonNoun`) a
  // plain noun ("officials said"). Fills the attribution's speaker.
  bool speakerAt(std::size_t i, bool commonNoun, Attribution& attribution) const {
    if (!isWord(i) || isStop(i)) return false;
    if (lexicon_.hedges.count(folded_[i]) || folded_[i].ends_with("ly"))
      return false; // "allegedly"
    if (const auto* mention = mentionAt(i)) {
      attribution.speaker = std::string(mention->span.in(input_.text));
      attribution.speakerKey = mention->key;
      return true;
    }
    if (at(i).is(kCapitalised)) {
      std::size_t first = i, last = i;
      while (first > 0 && isWord(first - 1) && at(first - 1).is(kCapitalised) && !isStop(first - 1))
        --first;
      while (isWord(last + 1) && at(last + 1).is(kCapitalised) && !isStop(last + 1))
        ++last;
      attribution.speaker =
          std::string(input_.text.substr(at(first).begin, at(last).end - at(first).begin));
      attribution.speakerKey = folded_[last]; // the surname or the last word of a name
      return true;
    }
    if (!commonNoun || lexicon_.cues.count(folded_[i])) return false;
    attribution.speaker = std::string(at(i).in(input_.text));
    attribution.speakerKey = folded_[i];
    return true;
  }

  Attribution attributionAt(std::size_t cue, const std::string& kind) const {
    Attribution attribution{folded_[cue], kind, {}, {}};
    auto searchBack = [&] {
      for (std::size_t step = 1; step <= 5 && step <= cue; ++step) {
        std::size_t j = cue - step;
        if (at(j).kind == TokenKind::Punct && isSentenceEnd(at(j).in(input_.text))) return false;
        if (speakerAt(j, step == 1, attribution)) return true;
      }
      return false;
    };
    auto searchForward = [&] {
      for (std::size_t j = cue + 1; j < count_ && j <= cue + 4; ++j) {
        if (at(j).kind == TokenKind::Punct && isSentenceEnd(at(j).in(input_.text))) return false;
        if (speakerAt(j, true, attribution)) return true;
      }
      return false;
    };
    bool speakerFollows = attribution.cue == "according" || attribution.cue == "citing";
    if (speakerFollows ? !searchForward() : (!searchBack() && !searchForward())) {
      attribution.speaker = {};
      attribution.speakerKey = {};
    }
    return attribution;
  }

  const PassageInput& input_;
  const Lexicon& lexicon_;
  std::size_t count_;
  std::vector<std::string> folded_;
};

} // namespace

std::vector<std::string> termWords(std::string_view text, Span passage,
                                   const std::vector<std::string>& stems, const Lexicon& lexicon) {
  std::vector<std::string> words(stems.size());
  std::size_t left = stems.size();
  // The same words FeatureReader::read() makes terms of, in the same order: the first whose stem
  // is asked for is the word its term was first written as.
  for (const Token& token : tokenizeWithin(text, passage)) {
    if (left == 0) break;
    if (token.begin < passage.begin || token.end > passage.end || token.kind != TokenKind::Word)
      continue;
    std::string_view surface = token.in(text);
    std::string word = foldWord(surface);
    if (lexicon.numberWords.count(word) || (!word.empty() && word[0] >= '0' && word[0] <= '9') ||
        word.size() < 2 || lexicon.stopWords.count(word))
      continue;
    std::string stem = stemEnglish(word);
    for (std::size_t i = 0; i < stems.size(); ++i) {
      if (!words[i].empty() || stems[i] != stem) continue;
      words[i] = std::string(surface);
      --left;
    }
  }
  return words;
}

void computeFeatures(const PassageInput& input, const Lexicon& lexicon, Passage& passage) {
  FeatureReader(input, lexicon).read(passage);
}

} // namespace dossier::analysis::passages
