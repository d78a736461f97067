// The entity features: references, definition/declaration, documentHighlight, hover and semantic
// tokens. Each file translates protocol <-> the index's EntityQuery (server/index/entity_query.h).
#pragma once

#include "server/features/features.h"
#include "server/index/entity_query.h"

#include <memory>
#include <optional>

namespace dossier::features {

// An EntityQuery over the request's snapshot, with the workspace's linking overrides.
struct EntityLookup {
  index::LinkOverrides overrides;
  std::unique_ptr<index::EntityQuery> query;
  explicit EntityLookup(const RequestContext& context);
  // The mention under the request's cursor, or none.
  std::optional<index::MentionRef> at(const RequestContext& context,
                                      const protocol::TextDocumentPositionParams& params) const;
};

nlohmann::json references(RequestContext& context, const nlohmann::json& params);
nlohmann::json definition(RequestContext& context, const nlohmann::json& params);
nlohmann::json documentHighlight(RequestContext& context, const nlohmann::json& params);
nlohmann::json hover(RequestContext& context, const nlohmann::json& params);
nlohmann::json semanticTokensFull(RequestContext& context, const nlohmann::json& params);
nlohmann::json semanticTokensRange(RequestContext& context, const nlohmann::json& params);

// Semantic token types, indexed by analysis::entities::EntityType.
std::vector<std::string> entityTokenTypes();

} // namespace dossier::features
