#include "server/corpus/flags_numbers.h"

#include "server/corpus/flags_tables.h"
#include "server/data_files.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace dossier::corpus {

namespace {

using analysis::Token;
using analysis::TokenKind;

constexpr std::string_view kCountedFile = "numbers/counted.tsv";
// Related passages compared per passage, and how alike they must be: below this the passages share
// a name or two but not the event.
constexpr std::size_t kRelatedLimit = 5;
constexpr double kMinSimilarity = 0.15;
// Beyond this many passages in the corpus (the passage index's own threshold for a large corpus),
// an (entity, kind) pair given in more than kMaxNominatingPassages passages nominates no
// candidates. A fixed count rather than a share of the corpus: a share would let the work per
// figure grow with the corpus.
constexpr std::uint64_t kSmallCorpus = 5000;
constexpr std::size_t kMaxNominatingPassages = 2000;

struct CountedLexicon {
  std::unordered_map<std::string, std::string> nouns;      // folded noun -> class
  std::unordered_map<std::string, double> numbers;         // "three" -> 3
  std::unordered_map<std::string, double> multipliers;     // "million" -> 1e6
  std::unordered_map<std::string, std::string> currencies; // "$" -> "dollars"
  std::unordered_set<std::string> months;                  // "march": "17 March" is a date
};

const CountedLexicon& lexicon() {
  static const CountedLexicon loaded = [] {
    CountedLexicon lex;
    data::forEachRecord(data::file(kCountedFile).value_or(""),
                        [&](int, const std::vector<std::string_view>& fields) {
                          if (fields.size() < 3) return;
                          std::string word = analysis::foldWord(fields[0]);
                          std::string value(fields[2]);
                          if (fields[1] == "noun")
                            lex.nouns[word] = value;
                          else if (fields[1] == "number")
                            lex.numbers[word] = std::strtod(value.c_str(), nullptr);
                          else if (fields[1] == "multiplier")
                            lex.multipliers[word] = std::strtod(value.c_str(), nullptr);
                          else if (fields[1] == "currency")
                            lex.currencies[word] = value;
                          else if (fields[1] == "date")
                            lex.months.insert(word);
                        });
    return lex;
  }();
  return loaded;
}

// Words that may not stand between a number and its noun: "three of the workers" counts a part,
// "one to ten days" a range.
const std::unordered_set<std::string> kBreakers = {"of",  "to",   "and", "or",  "in", "on", "at",
                                                   "for", "from", "by",  "the", "a",  "an", "than"};

bool sameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

std::string displayed(std::string_view text, analysis::Span span) {
  std::string out;
  for (char c : span.in(text))
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

} // namespace

std::vector<CountedFigure> countedFigures(std::string_view text, const std::vector<Token>& tokens,
                                          analysis::Span within) {
  const CountedLexicon& lex = lexicon();
  std::vector<CountedFigure> out;
  std::vector<std::size_t> bare; // indexes into `out` of numbers that count nothing yet
  auto first = std::lower_bound(tokens.begin(), tokens.end(), within.begin,
                                [](const Token& t, analysis::Offset o) { return t.begin < o; });
  std::size_t end = static_cast<std::size_t>(first - tokens.begin());
  while (end < tokens.size() && tokens[end].end <= within.end)
    ++end;
  auto folded = [&](std::size_t i) {
    return i < end ? analysis::foldWord(tokens[i].in(text)) : std::string();
  };
  auto isNumber = [&](std::size_t i) { return i < end && tokens[i].kind == TokenKind::Number; };
  for (std::size_t i = static_cast<std::size_t>(first - tokens.begin()); i < end; ++i) {
    const Token& token = tokens[i];
    double value = 0;
    if (token.kind == TokenKind::Number) {
      std::string digits;
      for (char c : token.in(text))
        if (c != ',') digits += c;
      value = std::strtod(digits.c_str(), nullptr);
    } else if (token.kind == TokenKind::Word) {
      auto number = lex.numbers.find(folded(i));
      if (number == lex.numbers.end()) continue;
      value = number->second;
    } else {
      continue;
    }
    if (lex.months.contains(folded(i + 1)) || (i > 0 && lex.months.contains(folded(i - 1))))
      continue; // "17 March", "March 17"
    CountedFigure figure;
    figure.span = token.span();
    std::string currency;
    if (i > 0 && tokens[i - 1].end == token.begin) {
      auto prefix = lex.currencies.find(folded(i - 1));
      if (prefix != lex.currencies.end()) {
        currency = prefix->second;
        figure.span.begin = tokens[i - 1].begin;
      }
    }
    std::size_t j = i + 1;
    bool scaled = false;
    if (auto m = lex.multipliers.find(folded(j)); j < end && m != lex.multipliers.end()) {
      value *= m->second;
      scaled = true;
      figure.span.end = tokens[j++].end;
    }
    // A tally: "58 to 40", "58-40", "58 votes to 41".
    if (token.kind == TokenKind::Number && !scaled && value < 1000) {
      std::size_t k = j;
      if (folded(k) == "votes") ++k;
      std::string link = folded(k);
      if ((link == "to" || link == "-" || link == "\xE2\x80\x93") && isNumber(k + 1)) {
        double second = std::strtod(std::string(tokens[k + 1].in(text)).c_str(), nullptr);
        std::string after = folded(k + 2);
        bool range = lex.nouns.contains(after) || after == "per"; // "68 to 71 percent"
        if (second < 1000 && !range) {
          figure.value = value * 1000 + second;
          figure.kind = "tally";
          figure.span.end = tokens[k + 1].end;
          out.push_back(figure);
          i = k + 1;
          continue;
        }
      }
    }
    std::string kind;
    for (std::size_t k = j; k < end && k <= j + 1 && kind.empty(); ++k) {
      std::string word = folded(k);
      if (auto noun = lex.nouns.find(word); noun != lex.nouns.end()) {
        kind = noun->second;
      } else if (word == "per" && folded(k + 1) == "cent") {
        kind = "percent";
        ++k;
      } else if (auto c = lex.currencies.find(word); c != lex.currencies.end()) {
        currency = c->second;
      } else if (tokens[k].kind != TokenKind::Word || kBreakers.contains(word)) {
        break;
      }
      if (!kind.empty() || !currency.empty()) figure.span.end = tokens[k].end;
    }
    if (kind.empty() && !currency.empty()) kind = "amount:" + currency;
    // "12 million" of something unnamed is a sum of money more often than not; "three hundred
    // years" or "four thousand fans" is not.
    if (kind.empty() && scaled && value >= 1e6) kind = "amount";
    if (kind.empty()) {
      // A bare number takes what the figure next to it counts: "40,000 households; Aldgas was
      // quoted at 45,000", "from 68 to 71 percent". Years and small numbers stay out.
      if (token.kind == TokenKind::Number && (value < 1900 || value > 2100) && value >= 10)
        bare.push_back(out.size());
      else
        continue;
    }
    figure.value = value;
    figure.kind = std::move(kind);
    out.push_back(std::move(figure));
  }
  // Each bare number takes the kind of the nearest counted figure within a few tokens' reach in the
  // same run of text; one with none in reach is dropped.
  constexpr analysis::Offset kReach = 60; // bytes
  constexpr double kMaxRivalRatio = 2;
  std::vector<CountedFigure> resolved;
  std::size_t b = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (b < bare.size() && bare[b] == i) {
      ++b;
      const CountedFigure* nearest = nullptr;
      analysis::Offset distance = kReach + 1;
      for (std::size_t k = 0; k < out.size(); ++k) {
        if (out[k].kind.empty()) continue;
        analysis::Offset gapBegin = std::min(out[i].span.end, out[k].span.end);
        analysis::Offset gapEnd =
            std::max(gapBegin, std::max(out[i].span.begin, out[k].span.begin));
        analysis::Offset d = gapEnd - gapBegin;
        std::string_view between = text.substr(gapBegin, d);
        if (d > kReach || between.find_first_of(".!?\n0123456789") != std::string_view::npos)
          continue;
        // Rival counts of one thing are of one size: "40,000 ... 45,000", not "20 January ... 60
        // percent".
        double ratio = out[k].value > out[i].value ? out[k].value / std::max(out[i].value, 1e-9)
                                                   : out[i].value / std::max(out[k].value, 1e-9);
        if (ratio > kMaxRivalRatio) continue;
        if (d < distance) {
          distance = d;
          nearest = &out[k];
        }
      }
      if (!nearest) continue;
      CountedFigure figure = out[i];
      figure.kind = nearest->kind;
      resolved.push_back(std::move(figure));
      continue;
    }
    resolved.push_back(out[i]); // a copy: later bare numbers still read it
  }
  // Shares listed together ("28 percent, ... 23 percent and ... 19 percent", "54 percent
  // supported it and 31 percent opposed it") split one whole: they are parts, not rival counts.
  // A range ("from 68 to 71 percent") is not a list.
  std::vector<bool> breakdown(resolved.size(), false);
  for (std::size_t i = 1; i < resolved.size(); ++i) {
    const CountedFigure& a = resolved[i - 1];
    const CountedFigure& b = resolved[i];
    if (a.kind != "percent" || b.kind != "percent" || sameValue(a.value, b.value)) continue;
    std::string_view between =
        text.substr(a.span.end, b.span.begin - std::min(b.span.begin, a.span.end));
    if (between.find_first_of(".!?\n") != std::string_view::npos) continue;
    if (between.find(',') != std::string_view::npos ||
        between.find(';') != std::string_view::npos ||
        between.find(" and ") != std::string_view::npos)
      breakdown[i - 1] = breakdown[i] = true;
  }
  std::vector<CountedFigure> kept;
  for (std::size_t i = 0; i < resolved.size(); ++i)
    if (!breakdown[i]) kept.push_back(std::move(resolved[i]));
  return kept;
}

std::vector<NumberFinding> disagreeingNumbers(const Snapshot& snapshot, const Document& doc) {
  std::vector<NumberFinding> out;
  std::shared_ptr<FlagTables> tables = FlagTables::of(snapshot);
  const FigureTable& table = tables->figureTable(snapshot);
  const index::PassageIndex& related = snapshot.index->passages;
  // On a large corpus an (entity, kind) pair given in very many passages ("police" and "people")
  // names no one event: like a common word in related(), it does not nominate candidates (they
  // still come through a rarer pair, and are scored on everything they share).
  std::size_t maxNominating =
      related.passageCount() <= kSmallCorpus ? SIZE_MAX : kMaxNominatingPassages;
  const auto& passages = doc.analysis->passages.passages;
  std::vector<std::string_view> kinds;
  for (std::uint32_t p = 0; p < passages.size(); ++p) {
    const auto& passage = passages[p];
    const std::vector<CountedFigure>& figures = table.figuresOf(doc.id, p);
    if (figures.empty()) continue;
    // Only a passage of another document naming one of these entities and counting one of these
    // kinds can contradict a figure here: the candidates.
    kinds.clear();
    for (const CountedFigure& figure : figures)
      kinds.push_back(figure.kind);
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    std::vector<std::uint64_t> candidates;
    for (const analysis::passages::PassageEntity& entity : passage.entities)
      for (std::string_view kind : kinds)
        if (const auto* list = table.passagesWith(entity.key, kind);
            list && list->size() <= maxNominating)
          for (std::uint64_t ref : *list)
            if (ref >> 32 != doc.id) candidates.push_back(ref);
    if (candidates.empty()) continue;
    // The flag compares only the passages most related to this one (related()'s first few): a
    // candidate further down shares a name and a kind of count, not the event. Whether a
    // candidate ranks that high takes the whole related() query, so it is asked only when some
    // candidate alike enough would contradict a figure here; if none would, neither would any of
    // related()'s results.
    auto contradicts = [&](const index::PassageMatch& match) {
      if (match.similarity < kMinSimilarity || match.sharedEntities.empty()) return false;
      for (const CountedFigure& their : table.figuresOf(match.doc, match.passage))
        for (const CountedFigure& mine : figures)
          if (their.kind == mine.kind && !sameValue(their.value, mine.value)) return true;
      return false;
    };
    std::vector<index::PassageMatch> alike =
        related.similarities(doc.id, passage, std::move(candidates));
    if (std::none_of(alike.begin(), alike.end(), contradicts)) continue;
    std::vector<index::PassageMatch> matches = related.related(doc.id, passage, kRelatedLimit);
    std::vector<bool> flagged(figures.size(), false);
    for (const auto& match : matches) {
      if (match.similarity < kMinSimilarity || match.sharedEntities.empty()) continue;
      const Document* other = snapshot.document(match.doc);
      if (!other || match.passage >= other->analysis->passages.passages.size()) continue;
      const std::vector<CountedFigure>& theirs = table.figuresOf(other->id, match.passage);
      for (std::size_t f = 0; f < figures.size(); ++f) {
        if (flagged[f]) continue;
        const CountedFigure& mine = figures[f];
        // Another document giving the same figure too does not settle it: the figure is still
        // contested by the one that differs.
        const CountedFigure* differs = nullptr;
        for (const auto& their : theirs)
          if (their.kind == mine.kind && !sameValue(their.value, mine.value)) {
            differs = &their;
            break;
          }
        if (!differs) continue;
        flagged[f] = true;
        std::string there = displayed(*other->text, differs->span);
        NumberFinding number;
        number.finding = {mine.span, "numbers/disagree",
                          analysis::rules::renderMessage("Numbers disagree: \"{text}\" here, \"" +
                                                             there + "\" in " + other->relative +
                                                             " about the same event.",
                                                         displayed(*doc.text, mine.span))};
        number.relatedDoc = other->id;
        number.relatedSpan = differs->span;
        number.relatedMessage = "The same count given as \"" + there + "\"";
        out.push_back(std::move(number));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const NumberFinding& a, const NumberFinding& b) {
    return a.finding.span.begin < b.finding.span.begin;
  });
  return out;
}

} // namespace dossier::corpus
