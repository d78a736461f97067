#include "server/index/entity_query.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace dossier::index {
namespace {

// Light lookups read at most this many of the documents that mention a key.
constexpr std::size_t kLightLookupDocuments = 4;

bool isMultiWord(const std::string& key) {
  return key.find(' ') != std::string::npos;
}

// Misspelt surnames (as corpus/flags_misspelt.cpp judges them): short surnames are too close to
// each other to call one a slip; the usual spelling is written at least kMajorityFactor times as
// often and kMinUsual times; a spelling written more than kMaxVariantMentions times is a name.
constexpr std::size_t kMinSurnameLetters = 6;
constexpr std::uint32_t kMajorityFactor = 2;
constexpr std::uint32_t kMinUsual = 3;
constexpr std::uint32_t kMaxVariantMentions = 20;

bool lowerAscii(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// One delete, insert, substitution or swap of neighbours apart; a plural ("smiths") is not.
bool oneEditApart(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i])
    ++i;
  if (a.size() < b.size())
    return a.substr(i) == b.substr(i + 1) && !(i == a.size() && b.back() == 's');
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

// Whether at least half the votes are for `type`.
bool mostly(const std::array<std::uint32_t, 5>& votes, ent::EntityType type) {
  std::uint32_t all = 0;
  for (std::uint32_t v : votes)
    all += v;
  return all > 0 && votes[static_cast<std::size_t>(type)] * 2 >= all;
}

bool mostlyPerson(const std::array<std::uint32_t, 5>& votes) {
  return mostly(votes, ent::EntityType::Person);
}

std::vector<std::string_view> wordsOf(std::string_view key) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start <= key.size();) {
    std::size_t end = std::min(key.find(' ', start), key.size());
    words.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Given names one of which is the other's short form by its opening letters ("fred", "frederick";
// "chris", "christopher"): three letters at least; or forms of one name by the lexicon ("mo",
// "maurice").
bool sameGivenName(std::string_view a, std::string_view b, const ent::Lexicon* lexicon) {
  if (a.size() > b.size()) std::swap(a, b);
  return a == b || (a.size() >= 3 && lowerAscii(a) && b.starts_with(a)) ||
         (lexicon && ent::formsOfOneGivenName(a, b, *lexicon));
}

// Two full names of one person as news write them: the same surname, given names that agree, and
// a middle name written in one only ("Mark Jay Heller", "Mark Heller"; "Fred LaRue", "Frederick
// LaRue", "Frederick Cheney LaRue"; "Mo Cheeks", "Maurice Cheeks").
bool namesOfOnePerson(std::string_view a, std::string_view b, const ent::Lexicon* lexicon) {
  auto wa = wordsOf(a), wb = wordsOf(b);
  if (wa.size() < 2 || wb.size() < 2 || wa.back() != wb.back() || wa.back().size() < 3 ||
      !sameGivenName(wa.front(), wb.front(), lexicon))
    return false;
  if (wa.size() == wb.size())
    return std::equal(wa.begin() + 1, wa.end() - 1, wb.begin() + 1) && a != b;
  return std::min(wa.size(), wb.size()) == 2 && std::max(wa.size(), wb.size()) == 3;
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
                         const LinkOverrides& overrides, const LineIndex* lines,
                         const std::vector<std::uint32_t>* pathRanks)
    : index_(index), documents_(std::move(documents)), overrides_(overrides), lines_(lines),
      pathRanks_(pathRanks) {}

bool EntityQuery::readsBefore(DocId a, DocId b) const {
  if (pathRanks_ && a < pathRanks_->size() && b < pathRanks_->size())
    return (*pathRanks_)[a] != (*pathRanks_)[b] ? (*pathRanks_)[a] < (*pathRanks_)[b] : a < b;
  std::string_view pathA = documents_(a).path, pathB = documents_(b).path;
  return pathA != pathB ? pathA < pathB : a < b;
}

std::vector<DocId> EntityQuery::firstDocumentsMentioning(const std::string& key,
                                                         std::size_t limit) const {
  const std::vector<DocId>& all = index_.documentsMentioning(key);
  if (pathRanks_) {
    // Frequent keys are asked for once per mention by the corpus-wide flags: integers, no paths.
    std::vector<std::pair<std::uint32_t, DocId>> ranked;
    ranked.reserve(all.size());
    for (DocId doc : all)
      ranked.push_back({doc < pathRanks_->size() ? (*pathRanks_)[doc] : UINT32_MAX, doc});
    std::size_t n = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n),
                      ranked.end());
    std::vector<DocId> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      out.push_back(ranked[i].second);
    return out;
  }
  // Paths looked up once per document: the comparisons below would repeat them.
  std::vector<std::pair<std::string_view, DocId>> keyed;
  keyed.reserve(all.size());
  for (DocId doc : all)
    keyed.push_back({documents_(doc).path, doc});
  std::size_t n = std::min(limit, keyed.size());
  std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(n), keyed.end());
  std::vector<DocId> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(keyed[i].second);
  return out;
}

bool EntityQuery::accepted(const ent::Mention& mention) const {
  if (overrides_.ignored.count(mention.surfaceKey)) return false;
  if (!mention.is(ent::kTentative)) return true;
  // A word of page chrome: a name only where the corpus writes it as one in running text.
  if (mention.pageChrome) return index_.confidentMentions(mention.surfaceKey) > 0;
  // A sentence-initial word: a name if the corpus writes it capitalised mid-sentence, or never in
  // lower case.
  if (index_.confidentMentions(mention.surfaceKey) > 0) return true;
  return index_.lowercaseDocuments(ent::wordHash(mention.surfaceKey)) == 0;
}

std::optional<std::string> EntityQuery::usualSpellingOf(const std::string& key) const {
  {
    std::lock_guard lock(spellingsMutex_);
    if (auto it = spellings_.find(key); it != spellings_.end()) return it->second;
  }
  std::optional<std::string> usual;
  std::size_t lastSpace = key.rfind(' ');
  std::string_view surname = std::string_view(key).substr(lastSpace + 1);
  auto votes = index_.typeVotes(key);
  std::uint32_t own = 0;
  for (std::uint32_t v : votes)
    own += v;
  if (lastSpace != std::string::npos && surname.size() >= kMinSurnameLetters &&
      lowerAscii(surname) && own > 0 && own <= kMaxVariantMentions && mostlyPerson(votes) &&
      !overrides_.separate.count(key)) {
    std::string_view given = std::string_view(key).substr(0, lastSpace);
    std::uint32_t bestCount = 0;
    for (const auto& [other, count] : index_.fullNamesWithWord(key.substr(0, key.find(' ')))) {
      if (count < kMinUsual || count < kMajorityFactor * own || count < bestCount) continue;
      std::size_t otherSpace = other.rfind(' ');
      if (std::string_view(other).substr(0, otherSpace) != given ||
          !oneEditApart(surname, std::string_view(other).substr(otherSpace + 1)) ||
          !mostlyPerson(index_.typeVotes(other)))
        continue;
      if (count > bestCount || (usual && other < *usual)) {
        usual = other;
        bestCount = count;
      }
    }
  }
  if (!usual && lastSpace != std::string::npos && own > 0 && mostlyPerson(votes) &&
      !overrides_.separate.count(key)) {
    // Another way the corpus writes the same person's full name: the one written most often (by
    // the name itself at a tie), so that every form settles on the same one.
    const KeyCounts& sameSurname = index_.fullNamesWithWord(std::string(surname));
    std::uint32_t bestCount = 0;
    std::string best = key;
    for (const auto& [other, count] : sameSurname)
      if (other == key) bestCount = count;
    for (const auto& [other, count] : sameSurname) {
      if (other == key || overrides_.separate.count(other) ||
          !namesOfOnePerson(key, other, overrides_.lexicon) ||
          !mostlyPerson(index_.typeVotes(other)))
        continue;
      if (count > bestCount || (count == bestCount && other < best)) {
        best = other;
        bestCount = count;
      }
    }
    // A better-written form may itself settle on a better one: each step goes to a name written
    // more often (or first at a tie); a few steps at most, whatever the counts.
    thread_local int depth = 0;
    if (best != key) {
      usual = best;
      if (depth < 3) {
        ++depth;
        usual = usualSpellingOf(best).value_or(best);
        --depth;
      }
    }
  }
  std::lock_guard lock(spellingsMutex_);
  spellings_.emplace(key, usual);
  return usual;
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

const std::string& EntityQuery::entityOf(const ent::Mention& mention) const {
  if (mention.nominal)
    if (const std::string* person = nominalEntityOf(mention)) return *person;
  // The memo's key: both keys and the flags, separated by a byte no key holds. One buffer per
  // thread, so asking allocates nothing once it has grown.
  thread_local std::string key;
  key.assign(mention.key);
  key += '\x1f';
  key += mention.surfaceKey;
  key += '\x1f';
  key += static_cast<char>(mention.flags);
  key += mention.teamContext ? '+' : '-';
  return resolutions_.get(key, [&] { return resolve(mention); });
}

const std::string* EntityQuery::nominalEntityOf(const ent::Mention& mention) const {
  {
    std::lock_guard lock(nominalsMutex_);
    if (auto it = nominals_.find(&mention); it != nominals_.end())
      return it->second ? &*it->second : nullptr;
  }
  // The mention's document: the one whose mentions hold it. Every document of the demonym is read
  // once per query, and the documents of all its such mentions kept.
  std::optional<DocId> doc;
  if (overrides_.lexicon) {
    std::lock_guard lock(nominalDocsMutex_);
    if (nominalKeysRead_.insert(mention.surfaceKey.str()).second)
      for (DocId d : index_.documentsMentioning(mention.surfaceKey)) {
        DocumentView view = documents_(d);
        if (!view.entities) continue;
        for (const ent::Mention& m : view.entities->mentions)
          if (m.nominal) nominalDocs_.emplace(&m, d);
      }
    if (auto it = nominalDocs_.find(&mention); it != nominalDocs_.end()) doc = it->second;
  }
  std::optional<std::string> person;
  if (doc) person = resolveNominal(*doc, mention);
  std::lock_guard lock(nominalsMutex_);
  auto it = nominals_.emplace(&mention, std::move(person)).first;
  return it->second ? &*it->second : nullptr;
}

std::optional<std::string> EntityQuery::resolveNominal(DocId doc,
                                                       const ent::Mention& mention) const {
  DocumentView view = documents_(doc);
  std::vector<std::string> people;
  for (const ent::Mention& m : view.entities->mentions) {
    if (m.nominal || m.type != ent::EntityType::Person || !accepted(m)) continue;
    const std::string& entity = entityOf(m);
    if (std::find(people.begin(), people.end(), entity) == people.end()) people.push_back(entity);
  }
  const std::string* found = nullptr;
  for (const std::string& entity : people) {
    const auto& nationalities = nationalitiesOf(entity);
    if (std::find(nationalities.begin(), nationalities.end(), mention.surfaceKey.str()) ==
        nationalities.end())
      continue;
    if (found) return std::nullopt; // two people of that nationality: the group it stays
    found = &entity;
  }
  if (!found) return std::nullopt;
  return *found;
}

const std::vector<std::string>& EntityQuery::nationalitiesOf(const std::string& entity) const {
  return nationalities_.get(entity, [&] {
    std::vector<std::string> out;
    const ent::Lexicon& lexicon = *overrides_.lexicon;
    auto add = [&](std::string demonym) {
      if (!lexicon.demonyms.count(demonym) || demonym.ends_with('s')) return;
      if (std::find(out.begin(), out.end(), demonym) == out.end())
        out.push_back(std::move(demonym));
    };
    for (DocId doc : index_.documentsMentioning(entity)) {
      DocumentView view = documents_(doc);
      if (!view.entities) continue;
      for (const ent::Role& role : view.entities->roles) {
        if (role.key != entity) continue;
        std::string_view text = role.span.in(view.text);
        for (std::size_t start = 0; start < text.size();) {
          std::size_t end = std::min(text.find(' ', start), text.size());
          std::string_view word = text.substr(start, end - start);
          if (!word.empty() && word.front() >= 'A' && word.front() <= 'Z')
            add(ent::nameKey(word, lexicon));
          start = end + 1;
        }
      }
      // A demonym right before a mention of the person, with only lower-case words between.
      const auto& mentions = view.entities->mentions;
      for (std::size_t i = 1; i < mentions.size(); ++i) {
        const ent::Mention& before = mentions[i - 1];
        if (mentions[i].key != entity || before.nominal || before.type != ent::EntityType::Norp ||
            before.span.end > mentions[i].span.begin)
          continue;
        std::string_view gap =
            view.text.substr(before.span.end, mentions[i].span.begin - before.span.end);
        std::size_t words = std::count(gap.begin(), gap.end(), ' ');
        bool plain = !gap.empty() && gap.front() == ' ' && words <= 3 &&
                     std::all_of(gap.begin(), gap.end(),
                                 [](char c) { return c == ' ' || (c >= 'a' && c <= 'z'); });
        if (plain) add(before.surfaceKey.str());
      }
    }
    return out;
  });
}

std::string EntityQuery::resolve(const ent::Mention& mention) const {
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
  if (mention.teamContext)
    if (auto team = teamNamed(mention.key)) return overridden(*team);
  if (placeLike && mention.is(ent::kShortForm)) {
    if (auto group = groupKey(mention.surfaceKey)) return overridden(*group);
    return overridden(mention.surfaceKey);
  }
  if (mention.is(ent::kLinkedInDocument) || isMultiWord(mention.key) ||
      overrides_.separate.count(mention.key)) {
    if (isMultiWord(mention.key) && !overrides_.aliasOf.count(mention.key))
      if (auto usual = usualSpellingOf(mention.key)) return overridden(*usual);
    return overridden(mention.key);
  }
  if (auto group = groupKey(mention.key)) return overridden(*group);
  if (mention.is(ent::kKnown) && !mention.is(ent::kAcronym)) return overridden(mention.key);
  if (mention.is(ent::kAcronym)) {
    if (auto best = bestOf(index_.expansionsOf(mention.key), mention.key)) return overridden(*best);
    return overridden(mention.key);
  }
  if (!placeLike)
    if (auto best = bestOf(index_.fullNamesWithWord(mention.key), mention.key))
      return overridden(usualSpellingOf(*best).value_or(*best));
  return overridden(mention.key);
}

// The team a place name stands for in a sentence about a game: the team the corpus names most
// often after the place ("indianapolis colts"), when it is named at least twice and twice as often
// as any other ("Kansas City Chiefs" and "Kansas City Royals" both common leave "Kansas City" the
// place).
std::optional<std::string> EntityQuery::teamNamed(const std::string& place) const {
  const std::string* best = nullptr;
  std::uint32_t bestCount = 0, secondCount = 0;
  for (const auto& [name, count] : index_.teamsNamedFor(place)) {
    if (overrides_.separate.count(name) || !mostly(index_.typeVotes(name), ent::EntityType::Org))
      continue;
    // A head the corpus writes in lower case is a common word ("Aldmark Always"), not a nickname.
    if (index_.lowercaseDocuments(ent::wordHash(name.substr(name.rfind(' ') + 1))) > 0) continue;
    if (count > bestCount || (count == bestCount && best && name < *best)) {
      secondCount = bestCount;
      bestCount = count;
      best = &name;
    } else {
      secondCount = std::max(secondCount, count);
    }
  }
  if (!best || bestCount < 2 || bestCount < 2 * secondCount) return std::nullopt;
  return *best;
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

const std::vector<MentionRef>& EntityQuery::mentionsOf(const std::string& entity) const {
  return mentions_.get(entity, [&] { return findMentionsOf(entity); });
}

const EntityCard& EntityQuery::cardOf(const std::string& entity) const {
  return cards_.get(entity, [&] { return card(entity); });
}

bool EntityQuery::reachedAlone(const std::string& word, const std::string& entity) const {
  // A document that holds the word but no longer key of the entity: its mentions of the word are
  // not linked to a full name of that document (a linked one carries the full name's key), so
  // they resolve as entityOf does for an unlinked word: to the word itself, its group name, the
  // corpus's usual full name holding it, or an acronym's expansion. Workspace aliases can map any
  // of those to the entity: then every document is read.
  if (!overrides_.aliasOf.empty()) return true;
  if (auto best = bestOf(index_.fullNamesWithWord(word), word))
    if (usualSpellingOf(*best).value_or(*best) == entity) return true;
  for (const auto& [expansion, count] : index_.expansionsOf(word))
    if (expansion == entity) return true;
  return false;
}

std::vector<MentionRef> EntityQuery::findMentionsOf(const std::string& entity) const {
  // Every key that could resolve to the entity: itself, its words (short forms), its initials
  // (acronyms), and the workspace's aliases of it.
  std::set<std::string> keys = {entity};
  std::set<std::string> shortForms; // one word of a multi-word entity, alone
  if (isMultiWord(entity)) {
    shortForms.insert(entity.substr(0, entity.find(' ')));
    shortForms.insert(entity.substr(entity.rfind(' ') + 1));
    for (const std::string& initials : initialsOf(entity))
      keys.insert(initials);
  }
  for (const auto& [alias, canonical] : overrides_.aliasOf)
    if (canonical == entity) keys.insert(alias);
  for (std::string& form : groupForms(entity))
    keys.insert(std::move(form));
  if (isMultiWord(entity)) {
    // Rare misspellings of the surname with the same given name, and their short forms.
    std::string_view surname = std::string_view(entity).substr(entity.rfind(' ') + 1);
    for (const auto& [other, count] : index_.fullNamesWithWord(entity.substr(0, entity.find(' '))))
      if (count <= kMaxVariantMentions &&
          oneEditApart(surname, std::string_view(other).substr(other.rfind(' ') + 1)) &&
          usualSpellingOf(other) == entity) {
        keys.insert(other);
        shortForms.insert(other.substr(other.rfind(' ') + 1));
      }
    // Other full names of the same person ("Frederick LaRue" for "Fred LaRue").
    for (const auto& [other, count] :
         index_.fullNamesWithWord(entity.substr(entity.rfind(' ') + 1)))
      if (other != entity && namesOfOnePerson(entity, other, overrides_.lexicon) &&
          usualSpellingOf(other) == entity)
        keys.insert(other);
  }
  for (const std::string& word : shortForms)
    keys.insert(word);
  // A team's place name ("indianapolis", "new orleans" for "new orleans saints"), which stands for
  // it in sentences about a game (teamNamed).
  if (isMultiWord(entity) && mostly(index_.typeVotes(entity), ent::EntityType::Org))
    keys.insert(entity.substr(0, entity.rfind(' ')));
  // Membership by length first: a handful of keys, tested against every mention of thousands of
  // documents for a frequent name (a std::set compared strings at each level).
  std::vector<std::string> keyList(keys.begin(), keys.end());
  auto isKey = [&](const std::string& key) {
    for (const std::string& k : keyList)
      if (k.size() == key.size() && k == key) return true;
    return false;
  };
  std::vector<DocId> docs;
  for (const std::string& key : keyList) {
    if (shortForms.count(key) && !reachedAlone(key, entity)) continue;
    for (DocId doc : index_.documentsMentioning(key))
      docs.push_back(doc);
  }
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::sort(docs.begin(), docs.end(), [&](DocId a, DocId b) { return readsBefore(a, b); });
  // Acronyms defined in text whose expansion is this entity are found through their own key.
  auto hasNationality = [&](const std::string& demonym) {
    if (!overrides_.lexicon) return false;
    const auto& nationalities = nationalitiesOf(entity);
    return std::find(nationalities.begin(), nationalities.end(), demonym) != nationalities.end();
  };
  std::vector<MentionRef> out;
  for (DocId doc : docs) {
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions) {
      // A demonym standing for one person ("the American") is no key of it: its document is.
      // Only one the corpus gives the entity's nationality can be.
      if (!isKey(mention.key) && !isKey(mention.surfaceKey) &&
          !(mention.nominal && hasNationality(mention.surfaceKey)))
        continue;
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
  // Votes of the mentions the texts typed; Other counts only when nothing else was said, and the
  // weakest guesses ("Kreskgaz said", two unknown words) only when nothing stronger was.
  constexpr auto kOther = static_cast<std::size_t>(ent::EntityType::Other);
  auto bestOf = [&](const std::array<std::uint32_t, 5>& votes) {
    std::size_t best = kOther;
    for (std::size_t i = 0; i < votes.size(); ++i)
      if (i != kOther && votes[i] > 0 && (best == kOther || votes[i] > votes[best])) best = i;
    return best;
  };
  auto votes = index_.typeVotes(entity);
  std::size_t best = bestOf(index_.typeEvidence(entity));
  // A name only guessed at whose words, written alone elsewhere, are an organisation's ("the
  // social network Chirp" for a guessed "Chirp Pixel"). Not a place's: surnames are often the
  // names of places ("Horton").
  if (best == kOther && isMultiWord(entity)) {
    constexpr auto kOrg = static_cast<std::size_t>(ent::EntityType::Org);
    constexpr auto kPerson = static_cast<std::size_t>(ent::EntityType::Person);
    std::uint32_t org = 0, person = 0;
    for (const std::string& word :
         {entity.substr(0, entity.find(' ')), entity.substr(entity.rfind(' ') + 1)}) {
      auto evidence = index_.typeEvidence(word);
      org += evidence[kOrg];
      person += evidence[kPerson];
    }
    if (org > person) best = kOrg;
  }
  if (best == kOther) best = bestOf(votes);
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
  for (DocId doc : firstDocumentsMentioning(key, kLightLookupDocuments)) {
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions)
      if (mention.key == key && accepted(mention)) return entityOf(mention);
  }
  return std::nullopt;
}

std::optional<MentionRef> EntityQuery::definitionOf(const std::string& entity) const {
  std::vector<MentionRef> own;
  std::vector<DocId> docs = index_.documentsMentioning(entity);
  std::sort(docs.begin(), docs.end(), [&](DocId a, DocId b) { return readsBefore(a, b); });
  for (DocId doc : docs) {
    DocumentView view = documents_(doc);
    if (!view.entities) continue;
    for (const ent::Mention& mention : view.entities->mentions)
      if ((mention.key == entity || mention.surfaceKey == entity) && accepted(mention) &&
          entityOf(mention) == entity)
        own.push_back({doc, &mention});
  }
  if (own.empty()) {
    const auto& all = mentionsOf(entity);
    return definitionOf(entity, all);
  }
  return definitionOf(entity, own);
}

std::string EntityQuery::nameOf(const std::string& key) const {
  std::string fallback;
  for (DocId doc : firstDocumentsMentioning(key, kLightLookupDocuments)) {
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
  for (DocId doc : firstDocumentsMentioning(entity, kLightLookupDocuments)) {
    if (roles.size() >= limit) break;
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

} // namespace dossier::index
