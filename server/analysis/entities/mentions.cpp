// Finding name spans in one document: runs of capitalised words (with connectors, titles split off
// as roles), acronyms, all-caps headlines, sentence-initial words judged by the document's own
// evidence.
#include "server/analysis/entities/mentions.h"

#include <algorithm>

namespace dossier::analysis::entities {
namespace {

bool isWord(const Token& token) {
  return token.kind == TokenKind::Word;
}

// Whether only one plain space separates two tokens (no line break, no punctuation).
bool singleSpaceBetween(std::string_view text, const Token& left, const Token& right) {
  return right.begin == left.end + 1 && text[left.end] == ' ';
}

bool adjacent(const Token& left, const Token& right) {
  return right.begin == left.end;
}

// "I’m", "They're", "Don't": contractions are never names.
bool isContraction(std::string_view folded) {
  for (std::string_view ending : {"'m", "'ll", "'re", "'ve", "'d", "n't"})
    if (folded.ends_with(ending)) return true;
  return false;
}

// "http", "https", "www": the words a web address opens with.
bool opensAddress(std::string_view folded) {
  return folded == "http" || folded == "https" || folded == "www";
}

} // namespace

bool pluralShape(std::string_view word) {
  return word.size() >= 4 && word.ends_with('s') && !word.ends_with("ss") &&
         !word.ends_with("us") && !word.ends_with("is");
}

MentionFinder::MentionFinder(std::string_view text, const TextStructure& structure,
                             const std::vector<Token>& tokens, const Lexicon& lexicon)
    : text_(text), structure_(structure), tokens_(tokens), lexicon_(lexicon) {
  folded_.reserve(tokens.size());
  sentenceOf_.assign(tokens.size(), 0);
  sentenceInitial_.assign(tokens.size(), false);
  capsLine_.assign(tokens.size(), false);
  address_.assign(tokens.size(), false);
  for (const Token& token : tokens)
    folded_.push_back(isWord(token) ? foldWord(token.in(text)) : std::string());
  markAddresses();
  std::size_t sentence = 0;
  bool seenWordInSentence = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    while (sentence + 1 < structure.sentences.size() &&
           structure.sentences[sentence].end <= token.begin) {
      ++sentence;
      seenWordInSentence = false;
    }
    sentenceOf_[i] = static_cast<std::uint32_t>(sentence);
    if (isWord(token) && !token.is(kHasDigit) && !address_[i]) {
      sentenceInitial_[i] = !seenWordInSentence;
      seenWordInSentence = true;
    }
  }
  markCapsLines();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (!isWord(token) || address_[i]) continue;
    if (!token.is(kCapitalised)) {
      lowercase_.insert(folded_[i]);
    } else if (!sentenceInitial_[i] && !capsLine_[i]) {
      capitalisedMidSentence_.insert(folded_[i]);
    }
  }
}

// Web addresses: a line that opens with one ("http: / / www. ocregister. com / angels / million -
// 416271 - http - red. html", as crawled news often starts), or an address written without spaces
// inside a line. The words of its path are a slug: written lower case or capitalised at will, they
// say nothing of how the text writes a word, and are no names.
void MentionFinder::markAddresses() {
  std::size_t t = 0;
  for (const Span& line : structure_.lines) {
    while (t < tokens_.size() && tokens_[t].begin < line.begin)
      ++t;
    if (t >= tokens_.size() || tokens_[t].begin >= line.end || !opensAddress(folded_[t]) ||
        t + 1 >= tokens_.size() || !adjacent(tokens_[t], tokens_[t + 1]))
      continue;
    std::string_view after = tokens_[t + 1].in(text_);
    if (after != ":" && after != ".") continue;
    for (std::size_t i = t; i < tokens_.size() && tokens_[i].begin < line.end; ++i)
      address_[i] = true;
  }
  for (std::size_t i = 0; i + 2 < tokens_.size(); ++i) {
    if (address_[i] || !opensAddress(folded_[i]) || !adjacent(tokens_[i], tokens_[i + 1]) ||
        (tokens_[i + 1].in(text_) != ":" && tokens_[i + 1].in(text_) != "."))
      continue;
    address_[i] = true;
    for (std::size_t j = i + 1; j < tokens_.size() && adjacent(tokens_[j - 1], tokens_[j]); ++j)
      address_[j] = true;
  }
}

void MentionFinder::markCapsLines() {
  std::size_t t = 0;
  bool opening = true; // the document's first line of text (after its address): its headline
  for (const Span& line : structure_.lines) {
    while (t < tokens_.size() && tokens_[t].begin < line.begin)
      ++t;
    std::size_t first = t, words = 0, caps = 0;
    for (std::size_t i = first; i < tokens_.size() && tokens_[i].begin < line.end; ++i) {
      if (!isWord(tokens_[i]) || tokens_[i].is(kHasDigit) || address_[i]) continue;
      ++words;
      if (tokens_[i].is(kAllCaps)) ++caps;
    }
    if (words == 0) continue;
    if ((words >= 3 && caps * 10 >= words * 7) || titleCaseLine(first, line.end, opening))
      for (std::size_t i = first; i < tokens_.size() && tokens_[i].begin < line.end; ++i)
        capsLine_[i] = true;
    opening = false;
  }
}

// A title-case headline ("Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab"): every word
// capitalised besides headline function words, at least four such words, and a function word
// inside the line (or six such words). The document's opening line is its headline: three
// capitalised words are enough there ("Esther Williams Dies at 91", "Hawaiian Gardens Gang
// Member"). Running text always has a lower-case verb or noun; read as a name run, a headline
// glues its verbs to the names.
bool MentionFinder::titleCaseLine(std::size_t first, Offset lineEnd, bool opening) const {
  std::size_t content = 0;
  bool functionWord = false;
  for (std::size_t i = first; i < tokens_.size() && tokens_[i].begin < lineEnd; ++i) {
    if (!isWord(tokens_[i]) || tokens_[i].is(kHasDigit)) continue;
    if (lexicon_.headlineWords.count(folded_[i])) {
      functionWord = functionWord || i > first;
      continue;
    }
    // "Teenager ’ s Killing", "Co - workers": a possessive's "s" or the lower-case end of a hyphen
    // compound written apart.
    if (!tokens_[i].is(kCapitalised) && i > first && tokens_[i - 1].kind == TokenKind::Punct) {
      std::string_view before = tokens_[i - 1].in(text_);
      if (before == "-" || (folded_[i] == "s" && (before == "'" || before == "\u2019"))) continue;
    }
    if (!tokens_[i].is(kCapitalised)) return false;
    ++content;
  }
  if (opening && content >= 3) return true;
  return content >= 4 && (functionWord || content >= 6);
}

// A gerund or adverb by its ending ("Choosing", "Typically").
bool MentionFinder::commonWordShape(const std::string& folded) const {
  for (const auto& [ending, minLength] : lexicon_.commonEndings)
    if (folded.size() >= minLength && folded.ends_with(ending)) return true;
  return false;
}

bool MentionFinder::isTitle(std::size_t i) const {
  return lexicon_.titles.count(folded_[i]) > 0;
}

bool MentionFinder::nameWord(std::size_t i) const {
  const Token& token = tokens_[i];
  return isWord(token) && token.is(kCapitalised) && !capsLine_[i] && !address_[i] &&
         !isContraction(folded_[i]);
}

// The end (exclusive) of the run of name words starting at `first`.
std::size_t MentionFinder::runEnd(std::size_t first) const {
  std::size_t last = first;
  for (std::size_t i = first + 1; i < tokens_.size(); ++i) {
    const Token& prev = tokens_[last];
    const Token& token = tokens_[i];
    // "Mr. Musk": the period after an abbreviated title does not end the run.
    if (token.kind == TokenKind::Punct && token.in(text_) == "." && adjacent(prev, token) &&
        isTitle(last) && i + 1 < tokens_.size() &&
        singleSpaceBetween(text_, token, tokens_[i + 1]) && nameWord(i + 1)) {
      last = i + 1;
      i = i + 1;
      continue;
    }
    // "James R. Dabney", "U. S. Navy": the period after an initial does not end the run.
    if (token.kind == TokenKind::Punct && token.in(text_) == "." && adjacent(prev, token) &&
        prev.end - prev.begin == 1 && prev.is(kCapitalised) && i + 1 < tokens_.size() &&
        singleSpaceBetween(text_, token, tokens_[i + 1]) && nameWord(i + 1) &&
        !lexicon_.notNames.count(folded_[i + 1])) {
      last = i + 1;
      i = i + 1;
      continue;
    }
    // "Arcade Joseph Comeaux, Jr.": a generational suffix after a comma closes the name.
    if (token.kind == TokenKind::Punct && token.in(text_) == "," && adjacent(prev, token) &&
        i + 1 < tokens_.size() && singleSpaceBetween(text_, token, tokens_[i + 1]) &&
        nameWord(i + 1) && lexicon_.nameSuffixes.count(folded_[i + 1])) {
      last = i + 1;
      i = i + 1;
      continue;
    }
    // "Anglo-Saxons", "Rimsky-Korsakov": a hyphen between two capitalised words joins them.
    if (token.kind == TokenKind::Punct && token.in(text_) == "-" && adjacent(prev, token) &&
        i + 1 < tokens_.size() && adjacent(token, tokens_[i + 1]) &&
        (nameWord(i + 1) || tokens_[i + 1].kind == TokenKind::Number)) {
      last = i + 1;
      i = i + 1;
      continue;
    }
    // "People’s Union": a possessive inside an organisation's name.
    if (token.kind == TokenKind::Possessive && adjacent(prev, token) && i + 1 < tokens_.size() &&
        singleSpaceBetween(text_, token, tokens_[i + 1]) && nameWord(i + 1) &&
        lexicon_.orgSuffixes.count(folded_[i + 1])) {
      last = i + 1;
      i = i + 1;
      continue;
    }
    if (!singleSpaceBetween(text_, prev, token)) break;
    if (nameWord(i)) {
      last = i;
      continue;
    }
    // "Academy of Motion Picture Arts and Sciences", "Fish and Wildlife Service": "and" between
    // capitalised words inside an organisation's name.
    if (isWord(token) && folded_[i] == "and" && !token.is(kCapitalised)) {
      if (std::size_t joined = andInsideName(first, last, i)) {
        last = joined;
        i = joined;
        continue;
      }
    }
    // Connectors inside a name: "Department of Justice", "Bank of the Republic", "Ludwig van
    // Beethoven". "of" and "for" only after a word that heads an institution or place ("Bank of",
    // "Gulf of"), so "Lind of Keystone" stays two names.
    bool headed =
        lexicon_.orgSuffixes.count(folded_[last]) || lexicon_.placeSuffixes.count(folded_[last]);
    bool relational = folded_[i] == "of" || folded_[i] == "for";
    if (isWord(token) && !token.is(kCapitalised) && lexicon_.connectors.count(folded_[i]) &&
        (!relational || headed)) {
      std::size_t next = i + 1;
      if (folded_[i] == "of" && next < tokens_.size() && folded_[next] == "the" &&
          singleSpaceBetween(text_, token, tokens_[next]))
        ++next;
      if (next < tokens_.size() && singleSpaceBetween(text_, tokens_[next - 1], tokens_[next]) &&
          nameWord(next) && (folded_[i] != "the")) {
        last = next;
        i = next;
        continue;
      }
    }
    break;
  }
  return last + 1;
}

// The last word of the name "and" (token `andAt`) continues, or 0 when it joins two names
// ("Italy and Egypt", "Obama and White House officials"). It continues an organisation's name
// when the words before it hang on "of"/"for" after a head ("Academy of Motion Picture Arts and
// Sciences", "Department of Health and Human Services") and one unknown word or a name ending in
// an organisation's head follows; or when the words after it end in such a head ("Fish and
// Wildlife Service", "Central Election and Referendum Commission") and the words before it are
// common words written as a name, not a person's or a known name.
std::size_t MentionFinder::andInsideName(std::size_t first, std::size_t last,
                                         std::size_t andAt) const {
  std::vector<std::size_t> after;
  for (std::size_t j = andAt + 1; j < tokens_.size() && after.size() < 4; ++j) {
    if (!singleSpaceBetween(text_, tokens_[j - 1], tokens_[j]) || !nameWord(j)) break;
    after.push_back(j);
  }
  if (after.empty() || after.size() > 3) return 0;
  auto plainWord = [&](std::size_t w) {
    const std::string& f = folded_[w];
    return !tokens_[w].is(kAllCaps) && !lexicon_.known.count(f) && !lexicon_.givenNames.count(f) &&
           !lexicon_.titles.count(f);
  };
  if (!plainWord(last)) return 0;
  bool headAfter = lexicon_.orgSuffixes.count(folded_[after.back()]) > 0;
  std::vector<std::size_t> before;
  bool relational = false;
  for (std::size_t w = first; w <= last; ++w) {
    if (!isWord(tokens_[w])) continue;
    if (!tokens_[w].is(kCapitalised) && (folded_[w] == "of" || folded_[w] == "for"))
      relational = true;
    if (tokens_[w].is(kCapitalised)) before.push_back(w);
  }
  if (relational) {
    if (headAfter || (after.size() == 1 && plainWord(after.front()))) return after.back();
    return 0;
  }
  if (!headAfter || before.size() > 3) return 0;
  for (std::size_t w : before)
    if (lexicon_.givenNames.count(folded_[w]) || lexicon_.known.count(folded_[w]) ||
        lexicon_.orgSuffixes.count(folded_[w]))
      return 0;
  // The organisation's own words are common words ("the Fish and ...", "Central Election and
  // ..." beside "the election"), or follow a country's abbreviation ("U.S. Fish and ...").
  bool afterThe = first > 0 && folded_[first - 1] == "the";
  const Token& opening = tokens_[before.front()];
  bool afterAbbreviation =
      opening.is(kAllCaps) || opening.is(kDotted) || opening.end - opening.begin == 1;
  if (afterThe || afterAbbreviation || lowercase_.count(folded_[last]) ||
      commonWordShape(folded_[last]))
    return after.back();
  return 0;
}

void MentionFinder::findRuns(std::vector<Candidate>& out) {
  for (std::size_t i = 0; i < tokens_.size();) {
    if (!nameWord(i)) {
      ++i;
      continue;
    }
    std::size_t end = runEnd(i);
    std::size_t before = out.size();
    splitRun(i, end, out);
    if (out.size() > before && !out.back().roleOnly && !out.back().demonym)
      end = std::max(end, extendName(out.back()));
    i = end;
  }
}

// Whether a name may be a person's, as degrees after it require: it follows a title, or has two
// words or more and opens with a given name ("Regina Benjamin, MD", not "Baltimore, MD").
bool MentionFinder::personLike(const Candidate& c) const {
  return c.afterTitle || (c.first < c.last && lexicon_.givenNames.count(folded_[c.first]));
}

// The end (exclusive) of a degree's tokens starting at `at` ("MD", "Ph.D.", "M. D.", "M. B. A."),
// its closing dot included; 0 when none starts there.
std::size_t MentionFinder::credentialEnd(std::size_t at) const {
  std::string letters;
  std::size_t best = 0;
  for (std::size_t k = at; k < tokens_.size() && k < at + 8; ++k) {
    const Token& token = tokens_[k];
    if (k > at && !adjacent(tokens_[k - 1], token) &&
        !singleSpaceBetween(text_, tokens_[k - 1], token))
      break;
    if (token.kind == TokenKind::Punct && token.in(text_) == "." && k > at &&
        adjacent(tokens_[k - 1], token)) {
      if (best == k) best = k + 1;
      continue;
    }
    if (!isWord(token) || !token.is(kCapitalised)) break;
    std::string word = folded_[k];
    word.erase(std::remove(word.begin(), word.end(), '.'), word.end());
    if (word.size() > 5) break;
    letters += word;
    if (lexicon_.credentials.count(letters)) best = k + 1;
  }
  return best;
}

// Extends a name's span over what the text writes after it as part of it: degrees after a
// person's name, in the run ("Smith PhD") or after commas ("Regina Benjamin, M. D., M. B. A."), and
// the closing dot of a company's abbreviated suffix ("Microsoft Corp."). Returns the token after
// the extended span (0 when nothing was added).
std::size_t MentionFinder::extendName(Candidate& c) const {
  std::size_t next = 0;
  if (c.first < c.last) {
    std::string word = folded_[c.last];
    word.erase(std::remove(word.begin(), word.end(), '.'), word.end());
    Candidate name = c;
    for (name.last = c.last - 1; name.last > c.first && !isWord(tokens_[name.last]);)
      --name.last;
    if (lexicon_.credentials.count(word) && isWord(tokens_[name.last]) && personLike(name)) {
      c.spanLast = c.last;
      c.last = name.last;
      c.credential = true;
      next = c.spanLast + 1;
    }
  }
  if (c.credential || personLike(c)) {
    // ", MD", ", M. D., M. B. A.": degrees after commas.
    for (std::size_t at = c.spanEnd() + 1; at + 1 < tokens_.size();) {
      const Token& comma = tokens_[at];
      if (comma.in(text_) != "," || !adjacent(tokens_[at - 1], comma) ||
          !singleSpaceBetween(text_, comma, tokens_[at + 1]))
        break;
      std::size_t end = credentialEnd(at + 1);
      if (!end) break;
      c.spanLast = end - 1;
      c.credential = true;
      next = end;
      at = end;
    }
  }
  std::size_t last = c.spanEnd();
  if (!c.credential && last + 1 < tokens_.size() && lexicon_.abbreviations.count(folded_[last]) &&
      tokens_[last + 1].in(text_) == "." && adjacent(tokens_[last], tokens_[last + 1])) {
    c.spanLast = last + 1;
    next = last + 2;
  }
  return next;
}

// Cuts a run of capitalised words into role words and the name, drops words that are no name.
void MentionFinder::splitRun(std::size_t first, std::size_t end, std::vector<Candidate>& out) {
  auto wordIndexes = [&](std::size_t from, std::size_t to) {
    std::vector<std::size_t> words;
    for (std::size_t i = from; i < to; ++i)
      if (isWord(tokens_[i])) words.push_back(i);
    return words;
  };
  std::vector<std::size_t> words = wordIndexes(first, end);
  // Drop leading words that are no names ("However Musk", "In Kyiv", "For Musk"); a particle that
  // is no English function word opens the name ("Al Quintero", "De Niro", "Van Gogh").
  while (!words.empty() && (lexicon_.notNames.count(folded_[words.front()]) ||
                            (lexicon_.connectors.count(folded_[words.front()]) &&
                             lexicon_.headlineWords.count(folded_[words.front()])))) {
    if (folded_[words.front()] == "the") break;
    // "New" alone is no name, "New Orleans" is one.
    if (words.size() > 1 && lexicon_.nameOpeners.count(folded_[words.front()]) &&
        !lexicon_.connectors.count(folded_[words[1]]))
      break;
    words.erase(words.begin());
  }
  while (!words.empty() && lexicon_.connectors.count(folded_[words.back()]) &&
         !tokens_[words.back()].is(kCapitalised))
    words.pop_back();
  // "Wasilla Bible Church Friday": a weekday after a name is no part of it ("Black Friday" is).
  while (words.size() > 1 && lexicon_.calendarWords.count(folded_[words.back()]) &&
         !(words.size() == 2 && lowercase_.count(folded_[words.front()])))
    words.pop_back();
  if (words.empty()) return;
  // Titles before the name are a role: "Russian Foreign Minister | Sergei Lavrov".
  std::size_t lastTitle = words.size();
  for (std::size_t k = 0; k + 1 < words.size(); ++k)
    if (isTitle(words[k]) && !lexicon_.known.count(folded_[words[k]])) lastTitle = k;
  std::size_t nameStart = 0;
  if (lastTitle != words.size()) {
    if (folded_[words.front()] == "the" && lastTitle > 0) {
      words.erase(words.begin());
      --lastTitle;
    }
    nameStart = lastTitle + 1;
    Candidate role;
    role.roleOnly = true;
    role.first = words.front();
    role.last = words[lastTitle];
    out.push_back(role);
    // A demonym opening the role is its own mention ("Russian" in "Russian President").
    if (lexicon_.demonyms.count(folded_[words.front()]) && words.front() != words[lastTitle])
      out.push_back(Candidate{words.front(), words.front(), false, true});
  } else if (isTitle(words.back()) && words.size() >= 1 &&
             std::all_of(words.begin(), words.end(), [&](std::size_t w) { return isTitle(w); }) &&
             !lexicon_.known.count(folded_[words.back()])) {
    return; // a title alone ("the President") names no one
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(nameStart));
  // "Harbour Minister", "Foreign Minister": a role with no name after it.
  if (isTitle(words.back()) && !lexicon_.known.count(folded_[words.back()]) &&
      std::none_of(words.begin(), words.end(), [&](std::size_t w) {
        return lexicon_.orgSuffixes.count(folded_[w]) || lexicon_.connectors.count(folded_[w]);
      }))
    return;
  // "The": part of an outlet's name ("The Tolvan Ledger"), otherwise not part of the name.
  if (folded_[words.front()] == "the") {
    bool outlet = words.size() > 2 && lexicon_.outletSuffixes.count(folded_[words.back()]);
    if (!outlet) words.erase(words.begin());
    if (words.empty()) return;
  }
  // "American Hasim Rahman", "Englishman Robert Buckley": a demonym before a person's name is a
  // group of its own, not part of the name.
  if (nameStart == 0 && words.size() >= 3 && words.size() <= 4 && demonymBeforePerson(words)) {
    out.push_back(Candidate{words.front(), words.front(), false, true});
    words.erase(words.begin());
  }
  // "Chargers Jamal Williams", "Saints Pierre Thomas": a team's plural name before a person's name
  // is a name of its own.
  if (nameStart == 0 && words.size() >= 3 && teamBeforePerson(words)) {
    out.push_back(Candidate{words.front(), words.front()});
    words.erase(words.begin());
  }
  // A sentence-initial common word before a name: "Critics Putin" never, but "Yesterday Putin";
  // "New Orleans" stays whole.
  if (words.size() > 1 && sentenceInitial_[words.front()] && folded_[words.front()] != "the" &&
      (lowercase_.count(folded_[words.front()]) || commonWordShape(folded_[words.front()])) &&
      !capitalisedMidSentence_.count(folded_[words.front()]) &&
      !lexicon_.known.count(folded_[words.front()]) &&
      !lexicon_.givenNames.count(folded_[words.front()]) &&
      !lexicon_.nameOpeners.count(folded_[words.front()]))
    words.erase(words.begin());
  if (words.size() == 1) {
    std::size_t w = words.front();
    const std::string& f = folded_[w];
    if (lexicon_.notNames.count(f) && !tokens_[w].is(kAllCaps)) return;
    if (lexicon_.notNames.count(f) && tokens_[w].is(kAllCaps) && !lexicon_.known.count(f)) return;
    if (sentenceInitial_[w] && !lexicon_.known.count(f) && !capitalisedMidSentence_.count(f)) {
      if (lowercase_.count(f)) return;
      out.push_back(Candidate{w, w, false, false, true, nameStart > 0});
      return;
    }
  }
  out.push_back(Candidate{words.front(), words.back(), false, false, false, nameStart > 0});
}

// Whether the first of `words` is a demonym and the others a person's name: a given name first, or
// two or three words none of which is known, heads an organisation or place, or is written in lower
// case in this document ("American Music Awards", "British Red Cross" stay whole).
bool MentionFinder::demonymBeforePerson(const std::vector<std::size_t>& words) const {
  const std::string& demonym = folded_[words.front()];
  // "Western Naval Command": a word that opens place names opens this one too.
  if (!lexicon_.demonyms.count(demonym) || lexicon_.givenNames.count(demonym) ||
      lexicon_.nameOpeners.count(demonym) ||
      lexicon_.known.count(demonym + " " + folded_[words[1]]))
    return false;
  for (std::size_t k = 1; k < words.size(); ++k)
    if (!plainNameWord(words[k]) || lexicon_.demonyms.count(folded_[words[k]])) return false;
  if (lexicon_.known.count(joinedFolded(words, 1))) return false;
  if (lexicon_.givenNames.count(folded_[words[1]])) return true;
  for (std::size_t k = 1; k < words.size(); ++k)
    if (lexicon_.known.count(folded_[words[k]]) || lowercase_.count(folded_[words[k]]) ||
        commonWordShape(folded_[words[k]]))
      return false;
  return true;
}

// Whether the first of `words` is a plural name (a team's) and the others a person's name: a given
// name, then capitalised words that head no organisation or place ("Saints Pierre Thomas"; not
// "Johns Hopkins", "Wells Fargo Bank", "Lewis Carroll Smith").
bool MentionFinder::teamBeforePerson(const std::vector<std::size_t>& words) const {
  const std::string& team = folded_[words.front()];
  if (!pluralShape(team) || tokens_[words.front()].is(kAllCaps) ||
      lexicon_.givenNames.count(team) || lexicon_.known.count(team) ||
      lexicon_.nameOpeners.count(team) || lexicon_.orgSuffixes.count(team) ||
      lexicon_.placeSuffixes.count(team) || lexicon_.titles.count(team) ||
      !lexicon_.givenNames.count(folded_[words[1]]))
    return false;
  for (std::size_t w : words)
    if (!plainNameWord(w)) return false;
  return !lexicon_.known.count(joinedFolded(words, 0));
}

// A capitalised word that heads no organisation or place and is neither a connector nor a title:
// a word that can stand in a person's name.
bool MentionFinder::plainNameWord(std::size_t i) const {
  const std::string& word = folded_[i];
  return tokens_[i].is(kCapitalised) && !lexicon_.orgSuffixes.count(word) &&
         !lexicon_.placeSuffixes.count(word) && !lexicon_.connectors.count(word) &&
         !lexicon_.titles.count(word);
}

// The folded forms of words[from..] joined by single spaces, as the lexicon's keys are.
std::string MentionFinder::joinedFolded(const std::vector<std::size_t>& words,
                                        std::size_t from) const {
  std::string joined;
  for (std::size_t k = from; k < words.size(); ++k) {
    if (k > from) joined += ' ';
    joined += folded_[words[k]];
  }
  return joined;
}

// All-caps lines: only words that are known names or names of this document elsewhere.
void MentionFinder::findInCapsLines(const std::unordered_set<std::string>& documentKeys,
                                    std::vector<Candidate>& out) {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (!capsLine_[i] || !isWord(tokens_[i]) || address_[i]) continue;
    std::size_t best = 0;
    std::string phrase;
    std::size_t last = i;
    for (std::size_t n = 1, j = i; n <= 4 && j < tokens_.size() && capsLine_[j]; ++n) {
      if (n > 1) {
        if (j + 1 >= tokens_.size() || !singleSpaceBetween(text_, tokens_[last], tokens_[j + 1]))
          break;
        ++j;
        if (!isWord(tokens_[j])) break;
        phrase += ' ';
      }
      phrase += tokens_[j].in(text_);
      last = j;
      std::string key = nameKey(phrase, lexicon_);
      if (lexicon_.notNames.count(key) && !lexicon_.known.count(key)) continue;
      if (documentKeys.count(key) || lexicon_.known.count(key)) best = j + 1;
    }
    if (best) {
      out.push_back(Candidate{i, best - 1});
      i = best - 1;
    }
  }
}

} // namespace dossier::analysis::entities
