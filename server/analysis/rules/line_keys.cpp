#include "server/analysis/rules/line_keys.h"

#include <cctype>

namespace dossier::analysis::rules {

namespace {

// A line needs some substance to be a meaningful repeat: two words, and not a bare list marker.
constexpr std::size_t kMinWords = 2;
constexpr std::size_t kMinBytes = 8;
// Long lines are prose; a paragraph quoted in several documents is a related passage, not a footer.
constexpr std::size_t kMaxBytes = 400;

bool isLower(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
bool isUpper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}

// A sentence of prose: it ends as a sentence does (".", "!", "?", before any closing quotes) and
// holds words in lower case. Syndicated copies of one story share such lines ("He was 75."); site
// chrome (menus, buttons, footers) rarely reads as a sentence, and the chrome that does is caught
// by the debris rules by its words.
bool proseSentence(std::string_view line, std::vector<Token>::const_iterator token,
                   std::vector<Token>::const_iterator end, Offset lineEnd, std::string_view text) {
  std::size_t last = line.size();
  auto closing = [&](std::size_t at) {
    unsigned char c = static_cast<unsigned char>(line[at]);
    if (c == '"' || c == '\'' || c == ')') return std::size_t(1);
    // ” ’ » are three or two bytes of UTF-8 ending in 0x9D, 0x99, 0xBB.
    if (at >= 2 && line.substr(at - 2, 3) == "\xE2\x80\x9D") return std::size_t(3);
    if (at >= 2 && line.substr(at - 2, 3) == "\xE2\x80\x99") return std::size_t(3);
    if (at >= 1 && line.substr(at - 1, 2) == "\xC2\xBB") return std::size_t(2);
    return std::size_t(0);
  };
  while (last > 0)
    if (std::size_t n = closing(last - 1))
      last -= n;
    else
      break;
  if (last == 0) return false;
  char final = line[last - 1];
  if (final != '.' && final != '!' && final != '?') return false;
  std::size_t lowerWords = 0;
  for (auto it = token; it != end && it->end <= lineEnd; ++it)
    if (it->kind == TokenKind::Word && isLower(static_cast<unsigned char>(text[it->begin])))
      ++lowerWords;
  return lowerWords >= 2;
}

// A byline: "By Dana Okafor", "By Anna Berg and Ole Lund" (the writer's name, not site chrome,
// however many of the writer's pieces the corpus holds).
bool byline(std::string_view line) {
  if (!(line.starts_with("By ") || line.starts_with("by "))) return false;
  std::size_t names = 0;
  std::size_t at = 3;
  while (at < line.size()) {
    std::size_t next = line.find(' ', at);
    std::string_view word =
        line.substr(at, next == std::string_view::npos ? line.size() - at : next - at);
    if (word == "and" || word == "&")
      ;
    else if (!word.empty() && isUpper(static_cast<unsigned char>(word[0])))
      ++names;
    else if (!word.empty())
      return false;
    if (next == std::string_view::npos) break;
    at = next + 1;
  }
  return names >= 1 && names <= 6;
}

} // namespace

std::uint64_t lineHash(std::string_view line) {
  std::uint64_t hash = 1469598103934665603ull;
  bool space = false;
  auto feed = [&](unsigned char c) {
    hash ^= c;
    hash *= 1099511628211ull;
  };
  for (char ch : line) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isspace(c)) {
      space = true;
      continue;
    }
    if (space) feed(' ');
    space = false;
    feed(std::isdigit(c) ? '0' : static_cast<unsigned char>(std::tolower(c)));
  }
  return hash;
}

std::vector<LineKey> lineKeys(std::string_view text, const TextStructure& structure,
                              const std::vector<Token>& tokens,
                              const std::vector<Finding>& findings) {
  std::vector<LineKey> keys;
  std::vector<Span> debris; // sorted, as findings are
  for (const Finding& finding : findings)
    if (finding.code.str().starts_with("debris/")) debris.push_back(finding.span);
  std::size_t nextDebris = 0;
  auto token = tokens.begin();
  for (Span line : structure.lines) {
    while (line.begin < line.end && std::isspace(static_cast<unsigned char>(text[line.begin])))
      ++line.begin;
    while (line.end > line.begin && std::isspace(static_cast<unsigned char>(text[line.end - 1])))
      --line.end;
    if (line.size() < kMinBytes || line.size() > kMaxBytes) continue;
    while (token != tokens.end() && token->begin < line.begin)
      ++token;
    std::size_t words = 0;
    for (auto it = token; it != tokens.end() && it->end <= line.end && words < kMinWords; ++it)
      if (it->kind == TokenKind::Word) ++words;
    if (words < kMinWords) continue;
    LineKey key{lineHash(line.in(text)), line, false};
    while (nextDebris < debris.size() && debris[nextDebris].end <= line.begin)
      ++nextDebris;
    key.flagged = nextDebris < debris.size() && debris[nextDebris].overlaps(line);
    if (!key.flagged && (byline(line.in(text)) ||
                         proseSentence(line.in(text), token, tokens.end(), line.end, text)))
      continue;
    keys.push_back(key);
  }
  return keys;
}

} // namespace dossier::analysis::rules
