// The entity code lens: above an entity's defining mention (its first full-name mention with a
// role), "N mentions · M documents · K spellings", running editor.action.showReferences with
// [uri, position, locations] so the editor's own references view lists them.
#include "server/features/entities.h"

#include <set>

namespace dossier::features {
namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

void appendEntityLenses(const RequestContext& context, const corpus::Document& doc,
                        nlohmann::json& lenses) {
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  const auto& query = *lookup.query;
  std::set<std::string> seen;
  std::string uri = RequestContext::uriOf(doc);
  for (const auto* mention : query.mentionsIn(doc.id)) {
    if (context.cancel.cancelled()) return;
    std::string entity = query.entityOf(*mention);
    if (!seen.insert(entity).second) continue;
    auto definition = query.definitionOf(entity);
    if (!definition || definition->doc != doc.id) continue;
    const auto& all = query.mentionsOf(entity);
    std::set<index::DocId> documents;
    std::set<std::string> spellings;
    nlohmann::json locations = nlohmann::json::array();
    for (const auto& ref : all) {
      const corpus::Document* in = context.snapshot->document(ref.doc);
      if (!in) continue;
      documents.insert(ref.doc);
      spellings.insert(std::string(ref.mention->span.in(*in->text)));
      locations.push_back(protocol::toJSON(context.location(*in, ref.mention->span)));
    }
    protocol::CodeLens lens;
    lens.range = context.range(doc, definition->mention->span);
    lens.command = protocol::Command{counted(all.size(), "mention", "mentions") + " · " +
                                         counted(documents.size(), "document", "documents") +
                                         " · " + counted(spellings.size(), "spelling", "spellings"),
                                     "editor.action.showReferences",
                                     {uri, protocol::toJSON(lens.range.start), locations}};
    lenses.push_back(protocol::toJSON(lens));
  }
}

} // namespace dossier::features
