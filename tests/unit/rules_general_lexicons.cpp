// The second, general cue lexicons (server/data/rules/*-general.tsv): each family a hit and a near
// miss where the same words are plain description or a reported label.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("general loaded language: judgement words, emotive verbs, sarcasm", "[rules]") {
  expectFlags("propaganda/loaded-language", "The minister gave another [[smug]] speech.");
  expectFlags("propaganda/loaded-language", "They keep [[peddling lies]] about the port.");
  expectFlags("propaganda/loaded-language", "The hearing was [[a publicity stunt]].");
  expectFlags("propaganda/loaded-language", "They cut the budget again. [[How very generous]].");
  expectFlags("propaganda/loaded-language", "He was peddling cigarettes outside the station.");
  expectFlags("propaganda/loaded-language", "Critics called me heartless for saying it.");
}

TEST_CASE("general name calling: labels, group epithets, nicknames, gangs", "[rules]") {
  expectFlags("propaganda/name-calling", "The [[fat cats]] in the capital got richer.");
  expectFlags("propaganda/name-calling", "Only the [[Russophobes]] believe that.");
  expectFlags("propaganda/name-calling", "[[Crooked Hale]] signed the deal.");
  expectFlags("propaganda/name-calling", "[[The Berg clique]] wants a war.");
  expectFlags("propaganda/name-calling", "I am not a party shill, whatever they say.");
  expectFlags("propaganda/name-calling", "Little Rock hosted the conference.");
}

TEST_CASE("general fear: ruin, the wolf at the door, the enemy within", "[rules]") {
  expectFlags("propaganda/fear", "If this passes, [[our fishermen will be wiped out]].");
  expectFlags("propaganda/fear", "There is [[a catastrophe waiting to happen]] in the strait.");
  expectFlags("propaganda/fear", "The fire wiped out three warehouses.");
}

TEST_CASE("general flag-waving: the nation, its forebears and its hands", "[rules]") {
  expectFlags("propaganda/flag-waving", "[[Every Veskarian family knows]] what this means.");
  expectFlags("propaganda/flag-waving", "[[We are a people who]] do not beg.");
  expectFlags("propaganda/flag-waving", "[[For centuries, our sailors]] have kept this sea.");
  expectFlags("propaganda/flag-waving", "Every family received a letter from the council.");
}

TEST_CASE("general exaggeration and causal oversimplification", "[rules]") {
  expectFlags("propaganda/exaggeration", "This is [[the biggest scandal of our time]].");
  expectFlags("propaganda/exaggeration", "They sold [[everything that isn’t nailed down]].");
  expectFlags("propaganda/exaggeration", "It was the biggest storm of the season.");
  expectFlags("propaganda/causal-oversimplification",
              "[[The only reason]] prices rose is the new minister.");
  expectFlags("propaganda/causal-oversimplification",
              "Prices rose [[because of the greed of]] the suppliers.");
  expectFlags("propaganda/causal-oversimplification", "Prices rose because of the cold winter.");
}

TEST_CASE("general doubt: remaining questions, suspicious timing, no shred of proof", "[rules]") {
  expectFlags("propaganda/doubt", "[[Questions remain about]] who paid for the trip.");
  expectFlags("propaganda/doubt", "[[The timing is suspicious]], to say the least.");
  expectFlags("propaganda/doubt", "They offered [[not a shred of evidence]].");
  expectFlags("propaganda/doubt", "The timing of the vote is Tuesday.");
}

TEST_CASE("general vague sourcing: the unnamed crowd, those who say, widely seen", "[rules]") {
  expectFlags("sourcing/vague", "[[Many fear]] the plant will close.");
  expectFlags("sourcing/vague", "[[There are those who say]] the vote was rigged.");
  expectFlags("sourcing/vague", "[[It has been argued that]] the tax is unfair.");
  expectFlags("sourcing/vague", "The deal [[is widely seen as]] a defeat.");
  expectFlags("sourcing/vague", "[[In some circles]] the plan is already dead.");
  expectFlags("sourcing/vague", "The account came from [[people unhappy with the]] tender.");
  expectFlags("sourcing/vague", "Many of the 40 workers were injured in the blast.");
  expectFlags("sourcing/vague", "He is described by some business papers as rich.");
}

TEST_CASE("general anonymous sourcing: the source's circle, identification refused", "[rules]") {
  expectFlags("sourcing/anonymous",
              "The plan was drafted in March, [[a source close to the minister’s office]] said.");
  expectFlags("sourcing/anonymous",
              "A clerk, [[who declined to be identified]], confirmed the order.");
  expectFlags("sourcing/anonymous", "A dozen people inside the party office were evacuated.");
}

TEST_CASE("general hearsay and conditional claims", "[rules]") {
  expectFlags("rumour/hearsay", "[[According to rumours]] the mayor will resign.");
  expectFlags("rumour/hearsay", "[[There are whispers]] of a deal.");
  expectFlags("rumour/hearsay", "She whispered the answer to her neighbour.");
  expectFlags("hedge/unverified", "[[If the reports are true]], the ship never left port.");
  expectFlags("hedge/unverified", "If the weather is good, the ship leaves at six.");
}

TEST_CASE("general loaded language: invented accusations, hysteria, crying wolf", "[rules]") {
  expectFlags("propaganda/loaded-language", "The ministry rejected the [[baseless accusations]].");
  expectFlags("propaganda/loaded-language", "The [[anti-Drovnian hysteria]] goes on.");
  expectFlags("propaganda/loaded-language", "The minister [[rushed to blame]] the neighbours.");
  expectFlags("propaganda/loaded-language", "The court dismissed the charges on Monday.");
}

TEST_CASE("general name calling: masters, handlers and paymasters", "[rules]") {
  expectFlags("propaganda/name-calling",
              "The envoy only repeats what [[his masters in Brekka]] say.");
  expectFlags("propaganda/name-calling",
              "The bloggers and [[their foreign paymasters]] are quiet.");
  expectFlags("propaganda/name-calling",
              "He believed he was a slave rebelling against his masters.");
}

TEST_CASE("general exaggeration, causes and fear: masses, roots, losing everything", "[rules]") {
  expectFlags("propaganda/exaggeration", "The paper printed [[a tsunami of lies]] this week.");
  expectFlags("propaganda/exaggeration", "The tsunami of 2004 reached the coast in an hour.");
  expectFlags("propaganda/causal-oversimplification",
              "[[None of this would have happened if]] the port had stayed ours.");
  expectFlags("propaganda/causal-oversimplification", "None of the crew was hurt.");
  expectFlags("propaganda/fear", "[[Unless we act]], the gas will stop.");
  expectFlags("propaganda/fear", "[[We could lose everything]] by spring.");
  expectFlags("propaganda/fear", "The team could lose its coach by spring.");
}
