// Propaganda by form rather than by words: slogans (short parallel or shouted phrases: "Our
// harbour, our hands", "Aldmark First, Aldmark Always", "STOP THE DEAL!") and repetition (one short
// sentence restated in a document: "Never again. ... Never again.").
#pragma once

#include "server/analysis/rules/document_findings.h"

#include <string_view>
#include <vector>

namespace dossier::analysis::rules {

void findRepetition(std::string_view text, const TextStructure& structure,
                    const std::vector<Token>& tokens, std::vector<Finding>& out);

} // namespace dossier::analysis::rules
