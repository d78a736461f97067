// textDocument/semanticTokens/full and /range: exactly the document's entity mention spans, typed.
#include "protocol/types_features.h"
#include "server/features/entities.h"

namespace dossier::features {
namespace {

nlohmann::json tokensFor(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::SemanticTokensParams>(json);
  const corpus::Document& doc = context.requireDocument(params.textDocument.uri);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  protocol::LineIndex lines = context.lines(doc);
  protocol::SemanticTokens tokens;
  std::uint32_t lastLine = 0, lastChar = 0;
  for (const auto* mention : lookup.query->mentionsIn(doc.id)) {
    protocol::Range range = context.range(lines, mention->span);
    if (range.start.line != range.end.line) continue; // tokens are single-line
    if (params.range &&
        (range.end.line < params.range->start.line || range.start.line > params.range->end.line))
      continue;
    auto line = static_cast<std::uint32_t>(range.start.line);
    auto character = static_cast<std::uint32_t>(range.start.character);
    tokens.data.push_back(line - lastLine);
    tokens.data.push_back(line == lastLine ? character - lastChar : character);
    tokens.data.push_back(static_cast<std::uint32_t>(range.end.character - range.start.character));
    tokens.data.push_back(
        static_cast<std::uint32_t>(lookup.query->typeOf(lookup.query->entityOf(*mention))));
    tokens.data.push_back(0);
    lastLine = line;
    lastChar = character;
  }
  return protocol::toJSON(tokens);
}

} // namespace

std::vector<std::string> entityTokenTypes() {
  return {"person", "organisation", "place", "group", "entity"};
}

nlohmann::json semanticTokensFull(RequestContext& context, const nlohmann::json& json) {
  return tokensFor(context, json);
}
nlohmann::json semanticTokensRange(RequestContext& context, const nlohmann::json& json) {
  return tokensFor(context, json);
}

} // namespace dossier::features
