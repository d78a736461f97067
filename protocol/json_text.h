// JSON text written straight into a string, for answers too large to build as nlohmann::json
// values first (a references list of tens of thousands of locations). The text is exactly what
// nlohmann's dump(-1, ' ', false, error_handler_t::replace) writes for the same value: objects with
// their keys in sorted order, no spaces, non-ASCII text as is.
#pragma once

#include "protocol/position.h"

#include <string>
#include <string_view>

namespace dossier::protocol {

// A JSON string literal, quotes included.
void appendJsonString(std::string& out, std::string_view text);
void appendJson(std::string& out, int value);
// {"character":C,"line":L}
void appendJson(std::string& out, const Position& position);
// {"end":{...},"start":{...}}
void appendJson(std::string& out, const Range& range);
// A Location, {"range":{...},"uri":"..."}, given its URI already written as a JSON string (by
// appendJsonString) so that the many locations of one document quote it once.
void appendLocationJson(std::string& out, std::string_view quotedUri, const Range& range);

} // namespace dossier::protocol
