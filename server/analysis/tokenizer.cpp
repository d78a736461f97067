#include "server/analysis/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace dossier::analysis {
namespace {

struct Decoded {
  utf8proc_int32_t cp = -1;  // -1 for an invalid byte
  Offset length = 1;
};

Decoded decodeAt(std::string_view text, Offset at) {
  Decoded d;
  auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at);
  utf8proc_ssize_t n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - at), &d.cp);
  if (n <= 0) {
    d.cp = -1;
    d.length = 1;
  } else {
    d.length = static_cast<Offset>(n);
  }
  return d;
}

utf8proc_category_t category(utf8proc_int32_t cp) {
  return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

bool isLetter(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}
bool isMark(utf8proc_int32_t cp) {
  if (cp < 0x80) return false;
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}
bool isDigit(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return category(cp) == UTF8PROC_CATEGORY_ND;
}
bool isUpper(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
bool isLower(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return category(cp) == UTF8PROC_CATEGORY_LL;
}
bool isSpace(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         cp == 0x200B || cp == 0xFEFF;
}
bool isApostrophe(utf8proc_int32_t cp) { return cp == '\'' || cp == 0x2019; }
bool isPunctuation(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_PC || c == UTF8PROC_CATEGORY_PD || c == UTF8PROC_CATEGORY_PS ||
         c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PI || c == UTF8PROC_CATEGORY_PF ||
         c == UTF8PROC_CATEGORY_PO;
}
bool isWordChar(utf8proc_int32_t cp) { return isLetter(cp) || isMark(cp) || isDigit(cp); }

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  // Tokens starting in [from, to). `from` must be a token boundary of the whole text's
  // tokenisation; lookahead past `to` reads the whole text, so tokens are the whole text's.
  std::vector<Token> run(Offset from, Offset to) {
    tokens_.reserve((to - from) / 5 + 1);
    Offset at = from;
    while (at < to) {
      Decoded d = decodeAt(text_, at);
      if (d.cp >= 0 && isSpace(d.cp)) {
        at += d.length;
      } else if (d.cp >= 0 && isDigit(d.cp)) {
        at = number(at);
      } else if (d.cp >= 0 && isLetter(d.cp)) {
        at = word(at);
      } else if (d.cp >= 0 && isApostrophe(d.cp) && possessiveAt(at)) {
        at = possessive(at);
      } else if (d.cp >= 0 && isPunctuation(d.cp)) {
        push(at, at + d.length, TokenKind::Punct);
        at += d.length;
      } else {
        at = symbol(at, d);
      }
    }
    return std::move(tokens_);
  }

 private:
  void push(Offset begin, Offset end, TokenKind kind, std::uint8_t flags = 0) {
    tokens_.push_back({begin, end, kind, flags});
  }

  // "’s" or "'s" right after a word and not followed by a letter; or a lone "’" after a word ending
  // in s ("Ukrainians’ resolve").
  bool possessiveAt(Offset at) const {
    if (tokens_.empty() || tokens_.back().end != at || tokens_.back().kind != TokenKind::Word)
      return false;
    Decoded apostrophe = decodeAt(text_, at);
    Offset next = at + apostrophe.length;
    if (next < text_.size() && (text_[next] == 's' || text_[next] == 'S')) {
      Offset after = next + 1;
      return after >= text_.size() || !isWordChar(decodeAt(text_, after).cp);
    }
    std::string_view prev = tokens_.back().in(text_);
    bool endsInS = !prev.empty() && (prev.back() == 's' || prev.back() == 'S');
    return endsInS && (next >= text_.size() || !isWordChar(decodeAt(text_, next).cp));
  }

  Offset possessive(Offset at) {
    Offset end = at + decodeAt(text_, at).length;
    if (end < text_.size() && (text_[end] == 's' || text_[end] == 'S')) ++end;
    push(at, end, TokenKind::Possessive);
    return end;
  }

  Offset number(Offset at) {
    Offset begin = at;
    bool hasLetter = false;
    while (at < text_.size()) {
      Decoded d = decodeAt(text_, at);
      if (isDigit(d.cp)) {
        at += d.length;
      } else if ((d.cp == ',' || d.cp == '.') && at + 1 < text_.size() &&
                 isDigit(decodeAt(text_, at + 1).cp)) {
        at += 1;
      } else if (isLetter(d.cp)) {  // "7th", "2021s", "5G"
        hasLetter = true;
        at += d.length;
      } else {
        break;
      }
    }
    if (hasLetter) {
      push(begin, at, TokenKind::Word, wordFlags(begin, at));
    } else {
      push(begin, at, TokenKind::Number);
    }
    return at;
  }

  // A dotted abbreviation: single letters each followed by a period, at least two ("U.S.", "e.g.").
  Offset dottedAbbreviation(Offset at) const {
    Offset cursor = at;
    int letters = 0;
    while (cursor + 1 < text_.size()) {
      Decoded d = decodeAt(text_, cursor);
      if (!isLetter(d.cp) || cursor + d.length >= text_.size() || text_[cursor + d.length] != '.')
        break;
      Offset after = cursor + d.length + 1;
      ++letters;
      cursor = after;
      if (after < text_.size() && isWordChar(decodeAt(text_, after).cp) &&
          !isLetter(decodeAt(text_, after).cp))
        break;
      if (after >= text_.size() || !isLetter(decodeAt(text_, after).cp)) break;
      // The next letter must itself be followed by a period (single-letter group).
      Decoded nextLetter = decodeAt(text_, after);
      Offset afterNext = after + nextLetter.length;
      if (afterNext >= text_.size() || text_[afterNext] != '.') break;
    }
    return letters >= 2 ? cursor : at;
  }

  Offset word(Offset at) {
    Offset begin = at;
    Offset dotted = dottedAbbreviation(at);
    if (dotted != at) {
      push(begin, dotted, TokenKind::Word, wordFlags(begin, dotted) | kDotted);
      return dotted;
    }
    while (at < text_.size()) {
      Decoded d = decodeAt(text_, at);
      if (isWordChar(d.cp)) {
        at += d.length;
        continue;
      }
      // Inner apostrophe followed by a letter: "don't", "O’Brien" — but not a possessive "’s".
      if (isApostrophe(d.cp)) {
        Offset next = at + d.length;
        if (next < text_.size() && isLetter(decodeAt(text_, next).cp)) {
          bool possessiveS = (text_[next] == 's' || text_[next] == 'S') &&
                             (next + 1 >= text_.size() || !isWordChar(decodeAt(text_, next + 1).cp));
          if (!possessiveS) {
            at = next;
            continue;
          }
        }
      }
      break;
    }
    push(begin, at, TokenKind::Word, wordFlags(begin, at));
    return at;
  }

  Offset symbol(Offset at, Decoded d) {
    Offset end = at + d.length;
    // Keep an emoji with its variation selectors, skin tones and zero-width joiners in one token.
    while (d.cp >= 0 && end < text_.size()) {
      Decoded next = decodeAt(text_, end);
      bool joiner = next.cp == 0x200D || next.cp == 0xFE0F || next.cp == 0xFE0E ||
                    (next.cp >= 0x1F3FB && next.cp <= 0x1F3FF) || isMark(next.cp);
      if (!joiner) break;
      end += next.length;
      if (next.cp == 0x200D && end < text_.size()) end += decodeAt(text_, end).length;
    }
    push(at, end, TokenKind::Symbol);
    return end;
  }

  std::uint8_t wordFlags(Offset begin, Offset end) const {
    std::uint8_t flags = 0;
    int letters = 0, upper = 0;
    bool first = true;
    for (Offset at = begin; at < end;) {
      Decoded d = decodeAt(text_, at);
      if (static_cast<unsigned char>(text_[at]) >= 0x80) flags |= kNonAscii;
      if (isDigit(d.cp)) flags |= kHasDigit;
      if (isLetter(d.cp)) {
        ++letters;
        if (isUpper(d.cp)) ++upper;
        if (first && isUpper(d.cp)) flags |= kCapitalised;
        if (first && (isUpper(d.cp) || isLower(d.cp))) first = false;
      }
      at += d.length;
    }
    if (letters >= 2 && upper == letters) flags |= kAllCaps;
    return flags;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  return Tokenizer(text).run(0, static_cast<Offset>(text.size()));
}

std::vector<Token> tokenizeWithin(std::string_view text, Span within) {
  auto isAsciiSpace = [&](Offset at) {
    char c = text[at];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  // Whitespace ends every token, except that a zero-width joiner in an emoji takes the character
  // after it whatever it is (see symbol()): back up to a space that no joiner precedes.
  auto joinerBefore = [&](Offset space) {
    return space >= 3 && text.compare(space - 3, 3, "\xE2\x80\x8D") == 0;
  };
  Offset from = std::min<Offset>(within.begin, static_cast<Offset>(text.size()));
  while (from > 0 && !(isAsciiSpace(from - 1) && !joinerBefore(from - 1)))
    --from;
  Offset to = std::max(from, std::min<Offset>(within.end, static_cast<Offset>(text.size())));
  while (to < text.size() && !isAsciiSpace(to))
    ++to;
  return Tokenizer(text).run(from, to);
}

std::string foldWord(std::string_view word) {
  std::string ascii;
  bool allAscii = true;
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) allAscii = false;
  if (allAscii) {
    ascii.reserve(word.size());
    for (char c : word) ascii.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return ascii;
  }
  utf8proc_uint8_t* folded = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
                                                UTF8PROC_COMPAT | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                    static_cast<utf8proc_ssize_t>(word.size()), &folded, options);
  if (n < 0) {  // invalid UTF-8: fold the ASCII bytes only
    for (char c : word) ascii.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return ascii;
  }
  std::string result(reinterpret_cast<char*>(folded), static_cast<std::size_t>(n));
  std::free(folded);
  // Curly apostrophes fold to the straight one.
  std::string out;
  out.reserve(result.size());
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (result.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(result[i]);
    }
  }
  return out;
}

}  // namespace dossier::analysis
