// Reading a large folder: the writer changes the index in place while no snapshot shares it, and a
// snapshot that does share it never sees a later change; the progress moves between publications.
#include "server/corpus/store.h"
#include "server/index/corpus_index.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

using namespace dossier;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<const analysis::DocumentAnalysis> analysed(const std::string& text) {
  return analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
}

struct ScratchFolder {
  fs::path root;
  ScratchFolder() {
    root = fs::temp_directory_path() / ("dossier-bulk-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~ScratchFolder() { fs::remove_all(root); }
};

} // namespace

TEST_CASE("an index copy keeps its entity postings while the writer adds and removes documents",
          "[store]") {
  auto first = analysed("Nora Veldre met the council in Harwick on Monday.");
  auto second = analysed("On Tuesday Nora Veldre left Harwick for the coast.");
  index::CorpusIndex writer;
  writer.add(0, *first);
  REQUIRE(writer.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0});

  index::CorpusIndex published = writer; // what a snapshot holds
  writer.add(1, *second);
  CHECK(published.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0});
  CHECK(writer.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0, 1});

  index::CorpusIndex later = writer;
  writer.remove(0, *first);
  CHECK(later.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0, 1});
  CHECK(writer.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{1});
  writer.remove(1, *second);
  CHECK(writer.entities.documentsMentioning("nora veldre").empty());
  CHECK(published.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0});
}

TEST_CASE("while a folder is read the progress is reported unfinished and the end is published",
          "[store]") {
  ScratchFolder folder;
  for (int i = 0; i < 200; ++i)
    std::ofstream(folder.root / ("story-" + std::to_string(i) + ".txt"))
        << "Officials in Harwick said on Monday that " << i
        << " families had left. Nora Veldre, a council member, said the count was low.\n";
  std::mutex mutex;
  std::vector<corpus::IndexingProgress> reported;
  std::vector<corpus::IndexingProgress> publishedProgress;
  corpus::StoreCallbacks callbacks;
  callbacks.progress = [&](const corpus::IndexingProgress& progress) {
    std::lock_guard lock(mutex);
    reported.push_back(progress);
  };
  callbacks.published = [&](const std::shared_ptr<const corpus::Snapshot>& snapshot, const auto&,
                            bool) {
    std::lock_guard lock(mutex);
    publishedProgress.push_back(snapshot->progress);
  };
  corpus::CorpusStore store(std::move(callbacks), 1);
  auto snapshot = store.snapshotAfter(store.setRoots({folder.root.string()}), 10s);
  for (int i = 0; i < 2000 && !snapshot->progress.done(); ++i) {
    std::this_thread::sleep_for(5ms);
    snapshot = store.snapshot();
  }
  REQUIRE(snapshot->progress.done());
  CHECK(snapshot->documentCount() == 200);
  CHECK(snapshot->index->entities.documentsMentioning("nora veldre").size() == 200);
  std::lock_guard lock(mutex);
  for (const auto& progress : reported)
    CHECK_FALSE(progress.done());
  for (std::size_t i = 1; i < reported.size(); ++i)
    CHECK(reported[i].processed >= reported[i - 1].processed);
  REQUIRE_FALSE(publishedProgress.empty());
  CHECK(publishedProgress.back().done());
  CHECK(publishedProgress.back().processed == 200);
}
