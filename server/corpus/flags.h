// The analytical flags shown for one document, after the workspace configuration has had its say
// (categories switched off, severities, ignores). Shared by the editor's diagnostics and the
// `dossier-ls check` command, so both always report the same thing.
#pragma once

#include "server/corpus/config.h"
#include "server/corpus/snapshot.h"

#include <string>
#include <vector>

namespace dossier::corpus {

struct RelatedSpan {
  DocId doc = 0;
  analysis::Span span;
  std::string message;
};

struct Flag {
  analysis::Span span;
  std::string code;    // "sourcing/anonymous"
  std::string message; // one line
  Severity severity = Severity::Information;
  bool unnecessary = false; // debris: editors grey it out
  std::vector<RelatedSpan> related;
};

// The family of a code: "sourcing/anonymous" -> "sourcing".
std::string_view familyOf(std::string_view code);

// Default severity of a family: Information for analytical flags, Hint for debris. Never Error.
Severity defaultSeverity(std::string_view code);

std::vector<Flag> flagsFor(const Snapshot& snapshot, const Document& doc);

} // namespace dossier::corpus
