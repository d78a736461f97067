// Shared helpers for protocol tests: a temporary workspace on disk and a started server.
#pragma once

#include "protocol/uri.h"
#include "tests/support/lsp_client.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

namespace dossier::testing {

class TempWorkspace {
public:
  TempWorkspace() {
    static int counter = 0;
    root_ = std::filesystem::temp_directory_path() /
            ("dossier-protocol-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~TempWorkspace() {
    std::error_code ignored;
    std::filesystem::permissions(root_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(root_, ignored);
  }
  const std::filesystem::path& root() const { return root_; }
  std::string path(const std::string& name) const { return (root_ / name).generic_string(); }
  std::string uri(const std::string& name) const { return protocol::pathToUri(path(name)); }
  std::string write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((root_ / name).parent_path());
    std::ofstream(root_ / name, std::ios::binary) << text;
    return path(name);
  }

private:
  std::filesystem::path root_;
};

inline ClientOptions serverOptions() {
  ClientOptions options;
  options.binary = DOSSIER_LS_PATH;
  // No persistent cache: each test starts cold and leaves nothing in the user's cache folder.
  options.args = {"--log=debug", "--no-cache"};
  return options;
}

inline json textDocument(const std::string& uri) {
  return {{"textDocument", {{"uri", uri}}}};
}

inline json positionParams(const std::string& uri, int line, int character) {
  return {{"textDocument", {{"uri", uri}}},
          {"position", {{"line", line}, {"character", character}}}};
}

// The names of a documentSymbol answer, flattened.
inline std::vector<std::string> symbolNames(const json& symbols) {
  std::vector<std::string> names;
  if (!symbols.is_array()) return names;
  for (const auto& symbol : symbols) {
    names.push_back(symbol.value("name", ""));
    for (auto& child : symbolNames(symbol.value("children", json::array())))
      names.push_back(child);
  }
  return names;
}

inline bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace dossier::testing
