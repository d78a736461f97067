// Warming frequent entities: the first requests about the names a folder mentions most are
// worked out before anyone asks, and the answers are the same as without the warm-up.
#include "entities_features_fixture.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

// `count` reports that mention Maren Kask widely and Tobias Lind in one document only.
Documents reports(int count) {
  Documents docs;
  for (int i = 0; i < count; ++i)
    docs["report-" + std::to_string(100 + i) + ".md"] =
        (i == 0 ? std::string("^") : std::string()) +
        "Maren Kask, the harbour director, said on day " + std::to_string(i) +
        " that Kask would inspect the pier." + (i == 3 ? " Tobias Lind disagreed." : "");
  return docs;
}

} // namespace

TEST_CASE("warming works out the widely mentioned entities and leaves the answers unchanged",
          "[entities]") {
  FeatureCorpus warmed(reports(40));
  FeatureCorpus cold(reports(40));
  json params = warmed.atCursor("report-100.md");
  params["context"] = {{"includeDeclaration", true}};

  // Maren Kask is in every document; Tobias Lind in one, below the warm-up's threshold.
  CHECK(features::warmFrequentEntities(warmed.context(), [] { return false; }) == 1);

  json warmReferences = warmed.answer(features::references, params);
  CHECK(warmReferences.size() == 80); // "Maren Kask" and "Kask" in each of 40 reports
  CHECK(warmReferences == cold.answer(features::references, params));
  CHECK(warmed.answer(features::hover, params) == cold.answer(features::hover, params));
  params["context"]["includeDeclaration"] = false;
  CHECK(warmed.answer(features::references, params).size() == 79);
}

TEST_CASE("a warm-up superseded by a newer snapshot stops before doing anything", "[entities]") {
  FeatureCorpus corpus(reports(40));
  CHECK(features::warmFrequentEntities(corpus.context(), [] { return true; }) == 0);
}
