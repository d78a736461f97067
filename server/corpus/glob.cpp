#include "server/corpus/glob.h"

#include <cstdint>
#include <unordered_set>

namespace dossier::corpus {
namespace {

// A pattern with more alternatives than this is cut there: {a,b} repeated 30 times would otherwise
// expand to a billion patterns and hang the scan (found by tests/fuzz/config).
constexpr std::size_t kMaxAlternatives = 1024;

// Expands the first {a,b,...} group, recursively.
std::vector<std::string> expandBraces(std::string_view pattern) {
  std::size_t open = pattern.find('{');
  std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
  if (close == std::string_view::npos) return {std::string(pattern)};
  std::vector<std::string> out;
  std::string_view head = pattern.substr(0, open), tail = pattern.substr(close + 1);
  std::string_view alternatives = pattern.substr(open + 1, close - open - 1);
  const std::vector<std::string> rests = expandBraces(tail);  // once, not once per alternative
  std::size_t start = 0;
  while (true) {
    std::size_t comma = alternatives.find(',', start);
    std::string_view alt = alternatives.substr(start, comma == std::string_view::npos ? comma : comma - start);
    for (const auto& rest : rests) {
      if (out.size() >= kMaxAlternatives) return out;
      out.push_back(std::string(head) + std::string(alt) + rest);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

// Backtracking glob matcher that remembers the (pattern, path) suffix pairs that failed, so each is
// tried once: without it "*a*a*a*a*a*a*a*a*a*a*a*b" against a long path took exponential time (found
// by tests/fuzz/config). Every recursive call is on suffixes of the two original strings, so their
// lengths identify the pair.
class Matcher {
 public:
  bool matchHere(std::string_view p, std::string_view s);

 private:
  bool sub(std::string_view p, std::string_view s) {
    std::uint64_t key = (static_cast<std::uint64_t>(p.size()) << 32) | s.size();
    if (failed_.contains(key)) return false;
    if (matchHere(p, s)) return true;
    failed_.insert(key);
    return false;
  }
  std::unordered_set<std::uint64_t> failed_;
};

bool Matcher::matchHere(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      std::string_view rest = p.substr(2);
      if (rest.starts_with("/")) {
        // "**/" matches zero or more whole segments.
        std::string_view afterSlash = rest.substr(1);
        if (sub(afterSlash, s)) return true;
        for (std::size_t i = 0; i < s.size(); ++i)
          if (s[i] == '/' && sub(afterSlash, s.substr(i + 1))) return true;
        return false;
      }
      for (std::size_t i = 0; i <= s.size(); ++i)
        if (sub(rest, s.substr(i))) return true;
      return false;
    }
    if (p.front() == '*') {
      std::string_view rest = p.substr(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (sub(rest, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') return false;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() == '?') {
      if (s.front() == '/') return false;
    } else if (p.front() != s.front()) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool globMatch(std::string_view pattern, std::string_view relativePath) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  for (const std::string& expanded : expandBraces(pattern)) {
    std::string p = expanded;
    if (p.ends_with("/")) p += "**";
    if (p.find('/') == std::string::npos) p = "**/" + p;
    if (Matcher().matchHere(p, relativePath)) return true;
    // A pattern naming a folder also covers everything below it.
    if (!p.ends_with("**") && Matcher().matchHere(p + "/**", relativePath)) return true;
  }
  return false;
}

bool GlobSet::matches(std::string_view relativePath) const {
  for (const auto& pattern : patterns_)
    if (globMatch(pattern, relativePath)) return true;
  return false;
}

}  // namespace dossier::corpus
