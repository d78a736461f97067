// PassageIndex::similarities scores given candidate passages exactly as related() scores them
// (score, similarity, near-duplicate, shared keys), so a caller that knows its candidates (the
// numbers flag) can tell which of them are alike enough without a query over the whole corpus.
#include "server/analysis/document.h"
#include "server/index/passage_index.h"
#include "source_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace dossier;

namespace {

std::uint64_t refOf(const index::PassageMatch& match) {
  return (std::uint64_t{match.doc} << 32) | match.passage;
}

void requireSame(const index::PassageMatch& a, const index::PassageMatch& b) {
  CHECK(a.doc == b.doc);
  CHECK(a.passage == b.passage);
  CHECK(a.score == Approx(b.score));
  CHECK(a.similarity == Approx(b.similarity));
  CHECK(a.nearDuplicate == b.nearDuplicate);
  CHECK(a.sharedEntities == b.sharedEntities);
  CHECK(a.sharedStems == b.sharedStems);
}

} // namespace

TEST_CASE("the similarity of given candidates is the one related() gives them",
          "[passages][index]") {
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> docs;
  for (const auto& entry : std::filesystem::directory_iterator(test::samplesDir() / "corpus")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    docs.push_back(analysis::analyzeDocument(text.str(), *analysis::Knowledge::builtin()));
  }
  REQUIRE(docs.size() >= 10);
  index::PassageIndex passages;
  for (index::DocId d = 0; d < docs.size(); ++d)
    passages.add(d, docs[d]->passages);

  std::size_t compared = 0;
  for (index::DocId d = 0; d < docs.size(); d += 3) {
    for (const auto& asked : docs[d]->passages.passages) {
      std::vector<index::PassageMatch> all = passages.related(d, asked, 8);
      if (all.empty()) continue;
      // related()'s results as candidates, out of order and one twice: each scored once, in
      // passage order, as related() scored it.
      std::vector<std::uint64_t> candidates;
      for (const auto& match : all)
        candidates.push_back(refOf(match));
      candidates.push_back(candidates.front());
      std::reverse(candidates.begin(), candidates.end());
      std::vector<index::PassageMatch> alike = passages.similarities(d, asked, candidates);
      std::sort(all.begin(), all.end(),
                [](const auto& a, const auto& b) { return refOf(a) < refOf(b); });
      REQUIRE(alike.size() == all.size());
      for (std::size_t i = 0; i < all.size(); ++i)
        requireSame(alike[i], all[i]);
      compared += all.size();
    }
  }
  CHECK(compared > 50);
}

TEST_CASE("similarities leave out the asked document and passages sharing nothing",
          "[passages][index]") {
  auto a = analysis::analyzeDocument("The harbour minister met the Drovnian envoy at the Hotel "
                                     "Meridian before the contract was awarded.\n",
                                     *analysis::Knowledge::builtin());
  auto b =
      analysis::analyzeDocument("The harbour minister denied meeting the Drovnian envoy at the "
                                "Hotel Meridian.\n",
                                *analysis::Knowledge::builtin());
  auto c = analysis::analyzeDocument("Ticket prices at the stadium will rise next season.\n",
                                     *analysis::Knowledge::builtin());
  index::PassageIndex passages;
  passages.add(0, a->passages);
  passages.add(1, b->passages);
  passages.add(2, c->passages);
  const auto& asked = a->passages.passages.at(0);
  CHECK(passages.similarities(0, asked, {0}).empty()); // its own document
  CHECK(passages.similarities(0, asked, {(std::uint64_t{1} << 32) | 7}).empty()); // no such passage
  CHECK(passages.similarities(0, asked, {std::uint64_t{2} << 32}).empty());       // shares nothing
  auto found = passages.similarities(0, asked, {std::uint64_t{2} << 32, std::uint64_t{1} << 32});
  REQUIRE(found.size() == 1);
  CHECK(found[0].doc == 1);
  CHECK(found[0].similarity > 0.15);
  CHECK(found[0].sharedEntities.size() >= 1);
}
