// Document structure: lines, paragraphs fitted to the document's shape, sentences.
#include "server/analysis/text.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace dossier::analysis;

namespace {

std::vector<std::string> strings(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span span : spans)
    out.emplace_back(span.in(text));
  return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("lines end at LF, CRLF and lone CR") {
  std::string text = "a\r\nb\rc\nd";
  CHECK(strings(text, analyzeStructure(text).lines) == Strings{"a", "b", "c", "d"});
}

TEST_CASE("blank lines separate paragraphs") {
  std::string text = "First paragraph here.\n\nSecond one.\n";
  CHECK(strings(text, analyzeStructure(text).paragraphs) ==
        Strings{"First paragraph here.", "Second one."});
}

TEST_CASE("one comment per line: each line is its own paragraph") {
  std::string text =
      "Ukraine remains committed to pursuing NATO membership despite Russia’s objections.\n"
      "Yeah, exactly.\n"
      "People you know in real life?\n";
  CHECK(analyzeStructure(text).paragraphs.size() == 3);
}

TEST_CASE("hard-wrapped prose stays one paragraph") {
  std::string text = "The committee met on Tuesday to discuss the harbour tender and the\n"
                     "questions that the opposition had raised about the award of the contract\n"
                     "to a company based in the port city.\n";
  CHECK(analyzeStructure(text).paragraphs.size() == 1);
}

TEST_CASE("sentences split at end punctuation followed by a capital") {
  std::string text = "Musk denied it. He said so on Twitter! Did he? Yes.";
  CHECK(strings(text, analyzeStructure(text).sentences) ==
        Strings{"Musk denied it.", "He said so on Twitter!", "Did he?", "Yes."});
}

TEST_CASE("abbreviations, initials and decimals do not end sentences") {
  std::string text = "Mr. Smith met Dr. Jones in the U.S. capital. J. R. Hale paid $1.8 billion.";
  CHECK(strings(text, analyzeStructure(text).sentences) ==
        Strings{"Mr. Smith met Dr. Jones in the U.S. capital.", "J. R. Hale paid $1.8 billion."});
}

TEST_CASE("a closing quote belongs to the sentence it closes") {
  std::string text = "“Maybe peace?” says the maniac. Then he left.";
  CHECK(strings(text, analyzeStructure(text).sentences) ==
        Strings{"“Maybe peace?” says the maniac.", "Then he left."});
}

TEST_CASE("sentences never cross paragraphs and know their paragraph") {
  std::string text = "Headline without a period\n\nBody sentence one. Body two.";
  auto structure = analyzeStructure(text);
  CHECK(strings(text, structure.sentences) ==
        Strings{"Headline without a period", "Body sentence one.", "Body two."});
  CHECK(structure.sentenceParagraph == std::vector<std::uint32_t>{0, 1, 1});
}

TEST_CASE("findContaining finds the span holding an offset") {
  std::vector<Span> spans = {{0, 5}, {7, 10}};
  CHECK(findContaining(spans, 0) == 0);
  CHECK(findContaining(spans, 4) == 0);
  CHECK(findContaining(spans, 5) == -1);
  CHECK(findContaining(spans, 8) == 1);
  CHECK(findContaining(spans, 12) == -1);
}

TEST_CASE("empty and whitespace-only texts have no paragraphs") {
  CHECK(analyzeStructure("").paragraphs.empty());
  CHECK(analyzeStructure("  \n\n \t\n").paragraphs.empty());
}
