// textDocument/documentSymbol: the document's outline — its headline, Markdown headings, quoted
// blocks ("[From ...]"), and the entities it mentions.
#include "server/features/features.h"

namespace dossier::features {
namespace {

nlohmann::json symbol(const std::string& name, int kind, const protocol::Range& range) {
  return {{"name", name}, {"kind", kind}, {"range", protocol::toJSON(range)},
          {"selectionRange", protocol::toJSON(range)}};
}

constexpr int kSymbolString = 15;
constexpr int kSymbolNamespace = 3;

}  // namespace

nlohmann::json documentSymbol(RequestContext& context, const nlohmann::json& json) {
  auto document = lsp::parseParams<protocol::TextDocumentIdentifier>(json.value("textDocument", nlohmann::json()));
  const corpus::Document& doc = context.requireDocument(document.uri);
  const std::string& text = *doc.text;
  protocol::LineIndex lines = context.lines(doc);
  nlohmann::json symbols = nlohmann::json::array();
  const auto& paragraphs = doc.analysis->structure.paragraphs;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    std::string_view paragraph = paragraphs[i].in(text);
    if (paragraph.starts_with("#")) {
      std::size_t start = paragraph.find_first_not_of("# ");
      std::string title(paragraph.substr(start == std::string_view::npos ? 0 : start));
      symbols.push_back(symbol(title, kSymbolNamespace, context.range(lines, paragraphs[i])));
    } else if (paragraph.starts_with("[From ") && paragraph.ends_with("]")) {
      symbols.push_back(symbol(std::string(paragraph), kSymbolNamespace, context.range(lines, paragraphs[i])));
    } else if (symbols.empty() && i < 3 && paragraph.size() < 160 && !paragraph.ends_with(".")) {
      symbols.push_back(symbol(std::string(paragraph), kSymbolString, context.range(lines, paragraphs[i])));
    }
  }
  return symbols;
}

}  // namespace dossier::features
