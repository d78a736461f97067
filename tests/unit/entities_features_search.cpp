// workspace/symbol and completion: finding entities by what the user types.
#include "server/index/entity_search.h"
#include "tests/unit/entities_features_fixture.h"

using namespace dossier;
using namespace dossier::testing;
using index::MatchQuality;

namespace {

const std::map<std::string, std::string> kCorpus = {
    {"a.md", "Russian President Vladimir Putin met Elon Musk in Moscow. Putin said the talks "
             "went well. Musk agreed, the Wall Street Journal reported.\n"},
    {"b.md", "The WSJ reported that Musk spoke to Putin again. Musk denied it. However, "
             "the report stands. Mr. Pütz, a banker, said nothing.\n"},
    {"notes.md", "Ask about Pu^\n"},
};

std::vector<std::string> names(const json& list, const char* field = "name") {
  std::vector<std::string> out;
  for (const auto& item : list)
    out.push_back(item[field]);
  return out;
}

} // namespace

TEST_CASE("fuzzy matching ranks exact, prefix, word prefix, initials, subsequence", "[entities]") {
  CHECK(index::matchKey("vladimir putin", "vladimir putin") == MatchQuality::Exact);
  CHECK(index::matchKey("vlad", "vladimir putin") == MatchQuality::Prefix);
  CHECK(index::matchKey("putin", "vladimir putin") == MatchQuality::WordPrefix);
  CHECK(index::matchKey("vl pu", "vladimir putin") == MatchQuality::WordPrefix);
  CHECK(index::matchKey("wsj", "wall street journal") == MatchQuality::Initials);
  CHECK(index::matchKey("vpn", "vladimir putin") == MatchQuality::Subsequence);
  CHECK(index::matchKey("xyz", "vladimir putin") == MatchQuality::None);
  CHECK(index::matchKey("vl tin", "vladimir putin") == MatchQuality::Subsequence);
  CHECK(index::matchKey("pu vl", "vladimir putin") == MatchQuality::None);
  CHECK(index::matchKey("", "anything") == MatchQuality::Subsequence);
}

TEST_CASE("workspace symbols are entities at their defining mention, typed", "[entities]") {
  FeatureCorpus corpus(kCorpus);
  json symbols = features::workspaceSymbol(corpus.context(), {{"query", "putin"}});
  REQUIRE(symbols.is_array());
  REQUIRE(!symbols.empty());
  CHECK(symbols[0]["name"] == "Vladimir Putin");
  CHECK(symbols[0]["kind"] == static_cast<int>(protocol::SymbolKind::Object));
  CHECK(symbols[0]["containerName"] == "person");
  CHECK(symbols[0]["location"]["uri"] == FeatureCorpus::uri("a.md"));
  auto defined = corpus.doc("a.md").text.find("Vladimir Putin");
  CHECK(symbols[0]["location"]["range"] ==
        corpus.range("a.md", {defined, defined + std::string("Vladimir Putin").size()}));
  // Short forms are not separate symbols: "Putin" is Vladimir Putin.
  auto listed = names(symbols);
  CHECK(std::count(listed.begin(), listed.end(), "Putin") == 0);
}

TEST_CASE("workspace symbols fold case and diacritics and match initials", "[entities]") {
  FeatureCorpus corpus(kCorpus);
  auto found = [&](const std::string& query) {
    return names(features::workspaceSymbol(corpus.context(), {{"query", query}}));
  };
  CHECK(found("PUTZ") == std::vector<std::string>{"Pütz"});
  auto journal = found("wsj");
  CHECK(std::find(journal.begin(), journal.end(), "Wall Street Journal") != journal.end());
  CHECK(found("however").empty()); // a common word is not an entity
  auto all = found("");
  CHECK(all.size() >= 4);
  CHECK(all.size() <= 200);
}

TEST_CASE("completion offers entity names for a capitalised prefix", "[entities]") {
  FeatureCorpus corpus(kCorpus);
  json list = features::completion(corpus.context(), corpus.atCursor("notes.md"));
  auto labels = names(list["items"], "label");
  REQUIRE(!labels.empty());
  CHECK(std::find(labels.begin(), labels.end(), "Vladimir Putin") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "Elon Musk") == labels.end());
  const json& first = list["items"][0];
  CHECK(first["detail"].get<std::string>().starts_with("person"));
  CHECK(first["kind"] == static_cast<int>(protocol::CompletionItemKind::Value));
  // The typed "Pu" is what the completion replaces.
  auto cursor = *corpus.doc("notes.md").cursor;
  CHECK(first["textEdit"]["range"] == corpus.range("notes.md", {cursor - 2, cursor}));
}

TEST_CASE("completion stays quiet after a lower-case word", "[entities]") {
  FeatureCorpus corpus(Documents{{"a.md", kCorpus.at("a.md")}, {"notes.md", "ask about pu^\n"}});
  json list = features::completion(corpus.context(), corpus.atCursor("notes.md"));
  CHECK(list["items"].empty());
}
