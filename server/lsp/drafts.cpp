#include "server/lsp/drafts.h"

namespace dossier::lsp {

void DraftStore::open(const std::string& path, std::string text, std::int64_t version) {
  std::lock_guard lock(mutex_);
  drafts_[path] = Draft{std::make_shared<const std::string>(std::move(text)), version};
}

std::optional<DraftStore::Draft> DraftStore::change(const std::string& path,
                                                    const std::vector<TextChange>& changes,
                                                    std::int64_t version,
                                                    protocol::PositionEncoding encoding) {
  std::lock_guard lock(mutex_);
  auto it = drafts_.find(path);
  if (it == drafts_.end()) return std::nullopt;
  std::string text = *it->second.text;
  for (const TextChange& change : changes) {
    if (!change.range) {
      text = change.text;
      continue;
    }
    protocol::LineIndex lines(text);
    std::size_t begin = lines.toOffset(change.range->start, encoding);
    std::size_t end = lines.toOffset(change.range->end, encoding);
    if (end < begin) std::swap(begin, end);
    text.replace(begin, end - begin, change.text);
  }
  it->second = Draft{std::make_shared<const std::string>(std::move(text)), version};
  return it->second;
}

void DraftStore::close(const std::string& path) {
  std::lock_guard lock(mutex_);
  drafts_.erase(path);
}

std::optional<DraftStore::Draft> DraftStore::get(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = drafts_.find(path);
  if (it == drafts_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> DraftStore::openPaths() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> paths;
  for (const auto& [path, draft] : drafts_) paths.push_back(path);
  return paths;
}

}  // namespace dossier::lsp
