// quotes/no-speaker: a direct quote nobody in the text is said to have said.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("quotes/no-speaker flags a free-standing quote with no speaker nearby", "[rules]") {
  expectFlags("quotes/no-speaker",
              "Meanwhile in the capital: “[[we are deeply concerned about the hysteria]]”. "
              "Every time.");
  expectFlags("quotes/no-speaker",
              "The port was quiet. “[[If every ship is a threat, the whole market is a threat,]]” "
              "is how one newsletter put it.");
}

TEST_CASE("quotes/no-speaker stays silent when the quote has a speaker", "[rules]") {
  expectFlags("quotes/no-speaker",
              "“We are deeply concerned about the hysteria,” Anna Holm said on Tuesday.");
  expectFlags("quotes/no-speaker",
              "The minister spoke briefly. “Nothing was agreed at that dinner, nothing at all.” "
              "She then left, the spokesman said.");
  expectFlags("quotes/no-speaker", "“We are deeply concerned about it,” he added.");
}

TEST_CASE("quotes/no-speaker skips quoted phrases, scare quotes and listed samples", "[rules]") {
  expectFlags("quotes/no-speaker", "The honest answer is “twelve, maybe fourteen, or fifteen”.");
  expectFlags("quotes/no-speaker", "“Do your own research” is the motto of this forum.");
  expectFlags("quotes/no-speaker", "The so-called “audit” was never published.");
  expectFlags("quotes/no-speaker",
              "A sample of the replies:\n\n- “Rockets sure, and I am the harbour master”\n");
}
