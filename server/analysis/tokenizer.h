// One pass over a document's UTF-8 text that cuts it into tokens with byte offsets.
//
// Unicode-aware: letters of any script (Latin, Cyrillic, CJK, ...) with their combining marks form
// words; curly and straight apostrophes inside words are kept ("don't", "O’Brien") except a trailing
// possessive ("Putin’s" -> "Putin" + "’s"); hyphen compounds are split at the hyphen ("Musk-owned" ->
// "Musk" "-" "owned", all adjacent); dotted abbreviations stay one token ("U.S.", "e.g."); numbers keep
// their inner separators ("1.8", "18,000", "5–7th" is "5" "–" "7th"). Invalid UTF-8 bytes become Symbol
// tokens of one byte, so analysis never fails on bad input.
#pragma once

#include "server/analysis/text.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis {

enum class TokenKind : std::uint8_t {
  Word,        // letters (and digits mixed in: "G7", "7th"), inner apostrophes, dotted abbreviations
  Number,      // digits with inner , or . ("18,000", "1.8")
  Possessive,  // "’s" / "'s" / "’" after a word ending in s ("Ukrainians’")
  Punct,       // one punctuation character: . , ; : ! ? - – — ( ) [ ] " “ ” ‘ ’ ' / …
  Symbol,      // anything else that is not space: emoji, $, %, #, @, invalid bytes
};

// Properties of a Word token's letters, computed once by the tokenizer.
enum TokenFlag : std::uint8_t {
  kCapitalised = 1 << 0,  // first letter is upper or title case ("Putin", "NATO", "iPhone" is not)
  kAllCaps = 1 << 1,      // at least two letters and all letters upper case ("NATO", "U.S.")
  kHasDigit = 1 << 2,     // contains a digit ("G7")
  kNonAscii = 1 << 3,     // contains a non-ASCII byte
  kDotted = 1 << 4,       // dotted abbreviation ("U.S.", "e.g.")
};

struct Token {
  Offset begin = 0;
  Offset end = 0;
  TokenKind kind = TokenKind::Symbol;
  std::uint8_t flags = 0;

  Span span() const { return {begin, end}; }
  bool is(TokenFlag flag) const { return (flags & flag) != 0; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

std::vector<Token> tokenize(std::string_view text);

// The tokens of `text` around `within`, exactly as tokenize(text) has them: every token that
// starts from the nearest whitespace before `within` up to the first whitespace after it. For
// reading a passage's tokens again without keeping every document's tokens in memory.
std::vector<Token> tokenizeWithin(std::string_view text, Span within);

// Lower-cases and folds a word for lookups: Unicode case folding, diacritics removed (NFKD without
// marks: "Zelenskyy" stays, "Élysée" -> "elysee"), curly apostrophes -> ', dots of abbreviations kept.
std::string foldWord(std::string_view word);

}  // namespace dossier::analysis
