#include "server/index/corpus_index.h"

namespace dossier::index {

PreparedDocument prepare(const analysis::DocumentAnalysis& analysis) {
  return {contributionsOf(analysis.entities), contributionsOf(analysis.passages)};
}

void CorpusIndex::add(DocId doc, const analysis::DocumentAnalysis& analysis) {
  add(doc, analysis, prepare(analysis));
}

void CorpusIndex::add(DocId doc, const analysis::DocumentAnalysis& analysis,
                      const PreparedDocument& prepared) {
  entities.add(doc, prepared.entities);
  lines.add(doc, analysis.findings);
  passages.add(doc, prepared.passages);
}

void CorpusIndex::addMany(const std::vector<Added>& documents) {
  std::vector<std::pair<DocId, const EntityContributions*>> entityParts;
  std::vector<std::pair<DocId, const PassageContributions*>> passageParts;
  entityParts.reserve(documents.size());
  passageParts.reserve(documents.size());
  for (const Added& added : documents) {
    entityParts.push_back({added.doc, &added.prepared->entities});
    passageParts.push_back({added.doc, &added.prepared->passages});
    lines.add(added.doc, added.analysis->findings);
  }
  entities.addMany(entityParts);
  passages.addMany(passageParts);
}

void CorpusIndex::remove(DocId doc, const analysis::DocumentAnalysis& analysis) {
  entities.remove(doc, analysis.entities);
  lines.remove(doc, analysis.findings);
  passages.remove(doc, analysis.passages);
}

} // namespace dossier::index
