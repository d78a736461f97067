// textDocument/codeLens: "3 related passages" above each passage with strong matches in other
// documents; the command dossier.showRelated [uri, position, locations] opens them (the editor
// plugins bind it to their reference/peek view). Entity lenses ("N mentions · M documents · K
// spellings") are added by entity_lens.cpp.
#include "protocol/types_features.h"
#include "server/features/entities.h"
#include "server/features/passages.h"

namespace dossier::features {
namespace {

constexpr std::size_t kLensCandidates = 10;

} // namespace

nlohmann::json codeLens(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::CodeLensParams>(json);
  nlohmann::json lenses = nlohmann::json::array();
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return lenses;
  protocol::LineIndex lines = context.lines(*doc);
  std::string uri = RequestContext::uriOf(*doc);
  for (const auto& passage : doc->analysis->passages.passages) {
    if (context.cancel.cancelled()) break;
    auto related = relatedPassages(*context.snapshot, *doc, passage, kLensCandidates);
    std::erase_if(related,
                  [](const RelatedPassage& r) { return r.match.similarity < kStrongSimilarity; });
    if (related.empty()) continue;
    protocol::Range range = context.range(lines, {passage.span.begin, passage.span.begin});
    nlohmann::json locations = nlohmann::json::array();
    for (const auto& location : locationsOf(context, related))
      locations.push_back(protocol::toJSON(location));
    protocol::CodeLens lens;
    lens.range = range;
    std::size_t n = related.size();
    lens.command =
        protocol::Command{std::to_string(n) + (n == 1 ? " related passage" : " related passages"),
                          "dossier.showRelated",
                          {uri, protocol::toJSON(range.start), locations}};
    lenses.push_back(protocol::toJSON(lens));
  }
  // Entity lenses (entity_lens.cpp): mention counts on each defining mention in this document.
  appendEntityLenses(context, *doc, lenses);
  return lenses;
}

} // namespace dossier::features
