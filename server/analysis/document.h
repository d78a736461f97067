// The analysis of one document: a pure function of its text and the read-only Knowledge, so it can run
// on any thread and be cached by content hash. Corpus-wide conclusions (which mentions are one entity
// across files, which lines repeat across documents, which passages are related) are drawn by the
// index from these per-document results.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/analysis/knowledge.h"
#include "server/analysis/passages/document_passages.h"
#include "server/analysis/rules/document_findings.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <memory>
#include <string_view>

namespace dossier::analysis {

// The tokens are not kept: they were twice the text's size in every document's analysis, and
// what reads them after analysis (numbers/disagree) tokenises the passages it compares again
// (tokenizeWithin()).
struct DocumentAnalysis {
  TextStructure structure;
  entities::DocumentEntities entities;
  rules::DocumentFindings findings;
  passages::DocumentPassages passages;
};

std::shared_ptr<const DocumentAnalysis> analyzeDocument(std::string_view text,
                                                        const Knowledge& knowledge);

}  // namespace dossier::analysis
