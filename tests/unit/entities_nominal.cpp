// A demonym used as a noun for one person ("the 40-year-old American", "the Ukrainian emerged
// triumphant"): marked by the document's analysis, resolved at query time to the one person of the
// document the corpus gives that nationality. The people are invented, so only the rule can link
// them.
#include "entities_features_fixture.h"
#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "server/index/entity_query.h"
#include "small_corpus.h"

#include <catch2/catch.hpp>

using namespace dossier;
namespace ent = analysis::entities;
using testing::SmallCorpus;

namespace {

// Whether the mention spelled `surface` at its `nth` occurrence in `text` is marked as standing
// for one person.
bool nominalIn(const std::string& text, std::string_view surface, std::size_t nth = 0) {
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  for (const auto& m : analysis->entities.mentions)
    if (m.span.in(text) == surface && nth-- == 0) return m.nominal;
  FAIL("no mention " << surface);
  return false;
}

} // namespace

TEST_CASE("a demonym after 'the' that modifies nothing stands for one person",
          "[entities][nominal]") {
  CHECK(nominalIn("Strand stopped the 40 - year - old American in the sixth round.", "American"));
  CHECK(nominalIn("Strand stopped the 40-year-old American, who fell twice.", "American"));
  CHECK(nominalIn("In the end the Ukrainian emerged triumphant.", "Ukrainian"));
  CHECK(nominalIn("The lanky Australian, who lives in Perth, won.", "Australian"));
  CHECK(nominalIn("The challenge of the American's camp faded.", "American"));
  CHECK(nominalIn("Critics said the Australian actor has done well.", "Australian"));
  // Near misses: the demonym modifies a noun, names a whole group, or opens a compound.
  CHECK_FALSE(nominalIn("Critics blamed the American economy for it.", "American"));
  CHECK_FALSE(nominalIn("He spoke to the American people, who listened.", "American"));
  CHECK_FALSE(nominalIn("Ships of the Indian navy sailed.", "Indian"));
  CHECK_FALSE(nominalIn("The British, who voted, were split.", "British"));
  CHECK_FALSE(nominalIn("He beat the Ukrainian-born fighter.", "Ukrainian"));
  CHECK_FALSE(nominalIn("Critics said American officials were wrong.", "American"));
}

TEST_CASE("'the American' is the one American named in its document", "[entities][nominal]") {
  SmallCorpus c({"American challenger Tony Varden trained in Ohio for months.",
                 "Pell Strand stopped Tony Varden on Saturday. Strand stopped the 40 - year - old "
                 "American in the sixth round. The American's challenge faded."});
  CHECK(c.entityAtLast(1, "American in") == "tony varden");
  CHECK(c.entityAtLast(1, "American's") == "tony varden");
  // References on the person include them, and the NORP group no longer does.
  CHECK(c.mentionsSpelled("tony varden", 1, "American") == 2);
  CHECK(c.mentionsSpelled("american", 1, "American") == 0);
  // The demonym before the name is still the group.
  CHECK(c.entityAtLast(0, "American") != "tony varden");
}

TEST_CASE("a role mined for a person gives the nationality too", "[entities][nominal]") {
  SmallCorpus c({"Tony Varden, an American boxer, trained in Ohio.",
                 "Strand stopped Tony Varden. The American was taken to hospital."});
  CHECK(c.entityAtLast(1, "American") == "tony varden");
}

TEST_CASE("'the American' stays the group without exactly one American", "[entities][nominal]") {
  SECTION("a demonym that modifies a noun") {
    SmallCorpus c({"American challenger Tony Varden lost. Critics blamed the American economy."});
    CHECK(c.entityAtLast(0, "American economy") != "tony varden");
  }
  SECTION("two Americans in the document") {
    SmallCorpus c({"American challenger Tony Varden met American promoter Mark Hollis.",
                   "Tony Varden met Mark Hollis. The American said he was ready."});
    std::string entity = c.entityAtLast(1, "American");
    CHECK(entity != "tony varden");
    CHECK(entity != "mark hollis");
  }
  SECTION("no evidence of the nationality anywhere") {
    SmallCorpus c({"Tony Varden trained in Ohio for months.",
                   "Strand stopped Tony Varden. The American said he was ready."});
    CHECK(c.entityAtLast(1, "American") != "tony varden");
  }
  SECTION("the evidence is of another nationality") {
    SmallCorpus c({"Ukrainian challenger Tony Varden trained in Ohio.",
                   "Strand stopped Tony Varden. The American said he was ready."});
    CHECK(c.entityAtLast(1, "American") != "tony varden");
  }
}

TEST_CASE("hover on 'the American' shows the person's card", "[entities][nominal]") {
  testing::FeatureCorpus corpus(testing::Documents{
      {"a.md", "American challenger Tony Varden trained in Ohio for months.\n"},
      {"b.md", "Pell Strand stopped Tony Varden on Saturday. Strand stopped the 40-year-old "
               "^American in the sixth round.\n"},
  });
  testing::json card = features::hover(corpus.context(), corpus.atCursor("b.md"));
  REQUIRE(card.is_object());
  std::string text = card["contents"]["value"];
  INFO(text);
  CHECK(text.find("Tony Varden") != std::string::npos);
}
