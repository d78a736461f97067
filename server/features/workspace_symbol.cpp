// workspace/symbol: the corpus's entities matching a typed query (fuzzy: prefix, word prefixes,
// initials, subsequence; case and diacritics folded), best match first, then most mentioned. Each
// symbol points at the entity's defining mention; containerName is its type.
#include "server/features/entities.h"
#include "server/index/entity_search.h"

namespace dossier::features {
namespace {

using analysis::entities::EntityType;

constexpr std::size_t kMaxSymbols = 200;

} // namespace

protocol::SymbolKind symbolKindOf(EntityType type) {
  switch (type) {
  case EntityType::Person:
    return protocol::SymbolKind::Object;
  case EntityType::Org:
    return protocol::SymbolKind::Class;
  case EntityType::Place:
    return protocol::SymbolKind::Namespace;
  case EntityType::Norp:
    return protocol::SymbolKind::Enum;
  case EntityType::Other:
    break;
  }
  return protocol::SymbolKind::Constant;
}

protocol::CompletionItemKind completionKindOf(EntityType type) {
  switch (type) {
  case EntityType::Person:
    return protocol::CompletionItemKind::Value;
  case EntityType::Org:
    return protocol::CompletionItemKind::Class;
  case EntityType::Place:
    return protocol::CompletionItemKind::Module;
  case EntityType::Norp:
    return protocol::CompletionItemKind::Enum;
  case EntityType::Other:
    break;
  }
  return protocol::CompletionItemKind::Constant;
}

nlohmann::json workspaceSymbol(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::WorkspaceSymbolParams>(json);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  const auto& query = *lookup.query;
  std::string folded =
      analysis::entities::nameKey(params.query, *context.snapshot->knowledge->entities);
  auto cancelled = [&] { return context.cancel.cancelled(); };
  auto matches = index::searchEntities(query, folded, index::MatchQuality::Subsequence, kMaxSymbols,
                                       cancelled);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& match : matches) {
    if (context.cancel.cancelled()) break;
    auto definition = query.definitionOf(match.entity);
    if (!definition) continue;
    const corpus::Document* doc = context.snapshot->document(definition->doc);
    if (!doc) continue;
    protocol::SymbolInformation symbol;
    EntityType type = query.typeOf(match.entity);
    symbol.name = std::string(definition->mention->span.in(*doc->text));
    symbol.kind = symbolKindOf(type);
    symbol.containerName = std::string(analysis::entities::typeName(type));
    symbol.location = {RequestContext::uriOf(*doc), context.range(*doc, definition->mention->span)};
    out.push_back(protocol::toJSON(symbol));
  }
  return out;
}

} // namespace dossier::features
