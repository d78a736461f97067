// The hover card's lists: "Appears with" leaves out scraped debris and repeated boilerplate and
// ranks by shared sentences across documents; roles are short noun phrases.
#include "entities_features_fixture.h"
#include "server/analysis/document.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

std::string hoverText(FeatureCorpus& corpus, const std::string& name) {
  json card = features::hover(corpus.context(), corpus.atCursor(name));
  REQUIRE(card.is_object());
  return card["contents"]["value"];
}

std::string appearsWith(const std::string& card) {
  auto from = card.find("Appears with:");
  if (from == std::string::npos) return "";
  return card.substr(from, card.find('\n', from) - from);
}

} // namespace

TEST_CASE("appears with leaves out names on debris lines", "[entities]") {
  // The caption runs into the crawler's logo line: one sentence, but the logo is page chrome.
  FeatureCorpus corpus(Documents{
      {"a.md", "^Elon Musk speaks at the summit in Paris on Monday\nHarbor Gazette Logo\n\n"
               "Musk later met Vladimir Putin in Moscow.\n"},
  });
  std::string with = appearsWith(hoverText(corpus, "a.md"));
  INFO(with);
  CHECK(with.find("Vladimir Putin") != std::string::npos);
  CHECK(with.find("Paris") != std::string::npos);
  CHECK(with.find("Harbor Gazette") == std::string::npos);
}

TEST_CASE("appears with leaves out names on a footer repeated across documents", "[entities]") {
  std::string footer = "Harbor Gazette picks | Elon Musk | Jeff Bezos\n";
  FeatureCorpus corpus(Documents{
      {"a.md", "^Elon Musk met Vladimir Putin in Moscow.\n\n" + footer},
      {"b.md", "Elon Musk visited Berlin on Monday.\n\n" + footer},
      {"c.md", "The rover landed.\n\n" + footer},
  });
  std::string with = appearsWith(hoverText(corpus, "a.md"));
  INFO(with);
  CHECK(with.find("Vladimir Putin") != std::string::npos);
  CHECK(with.find("Jeff Bezos") == std::string::npos);
  CHECK(with.find("Harbor Gazette") == std::string::npos);
}

TEST_CASE("appears with ranks company across documents above repeats in one", "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "^Elon Musk met Vladimir Putin. Elon Musk met Vladimir Putin again. "
               "Elon Musk and Vladimir Putin talked. Elon Musk thanked Sergei Lavrov.\n"},
      {"b.md", "Elon Musk called Sergei Lavrov.\n"},
  });
  std::string with = appearsWith(hoverText(corpus, "a.md"));
  INFO(with);
  auto lavrov = with.find("Sergei Lavrov (2)");
  auto putin = with.find("Vladimir Putin (3)");
  REQUIRE(lavrov != std::string::npos);
  REQUIRE(putin != std::string::npos);
  CHECK(lavrov < putin);
}

TEST_CASE("appositive roles are short noun phrases, not clauses", "[entities]") {
  auto rolesOf = [](const std::string& text) {
    auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
    std::vector<std::string> roles;
    for (const auto& role : analysis->entities.roles)
      roles.emplace_back(role.span.in(text));
    return roles;
  };
  CHECK(rolesOf("Ian Bremmer, political scientist and founder of Eurasia Group, spoke.") ==
        std::vector<std::string>{"political scientist and founder of Eurasia Group"});
  CHECK(rolesOf("Anna Berg, however, disagreed with the plan.").empty());
  CHECK(rolesOf("Anna Berg, in a statement on Monday, disagreed.").empty());
  CHECK(rolesOf("Anna Berg, reportedly, left the firm.").empty());
  CHECK(rolesOf("Anna Berg, the report was clear about it, left.").empty());
  CHECK(rolesOf("Anna Berg, a lawyer who has represented many of the families of the victims "
                "over the past ten years in the courts, spoke.")
            .empty());
}

TEST_CASE("card lists break ties by key: company, then spellings", "[entities]") {
  // Angela Merkel and Vladimir Putin keep the same company (two documents, two sentences), Moscow
  // less; "Elon Musk" and "Musk" are written twice each.
  FeatureCorpus corpus(Documents{
      {"a.md", "^Elon Musk met Vladimir Putin and Angela Merkel in Moscow. Musk left.\n"},
      {"b.md", "Elon Musk met Angela Merkel and Vladimir Putin on Monday. Musk flew home.\n"},
  });
  auto lookup = features::EntityLookup::of(corpus.context());
  const auto& card = lookup->query->cardOf("elon musk");
  REQUIRE(card.cooccurring.size() == 3);
  CHECK(card.cooccurring[0].entity == "angela merkel");
  CHECK(card.cooccurring[0].documents == 2);
  CHECK(card.cooccurring[0].sentences == 2);
  CHECK(card.cooccurring[1].entity == "vladimir putin");
  CHECK(card.cooccurring[2].entity == "moscow");
  CHECK(card.cooccurring[2].documents == 1);
  REQUIRE(card.surfaces.size() == 2);
  CHECK(card.surfaces[0] == std::pair<std::string, std::uint32_t>{"Elon Musk", 2});
  CHECK(card.surfaces[1] == std::pair<std::string, std::uint32_t>{"Musk", 2});
  CHECK(card.name == "Elon Musk");
  CHECK(card.mentionCount == 4);
  REQUIRE(card.mentionsPerDocument.size() == 2);
  CHECK(card.mentionsPerDocument[0].second == 2);
}
