#include "server/corpus/flags_names.h"

#include "server/corpus/flags_tables.h"

#include <cctype>
#include <map>
#include <unordered_map>

namespace dossier::corpus {

namespace ent = analysis::entities;

bool isLatinScript(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) continue;
    // Lead bytes C3..C9 start U+00C0..U+027F (Latin-1 Supplement, Latin Extended-A/B); E2 80 xx
    // is general punctuation (curly apostrophes in "O’Brien"). Anything else is another script.
    if (byte >= 0xC3 && byte <= 0xC9) {
      ++i;
      continue;
    }
    if (byte == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

std::string spellingOf(std::string_view surface) {
  std::string out;
  for (char c : surface) {
    if (c == '.') continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

namespace {

// A spelling that the key folding changed (a variant ending, a transliteration, a diacritic) is the
// only kind that can share its key with another spelling; others need no corpus lookup.
bool mayHaveVariants(std::string_view spelling, const std::string& surfaceKey) {
  std::string_view s = spelling;
  if (s.starts_with("the ") && surfaceKey.find(' ') == std::string::npos) s.remove_prefix(4);
  return s != surfaceKey;
}

// How the corpus writes the mentions of `entity`, per surface key: counts and a first example of
// each spelling, the examples in path order.
SpellingsByKey spellingsOf(const Snapshot& snapshot, const index::EntityQuery& query,
                           const std::string& entity) {
  SpellingsByKey bySurfaceKey;
  for (const index::MentionRef& ref : query.mentionsOf(entity)) {
    const Document* other = snapshot.document(ref.doc);
    std::string_view otherSurface = ref.mention->span.in(*other->text);
    if (!isLatinScript(otherSurface)) continue;
    Spellings& spellings = bySurfaceKey[ref.mention->surfaceKey];
    std::string otherSpelling = spellingOf(otherSurface);
    ++spellings.counts[otherSpelling];
    spellings.example.try_emplace(otherSpelling, ref);
  }
  return bySurfaceKey;
}

} // namespace

std::vector<NameFinding> inconsistentNames(const Snapshot& snapshot, const Document& doc) {
  std::vector<NameFinding> out;
  std::shared_ptr<FlagTables> tables = FlagTables::of(snapshot);
  const index::EntityQuery& query = tables->query();
  // Spellings of each surface key over the entities this document mentions, merged in the order
  // the document first mentions them (the corpus-wide table of each entity is built once).
  std::unordered_map<std::string, Spellings> bySurfaceKey;
  std::unordered_map<std::string, bool> entityDone;
  for (const ent::Mention* mention : query.mentionsIn(doc.id)) {
    std::string_view surface = mention->span.in(*doc.text);
    std::string spelling = spellingOf(surface);
    if (!isLatinScript(surface) || !mayHaveVariants(spelling, mention->surfaceKey)) continue;
    std::string entity = query.entityOf(*mention);
    if (!entityDone[entity]) {
      entityDone[entity] = true;
      const SpellingsByKey& ofEntity = tables->spellingsOfEntity.get(
          entity, [&] { return spellingsOf(snapshot, query, entity); });
      for (const auto& [surfaceKey, spellings] : ofEntity) {
        Spellings& merged = bySurfaceKey[surfaceKey];
        for (const auto& [written, count] : spellings.counts)
          merged.counts[written] += count;
        for (const auto& [written, ref] : spellings.example)
          merged.example.try_emplace(written, ref);
      }
    }
    auto found = bySurfaceKey.find(mention->surfaceKey);
    if (found == bySurfaceKey.end()) continue;
    const Spellings& spellings = found->second;
    const std::pair<const std::string, std::uint32_t>* majority = nullptr;
    for (const auto& entry : spellings.counts)
      if (!majority || entry.second > majority->second) majority = &entry;
    auto own = spellings.counts.find(spelling);
    std::uint32_t ownCount = own == spellings.counts.end() ? 0 : own->second;
    if (!majority || majority->first == spelling || majority->second <= ownCount) continue;
    const index::MentionRef& example = spellings.example.at(majority->first);
    const Document* exampleDoc = snapshot.document(example.doc);
    std::string majoritySurface(example.mention->span.in(*exampleDoc->text));
    NameFinding name;
    name.finding = {mention->span, "names/inconsistent",
                    analysis::rules::renderMessage(
                        "Inconsistent name: \"{text}\" is written \"" + majoritySurface + "\" in " +
                            std::to_string(majority->second) + " other mentions of the corpus.",
                        surface)};
    name.relatedDoc = example.doc;
    name.relatedSpan = example.mention->span;
    name.relatedMessage = "The usual spelling: \"" + majoritySurface + "\"";
    out.push_back(std::move(name));
  }
  return out;
}

} // namespace dossier::corpus
