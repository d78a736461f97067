// The corpus-wide flags' tables (flags_tables.h): built once per snapshot and shared by every
// document's flags, never carried over to a snapshot whose data differs, and giving each document
// the same flags whatever document filled them first.
#include "server/corpus/flags.h"
#include "server/corpus/flags_tables.h"
#include "server/corpus/snapshot_cache.h"
#include "tests/unit/rules_corpus_fixture.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace dossier;
using namespace dossier::corpus;
namespace fs = std::filesystem;

namespace {

// Everything a flag shows, as one comparable line.
std::vector<std::string> shown(const Snapshot& snapshot, const Document& doc) {
  std::vector<std::string> out;
  for (const Flag& flag : flagsFor(snapshot, doc)) {
    std::string line = std::to_string(flag.span.begin) + "-" + std::to_string(flag.span.end) + " " +
                       flag.code + " " + flag.message;
    for (const RelatedSpan& related : flag.related)
      line += " -> " + std::to_string(related.doc) + ":" + std::to_string(related.span.begin) +
              " " + related.message;
    out.push_back(std::move(line));
  }
  return out;
}

// A corpus with every corpus-wide flag: a minority spelling (Orloff), a misspelt surname
// (Salienko), a surname two people share (Berg) and a count two tellings disagree on.
const rules_test::Files kCorpus = {
    {"a.txt", "Defence Minister Pavel Orlov said the talks were over. President Viktor Salenko "
              "agreed. Salenko said the pipeline was safe. Later Salenko repeated it.\n"},
    {"b.txt", "Defence Minister Pavel Orlov said the talks were over. President Viktor Salenko "
              "agreed. Salenko said the pipeline was safe. Later Salenko repeated it.\n"},
    {"c.txt", "Pavel Orloff said the talks were over. Critics say Salienko never answers. Berg "
              "said on Monday that the cap would hold.\n"},
    {"d.txt", "Prime Minister Jonas Berg promised a heating cap. Jonas Berg spoke twice.\n"},
    {"e.txt", "The journalist Liis Berg was barred again. Liis Berg wrote about it.\n"},
    {"f.txt", "An explosion at the Ustrel pumping station of Kreskgaz cut gas to Aldmark on "
              "Tuesday night, leaving about 40,000 homes in Aldmark without heating, Aldgas "
              "said. Two workers at the Ustrel station were injured.\n"},
    {"g.txt", "The Kreskgaz blast at the Ustrel pumping station cut gas to Aldmark, leaving "
              "45,000 households in Aldmark without heating on Tuesday night, Aldgas said. Three "
              "workers at the Ustrel station were injured.\n"},
};

} // namespace

TEST_CASE("a snapshot cache makes its value once and a copied snapshot starts without it",
          "[corpus]") {
  SnapshotCache<int> cache;
  int made = 0;
  auto make = [&] { return std::make_shared<int>(++made); };
  auto always = [](const int&) { return true; };
  auto first = cache.get(always, make);
  CHECK(cache.get(always, make) == first);
  CHECK(made == 1);
  // A value that no longer fits the snapshot's data is made again.
  auto again = cache.get([](const int&) { return false; }, make);
  CHECK(*again == 2);
  SnapshotCache<int> copy = cache;
  CHECK(*copy.get(always, make) == 3);
  CHECK(*cache.get(always, make) == 2);
}

TEST_CASE("flag tables are shared by one snapshot and rebuilt when its data changes", "[corpus]") {
  fs::path root = fs::temp_directory_path() / ("dossier-tables-" + std::to_string(::getpid()));
  auto snapshot = rules_test::indexedFolder(root, kCorpus);
  auto tables = FlagTables::of(*snapshot);
  CHECK(FlagTables::of(*snapshot) == tables);
  Snapshot changed = *snapshot;
  CHECK(FlagTables::of(changed) != tables);
  auto before = FlagTables::of(changed);
  changed.index = std::make_shared<index::CorpusIndex>(*snapshot->index);
  CHECK_FALSE(before->fits(changed));
  CHECK(FlagTables::of(changed) != before);
  fs::remove_all(root);
}

TEST_CASE("a document's corpus-wide flags do not depend on which documents asked before it",
          "[corpus]") {
  fs::path root =
      fs::temp_directory_path() / ("dossier-tables-order-" + std::to_string(::getpid()));
  auto snapshot = rules_test::indexedFolder(root, kCorpus);
  std::vector<const Document*> docs;
  snapshot->forEachDocument([&](const Document& doc) { docs.push_back(&doc); });
  // Each document alone, on a copy with empty tables: what a one-document request computes.
  std::vector<std::vector<std::string>> alone;
  for (const Document* doc : docs) {
    Snapshot fresh = *snapshot;
    alone.push_back(shown(fresh, *doc));
  }
  // Every document on one snapshot, forwards and backwards: the tables filled by the others.
  Snapshot forwards = *snapshot, backwards = *snapshot;
  for (std::size_t i = 0; i < docs.size(); ++i)
    CHECK(shown(forwards, *docs[i]) == alone[i]);
  for (std::size_t i = docs.size(); i-- > 0;)
    CHECK(shown(backwards, *docs[i]) == alone[i]);
  // The corpus has every kind of corpus-wide flag, so the comparison covers them all.
  std::string all;
  for (const auto& lines : alone)
    for (const auto& line : lines)
      all += line + "\n";
  CHECK(all.find("names/inconsistent") != std::string::npos);
  CHECK(all.find("most of the corpus writes") != std::string::npos);
  CHECK(all.find("names/ambiguous") != std::string::npos);
  CHECK(all.find("numbers/disagree") != std::string::npos);
  fs::remove_all(root);
}
