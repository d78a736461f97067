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

class CorpusIndex {
 public:
  void add(DocId doc, const analysis::DocumentAnalysis& analysis);
  void remove(DocId doc, const analysis::DocumentAnalysis& analysis);

  EntityIndex entities;
  LineIndex lines;  // corpus-wide line repetition (boilerplate)
  PassageIndex passages;
};

}  // namespace dossier::index
