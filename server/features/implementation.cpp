// textDocument/implementation: from any position in a passage, the related passages of other
// documents (ranges covering each passage), best first. Editors show them as "Peek
// Implementations".
#include "server/features/passages.h"

namespace dossier::features {
namespace {

constexpr std::size_t kImplementationLimit = 10;

} // namespace

nlohmann::json implementation(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::TextDocumentPositionParams>(json);
  nlohmann::json locations = nlohmann::json::array();
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return locations;
  const auto& passages = doc->analysis->passages;
  int at = analysis::passages::passageAt(passages, context.offset(*doc, params.position));
  if (at < 0) return locations;
  auto related =
      relatedPassages(*context.snapshot, *doc, passages.passages[at], kImplementationLimit);
  for (const auto& location : locationsOf(context, related))
    locations.push_back(protocol::toJSON(location));
  return locations;
}

} // namespace dossier::features
