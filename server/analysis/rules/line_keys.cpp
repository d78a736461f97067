#include "server/analysis/rules/line_keys.h"

#include <cctype>

namespace dossier::analysis::rules {

namespace {

// A line needs some substance to be a meaningful repeat: two words, and not a bare list marker.
constexpr std::size_t kMinWords = 2;
constexpr std::size_t kMinBytes = 8;
// Long lines are prose; a paragraph quoted in several documents is a related passage, not a footer.
constexpr std::size_t kMaxBytes = 400;

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
    if (finding.code.starts_with("debris/")) debris.push_back(finding.span);
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
    keys.push_back(key);
  }
  return keys;
}

} // namespace dossier::analysis::rules
