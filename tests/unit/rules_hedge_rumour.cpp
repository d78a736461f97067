// Hedge and rumour cues of general English beyond may and might: reports nobody names,
// speculation, claims circulating online, verification not yet done.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("hedge/unverified: 'according to reports'", "[rules]") {
  expectFlags("hedge/unverified", "The ship sank, [[according to local reports]].");
  expectFlags("hedge/unverified", "The ship sank, according to the coast guard.");
}

TEST_CASE("rumour/hearsay: speculation and claims circulating online", "[rules]") {
  expectFlags("rumour/hearsay", "[[There is speculation that]] the coach will leave.");
  expectFlags("rumour/hearsay", "[[Claims circulating on]] social media blamed the navy.");
  expectFlags("rumour/hearsay", "The coach is [[rumoured]] to be leaving.");
  expectFlags("rumour/hearsay", "The coach speculated about the weather.");
  expectFlags("rumour/hearsay", "Blood circulating in the body carries oxygen.");
}

TEST_CASE("rumour/unconfirmed: verification not yet done", "[rules]") {
  expectFlags("rumour/unconfirmed", "The figure [[could not immediately be verified]].");
  expectFlags("rumour/unconfirmed", "[[There was no independent confirmation]] of the toll.");
  expectFlags("rumour/unconfirmed", "The video shows [[unverified footage]] of the blast.");
  expectFlags("rumour/unconfirmed", "The ministry confirmed the toll on Friday.");
}

TEST_CASE("rumour/hearsay: rumours and speculation named by their usual words", "[rules]") {
  expectFlags("rumour/hearsay", "[[Rumours swirled]] that the club would be sold.");
  expectFlags("rumour/hearsay", "She [[denied the rumours]] of a split.");
  expectFlags("rumour/hearsay", "The move [[fuelled speculation]] about his future.");
  expectFlags("rumour/hearsay", "[[There are whispers]] that the deal is off.");
  expectFlags("rumour/hearsay", "She heard it [[through the grapevine]].");
  expectFlags("rumour/hearsay", "The photos [[circulated on Twitter]] within minutes.");
  // Near misses: speculation as a market activity, a whisper as a way of speaking.
  expectFlags("rumour/hearsay", "The central bank fought currency speculation in March.");
  expectFlags("rumour/hearsay", "She whispers to the child before the lights go out.");
  expectFlags("rumour/hearsay", "Money circulated through the economy faster than expected.");
}

TEST_CASE("rumour/unconfirmed: claims nobody would confirm", "[rules]") {
  expectFlags("rumour/unconfirmed", "The ministry [[declined to confirm]] the figure.");
  expectFlags("rumour/unconfirmed", "The police chief [[would not confirm]] the gang links.");
  expectFlags("rumour/unconfirmed", "The reports [[were unconfirmed]] on Friday night.");
  expectFlags("rumour/unconfirmed", "[[It is impossible to verify]] the video.");
  expectFlags("rumour/unconfirmed", "The ministry confirmed the figure on Friday.");
  expectFlags("rumour/unconfirmed", "The clerk will verify the votes on Monday.");
}

TEST_CASE("hedge/epistemic: likelihood, possibility adverbs, possibilities left open", "[rules]") {
  expectFlags("hedge/epistemic", "The building [[will likely]] be a total loss.");
  expectFlags("hedge/epistemic", "The strike [[is unlikely to]] end soon.");
  expectFlags("hedge/epistemic", "The flaw [[could potentially]] expose users.");
  expectFlags("hedge/epistemic", "Police have [[not ruled out]] foul play.");
  expectFlags("hedge/epistemic", "The log [[appears genuine]].");
  expectFlags("hedge/epistemic", "[[It would appear]] the fire began upstairs.");
  // Near misses: a likeness, a ruling, a ruler.
  expectFlags("hedge/epistemic", "The new mayor is a likeable man.");
  expectFlags("hedge/epistemic", "The court's ruling was final.");
  expectFlags("hedge/epistemic", "He drew a line with a ruler.");
}

TEST_CASE("hedge/unverified: passive attribution and reports nobody names", "[rules]") {
  expectFlags("hedge/unverified", "The man [[is thought to]] have fallen earlier.");
  expectFlags("hedge/unverified", "Three crew [[are feared dead]].");
  expectFlags("hedge/unverified", "He [[is suspected of]] fraud.");
  expectFlags("hedge/unverified", "[[There were reports]] of looting.");
  expectFlags("hedge/unverified", "The talks collapsed, [[local media reported]].");
  expectFlags("hedge/unverified", "She thought about the offer for a week.");
  expectFlags("hedge/unverified", "The ministry reported a surplus.");
}
