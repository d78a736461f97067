// Read-only access to the linguistic data files under server/data/ (lexicons, gazetteers, patterns),
// embedded into the binary at build time so the server needs no install-time data directory.
//
// Data files are UTF-8 text. The common format is one entry per line, fields separated by TABs,
// with `#` starting a comment line and blank lines ignored.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace dossier::data {

// The contents of the file at `path` (relative to server/data/, e.g. "entities/countries.tsv").
std::optional<std::string_view> file(std::string_view path);

// Every embedded path under `folder` ("rules/" lists server/data/rules/*), sorted.
std::vector<std::string_view> list(std::string_view folder);

// Calls `onLine(lineNumber, fields)` for each non-blank, non-comment line of `contents`, with the
// line split at TABs and each field trimmed of surrounding spaces. Line numbers start at 1.
void forEachRecord(std::string_view contents,
                   const std::function<void(int, const std::vector<std::string_view>&)>& onLine);

}  // namespace dossier::data
