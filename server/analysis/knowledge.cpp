#include "server/analysis/knowledge.h"

#include "server/analysis/entities/document_entities.h"
#include "server/analysis/passages/passage_lexicon.h"
#include "server/analysis/rules/document_findings.h"

namespace dossier::analysis {

std::shared_ptr<const Knowledge> Knowledge::load(const KnowledgeOverrides& overrides) {
  auto knowledge = std::make_shared<Knowledge>();
  knowledge->entities = entities::loadLexicon(overrides);
  knowledge->rules = rules::loadRuleSet(overrides);
  knowledge->passages = passages::loadLexicon(overrides);
  return knowledge;
}

std::shared_ptr<const Knowledge> Knowledge::builtin() {
  static const std::shared_ptr<const Knowledge> knowledge = load();
  return knowledge;
}

}  // namespace dossier::analysis
