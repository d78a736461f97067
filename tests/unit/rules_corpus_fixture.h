// Corpus-wide flag fixtures shared by the rule tests: a temporary folder of documents indexed by a
// fresh store, and the flagged text of one code in one document.
#pragma once

#include "server/corpus/flags.h"
#include "server/corpus/store.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace dossier::rules_test {

using Files = std::map<std::string, std::string>;

// A fresh store over the folder as it is on disk now, fully indexed.
inline std::shared_ptr<const corpus::Snapshot> indexFolder(const std::filesystem::path& root) {
  using namespace std::chrono_literals;
  corpus::CorpusStore store({}, 1);
  auto snapshot = store.snapshotAfter(store.setRoots({root.string()}), 10s);
  // Generous: a sanitizer build on a loaded machine reads the samples in tens of seconds, and a
  // partly read folder would make the caller's comparison fail for the wrong reason.
  auto deadline = std::chrono::steady_clock::now() + 300s;
  while (!snapshot->progress.done() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
    snapshot = store.snapshot();
  }
  REQUIRE(snapshot->progress.done());
  return snapshot;
}

// Writes `files` into a fresh `root` and indexes it.
inline std::shared_ptr<const corpus::Snapshot> indexedFolder(const std::filesystem::path& root,
                                                             const Files& files) {
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root);
  for (const auto& [name, text] : files)
    std::ofstream(root / name, std::ios::binary) << text;
  return indexFolder(root);
}

// The text of every flag of `code` shown in `root/name`; each must point at one other place.
inline std::vector<std::string> flaggedTexts(const corpus::Snapshot& snapshot,
                                             const std::filesystem::path& root,
                                             const std::string& name, std::string_view code) {
  const corpus::Document* doc =
      snapshot.documentAt((root / name).lexically_normal().generic_string());
  REQUIRE(doc);
  std::vector<std::string> out;
  for (const corpus::Flag& flag : corpus::flagsFor(snapshot, *doc))
    if (flag.code == code) {
      CHECK(flag.related.size() == 1);
      out.push_back(std::string(flag.span.in(*doc->text)));
    }
  return out;
}

} // namespace dossier::rules_test
