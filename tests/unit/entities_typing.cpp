// Typing names from context and corpus evidence: places, groups (demonyms), organisations and
// people, with names no gazetteer holds (invented here), so only the general cues can type them.
#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "server/index/entity_query.h"
#include "small_corpus.h"

#include <catch2/catch.hpp>

using namespace dossier;
namespace ent = analysis::entities;
using testing::SmallCorpus;

namespace {

// The type the document's own analysis gives the first mention spelled `surface`.
std::optional<ent::EntityType> typeIn(const std::string& text, std::string_view surface) {
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  for (const auto& m : analysis->entities.mentions)
    if (m.span.in(text) == surface) return m.type;
  return std::nullopt;
}

} // namespace

TEST_CASE("context cues type one-word names", "[entities][typing]") {
  CHECK(typeIn("Talks were held in Kestra on Monday.", "Kestra") == ent::EntityType::Place);
  CHECK(typeIn("The Kestra-based firm hired staff.", "Kestra") == ent::EntityType::Place);
  CHECK(typeIn("The broadcaster Volnet aired it.", "Volnet") == ent::EntityType::Org);
  CHECK(typeIn("Users of BrightLoop complained.", "BrightLoop") == ent::EntityType::Org);
  CHECK(typeIn("The Norvalian envoy left early.", "Norvalian") == ent::EntityType::Norp);
  // A name ending like a demonym is no group by that alone.
  CHECK(typeIn("Officials said Mr Dorin met Putin twice.", "Putin") != ent::EntityType::Norp);
}

TEST_CASE("a multi-word name headed by an organisation word is an organisation",
          "[entities][typing]") {
  CHECK(typeIn("A letter from the Ministry of Fisheries arrived.", "Ministry of Fisheries") ==
        ent::EntityType::Org);
  CHECK(typeIn("Staff of Harlow Dredging Group went home.", "Harlow Dredging Group") ==
        ent::EntityType::Org);
}

TEST_CASE("a group name beside its stem makes a group and a place", "[entities][typing]") {
  std::string text = "Norvalia closed the border. Norvalians queued for hours at the crossing.";
  CHECK(typeIn(text, "Norvalia") == ent::EntityType::Place);
  CHECK(typeIn(text, "Norvalians") == ent::EntityType::Norp);
}

TEST_CASE("a place opening a longer name qualifies it and keeps its own entity",
          "[entities][typing]") {
  SmallCorpus c({"Norvalia Today reported that crowds gathered in Norvalia. Norvalia denied it.",
                 "Norvalians watch Norvalia Today every night. Norvalia is cold."});
  CHECK(c.entityAt(0, "Norvalia Today") == "norvalia today");
  CHECK(c.entityAt(0, "Norvalia denied") == "norvalia");
  CHECK(c.entityAt(1, "Norvalia is") == "norvalia");
  CHECK(c.query->typeOf("norvalia today") == ent::EntityType::Org);
  CHECK(c.query->typeOf("norvalia") == ent::EntityType::Place);
}

TEST_CASE("forms of one group name are one entity across documents", "[entities][typing]") {
  SmallCorpus c({"The Norvalian envoy met Norvalians abroad.",
                 "Norvalians protested; a Norvalian minister resigned in Kestra."});
  std::string group = c.entityAt(0, "Norvalian");
  CHECK(c.entityAt(0, "Norvalians") == group);
  CHECK(c.entityAt(1, "Norvalians") == group);
  CHECK(c.entityAt(1, "Norvalian minister") == group);
  CHECK(c.query->mentionsOf(group).size() == 4);
  CHECK(c.query->typeOf(group) == ent::EntityType::Norp);
}

TEST_CASE("a speech verb after one unknown word is a guess other evidence outweighs",
          "[entities][typing]") {
  // Organisations say and deny as often as people do.
  SmallCorpus firm({"Prices rose, Brelvik said. Brelvik said more later.",
                    "The firm Brelvik raised prices again."});
  CHECK(firm.query->typeOf(firm.entityAt(0, "Brelvik")) == ent::EntityType::Org);
  SmallCorpus person(
      {"Prices rose, Brelvik said. Brelvik said more later.", "Nobody asked Brelvik again."});
  CHECK(person.query->typeOf(person.entityAt(0, "Brelvik")) == ent::EntityType::Person);
  // Nor do a guessed full name's short forms make the guess surer; a known given name is no guess.
  auto guessed = [](const std::string& text, std::string_view surface) {
    auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
    for (const auto& m : analysis->entities.mentions)
      if (m.span.in(text) == surface) return m.typeGuessed;
    return false;
  };
  CHECK(guessed("Tarvo Keld won the bid. Later Keld left.", "Keld"));
  CHECK_FALSE(guessed("Peter Keld won the bid. Later Keld left.", "Keld"));
}

TEST_CASE("the words of an unknown name type it", "[entities][typing]") {
  // A word that opens or ends places or organisations (context_cues.tsv "first"/"last").
  CHECK(typeIn("They dined at the Hotel Varnest on Friday.", "Hotel Varnest") ==
        ent::EntityType::Place);
  CHECK(typeIn("Climbers reached Mount Osvald at dawn.", "Mount Osvald") == ent::EntityType::Place);
  // A stadium named in French, Italian or Spanish, "X de Y" like a person's name.
  CHECK(typeIn("The fight took place at Stade de Varnest on Saturday.", "Stade de Varnest") ==
        ent::EntityType::Place);
  CHECK(typeIn("Fans filled Estadio Tarvik again.", "Estadio Tarvik") == ent::EntityType::Place);
  CHECK(typeIn("They met Osvald de Varnest at dawn.", "Osvald de Varnest") ==
        ent::EntityType::Person);
  // A name, a comma, then a state or country closing the phrase: a place.
  CHECK(typeIn("SCHENWICK, N.Y. (AP) - Tarvo Keld was charged.", "Tarvo Keld") !=
        ent::EntityType::Place);
  CHECK(typeIn("Osvald Varnest, N.Y., police said on Monday.", "Osvald Varnest") ==
        ent::EntityType::Place);
  CHECK(typeIn("A fire hit Tarvik Valley, Calif. on Monday.", "Tarvik Valley") ==
        ent::EntityType::Place);
  CHECK(typeIn("Crews reached Osvald Varnest, N. Y. on Monday.", "Osvald Varnest") ==
        ent::EntityType::Place);
  CHECK(typeIn("The riots spread to Osvald Varnest, France, on Monday.", "Osvald Varnest") ==
        ent::EntityType::Place);
  // Near misses: a word after the region; a region not right after the comma.
  CHECK(typeIn("They met Osvald Varnest, Texas Democrat, on Monday.", "Osvald Varnest") ==
        ent::EntityType::Person);
  CHECK(typeIn("They met Osvald Varnest, a France native, on Monday.", "Osvald Varnest") ==
        ent::EntityType::Person);
  CHECK(typeIn("Two ships came from Tarvik Fleet last year.", "Tarvik Fleet") ==
        ent::EntityType::Org);
  CHECK(typeIn("They met Osvald Varnest at dawn.", "Osvald Varnest") == ent::EntityType::Person);
  // A place head before "of" heads the name as an organisation word does.
  CHECK(typeIn("Pirates roam the Gulf of Varnak again.", "Gulf of Varnak") ==
        ent::EntityType::Place);
  // An outlet word inside the name.
  CHECK(typeIn("Readers of Kellby Herald Online wrote in.", "Kellby Herald Online") ==
        ent::EntityType::Org);
  // A last word the document writes in lower case with a common word's ending: a trade.
  CHECK(typeIn("Tarnow Dredging won the bid; dredging starts in May.", "Tarnow Dredging") ==
        ent::EntityType::Org);
  CHECK(typeIn("Arlo Brenning won the bid; work starts in May.", "Arlo Brenning") ==
        ent::EntityType::Person);
  // A first word the document writes in lower case: a title or a thing, not a person guess.
  CHECK(typeIn("Evening Lantern aired it; that evening nobody called.", "Evening Lantern") !=
        ent::EntityType::Person);
  CHECK(typeIn("Tomas Lantern aired it; that evening nobody called.", "Tomas Lantern") ==
        ent::EntityType::Person);
}

TEST_CASE("a name opening with a whole place name is an organisation", "[entities][typing]") {
  CHECK(typeIn("Fans of the Kansas City Rangelords cheered.", "Kansas City Rangelords") ==
        ent::EntityType::Org);
  // A given name that is also a place opens a person's name.
  CHECK(typeIn("Fans of Georgia Rangelord cheered.", "Georgia Rangelord") ==
        ent::EntityType::Person);
  // The distinctive head stands for the organisation; the place alone stays the place.
  SmallCorpus c({"The Kansas City Rangelords won. The Rangelords play in Kansas City."});
  CHECK(c.entityAt(0, "Rangelords play") == "kansas city rangelords");
  CHECK(c.entityAt(0, "Kansas City.") == "kansas city");
}

TEST_CASE("a law's head word types its name and stands for it alone", "[entities][typing]") {
  SmallCorpus c({"The Coastal Waters Act passed in May. Critics of the Act protested.",
                 "The Coastal Waters Plan passed in May. Critics of the Act protested."});
  CHECK(c.query->typeOf("coastal waters act") == ent::EntityType::Other);
  CHECK(c.entityAt(0, "Act protested") == "coastal waters act");
  // A name with another head is not what "the Act" stands for in its document.
  CHECK(c.entityAt(1, "Act protested") != "coastal waters plan");
}

TEST_CASE("a guessed name takes an organisation's evidence from its words written alone",
          "[entities][typing]") {
  SmallCorpus brand(
      {"Users of the social network Chirpo complained.", "Chirpo Pixel loaded slowly on Monday."});
  CHECK(brand.query->typeOf("chirpo pixel") == ent::EntityType::Org);
  // A place's evidence does not: surnames are often the names of places.
  SmallCorpus person({"Talks were held in Horvik on Monday.", "Zurana Horvik spoke on Monday."});
  CHECK(person.query->typeOf("zurana horvik") == ent::EntityType::Person);
}

TEST_CASE("short forms of places and place-qualified organisations", "[entities][typing]") {
  SmallCorpus c({"They dined at the Hotel Varnest. The Varnest was full.",
                 "Boats crossed Lake Michigan. Michigan voted.",
                 "The President of Kansas Pavel Rangelord spoke. Rangelord left."});
  // The name after a word that opens places stands for the place, unless it is a known place.
  CHECK(c.entityAt(0, "Varnest was") == "hotel varnest");
  CHECK(c.entityAt(1, "Michigan voted") == "michigan");
  // A place and a person's name run together: the surname is not the run's short form.
  CHECK(c.entityAt(2, "Rangelord left") != c.entityAt(2, "Kansas Pavel"));
}

TEST_CASE("the noun before \"of\" types the one word after it", "[entities][typing]") {
  CHECK(typeIn("Crews reached the town of Varnest on Monday.", "Varnest") ==
        ent::EntityType::Place);
  CHECK(typeIn("Floods hit villages north of Varnest overnight.", "Varnest") ==
        ent::EntityType::Place);
  CHECK(typeIn("The employees of Varnest went on strike.", "Varnest") == ent::EntityType::Org);
  // Another noun says nothing.
  CHECK(typeIn("Crews reached the heart of Varnest on Monday.", "Varnest") ==
        ent::EntityType::Other);
}

TEST_CASE("a place's bare name in a sentence about a game is the team named after it",
          "[entities][typing]") {
  SmallCorpus c({"The Kansas City Rangelords won again. Kansas City beat Omaha 20-13 on Sunday. "
                 "Kansas City have signed a new coach. Fans celebrated the win in Kansas City. "
                 "Kansas City approved a new budget."});
  CHECK(c.entityAt(0, "Kansas City beat") == "kansas city rangelords");
  CHECK(c.entityAt(0, "Kansas City have") == "kansas city rangelords");
  SmallCorpus record(
      {"The Kansas City Rangelords rested. Kansas City (11-4) rested its starters."});
  CHECK(record.entityAt(0, "Kansas City (") == "kansas city rangelords");
  // After a word that locates, or in a sentence with no game in it, the place stays the place.
  CHECK(c.entityAt(0, "Kansas City.") == "kansas city");
  CHECK(c.entityAt(0, "Kansas City approved") == "kansas city");
  // Two teams of one place: the bare name says which neither is.
  SmallCorpus two({"The Kansas City Rangelords and the Kansas City Hawkmoths both won. "
                   "Kansas City beat Omaha 20-13."});
  CHECK(two.entityAt(0, "Kansas City beat") == "kansas city");
}

TEST_CASE("a place's bare name in a game report is the team the other reports name after it",
          "[entities][typing]") {
  SmallCorpus c({"The Kansas City Rangelords signed a new coach on Monday.",
                 "The Kansas City Rangelords lost at home. The Kansas City Rangelords travel next.",
                 "Kansas City beat Omaha 20-13 on Sunday. Fans celebrated the win in Kansas City.",
                 "Kansas City approved a new budget on Friday."});
  CHECK(c.entityAt(2, "Kansas City beat") == "kansas city rangelords");
  // After a word that locates, or in a sentence with no game in it, the place stays the place.
  CHECK(c.entityAt(2, "Kansas City.") == "kansas city");
  CHECK(c.entityAt(3, "Kansas City approved") == "kansas city");
  // Two teams of the place named about as often: the bare name says which neither is.
  SmallCorpus two({"The Kansas City Rangelords won. The Kansas City Rangelords rested.",
                   "The Kansas City Hawkmoths won. The Kansas City Hawkmoths rested.",
                   "Kansas City beat Omaha 20-13 on Sunday."});
  CHECK(two.entityAt(2, "Kansas City beat") == "kansas city");
}

TEST_CASE("a name written after \"the\" is no person's", "[entities][typing]") {
  CHECK(typeIn("Fans cheered as the Varnest Rangelords won.", "Varnest Rangelords") ==
        ent::EntityType::Org);
  CHECK(typeIn("Fans cheered as the Rangelords won.", "Rangelords") == ent::EntityType::Org);
  // Without "the", two unknown words are a person's name; one word is not a plural by its "s".
  CHECK(typeIn("Fans cheered as Tovin Rangelord won.", "Tovin Rangelord") ==
        ent::EntityType::Person);
  CHECK(typeIn("Fans cheered as the Cactus won.", "Cactus") != ent::EntityType::Org);
}

TEST_CASE("a one-word name on a line of page chrome is a name only where running text names it",
          "[entities][typing]") {
  SmallCorpus c({"Harbour board meets\n\nShare on Chirp · Copy link · Print\n\nThe board met on "
                 "Monday.\n",
                 "Users of Chirp shared the clip widely on Tuesday.\n"});
  // "Chirp" is named in running text elsewhere: still a name on the share line.
  CHECK(c.entityAt(0, "Chirp") == "chirp");
  // "Print" is a button label: no name, though the corpus never writes it in lower case.
  CHECK(c.entityAt(0, "Print") == "<none>");
  // Near miss: the same word in running text is a name.
  SmallCorpus prose({"Print said on Monday that the board met.\n",
                     "The Print Works board met. Print said so.\n"});
  CHECK(prose.entityAt(0, "Print") != "<none>");
}
