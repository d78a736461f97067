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
