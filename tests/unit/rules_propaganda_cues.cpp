// Propaganda techniques from general cue lexicons (SemEval-2020 Task 11 definitions): each cue a
// hit and a near miss where the same words are plain description.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("propaganda/loaded-language: emotive judgements and contempt nouns", "[rules]") {
  expectFlags("propaganda/loaded-language", "It was a [[cynical]] attempt to rewrite history.");
  expectFlags("propaganda/loaded-language", "The [[tabloids]] called it a crisis.");
  expectFlags("propaganda/loaded-language",
              "The report was [[the same chorus of]] complaints as last year.");
  expectFlags("propaganda/loaded-language", "The school choir sang in the town hall.");
  // A label in short quotation marks is reported, not used.
  expectFlags("propaganda/loaded-language", "The paper ran the “smear” line again.");
}

TEST_CASE("propaganda/name-calling: group labels, 'regime', mocking nicknames", "[rules]") {
  expectFlags("propaganda/name-calling", "The [[globalists]] want open borders.");
  expectFlags("propaganda/name-calling", "Sanctions hit [[the Assad regime]] hard.");
  expectFlags("propaganda/name-calling", "[[The Jumper Queen]] has a plan for everything.");
  expectFlags("propaganda/name-calling", "The Queen opened the bridge on Monday.");
  expectFlags("propaganda/name-calling", "The new tax regime starts in April.");
  expectFlags("propaganda/name-calling", "Mods, please ban the word \"traitor\" here.");
}

TEST_CASE("propaganda/exaggeration: total failures and the whole world", "[rules]") {
  expectFlags("propaganda/exaggeration", "The launch was [[a complete disaster]].");
  expectFlags("propaganda/exaggeration", "The launch was completed on time.");
}

TEST_CASE("propaganda/doubt: scare quotes and evidence nobody produced", "[rules]") {
  expectFlags("propaganda/doubt", "The [[so-called “emergency”]] is on front pages only.");
  expectFlags("propaganda/doubt", "The so-called green belt surrounds the city.");
  expectFlags("propaganda/doubt",
              "[[Why would the navy need a foreign satellite service at all?]]");
  expectFlags("propaganda/doubt", "No one was hurt in the fire.");
}

TEST_CASE("propaganda/fear: threats of ruin and invasion", "[rules]") {
  expectFlags("propaganda/fear", "This plan [[will destroy our economy]].");
  expectFlags("propaganda/fear", "Act [[before it is too late]].");
  expectFlags("propaganda/fear", "The storm destroyed three boats.");
}

TEST_CASE("propaganda/flag-waving: pride of a people as the argument", "[rules]") {
  expectFlags("propaganda/flag-waving", "We are [[a proud people]] and we will not bow.");
  expectFlags("propaganda/flag-waving", "She was proud of her daughter.");
}

TEST_CASE("propaganda/causal-oversimplification: the one real reason", "[rules]") {
  expectFlags("propaganda/causal-oversimplification",
              "Greed [[is the real reason]] the plant closed.");
  expectFlags("propaganda/causal-oversimplification", "The reason for the delay is the weather.");
}

TEST_CASE("propaganda/black-and-white: two options only", "[rules]") {
  expectFlags("propaganda/black-and-white",
              "[[Either they want cheap energy, or they want games]].");
  expectFlags("propaganda/black-and-white", "They [[cannot have both]].");
  expectFlags("propaganda/black-and-white", "Either way, the ferry leaves at six.");
}

TEST_CASE("propaganda/whataboutism and bandwagon", "[rules]") {
  expectFlags("propaganda/whataboutism",
              "[[Nobody in the alliance complained]] when it happened to us.");
  expectFlags("propaganda/whataboutism", "Nobody complained about the noise.");
  expectFlags("propaganda/bandwagon", "[[More and more people are]] turning away from it.");
  expectFlags("propaganda/bandwagon", "More rain is expected on Tuesday.");
}
