// The editor's open buffers: their text and version, kept current through didOpen/didChange (full
// or incremental). Edits are applied on the reader thread, in order, with the negotiated position
// encoding; the resulting text is handed to the corpus store, which shares it (not a copy).
#pragma once

#include "protocol/position.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::lsp {

struct TextChange {
  std::optional<protocol::Range> range;  // absent: the whole text is replaced
  std::string text;
};

class DraftStore {
 public:
  struct Draft {
    std::shared_ptr<const std::string> text;
    std::int64_t version = 0;
  };

  void open(const std::string& path, std::string text, std::int64_t version);
  // Applies the changes in order; returns the new draft, or nullopt when the path is not open.
  std::optional<Draft> change(const std::string& path, const std::vector<TextChange>& changes,
                              std::int64_t version, protocol::PositionEncoding encoding);
  void close(const std::string& path);
  std::optional<Draft> get(const std::string& path) const;
  std::vector<std::string> openPaths() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Draft> drafts_;
};

}  // namespace dossier::lsp
