// Analytical findings in one document: sourcing, hedges, rumour, propaganda techniques, profanity,
// scraping debris. Each has a stable code ("sourcing/anonymous") and a one-line message. They are
// flags for a reader's judgement, not errors.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/analysis/knowledge.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::rules {

// Every rule's patterns and lexicons (server/data/rules/), compiled once.
struct RuleSet {};

std::shared_ptr<const RuleSet> loadRuleSet(const KnowledgeOverrides& overrides);

struct Finding {
  Span span;
  std::string code;     // "hedge/unverified"
  std::string message;  // one line: what was found and why it matters
};

struct DocumentFindings {
  std::vector<Finding> findings;  // sorted by span
};

DocumentFindings analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens, const entities::DocumentEntities& entities,
                         const RuleSet& rules);

}  // namespace dossier::analysis::rules
