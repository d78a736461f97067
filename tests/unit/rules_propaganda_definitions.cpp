// Propaganda cues written from the SemEval-2020 Task 11 technique definitions (one record per
// technique in server/data/rules/propaganda.tsv): each a hit and a near miss where the same words
// are literal or descriptive, as wire news uses them.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("propaganda/loaded-language: judgements, dismissals, charged nouns", "[rules]") {
  expectFlags("propaganda/loaded-language", "The [[draconian]] law punishes the poor.");
  expectFlags("propaganda/loaded-language", "The report is [[utter hogwash]].");
  expectFlags("propaganda/loaded-language", "The reform is a [[power grab]] by the cabinet.");
  expectFlags("propaganda/loaded-language", "Rioters threw garbage at the police.");
  expectFlags("propaganda/loaded-language", "The store was almost totally destroyed.");
  expectFlags("propaganda/loaded-language", "He was stabbed in the back by a stranger.");
}

TEST_CASE("propaganda/name-calling: labels of contempt and self-styled titles", "[rules]") {
  expectFlags("propaganda/name-calling", "The [[Kremlin apologists]] cheered the verdict.");
  expectFlags("propaganda/name-calling", "The [[self-styled guardians]] of the port objected.");
  expectFlags("propaganda/name-calling", "The [[armchair generals]] know nothing of war.");
  expectFlags("propaganda/name-calling", "The generals met in the capital on Monday.");
  expectFlags("propaganda/name-calling", "Security hacks exposed the users' data.");
}

TEST_CASE("propaganda/exaggeration: intensified judgements and minimisation", "[rules]") {
  expectFlags("propaganda/exaggeration", "The plan is [[completely useless]].");
  expectFlags("propaganda/exaggeration", "It was [[a storm in a teacup]].");
  expectFlags("propaganda/exaggeration", "The story was [[blown out of all proportion]].");
  expectFlags("propaganda/exaggeration", "The house was totally destroyed by the fire.");
}

TEST_CASE("propaganda/doubt: coincidence, wondering, something to hide", "[rules]") {
  expectFlags("propaganda/doubt", "[[Is it a coincidence]] that the file vanished?");
  expectFlags("propaganda/doubt", "The ministry surely [[has something to hide]].");
  expectFlags("propaganda/doubt", "The audit was [[conveniently timed]].");
  expectFlags("propaganda/doubt", "The two files vanished by coincidence, the clerk said.");
}

TEST_CASE("propaganda/fear: chaos that will follow, a way of life at stake", "[rules]") {
  expectFlags("propaganda/fear", "The plan [[will plunge the country into chaos]].");
  expectFlags("propaganda/fear", "[[Our way of life is under threat]].");
  expectFlags("propaganda/fear", "[[It is only a matter of time before]] they come here.");
  expectFlags("propaganda/fear", "Warming is a threat to the survival of the polar bear.");
}

TEST_CASE("propaganda/flag-waving: sacred soil, the nation's honour", "[rules]") {
  expectFlags("propaganda/flag-waving", "Such talk is [[un-American]].");
  expectFlags("propaganda/flag-waving", "We will defend [[the honour of our nation]].");
  expectFlags("propaganda/flag-waving", "[[Our forefathers fought]] for this harbour.");
  expectFlags("propaganda/flag-waving", "The rules protect our nation's biodiversity.");
}

TEST_CASE("propaganda/causal-oversimplification: one culprit for everything", "[rules]") {
  expectFlags("propaganda/causal-oversimplification", "They [[blame everything on]] the migrants.");
  expectFlags("propaganda/causal-oversimplification", "The minister [[is solely to blame]].");
  expectFlags("propaganda/causal-oversimplification", "The court will decide who is to blame.");
}

TEST_CASE("propaganda/appeal-to-authority: leading experts agree, trust the science", "[rules]") {
  expectFlags("propaganda/appeal-to-authority", "[[Leading scientists agree]] with us.");
  expectFlags("propaganda/appeal-to-authority", "[[Trust the science]] and stop asking.");
  expectFlags("propaganda/appeal-to-authority", "We do not believe the science is there yet.");
}

TEST_CASE("propaganda/bandwagon: join the millions, nobody believes it", "[rules]") {
  expectFlags("propaganda/bandwagon", "[[Join the millions]] who have switched.");
  expectFlags("propaganda/bandwagon", "[[Nobody believes this]] story any more.");
  expectFlags("propaganda/bandwagon", "Millions joined the service last year.");
}

TEST_CASE("propaganda/whataboutism: where was the outrage, the same people who", "[rules]") {
  expectFlags("propaganda/whataboutism", "[[Where was the outrage when]] they did it?");
  expectFlags("propaganda/whataboutism", "They [[lecture us about]] freedom.");
  expectFlags("propaganda/whataboutism", "The outrage grew after the vote.");
}

TEST_CASE("propaganda/thought-terminating-cliche: rules are rules, so be it", "[rules]") {
  expectFlags("propaganda/thought-terminating-cliche", "[[Rules are rules]], the mayor said.");
  expectFlags("propaganda/thought-terminating-cliche", "If they leave, [[so be it]].");
  expectFlags("propaganda/thought-terminating-cliche", "The rules are clear, the mayor said.");
}

TEST_CASE("propaganda/black-and-white: us or them, now or never", "[rules]") {
  expectFlags("propaganda/black-and-white", "[[It is us or them]].");
  expectFlags("propaganda/black-and-white", "You are [[part of the problem]] or of the cure.");
  expectFlags("propaganda/black-and-white", "Two options were on the table on Monday.");
}

TEST_CASE("propaganda/reductio-ad-hitlerum: echoes of the 1930s, likened to Hitler", "[rules]") {
  expectFlags("propaganda/reductio-ad-hitlerum", "The raids carry [[echoes of the Gestapo]].");
  expectFlags("propaganda/reductio-ad-hitlerum", "He [[likened the mayor to Hitler]].");
  expectFlags("propaganda/reductio-ad-hitlerum", "The museum shows the history of the Gestapo.");
}

TEST_CASE("propaganda/doubt: rhetorical questions in place of evidence", "[rules]") {
  expectFlags("propaganda/doubt", "[[Do they really expect us to believe this?]]");
  expectFlags("propaganda/doubt", "[[Is he really fit to lead the party?]]");
  expectFlags("propaganda/doubt", "[[What exactly are they covering up?]]");
  // Near misses: a question asked for its answer; a statement with "really".
  expectFlags("propaganda/doubt", "Do you expect the vote to pass on Monday?");
  expectFlags("propaganda/doubt", "They really expect the vote to pass.");
}
