// Propaganda techniques: lexicon and pattern cues, and slogans and repetition by form.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("propaganda cues: a hit and a near miss each", "[rules]") {
  expectFlags("propaganda/loaded-language", "The [[reckless]] budget is a [[witch-hunt]].");
  expectFlags("propaganda/loaded-language", "The budget passed by four votes.");
  expectFlags("propaganda/name-calling", "Nobody listens to [[this clown]] any more.");
  expectFlags("propaganda/name-calling", "The circus hired a clown for the children.");
  expectFlags("propaganda/exaggeration", "It was [[the worst disaster in history]].");
  expectFlags("propaganda/exaggeration", "It was the worst storm of the month.");
  // News ranks an event against a record or among others; that measures, it does not inflate.
  expectFlags("propaganda/exaggeration", "It was one of the largest jewel heists in history.");
  expectFlags("propaganda/exaggeration", "Athens saw the worst riots Greece has seen in decades.");
  expectFlags("propaganda/doubt", "[[Can we really trust anything Director Hale says?]]");
  expectFlags("propaganda/doubt", "Can we meet on Tuesday?");
  expectFlags("propaganda/fear", "[[If we do not act now]], the town will flood.");
  expectFlags("propaganda/flag-waving", "[[No true patriot]] would oppose the bridge.");
  expectFlags("propaganda/flag-waving", "The patriotic song was played at noon.");
  expectFlags("propaganda/causal-oversimplification",
              "Prices rose [[all because of one]] bad minister.");
  expectFlags("propaganda/appeal-to-authority",
              "[[As every serious economist will tell you]], tariffs fail.");
  expectFlags("propaganda/black-and-white", "[[Either you back the plan or you back chaos.]]");
  expectFlags("propaganda/black-and-white", "The ferry leaves at either six or seven.");
  expectFlags("propaganda/thought-terminating-cliche", "[[It is what it is]], move on.");
  expectFlags("propaganda/whataboutism", "[[What about their scandal last year?]]");
  expectFlags("propaganda/whataboutism", "What about the weather made the trip late was unclear.");
  expectFlags("propaganda/bandwagon", "[[Everyone knows the vote was rigged]].");
  expectFlags("propaganda/bandwagon", "Everyone was invited to the meeting.");
  expectFlags("propaganda/reductio-ad-hitlerum", "This is just [[like the Nazis]].");
}

TEST_CASE("propaganda/slogan: parallel or shouted short phrases", "[rules]") {
  expectFlags("propaganda/slogan", "They marched and chanted [[Our harbour, our hands]].");
  expectFlags("propaganda/slogan", "[[STOP THE DEAL!]]");
  expectFlags("propaganda/slogan", "The port, the city and the region agreed.");
  // A parallel pair that runs on as a list is an enumeration, not a slogan.
  expectFlags("propaganda/slogan",
              "There are things we do not sell: our language, our votes, and our water.");
  expectFlags("propaganda/slogan", "Same company, same port, different contract.");
  // Cut off by a dash, the pair still stands alone.
  expectFlags("propaganda/slogan", "[[Our harbour, our hands]] — or nobody's harbour at all.");
}

TEST_CASE("propaganda/repetition: a short sentence restated in one document", "[rules]") {
  expectFlags("propaganda/repetition",
              "[[Never again.]] We said it in 1990. [[Never again.]] We say it now.");
  expectFlags("propaganda/repetition", "Never again. We said it in 1990 and mean it.");
  // An attribution tag after each quote is the form of reporting, not a restated claim.
  expectFlags("propaganda/repetition",
              "“We were ready,” the coach said. “We were not lucky.” Fanning said. “We played "
              "well.” Fanning said. “We will be back.” Fanning said.");
}

TEST_CASE("propaganda cues are general English, not one text's words", "[rules]") {
  expectFlags("propaganda/name-calling", "Everyone says the senator [[is a loser]].");
  expectFlags("propaganda/name-calling", "The [[lackeys]] of the board voted again.");
  expectFlags("propaganda/name-calling", "He met a dictator's former doctor in 1990.");
  expectFlags("propaganda/exaggeration", "The claim is [[absolutely ludicrous]].");
  expectFlags("propaganda/exaggeration", "It was [[only a minor glitch]], the firm said.");
  expectFlags("propaganda/exaggeration", "The plan is absolutely certain to pass.");
  expectFlags("propaganda/fear", "The mine [[will destroy our town]].");
  expectFlags("propaganda/fear", "It is [[a threat to our children]].");
  expectFlags("propaganda/fear", "The storm destroyed two barns.");
  expectFlags("propaganda/flag-waving", "We must [[defend our homeland]].");
  expectFlags("propaganda/causal-oversimplification",
              "[[The only reason for]] the deficit is waste.");
  expectFlags("propaganda/causal-oversimplification", "One reason for the deficit is waste.");
  expectFlags("propaganda/appeal-to-authority", "[[Experts agree]], so the debate is over.");
  expectFlags("propaganda/black-and-white", "[[There is no alternative]] to the plan.");
  expectFlags("propaganda/thought-terminating-cliche", "We lost. [[Simple as that]].");
  expectFlags("propaganda/thought-terminating-cliche", "The recipe is simple and fast.");
  expectFlags("propaganda/doubt", "[[Who benefits?]] Nobody asks.");
  expectFlags("propaganda/bandwagon", "[[Everybody agrees]] on that.");
  expectFlags("propaganda/reductio-ad-hitlerum", "It was a [[Nazi-style]] purge.");
  expectFlags("propaganda/reductio-ad-hitlerum", "The museum covers the years 1933 to 1945.");
}

TEST_CASE("propaganda/repetition flags anaphora: sentences opening with the same words",
          "[rules]") {
  expectFlags("propaganda/repetition",
              "[[Never again]] should we let a foreign company decide our winter. [[Never "
              "again]] should a minister stand in front of cameras and shrug. [[Never again]] "
              "should our children study in coats.");
  // Reporting rhythm: a name or "he said" opening sentences is not rhetoric.
  expectFlags("propaganda/repetition",
              "Jonas Berg said the cap would hold this winter. Jonas Berg added that the "
              "storage was full enough. Jonas Berg then left the hall without questions.");
  expectFlags("propaganda/repetition",
              "Never again should we wait. The minister spoke at length about the storage. "
              "Never again should we ask.");
}

TEST_CASE("propaganda/slogan flags the quoted words a text calls a slogan", "[rules]") {
  expectFlags("propaganda/slogan",
              "The party's own slogan, “[[Warm Homes, Strong Nation]]”, was printed everywhere.");
  expectFlags("propaganda/slogan", "The party printed “warm homes for every family” on posters.");
}

TEST_CASE("propaganda/loaded-language: terms of law and sport are not loaded", "[rules]") {
  expectFlags("propaganda/loaded-language", "The minister's plan is [[reckless]] and unfunded.");
  expectFlags("propaganda/loaded-language",
              "She began a stay after a reckless driving conviction.");
  expectFlags("propaganda/loaded-language", "He landed a vicious right hand in the fifth round.");
  expectFlags("propaganda/loaded-language", "Armed men carried out a brazen robbery on Friday.");
}
