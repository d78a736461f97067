// Internal to the entity analysis: appositive roles and statements attributed with a cue verb.
#pragma once

#include "server/analysis/entities/document_entities.h"

namespace dossier::analysis::entities {

// Adds to `entities.roles` and `entities.statements`, reading `entities.mentions` (already linked).
void findRolesAndStatements(std::string_view text, const TextStructure& structure,
                            const std::vector<Token>& tokens, const Lexicon& lexicon,
                            DocumentEntities& entities);

} // namespace dossier::analysis::entities
