// Related-passage quality on the project's annotated samples, scored as tests/quality/ scores it
// (every sample document indexed, as the server would see the folder; each gold related passage
// asked about from its middle; a hit is a result holding the marker of another passage of one of
// its groups) but on the DEV split only: the held-out split is never used to tune. Prints recall@5
// (a hit in the top five) and precision@1. DOSSIER_PASSAGES_VERBOSE=1 lists the misses
// (DOSSIER_PASSAGES_SHARED=1: with what each result shares).
#include "server/analysis/document.h"
#include "server/index/passage_index.h"
#include "tests/unit/source_dir.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
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

struct GoldPassage {
  analysis::Offset start, end, marker;
  std::string group;
};

struct SampleDoc {
  std::string name;
  bool dev = false;
  std::string text;
  std::shared_ptr<const analysis::DocumentAnalysis> analysis;
  std::vector<GoldPassage> related;
};

std::vector<SampleDoc> loadSamples() {
  std::vector<SampleDoc> docs;
  fs::path dir = samplesDir();
  if (!fs::exists(dir / "annotations" / "splits.json")) return docs;
  auto splits = nlohmann::json::parse(readFile(dir / "annotations" / "splits.json"));
  for (const char* split : {"dev", "heldout"})
    for (const auto& name : splits[split]) {
      SampleDoc doc;
      doc.name = name.get<std::string>();
      doc.dev = std::string(split) == "dev";
      doc.text = readFile(dir / "corpus" / doc.name);
      fs::path annotation = dir / "annotations" / (fs::path(doc.name).stem().string() + ".json");
      auto gold = nlohmann::json::parse(readFile(annotation));
      for (const auto& rel : gold["related"])
        doc.related.push_back({rel["start"].get<analysis::Offset>(),
                               rel["end"].get<analysis::Offset>(),
                               rel["marker"].get<analysis::Offset>(), rel["group"]});
      doc.analysis = analysis::analyzeDocument(doc.text, *analysis::Knowledge::builtin());
      docs.push_back(std::move(doc));
    }
  return docs;
}

std::string excerpt(const SampleDoc& doc, analysis::Span span) {
  std::string text = doc.text.substr(span.begin, std::min<std::size_t>(90, span.end - span.begin));
  std::replace(text.begin(), text.end(), '\n', ' ');
  return doc.name + ": " + text;
}

} // namespace

TEST_CASE("related passages on the samples' dev split: recall@5 and precision@1",
          "[passages][quality]") {
  auto docs = loadSamples();
  REQUIRE_FALSE(docs.empty());
  bool verbose = std::getenv("DOSSIER_PASSAGES_VERBOSE") != nullptr;
  index::PassageIndex passages;
  for (std::size_t d = 0; d < docs.size(); ++d)
    passages.add(static_cast<index::DocId>(d), docs[d].analysis->passages);

  // group -> (document, gold passage) of every member.
  std::map<std::string, std::vector<std::pair<std::size_t, const GoldPassage*>>> groups;
  std::map<std::tuple<std::size_t, analysis::Offset, analysis::Offset>, std::set<std::string>>
      asked;
  for (std::size_t d = 0; d < docs.size(); ++d)
    for (const auto& gold : docs[d].related) {
      groups[gold.group].emplace_back(d, &gold);
      if (docs[d].dev) asked[{d, gold.start, gold.end}].insert(gold.group);
    }

  int queries = 0, top5 = 0, answered = 0, first = 0, unplaced = 0;
  for (const auto& [key, groupNames] : asked) {
    const auto& [d, start, end] = key;
    ++queries;
    const auto& doc = docs[d];
    int at = analysis::passages::passageAt(doc.analysis->passages, start + (end - start) / 2);
    if (at < 0) {
      ++unplaced;
      continue;
    }
    const auto& passage = doc.analysis->passages.passages[at];
    // As the server answers (features/related_passages.cpp): tables are left out.
    auto results = passages.related(static_cast<index::DocId>(d), passage, 10);
    std::erase_if(results, [&](const index::PassageMatch& match) {
      const auto& other = docs[match.doc];
      return analysis::passages::isTable(
          other.analysis->passages.passages[match.passage].span.in(other.text));
    });
    if (results.size() > 5) results.resize(5);
    auto isHit = [&](const index::PassageMatch& match) {
      auto span = docs[match.doc].analysis->passages.passages[match.passage].span;
      for (const auto& group : groupNames)
        for (const auto& [o, other] : groups[group])
          if (o == match.doc && span.begin <= other->marker && other->marker <= span.end)
            return true;
      return false;
    };
    bool anyHit = false;
    for (const auto& match : results)
      anyHit |= isHit(match);
    top5 += anyHit;
    if (!results.empty()) {
      ++answered;
      first += isHit(results.front());
    }
    if (verbose && (results.empty() || !isHit(results.front()))) {
      std::cout << "MISS" << (anyHit ? " (in top 5)" : "") << " [" << *groupNames.begin() << "] "
                << excerpt(doc, passage.span) << "\n";
      // A held-out result is named, never shown: its text is not read while tuning.
      for (const auto& match : results)
        std::cout << "   " << (isHit(match) ? "+ " : "- ") << match.similarity << " "
                  << (docs[match.doc].dev
                          ? excerpt(docs[match.doc],
                                    docs[match.doc].analysis->passages.passages[match.passage].span)
                          : docs[match.doc].name + " (held out)")
                  << "\n";
      if (std::getenv("DOSSIER_PASSAGES_SHARED"))
        for (const auto& match : results) {
          std::cout << "      shares:";
          for (const auto& e : match.sharedEntities)
            std::cout << " @" << e;
          for (const auto& e : match.sharedStems)
            std::cout << " " << e;
          std::cout << "\n";
        }
    }
  }
  REQUIRE(queries > 0);
  double recall = static_cast<double>(top5) / queries;
  double precision = answered ? static_cast<double>(first) / answered : 0.0;
  WARN("dev split: " << queries << " queries, " << unplaced << " outside any passage; recall@5 "
                     << recall << " (" << top5 << "), precision@1 " << precision << " (" << first
                     << "/" << answered << ")");
  // The issue's bar is recall@5 >= 0.8 and precision@1 >= 0.7 (0.889 and 0.709 when these floors
  // were set).
  CHECK(unplaced <= 1);
  CHECK(recall >= 0.85);
  CHECK(precision >= 0.7);
}
