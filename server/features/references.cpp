// textDocument/references: every mention of the entity under the cursor, in every file; on a word
// that is not a name, its occurrences in the reports of its story (story_words.cpp).
#include "protocol/json_text.h"
#include "protocol/types_features.h"
#include "server/features/entities.h"
#include "server/features/story_words.h"

#include <mutex>
#include <optional>

namespace dossier::features {

EntityLookup::EntityLookup(const RequestContext& context) {
  const auto& snapshot = *context.snapshot;
  const auto& config = *snapshot.config;
  overrides = index::LinkOverrides::from(config.aliasGroups, config.separateGroups,
                                         config.ignoredSurfaces, *snapshot.knowledge->entities);
  auto snap = context.snapshot;
  query = std::make_unique<index::EntityQuery>(
      snapshot.index->entities,
      [snap](index::DocId id) {
        const corpus::Document* doc = snap->document(id);
        if (!doc) return index::DocumentView{};
        return index::DocumentView{&doc->analysis->entities, *doc->text, doc->path,
                                   &doc->analysis->findings};
      },
      overrides, &snapshot.index->lines, snapshot.pathRanks.get());
}

std::shared_ptr<const EntityLookup> EntityLookup::of(const RequestContext& context) {
  static std::mutex mutex;
  static std::shared_ptr<const corpus::Snapshot> snapshotOfLookup;
  static std::shared_ptr<const EntityLookup> lookup;
  std::lock_guard lock(mutex);
  if (!lookup || snapshotOfLookup != context.snapshot) {
    lookup = std::make_shared<const EntityLookup>(context);
    snapshotOfLookup = context.snapshot;
  }
  return lookup;
}

std::optional<index::MentionRef>
EntityLookup::at(const RequestContext& context,
                 const protocol::TextDocumentPositionParams& params) const {
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return std::nullopt;
  return query->mentionAt(doc->id, context.offset(*doc, params.position));
}

std::shared_ptr<const std::string> EntityLookup::referencesText(const RequestContext& context,
                                                                const std::string& entity,
                                                                bool includeDeclaration) const {
  std::string memoKey = entity;
  memoKey += includeDeclaration ? "\x1f+" : "\x1f-";
  memoKey += static_cast<char>('0' + static_cast<int>(context.encoding));
  return referencesText_.get(memoKey, [&] {
    const auto& all = query->mentionsOf(entity);
    auto definition = query->definitionOf(entity, all);
    // The JSON text written directly: tens of thousands of locations built as JSON values first
    // cost more than finding them. Mentions come document by document: each URI is quoted once.
    std::string out;
    out.reserve(all.size() * 112);
    out += '[';
    const corpus::Document* doc = nullptr;
    std::optional<index::DocId> current;
    std::string quotedUri;
    for (const auto& ref : all) {
      if (!includeDeclaration && definition && definition->doc == ref.doc &&
          definition->mention == ref.mention)
        continue;
      if (current != ref.doc) {
        current = ref.doc;
        doc = context.snapshot->document(ref.doc);
        quotedUri.clear();
        if (doc) protocol::appendJsonString(quotedUri, RequestContext::uriOf(*doc));
      }
      if (!doc) continue;
      if (out.size() > 1) out += ',';
      protocol::appendLocationJson(out, quotedUri, context.range(*doc, ref.mention->span));
    }
    out += ']';
    return std::make_shared<const std::string>(std::move(out));
  });
}

nlohmann::json references(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::ReferenceParams>(json);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  auto here = lookup.at(context, params);
  if (!here) return storyWordReferences(context, params).value_or(nlohmann::json::array());
  context.resultText = lookup.referencesText(context, lookup.query->entityOf(*here->mention),
                                             params.context.includeDeclaration);
  return nullptr;
}

nlohmann::json definition(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::TextDocumentPositionParams>(json);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  auto here = lookup.at(context, params);
  if (!here) return nullptr;
  std::string entity = lookup.query->entityOf(*here->mention);
  auto definition = lookup.query->definitionOf(entity, lookup.query->mentionsOf(entity));
  if (!definition) return nullptr;
  const corpus::Document* doc = context.snapshot->document(definition->doc);
  if (!doc) return nullptr;
  return protocol::toJSON(protocol::Location{RequestContext::uriOf(*doc),
                                             context.range(*doc, definition->mention->span)});
}

nlohmann::json documentHighlight(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::TextDocumentPositionParams>(json);
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  auto here = lookup.at(context, params);
  if (!here) return storyWordHighlights(context, params).value_or(nlohmann::json::array());
  nlohmann::json out = nlohmann::json::array();
  std::string entity = lookup.query->entityOf(*here->mention);
  const corpus::Document* doc = context.snapshot->document(here->doc);
  for (const auto* mention : lookup.query->mentionsIn(here->doc))
    if (lookup.query->entityOf(*mention) == entity)
      out.push_back(protocol::toJSON(protocol::DocumentHighlight{
          context.range(*doc, mention->span), protocol::DocumentHighlightKind::Text}));
  return out;
}

} // namespace dossier::features
