// Entity quality on the project's annotated samples, DEV split only (never the held-out split):
// mention F1 (exact spans) and reference precision/recall (pairs of gold mentions of one entity vs
// pairs of the server's mentions linked to one entity). Also dumps the server's view for
// tools/eval when DOSSIER_ENTITY_DUMP is set.
#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "server/index/entity_query.h"
#include "tests/unit/source_dir.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

fs::path samplesDir() {
  return dossier::test::samplesDir();
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Scores {
  double mentionPrecision = 0, mentionRecall = 0, mentionF1 = 0, refPrecision = 0, refRecall = 0;
};

Scores scoreDevSplit() {
  auto splits = nlohmann::json::parse(readFile(samplesDir() / "annotations" / "splits.json"));
  std::vector<std::string> names = splits["dev"].get<std::vector<std::string>>();
  std::vector<std::string> texts;
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> analyses;
  index::CorpusIndex corpus;
  for (std::size_t i = 0; i < names.size(); ++i) {
    texts.push_back(readFile(samplesDir() / "corpus" / names[i]));
    analyses.push_back(analysis::analyzeDocument(texts.back(), *analysis::Knowledge::builtin()));
    corpus.add(static_cast<index::DocId>(i), *analyses.back());
  }
  index::LinkOverrides overrides;
  index::EntityQuery query(
      corpus.entities,
      [&](index::DocId d) {
        return index::DocumentView{&analyses[d]->entities, texts[d], "", nullptr};
      },
      overrides);
  // Gold and predicted mentions as (doc, begin, end) -> entity.
  std::map<std::tuple<std::size_t, unsigned, unsigned>, std::string> gold, predicted;
  nlohmann::json dump = nlohmann::json::array();
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string stem = fs::path(names[i]).stem().string();
    auto annotations =
        nlohmann::json::parse(readFile(samplesDir() / "annotations" / (stem + ".json")));
    for (const auto& m : annotations["mentions"])
      gold[{i, m["start"].get<unsigned>(), m["end"].get<unsigned>()}] =
          m["entity"].get<std::string>();
    for (const auto* m : query.mentionsIn(static_cast<index::DocId>(i))) {
      std::string entity = query.entityOf(*m);
      predicted[{i, m->span.begin, m->span.end}] = entity;
      dump.push_back({{"doc", names[i]},
                      {"start", m->span.begin},
                      {"end", m->span.end},
                      {"text", std::string(m->span.in(texts[i]))},
                      {"entity", entity},
                      {"type", analysis::entities::typeName(m->type)}});
    }
  }
  if (const char* path = std::getenv("DOSSIER_ENTITY_DUMP")) std::ofstream(path) << dump.dump(1);
  std::size_t hits = 0;
  for (const auto& [span, entity] : predicted)
    hits += gold.count(span);
  Scores s;
  s.mentionPrecision = predicted.empty() ? 0 : double(hits) / predicted.size();
  s.mentionRecall = gold.empty() ? 0 : double(hits) / gold.size();
  s.mentionF1 = 2 * s.mentionPrecision * s.mentionRecall /
                std::max(1e-9, s.mentionPrecision + s.mentionRecall);
  // References: for every matched mention, the set of matched mentions of the same entity.
  std::vector<std::tuple<std::size_t, unsigned, unsigned>> matched;
  for (const auto& [span, entity] : predicted)
    if (gold.count(span)) matched.push_back(span);
  double precisionSum = 0, recallSum = 0;
  for (const auto& a : matched) {
    std::size_t both = 0, goldSame = 0, predSame = 0;
    for (const auto& b : matched) {
      bool g = gold[a] == gold[b], p = predicted[a] == predicted[b];
      goldSame += g;
      predSame += p;
      both += g && p;
    }
    precisionSum += double(both) / predSame;
    recallSum += double(both) / goldSame;
  }
  s.refPrecision = matched.empty() ? 0 : precisionSum / matched.size();
  s.refRecall = matched.empty() ? 0 : recallSum / matched.size();
  return s;
}

} // namespace

TEST_CASE("entity mentions and references on the dev samples", "[entities][quality]") {
  REQUIRE(fs::exists(samplesDir() / "annotations" / "splits.json"));
  Scores s = scoreDevSplit();
  WARN("mentions P " << s.mentionPrecision << " R " << s.mentionRecall << " F1 " << s.mentionF1
                     << "; references P " << s.refPrecision << " R " << s.refRecall);
  CHECK(s.mentionF1 >= 0.80);
  CHECK(s.refPrecision >= 0.85);
  CHECK(s.refRecall >= 0.85);
}
