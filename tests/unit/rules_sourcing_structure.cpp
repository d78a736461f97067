// Anonymous sourcing found from its general structure (a source noun, what hides its name, a speech
// verb, in either order), not from phrases seen in one corpus. Each rule: a hit and a near miss.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("sourcing/anonymous: bare plural source nouns that speak", "[rules]") {
  expectFlags("sourcing/anonymous", "The skiff was towed, [[Navy sources said]].");
  expectFlags("sourcing/anonymous", "[[Western diplomats say]] the vote will slip.");
  expectFlags("sourcing/anonymous", "The country wants to diversify its energy sources.");
  expectFlags("sourcing/anonymous", "Officials from both ministries met on Friday.");
}

TEST_CASE("sourcing/anonymous: one described source that speaks", "[rules]") {
  expectFlags("sourcing/anonymous", "[[A government source told]] the paper it was over.");
  expectFlags("sourcing/anonymous", "[[One senior executive said]] the plant would close.");
  expectFlags("sourcing/anonymous", "A senior executive, Maria Lund, said the plant would close.");
  expectFlags("sourcing/anonymous", "An executive order was signed on Monday.");
}

TEST_CASE("sourcing/anonymous: the speech verb before an unnamed source", "[rules]") {
  expectFlags("sourcing/anonymous", "The talks failed, [[said a Western diplomat]].");
  expectFlags("sourcing/anonymous",
              "It was a take-it-or-leave-it offer, [[said one official at the ministry.]]");
  expectFlags("sourcing/anonymous", "Police said an official was arrested on Monday.");
}

TEST_CASE("sourcing/anonymous: a source introduced before speaks again", "[rules]") {
  expectFlags("sourcing/anonymous", "It was close, [[the source said]].");
  expectFlags("sourcing/anonymous", "The person who won the lottery lives in Hull.");
}

TEST_CASE("sourcing/anonymous: anonymity granted anywhere in the sentence", "[rules]") {
  expectFlags("sourcing/anonymous",
              "The turnout was high, [[an election official told AFP, requesting anonymity]].");
  expectFlags("sourcing/anonymous",
              "[[A resident who declined to give her surname]] said the queues were long.");
  expectFlags("sourcing/anonymous",
              "[[An aide who was not authorised to comment]] confirmed the date.");
  expectFlags("sourcing/anonymous", "The minister declined to comment on the report.");
}

TEST_CASE("sourcing/anonymous: 'according to' an unnamed person", "[rules]") {
  expectFlags("sourcing/anonymous", "The gunman fled on foot, [[according to a witness]].");
  expectFlags("sourcing/anonymous",
              "The deal was worth more, [[according to one adviser]] to the board.");
  expectFlags("sourcing/anonymous", "The deal was worth more, according to Jan Kos.");
}

TEST_CASE("sourcing/anonymous: proximity qualifiers with no number", "[rules]") {
  expectFlags("sourcing/anonymous", "[[Those close to the coach]] expect him to stay.");
  expectFlags("sourcing/anonymous", "Those who close the gates leave at six.");
}

TEST_CASE("sourcing/vague: passive attribution with no one behind it", "[rules]") {
  expectFlags("sourcing/vague", "[[It is understood that]] the bid was withdrawn.");
  expectFlags("sourcing/vague", "[[It was learned]] that the mayor had resigned.");
  expectFlags("sourcing/vague", "It is clear that the bid was withdrawn.");
}

TEST_CASE("sourcing/anonymous: a source and its anonymity grant across a comma are one flag",
          "[rules]") {
  auto findings = dossier::rules_test::findingsOf(
      "An official with knowledge of the schedule, speaking on condition of anonymity, said "
      "the minister was away.");
  int anonymous = 0;
  for (const auto& f : findings)
    anonymous += f.code == "sourcing/anonymous";
  CHECK(anonymous == 1);
}
