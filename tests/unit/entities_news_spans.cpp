// Name spans and keys as wire news writes them: title-case headlines, middle initials, generational
// suffixes, sentence-initial gerunds and adverbs, and place names opening with a common word.
// Fixtures mark the expected mention spans with [[...]].
#include "entities_marked_mentions.h"
#include "server/analysis/document.h"

#include <catch2/catch.hpp>

using namespace dossier;
using namespace dossier::testing;
namespace ent = analysis::entities;

namespace {

std::string keyOf(std::string_view surface) {
  return ent::nameKey(surface, *analysis::Knowledge::builtin()->entities);
}

} // namespace

TEST_CASE("a title-case headline keeps only the document's names, not its verbs", "[entities]") {
  expectMentions("[[Dana Kowal]] Leaves [[Harlow Clinic]], Checks Into Seaside Rehab\n"
                 "[[Dana Kowal]] has left the [[Harlow Clinic]], her lawyer said.\n");
  expectMentions("Driver Charged With Two Counts Of Murder After Crash\n"
                 "The police said [[Omar Tessin]] was driving.\n");
  // "that", "than", "via" stay lower case in title case too.
  expectMentions("Protest ends\n"
                 "Former Mayor [[Kowal]] Had Signed Rules that Could Have Closed the Port\n"
                 "[[Dana Kowal]] signed the rules in 2019.\n");
  // A line of running text with every word but the verb capitalised is no headline.
  expectMentions("[[Dana Kowal]] met [[Omar Tessin]] and [[Ivo Brandt]] in [[Harlow]].\n");
}

TEST_CASE("a document's opening line is a headline with three capitalised words", "[entities]") {
  expectMentions("[[Tovin Arkell]] Dies at 91\n"
                 "[[Tovin Arkell]], the swimmer, died on Tuesday in [[Harlow]].\n");
  // Further down, three capitalised words on a line of their own are a name.
  expectMentions("Swimmer dies at 91\n"
                 "[[Tovin Arkell Brandt]]\n"
                 "The swimmer died on Tuesday.\n");
  // A possessive written apart ("Teenager ’ s") and the lower-case end of a compound written apart
  // ("Co - workers") do not make a headline running text.
  expectMentions("Protest ends\n"
                 "Anger in [[Harlow]] Persists Over Teenager ’ s Killing by the Police\n"
                 "Woman Shoots Co - workers in [[Harlow]] Office Row\n"
                 "The police in [[Harlow]] said nothing.\n");
}

TEST_CASE("middle initials stay inside the name and out of its key", "[entities]") {
  expectMentions("Lawyer [[James R. Dabney]] and [[W. Mark Felt]] spoke.");
  CHECK(keyOf("James R. Dabney") == keyOf("James Dabney"));
  CHECK(keyOf("W. Mark Felt") == "mark felt");
  CHECK(keyOf("U. S.") == keyOf("U.S."));
  CHECK(keyOf("J. K. Rowling") == "jk rowling");
  // "Peter I" is a regnal number, not an initial.
  CHECK(keyOf("Peter I") == "peter i");
  // "Plan B. Then": a sentence ends after a single capital letter.
  expectMentions("They chose [[Plan B]]. Then [[Kowal]] left.");
}

TEST_CASE("a generational suffix is left out of the key", "[entities]") {
  CHECK(keyOf("Arcade Joseph Comeaux Jr") == "arcade joseph comeaux");
  CHECK(keyOf("Anthony LaCalamita III") == "anthony lacalamita");
  CHECK(keyOf("Jr") == "jr");
  // After a comma the suffix still closes the name; a comma before another name splits.
  expectMentions("On Monday, [[Tovin Joseph Arkell, Jr]]. fired at two guards.");
  CHECK(keyOf("Tovin Joseph Arkell, Jr") == "tovin joseph arkell");
  expectMentions("They met [[Kowal]], [[Brandt]] and [[Arkell]].");
}

TEST_CASE("a sentence-initial gerund or adverb is not part of the name after it", "[entities]") {
  expectMentions("Choosing [[Ellen Marsh]] was easy, officials said.");
  expectMentions("Reportedly [[Harlow Bank]] refused.");
  // A past participle opening a sentence: "Spelled", "Appointed".
  expectMentions("Spelled [[Merkoulov]] by [[North Wire]], the name varies.");
  expectMentions("Appointed [[Tovin Arkell]] last year, the board regrets it.");
  // Near misses: a given name with the same ending, a short word.
  expectMentions("[[Mohammed Tarek]] resigned. [[Fred Kowal]] stayed.");
}

TEST_CASE("a sentence-initial word that opens place names stays in the name", "[entities]") {
  expectMentions("[[New Orleans Saints]] coach arrived. The new stadium opened.");
  expectMentions("[[North Carolina]] won. They went north.");
}

TEST_CASE("the words of a web address are no names and no evidence of lower case", "[entities]") {
  // Crawled news opens with its address: the slug's "tovin" does not make "Tovin" a common word,
  // and its capitalised words are no names.
  expectMentions("http: / / www. example. com / news / tovin - arkell - quits. html\n"
                 "Harbour chief quits\n"
                 "[[Tovin Arkell]] quit on Monday, his office said.\n"
                 "The board will meet on Friday to name a successor.\n");
  expectMentions("http: / / www. example. com / Harbour - Fire - Destroys - Old - Mill / 1. html\n"
                 "A fire destroyed the mill, [[Tovin Arkell]] said.\n");
  expectMentions(
      "Read it at https://example.com/Harbour-Fire-Destroys-Mill today, [[Arkell]] said.");
  // Running text written lower case still counts: the sentence-initial "Tovin" is a common word.
  expectMentions("Tovin [[Arkell]] quit on Monday. The tovin season ended.\n");
}

TEST_CASE("a weekday after a name is no part of it", "[entities]") {
  expectMentions("A fire damaged [[Harlow Bible Church]] Friday night, officials said.");
  expectMentions("The club fired coach [[Tovin Arkell]] Saturday morning.");
  // After a word the document writes in lower case, the weekday is the head of an event's name.
  expectMentions("Shoppers in [[Harlow]] waited for [[Black Friday]] in black coats.");
}

TEST_CASE("a particle that is no English function word opens a name", "[entities]") {
  expectMentions("Prison spokesman [[Al Quintero]] said [[Van Brandt]] had left.");
  // "For" and "Of" before a name are no part of it.
  expectMentions("For [[Arkell]] the deal was over. Of [[Harlow]] nothing was left.");
}

TEST_CASE("a sports position before a name is a role", "[entities]") {
  expectMentions("The club signed RB [[Tovin Arkell]] and 1B [[Dana Kowal]].");
}

TEST_CASE("a demonym before a person's name is a group of its own", "[entities]") {
  MarkedSpans fixture =
      unmarkSpans("The champion beat [[American]] [[Tovin Arkell]] and [[Englishman]] [[Robert "
                  "Brandt]] on Friday.");
  CHECK(mentionTexts(fixture.text) == fixture.spans);
  auto analysis = analysis::analyzeDocument(fixture.text, *analysis::Knowledge::builtin());
  REQUIRE(analysis->entities.mentions.size() == 4);
  CHECK(analysis->entities.mentions[0].type == ent::EntityType::Norp);
  CHECK(analysis->entities.mentions[1].key == "tovin arkell");
  // An organisation's name opening with a demonym stays whole: a head word, a known name, two words
  // only, a word the document writes in lower case.
  expectMentions("Staff of [[American Airlines]], the [[American Red Cross]] and the [[British "
                 "Harbour Authority]] met at the [[British Music Awards]] to talk about music.");
  expectMentions("Ships of the [[Western Naval Command]] sailed.");
}

TEST_CASE("\"and\" inside an organisation's name joins its words", "[entities]") {
  expectMentions("The [[Harlow Bank of Arts and Sciences]] voted.");
  expectMentions(
      "Biologists at the [[Fish and Wildlife Service]] and the [[U. S. Fish and Wildlife "
      "Service]] agreed.");
  expectMentions("The [[Central Election and Referendum Commission]] met after the election.");
  // Two names joined by "and" stay two names.
  expectMentions("Officials from [[Italy]] and [[Egypt]] met [[Tovin Arkell]] and [[Harlow "
                 "Council]] staff.");
  expectMentions("The [[Bank of England]] and [[France]] agreed.");
}

TEST_CASE("an academy or college heads an organisation's name", "[entities]") {
  expectMentions("The [[Academy of Motion Picture Arts and Sciences]] voted.");
  expectMentions("She studied at [[Harlow College]] and met [[Kowal Academy]] staff.");
  // A lower-case academy is no head: the name before it stays alone.
  expectMentions("The [[Harlow]] academy of arts opened.");
}

TEST_CASE("the closing dot of a company's abbreviated suffix is part of its name", "[entities]") {
  expectMentions(
      "[[Harlow Dredging Corp.]] and [[Tovin Arkell Sr]]. signed; [[Kowal Ltd.]] did not.");
  CHECK(keyOf("Harlow Dredging Corp.") == keyOf("Harlow Dredging Corp"));
  // A word that is no abbreviation ends the name before the sentence's dot.
  expectMentions("The deal went to [[Harlow Dredging]]. Then [[Kowal]] lost.");
}

TEST_CASE("degrees after a person's name are part of the span, not of the key", "[entities]") {
  std::string text =
      "[[Dana Kowal, MD]], met [[Lewis Arkell, M. D., M. B. A.]] and [[Pierre Brandt "
      "PhD]]. Dr. [[Kowal, MD]], spoke.";
  MarkedSpans fixture = unmarkSpans(text);
  CHECK(mentionTexts(fixture.text) == fixture.spans);
  auto analysis = analysis::analyzeDocument(fixture.text, *analysis::Knowledge::builtin());
  REQUIRE(analysis->entities.mentions.size() == 4);
  CHECK(analysis->entities.mentions[0].key == "dana kowal");
  CHECK(analysis->entities.mentions[0].type == ent::EntityType::Person);
  CHECK(analysis->entities.mentions[1].key == "lewis arkell");
  CHECK(analysis->entities.mentions[1].type == ent::EntityType::Person);
  CHECK(analysis->entities.mentions[2].key == "pierre brandt");
  CHECK(analysis->entities.mentions[3].key == "dana kowal");
  // After a place ("Harlow, MD": a state) or a single unknown word, the letters are a name of their
  // own.
  expectMentions("Floods hit [[Harlow]], [[MD]], and [[Kresk]], [[PhD]] students said.");
}

TEST_CASE("a team's plural name before a person's name is a name of its own", "[entities]") {
  expectMentions("The [[Rangelords]] placed [[Rangelords]] [[Pierre Varnest]] on injured reserve.");
  // A given name after a plural that is a given name itself, or no given name: one name.
  expectMentions("Officials said [[Lewis Pierre Varnest]] and [[Rangelords Varnest Kowal]] met.");
}
