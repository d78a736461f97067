// Corpus-wide tables built from every document's analysis. The writer updates them incrementally:
// removing one document's contributions and adding its new ones, never rebuilding for one edit.
// Copies are cheap (shared shards), so each published snapshot holds its own immutable copy.
#pragma once

#include "server/analysis/document.h"
#include "server/index/doc_id.h"
#include "server/index/entity_index.h"
#include "server/index/line_index.h"
#include "server/index/passage_index.h"

namespace dossier::index {

// What one document adds to the index, computed from its analysis alone: prepared on the index
// worker that analyses or decodes the document, so the writer thread only merges it.
struct PreparedDocument {
  EntityContributions entities;
  PassageContributions passages;
};
PreparedDocument prepare(const analysis::DocumentAnalysis& analysis);

class CorpusIndex {
public:
  void add(DocId doc, const analysis::DocumentAnalysis& analysis);
  // The same with its contributions prepared from `analysis` beforehand (prepare()).
  void add(DocId doc, const analysis::DocumentAnalysis& analysis, const PreparedDocument& prepared);
  // Many new documents at once (the folder's first reading), in ascending id order, each id above
  // every indexed document's: the index add() one by one would make, merged key by key.
  struct Added {
    DocId doc;
    const analysis::DocumentAnalysis* analysis;
    const PreparedDocument* prepared;
  };
  void addMany(const std::vector<Added>& documents);
  void remove(DocId doc, const analysis::DocumentAnalysis& analysis);

  EntityIndex entities;
  LineIndex lines; // corpus-wide line repetition (boilerplate)
  PassageIndex passages;
};

} // namespace dossier::index
