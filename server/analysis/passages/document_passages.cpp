#include "server/analysis/passages/document_passages.h"

namespace dossier::analysis::passages {

DocumentPassages analyze(std::string_view, const TextStructure& structure,
                         const std::vector<Token>&, const entities::DocumentEntities&) {
  DocumentPassages result;
  for (Span paragraph : structure.paragraphs) result.passages.push_back({paragraph});
  return result;
}

}  // namespace dossier::analysis::passages
