#include "server/index/corpus_index.h"

namespace dossier::index {

void CorpusIndex::add(DocId doc, const analysis::DocumentAnalysis& analysis) {
  entities.add(doc, analysis.entities);
}

void CorpusIndex::remove(DocId doc, const analysis::DocumentAnalysis& analysis) {
  entities.remove(doc, analysis.entities);
}

}  // namespace dossier::index
