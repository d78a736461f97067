// Profanity, plain and obfuscated, and the Scunthorpe guard.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("profanity/plain flags listed words and their compounds", "[rules]") {
  expectFlags("profanity/plain", "[[Shit]], that was a [[shitshow]] run by [[dickheads]].");
  expectFlags("profanity/plain", "What a load of [[bullshit]].");
}

TEST_CASE("profanity/plain leaves innocent words that contain a listed string", "[rules]") {
  expectFlags("profanity/plain",
              "Scunthorpe United will assess the cocktail of options; Essex and Dickens class.");
  expectFlags("profanity/obfuscated", "A well-known as-is sale in Middlesex, G7 summit, 1990s.");
}

TEST_CASE("profanity/obfuscated flags masked, leet and stretched spellings", "[rules]") {
  expectFlags("profanity/obfuscated",
              "That is [[bullsh-t]], [[f–king]] [[sh*t]], a [[f#cking]] mess, [[cr@p]].");
  expectFlags("profanity/obfuscated", "Oh [[sh1t]], [[fuuuuck]] this, [[b*llocks]]!");
  expectFlags("profanity/obfuscated", "Total [[f.u.c.k]] up.");
}
