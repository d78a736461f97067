// Rename, the outline's entities, the entity code lens and the hover card's "Appears with".
#include "tests/unit/entities_features_fixture.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

std::vector<std::string> symbolNames(const json& symbols) {
  std::vector<std::string> out;
  for (const auto& symbol : symbols)
    out.push_back(symbol["name"]);
  return out;
}

} // namespace

TEST_CASE("rename respells one surface of the entity in every document", "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "President [[Zelenskyy]] met Elon Musk. Later ^[[Zelenskyy]] left Kyiv.\n"},
      {"b.md", "Reporters asked [[Zelenskyy]] about it. Zelensky (sic) did not answer.\n"},
  });
  json params = corpus.atCursor("a.md");
  json prepared = features::prepareRename(corpus.context(), params);
  CHECK(prepared["placeholder"] == "Zelenskyy");
  CHECK(prepared["range"] == corpus.range("a.md", corpus.doc("a.md").ranges[1]));

  params["newName"] = "Zelensky";
  json edit = features::rename(corpus.context(), params);
  REQUIRE(edit["documentChanges"].size() == 2);
  std::map<std::string, json> byUri;
  for (const auto& change : edit["documentChanges"])
    byUri[change["textDocument"]["uri"]] = change;
  const json& a = byUri.at(FeatureCorpus::uri("a.md"));
  CHECK(a["textDocument"]["version"] == 7); // open documents carry their editor version
  REQUIRE(a["edits"].size() == 2);
  CHECK(a["edits"][0]["range"] == corpus.range("a.md", corpus.doc("a.md").ranges[0]));
  CHECK(a["edits"][1]["range"] == corpus.range("a.md", corpus.doc("a.md").ranges[1]));
  CHECK(a["edits"][0]["newText"] == "Zelensky");
  // The other spelling ("Zelensky") is the same entity but a different surface: left alone.
  const json& b = byUri.at(FeatureCorpus::uri("b.md"));
  REQUIRE(b["edits"].size() == 1);
  CHECK(b["edits"][0]["range"] == corpus.range("b.md", corpus.doc("b.md").ranges[0]));
}

TEST_CASE("rename refuses a position that is not on a name", "[entities]") {
  FeatureCorpus corpus(Documents{{"a.md", "Elon Musk said the ^plan was good.\n"}});
  json params = corpus.atCursor("a.md");
  CHECK_THROWS_AS(features::prepareRename(corpus.context(), params), lsp::RequestError);
  params["newName"] = "Other";
  CHECK_THROWS_AS(features::rename(corpus.context(), params), lsp::RequestError);
}

TEST_CASE("the outline lists the entities a document mentions", "[entities]") {
  FeatureCorpus corpus(
      Documents{{"a.md", "# Talks in Moscow\n\nElon Musk met Vladimir Putin. Musk left.\n"}});
  json symbols = features::documentSymbol(
      corpus.context(), {{"textDocument", {{"uri", FeatureCorpus::uri("a.md")}}}});
  auto listed = symbolNames(symbols);
  CHECK(std::find(listed.begin(), listed.end(), "Talks in Moscow") != listed.end());
  CHECK(std::find(listed.begin(), listed.end(), "Elon Musk") != listed.end());
  CHECK(std::find(listed.begin(), listed.end(), "Vladimir Putin") != listed.end());
  CHECK(std::count(listed.begin(), listed.end(), "Musk") == 0); // one symbol per entity
  for (const auto& symbol : symbols)
    if (symbol["name"] == "Elon Musk") CHECK(symbol["detail"] == "person · 2 mentions");
}

TEST_CASE("an entity lens on its defining mention counts mentions, documents, spellings",
          "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "[[Elon Musk]], the billionaire, met officials. Musk left early.\n"},
      {"b.md", "Critics of Musk were many. Elon Musk did not reply.\n"},
  });
  json lenses = json::array();
  const corpus::Document* doc = corpus.context().snapshot->documentAt(FeatureCorpus::path("a.md"));
  REQUIRE(doc);
  features::appendEntityLenses(corpus.context(), *doc, lenses);
  const json* musk = nullptr;
  for (const auto& lens : lenses)
    if (lens["range"] == corpus.range("a.md", corpus.doc("a.md").ranges[0])) musk = &lens;
  REQUIRE(musk);
  CHECK((*musk)["command"]["title"] == "4 mentions · 2 documents · 2 spellings");
  CHECK((*musk)["command"]["command"] == "editor.action.showReferences");
  CHECK((*musk)["command"]["arguments"][0] == FeatureCorpus::uri("a.md"));
  CHECK((*musk)["command"]["arguments"][2].size() == 4);
  // No lens in b.md: the defining mention is in a.md.
  json other = json::array();
  features::appendEntityLenses(
      corpus.context(), *corpus.context().snapshot->documentAt(FeatureCorpus::path("b.md")), other);
  for (const auto& lens : other)
    CHECK(lens["command"]["title"].get<std::string>().find("4 mentions") == std::string::npos);
}

TEST_CASE("hover lists co-occurring entities by their written names", "[entities]") {
  FeatureCorpus corpus(Documents{{"a.md", "^Elon Musk met Vladimir Putin in Moscow.\n"}});
  json card = features::hover(corpus.context(), corpus.atCursor("a.md"));
  std::string value = card["contents"]["value"];
  INFO(value);
  auto appears = value.find("Appears with:");
  REQUIRE(appears != std::string::npos);
  CHECK(value.find("Vladimir Putin (1)", appears) != std::string::npos);
  CHECK(value.find("Moscow (1)", appears) != std::string::npos);
  CHECK(value.find("vladimir putin") == std::string::npos); // names, not folded keys
}
