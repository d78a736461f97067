// Glob patterns for the workspace's include and exclude settings, matched against paths relative to
// the workspace root with '/' separators: `*` matches within one path segment, `**` across segments,
// `?` one character, `{a,b}` alternatives. A pattern without '/' matches the file name in any folder
// ("*.md"); a pattern ending in '/' or "/**" matches everything below that folder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::corpus {

bool globMatch(std::string_view pattern, std::string_view relativePath);

class GlobSet {
 public:
  GlobSet() = default;
  explicit GlobSet(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}
  bool empty() const { return patterns_.empty(); }
  bool matches(std::string_view relativePath) const;
  const std::vector<std::string>& patterns() const { return patterns_; }

 private:
  std::vector<std::string> patterns_;
};

}  // namespace dossier::corpus
