// textDocument/hover: the entity card (Markdown, or plain text for clients without Markdown).
#include "protocol/types_features.h"
#include "server/features/entities.h"

#include <sstream>

namespace dossier::features {
namespace {

std::string docName(const RequestContext& context, index::DocId id) {
  const corpus::Document* doc = context.snapshot->document(id);
  return doc ? doc->relative : "?";
}

std::string lineOf(const RequestContext& context, index::DocId id, analysis::Span span) {
  const corpus::Document* doc = context.snapshot->document(id);
  if (!doc) return "";
  return docName(context, id) + ":" + std::to_string(context.range(*doc, span).start.line + 1);
}

} // namespace

nlohmann::json hover(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::TextDocumentPositionParams>(json);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  auto here = lookup.at(context, params);
  if (!here) return nullptr;
  const auto& query = *lookup.query;
  const index::EntityCard& card = query.cardOf(query.entityOf(*here->mention));
  bool markdown = context.client && context.client->hoverMarkdown;
  auto bold = [&](const std::string& s) { return markdown ? "**" + s + "**" : s; };
  auto italic = [&](const std::string& s) { return markdown ? "*" + s + "*" : s; };
  std::ostringstream out;
  out << bold(card.name) << " · " << analysis::entities::typeName(card.type) << " · "
      << card.mentionCount << " mentions in " << card.mentionsPerDocument.size() << " documents";
  if (!context.snapshot->progress.done()) out << " (partial: still reading the folder)";
  out << "\n\n";
  if (!card.ambiguousWith.empty() || here->mention->is(analysis::entities::kAmbiguous)) {
    out << italic("Ambiguous:") << " could also be";
    for (const auto& other : card.ambiguousWith)
      out << " " << other << ";";
    out << " linked here to " << card.name << " (nearest full name in this document)\n\n";
  }
  if (card.surfaces.size() > 1) {
    out << italic("Also written:") << " ";
    for (std::size_t i = 0; i < card.surfaces.size() && i < 6; ++i)
      out << (i ? ", " : "") << card.surfaces[i].first;
    out << "\n\n";
  }
  if (!card.roles.empty()) {
    out << italic("Roles in these texts:") << " ";
    const corpus::Document* last = nullptr;
    for (std::size_t i = 0; i < card.roles.size() && i < 4; ++i) {
      const corpus::Document* doc = context.snapshot->document(card.roles[i].first);
      if (!doc) continue;
      last = doc;
      out << (i ? " · " : "") << card.roles[i].second.span.in(*doc->text) << " (" << doc->relative
          << ")";
    }
    if (card.roles.size() > 4) out << " and " << card.roles.size() - 4 << " more";
    (void)last;
    out << "\n\n";
  }
  if (!card.statements.empty()) {
    out << italic("Reported to have said:") << "\n";
    for (std::size_t i = 0; i < card.statements.size() && i < 3; ++i) {
      const auto& [docId, statement] = card.statements[i];
      const corpus::Document* doc = context.snapshot->document(docId);
      if (!doc) continue;
      std::string said(statement.span.in(*doc->text));
      if (said.size() > 120) said = said.substr(0, 117) + "...";
      out << "- " << statement.cue.str() << ": \"" << said << "\" — "
          << lineOf(context, docId, statement.span) << "\n";
    }
    if (card.statements.size() > 3) out << "- and " << card.statements.size() - 3 << " more\n";
    out << "\n";
  }
  if (!card.cooccurring.empty()) {
    out << italic("Appears with:") << " ";
    for (std::size_t i = 0; i < card.cooccurring.size() && i < 5; ++i)
      out << (i ? " · " : "") << query.nameOf(card.cooccurring[i].entity) << " ("
          << card.cooccurring[i].sentences << ")";
    out << "\n\n";
  }
  out << italic("Documents:") << " ";
  for (std::size_t i = 0; i < card.mentionsPerDocument.size() && i < 5; ++i)
    out << (i ? ", " : "") << docName(context, card.mentionsPerDocument[i].first) << " ("
        << card.mentionsPerDocument[i].second << ")";
  if (card.mentionsPerDocument.size() > 5)
    out << " and " << card.mentionsPerDocument.size() - 5 << " more";
  const corpus::Document* doc = context.snapshot->document(here->doc);
  protocol::Hover result;
  result.contents.kind =
      markdown ? protocol::MarkupKind::Markdown : protocol::MarkupKind::PlainText;
  result.contents.value = out.str();
  result.range = context.range(*doc, here->mention->span);
  return protocol::toJSON(result);
}

} // namespace dossier::features
