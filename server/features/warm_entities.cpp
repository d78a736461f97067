// Frequent entities worked out before anyone asks. The first hover or references request on an
// entity gathers its mentions from every document that names it and resolves each of them, so
// its cost grows with the entity's mentions: tens of milliseconds for a name in thousands of
// documents of a large folder, where a rare name costs well under one. Warming the most widely
// mentioned entities of a settled snapshot bounds the slow first requests; the rest stay cheap.
#include "server/corpus/flags_tables.h"
#include "server/features/entities.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace dossier::features {
namespace {

// Only keys in at least this many documents: below it a first request is cheap anyway.
constexpr std::size_t kWarmMinDocuments = 32;

} // namespace

std::size_t warmFrequentEntities(const RequestContext& context, std::size_t limit,
                                 std::size_t referencesLimit,
                                 const std::function<bool()>& superseded) {
  auto sharedLookup = EntityLookup::of(context);
  const EntityLookup& lookup = *sharedLookup;
  const index::EntityQuery& query = *lookup.query;
  const index::EntityIndex& entities = query.index();

  std::vector<std::pair<std::size_t, std::string>> widest; // (documents, key)
  entities.forEachKey([&](const std::string& key, std::uint32_t) {
    std::size_t documents = entities.documentsMentioning(key).size();
    if (documents >= kWarmMinDocuments) widest.emplace_back(documents, key);
  });
  // Most documents first; ties by key, so the work does not depend on the index's hash order.
  std::sort(widest.begin(), widest.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  std::unordered_set<std::string> warmed;
  for (const auto& [documents, key] : widest) {
    if (warmed.size() >= limit || superseded()) break;
    auto entity = query.entityOfKey(key);
    if (!entity || !warmed.insert(*entity).second) continue;
    query.cardOf(*entity); // gathers the mentions too
    // Editors ask for references with the declaration included (VS Code, Neovim's default). The
    // answer is kept as JSON text, about 130 bytes a mention: only for the most mentioned.
    if (warmed.size() <= referencesLimit) lookup.referencesText(context, *entity, true);
  }
  return warmed.size();
}

void warmFlagTables(const RequestContext& context) {
  const corpus::Snapshot& snapshot = *context.snapshot;
  corpus::FlagTables::of(snapshot)->figureTable(snapshot);
}

} // namespace dossier::features
