#include "server/analysis/rules/profanity.h"

#include <array>
#include <cctype>

namespace dossier::analysis::rules {

namespace {

// Endings a listed word may take and still be that word: inflections and the common compounds.
constexpr std::array<std::string_view, 20> kSuffixes = {
    "",     "s",     "es",   "ed",    "ing",  "in",    "er",  "ers",  "y",    "ty",
    "head", "heads", "hole", "holes", "show", "shows", "bag", "bags", "face", "faced"};

bool isAsciiAlnum(unsigned char c) {
  return std::isalnum(c) != 0;
}

char leet(char c) {
  switch (c) {
  case '0':
    return 'o';
  case '1':
    return 'i';
  case '3':
    return 'e';
  case '4':
    return 'a';
  case '5':
    return 's';
  case '7':
    return 't';
  default:
    return 0;
  }
}

// Length of a masking character at `i` (* # @ ! $ - . and the en and em dashes), or 0.
std::size_t maskAt(std::string_view word, std::size_t i) {
  switch (word[i]) {
  case '*':
  case '#':
  case '@':
  case '!':
  case '$':
  case '-':
  case '.':
    return 1;
  default:
    break;
  }
  if (word.substr(i, 3) == "\xE2\x80\x93" || word.substr(i, 3) == "\xE2\x80\x94") return 3;
  return 0;
}

bool isDashMask(std::string_view word, std::size_t i) {
  return word[i] == '-' || word[i] == '.' || word[i] == '\xE2';
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t openingOf(std::string_view word) {
  return static_cast<std::size_t>(static_cast<unsigned char>(word[0])) << 8 |
         static_cast<unsigned char>(word[1]);
}

// Folds runs of three or more equal letters to `keep` letters.
std::string collapseStretches(const std::string& word, std::size_t keep) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t j = i;
    while (j < word.size() && word[j] == word[i])
      ++j;
    out.append(j - i >= 3 ? keep : j - i, word[i]);
    i = j;
  }
  return out;
}

} // namespace

void ProfanityRules::addWord(std::string_view word) {
  std::string w = lower(word);
  auto remember = [&](std::unordered_set<std::string>& set, std::string entry) {
    if (entry.size() >= 2) openings_.set(openingOf(entry));
    set.insert(std::move(entry));
  };
  remember(plain_, w);
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t len = 1; len <= 3 && i + len <= w.size(); ++len)
      if (w.size() - len >= 2) remember(masked_, w.substr(0, i) + "*" + w.substr(i + len));
}

void ProfanityRules::allow(std::string_view word) {
  allowed_.insert(lower(word));
}

bool ProfanityRules::lookup(const std::string& word) const {
  // Every stem tried below keeps the word's first two bytes.
  if (word.size() < 2 || !openings_.test(openingOf(word))) return false;
  for (std::string_view suffix : kSuffixes) {
    if (word.size() < suffix.size() + 2 || !word.ends_with(suffix)) continue;
    std::string stem = word.substr(0, word.size() - suffix.size());
    if (plain_.count(stem) || masked_.count(stem)) return true;
  }
  return false;
}

std::string ProfanityRules::match(std::string_view word, bool& obfuscated) const {
  obfuscated = false;
  if (allowed_.count(lower(word))) return "";
  std::string normal;
  std::size_t letters = 0;
  bool shortSideOfDash = false, dashMask = false;
  std::size_t runLetters = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (std::size_t mask = maskAt(word, i)) {
      if (isDashMask(word, i)) dashMask = true;
      if (normal.empty() || normal.back() != '*') {
        if (runLetters <= 2) shortSideOfDash = true;
        normal += '*';
      }
      runLetters = 0;
      obfuscated = true;
      i += mask;
      continue;
    }
    auto c = static_cast<unsigned char>(word[i]);
    if (std::isdigit(c)) {
      char letter = leet(word[i]);
      if (!letter) return "";
      normal += letter;
      obfuscated = true;
    } else if (c == '\'' || c >= 0x80 || std::isalpha(c)) {
      normal += static_cast<char>(std::tolower(c));
      if (std::isalpha(c)) ++letters;
    } else {
      return "";
    }
    ++runLetters;
    ++i;
  }
  if (runLetters <= 2) shortSideOfDash = true;
  // A real hyphenated compound ("well-known") has whole words on both sides of the dash.
  if (letters < 2 || (dashMask && !shortSideOfDash)) return "";
  if (lookup(normal)) return normal;
  // Letters spelled out one by one with separators: "f.u.c.k".
  if (normal.find('*') != std::string::npos) {
    std::string joined;
    bool single = true;
    for (std::size_t i = 0; i < normal.size(); ++i) {
      if (normal[i] == '*') continue;
      if ((i > 0 && normal[i - 1] != '*') || (i + 1 < normal.size() && normal[i + 1] != '*'))
        single = false;
      joined += normal[i];
    }
    if (single && joined.size() >= 3 && lookup(joined)) return joined;
  }
  bool stretched = false; // three equal bytes in a row: collapsing changes nothing otherwise
  for (std::size_t i = 2; i < normal.size() && !stretched; ++i)
    stretched = normal[i] == normal[i - 1] && normal[i] == normal[i - 2];
  if (!stretched) {
    obfuscated = false;
    return "";
  }
  for (std::size_t keep : {1, 2}) {
    std::string collapsed = collapseStretches(normal, keep);
    if (collapsed != normal && lookup(collapsed)) {
      obfuscated = true;
      return collapsed;
    }
  }
  obfuscated = false;
  return "";
}

void ProfanityRules::scan(std::string_view text, std::vector<Finding>& out) const {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    std::size_t begin = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    std::size_t end = i;
    // Trim punctuation and quotes around the word; masking inside it stays.
    while (begin < end && !isAsciiAlnum(static_cast<unsigned char>(text[begin])))
      ++begin;
    while (end > begin && !isAsciiAlnum(static_cast<unsigned char>(text[end - 1]))) {
      if (text[end - 1] == '*' || text[end - 1] == '#') { // "f***" ends in its mask
        if (end - begin >= 2 && isAsciiAlnum(static_cast<unsigned char>(text[begin]))) break;
      }
      --end;
    }
    std::string_view word = text.substr(begin, end - begin);
    if (word.ends_with("'s")) word.remove_suffix(2);
    if (word.ends_with("\xE2\x80\x99s")) word.remove_suffix(4);
    if (word.size() < 3) continue;
    bool obfuscated = false;
    if (match(word, obfuscated).empty()) continue;
    Span span{static_cast<Offset>(begin), static_cast<Offset>(begin + word.size())};
    if (obfuscated)
      out.push_back(
          {span, "profanity/obfuscated",
           renderMessage("Masked profanity \"{text}\": the writer disguised a swear word.", word)});
    else
      out.push_back({span, "profanity/plain",
                     renderMessage("Profanity \"{text}\": a sign of tone, worth weighing.", word)});
  }
}

} // namespace dossier::analysis::rules
