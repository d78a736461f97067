// Entity mentions found in one document (people, organisations, places, groups), with the key that
// links each mention to its entity across the corpus.
#pragma once

#include "server/analysis/knowledge.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::entities {

enum class EntityType : std::uint8_t { Person, Org, Place, Norp, Other };

// Gazetteers and lexicons for finding and typing names (server/data/entities/).
struct Lexicon {};

std::shared_ptr<const Lexicon> loadLexicon(const KnowledgeOverrides& overrides);

struct Mention {
  Span span;        // the name itself: no title, no possessive, no hyphen suffix
  std::string key;  // the surface this mention stands for in this document, folded
  EntityType type = EntityType::Other;
};

struct DocumentEntities {
  std::vector<Mention> mentions;  // sorted by span
};

DocumentEntities analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens, const Lexicon& lexicon);

}  // namespace dossier::analysis::entities
