// Related passages on the seed pages (/work/shared/corpus/seeds, read from ../shared next to the
// repository, or DOSSIER_SEEDS_DIR; hidden: run with "[.seeds]"): every passage of every page is
// asked about, as a reviewer would. No result may be page furniture (a debris finding, a line with
// no sentence in it), and the passages that tell the same story on two pages (the Musk-Putin
// contact; Putin's terms for peace) must find each other first. DOSSIER_PASSAGES_VERBOSE=1 prints
// every answer.
#include "server/analysis/document.h"
#include "server/analysis/passages/story_changes.h"
#include "server/index/passage_index.h"
#include "tests/unit/ecb_fixture.h"

#include <catch2/catch.hpp>
#include <iostream>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

fs::path seedsDir() {
  if (const char* dir = std::getenv("DOSSIER_SEEDS_DIR")) return dir;
  return test::ecb::corpusDir().parent_path() / "seeds";
}

struct SeedDoc {
  std::string name, text;
  std::shared_ptr<const analysis::DocumentAnalysis> analysis;
};

std::string excerpt(const SeedDoc& doc, analysis::Span span, std::size_t size = 100) {
  std::string text = doc.text.substr(span.begin, std::min<std::size_t>(size, span.size()));
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

bool isDebris(const SeedDoc& doc, analysis::Span span) {
  for (const auto& finding : doc.analysis->findings.findings)
    if (finding.code.str().starts_with("debris/") && finding.span.overlaps(span)) return true;
  return false;
}

} // namespace

TEST_CASE("related passages on the seed pages", "[.seeds]") {
  fs::path dir = seedsDir();
  if (!fs::is_directory(dir)) {
    WARN(dir.string() << " not found: skipped");
    return;
  }
  std::vector<SeedDoc> docs;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    SeedDoc doc{file.filename().string(), test::ecb::readFile(file), nullptr};
    doc.analysis = analysis::analyzeDocument(doc.text, *analysis::Knowledge::builtin());
    docs.push_back(std::move(doc));
  }
  REQUIRE(docs.size() >= 2);
  index::PassageIndex passages;
  for (std::size_t d = 0; d < docs.size(); ++d)
    passages.add(static_cast<index::DocId>(d), docs[d].analysis->passages);

  bool verbose = std::getenv("DOSSIER_PASSAGES_VERBOSE") != nullptr;
  // The first result of the passage containing `asked`, as "document: excerpt".
  auto firstResult = [&](std::size_t d, std::string_view asked) -> std::string {
    auto at = docs[d].text.find(asked);
    if (at == std::string::npos) return "(no such text)";
    int p = analysis::passages::passageAt(docs[d].analysis->passages,
                                          static_cast<analysis::Offset>(at));
    if (p < 0) return "(not a passage)";
    auto results =
        passages.related(static_cast<index::DocId>(d), docs[d].analysis->passages.passages[p], 1);
    if (results.empty()) return "(nothing)";
    const auto& other = docs[results[0].doc];
    return other.name + ": " +
           excerpt(other, other.analysis->passages.passages[results[0].passage].span, SIZE_MAX);
  };

  int asked = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (const auto& passage : docs[d].analysis->passages.passages) {
      ++asked;
      auto results = passages.related(static_cast<index::DocId>(d), passage, 5);
      if (verbose)
        std::cout << "ASK " << docs[d].name << ": " << excerpt(docs[d], passage.span) << "\n";
      for (const auto& match : results) {
        const auto& other = docs[match.doc];
        analysis::Span span = other.analysis->passages.passages[match.passage].span;
        if (verbose) {
          const auto& found = other.analysis->passages.passages[match.passage];
          std::cout << "   " << match.similarity << " " << other.name << ": "
                    << excerpt(other, span) << "\n      "
                    << analysis::passages::relatedReason(
                           analysis::passages::sharedSummary(
                               docs[d].text, passage, found, match.sharedEntities,
                               match.sharedStems, *analysis::Knowledge::builtin()->passages),
                           analysis::passages::storyChanges(passage, found), match.nearDuplicate)
                    << "\n";
        }
        INFO(docs[d].name << " asked " << excerpt(docs[d], passage.span) << " -> " << other.name
                          << ": " << excerpt(other, span));
        CHECK_FALSE(isDebris(other, span));
        std::string_view text = span.in(other.text);
        CHECK(text.find_first_of(".?!") != std::string_view::npos); // a sentence, not a label
      }
    }
  }
  CHECK(asked > 10);

  // The op-ed's report that Musk spoke with Putin first finds the blog's Musk-Putin contact story.
  std::string first = firstResult(0, "An interesting story was revealed recently");
  CHECK(first.starts_with(docs[1].name));
  CHECK(first.find("Putin") != std::string::npos);
  first = firstResult(0, "Musk personally denied that he had spoken to Putin");
  CHECK(first.starts_with(docs[1].name));
  CHECK(first.find("Putin") != std::string::npos);
  // The second half of the blog's quoted report (a window of a long passage) still finds a match
  // for what it shares with the op-ed, though that is little of the whole quoted block.
  first = firstResult(1, "Musk has forged deep business ties");
  CHECK(first.starts_with(docs[0].name));
  // The op-ed's column invitation is page furniture, not a passage.
  CHECK(firstResult(0, "Would you like to become") == "(not a passage)");
  // The thread's NATO-membership line first finds the op-ed's peace terms (NATO aspirations).
  first = firstResult(2, "Ukraine remains committed to pursuing NATO membership");
  CHECK(first.starts_with(docs[0].name));
  CHECK(first.find("NATO aspirations") != std::string::npos);
}
