// Entity mentions in one document and their linking across a small corpus. Fixtures mark the
// expected mention spans with [[...]].
#include "entities_marked_mentions.h"
#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "server/index/entity_query.h"

#include <catch2/catch.hpp>

using namespace dossier;
using namespace dossier::testing;
namespace ent = analysis::entities;

TEST_CASE("names are found without titles, possessives or hyphen suffixes", "[entities]") {
  expectMentions("[[Russian]] Foreign Minister [[Sergei Lavrov]] met [[Elon Musk]] in [[Moscow]].");
  expectMentions("The [[Musk]]-owned platform and [[Putin]]’s aides were quiet.");
  expectMentions("A letter from the [[Department of Justice]] reached the [[Bank of England]].");
  expectMentions("It recalls the conquests of Tsar [[Peter I]] in the north.");
  expectMentions("Officials from [[NATO]] and the [[U.S.]] disagreed.");
}

TEST_CASE("demonyms are their own mentions, separate from roles", "[entities]") {
  MarkedSpans fixture = unmarkSpans("The [[Russian]] President [[Vladimir Putin]] spoke.");
  CHECK(mentionTexts(fixture.text) == fixture.spans);
  auto analysis = analysis::analyzeDocument(fixture.text, *analysis::Knowledge::builtin());
  CHECK(analysis->entities.mentions.front().type == ent::EntityType::Norp);
  CHECK(analysis->entities.mentions.back().type == ent::EntityType::Person);
  REQUIRE(analysis->entities.roles.size() == 1);
  CHECK(analysis->entities.roles.front().span.in(fixture.text) == "Russian President");
}

TEST_CASE("common capitalised words are not names", "[entities]") {
  expectMentions("Summary\nHowever, nobody knew. Nevermind the details, IRL it is different.\n");
  expectMentions("Meanwhile [[Putin]] waited. On Monday, in March, nothing happened.");
}

TEST_CASE("all-caps headlines keep only names known in the document", "[entities]") {
  expectMentions(
      "[[ILVES]] MET ENVOY DAYS BEFORE THE AWARD\n\nMinister [[Marta Ilves]] said nothing.");
}

TEST_CASE("short forms link to the nearest full name; ambiguity is recorded", "[entities]") {
  std::string text = "Jonas Berg arrived. Later Berg left. Liis Berg spoke and Berg nodded.";
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  std::vector<std::string> keys;
  for (const auto& m : analysis->entities.mentions)
    keys.push_back(m.key);
  CHECK(keys == std::vector<std::string>{"jonas berg", "jonas berg", "liis berg", "liis berg"});
  CHECK(analysis->entities.mentions[3].is(ent::kAmbiguous));
}

TEST_CASE("a known organisation's name stays its own beside its products' names", "[entities]") {
  auto keys = [](const std::string& text) {
    auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
    std::vector<std::string> out;
    for (const auto& m : analysis->entities.mentions)
      out.push_back(m.key);
    return out;
  };
  CHECK(keys("The users of Microsoft Word were warned. Microsoft released a fix.") ==
        std::vector<std::string>{"microsoft word", "microsoft"});
  // An unknown first word still stands for the longer name it opens.
  CHECK(keys("The users of Velmar Tarn were warned. Velmar released a fix.") ==
        std::vector<std::string>{"velmar tarn", "velmar tarn"});
}

TEST_CASE("spelling variants and Cyrillic fold into one key", "[entities]") {
  const auto& lexicon = *analysis::Knowledge::builtin()->entities;
  CHECK(ent::nameKey("Zelenskyy", lexicon) == ent::nameKey("Zelensky", lexicon));
  CHECK(ent::nameKey("Zelenskiy", lexicon) == ent::nameKey("Zelensky", lexicon));
  CHECK(ent::nameKey("Orloff", lexicon) == ent::nameKey("Orlov", lexicon));
  CHECK(ent::nameKey("Орлов", lexicon) == ent::nameKey("Orlov", lexicon));
  CHECK(ent::nameKey("The Wall Street Journal", lexicon) == "wall street journal");
}

TEST_CASE("statements are attributed to the speaker with their cue", "[entities]") {
  std::string text = "Musk denied that he had spoken to Putin recently.";
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  REQUIRE(analysis->entities.statements.size() == 1);
  CHECK(analysis->entities.statements[0].cue == "denied");
  CHECK(analysis->entities.statements[0].span.in(text) == "he had spoken to Putin recently");
  CHECK(analysis->entities.statements[0].key == "musk");
}

TEST_CASE("appositives are roles", "[entities]") {
  std::string text =
      "Ian Bremmer, political scientist and founder of Eurasia Group, reported this.";
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  REQUIRE_FALSE(analysis->entities.roles.empty());
  CHECK(analysis->entities.roles[0].span.in(text) ==
        "political scientist and founder of Eurasia Group");
  CHECK(analysis->entities.roles[0].key == "ian bremmer");
}

TEST_CASE("the corpus links short forms and acronyms across documents, incrementally",
          "[entities]") {
  std::vector<std::string> texts = {
      "Elon Musk bought Twitter. The Wall Street Journal and the Department of Justice wrote.",
      "Musk replied to the WSJ. The DOJ was silent.",
      "Summary of the week. The EM report said nothing else.",
  };
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> analyses;
  index::CorpusIndex corpus;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    analyses.push_back(analysis::analyzeDocument(texts[i], *analysis::Knowledge::builtin()));
    corpus.add(static_cast<index::DocId>(i), *analyses[i]);
  }
  index::LinkOverrides overrides;
  // A query answers for one state of the index (it remembers what it gathered), as a snapshot's
  // does: after an edit, a new one.
  auto makeQuery = [&] {
    return std::make_unique<index::EntityQuery>(
        corpus.entities,
        [&](index::DocId d) {
          return index::DocumentView{analyses[d] ? &analyses[d]->entities : nullptr, texts[d], "",
                                     nullptr};
        },
        overrides);
  };
  auto queryNow = makeQuery();
  auto at = [&](index::DocId doc, std::string_view word) {
    auto ref = queryNow->mentionAt(doc, static_cast<analysis::Offset>(texts[doc].find(word)));
    return ref ? queryNow->entityOf(*ref->mention) : std::string("<none>");
  };
  const index::EntityQuery& query = *queryNow;
  CHECK(at(1, "Musk") == "elon musk");
  CHECK(at(1, "WSJ") == "wall street journal");
  CHECK(at(1, "DOJ") == "department of justice");
  CHECK(at(2, "Summary") == "<none>");
  // A person's initials are no acronym of the person: "EM" stays itself.
  CHECK(at(2, "EM") == "em");
  CHECK(query.mentionsOf("elon musk").size() == 2);
  auto card = query.card("elon musk");
  CHECK(card.name == "Elon Musk");
  CHECK(card.type == ent::EntityType::Person);
  CHECK(card.mentionsPerDocument.size() == 2);

  // Removing the first document unlinks the short form.
  corpus.remove(0, *analyses[0]);
  analyses[0] = nullptr;
  queryNow = makeQuery();
  CHECK(at(1, "Musk") == "musk");
  CHECK(queryNow->mentionsOf("elon musk").empty());
}
