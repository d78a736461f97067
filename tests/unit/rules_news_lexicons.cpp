// The third cue lexicons (server/data/rules/propaganda-news.tsv, attribution-news.tsv): the
// everyday vocabulary of each technique in news comment. Each group a hit and a near miss where the
// same words are literal, legal or a name.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("news loaded language: emotive words, charged phrases", "[rules]") {
  expectFlags("propaganda/loaded-language", "It was an [[atrocious]] decision by the council.");
  expectFlags("propaganda/loaded-language", "The [[slaughter]] of the villagers went on for days.");
  expectFlags("propaganda/loaded-language", "They [[rammed the bill through]] before the holiday.");
  expectFlags("propaganda/loaded-language", "This is a [[war on motorists]], plain and simple.");
  expectFlags("propaganda/loaded-language", "The [[woke mob]] has found a new target.");
  expectFlags("propaganda/loaded-language", "Honestly, [[this is insane]].");
  // near misses: animals slaughtered for food, a surname, a charge in law
  expectFlags("propaganda/loaded-language", "The farm slaughtered 300 cattle after the outbreak.");
  expectFlags("propaganda/loaded-language", "Guard A.J. Slaughter scored 20 points.");
  expectFlags("propaganda/loaded-language", "He was found legally insane at the second trial.");
  expectFlags("propaganda/loaded-language", "The ban on cruel and unusual punishment applies.");
  expectFlags("propaganda/loaded-language", "Nobody needs to invade us to make us look stupid.");
}

TEST_CASE("news name calling: labels for people, groups and the press", "[rules]") {
  expectFlags("propaganda/name-calling", "The [[hypocrites]] in parliament voted for it anyway.");
  expectFlags("propaganda/name-calling", "What the [[mainstream media]] won't report is the cost.");
  expectFlags("propaganda/name-calling", "The [[radical left]] wants open borders.");
  expectFlags("propaganda/name-calling", "The [[so-called experts]] were wrong again.");
  expectFlags("propaganda/name-calling", "He is a [[Kremlin apologist]] and always was.");
  // near misses: a party's name, a puppet on a stage
  expectFlags("propaganda/name-calling", "The Coalition of Radical Left has declared support.");
  expectFlags("propaganda/name-calling", "The children watched the puppets in the park.");
  expectFlags("propaganda/name-calling", "Common loons nest on the lake.");
  expectFlags("propaganda/name-calling", "The Nazis invaded Poland in 1939.");
}

TEST_CASE("news exaggeration and minimisation", "[rules]") {
  expectFlags("propaganda/exaggeration", "The rollout was [[a colossal failure]].");
  expectFlags("propaganda/exaggeration",
              "It is [[the biggest cover-up in history]], and nobody cares.");
  expectFlags("propaganda/exaggeration", "The leak was [[merely a minor technical incident]].");
  expectFlags("propaganda/exaggeration", "The fine is [[a slap on the wrist]].");
  // near misses: a plain record, a minor injury reported
  expectFlags("propaganda/exaggeration", "It was one of the biggest heists in Paris.");
  expectFlags("propaganda/exaggeration", "He suffered a minor injury in the second half.");
  expectFlags("propaganda/exaggeration", "He insisted it was not an isolated incident.");
}

TEST_CASE("news doubt: stories that do not add up, what we are asked to believe", "[rules]") {
  expectFlags("propaganda/doubt", "The official account [[simply doesn't add up]].");
  expectFlags("propaganda/doubt", "And [[we are supposed to believe]] it was an accident?");
  expectFlags("propaganda/doubt", "The minister has [[a long history of lying]] to the house.");
  expectFlags("propaganda/doubt", "The figures add up to a 3 percent rise.");
}

TEST_CASE("news fear: the end of the nation, danger on the streets", "[rules]") {
  expectFlags("propaganda/fear", "This bill [[will be the end of our democracy]].");
  expectFlags("propaganda/fear", "Criminals [[roam our streets]] at night.");
  expectFlags("propaganda/fear", "Climate change is [[an existential threat]] to islands.");
  expectFlags("propaganda/fear", "The season will end on Sunday in our city.");
}

TEST_CASE("news vague attribution and hearsay", "[rules]") {
  expectFlags("sourcing/vague", "[[Critics contend]] the tax will fall on the poor.");
  expectFlags("sourcing/vague", "[[Some might argue]] the port is safe.");
  expectFlags("sourcing/vague", "[[It is widely accepted that]] the plan failed.");
  expectFlags("sourcing/vague", "The committee accepted the plan on Tuesday.");
  expectFlags("rumour/hearsay", "[[The rumour is]] that he will quit.");
  expectFlags("rumour/hearsay", "Stories about the deal [[are doing the rounds]] in town.");
  expectFlags("rumour/hearsay", "The doctor was doing the rounds of the ward at six.");
}

TEST_CASE("news general forms: theatre, invented threats, crowds and experts as proof", "[rules]") {
  expectFlags("propaganda/loaded-language",
              "They are [[turning a routine audit into a media circus]].");
  expectFlags("propaganda/loaded-language", "You are [[inventing threats]] to feel important.");
  expectFlags("propaganda/loaded-language", "The firm turned the old mill into a hotel.");
  expectFlags("propaganda/exaggeration",
              "They sold everything that [[isn't nailed to the floor]].");
  expectFlags("propaganda/exaggeration", "The shelves are nailed to the wall.");
  expectFlags("propaganda/bandwagon", "[[Everyone on the trading floor knows]] it.");
  expectFlags("propaganda/bandwagon", "Ask the pilots: [[not one of them believes]] the minister.");
  expectFlags("propaganda/bandwagon", "Everyone on the ship was rescued.");
  expectFlags("propaganda/appeal-to-authority",
              "[[Every serious naval strategist in the alliance knows]] this.");
  expectFlags("propaganda/appeal-to-authority",
              "[[Any engineer in the world will tell you]] the pipe was overloaded.");
  expectFlags("propaganda/appeal-to-authority", "An engineer told the inquiry the pipe was old.");
}

TEST_CASE("news commonest spans: sensational words, verbal attack, slurs, hordes", "[rules]") {
  expectFlags("propaganda/loaded-language", "The report makes [[shocking]] reading.");
  expectFlags("propaganda/loaded-language", "The senator [[lashed out at]] the press.");
  expectFlags("propaganda/loaded-language", "He [[tore into]] the budget on live radio.");
  expectFlags("propaganda/loaded-language", "The lorry hit a wall and tore a fence down.");
  expectFlags("propaganda/loaded-language", "The quake hit at 3 a.m. local time.");
  expectFlags("propaganda/loaded-language", "The visitors tore into the second half.");
  expectFlags("propaganda/loaded-language", "A cruel winter killed half the flock.");
  expectFlags("propaganda/name-calling", "The [[libtards]] will never accept the result.");
  expectFlags("propaganda/name-calling", "The [[infidels]] will be driven out, he said.");
  expectFlags("propaganda/name-calling", "Two heretics were burned at Smithfield in 1555.");
  expectFlags("propaganda/name-calling", "The library lent out three books.");
  expectFlags("propaganda/fear", "[[Hordes of migrants]] are massing at the border.");
  expectFlags("propaganda/fear", "Hordes of fans filled the square after the match.");
}

TEST_CASE("news weasel forms: agentless concern, unnamed nationalities, bodies of evidence",
          "[rules]") {
  expectFlags("sourcing/vague", "[[Questions have been raised]] about the contract.");
  expectFlags("sourcing/vague", "[[Many Americans believe]] the economy is rigged.");
  expectFlags("sourcing/vague", "[[It has emerged that]] the firm paid no tax.");
  expectFlags("sourcing/vague", "[[A number of residents have complained]] about the noise.");
  expectFlags("sourcing/vague", "[[Critics point to]] the cost.");
  expectFlags("sourcing/vague", "The mayor raised questions about the contract.");
  expectFlags("sourcing/vague", "Many Americans travelled home for the holiday.");
  expectFlags("rumour/hearsay", "[[There has been talk of]] a merger.");
  expectFlags("hedge/unverified", "[[Reports have emerged that]] the mayor resigned.");
  expectFlags("rumour/hearsay", "The chairman gave a talk about the merger.");
}

TEST_CASE("news op-ed staples: weaponised, stop at nothing, liars by nature, rights taken away",
          "[rules]") {
  expectFlags("propaganda/loaded-language", "They [[weaponized]] the tax office against critics.");
  expectFlags("propaganda/loaded-language", "His enemies [[will stop at nothing]].");
  expectFlags("propaganda/loaded-language", "The army had weaponized anthrax in the 1980s.");
  expectFlags("propaganda/name-calling", "The man is a [[pathological liar]].");
  expectFlags("propaganda/name-calling", "The witness admitted he had lied to the court.");
  expectFlags("propaganda/fear", "They want to [[take away your guns]].");
  expectFlags("propaganda/fear", "[[Our very existence as a nation is at stake]].");
  expectFlags("propaganda/fear", "Take away your rubbish before you leave the park.");
}

TEST_CASE("news compounds, epithets, stock hyperbole and conditional ruin", "[rules]") {
  expectFlags("propaganda/name-calling", "The [[tax-and-spend liberals]] are at it again.");
  expectFlags("propaganda/name-calling", "The [[failing Courier]] printed another lie.");
  expectFlags("propaganda/name-calling", "The paper was failing before the sale.");
  expectFlags("propaganda/name-calling", "She bought a well-loved Ford from a neighbour.");
  expectFlags("propaganda/exaggeration", "[[We have never seen anything like it]].");
  expectFlags("propaganda/exaggeration", "The damage is [[beyond all comprehension]].");
  expectFlags("propaganda/exaggeration", "The strike [[is just a publicity stunt]].");
  expectFlags("propaganda/exaggeration", "The market opens every day at nine.");
  expectFlags("propaganda/fear", "Gangs bring [[chaos on our streets]].");
  expectFlags("propaganda/fear",
              "[[If this treaty passes, our farmers will be wiped out]] within a year.");
  expectFlags("propaganda/fear", "If the rain stops, the match will resume.");
}

TEST_CASE("news doubt in stock forms: rhetorical questions, tatters, holes, so-called evidence",
          "[rules]") {
  expectFlags("propaganda/doubt",
              "[[Is this really the man we want leading the country?]] I doubt it.");
  expectFlags("propaganda/doubt", "His [[credibility is now in tatters]].");
  expectFlags("propaganda/doubt", "The report [[raises more questions than it answers]].");
  expectFlags("propaganda/doubt", "The official story [[does not smell right]].");
  expectFlags("propaganda/doubt", "Is this the road to the station?");
  expectFlags("propaganda/doubt", "The flag was in tatters after the storm.");
  expectFlags("propaganda/doubt", "The inquiry answered the questions it was asked.");
}

TEST_CASE("news flag-waving, false dilemmas, one cause, clichés and slogans", "[rules]") {
  expectFlags("propaganda/flag-waving", "[[As Americans, we must]] stand together.");
  expectFlags("propaganda/flag-waving", "[[Our brave troops]] deserve better.");
  expectFlags("propaganda/flag-waving", "The troops left the base on Monday.");
  expectFlags("propaganda/black-and-white",
              "[[If you oppose the wall, you support open borders]].");
  expectFlags("propaganda/black-and-white",
              "If you oppose the plan, you can write to the council.");
  expectFlags("propaganda/causal-oversimplification",
              "[[Ever since the reform passed, things have gone downhill]].");
  expectFlags("propaganda/causal-oversimplification",
              "Ever since the reform passed, he has lived abroad.");
  expectFlags("propaganda/thought-terminating-cliche", "[[Enough is enough]].");
  expectFlags("propaganda/thought-terminating-cliche", "There was enough food for everyone.");
  expectFlags("propaganda/slogan", "The crowd chanted [[lock her up]].");
  expectFlags("propaganda/slogan", "The guard forgot to lock the gate.");
}

TEST_CASE("news comment-page vocabulary: rants, sewers, minions, total failures", "[rules]") {
  expectFlags("propaganda/loaded-language",
              "The senator went on another [[rant]] about the press.");
  expectFlags("propaganda/loaded-language", "Parliament has become [[a cesspool]].");
  expectFlags("propaganda/loaded-language", "The left is [[in full meltdown]] over the verdict.");
  expectFlags("propaganda/loaded-language", "Engineers feared a nuclear meltdown at the plant.");
  expectFlags("propaganda/loaded-language", "Tyson Fury won the fight on points.");
  expectFlags("propaganda/name-calling", "The minister and [[his minions]] refused to answer.");
  expectFlags("propaganda/exaggeration", "The scheme was [[a total failure]].");
  expectFlags("propaganda/exaggeration", "The scheme failed to meet its target.");
}

TEST_CASE("news adverbs of judgement", "[rules]") {
  expectFlags("propaganda/loaded-language", "The board [[shamelessly]] ignored the warnings.");
  expectFlags("propaganda/loaded-language", "The media [[slavishly]] repeated the claim.");
  expectFlags("propaganda/loaded-language", "The board quickly answered the warnings.");
}

TEST_CASE("news name calling by form: lapdogs, in-chief, fools, contemptuous roles, mock titles",
          "[rules]") {
  expectFlags("propaganda/name-calling", "The premier is [[Washington's lapdog]].");
  expectFlags("propaganda/name-calling", "The [[liar-in-chief]] spoke again today.");
  expectFlags("propaganda/name-calling", "Only [[windbags]] talk like that.");
  expectFlags("propaganda/name-calling", "The [[incompetent government]] has failed again.");
  expectFlags("propaganda/name-calling", "Here comes [[Mr Austerity]] with his cuts.");
  expectFlags("propaganda/name-calling", "The commander-in-chief visited the troops.");
  expectFlags("propaganda/name-calling", "Mr Smith's poodle won first prize at the show.");
  expectFlags("propaganda/name-calling", "He was found incompetent to stand trial.");
}

TEST_CASE("regime: a government labelled, not a system of rules", "[rules]") {
  expectFlags("propaganda/name-calling", "[[The Assad regime]] bombed the city again.");
  expectFlags("propaganda/name-calling", "The sanctions regime was tightened on Monday.");
  expectFlags("propaganda/name-calling", "Sanctions regime changes were announced by the EU.");
  expectFlags("propaganda/name-calling", "The Schengen visa regime allows free travel.");
  expectFlags("propaganda/name-calling", "She follows a strict training regime before races.");
}

TEST_CASE("news fear and excess in stock forms", "[rules]") {
  expectFlags("propaganda/fear", "We are [[sleepwalking into]] disaster.");
  expectFlags("propaganda/fear", "Our cities are [[becoming war zones]].");
  expectFlags("propaganda/fear", "This could [[trigger World War Three]].");
  expectFlags("propaganda/fear", "The museum covers the First World War.");
  expectFlags("propaganda/loaded-language", "The party is [[rotten to the core]].");
  expectFlags("propaganda/loaded-language", "They have [[blood on their hands]].");
  expectFlags("propaganda/loaded-language", "The nurse washed the blood off the floor.");
}
