#include "server/analysis/rules/document_findings.h"

namespace dossier::analysis::rules {

std::shared_ptr<const RuleSet> loadRuleSet(const KnowledgeOverrides&) {
  return std::make_shared<RuleSet>();
}

DocumentFindings analyze(std::string_view, const TextStructure&, const std::vector<Token>&,
                         const entities::DocumentEntities&, const RuleSet&) {
  return {};
}

}  // namespace dossier::analysis::rules
