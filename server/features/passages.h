// Related passages: the passages of other documents that tell the same story as the one at the
// cursor, shared by textDocument/implementation, dossier/relatedPassages and the code lenses.
#pragma once

#include "server/analysis/passages/document_passages.h"
#include "server/features/features.h"
#include "server/index/passage_index.h"

#include <string>
#include <vector>

namespace dossier::features {

struct RelatedPassage {
  const corpus::Document* doc = nullptr;
  const analysis::passages::Passage* passage = nullptr;
  index::PassageMatch match;
  std::vector<std::string> changes; // how the story changed, see storyChanges()
  std::string reason;               // one line: what is shared, then the changes
};

// The passages related to `asked` (a passage of `doc`), best first, at most `limit`. `story` is
// `doc`'s index::AskedStory, when the caller asks about several of its passages; else it is
// worked out here.
std::vector<RelatedPassage> relatedPassages(const corpus::Snapshot& snapshot,
                                            const corpus::Document& doc,
                                            const analysis::passages::Passage& asked,
                                            std::size_t limit,
                                            const index::AskedStory* story = nullptr);

// Locations of related passages, best first, with one LineIndex per document.
std::vector<protocol::Location> locationsOf(const RequestContext& context,
                                            const std::vector<RelatedPassage>& related);

// A related passage is a strong match (worth a code lens) from this similarity up.
inline constexpr double kStrongSimilarity = 0.3;

nlohmann::json implementation(RequestContext& context, const nlohmann::json& params);
// dossier/relatedPassages {textDocument, position, limit?} ->
// [{uri, range, score, reason, changes, nearDuplicate}]
nlohmann::json relatedPassagesRequest(RequestContext& context, const nlohmann::json& params);
nlohmann::json codeLens(RequestContext& context, const nlohmann::json& params);

} // namespace dossier::features
