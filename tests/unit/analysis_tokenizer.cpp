// The tokenizer: one pass, byte offsets, Unicode-aware, never failing on bad bytes.
#include "server/analysis/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace dossier::analysis;

namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : tokenize(text))
    out.emplace_back(token.in(text));
  return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("tokens carry byte offsets into the text") {
  std::string text = "Putin met Musk.";
  auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 5);
  CHECK(tokens[2].in(text) == "Musk");
  CHECK(tokens[3].kind == TokenKind::Punct);
}

TEST_CASE("possessives are split off the name, curly or straight") {
  CHECK(words("Putin’s plan") == Strings{"Putin", "’s", "plan"});
  CHECK(words("Putin's plan") == Strings{"Putin", "'s", "plan"});
  CHECK(words("the Ukrainians’ resolve") == Strings{"the", "Ukrainians", "’", "resolve"});
  auto tokens = tokenize("Musk’s");
  CHECK(tokens[1].kind == TokenKind::Possessive);
}

TEST_CASE("inner apostrophes stay inside words") {
  CHECK(words("don't") == Strings{"don't"});
  CHECK(words("O’Brien said") == Strings{"O’Brien", "said"});
  CHECK(words("Y’all") == Strings{"Y’all"});
}

TEST_CASE("hyphen compounds split at the hyphen, adjacent") {
  std::string text = "Musk-owned Twitter";
  auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].in(text) == "Musk");
  CHECK(tokens[1].in(text) == "-");
  CHECK(tokens[0].end == tokens[1].begin);
  CHECK(tokens[2].in(text) == "owned");
}

TEST_CASE("dotted abbreviations are one token") {
  CHECK(words("The U.S. has") == Strings{"The", "U.S.", "has"});
  CHECK(words("e.g. this") == Strings{"e.g.", "this"});
  auto tokens = tokenize("U.S.");
  CHECK(tokens[0].is(kDotted));
  CHECK(tokens[0].is(kAllCaps));
}

TEST_CASE("a sentence-final period after a single capital is not an abbreviation of two letters") {
  CHECK(words("Peter I.") == Strings{"Peter", "I", "."});
}

TEST_CASE("numbers keep inner separators") {
  CHECK(words("$1.8 billion") == Strings{"$", "1.8", "billion"});
  CHECK(words("18,000 troops") == Strings{"18,000", "troops"});
  CHECK(words("5–7th centuries") == Strings{"5", "–", "7th", "centuries"});
  CHECK(tokenize("7th")[0].kind == TokenKind::Word);
  CHECK(tokenize("2021")[0].kind == TokenKind::Number);
}

TEST_CASE("word flags describe capitalisation") {
  auto tokens = tokenize("NATO Putin iPhone the");
  CHECK(tokens[0].is(kAllCaps));
  CHECK(tokens[0].is(kCapitalised));
  CHECK(tokens[1].is(kCapitalised));
  CHECK_FALSE(tokens[1].is(kAllCaps));
  CHECK_FALSE(tokens[2].is(kCapitalised));
  CHECK_FALSE(tokens[3].is(kCapitalised));
}

TEST_CASE("non-Latin scripts form words") {
  CHECK(words("Павел Орлов сказал") == Strings{"Павел", "Орлов", "сказал"});
  auto tokens = tokenize("Павел");
  CHECK(tokens[0].is(kCapitalised));
  CHECK(tokens[0].is(kNonAscii));
  CHECK(words("東京 Tokyo") == Strings{"東京", "Tokyo"});
}

TEST_CASE("combining marks stay in their word") {
  std::string text = "Cafe\xCC\x81 open"; // e + combining acute
  CHECK(words(text) == Strings{"Cafe\xCC\x81", "open"});
}

TEST_CASE("emoji and astral symbols are one symbol token each") {
  std::string text = "Thank 🎉 you 🛰️!";
  auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[1].kind == TokenKind::Symbol);
  CHECK(tokens[1].in(text) == "🎉");
  CHECK(tokens[3].in(text) == "🛰️"); // with its variation selector
}

TEST_CASE("invalid UTF-8 becomes one-byte symbols and tokenizing goes on") {
  std::string text = "abc \xFF\xFE def";
  auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].kind == TokenKind::Symbol);
  CHECK(tokens[1].span().size() == 1);
  CHECK(tokens[3].in(text) == "def");
}

TEST_CASE("curly quotes and dashes are punctuation") {
  std::string text = "“Maybe peace?” — he said";
  auto tokens = tokenize(text);
  CHECK(tokens[0].kind == TokenKind::Punct);
  CHECK(tokens[0].in(text) == "“");
  CHECK(tokens[5].in(text) == "—");
}

TEST_CASE("foldWord lower-cases, strips diacritics and straightens apostrophes") {
  CHECK(foldWord("NATO") == "nato");
  CHECK(foldWord("Élysée") == "elysee");
  CHECK(foldWord("O’Brien") == "o'brien");
  CHECK(foldWord("Орлов") == "орлов");
}
