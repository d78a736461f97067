// Passages fit the document's shape, and carry the features the related-passages index ranks by.
#include "server/analysis/document.h"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <string>

using namespace dossier::analysis;
using passages::Passage;
using passages::PassageKind;

namespace {

// "[[...]]" marks the passages a text should be cut into; returns the text without the marks.
struct Marked {
  std::string text;
  std::vector<Span> ranges;
};

Marked parseMarked(std::string_view marked) {
  Marked result;
  Offset open = 0;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.substr(i, 2) == "[[") {
      open = static_cast<Offset>(result.text.size());
      ++i;
    } else if (marked.substr(i, 2) == "]]") {
      result.ranges.push_back({open, static_cast<Offset>(result.text.size())});
      ++i;
    } else {
      result.text += marked[i];
    }
  }
  return result;
}

std::vector<Span> passageSpans(const DocumentAnalysis& analysis) {
  std::vector<Span> spans;
  for (const auto& passage : analysis.passages.passages)
    spans.push_back(passage.span);
  return spans;
}

bool hasStem(const Passage& passage, const std::string& stem) {
  return std::any_of(passage.terms.begin(), passage.terms.end(),
                     [&](const auto& term) { return term.stem == stem; });
}

} // namespace

TEST_CASE("article paragraphs are passages; headings and bylines are not", "[passages]") {
  Marked doc = parseMarked(
      "MINISTER DENIES MEETING\n\nBy staff\n\n"
      "[[The harbour minister denied on Thursday that she met the envoy at a private dinner.]]\n\n"
      "[[The opposition demanded an inquiry into the dredging contract awarded in March.]]\n");
  auto analysis = analyzeDocument(doc.text, *Knowledge::builtin());
  CHECK(passageSpans(*analysis) == doc.ranges);
}

TEST_CASE("a bracketed reporting credit is not a passage; a bracketed sentence is", "[passages]") {
  Marked doc = parseMarked(
      "[[The harbour minister denied on Thursday that she met the envoy at a private dinner.]]\n\n"
      "(Reporting by Dana Okafor in Tolvan; additional reporting by North Wire staff in Sennholm "
      "and Kresk; editing by the North Wire desk)\n\n"
      "[[(Update: the ministry has since confirmed that the minister attended the dinner.)]]\n");
  auto analysis = analyzeDocument(doc.text, *Knowledge::builtin());
  CHECK(passageSpans(*analysis) == doc.ranges);
}

TEST_CASE("a table of figures is told from prose, for the related lists to leave it out",
          "[passages]") {
  CHECK(passages::isTable("| item | figure | source |\n|---|---|---|\n"
                          "| contract value | 12 million | award notice |\n"));
  CHECK(passages::isTable("  | contract value | 14 million | wire report |"));
  CHECK_FALSE(passages::isTable("Use the award notice's figure | not the wire's | and say so."));
  CHECK_FALSE(passages::isTable("| item | figure |\nThe contract was signed on 17 March."));
  CHECK_FALSE(passages::isTable(""));
}

TEST_CASE("each comment of a thread is its own passage", "[passages]") {
  Marked doc = parseMarked("[[He denied the calls on his own website, which he owns.]]\n"
                           "[[The storm knocked out the ground stations for six days in April.]]\n"
                           "Yeah, exactly.\n"
                           "[[Nobody convicts anyone off a newspaper story about satellites.]]\n");
  auto analysis = analyzeDocument(doc.text, *Knowledge::builtin());
  CHECK(passageSpans(*analysis) == doc.ranges);
}

TEST_CASE("a blog's quoted block is separate from the blogger's text and names its source",
          "[passages]") {
  Marked doc = parseMarked(
      "[[I never thought I would write about the billionaire and the president again.]]\n\n"
      "[[The billionaire has been in regular contact with the president since late 2022, "
      "officials said.]]\n\n[From WSJ]\n\n"
      "[[What the newspaper fails to mention is why the satellites went dark.]]\n");
  auto analysis = analyzeDocument(doc.text, *Knowledge::builtin());
  REQUIRE(passageSpans(*analysis) == doc.ranges);
  const auto& quoted = analysis->passages.passages[1];
  CHECK(quoted.kind == PassageKind::QuotedBlock);
  CHECK(quoted.source == "WSJ");
  CHECK(analysis->passages.passages[0].kind == PassageKind::Paragraph);
}

TEST_CASE("a page-long paragraph is cut into sentence groups", "[passages]") {
  std::string sentence =
      "The committee examined the dredging contract and the charter of the vessels. ";
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += sentence;
  auto analysis = analyzeDocument(text, *Knowledge::builtin());
  const auto& passages = analysis->passages.passages;
  REQUIRE(passages.size() > 2);
  for (const auto& passage : passages) {
    CHECK(passage.kind == PassageKind::SentenceGroup);
    CHECK(passage.span.size() < 1500);
  }
  for (std::size_t i = 1; i < passages.size(); ++i)
    CHECK(passages[i - 1].span.end <= passages[i].span.begin);
}

TEST_CASE("passage features: stems, figures, hedges, attribution and quotes", "[passages]") {
  std::string text =
      "Ilves denied meeting the envoy, but the contract, reportedly worth 12 million veskar, "
      "was signed on 17 March. “It never happened at all,” she said.\n";
  auto analysis = analyzeDocument(text, *Knowledge::builtin());
  REQUIRE(analysis->passages.passages.size() == 1);
  const Passage& passage = analysis->passages.passages[0];

  CHECK(hasStem(passage, "contract"));
  CHECK(hasStem(passage, "meet"));      // "meeting", stemmed
  CHECK_FALSE(hasStem(passage, "the")); // a stop word

  auto hasFigure = [&](const std::string& value, const std::string& unit) {
    return std::any_of(passage.figures.begin(), passage.figures.end(),
                       [&](const auto& f) { return f.value == value && f.unit == unit; });
  };
  CHECK(hasFigure("12", "million"));
  CHECK(hasFigure("17", "march"));

  CHECK(std::find(passage.hedges.begin(), passage.hedges.end(), "reportedly") !=
        passage.hedges.end());

  REQUIRE_FALSE(passage.attributions.empty());
  CHECK(passage.attributions[0].kind == "deny");
  CHECK(passage.attributions[0].speaker == "Ilves");

  REQUIRE(passage.quotes.size() == 1);
  CHECK(passage.quotes[0] == "it never happened at all");
}

TEST_CASE("passageAt finds the passage under a position, and none between passages", "[passages]") {
  std::string text = "Heading\n\nThe minister denied meeting the envoy at the hotel.\n";
  auto analysis = analyzeDocument(text, *Knowledge::builtin());
  REQUIRE(analysis->passages.passages.size() == 1);
  Offset inside = static_cast<Offset>(text.find("envoy"));
  CHECK(passages::passageAt(analysis->passages, inside) == 0);
  CHECK(passages::passageAt(analysis->passages, 2) == -1);
}

TEST_CASE("a call to action addressed to the reader is not a passage", "[passages]") {
  Marked doc = parseMarked(
      "[[The harbour minister denied on Thursday that she met the envoy at a private dinner.]]\n\n"
      "Would you like to become a columnist of the Coast Herald?\n\n"
      "Sign up for our morning newsletter and never miss a story.\n\n"
      "[[Would you like to know why the minister kept quiet for a week? Because the contract was "
      "signed the day after the dinner, and the tender board never saw the second bid, which was "
      "cheaper by a third. Nobody at the ministry has explained that yet.]]\n");
  auto analysis = analyzeDocument(doc.text, *Knowledge::builtin());
  CHECK(passageSpans(*analysis) == doc.ranges);
}

TEST_CASE("a long paragraph is read as windows of consecutive sentences", "[passages]") {
  std::string text =
      "The harbour ministry awarded the dredging contract to Keystone on 17 March, after months "
      "of delay. The tender board met twice before the award, both times behind closed doors. "
      "Five days later the Ledger reported that the minister had dined with an envoy from Kresk. "
      "She denied the dinner at a news conference the next morning, and took no questions. "
      "The opposition demanded an inquiry into the award of the contract on the same day. "
      "The Assembly voted for one on 2 April by a narrow margin, after a long and angry debate. "
      "Dredging of the channel is on hold until the committee reports to the chamber. "
      "Fishermen in Harrowmouth say the delay costs them a season of work.\n\n"
      "A short paragraph is one window only.\n";
  auto analysis = analyzeDocument(text, *Knowledge::builtin());
  REQUIRE(analysis->passages.passages.size() == 2);
  const Passage& long_ = analysis->passages.passages[0];
  CHECK(long_.windowCount > 1);
  CHECK(long_.windowCount <= passages::kMaxWindows);
  auto windowsOf = [&](const std::string& stem) -> std::uint16_t {
    for (const auto& term : long_.terms)
      if (term.stem == stem) return term.windows;
    return 0;
  };
  CHECK(windowsOf("tender") == 1);                                         // the first sentences
  CHECK(windowsOf("fishermen") == (1u << (long_.windowCount - 1)));        // the last
  CHECK(std::popcount(static_cast<unsigned>(windowsOf("contract"))) == 2); // first and fifth
  REQUIRE(!long_.entities.empty());
  for (const auto& entity : long_.entities) // each key is in at least one window
    CHECK(entity.windows != 0);
  CHECK(analysis->passages.passages[1].windowCount == 1);
}
