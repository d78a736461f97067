// Name spans and keys as wire news writes them: title-case headlines, middle initials, generational
// suffixes, sentence-initial gerunds and adverbs, and place names opening with a common word.
// Fixtures mark the expected mention spans with [[...]].
#include "server/analysis/document.h"

#include <catch2/catch.hpp>

using namespace dossier;
namespace ent = analysis::entities;

namespace {

struct Marked {
  std::string text;
  std::vector<std::string> spans;
};

Marked unmark(std::string_view marked) {
  Marked out;
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.substr(i, 2) == "[[") {
      open = out.text.size();
      ++i;
    } else if (marked.substr(i, 2) == "]]") {
      out.spans.push_back(out.text.substr(open, out.text.size() - open));
      ++i;
    } else {
      out.text += marked[i];
    }
  }
  return out;
}

std::vector<std::string> mentionTexts(const std::string& text) {
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  std::vector<std::string> out;
  for (const auto& m : analysis->entities.mentions)
    if (!m.is(ent::kTentative)) out.emplace_back(m.span.in(text));
  return out;
}

void expectMentions(std::string_view marked) {
  Marked fixture = unmark(marked);
  INFO(fixture.text);
  CHECK(mentionTexts(fixture.text) == fixture.spans);
}

std::string keyOf(std::string_view surface) {
  return ent::nameKey(surface, *analysis::Knowledge::builtin()->entities);
}

} // namespace

TEST_CASE("a title-case headline keeps only the document's names, not its verbs", "[entities]") {
  expectMentions("[[Dana Kowal]] Leaves [[Harlow Clinic]], Checks Into Seaside Rehab\n"
                 "[[Dana Kowal]] has left the [[Harlow Clinic]], her lawyer said.\n");
  expectMentions("Driver Charged With Two Counts Of Murder After Crash\n"
                 "The police said [[Omar Tessin]] was driving.\n");
  // A line of running text with every word but the verb capitalised is no headline.
  expectMentions("[[Dana Kowal]] met [[Omar Tessin]] and [[Ivo Brandt]] in [[Harlow]].\n");
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
}

TEST_CASE("a sentence-initial gerund or adverb is not part of the name after it", "[entities]") {
  expectMentions("Choosing [[Ellen Marsh]] was easy, officials said.");
  expectMentions("Reportedly [[Harlow Bank]] refused.");
}

TEST_CASE("a sentence-initial word that opens place names stays in the name", "[entities]") {
  expectMentions("[[New Orleans Saints]] coach arrived. The new stadium opened.");
  expectMentions("[[North Carolina]] won. They went north.");
}
