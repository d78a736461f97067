// The workspace: glob patterns, dossier.json, and which files form the corpus.
#include "server/corpus/config.h"
#include "server/corpus/glob.h"
#include "server/corpus/scan.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace dossier::corpus;
namespace fs = std::filesystem;

TEST_CASE("globs: * stays in a segment, ** crosses segments") {
  CHECK(globMatch("*.txt", "a.txt"));
  CHECK(globMatch("*.txt", "deep/in/a.txt")); // no slash: any folder
  CHECK(globMatch("**/*.md", "notes.md"));
  CHECK(globMatch("**/*.md", "x/y/notes.md"));
  CHECK_FALSE(globMatch("src/*.txt", "src/a/b.txt"));
  CHECK(globMatch("src/**", "src/a/b.txt"));
  CHECK(globMatch("drafts/", "drafts/x.txt"));
  CHECK(globMatch("drafts", "drafts/x.txt")); // a folder covers what is below it
  CHECK(globMatch("**/*.{txt,md}", "a/b.md"));
  CHECK_FALSE(globMatch("**/*.{txt,md}", "a/b.json"));
  CHECK(globMatch("a?c.txt", "abc.txt"));
  CHECK_FALSE(globMatch("a?c.txt", "a/c.txt"));
}

TEST_CASE("config: a full dossier.json is read") {
  auto config = parseConfig(R"({
    "include": ["**/*.txt"], "exclude": ["drafts/**"],
    "diagnostics": {"disable": ["profanity"], "severity": {"sourcing": "warning", "sourcing/vague": "hint"},
                    "ignore": [{"code": "hedge/unverified", "file": "a.txt", "text": "reportedly"}]},
    "entities": {"aliases": [["Volodymyr Zelensky", "Zelenskyy"]], "ignore": ["Summary"]},
    "lexicon": {"rules/hedges.tsv": ["allegedly\thedge/unverified"]}
  })");
  CHECK(config.problems.empty());
  CHECK(config.include == std::vector<std::string>{"**/*.txt"});
  CHECK_FALSE(config.enabled("profanity/plain"));
  CHECK(config.enabled("profanityish/x"));
  CHECK(config.severityFor("sourcing/anonymous", Severity::Information) == Severity::Warning);
  CHECK(config.severityFor("sourcing/vague", Severity::Information) == Severity::Hint);
  CHECK(config.severityFor("hedge/epistemic", Severity::Information) == Severity::Information);
  REQUIRE(config.ignores.size() == 1);
  CHECK(config.ignores[0].text == "reportedly");
  CHECK(config.aliasGroups.size() == 1);
  CHECK(config.ignoredSurfaces == std::vector<std::string>{"Summary"});
  CHECK(config.lexicon.extraRecords.size() == 1);
}

TEST_CASE("config: bad input gives defaults and a problem, never a throw") {
  auto notJson = parseConfig("{ not json");
  CHECK(notJson.problems.size() == 1);
  CHECK(notJson.include == std::vector<std::string>{"**/*.txt", "**/*.md"});

  auto wrongShapes =
      parseConfig(R"({"include": "x", "diagnostics": {"severity": {"a": "loud"}}, "colour": 1})");
  CHECK(wrongShapes.problems.size() == 3);
  CHECK(wrongShapes.include == std::vector<std::string>{"**/*.txt", "**/*.md"});
}

TEST_CASE("scan: text files under the root, hidden/build folders and binaries skipped") {
  fs::path root = fs::temp_directory_path() / ("dossier-scan-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  fs::create_directories(root / ".git");
  fs::create_directories(root / "node_modules");
  fs::create_directories(root / "drafts");
  auto write = [&](const fs::path& p, const std::string& s) {
    std::ofstream(root / p, std::ios::binary) << s;
  };
  write("one.txt", "text");
  write("a/b/two.md", "text");
  write("a/skip.json", "{}");
  write(".git/three.txt", "text");
  write("node_modules/four.txt", "text");
  write("drafts/five.txt", "text");

  ScanOptions options{root.string(), GlobSet({"**/*.txt", "**/*.md"}), GlobSet({"drafts/**"})};
  std::vector<std::string> found;
  scanWorkspace(
      options, [&](ScannedFile f) { found.push_back(f.relative); }, [](auto&, auto&) {});
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"a/b/two.md", "one.txt"});

  write("bin.txt", std::string("abc\0def", 7));
  CHECK_FALSE(readTextFile((root / "bin.txt").string()).text.has_value());
  CHECK(readTextFile((root / "bin.txt").string()).problem == "binary file");
  write("bad-utf8.txt", "caf\xE9 au lait"); // Latin-1 byte: kept, not refused
  CHECK(readTextFile((root / "bad-utf8.txt").string()).text.has_value());
  CHECK_FALSE(readTextFile((root / "missing.txt").string()).text.has_value());
  fs::remove_all(root);
}
