// textDocument/completion: entity names for a capitalised word being typed, in any document (notes
// files especially). Names whose key, or one of whose words, starts with the typed prefix are
// offered, most mentioned first; the kind follows the entity type and the detail gives the type
// and the roles the texts give it.
#include "server/features/entities.h"
#include "server/index/entity_search.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <utf8proc.h>

namespace dossier::features {
namespace {

constexpr std::size_t kMaxItems = 50;

bool isWordCharacter(utf8proc_int32_t codepoint) {
  switch (utf8proc_category(codepoint)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_ND:
    return true;
  default:
    return false;
  }
}

utf8proc_int32_t decodeAt(std::string_view text, std::size_t at) {
  utf8proc_int32_t codepoint = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                   static_cast<utf8proc_ssize_t>(text.size() - at), &codepoint);
  return codepoint;
}

// The start of the word that ends at `end` (== end when there is none).
std::size_t wordStart(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start > 0) {
    std::size_t previous = start - 1;
    while (previous > 0 && (static_cast<unsigned char>(text[previous]) & 0xC0) == 0x80)
      --previous;
    if (!isWordCharacter(decodeAt(text, previous))) break;
    start = previous;
  }
  return start;
}

std::string detailOf(const index::EntityQuery& query, const std::string& entity,
                     analysis::entities::EntityType type) {
  std::string detail(analysis::entities::typeName(type));
  for (const std::string& role : query.rolesOf(entity, 2))
    detail += " · " + role;
  return detail;
}

} // namespace

nlohmann::json completion(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::CompletionParams>(json);
  protocol::CompletionList list;
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return protocol::toJSON(list);
  std::string_view text = *doc->text;
  std::size_t end = std::min<std::size_t>(context.offset(*doc, params.position), text.size());
  std::size_t start = wordStart(text, end);
  if (start == end || utf8proc_category(decodeAt(text, start)) != UTF8PROC_CATEGORY_LU)
    return protocol::toJSON(list);
  std::string typed(text.substr(start, end - start));
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  const auto& query = *lookup.query;
  std::string folded = analysis::entities::nameKey(typed, *context.snapshot->knowledge->entities);
  auto cancelled = [&] { return context.cancel.cancelled(); };
  auto matches = index::searchKeys(query.index(), folded, index::MatchQuality::WordPrefix,
                                   kMaxItems * 2, cancelled);
  // Ranked by how often the corpus writes the name, whichever word the prefix matched.
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.mentions > b.mentions; });
  protocol::Range replaced = context.range(
      *doc, {static_cast<analysis::Offset>(start), static_cast<analysis::Offset>(end)});
  std::set<std::string> labels;
  for (const auto& match : matches) {
    if (context.cancel.cancelled() || list.items.size() >= kMaxItems) break;
    // The word being typed is itself a (one-off) mention: not worth offering back.
    if (match.key == folded && match.mentions <= 1) continue;
    auto entity = query.entityOfKey(match.key);
    if (!entity) continue;
    std::string label = query.nameOf(match.key);
    if (!labels.insert(label).second) continue;
    auto type = query.typeOf(*entity);
    protocol::CompletionItem item;
    item.label = label;
    item.kind = completionKindOf(type);
    item.detail = detailOf(query, *entity, type);
    char rank[16];
    std::snprintf(rank, sizeof rank, "%05zu", list.items.size());
    item.sortText = rank;
    // Clients filter on filterText against the typed word: start it at the word that matched.
    if (match.quality == index::MatchQuality::WordPrefix) {
      std::size_t at = label.find(' ');
      while (at != std::string::npos &&
             analysis::entities::nameKey(std::string_view(label).substr(at + 1),
                                         *context.snapshot->knowledge->entities)
                     .rfind(folded, 0) != 0)
        at = label.find(' ', at + 1);
      if (at != std::string::npos) item.filterText = label.substr(at + 1);
    }
    item.textEdit = protocol::TextEdit{replaced, label};
    list.items.push_back(std::move(item));
  }
  list.isIncomplete = matches.size() >= kMaxItems * 2;
  return protocol::toJSON(list);
}

} // namespace dossier::features
