// The scorer's arithmetic, floors and gold loading: a wrong scorer would make every figure in
// QUALITY.md meaningless, so it is held to its own specification here (no server needed).
#define CATCH_CONFIG_MAIN
#include "tests/quality/report.h"
#include "tests/quality/session.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace dossier::quality;

TEST_CASE("precision counts predictions that hit, recall counts gold items that were hit") {
  Counts c{/*predicted=*/4, /*predictedHit=*/3, /*gold=*/6, /*goldHit=*/2};
  CHECK(c.precision() == Approx(0.75));
  CHECK(c.recall() == Approx(1.0 / 3));
  CHECK(c.f1() == Approx(2 * 0.75 / 3 / (0.75 + 1.0 / 3)));
  CHECK(Counts{}.f1() == 0); // nothing predicted, nothing to find: 0, not NaN
  c += Counts{1, 1, 1, 1};
  CHECK(c.predicted == 5);
  CHECK(c.goldHit == 3);
}

TEST_CASE("spans overlap when they share a byte; empty spans only at the same place") {
  CHECK(overlaps(0, 5, 4, 9));
  CHECK_FALSE(overlaps(0, 5, 5, 9));
  CHECK(overlaps(3, 3, 3, 8));
  CHECK_FALSE(overlaps(4, 4, 0, 3));
}

TEST_CASE("semantic token types map to gold entity types by their legend names") {
  CHECK(entityTypeOfTokenType("person") == "PERSON");
  CHECK(entityTypeOfTokenType("organisation") == "ORG");
  CHECK(entityTypeOfTokenType("organization") == "ORG");
  CHECK(entityTypeOfTokenType("place") == "PLACE");
  CHECK(entityTypeOfTokenType("group") == "NORP");
  CHECK(entityTypeOfTokenType("entity") == "OTHER");
  CHECK(entityTypeOfTokenType("comment") == "");
}

namespace {
Report reportWith(double goldHitShare) {
  Report report;
  Row& row = report.row("hover", "names entity", RowKind::Share);
  row.bySplit["dev"] = Counts{0, 0, 100, static_cast<long>(goldHitShare * 100)};
  row.bySplit["heldout"] = Counts{0, 0, 10, 5};
  report.row("diagnostics", "hedge/epistemic", RowKind::PrecisionRecall, /*gated=*/false)
      .bySplit["dev"] = Counts{1, 0, 1, 0};
  return report;
}
} // namespace

TEST_CASE("a figure below its floor fails; ungated rows and missing floors are not checked") {
  nlohmann::json thresholds = {{"floors", {{"hover/names entity/share", {{"dev", 0.80}}}}}};
  CHECK(belowFloors(reportWith(0.80), thresholds).empty());
  auto failures = belowFloors(reportWith(0.79), thresholds);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].find("hover/names entity/share [dev]") == 0);
  CHECK(gatedFigures(reportWith(0.5)).count("diagnostics/hedge/epistemic/f1") == 0);
}

TEST_CASE("a feature that is not implemented scores 0 against its floors") {
  Report report = reportWith(0.9);
  report.rows[0].implemented = false;
  nlohmann::json thresholds = {{"floors", {{"hover/names entity/share", {{"dev", 0.5}}}}}};
  CHECK(belowFloors(report, thresholds).size() == 1);
}

TEST_CASE("raising floors rounds today's figures down and never lowers a floor") {
  nlohmann::json thresholds = {{"floors", {{"hover/names entity/share", {{"heldout", 0.7}}}}}};
  auto raised = raisedFloors(reportWith(0.876), thresholds)["floors"]["hover/names entity/share"];
  CHECK(raised["dev"].get<double>() == Approx(0.87));
  CHECK(raised["heldout"].get<double>() == Approx(0.7)); // today 0.5: the floor stays
}

TEST_CASE("the checked-in samples load with both splits, offsets inside their documents") {
  std::string samples = std::string(DOSSIER_SOURCE_DIR) + "/samples";
  GoldCorpus gold = loadGold(samples);
  std::size_t dev = 0, heldout = 0;
  for (const auto& doc : gold.documents) {
    (doc.split == "dev" ? dev : heldout) += 1;
    for (const auto& m : doc.mentions) {
      REQUIRE(m.end <= doc.text.size());
      CHECK(doc.text.substr(m.start, m.end - m.start) == m.text);
    }
  }
  CHECK(dev >= 20);
  CHECK(heldout == 10);
  REQUIRE(gold.entities.count("ilves"));
  CHECK(gold.entities.at("ilves").aliases.count("Ilves"));
  CHECK(familyOf("sourcing/anonymous") == "sourcing");
}
