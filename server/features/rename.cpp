// textDocument/prepareRename + rename: respell an entity across the corpus. Every mention of the
// entity under the cursor that is written exactly as that mention (same surface text) is replaced,
// in open and closed files alike, as one WorkspaceEdit: the user's way to normalise a spelling.
// Open documents carry their editor version so a stale edit is refused by the client; the server
// itself never writes a file.
#include "server/features/entities.h"

#include <map>

namespace dossier::features {
namespace {

[[noreturn]] void notOnAName() {
  throw lsp::RequestError{protocol::ErrorCode::RequestFailed,
                          "Nothing to rename here: the cursor is not on an entity name."};
}

} // namespace

nlohmann::json prepareRename(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::TextDocumentPositionParams>(json);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  auto here = lookup.at(context, params);
  if (!here) notOnAName();
  const corpus::Document* doc = context.snapshot->document(here->doc);
  protocol::PrepareRenameResult result{context.range(*doc, here->mention->span),
                                       std::string(here->mention->span.in(*doc->text))};
  return protocol::toJSON(result);
}

nlohmann::json rename(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::RenameParams>(json);
  if (params.newName.empty() || params.newName.find('\n') != std::string::npos)
    throw lsp::RequestError{protocol::ErrorCode::InvalidParams,
                            "A name cannot be empty or span several lines."};
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  auto here = lookup.at(context, params);
  if (!here) notOnAName();
  const corpus::Document* origin = context.snapshot->document(here->doc);
  std::string_view surface = here->mention->span.in(*origin->text);
  std::string entity = lookup.query->entityOf(*here->mention);
  // mentionsOf is ordered by document then offset, so each document's edits stay in text order.
  std::map<index::DocId, std::vector<protocol::TextEdit>> edits;
  for (const auto& ref : lookup.query->mentionsOf(entity)) {
    context.cancel.check();
    const corpus::Document* doc = context.snapshot->document(ref.doc);
    if (!doc || ref.mention->span.in(*doc->text) != surface) continue;
    edits[ref.doc].push_back({context.range(*doc, ref.mention->span), params.newName});
  }
  protocol::WorkspaceEdit edit;
  edit.documentChanges.emplace();
  for (auto& [id, documentEdits] : edits) {
    const corpus::Document* doc = context.snapshot->document(id);
    protocol::TextDocumentEdit change;
    change.textDocument.uri = RequestContext::uriOf(*doc);
    if (doc->version) change.textDocument.version = static_cast<int>(*doc->version);
    change.edits = std::move(documentEdits);
    edit.documentChanges->push_back(std::move(change));
  }
  return protocol::toJSON(edit);
}

} // namespace dossier::features
