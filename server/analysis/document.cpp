#include "server/analysis/document.h"

namespace dossier::analysis {

namespace {

template <typename T>
void shrink(std::vector<T>& items) {
  if (items.capacity() > items.size()) items.shrink_to_fit();
}

// An analysis lives as long as its document, so it should hold no more than it needs: vectors
// grown by push_back keep up to twice their size in capacity. Measured with
// tests/bench/memory_bench.cpp: unused capacity was ~2.5x the text's bytes (mostly tokens).
void compact(DocumentAnalysis& analysis) {
  shrink(analysis.structure.lines);
  shrink(analysis.structure.paragraphs);
  shrink(analysis.structure.sentences);
  shrink(analysis.structure.sentenceParagraph);
  shrink(analysis.entities.mentions);
  shrink(analysis.entities.roles);
  shrink(analysis.entities.statements);
  shrink(analysis.entities.lowercaseWords);
  shrink(analysis.findings.findings);
  shrink(analysis.findings.lines);
  shrink(analysis.passages.passages);
  for (auto& passage : analysis.passages.passages) {
    shrink(passage.terms);
    shrink(passage.entities);
    shrink(passage.figures);
    shrink(passage.attributions);
  }
}

}  // namespace

std::shared_ptr<const DocumentAnalysis> analyzeDocument(std::string_view text,
                                                        const Knowledge& knowledge) {
  auto result = std::make_shared<DocumentAnalysis>();
  result->structure = analyzeStructure(text);
  std::vector<Token> tokens = tokenize(text);
  result->entities = entities::analyze(text, result->structure, tokens, *knowledge.entities);
  result->findings =
      rules::analyze(text, result->structure, tokens, result->entities, *knowledge.rules);
  result->passages = passages::analyze(text, result->structure, tokens, result->entities,
                                       result->findings, *knowledge.passages);
  compact(*result);
  return result;
}

}  // namespace dossier::analysis
