#include "server/data_files.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace dossier::data {

extern const std::pair<std::string_view, std::string_view> kEmbeddedFiles[];
extern const int kEmbeddedFileCount;

std::optional<std::string_view> file(std::string_view path) {
  for (int i = 0; i < kEmbeddedFileCount; ++i)
    if (kEmbeddedFiles[i].first == path) return kEmbeddedFiles[i].second;
  return std::nullopt;
}

std::vector<std::string_view> list(std::string_view folder) {
  std::vector<std::string_view> paths;
  for (int i = 0; i < kEmbeddedFileCount; ++i)
    if (kEmbeddedFiles[i].first.starts_with(folder)) paths.push_back(kEmbeddedFiles[i].first);
  std::sort(paths.begin(), paths.end());
  return paths;
}

static std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void forEachRecord(std::string_view contents,
                   const std::function<void(int, const std::vector<std::string_view>&)>& onLine) {
  int lineNumber = 0;
  std::vector<std::string_view> fields;
  while (!contents.empty()) {
    ++lineNumber;
    std::size_t eol = contents.find('\n');
    std::string_view line = contents.substr(0, eol);
    contents = eol == std::string_view::npos ? std::string_view() : contents.substr(eol + 1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    fields.clear();
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    onLine(lineNumber, fields);
  }
}

}  // namespace dossier::data
