// sourcing/outlet-uncited: a claim attributed to a news outlet with no link in its paragraph and no
// date in its sentence, so the reader cannot find the cited report. Each rule: a hit and a near
// miss (dated, linked, not a citation, or not an outlet).
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

namespace {
constexpr const char* kCode = "sourcing/outlet-uncited";
}

TEST_CASE("sourcing/outlet-uncited: according to a named outlet", "[rules]") {
  expectFlags(kCode, "The deal is worth $2 billion, [[according to the Financial Times]].");
  expectFlags(kCode, "[[According to Reuters]], the talks have stalled.");
  // A date for the report: it can be found.
  expectFlags(kCode, "According to the Financial Times on Tuesday, the deal is worth $2 billion.");
  // Not an outlet: a ministry, a company.
  expectFlags(kCode, "According to the Interior Ministry, the talks have stalled.");
  expectFlags(kCode, "According to Gazprom, the pipeline is shut.");
}

TEST_CASE("sourcing/outlet-uncited: outlet names from the outlet words of the gazetteer",
          "[rules]") {
  // "Ledger" ends outlet names (entities/org_suffixes.tsv): an invented title is still an outlet.
  expectFlags(kCode, "[[The Harbour Ledger reported]] that the minister had resigned.");
  expectFlags(kCode, "The minister had resigned, [[the Ledger said]].");
  expectFlags(kCode, "The Harbour Ledger reported last week that the minister had resigned.");
  // An outlet word alone, without "the", is a name of something else: a person called Page.
  expectFlags(kCode, "Page said the company would not comment.");
  // "Watch" ends names of campaign groups, not outlets.
  expectFlags(kCode, "According to Human Rights Watch, the prison is overcrowded.");
}

TEST_CASE("sourcing/outlet-uncited: as reported by, an outlet's report", "[rules]") {
  expectFlags(kCode, "The plant will close, [[as reported by Bloomberg]].");
  expectFlags(kCode, "[[Reuters' report that the king was ill]] drew a denial.");
  // The report as a topic attributes no claim.
  expectFlags(kCode, "The palace has not commented on the Reuters report.");
  // People consulted by an outlet speak for themselves.
  expectFlags(kCode, "Two former officers consulted by the Ledger said the ships could map it.");
  // A credit line names the document's own reporters.
  expectFlags(kCode, "Reported by North Wire and the Courier");
}

TEST_CASE("sourcing/outlet-uncited: an outlet described, not named", "[rules]") {
  expectFlags(kCode, "[[The German daily Bild reported]] that the talks had failed.");
  expectFlags(kCode, "The talks had failed, [[according to the newspaper]].");
  // A document, not an outlet: "a white paper".
  expectFlags(kCode, "The white paper said the talks had failed.");
  // The agency of a government is not a news agency.
  expectFlags(kCode, "The agency said the talks had failed.");
}

TEST_CASE("sourcing/outlet-uncited: a link in the paragraph traces the report", "[rules]") {
  expectFlags(kCode, "[[According to Reuters]], the talks have stalled.\n\nSee https://example.org "
                     "for more.");
  expectFlags(kCode, "According to Reuters (https://example.org/talks), the talks have stalled.");
}

TEST_CASE("sourcing/outlet-uncited: the newspaper pointing back at a report already cited",
          "[rules]") {
  // One flag for the report: the second sentence points back at it.
  expectFlags(kCode, "[[The Harbour Ledger reported]] that the minister had resigned. "
                     "The paper said the board was told first.");
  // Dated in its first sentence: the paragraph's later mention needs no date of its own.
  expectFlags(kCode, "The Harbour Ledger reported on Wednesday that the minister had resigned. "
                     "The paper said the board was told first.");
}

TEST_CASE("sourcing/outlet-uncited: a workspace adds outlet names through its lexicon", "[rules]") {
  dossier::analysis::KnowledgeOverrides overrides;
  overrides.extraRecords.push_back({"rules/outlets.tsv", "Kresk Pravda\tname"});
  auto knowledge = dossier::analysis::Knowledge::load(overrides);
  std::string text = "According to Kresk Pravda, the talks have stalled.";
  auto count = [&](const dossier::analysis::Knowledge& k) {
    int n = 0;
    auto analysis = dossier::analysis::analyzeDocument(text, k);
    for (const auto& f : analysis->findings.findings)
      n += f.code == kCode;
    return n;
  };
  CHECK(count(*knowledge) == 1);
  // Without the workspace's entry the name is unknown: no outlet, no flag.
  CHECK(count(*dossier::analysis::Knowledge::builtin()) == 0);
}
