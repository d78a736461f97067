// Candidate boilerplate lines of one document, keyed for the corpus-wide line index (a site footer
// is the same line in many documents, whatever its words).
#pragma once

#include "server/analysis/rules/document_findings.h"

#include <string_view>
#include <vector>

namespace dossier::analysis::rules {

// The key of a line: lower-cased, digits folded to 0, runs of space folded, hashed (FNV-1a).
std::uint64_t lineHash(std::string_view line);

std::vector<LineKey> lineKeys(std::string_view text, const TextStructure& structure,
                              const std::vector<Token>& tokens,
                              const std::vector<Finding>& findings);

} // namespace dossier::analysis::rules
