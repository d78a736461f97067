// The entity features: references, definition/declaration, documentHighlight, hover and semantic
// tokens. Each file translates protocol <-> the index's EntityQuery (server/index/entity_query.h).
#pragma once

#include "protocol/types_features.h"
#include "server/features/features.h"
#include "server/index/entity_query.h"

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace dossier::features {

// An EntityQuery over the request's snapshot, with the workspace's linking overrides.
class EntityLookup {
public:
  index::LinkOverrides overrides;
  std::unique_ptr<index::EntityQuery> query;
  explicit EntityLookup(const RequestContext& context);
  // The lookup of the request's snapshot, shared by the requests on that snapshot: its query
  // remembers what it gathered (an entity's mentions, usual spellings), and a user hovers a name,
  // asks for its references and jumps to its definition in a row. A newer snapshot replaces it.
  static std::shared_ptr<const EntityLookup> of(const RequestContext& context);
  // The mention under the request's cursor, or none.
  std::optional<index::MentionRef> at(const RequestContext& context,
                                      const protocol::TextDocumentPositionParams& params) const;
  // The textDocument/references answer for an entity, as JSON text: a frequent name has tens of
  // thousands of mentions, whose locations are written once per snapshot and sent again as they
  // are (RequestContext::resultText).
  std::shared_ptr<const std::string> referencesText(const RequestContext& context,
                                                    const std::string& entity,
                                                    bool includeDeclaration) const;

private:
  index::StringMemo<std::shared_ptr<const std::string>>
      referencesText_; // by entity, flag, encoding
};

nlohmann::json references(RequestContext& context, const nlohmann::json& params);
nlohmann::json definition(RequestContext& context, const nlohmann::json& params);
nlohmann::json documentHighlight(RequestContext& context, const nlohmann::json& params);
nlohmann::json hover(RequestContext& context, const nlohmann::json& params);
nlohmann::json semanticTokensFull(RequestContext& context, const nlohmann::json& params);
nlohmann::json semanticTokensRange(RequestContext& context, const nlohmann::json& params);

// Semantic token types, indexed by analysis::entities::EntityType.
std::vector<std::string> entityTokenTypes();

nlohmann::json workspaceSymbol(RequestContext& context, const nlohmann::json& params);
nlohmann::json prepareRename(RequestContext& context, const nlohmann::json& params);
nlohmann::json rename(RequestContext& context, const nlohmann::json& params);
nlohmann::json completion(RequestContext& context, const nlohmann::json& params);
// Code lenses "N mentions · M documents · K spellings" on the defining mentions the document holds,
// running the editor's references view (entity_lens.cpp; called by codeLens).
void appendEntityLenses(const RequestContext& context, const corpus::Document& doc,
                        nlohmann::json& lenses);

// How entity types show as symbols and completions (workspace_symbol.cpp):
//   person -> Object, organisation -> Class, place -> Namespace, group (NORP) -> Enum,
//   other -> Constant; completion kinds follow the same idea: person -> Value,
//   organisation -> Class, place -> Module, group -> Enum, other -> Constant.
protocol::SymbolKind symbolKindOf(analysis::entities::EntityType type);
protocol::CompletionItemKind completionKindOf(analysis::entities::EntityType type);

} // namespace dossier::features
