// tokenizeWithin(text, span): a passage's tokens read again later, exactly as the whole document's
// tokenisation had them (analyses no longer keep their tokens).
#include "server/analysis/tokenizer.h"
#include "tests/unit/source_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace dossier::analysis;
namespace fs = std::filesystem;

namespace {

bool sameToken(const Token& a, const Token& b) {
  return a.begin == b.begin && a.end == b.end && a.kind == b.kind && a.flags == b.flags;
}

// The tokens of the whole text that lie inside `within`.
std::vector<Token> inside(const std::vector<Token>& tokens, Span within) {
  std::vector<Token> out;
  for (const Token& t : tokens)
    if (t.begin >= within.begin && t.end <= within.end) out.push_back(t);
  return out;
}

// What tokenizeWithin promises: a run of consecutive tokens of the whole text, holding every token
// inside `within`.
void requireSameAsWhole(std::string_view text, const std::vector<Token>& whole, Span within) {
  auto got = tokenizeWithin(text, within);
  auto expected = inside(whole, within);
  auto gotInside = inside(got, within);
  INFO("text: " << text << " span: " << within.begin << ".." << within.end);
  REQUIRE(gotInside.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    REQUIRE(sameToken(gotInside[i], expected[i]));
  if (got.empty()) return;
  auto first = std::find_if(whole.begin(), whole.end(),
                            [&](const Token& t) { return sameToken(t, got.front()); });
  REQUIRE(first != whole.end());
  REQUIRE(static_cast<std::size_t>(whole.end() - first) >= got.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    REQUIRE(sameToken(first[i], got[i]));
}

} // namespace

TEST_CASE("tokens around any span are the whole text's tokens") {
  // Spans starting and ending mid-word, at a possessive, inside a number, a dotted abbreviation
  // and an emoji joined across a space.
  const std::vector<std::string> texts = {
      "Ukrainians’ resolve held. Musk’s firm paid 18,000 U.S. dollars (1.8%).",
      "He said: \"twelve\" — 5–7th of M.P.s; e.g. O’Brien's 3.5bn.",
      "Fans \xF0\x9F\x91\xA9\xE2\x80\x8D \xF0\x9F\x92\xBB cheered; caf\xC3\xA9 \xC3\x89lys\xC3\xA9"
      "e 2023.",
  };
  for (const auto& text : texts) {
    auto whole = tokenize(text);
    for (Offset b = 0; b <= text.size(); ++b)
      for (Offset e = b; e <= text.size(); ++e)
        requireSameAsWhole(text, whole, {b, e});
  }
}

TEST_CASE("a span starting mid-word gets the whole word, not its tail") {
  std::string text = "The Ministry announced";
  auto tokens = tokenizeWithin(text, {6, 22}); // "nistry announced"
  REQUIRE(!tokens.empty());
  CHECK(tokens.front().in(text) == "Ministry");
  CHECK(tokens.back().in(text) == "announced");
}

TEST_CASE("every paragraph and sentence of the samples tokenises as in its whole document") {
  fs::path corpus = dossier::test::samplesDir() / "corpus";
  REQUIRE(fs::exists(corpus));
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    auto whole = tokenize(text);
    auto structure = analyzeStructure(text);
    for (const auto* spans : {&structure.paragraphs, &structure.sentences})
      for (Span span : *spans) {
        requireSameAsWhole(text, whole, span);
        ++checked;
      }
  }
  CHECK(checked > 0);
}
