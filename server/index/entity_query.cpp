#include "server/index/entity_query.h"

#include <algorithm>
#include <map>
#include <set>

namespace dossier::index {
namespace {

// Light lookups read at most this many of the documents that mention a key.
constexpr std::size_t kLightLookupDocuments = 4;

bool isMultiWord(const std::string& key) {
  return key.find(' ') != std::string::npos;
}

template <typename Pairs> void sortByCountDescending(Pairs& pairs) {
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
}

} // namespace

LinkOverrides LinkOverrides::from(const std::vector<std::vector<std::string>>& aliasGroups,
                                  const std::vector<std::vector<std::string>>& separateGroups,
                                  const std::vector<std::string>& ignoredSurfaces,
                                  const ent::Lexicon& lexicon) {
  LinkOverrides overrides;
  for (const auto& group : aliasGroups) {
    if (group.empty()) continue;
    std::string canonical = ent::nameKey(group.front(), lexicon);
    for (const auto& surface : group)
      overrides.aliasOf[ent::nameKey(surface, lexicon)] = canonical;
  }
  for (const auto& group : separateGroups)
    for (const auto& surface : group)
      overrides.separate.insert(ent::nameKey(surface, lexicon));
  for (const auto& surface : ignoredSurfaces)
    overrides.ignored.insert(ent::nameKey(surface, lexicon));
  overrides.lexicon = &lexicon;
  return overrides;
}

EntityQuery::EntityQuery(const EntityIndex& index, DocumentLookup documents,
                         const LinkOverrides& overrides)
    : index_(index), documents_(std::move(documents)), overrides_(overrides) {}

bool EntityQuery::accepted(const ent::Mention& mention) const {
  if (overrides_.ignored.count(mention.surfaceKey)) return false;
  if (!mention.is(ent::kTentative)) return true;
  // A sentence-initial word: a name if the corpus writes it capitalised mid-sentence, or never in
  // lower case.
  if (index_.confidentMentions(mention.surfaceKey) > 0) return true;
  return index_.lowercaseDocuments(ent::wordHash(mention.surfaceKey)) == 0;
}

std::optional<std::string> EntityQuery::bestOf(const KeyCounts& counts,
                                               const std::string& exclude) const {
  const std::pair<std::string, std::uint32_t>* best = nullptr;
  for (const auto& entry : counts)
    if (entry.first != exclude && !overrides_.separate.count(entry.first) &&
        (!best || entry.second > best->second ||
         (entry.second == best->second && entry.first < best->first)))
      best = &entry;
  if (!best) return std::nullopt;
  return best->first;
}

std::vector<std::string> EntityQuery::groupForms(const std::string& key) const {
  std::vector<std::string> forms;
  if (!overrides_.lexicon || isMultiWord(key)) return forms;
  auto form = ent::demonymForm(key, *overrides_.lexicon);
  if (!form) return forms;
  for (const auto& [ending, adjective] : overrides_.lexicon->demonymSuffixes) {
    std::string candidate = form->stem + ending;
    auto again = ent::demonymForm(candidate, *overrides_.lexicon);
    if (!again || again->stem != form->stem) continue;
    if (candidate == key ||
        index_.typeVotes(candidate)[static_cast<std::size_t>(ent::EntityType::Norp)] > 0)
      forms.push_back(std::move(candidate));
  }
  return forms;
}

std::optional<std::string> EntityQuery::groupKey(const std::string& key) const {
  if (index_.typeVotes(key)[static_cast<std::size_t>(ent::EntityType::Norp)] == 0)
    return std::nullopt;
  std::optional<std::string> best;
  std::size_t bestDocuments = 0;
  for (std::string& form : groupForms(key)) {
    std::size_t documents = index_.documentsMentioning(form).size();
    if (!best || documents > bestDocuments || (documents == bestDocuments && form < *best)) {
      best = std::move(form);
      bestDocuments = documents;
    }
  }
  return best;
}

std::string EntityQuery::entityOf(const ent::Mention& mention) const {
  auto overridden = [&](const std::string& key) {
    auto it = overrides_.aliasOf.find(key);
    return it == overrides_.aliasOf.end() ? key : it->second;
  };
  if (overrides_.aliasOf.count(mention.surfaceKey))
    return overrides_.aliasOf.at(mention.surfaceKey);
  // A word the corpus uses for a place or group stands for itself, not for a longer name that
  // holds it ("Aldmark" is not "Aldmark First").
  // Most of its mentions must say so: one "a statement from Keystone" does not make a place.
  bool placeLike = !isMultiWord(mention.surfaceKey) && !mention.is(ent::kAcronym) &&
                   index_.placeLikeMentions(mention.surfaceKey) * 3 >=
                       std::max<std::uint32_t>(1, index_.confidentMentions(mention.surfaceKey));
  if (placeLike && mention.is(ent::kShortForm)) {
    if (auto group = groupKey(mention.surfaceKey)) return overridden(*group);
    return overridden(mention.surfaceKey);
  }
  if (mention.is(ent::kLinkedInDocument) || isMultiWord(mention.key) ||
      overrides_.separate.count(mention.key))
    return overridden(mention.key);
  if (auto group = groupKey(mention.key)) return overridden(*group);
  if (mention.is(ent::kKnown) && !mention.is(ent::kAcronym)) return overridden(mention.key);
  if (mention.is(ent::kAcronym)) {
    if (auto best = bestOf(index_.expansionsOf(mention.key), mention.key)) return overridden(*best);
    return overridden(mention.key);
  }
  if (!placeLike)
    if (auto best = bestOf(index_.fullNamesWithWord(mention.key), mention.key))
      return overridden(*best);
  return overridden(mention.key);
}

std::vector<const ent::Mention*> EntityQuery::mentionsIn(DocId doc) const {
  std::vector<const ent::Mention*> out;
  DocumentView view = documents_(doc);
  if (!view.entities) return out;
  for (const ent::Mention& mention : view.entities->mentions)
    if (accepted(mention)) out.push_back(&mention);
  return out;
}

std::optional<MentionRef> EntityQuery::mentionAt(DocId doc, analysis::Offset offset) const {
  DocumentView view = documents_(doc);
  if (!view.entities) return std::nullopt;
  const ent::Mention* mention = ent::mentionAt(*view.entities, offset);
  if (!mention || !accepted(*mention)) return std::nullopt;
  return MentionRef{doc, mention};
}

std::vector<MentionRef> EntityQuery::mentionsOf(const std::string& entity) const {
  // Every key that could resolve to the entity: itself, its words (short forms), its initials
  // (acronyms), and the workspace's aliases of it.
  std::set<std::string> keys = {entity};
  if (isMultiWord(entity)) {
    keys.insert(entity.substr(0, entity.find(' ')));
    keys.insert(entity.substr(entity.rfind(' ') + 1));
    for (const std::string& initials : initialsOf(entity))
      keys.insert(initials);
  }
  for (const auto& [alias, canonical] : overrides_.aliasOf)
    if (canonical == entity) keys.insert(alias);
  for (std::string& form : groupForms(entity))
    keys.insert(std::move(form));
  std::set<DocId> docs;
  for (const std::string& key : keys)
    for (DocId doc : index_.documentsMentioning(key))
      docs.insert(doc);
  // Acronyms defined in text whose expansion is this entity are found through their own key.
  std::vector<MentionRef> out;
  for (DocId doc : docs) {
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions) {
      if (!keys.count(mention.key) && !keys.count(mention.surfaceKey)) continue;
      if (accepted(mention) && entityOf(mention) == entity) out.push_back({doc, &mention});
    }
  }
  return out;
}

std::optional<MentionRef> EntityQuery::definitionOf(const std::string&,
                                                    const std::vector<MentionRef>& all) const {
  std::optional<MentionRef> firstFull;
  for (const MentionRef& ref : all) {
    if (!isMultiWord(ref.mention->surfaceKey) && !ref.mention->is(ent::kAcronym)) continue;
    if (!firstFull) firstFull = ref;
    DocumentView view = documents_(ref.doc);
    for (const ent::Role& role : view.entities->roles)
      if (role.key == ref.mention->key && (role.span.end <= ref.mention->span.begin + 1
                                               ? ref.mention->span.begin - role.span.end < 3
                                               : role.span.begin - ref.mention->span.end < 4))
        return ref;
  }
  if (firstFull) return firstFull;
  if (!all.empty()) return all.front();
  return std::nullopt;
}

ent::EntityType EntityQuery::typeOf(const std::string& entity) const {
  // Votes of the mentions the texts typed; Other counts only when nothing else was said.
  auto votes = index_.typeVotes(entity);
  constexpr auto kOther = static_cast<std::size_t>(ent::EntityType::Other);
  std::size_t best = kOther;
  for (std::size_t i = 0; i < votes.size(); ++i)
    if (i != kOther && votes[i] > 0 && (best == kOther || votes[i] > votes[best])) best = i;
  if (best != kOther || isMultiWord(entity)) return static_cast<ent::EntityType>(best);
  // A word whose group name the corpus uses is a place ("Drovnia" beside "Drovnians").
  if (overrides_.lexicon)
    for (const auto& [ending, adjective] : overrides_.lexicon->demonymSuffixes)
      for (const std::string& stem : {entity, entity.substr(0, entity.size() - 1)})
        if (index_.typeVotes(stem + ending)[static_cast<std::size_t>(ent::EntityType::Norp)] > 0)
          return ent::EntityType::Place;
  // One unknown word the texts never typed: most often an organisation, brand or outlet.
  return votes[kOther] > 0 ? ent::EntityType::Org : ent::EntityType::Other;
}

std::optional<std::string> EntityQuery::entityOfKey(const std::string& key) const {
  std::size_t looked = 0;
  for (DocId doc : index_.documentsMentioning(key)) {
    if (++looked > kLightLookupDocuments) break;
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions)
      if (mention.key == key && accepted(mention)) return entityOf(mention);
  }
  return std::nullopt;
}

std::optional<MentionRef> EntityQuery::definitionOf(const std::string& entity) const {
  std::vector<MentionRef> own;
  for (DocId doc : index_.documentsMentioning(entity)) {
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions)
      if ((mention.key == entity || mention.surfaceKey == entity) && accepted(mention) &&
          entityOf(mention) == entity)
        own.push_back({doc, &mention});
  }
  if (own.empty()) {
    auto all = mentionsOf(entity);
    return definitionOf(entity, all);
  }
  return definitionOf(entity, own);
}

std::string EntityQuery::nameOf(const std::string& key) const {
  std::string fallback;
  std::size_t looked = 0;
  for (DocId doc : index_.documentsMentioning(key)) {
    if (++looked > kLightLookupDocuments) break;
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions) {
      if (mention.surfaceKey != key) continue;
      std::string_view surface = mention.span.in(view.text);
      // All-caps headlines are a poor way to show a name; keep looking for mixed case.
      if (std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return std::string(surface);
      if (fallback.empty()) fallback = surface;
    }
  }
  return fallback.empty() ? key : fallback;
}

std::vector<std::string> EntityQuery::rolesOf(const std::string& entity, std::size_t limit) const {
  std::vector<std::string> roles;
  std::size_t looked = 0;
  for (DocId doc : index_.documentsMentioning(entity)) {
    if (++looked > kLightLookupDocuments || roles.size() >= limit) break;
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Role& role : view.entities->roles) {
      std::string text(role.span.in(view.text));
      if (role.key == entity && roles.size() < limit &&
          std::find(roles.begin(), roles.end(), text) == roles.end())
        roles.push_back(std::move(text));
    }
  }
  return roles;
}

EntityCard EntityQuery::card(const std::string& entity) const {
  EntityCard card;
  card.id = entity;
  card.type = typeOf(entity);
  std::vector<MentionRef> all = mentionsOf(entity);
  card.mentionCount = all.size();
  card.definition = definitionOf(entity, all);
  std::map<std::string, std::uint32_t> surfaces;
  std::map<std::string, std::uint32_t> cooccurring;
  std::set<std::string> ambiguous;
  std::map<DocId, std::set<std::uint32_t>> sentences;
  for (const MentionRef& ref : all) {
    DocumentView view = documents_(ref.doc);
    ++surfaces[std::string(ref.mention->span.in(view.text))];
    if (card.mentionsPerDocument.empty() || card.mentionsPerDocument.back().first != ref.doc)
      card.mentionsPerDocument.push_back({ref.doc, 0});
    ++card.mentionsPerDocument.back().second;
    sentences[ref.doc].insert(ref.mention->sentence);
    if (ref.mention->is(ent::kAmbiguous))
      for (const ent::Ambiguity& a : view.entities->ambiguities)
        if (a.surfaceKey == ref.mention->surfaceKey)
          for (const std::string& candidate : a.candidates)
            if (candidate != entity) ambiguous.insert(candidate);
  }
  for (const auto& [doc, inSentences] : sentences) {
    DocumentView view = documents_(doc);
    std::set<std::string> seenHere;
    for (const ent::Role& role : view.entities->roles)
      if (role.key == entity) card.roles.push_back({doc, role});
    for (const ent::Statement& statement : view.entities->statements)
      if (statement.key == entity) card.statements.push_back({doc, statement});
    for (const ent::Mention& other : view.entities->mentions) {
      if (!inSentences.count(other.sentence) || !accepted(other)) continue;
      std::string id = entityOf(other);
      if (id != entity) ++cooccurring[id];
    }
  }
  for (auto& entry : surfaces)
    card.surfaces.push_back(entry);
  sortByCountDescending(card.surfaces);
  for (const auto& [surface, count] : card.surfaces)
    if (card.name.empty() ||
        (surface.find(' ') != std::string::npos && card.name.find(' ') == std::string::npos))
      card.name = surface;
  for (auto& entry : cooccurring)
    card.cooccurring.push_back(entry);
  sortByCountDescending(card.cooccurring);
  card.ambiguousWith.assign(ambiguous.begin(), ambiguous.end());
  return card;
}

} // namespace dossier::index
