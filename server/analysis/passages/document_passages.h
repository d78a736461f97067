// A document cut into passages (paragraphs of an article, comments of a thread, the quoted block of a
// blog post), each with the terms the related-passages index ranks by.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <string_view>
#include <vector>

namespace dossier::analysis::passages {

struct Passage {
  Span span;
};

struct DocumentPassages {
  std::vector<Passage> passages;  // sorted by span
};

DocumentPassages analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens, const entities::DocumentEntities& entities);

}  // namespace dossier::analysis::passages
