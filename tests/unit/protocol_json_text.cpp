// Specification of protocol/json_text.h and positionOnLine (protocol/position.h): JSON text
// written directly is what nlohmann's dump writes for the same values, and positions worked out
// from a caller's own line spans are LineIndex's.
#include "protocol/json_text.h"
#include "protocol/types_basic.h"

#include <catch2/catch.hpp>

using namespace dossier::protocol;

namespace {

std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

TEST_CASE("JSON strings are written as nlohmann dumps them", "[protocol]") {
  for (std::string text :
       {std::string(""), std::string("file:///tmp/a%20b.md"), std::string("say \"hi\" \\ there"),
        std::string("tab\there\nnew\rline\x01\x1f\x7f"), std::string("Zürich «Élysée» 😀 𝕏"),
        std::string("bad \xC3 byte \xF0\x9F\x98"), std::string("\xFF\xFE"),
        std::string("nul\0in", 6)}) {
    INFO(text);
    std::string out = "[";
    appendJsonString(out, text);
    CHECK(out == "[" + dumped(nlohmann::json(text)));
  }
}

TEST_CASE("locations are written as nlohmann dumps them", "[protocol]") {
  std::string uri = "file:///tmp/b%20%C3%A9.md";
  std::string quoted;
  appendJsonString(quoted, uri);
  for (Range range :
       {Range{{0, 0}, {0, 0}}, Range{{3, 17}, {3, 26}}, Range{{123456, 2147483647}, {0, 1}}}) {
    std::string out;
    appendLocationJson(out, quoted, range);
    CHECK(out == dumped(toJSON(Location{uri, range})));
    CHECK(nlohmann::json::parse(out) == toJSON(Location{uri, range}));
  }
}

TEST_CASE("positions on a caller's own line spans are LineIndex's", "[protocol][position]") {
  std::string text = "Zoë Çelik 😀 met Elon\r\nÜ 𝕏🚀 x\rplain line\n\n"
                     "bad \xC3 byte \xF0\x9F\x98 cut\n😀";
  LineIndex lines(text);
  for (auto encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32})
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      std::size_t line = lines.lineOf(offset);
      INFO("offset " << offset << " encoding " << toString(encoding));
      CHECK(positionOnLine(text, line, lines.lineStart(line), lines.lineContentEnd(line), offset,
                           encoding) == lines.toPosition(offset, encoding));
    }
  // Surrogate pairs in utf-16: "😀" before "met" counts two units there, one in utf-32.
  std::size_t met = text.find("met");
  CHECK(positionOnLine(text, 0, 0, lines.lineContentEnd(0), met, PositionEncoding::Utf16) ==
        Position{0, 13});
  CHECK(positionOnLine(text, 0, 0, lines.lineContentEnd(0), met, PositionEncoding::Utf32) ==
        Position{0, 12});
  CHECK(positionOnLine(text, 0, 0, lines.lineContentEnd(0), met, PositionEncoding::Utf8) ==
        Position{0, static_cast<int>(met)});
}
