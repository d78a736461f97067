// Specification of protocol/position.h: LSP positions <-> UTF-8 byte offsets.
#include "protocol/position.h"

#include <catch2/catch.hpp>
#include <random>

using namespace dossier::protocol;

namespace {
constexpr auto U8 = PositionEncoding::Utf8;
constexpr auto U16 = PositionEncoding::Utf16;
constexpr auto U32 = PositionEncoding::Utf32;
} // namespace

TEST_CASE("position encodings have their LSP names", "[protocol][position]") {
  CHECK(toString(U8) == "utf-8");
  CHECK(toString(U16) == "utf-16");
  CHECK(toString(U32) == "utf-32");
  CHECK(parsePositionEncoding("utf-8") == U8);
  CHECK(parsePositionEncoding("utf-16") == U16);
  CHECK(parsePositionEncoding("utf-32") == U32);
  CHECK_FALSE(parsePositionEncoding("utf8").has_value());
  CHECK_FALSE(parsePositionEncoding("").has_value());
}

TEST_CASE("negotiation prefers utf-8, else falls back to utf-16", "[protocol][position]") {
  CHECK(negotiateEncoding({}) == U16);
  CHECK(negotiateEncoding({"utf-16"}) == U16);
  CHECK(negotiateEncoding({"utf-8"}) == U8);
  CHECK(negotiateEncoding({"utf-16", "utf-8"}) == U8);
  CHECK(negotiateEncoding({"utf-32", "utf-16"}) == U16);
  CHECK(negotiateEncoding({"utf-32"}) == U16);
  CHECK(negotiateEncoding({"latin-1"}) == U16);
}

TEST_CASE("line starts follow LSP's line break definition", "[protocol][position]") {
  SECTION("empty text has one empty line") {
    LineIndex index("");
    CHECK(index.lineCount() == 1);
    CHECK(index.lineStart(0) == 0);
  }
  SECTION("\\n, \\r\\n and a lone \\r each end a line") {
    std::string text = "a\nb\r\nc\rd";
    LineIndex index(text);
    REQUIRE(index.lineCount() == 4);
    CHECK(index.lineStart(0) == 0);
    CHECK(index.lineStart(1) == 2);
    CHECK(index.lineStart(2) == 5);
    CHECK(index.lineStart(3) == 7);
    CHECK(index.lineContentEnd(1) == 3); // before "\r\n"
    CHECK(index.lineContentEnd(2) == 6); // before "\r"
    CHECK(index.lineContentEnd(3) == 8);
  }
  SECTION("a trailing break opens an empty last line") {
    LineIndex index("x\r\n");
    CHECK(index.lineCount() == 2);
    CHECK(index.lineStart(1) == 3);
  }
  SECTION("\\r\\r\\n is a lone CR then a CRLF") {
    LineIndex index("\r\r\n");
    CHECK(index.lineCount() == 3);
  }
  SECTION("lines past the end start at the end of the text") {
    LineIndex index("ab");
    CHECK(index.lineStart(7) == 2);
  }
}

TEST_CASE("line starts agree with a naive scan for arbitrary text", "[protocol][position]") {
  // The index skips 8 bytes at a time; breaks and non-ASCII bytes at every alignment must count.
  std::mt19937 random(42);
  const char alphabet[] = {'a', 'b', '\n', '\r', ' ', '\xC3', '\xA9', '\xF0'};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    std::size_t length = random() % 40;
    for (std::size_t i = 0; i < length; ++i)
      text.push_back(alphabet[random() % (round % 2 ? 8 : 3)]);
    std::vector<std::size_t> expected{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (text[i] == '\n' || text[i] == '\r') expected.push_back(i + 1);
    }
    LineIndex index(text);
    INFO("round " << round);
    REQUIRE(index.lineCount() == expected.size());
    for (std::size_t line = 0; line < expected.size(); ++line)
      CHECK(index.lineStart(line) == expected[line]);
  }
}

struct Row {
  const char* name;
  std::string text;
  std::size_t offset;
  int line, utf8, utf16, utf32;
};

TEST_CASE("offsets and positions convert in all three encodings", "[protocol][position]") {
  // "é" and "п" are 2 bytes, "日" 3 bytes, U+0301 (combining acute) 2 bytes, "😀" and "𝄞" 4 bytes
  // and two UTF-16 code units (a surrogate pair).
  const std::vector<Row> rows = {
      {"ascii start", "hello\nworld", 0, 0, 0, 0, 0},
      {"ascii middle", "hello\nworld", 3, 0, 3, 3, 3},
      {"ascii second line", "hello\nworld", 8, 1, 2, 2, 2},
      {"ascii end", "hello\nworld", 11, 1, 5, 5, 5},
      {"cyrillic", "привет мир", 6, 0, 6, 3, 3},
      {"cyrillic after space", "привет мир", 15, 0, 15, 8, 8},
      {"cjk", "日本語x", 6, 0, 6, 2, 2},
      {"cjk end", "日本語x", 10, 0, 10, 4, 4},
      {"combining mark counts as its own character", "e\u0301x", 3, 0, 3, 2, 2},
      {"emoji is a surrogate pair", "a😀b", 5, 0, 5, 3, 2},
      {"astral after emoji", "😀𝄞!", 8, 0, 8, 4, 2},
      {"non-ascii on second line", "x\n😀y", 6, 1, 4, 2, 1},
      {"crlf line", "ab\r\nпр", 6, 1, 2, 1, 1},
      {"lone cr line", "ab\rпр", 7, 1, 4, 2, 2},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    LineIndex index(row.text);
    CHECK(index.toPosition(row.offset, U8) == Position{row.line, row.utf8});
    CHECK(index.toPosition(row.offset, U16) == Position{row.line, row.utf16});
    CHECK(index.toPosition(row.offset, U32) == Position{row.line, row.utf32});
    CHECK(index.toOffset({row.line, row.utf8}, U8) == row.offset);
    CHECK(index.toOffset({row.line, row.utf16}, U16) == row.offset);
    CHECK(index.toOffset({row.line, row.utf32}, U32) == row.offset);
  }
}

TEST_CASE("every character boundary round-trips", "[protocol][position]") {
  std::string text = "ab\r\nпривет 日本\r😀 e\u0301\n\n𝄞z";
  LineIndex index(text);
  for (PositionEncoding encoding : {U8, U16, U32}) {
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      bool boundary =
          offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
      bool insideBreak =
          offset > 0 && text[offset - 1] == '\r' && offset < text.size() && text[offset] == '\n';
      if (!boundary || insideBreak) continue;
      INFO("offset " << offset << " encoding " << toString(encoding));
      CHECK(index.toOffset(index.toPosition(offset, encoding), encoding) == offset);
    }
  }
}

TEST_CASE("out-of-range positions clamp", "[protocol][position]") {
  std::string text = "ab😀\r\nxyz";
  LineIndex index(text);
  SECTION("a character past the end of its line stops before the line break") {
    CHECK(index.toOffset({0, 99}, U16) == 6);
    CHECK(index.toOffset({0, 99}, U8) == 6);
    CHECK(index.toOffset({1, 99}, U32) == text.size());
  }
  SECTION("a line past the end maps to the end of the text") {
    CHECK(index.toOffset({2, 0}, U16) == text.size());
    CHECK(index.toOffset({100, 5}, U8) == text.size());
  }
  SECTION("negative numbers clamp to the start") {
    CHECK(index.toOffset({-1, 3}, U16) == 0);
    CHECK(index.toOffset({1, -4}, U16) == 8);
  }
  SECTION("a position inside a surrogate pair maps to the start of the character") {
    CHECK(index.toOffset({0, 3}, U16) == 2);
  }
  SECTION("a utf-8 position inside a multi-byte character maps to its start") {
    CHECK(index.toOffset({0, 4}, U8) == 2);
    CHECK(index.toPosition(4, U8) == Position{0, 2});
    CHECK(index.toPosition(4, U16) == Position{0, 2});
  }
  SECTION("offsets past the end clamp to the end") {
    CHECK(index.toPosition(1000, U16) == Position{1, 3});
  }
  SECTION("an offset inside a CRLF is the end of the line") {
    CHECK(index.toPosition(7, U16) == Position{0, 4});
  }
}

TEST_CASE("invalid UTF-8 bytes count as one code unit each", "[protocol][position]") {
  std::string text = "\xFF\xC3x\xE6\x97"; // stray byte, truncated 2-byte, 'x', truncated 3-byte
  LineIndex index(text);
  for (PositionEncoding encoding : {U8, U16, U32}) {
    CHECK(index.toPosition(2, encoding) == Position{0, 2});
    CHECK(index.toPosition(5, encoding) == Position{0, 5});
    CHECK(index.toOffset({0, 3}, encoding) == 3);
    CHECK(index.lineLength(0, encoding) == 5);
  }
}

TEST_CASE("ranges and line helpers", "[protocol][position]") {
  std::string text = "int x;\n  😀 = 1;\n";
  LineIndex index(text);
  CHECK(index.toRange(9, 13, U16) == Range{{1, 2}, {1, 4}});
  CHECK(index.toRange(9, 13, U8) == Range{{1, 2}, {1, 6}});
  CHECK(index.lineOf(0) == 0);
  CHECK(index.lineOf(7) == 1);
  CHECK(index.lineOf(text.size()) == 2);
  CHECK(index.lineLength(1, U16) == 9);
  CHECK(index.lineLength(1, U32) == 8);
  CHECK(index.lineLength(1, U8) == 11);
}
