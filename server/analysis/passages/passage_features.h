// The per-passage features of analyze(): content terms, entity keys, figures, attributions, hedges
// and quotes, read from the document's tokens (one tokenisation per document) in one pass.
#pragma once

#include "server/analysis/passages/document_passages.h"

namespace dossier::analysis::passages {

// The tokens and mentions a passage's features are read from: slices of the document's vectors.
struct PassageInput {
  std::string_view text;
  const Token* tokensBegin = nullptr;
  const Token* tokensEnd = nullptr;
  const entities::Mention* mentionsBegin = nullptr;
  const entities::Mention* mentionsEnd = nullptr;
  // Where each of the passage's windows ends (the last at the passage's end), at most kMaxWindows.
  std::vector<Offset> windowEnds;
};

// Fills `passage` (whose span is set) with its features.
void computeFeatures(const PassageInput& input, const Lexicon& lexicon, Passage& passage);

} // namespace dossier::analysis::passages
