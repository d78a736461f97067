// Warming frequent entities: the first requests about the names a folder mentions most are
// worked out before anyone asks, and the answers are the same as without the warm-up.
#include "entities_features_fixture.h"

#include <set>

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
  CHECK(features::warmFrequentEntities(warmed.context(), 10, 10, [] { return false; }) == 1);

  json warmReferences = warmed.answer(features::references, params);
  CHECK(warmReferences.size() == 80); // "Maren Kask" and "Kask" in each of 40 reports
  CHECK(warmReferences == cold.answer(features::references, params));
  CHECK(warmed.answer(features::hover, params) == cold.answer(features::hover, params));
  params["context"]["includeDeclaration"] = false;
  CHECK(warmed.answer(features::references, params).size() == 79);
}

TEST_CASE("a warm-up stops at its limit, and a larger one goes on from there", "[entities]") {
  Documents docs;
  for (int i = 0; i < 40; ++i)
    docs["report-" + std::to_string(100 + i) + ".md"] =
        "Maren Kask met Tobias Lind on day " + std::to_string(i) + ".";
  FeatureCorpus corpus(docs);
  CHECK(features::warmFrequentEntities(corpus.context(), 1, 1, [] { return false; }) == 1);
  CHECK(features::warmFrequentEntities(corpus.context(), 10, 1, [] { return false; }) == 2);
}

TEST_CASE("a warm-up superseded by a newer snapshot stops before doing anything", "[entities]") {
  FeatureCorpus corpus(reports(40));
  CHECK(features::warmFrequentEntities(corpus.context(), 10, 10, [] { return true; }) == 0);
}

TEST_CASE("a surname alone goes to the corpus's usual bearer, and only there", "[entities]") {
  // Janek Salminen is written far more often than Ansis Salminen; a report that says only
  // "Salminen" means Janek for the corpus, so it is among his references and not among Ansis's.
  Documents docs;
  for (int i = 0; i < 4; ++i)
    docs["janek-" + std::to_string(i) + ".md"] =
        "Janek Salminen opened the port on day " + std::to_string(i) + ". Salminen spoke.";
  docs["ansis.md"] = "^Ansis Salminen, a pilot, sailed. Salminen waved.";
  docs["alone.md"] = "Officials said ^Salminen would return.";
  FeatureCorpus corpus(docs);
  auto referencedDocuments = [&](const std::string& name) {
    json params = corpus.atCursor(name);
    params["context"] = {{"includeDeclaration", true}};
    std::set<std::string> out;
    for (const auto& ref : corpus.answer(features::references, params)) {
      std::string uri = ref["uri"];
      out.insert(uri.substr(uri.rfind('/') + 1));
    }
    return out;
  };
  CHECK(referencedDocuments("alone.md") ==
        std::set<std::string>{"alone.md", "janek-0.md", "janek-1.md", "janek-2.md", "janek-3.md"});
  CHECK(referencedDocuments("ansis.md") == std::set<std::string>{"ansis.md"});
}
