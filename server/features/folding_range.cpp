// textDocument/foldingRange: each paragraph (passage) that spans more than one line folds.
#include "server/features/features.h"

namespace dossier::features {

nlohmann::json foldingRange(RequestContext& context, const nlohmann::json& json) {
  auto document = lsp::parseParams<protocol::TextDocumentIdentifier>(
      json.value("textDocument", nlohmann::json()));
  const corpus::Document& doc = context.requireDocument(document.uri);
  protocol::LineIndex lines = context.lines(doc);
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& passage : doc.analysis->passages.passages) {
    std::size_t first = lines.lineOf(passage.span.begin);
    std::size_t last = lines.lineOf(passage.span.end == 0 ? 0 : passage.span.end - 1);
    if (last > first)
      ranges.push_back({{"startLine", first}, {"endLine", last}, {"kind", "region"}});
  }
  return ranges;
}

} // namespace dossier::features
