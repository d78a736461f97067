// textDocument/documentSymbol: the document's outline — its headline, Markdown headings, quoted
// blocks ("[From ...]"), and the entities it mentions.
#include "server/features/entities.h"
#include "server/features/features.h"

#include <map>

namespace dossier::features {
namespace {

nlohmann::json symbol(const std::string& name, int kind, const protocol::Range& range) {
  return {{"name", name},
          {"kind", kind},
          {"range", protocol::toJSON(range)},
          {"selectionRange", protocol::toJSON(range)}};
}

constexpr int kSymbolString = 15;
constexpr int kSymbolNamespace = 3;
constexpr std::size_t kMaxEntitySymbols = 100;

// One symbol per entity the document mentions, at its first full-name mention here (else its
// first mention), in text order: after the headline and sections in the outline.
void appendEntities(const RequestContext& context, const corpus::Document& doc,
                    const protocol::LineIndex& lines, nlohmann::json& symbols) {
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  const auto& query = *lookup.query;
  struct Seen {
    const analysis::entities::Mention* shown = nullptr;
    std::size_t mentions = 0;
  };
  std::map<std::string, Seen> entities;
  for (const auto* mention : query.mentionsIn(doc.id)) {
    Seen& seen = entities[query.entityOf(*mention)];
    ++seen.mentions;
    bool full = mention->surfaceKey.str().find(' ') != std::string::npos;
    if (!seen.shown || (full && seen.shown->surfaceKey.str().find(' ') == std::string::npos))
      seen.shown = mention;
  }
  std::vector<std::pair<const std::string*, const Seen*>> ordered;
  for (const auto& [entity, seen] : entities)
    ordered.push_back({&entity, &seen});
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return a.second->shown->span.begin < b.second->shown->span.begin;
  });
  if (ordered.size() > kMaxEntitySymbols) ordered.resize(kMaxEntitySymbols);
  for (const auto& [entity, seen] : ordered) {
    auto type = query.typeOf(*entity);
    nlohmann::json entry =
        symbol(std::string(seen->shown->span.in(*doc.text)), static_cast<int>(symbolKindOf(type)),
               context.range(lines, seen->shown->span));
    entry["detail"] = std::string(analysis::entities::typeName(type)) + " · " +
                      std::to_string(seen->mentions) +
                      (seen->mentions == 1 ? " mention" : " mentions");
    symbols.push_back(std::move(entry));
  }
}

} // namespace

nlohmann::json documentSymbol(RequestContext& context, const nlohmann::json& json) {
  auto document = lsp::parseParams<protocol::TextDocumentIdentifier>(
      json.value("textDocument", nlohmann::json()));
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
      symbols.push_back(
          symbol(std::string(paragraph), kSymbolNamespace, context.range(lines, paragraphs[i])));
    } else if (symbols.empty() && i < 3 && paragraph.size() < 160 && !paragraph.ends_with(".")) {
      symbols.push_back(
          symbol(std::string(paragraph), kSymbolString, context.range(lines, paragraphs[i])));
    }
  }
  appendEntities(context, doc, lines, symbols);
  return symbols;
}

} // namespace dossier::features
