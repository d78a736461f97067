// References and highlights on a word that is not a name (story_words.cpp): the event or thing at
// the cursor across the reports of its story (server/index/story_words.h). The entity features
// fall back to these when the cursor is on no entity mention.
#pragma once

#include "protocol/types_features.h"
#include "server/features/features.h"

#include <optional>

namespace dossier::features {

// textDocument/references at a story word; nullopt when the cursor is on none.
std::optional<nlohmann::json> storyWordReferences(const RequestContext& context,
                                                  const protocol::ReferenceParams& params);
// textDocument/documentHighlight at a story word: its family's words in this document.
std::optional<nlohmann::json>
storyWordHighlights(const RequestContext& context,
                    const protocol::TextDocumentPositionParams& params);

} // namespace dossier::features
