#include "server/analysis/rules/repetition.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace dossier::analysis::rules {

namespace {

constexpr std::size_t kMaxShortWords = 6;

// Function words that start many parallel phrases without making them slogans ("the port, the
// city").
const std::unordered_set<std::string> kWeakHeads = {"the", "a",  "an", "and", "or", "of",   "in",
                                                    "to",  "on", "at", "for", "by", "with", "it"};

struct Sentence {
  Span span;
  std::vector<const Token*> words; // Word tokens
  std::vector<const Token*> all;
  bool plain = true; // no digits, no list separators: prose, not page chrome
};

Sentence collect(std::string_view text, Span span, const std::vector<Token>& tokens) {
  Sentence sentence{span, {}, {}, true};
  auto it = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                             [](const Token& t, Offset offset) { return t.begin < offset; });
  for (; it != tokens.end() && it->end <= span.end; ++it) {
    sentence.all.push_back(&*it);
    if (it->kind == TokenKind::Word) sentence.words.push_back(&*it);
    if (it->kind == TokenKind::Number || it->is(kHasDigit)) sentence.plain = false;
    std::string_view t = it->in(text);
    if (t == "|" || t == "/" || t == "\xC2\xB7" || t == "\xE2\x80\xBA" || t == ":" || t == "@")
      sentence.plain = false;
  }
  return sentence;
}

std::string key(std::string_view text, const Sentence& sentence) {
  std::string out;
  for (const Token* word : sentence.words) {
    if (!out.empty()) out += ' ';
    out += foldWord(word->in(text));
  }
  return out;
}

bool isSeparator(std::string_view t) {
  return t == "," || t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";
}

// "X a, X b" (same head word) anywhere in the sentence; the span covers both halves.
std::optional<Span> parallelPhrase(std::string_view text, const Sentence& s) {
  const auto& all = s.all;
  for (std::size_t i = 0; i + 4 < all.size(); ++i) {
    // i: head1, i+1: word, i+2: separator, i+3: head2, i+4: word
    if (all[i]->kind != TokenKind::Word || all[i + 1]->kind != TokenKind::Word ||
        !isSeparator(all[i + 2]->in(text)) || all[i + 3]->kind != TokenKind::Word ||
        all[i + 4]->kind != TokenKind::Word)
      continue;
    std::string head = foldWord(all[i]->in(text));
    if (kWeakHeads.count(head) || head != foldWord(all[i + 3]->in(text))) continue;
    if (foldWord(all[i + 1]->in(text)) == foldWord(all[i + 4]->in(text))) continue;
    // The phrase must end there: "our harbour, our hands" but not "our harbour, our hands are ..."
    if (i + 5 < all.size() && all[i + 5]->kind == TokenKind::Word) continue;
    // Nor run on as a list: "our language, our votes, and the water" is an enumeration.
    if (i + 6 < all.size() && all[i + 5]->in(text) == "," && all[i + 6]->kind == TokenKind::Word)
      continue;
    return Span{all[i]->begin, all[i + 4]->end};
  }
  return std::nullopt;
}

// The whole sentence is a short shouted chant: "STOP THE DEAL!".
bool chant(std::string_view text, const Sentence& s) {
  if (s.words.size() < 2 || s.words.size() > 5 || !s.plain) return false;
  bool allCaps =
      std::all_of(s.words.begin(), s.words.end(), [](const Token* w) { return w->is(kAllCaps); });
  return allCaps && text.substr(0, s.span.end).ends_with("!");
}

// Sentence openers that repeat in ordinary prose ("He said", "The company", "But the").
const std::unordered_set<std::string> kCommonOpeners = {
    "he",    "she",  "they", "it",  "i",     "there", "this", "that", "these", "those", "but",
    "so",    "then", "his",  "her", "their", "its",   "one",  "if",   "when",  "as",    "after",
    "while", "yes",  "no",   "for", "from",  "with",  "by",   "what", "who",   "how",   "why"};
// "Berg said ... Berg said ...": a reporter's rhythm, not rhetoric.
const std::unordered_set<std::string> kReportingSeconds = {
    "said", "says", "told", "added", "also",  "has", "had",  "have",  "was",   "were",
    "is",   "are",  "will", "would", "could", "did", "does", "wrote", "asked", "noted"};
constexpr int kMinAnaphora = 3;
constexpr std::size_t kMinAnaphoraWords = 6; // a clause, not a slogan repeated
constexpr std::size_t kMaxAnaphoraGap = 2;   // sentences between two beats, at most one

// Anaphora: several sentences of a document open with the same two words ("Never again should
// ... Never again should ... Never again should ..."), a drumbeat rather than an argument.
void findAnaphora(std::string_view text, const TextStructure& structure,
                  const std::vector<Token>& tokens, std::vector<Finding>& out) {
  struct Run {
    std::size_t lastSentence = 0;
    std::vector<Span> spans;
  };
  auto flush = [&](Run& run) {
    if (static_cast<int>(run.spans.size()) >= kMinAnaphora)
      for (Span span : run.spans)
        out.push_back(
            {span, "propaganda/repetition",
             renderMessage("Repetition: \"{text}\" opens " + std::to_string(run.spans.size()) +
                               " sentences in a row, a drumbeat rather than an argument.",
                           span.in(text))});
    run.spans.clear();
  };
  std::unordered_map<std::string, Run> byOpener;
  for (std::size_t index = 0; index < structure.sentences.size(); ++index) {
    Sentence sentence = collect(text, structure.sentences[index], tokens);
    if (sentence.words.size() < kMinAnaphoraWords || sentence.all.empty() ||
        sentence.all[0] != sentence.words[0] || sentence.all[1] != sentence.words[1])
      continue;
    // "Jonas Berg said ...": a name opening sentences is reporting, not rhetoric.
    if (sentence.words[1]->is(kCapitalised) && !sentence.words[1]->is(kAllCaps)) continue;
    std::string first = foldWord(sentence.words[0]->in(text));
    if (kWeakHeads.count(first) || kCommonOpeners.count(first)) continue;
    std::string second = foldWord(sentence.words[1]->in(text));
    if (kWeakHeads.count(second) || kReportingSeconds.count(second)) continue;
    // Anaphora beats in close succession; the same opener far apart is coincidence.
    Run& run = byOpener[first + " " + second];
    if (!run.spans.empty() && index - run.lastSentence > kMaxAnaphoraGap) flush(run);
    run.spans.push_back({sentence.words[0]->begin, sentence.words[1]->end});
    run.lastSentence = index;
  }
  for (auto& [opener, run] : byOpener)
    flush(run);
}

} // namespace

void findRepetition(std::string_view text, const TextStructure& structure,
                    const std::vector<Token>& tokens, std::vector<Finding>& out) {
  std::vector<Sentence> shortOnes;
  std::unordered_map<std::string, int> counts;
  for (Span span : structure.sentences) {
    Sentence sentence = collect(text, span, tokens);
    if (auto slogan = parallelPhrase(text, sentence)) {
      out.push_back(
          {*slogan, "propaganda/slogan",
           renderMessage("Slogan \"{text}\": a catchy phrase standing in for an argument.",
                         slogan->in(text))});
      continue;
    }
    if (chant(text, sentence)) {
      out.push_back(
          {span, "propaganda/slogan",
           renderMessage("Slogan \"{text}\": a catchy phrase standing in for an argument.",
                         span.in(text))});
      continue;
    }
    if (sentence.words.size() < 2 || sentence.words.size() > kMaxShortWords || !sentence.plain)
      continue;
    // "Fanning said." after each quote is an attribution tag, restated by the form of reporting.
    if (kReportingSeconds.count(foldWord(sentence.words.back()->in(text)))) continue;
    ++counts[key(text, sentence)];
    shortOnes.push_back(std::move(sentence));
  }
  findAnaphora(text, structure, tokens, out);
  for (const Sentence& sentence : shortOnes) {
    int n = counts[key(text, sentence)];
    if (n < 2) continue;
    out.push_back({sentence.span, "propaganda/repetition",
                   renderMessage("Repetition: \"{text}\" is restated " + std::to_string(n) +
                                     " times in this document to make it stick.",
                                 sentence.span.in(text))});
  }
}

} // namespace dossier::analysis::rules
