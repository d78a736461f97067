#include "server/analysis/document.h"

namespace dossier::analysis {

std::shared_ptr<const DocumentAnalysis> analyzeDocument(std::string_view text,
                                                        const Knowledge& knowledge) {
  auto result = std::make_shared<DocumentAnalysis>();
  result->structure = analyzeStructure(text);
  result->tokens = tokenize(text);
  result->entities = entities::analyze(text, result->structure, result->tokens, *knowledge.entities);
  result->findings = rules::analyze(text, result->structure, result->tokens, result->entities,
                                    *knowledge.rules);
  result->passages = passages::analyze(text, result->structure, result->tokens, result->entities,
                                       result->findings, *knowledge.passages);
  return result;
}

}  // namespace dossier::analysis
