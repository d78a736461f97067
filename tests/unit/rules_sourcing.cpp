// Sourcing, hedge and rumour rules: each shows a hit and a near miss.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("sourcing/anonymous flags unnamed sources, not the word 'source'", "[rules]") {
  expectFlags("sourcing/anonymous",
              "The deal is off, [[said three people familiar with the talks]]. "
              "[[A senior diplomat]] told reporters the vote would slip.");
  expectFlags("sourcing/anonymous",
              "[[An aide who spoke on condition of anonymity]] confirmed the date.");
  expectFlags("sourcing/anonymous", "The leak came from [[unnamed officials]] in the ministry.");
  expectFlags("sourcing/anonymous", "The source code of the app was published on Monday.");
  expectFlags("sourcing/anonymous", "Minister Anna Holm told reporters the vote would slip.");
}

TEST_CASE("sourcing/vague flags weasel attribution", "[rules]") {
  expectFlags("sourcing/vague", "[[Some analysts]] believe the plan will fail.");
  expectFlags("sourcing/vague", "[[Critics argue]] that the tender was rigged.");
  expectFlags("sourcing/vague", "The analysts at Nordbank wrote a 40-page report.");
}

TEST_CASE("hedge/epistemic flags modal hedges but not the month of May", "[rules]") {
  expectFlags("hedge/epistemic", "The fund [[may have been]] used elsewhere.");
  expectFlags("hedge/epistemic", "The minister [[appeared to]] contradict herself.");
  expectFlags("hedge/epistemic", "The vote was held in May and the result was clear.");
}

TEST_CASE("hedge/unverified flags claims passed on unchecked", "[rules]") {
  expectFlags("hedge/unverified", "The envoy [[reportedly]] met the minister twice.");
  expectFlags("hedge/unverified", "The yacht [[is said to]] belong to his brother.");
  expectFlags("hedge/unverified", "The envoy reported to the minister twice.");
}

TEST_CASE("rumour/hearsay flags rumour markers", "[rules]") {
  expectFlags("rumour/hearsay", "[[Word in the port is]] that the yard will close.");
  expectFlags("rumour/hearsay", "[[Rumour has it]] the mayor will resign.");
  expectFlags("rumour/hearsay", "The word is spelled with two letters.");
}

TEST_CASE("rumour/unconfirmed flags unverified framing", "[rules]") {
  expectFlags("rumour/unconfirmed", "The claim [[could not be independently verified]].");
  expectFlags("rumour/unconfirmed", "There were [[unconfirmed reports]] of shelling.");
  expectFlags("rumour/unconfirmed", "The ministry confirmed the figures on Tuesday.");
}

TEST_CASE("sourcing cues start at a word, never inside one", "[rules]") {
  expectFlags("sourcing/anonymous",
              "It was confirmed by [[several current and former U.S., European and Russian "
              "officials]].");
  expectFlags("sourcing/anonymous", "The European trade officer Jan Kos signed it.");
  expectFlags("sourcing/anonymous",
              "[[A senior administration official told reporters]] it was over.");
}
