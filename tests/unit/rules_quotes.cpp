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

TEST_CASE("quotes/no-speaker skips a phrase the writer questions and a run of sample quotes",
          "[rules]") {
  // The writer's own question mark after the closing quote: the phrase is mocked, not reported.
  expectFlags("quotes/no-speaker",
              "That column was unreadable. “Our harbour, our hands, our future”? Who writes that?");
  // Quotes side by side are a sample of what is typically said.
  expectFlags("quotes/no-speaker",
              "It goes like this. “Free speech!” “Where is your proof?” “What about the envoy "
              "lunch then?” Yes, what about it?");
  // A near miss: one quote standing alone, with its own question mark inside, is still unowned.
  expectFlags("quotes/no-speaker",
              "It goes like this. “[[What about the envoy lunch then?]]” Yes, what about it?");
}

TEST_CASE("quotes/no-speaker: a lead-in before a colon that names who speaks owns the quote",
          "[rules]") {
  expectFlags("quotes/no-speaker",
              "Foreign accounts picked this up with glee: “their own spies confirm the switch "
              "exists”. Nobody else did.");
  // A lead-in that only sets the scene owns nothing.
  expectFlags("quotes/no-speaker",
              "Meanwhile in the north: “[[their own spies confirm the switch exists]]”. "
              "Nobody else did.");
}

TEST_CASE("quotes/no-speaker: wire layout, the speaker in the next one-sentence paragraph",
          "[rules]") {
  expectFlags("quotes/no-speaker",
              "The couple lived on the island.\n\n“They were not married very long, just a couple "
              "of years.”\n\nShe said the two grew up as neighbours.\n");
  // A near miss: the next paragraph names nobody who speaks.
  expectFlags("quotes/no-speaker",
              "The couple lived on the island.\n\n“[[They were not married very long, just a "
              "couple of years.]]”\n\nThe two grew up as neighbours.\n");
}

TEST_CASE("quotes/no-speaker: institutions and crowds speak too", "[rules]") {
  expectFlags("quotes/no-speaker",
              "“The suspect entered the business at four in the afternoon,” police said.");
  expectFlags("quotes/no-speaker",
              "The march reached parliament. “Do not bend your head down,” they chanted at the "
              "gates.");
  // A near miss: no verb of speech near anyone, the quote is unowned.
  expectFlags("quotes/no-speaker",
              "The march reached parliament. “[[Do not bend your head down.]]” Nobody moved.");
}
