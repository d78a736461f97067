#include "server/corpus/flags_misspelt.h"

#include "server/corpus/flags_tables.h"

#include <memory>
#include <optional>
#include <unordered_map>

namespace dossier::corpus {

namespace {

namespace ent = analysis::entities;

// Short names are too close to each other to call one a misspelling of another ("Lind", "Lund").
constexpr std::size_t kMinLetters = 6;
// The usual spelling must be written this many times as often as the variant, and at least
// kMinUsual times: two spellings used about equally are two names.
constexpr std::uint32_t kMajorityFactor = 2;
constexpr std::uint32_t kMinUsual = 3;
// A surname written this often is established, not a slip: its variants are not looked up.
constexpr std::uint32_t kMaxVariantMentions = 20;

bool lowerAscii(std::string_view word) {
  for (char c : word)
    if (c < 'a' || c > 'z') return false;
  return !word.empty();
}

std::string_view lastWord(std::string_view spelling) {
  auto space = spelling.rfind(' ');
  return space == std::string_view::npos ? spelling : spelling.substr(space + 1);
}

// "Veskarians" and "Veskarian", "Smiths" and "Smith": a plural, not a second spelling.
bool pluralPair(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return a.size() == b.size() + 1 && a.back() == 's' && a.starts_with(b);
}

// The span of the last word of a name as written ("Merkoulov" in "Anton Merkoulov").
analysis::Span lastWordSpan(std::string_view text, analysis::Span name) {
  std::string_view written = name.in(text);
  auto space = written.find_last_of(" \t\r\n");
  if (space == std::string_view::npos) return name;
  return {static_cast<analysis::Offset>(name.begin + space + 1), name.end};
}

// How often the corpus writes a one-word name: as a key of its own and inside person names.
std::uint32_t mentionsOfWord(const index::EntityIndex& entities, const std::string& word) {
  std::uint32_t count = 0;
  for (std::uint32_t votes : entities.typeVotes(word))
    count += votes;
  for (const auto& [key, mentions] : entities.fullNamesWithWord(word))
    count += mentions;
  return count;
}

// The usual spelling of a rare surname, or none: the same answer for every document of one
// snapshot, so it is worked out once per surname (FlagTables::usualSurnames).
UsualSurname usualSpellingOf(const index::EntityIndex& entities, const std::string& surname) {
  UsualSurname usual;
  usual.own = mentionsOfWord(entities, surname);
  if (usual.own > kMaxVariantMentions) return usual;
  for (const std::string& variant : oneEditVariants(surname)) {
    if (pluralPair(variant, surname)) continue;
    std::uint32_t count = mentionsOfWord(entities, variant);
    if (count > usual.count) usual = {variant, count, usual.own};
  }
  if (usual.count < kMinUsual || usual.count < kMajorityFactor * std::max(1u, usual.own))
    usual.word.clear();
  return usual;
}

// The first mention, in the index's document order, whose last word is `surname` as spelt.
std::optional<index::MentionRef> firstMentionEndingWith(const Snapshot& snapshot,
                                                        const index::EntityQuery& query,
                                                        const std::string& surname) {
  for (DocId other : snapshot.index->entities.documentsMentioning(surname)) {
    const Document* otherDoc = snapshot.document(other);
    for (const ent::Mention* m : query.mentionsIn(other))
      if (otherDoc && lastWord(spellingOf(m->span.in(*otherDoc->text))) == surname)
        return index::MentionRef{other, m};
  }
  return std::nullopt;
}

} // namespace

std::vector<std::string> oneEditVariants(std::string_view word) {
  std::vector<std::string> out;
  std::string w(word);
  for (std::size_t i = 0; i < w.size(); ++i) {
    out.push_back(w.substr(0, i) + w.substr(i + 1));
    if (i + 1 < w.size() && w[i] != w[i + 1]) {
      std::string swapped = w;
      std::swap(swapped[i], swapped[i + 1]);
      out.push_back(std::move(swapped));
    }
    for (char c = 'a'; c <= 'z'; ++c)
      if (c != w[i]) {
        std::string changed = w;
        changed[i] = c;
        out.push_back(std::move(changed));
      }
  }
  for (std::size_t i = 0; i <= w.size(); ++i)
    for (char c = 'a'; c <= 'z'; ++c)
      out.push_back(w.substr(0, i) + c + w.substr(i));
  return out;
}

std::vector<NameFinding> misspeltNames(const Snapshot& snapshot, const Document& doc) {
  std::vector<NameFinding> out;
  const index::EntityIndex& entities = snapshot.index->entities;
  std::shared_ptr<FlagTables> tables = FlagTables::of(snapshot);
  const index::EntityQuery& query = tables->query();
  for (const ent::Mention* mention : query.mentionsIn(doc.id)) {
    // Places and groups sit one letter from each other by design ("Russia", "Russian").
    if (mention->type == ent::EntityType::Place || mention->type == ent::EntityType::Norp) continue;
    std::string_view surface = mention->span.in(*doc.text);
    std::string spelling = spellingOf(surface);
    std::string surname(lastWord(spelling));
    if (surname.size() < kMinLetters || !lowerAscii(surname)) continue;
    const UsualSurname& usual =
        tables->usualSurnames.get(surname, [&] { return usualSpellingOf(entities, surname); });
    if (usual.word.empty()) continue;
    // A mention written the usual way, for relatedInformation.
    const std::optional<index::MentionRef>& example = tables->surnameExamples.get(
        usual.word, [&] { return firstMentionEndingWith(snapshot, query, usual.word); });
    if (!example) continue;
    // Only the surname is misspelt: the flag and the spelling it points at cover that word, so the
    // quick fix rewrites "Merkoulov" in "Anton Merkoulov" and keeps the given name.
    const Document* exampleDoc = snapshot.document(example->doc);
    analysis::Span mine = lastWordSpan(*doc.text, mention->span);
    analysis::Span theirs = lastWordSpan(*exampleDoc->text, example->mention->span);
    std::string usualSurface(theirs.in(*exampleDoc->text));
    NameFinding name;
    name.finding = {mine, "names/inconsistent",
                    analysis::rules::renderMessage(
                        "Inconsistent name: \"{text}\" — most of the corpus writes \"" +
                            usualSurface + "\" (" + std::to_string(usual.count) +
                            " mentions); a misspelling or a variant?",
                        mine.in(*doc.text))};
    name.relatedDoc = example->doc;
    name.relatedSpan = theirs;
    name.relatedMessage = "The usual spelling: \"" + usualSurface + "\"";
    out.push_back(std::move(name));
  }
  return out;
}

} // namespace dossier::corpus
