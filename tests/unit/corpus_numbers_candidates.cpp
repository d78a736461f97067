// numbers/disagree looks only at the passages that share an entity and a kind of count with a
// figure (flags_figures.h), yet flags exactly what comparing every figure passage with its
// related-passage results flags: the reference below is that plain comparison.
#include "server/corpus/flags_numbers.h"
#include "tests/unit/rules_corpus_fixture.h"
#include "tests/unit/source_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>
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
