// numbers/disagree looks only at the passages that share an entity and a kind of count with a
// figure (flags_figures.h), yet flags exactly what comparing every figure passage with its
// related-passage results flags: the reference below is that plain comparison.
#include "server/corpus/flags_figures.h"
#include "server/corpus/flags_numbers.h"
#include "tests/unit/rules_corpus_fixture.h"
#include "tests/unit/source_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace dossier;
using namespace dossier::corpus;

namespace {

// Every figure passage's related() results, compared figure by figure (the flag before candidate
// lists): a figure is flagged by the first result giving a different count of the same kind.
std::vector<std::string> reference(const Snapshot& snapshot, const Document& doc) {
  std::vector<std::string> out;
  auto figuresOf = [](const Document& of, std::uint32_t at) {
    analysis::Span span = of.analysis->passages.passages[at].span;
    return countedFigures(*of.text, analysis::tokenizeWithin(*of.text, span), span);
  };
  const auto& passages = doc.analysis->passages.passages;
  for (std::uint32_t p = 0; p < passages.size(); ++p) {
    std::vector<CountedFigure> figures = figuresOf(doc, p);
    if (figures.empty()) continue;
    std::vector<bool> flagged(figures.size(), false);
    for (const auto& match : snapshot.index->passages.related(doc.id, passages[p], 5)) {
      if (match.similarity < 0.15 || match.sharedEntities.empty()) continue;
      const Document* other = snapshot.document(match.doc);
      std::vector<CountedFigure> theirs = figuresOf(*other, match.passage);
      for (std::size_t f = 0; f < figures.size(); ++f) {
        if (flagged[f]) continue;
        for (const auto& their : theirs)
          if (their.kind == figures[f].kind &&
              std::fabs(their.value - figures[f].value) >
                  1e-9 * std::max(std::fabs(their.value), std::fabs(figures[f].value))) {
            flagged[f] = true;
            out.push_back(std::to_string(figures[f].span.begin) + " -> " + other->relative + ":" +
                          std::to_string(their.span.begin));
            break;
          }
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> flagged(const Snapshot& snapshot, const Document& doc) {
  std::vector<std::string> out;
  for (const NumberFinding& number : disagreeingNumbers(snapshot, doc))
    out.push_back(std::to_string(number.finding.span.begin) + " -> " +
                  snapshot.document(number.relatedDoc)->relative + ":" +
                  std::to_string(number.relatedSpan.begin));
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("numbers/disagree from candidate lists flags what related passages compared flag",
          "[corpus][numbers]") {
  auto snapshot = rules_test::indexFolder(test::samplesDir() / "corpus");
  REQUIRE(snapshot->documentCount() >= 10);
  std::size_t flags = 0;
  snapshot->forEachDocument([&](const Document& doc) {
    INFO(doc.relative);
    std::vector<std::string> expected = reference(*snapshot, doc);
    CHECK(flagged(*snapshot, doc) == expected);
    flags += expected.size();
  });
  CHECK(flags >= 20); // the samples give many disagreeing counts: the comparison is not empty
}

TEST_CASE("a new snapshot's figure table still sees an edited document's new figures",
          "[corpus][numbers]") {
  namespace fs = std::filesystem;
  fs::path root =
      fs::temp_directory_path() / ("dossier-figures-edit-" + std::to_string(::getpid()));
  rules_test::Files files = {
      {"f.txt", "An explosion at the Ustrel pumping station of Kreskgaz cut gas to Aldmark on "
                "Tuesday night, leaving about 40,000 homes in Aldmark without heating, Aldgas "
                "said.\n"},
      {"g.txt", "The Kreskgaz blast at the Ustrel pumping station cut gas to Aldmark, leaving "
                "45,000 households in Aldmark without heating on Tuesday night, Aldgas said.\n"},
  };
  auto before = rules_test::indexedFolder(root, files);
  const Document* f = before->documentAt((root / "f.txt").lexically_normal().string());
  REQUIRE(f);
  CHECK(disagreeingNumbers(*before, *f).size() == 1);
  // The same count in both: a table built after reading the first snapshot's must read g again.
  files["g.txt"] = "The Kreskgaz blast at the Ustrel pumping station cut gas to Aldmark, leaving "
                   "40,000 households in Aldmark without heating on Tuesday night, Aldgas said.\n";
  auto after = rules_test::indexedFolder(root, files);
  f = after->documentAt((root / "f.txt").lexically_normal().string());
  REQUIRE(f);
  CHECK(disagreeingNumbers(*after, *f).empty());
  fs::remove_all(root);
}

namespace {

// Every (entity, kind) list and every passage's figures of `table`, as text, for comparing tables.
std::vector<std::string> tableContents(const FigureTable& table,
                                       const std::vector<const Snapshot*>& snapshots) {
  std::vector<std::string> out;
  std::set<std::string> entities, kinds;
  for (const Snapshot* snapshot : snapshots)
    snapshot->forEachDocument([&](const Document& doc) {
      const auto& passages = doc.analysis->passages.passages;
      for (std::uint32_t p = 0; p < passages.size(); ++p) {
        for (const auto& entity : passages[p].entities)
          entities.insert(entity.key);
        analysis::Span span = passages[p].span;
        for (const auto& figure :
             countedFigures(*doc.text, analysis::tokenizeWithin(*doc.text, span), span))
          kinds.insert(figure.kind);
      }
    });
  for (const std::string& entity : entities)
    for (const std::string& kind : kinds)
      if (const auto* refs = table.passagesWith(entity, kind); refs && !refs->empty()) {
        std::string line = entity + "/" + kind + ":";
        for (std::uint64_t ref : *refs)
          line += " " + std::to_string(ref >> 32) + "." + std::to_string(ref & 0xffffffffu);
        out.push_back(line);
      }
  for (const Snapshot* snapshot : snapshots)
    snapshot->forEachDocument([&](const Document& doc) {
      for (std::uint32_t p = 0; p < doc.analysis->passages.passages.size(); ++p)
        for (const auto& figure : table.figuresOf(doc.id, p))
          out.push_back(std::to_string(doc.id) + "." + std::to_string(p) + " " + figure.kind + " " +
                        std::to_string(figure.value));
    });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace

TEST_CASE("a figure table updated from the previous snapshot's equals one read afresh",
          "[corpus][numbers]") {
  namespace fs = std::filesystem;
  using namespace std::chrono_literals;
  fs::path root = fs::temp_directory_path() / ("dossier-figures-inc-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(root / name, std::ios::binary) << text;
    return (root / name).lexically_normal().string();
  };
  std::string f = write("f.txt", "Floods in Varnholt forced 3,000 residents of Varnholt from their "
                                 "homes, the Orlen Relief Agency said.\n\nIn Tessby, 12 bridges "
                                 "were closed, the Orlen Relief Agency added.\n");
  std::string g =
      write("g.txt", "The Orlen Relief Agency said 3,500 residents left Varnholt as the "
                     "floods rose, and 14 bridges in Tessby were shut.\n");
  std::string h = write("h.txt", "In Varnholt, 2,800 residents were moved to shelters by the Orlen "
                                 "Relief Agency on Monday.\n");
  corpus::CorpusStore store({}, 1);
  auto before = store.snapshotAfter(store.setRoots({root.string()}), 10s);
  for (int i = 0; i < 1000 && !before->progress.done(); ++i) {
    std::this_thread::sleep_for(5ms);
    before = store.snapshot();
  }
  FigureTable first(*before);

  // An edit that changes a count and drops an entity, a deletion, and a new file.
  store.setOpenDocument(g,
                        std::make_shared<const std::string>(
                            "The agency said 4,100 residents left Varnholt as the floods rose, "
                            "and no bridges were shut.\n"),
                        2);
  fs::remove(h);
  store.fileDeleted(h);
  std::string k = write("k.txt", "Tessby reopened 9 bridges on Friday, the Orlen Relief Agency "
                                 "said, after 3,000 residents returned to Varnholt.\n");
  auto after = store.snapshotAfter(store.fileChanged(k), 10s);
  for (int i = 0; i < 1000 && !after->documentAt(k); ++i) { // read off the writer's thread
    std::this_thread::sleep_for(5ms);
    after = store.snapshot();
  }
  REQUIRE(after->documentAt(k));
  REQUIRE_FALSE(after->documentAt(h));

  FigureTable updated(*after, &first), fresh(*after);
  std::vector<std::string> expected = tableContents(fresh, {after.get()});
  CHECK(expected.size() >= 6); // the documents do give counted figures naming shared entities
  CHECK(tableContents(updated, {before.get(), after.get()}) == expected);
  // The first table, shared with the second, is left as it was.
  CHECK(tableContents(first, {before.get()}) ==
        tableContents(FigureTable(*before), {before.get()}));
  fs::remove_all(root);
}
