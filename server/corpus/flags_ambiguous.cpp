#include "server/corpus/flags_ambiguous.h"

#include "server/corpus/flags_tables.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace dossier::corpus {

namespace {

namespace ent = analysis::entities;

bool isPersonKey(const index::EntityIndex& entities, const std::string& key) {
  auto votes = entities.typeVotes(key);
  auto best = std::max_element(votes.begin(), votes.end());
  return *best > 0 && best - votes.begin() == static_cast<long>(ent::EntityType::Person);
}

// Two full names are two people when their given names differ and neither is an initial or a
// shortening of the other ("V. Salenko", "Vik Salenko" may be "Viktor Salenko").
bool differentPeople(const std::string& a, const std::string& b) {
  std::string firstA = a.substr(0, a.find(' ')), firstB = b.substr(0, b.find(' '));
  return !firstA.starts_with(firstB) && !firstB.starts_with(firstA);
}

// A first word that can be a given name: known as one, or at least not a title ("president",
// "minister") nor a word the lexicon knows is never a name.
bool givenName(const std::string& word, const ent::Lexicon& lexicon) {
  if (lexicon.givenNames.contains(word)) return true;
  return word.size() >= 3 && !lexicon.titles.contains(word) && !lexicon.notNames.contains(word);
}

std::string_view lastWordOf(std::string_view key) {
  auto space = key.rfind(' ');
  return space == std::string_view::npos ? key : key.substr(space + 1);
}

// The full person names of the corpus ending with `surname` ("given name + surname" keys only),
// most mentioned first, one per person.
std::vector<std::string> peopleNamed(const index::EntityIndex& entities,
                                     const ent::Lexicon& lexicon, const std::string& surname) {
  std::vector<std::string> names;
  auto candidates = entities.fullNamesWithWord(surname);
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [key, count] : candidates) {
    // Only "given name + surname" keys: "President Salenko" is a title, not a second person.
    if (lastWordOf(key) != surname || !isPersonKey(entities, key) ||
        std::count(key.begin(), key.end(), ' ') != 1 ||
        !givenName(key.substr(0, key.find(' ')), lexicon))
      continue;
    if (std::all_of(
            names.begin(), names.end(),
            // Named, not captured: clang 14 (tests/fuzz) cannot capture a binding.
            [&, &candidate = key](const std::string& n) { return differentPeople(n, candidate); }))
      names.push_back(key);
  }
  return names;
}

// The first mention written as the full name `key`, in the index's document order.
std::optional<index::MentionRef> firstMentionWritten(const index::EntityQuery& query,
                                                     const std::string& key) {
  for (DocId id : query.index().documentsMentioning(key))
    for (const ent::Mention* m : query.mentionsIn(id))
      if (m->surfaceKey == key) return index::MentionRef{id, m};
  return std::nullopt;
}

} // namespace

std::vector<NameFinding> ambiguousNames(const Snapshot& snapshot, const Document& doc) {
  std::vector<NameFinding> out;
  const index::EntityIndex& entities = snapshot.index->entities;
  std::shared_ptr<FlagTables> tables = FlagTables::of(snapshot);
  const index::EntityQuery& query = tables->query();
  const ent::Lexicon& lexicon = *snapshot.knowledge->entities;
  // Per surname the document writes alone: which of its full names the document writes, and where
  // first.
  struct Surname {
    std::size_t namedHere = 0; // how many of the surname's people this document names in full
    analysis::Offset firstNamed = std::numeric_limits<analysis::Offset>::max();
  };
  std::unordered_map<std::string, Surname> bySurname;
  auto mentions = query.mentionsIn(doc.id);
  for (const ent::Mention* mention : mentions) {
    // A lone word nothing typed ("Berg said": organisations speak too) may still be a surname: the
    // corpus's people of that name decide.
    if (mention->type != ent::EntityType::Person && mention->type != ent::EntityType::Other)
      continue;
    std::string word = spellingOf(mention->span.in(*doc.text));
    if (word.find(' ') != std::string::npos || word.size() < 2) continue;
    word = mention->surfaceKey;
    auto [found, fresh] = bySurname.try_emplace(word);
    Surname& surname = found->second;
    const std::vector<std::string>& names =
        tables->peopleWithSurname.get(word, [&] { return peopleNamed(entities, lexicon, word); });
    if (names.size() < 2) continue;
    // A document that writes one of the full names settles which one it means from then on; a
    // short form before it, or anywhere in a document naming several of them, leaves the reader
    // guessing.
    if (fresh)
      for (const std::string& full : names) {
        bool seen = false;
        for (const ent::Mention* m : mentions)
          if (m->surfaceKey == full) {
            surname.firstNamed = std::min(surname.firstNamed, m->span.begin);
            seen = true;
          }
        surname.namedHere += seen;
      }
    if (surname.namedHere == 1 && mention->span.begin > surname.firstNamed) continue;
    // Point at a mention of the full name this mention is not linked to (or the second one).
    const std::string& other = mention->key == names[0] ? names[1] : names[0];
    const std::optional<index::MentionRef>& example =
        tables->fullNameExamples.get(other, [&] { return firstMentionWritten(query, other); });
    if (!example) continue;
    auto nameOf = [&](const std::string& key) -> const std::string& {
      return tables->writtenNames.get(key, [&] { return query.nameOf(key); });
    };
    std::string listed = nameOf(names[0]) + "; " + nameOf(names[1]);
    if (names.size() > 2) listed += "; ...";
    NameFinding name;
    name.finding = {mention->span, "names/ambiguous",
                    analysis::rules::renderMessage("Ambiguous name: \"{text}\" could be any of " +
                                                       std::to_string(names.size()) +
                                                       " people in the corpus (" + listed + ").",
                                                   mention->span.in(*doc.text))};
    name.relatedDoc = example->doc;
    name.relatedSpan = example->mention->span;
    name.relatedMessage = "Another person with this name: \"" + nameOf(other) + "\"";
    out.push_back(std::move(name));
  }
  return out;
}

} // namespace dossier::corpus
