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

TEST_CASE("sourcing/anonymous: an unnamed source must speak or be cited, not just appear",
          "[rules]") {
  expectFlags("sourcing/anonymous",
              "[[Two officials at the finance ministry said]] the budget would slip.");
  expectFlags("sourcing/anonymous", "The minister denied meeting a foreign diplomat in March.");
  expectFlags("sourcing/anonymous",
              "Three people were briefed. [[Another said]] the talks had stalled.");
  expectFlags("sourcing/anonymous", "It has won one of the last five contracts in the port.");
  expectFlags("sourcing/anonymous",
              "The ministry held a meeting. [[Two of the officials]] left early, and "
              "[[one of them said]] nothing was agreed.");
}

TEST_CASE("sourcing/vague: vague groups inside an organisation, not counted people", "[rules]") {
  expectFlags("sourcing/vague", "[[Some in the governing party]] want an early vote.");
  expectFlags("sourcing/vague", "[[Some of its own candidates]] doubt the plan.");
  expectFlags("sourcing/vague", "[[Others caution]] against reading too much into it.");
  expectFlags("sourcing/vague", "Several of the country’s power plants burn gas.");
  expectFlags("sourcing/vague", "Two people were briefed. The same two people said it was over.");
}

TEST_CASE("hedge/epistemic: may of permission and embedded questions are not hedges", "[rules]") {
  expectFlags("hedge/epistemic", "The plant [[may]] close next year, the union fears.");
  expectFlags("hedge/epistemic",
              "Under the terms of the motion, the committee may summon ministers and may "
              "require documents.");
  expectFlags("hedge/epistemic", "The company did not say when the station might reopen.");
  expectFlags("hedge/epistemic", "The mayor said maybe twenty people came.");
  expectFlags("hedge/epistemic", "It is possible. It is what it is.");
  expectFlags("hedge/epistemic", "[[It is possible that]] the vote slips.");
}

TEST_CASE("sourcing/vague: adverbials and police deputies are not vague groups", "[rules]") {
  expectFlags("sourcing/vague", "[[Some in the party]] had hoped for a rally.");
  expectFlags("sourcing/vague", "He shot two others in an effort to escape.");
  expectFlags("sourcing/vague", "Why were so many in the first place?");
  expectFlags("sourcing/vague", "Marion County deputies said the driver fled.");
}

TEST_CASE("sourcing/vague: a group named only by its kind speaks", "[rules]") {
  expectFlags("sourcing/vague", "[[Environmentalists argued]] that the change was harmful.");
  expectFlags("sourcing/vague", "The law, [[rights groups say]], targets the poor.");
  expectFlags("sourcing/vague", "Police, whom [[residents say]] are biased, made arrests.");
  // Near misses: the institution names the source; the group is the subject, not the speaker.
  expectFlags("sourcing/vague", "Scientists at the University of Oslo said the ice was thin.");
  expectFlags("sourcing/vague", "Residents were evacuated on Friday.");
}

TEST_CASE("sourcing/anonymous: anonymity in other words, and its rationale", "[rules]") {
  expectFlags("sourcing/anonymous", "The deal is off, [[one aide said, speaking anonymously]].");
  expectFlags("sourcing/anonymous", "The plan exists, [[an aide said, speaking on background]].");
  expectFlags("sourcing/anonymous",
              "The talks stalled, [[said an engineer who was not allowed to speak]] publicly.");
  expectFlags("sourcing/anonymous",
              "The aide spoke on [[condition of anonymity because the talks are private]].");
  expectFlags("sourcing/anonymous", "The ban will stand, [[people privy to the talks]] said.");
  expectFlags("sourcing/anonymous", "The ban will stand, [[an analyst said]].");
  // Near misses: a named source; a rule about speaking; anonymity that is the story's subject.
  expectFlags("sourcing/anonymous", "The ban will stand, the analyst Maria Olsen said.");
  expectFlags("sourcing/anonymous", "Pupils are not allowed to talk during the exam.");
  expectFlags("sourcing/anonymous", "The app lets users post anonymously.");
}
