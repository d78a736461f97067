// The persistent analysis cache file: entries are used only while the file they describe is
// unchanged, only by the build and knowledge that wrote them, and any damage means "analyse again".
#include "server/corpus/cache.h"
#include "server/corpus/cache_codec.h"
#include "server/corpus/store.h"
#include "tests/unit/cache_equal.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

using namespace dossier;
using namespace dossier::corpus;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct TempDir {
  fs::path root;
  TempDir() {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("dossier-cache-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::permissions(root, fs::perms::owner_all, ignored);
    fs::remove_all(root, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name, std::ios::binary) << text;
    return (root / name).lexically_normal().generic_string();
  }
};

struct Logged {
  std::vector<std::string> problems, notes;
  AnalysisCache::Log log() {
    return [this](bool problem, const std::string& message) {
      (problem ? problems : notes).push_back(message);
    };
  }
};

const char* kText =
    "Prime Minister Kaja Kallas said on Monday that the National Maritime Agency (NMA) "
    "had reportedly found 12 ships.\n\nKallas denied the report.\n";

AnalysisCache::Entry entryFor(const std::string& path, const std::string& text) {
  return {path, FileStamp{text.size(), 1700000000123456789}, hashText(text),
          analysis::analyzeDocument(text, *analysis::Knowledge::builtin())};
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void overwrite(const fs::path& path, std::size_t offset, std::string_view bytes) {
  std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
  file.seekp(static_cast<std::streamoff>(offset));
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

TEST_CASE("a saved analysis is found again while its file is unchanged", "[cache]") {
  TempDir dir;
  std::string folder = (dir.root / "ws").string();
  Logged logged;
  auto entry = entryFor("/corpus/a.txt", kText);
  REQUIRE(AnalysisCache::open(folder, 1, 2, logged.log())->write({entry}));

  auto cache = AnalysisCache::open(folder, 1, 2, logged.log());
  CHECK(cache->size() == 1);
  auto found = cache->lookup(entry.path, entry.stamp, entry.contentHash);
  REQUIRE(found);
  CHECK(testing::analysisDiff(*entry.analysis, *found) == "");
  CHECK(logged.problems.empty());

  SECTION("another size, mtime or content is a miss") {
    CHECK_FALSE(
        cache->lookup(entry.path, {entry.stamp.size + 1, entry.stamp.mtime}, entry.contentHash));
    CHECK_FALSE(
        cache->lookup(entry.path, {entry.stamp.size, entry.stamp.mtime + 1}, entry.contentHash));
    CHECK_FALSE(cache->lookup(entry.path, entry.stamp, entry.contentHash + 1));
    CHECK_FALSE(cache->lookup("/corpus/b.txt", entry.stamp, entry.contentHash));
  }
  SECTION("another build or other knowledge ignores the whole file") {
    CHECK(AnalysisCache::open(folder, 9, 2, logged.log())->size() == 0);
    CHECK(AnalysisCache::open(folder, 1, 9, logged.log())->size() == 0);
    CHECK(logged.notes.size() == 2);
  }
}

TEST_CASE("a damaged cache file is detected, logged and not used", "[cache]") {
  TempDir dir;
  std::string folder = (dir.root / "ws").string();
  fs::path file = fs::path(folder) / "analyses.bin";
  Logged logged;
  auto a = entryFor("/corpus/a.txt", kText);
  auto b = entryFor("/corpus/b.txt", std::string(kText) + "More text by Kallas.\n");
  REQUIRE(AnalysisCache::open(folder, 1, 2, logged.log())->write({a, b}));
  std::string bytes = readAll(file);
  REQUIRE(bytes.size() > 100);

  SECTION("an old format version") {
    overwrite(file, 8, std::string("\x7f\0\0\0", 4));
    CHECK(AnalysisCache::open(folder, 1, 2, logged.log())->size() == 0);
    REQUIRE(logged.problems.size() == 1);
    CHECK(logged.problems[0].find("format 127") != std::string::npos);
  }
  SECTION("not a cache file at all") {
    overwrite(file, 0, "garbage!");
    CHECK(AnalysisCache::open(folder, 1, 2, logged.log())->size() == 0);
    CHECK(logged.problems.size() == 1);
  }
  SECTION("truncated at any length") {
    for (std::size_t size : {std::size_t{0}, std::size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
      fs::resize_file(file, size);
      CHECK(AnalysisCache::open(folder, 1, 2, logged.log())->size() == 0);
    }
    CHECK(logged.problems.size() == 4);
  }
  SECTION("a damaged table of contents") {
    overwrite(file, bytes.size() - 3, "zzz");
    CHECK(AnalysisCache::open(folder, 1, 2, logged.log())->size() == 0);
    CHECK(logged.problems.size() == 1);
  }
  SECTION("a damaged entry: that file is analysed again, the other still comes from the cache") {
    overwrite(file, 60, "\xff\xff\xff"); // inside the first entry's bytes
    auto cache = AnalysisCache::open(folder, 1, 2, logged.log());
    CHECK(cache->size() == 2);
    CHECK_FALSE(cache->lookup(a.path, a.stamp, a.contentHash));
    CHECK(logged.problems.size() == 1);
    CHECK(cache->lookup(b.path, b.stamp, b.contentHash));
  }
  SECTION("a rewrite replaces the damaged file") {
    overwrite(file, 0, "garbage!");
    REQUIRE(AnalysisCache::open(folder, 1, 2, logged.log())->write({a}));
    CHECK(AnalysisCache::open(folder, 1, 2, logged.log())->lookup(a.path, a.stamp, a.contentHash));
  }
}

TEST_CASE("an unusable cache folder is logged and ignored", "[cache]") {
  // A file where the folder should be: creating the folder fails, even for root.
  TempDir dir;
  dir.write("taken", "not a folder");
  Logged logged;
  auto cache = AnalysisCache::open((dir.root / "taken" / "ws").string(), 1, 2, logged.log());
  CHECK(cache->size() == 0);
  CHECK_FALSE(cache->write({entryFor("/corpus/a.txt", kText)}));
  // Nothing to read there is no news; that it cannot be saved is, once: every later save fails
  // the same way.
  REQUIRE(logged.problems.size() == 1);
  CHECK(logged.problems[0].find("not saved") != std::string::npos);
  CHECK(logged.problems[0].find(dir.root.string()) != std::string::npos);
  CHECK_FALSE(cache->write({entryFor("/corpus/a.txt", kText)}));
  CHECK(logged.problems.size() == 1);
  CHECK(readAll(dir.root / "taken") == "not a folder");
}

TEST_CASE("a cache file that is not a file is logged once and never written", "[cache]") {
  TempDir dir;
  fs::create_directories(dir.root / "ws" / "analyses.bin" / "in-the-way");
  Logged logged;
  auto cache = AnalysisCache::open((dir.root / "ws").string(), 1, 2, logged.log());
  CHECK(cache->size() == 0);
  CHECK_FALSE(cache->write({entryFor("/corpus/a.txt", kText)}));
  CHECK_FALSE(cache->write({entryFor("/corpus/a.txt", kText)}));
  REQUIRE(logged.problems.size() == 1);
  CHECK(logged.problems[0].find("not a file") != std::string::npos);
  CHECK(fs::is_directory(dir.root / "ws" / "analyses.bin" / "in-the-way"));
}

TEST_CASE("cache folders are per workspace, whatever the order of its roots", "[cache]") {
  CacheSettings settings{true, "/tmp/c"};
  CHECK(AnalysisCache::folderFor(settings, {"/a", "/b"}) ==
        AnalysisCache::folderFor(settings, {"/b", "/a"}));
  CHECK(AnalysisCache::folderFor(settings, {"/a"}) != AnalysisCache::folderFor(settings, {"/b"}));
  CHECK(AnalysisCache::folderFor(settings, {"/a"}).starts_with("/tmp/c/"));
}

TEST_CASE("the knowledge key changes with the workspace's lexicon additions", "[cache]") {
  analysis::KnowledgeOverrides none, extra;
  extra.extraRecords = {{"rules/hedges.tsv", "allegedly"}};
  CHECK(knowledgeKey(none) == knowledgeKey(none));
  CHECK(knowledgeKey(none) != knowledgeKey(extra));
}

namespace {

std::shared_ptr<const Snapshot> readFolder(CorpusStore& store, const std::string& root) {
  auto snapshot = store.snapshotAfter(store.setRoots({root}), 10s);
  for (int i = 0; i < 2000 && !snapshot->progress.done(); ++i) {
    std::this_thread::sleep_for(5ms);
    snapshot = store.snapshot();
  }
  return snapshot;
}

} // namespace

TEST_CASE("a second start on the same folder loads unchanged files from the cache", "[cache]") {
  TempDir corpus, cacheRoot;
  corpus.write("a.txt", kText);
  std::string changing =
      corpus.write("b.txt", "Kallas met NATO officials in Tallinn on Tuesday.\n");
  corpus.write("c.txt", "Officials, who spoke on condition of anonymity, said ships were seen.\n");
  CacheSettings settings{true, cacheRoot.root.string()};
  std::string root = corpus.root.lexically_normal().generic_string();

  std::map<std::string, std::shared_ptr<const analysis::DocumentAnalysis>> cold;
  {
    CorpusStore store({}, 2, settings);
    auto snapshot = readFolder(store, root);
    CHECK(snapshot->progress.processed == 3);
    CHECK(snapshot->progress.fromCache == 0);
    snapshot->forEachDocument([&](const Document& doc) { cold[doc.relative] = doc.analysis; });
  } // saved by now: the store waits for its background save

  std::this_thread::sleep_for(20ms); // a new mtime for the changed file, even on coarse clocks
  corpus.write("b.txt", "Kallas met EU officials in Riga on Wednesday.\n");
  {
    CorpusStore store({}, 2, settings);
    auto snapshot = readFolder(store, root);
    CHECK(snapshot->progress.processed == 3);
    CHECK(snapshot->progress.fromCache == 2); // b.txt changed: analysed again
    int compared = 0;
    snapshot->forEachDocument([&](const Document& doc) {
      if (doc.path == changing) {
        CHECK(doc.analysis->entities.mentions.size() > 0);
        return;
      }
      INFO(doc.relative);
      CHECK(testing::analysisDiff(*cold.at(doc.relative), *doc.analysis) == "");
      ++compared;
    });
    CHECK(compared == 2);
  }
  SECTION("with the cache off nothing is read from it") {
    CorpusStore store({}, 2, CacheSettings{false, cacheRoot.root.string()});
    CHECK(readFolder(store, root)->progress.fromCache == 0);
  }
}
