#include "server/index/corpus_index.h"

namespace dossier::index {

void CorpusIndex::add(DocId doc, const analysis::DocumentAnalysis& analysis) {
  entities.add(doc, analysis.entities);
  lines.add(doc, analysis.findings);
  passages.add(doc, analysis.passages);
}

void CorpusIndex::remove(DocId doc, const analysis::DocumentAnalysis& analysis) {
  entities.remove(doc, analysis.entities);
  lines.remove(doc, analysis.findings);
  passages.remove(doc, analysis.passages);
}

}  // namespace dossier::index
