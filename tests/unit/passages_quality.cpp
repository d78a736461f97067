// Related-passage quality on the project's annotated samples, DEV split only (the held-out split is
// never used to tune): for each passage holding a {{rel:GROUP}} marker, the top results should be
// passages of other documents holding a marker of a shared group. Prints recall@5 and precision@1.
#include "server/analysis/document.h"
#include "server/index/passage_index.h"

#include <catch2/catch.hpp>
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
  return fs::path(__FILE__).parent_path().parent_path().parent_path() / "samples";
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Marker {
  analysis::Offset offset;
  std::string group;
};

struct SampleDoc {
  std::string name;
  std::string text;
  std::shared_ptr<const analysis::DocumentAnalysis> analysis;
  std::vector<Marker> markers;
};

std::vector<SampleDoc> loadDevSplit() {
  std::vector<SampleDoc> docs;
  fs::path dir = samplesDir();
  if (!fs::exists(dir / "annotations" / "splits.json")) return docs;
  auto splits = nlohmann::json::parse(readFile(dir / "annotations" / "splits.json"));
  for (const auto& name : splits["dev"]) {
    SampleDoc doc;
    doc.name = name.get<std::string>();
    doc.text = readFile(dir / "corpus" / doc.name);
    fs::path annotation = dir / "annotations" / (fs::path(doc.name).stem().string() + ".json");
    auto gold = nlohmann::json::parse(readFile(annotation));
    for (const auto& rel : gold["related"])
      doc.markers.push_back(
          {rel["marker"].get<analysis::Offset>(), rel["group"].get<std::string>()});
    doc.analysis = analysis::analyzeDocument(doc.text, *analysis::Knowledge::builtin());
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::set<std::string> groupsIn(const SampleDoc& doc, analysis::Span span) {
  std::set<std::string> groups;
  for (const auto& marker : doc.markers)
    if (span.begin <= marker.offset && marker.offset <= span.end) groups.insert(marker.group);
  return groups;
}

bool sharesAny(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& g : a)
    if (b.count(g)) return true;
  return false;
}

} // namespace

TEST_CASE("related passages on the samples' dev split: recall@5 and precision@1",
          "[passages][quality]") {
  auto docs = loadDevSplit();
  if (docs.empty()) {
    WARN("samples/ not found: skipped");
    return;
  }
  index::PassageIndex passages;
  for (std::size_t d = 0; d < docs.size(); ++d)
    passages.add(static_cast<index::DocId>(d), docs[d].analysis->passages);

  int queries = 0, unplaced = 0, firstHits = 0, anyHits = 0;
  double recallSum = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const auto& doc = docs[d];
    std::set<int> asked;
    for (const auto& marker : doc.markers) {
      int at = analysis::passages::passageAt(doc.analysis->passages, marker.offset);
      if (at < 0) {
        ++unplaced;
        continue;
      }
      if (!asked.insert(at).second) continue;
      const auto& passage = doc.analysis->passages.passages[at];
      std::set<std::string> groups = groupsIn(doc, passage.span);
      // How many passages elsewhere a perfect ranking could return.
      std::size_t relevant = 0;
      for (std::size_t o = 0; o < docs.size(); ++o) {
        if (o == d) continue;
        std::set<std::pair<analysis::Offset, analysis::Offset>> seen;
        for (const auto& marker2 : docs[o].markers) {
          if (!groups.count(marker2.group)) continue;
          int p = analysis::passages::passageAt(docs[o].analysis->passages, marker2.offset);
          if (p < 0) {
            ++relevant; // a related passage we never index still counts against recall
            continue;
          }
          auto span = docs[o].analysis->passages.passages[p].span;
          if (seen.insert({span.begin, span.end}).second) ++relevant;
        }
      }
      if (relevant == 0) continue;
      ++queries;
      auto results = passages.related(static_cast<index::DocId>(d), passage, 5);
      int hits = 0;
      for (std::size_t r = 0; r < results.size(); ++r) {
        const auto& other = docs[results[r].doc];
        bool hit = sharesAny(
            groups, groupsIn(other, other.analysis->passages.passages[results[r].passage].span));
        hits += hit;
        if (r == 0 && hit) ++firstHits;
      }
      anyHits += hits > 0;
      recallSum +=
          static_cast<double>(hits) / static_cast<double>(std::min<std::size_t>(5, relevant));
    }
  }
  REQUIRE(queries > 0);
  double recall = recallSum / queries, precision = static_cast<double>(firstHits) / queries;
  double success = static_cast<double>(anyHits) / queries;
  WARN("dev split: " << queries << " queries, " << unplaced
                     << " markers outside any passage; recall@5 " << recall << ", precision@1 "
                     << precision << ", hit@5 " << success);
  // The bar is recall@5 >= 0.8 and precision@1 >= 0.7; not reached yet (0.49 / 0.57 when
  // this was written, with entity mentions still a stub). These floors catch regressions meanwhile.
  CHECK(unplaced <= 1);
  CHECK(recall >= 0.45);
  CHECK(precision >= 0.55);
}
