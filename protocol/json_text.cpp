#include "protocol/json_text.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace dossier::protocol {

void appendJsonString(std::string& out, std::string_view text) {
  // Printable ASCII, quotes and backslashes are written here; any other byte (control characters,
  // and UTF-8 that may be invalid and then replaced) is left to nlohmann, whose text this matches.
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x80) {
      out += nlohmann::json(std::string(text))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void appendJson(std::string& out, int value) {
  char buffer[16];
  out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

void appendJson(std::string& out, const Position& position) {
  out += "{\"character\":";
  appendJson(out, position.character);
  out += ",\"line\":";
  appendJson(out, position.line);
  out += '}';
}

void appendJson(std::string& out, const Range& range) {
  out += "{\"end\":";
  appendJson(out, range.end);
  out += ",\"start\":";
  appendJson(out, range.start);
  out += '}';
}

void appendLocationJson(std::string& out, std::string_view quotedUri, const Range& range) {
  out += "{\"range\":";
  appendJson(out, range);
  out += ",\"uri\":";
  out += quotedUri;
  out += '}';
}

} // namespace dossier::protocol
