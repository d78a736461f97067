#include "server/index/line_index.h"

#include <algorithm>
#include <vector>

namespace dossier::index {

namespace {

// Each distinct key once: a line repeated inside one document counts that document once.
std::vector<std::uint64_t> distinctKeys(const analysis::rules::DocumentFindings& findings) {
  std::vector<std::uint64_t> keys;
  keys.reserve(findings.lines.size());
  for (const auto& line : findings.lines)
    keys.push_back(line.hash);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

} // namespace

void LineIndex::add(DocId, const analysis::rules::DocumentFindings& findings) {
  for (std::uint64_t key : distinctKeys(findings))
    ++counts_.mutate(key);
}

void LineIndex::remove(DocId, const analysis::rules::DocumentFindings& findings) {
  for (std::uint64_t key : distinctKeys(findings)) {
    const std::uint32_t* count = counts_.find(key);
    if (!count) continue;
    if (*count <= 1)
      counts_.erase(key);
    else
      --counts_.mutate(key);
  }
}

} // namespace dossier::index
