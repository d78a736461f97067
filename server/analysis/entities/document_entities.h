// Entity mentions found in one document (people, organisations, places, groups), with the key that
// links each mention to its entity across the corpus, plus what the document says about them
// (roles, attributed statements). A pure function of the text and the Lexicon: corpus-wide linking
// (aliases across files, acronyms defined elsewhere, sentence-initial words seen lower-case
// elsewhere) is done by index::EntityIndex from these per-document results.
#pragma once

#include "server/analysis/interned.h"
#include "server/analysis/knowledge.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::analysis::entities {

enum class EntityType : std::uint8_t { Person, Org, Place, Norp, Other };

std::string_view typeName(EntityType type); // "person", "organisation", ...

// Gazetteers and lexicons for finding and typing names (server/data/entities/), keyed by folded
// form.
struct Lexicon {
  std::unordered_map<std::string, EntityType> known; // full names from the gazetteers
  std::unordered_set<std::string> demonyms;
  std::unordered_set<std::string> orgSuffixes;
  std::unordered_set<std::string> outletSuffixes; // "The" before them is part of the name
  std::unordered_set<std::string> placeSuffixes;
  // "ny", "calif": after a name and a comma, they make the name a place ("Schenectady, N.Y.").
  std::unordered_set<std::string> regionAbbreviations;
  std::unordered_set<std::string> titles; // single folded words ("minister", "mr.")
  std::unordered_set<std::string> notNames;
  std::unordered_set<std::string> connectors;
  std::unordered_set<std::string> headlineWords; // function words a title-case headline capitalises
  std::unordered_set<std::string> nameSuffixes;  // "jr", "iii": left out of a person's key
  std::unordered_set<std::string> credentials; // "md", "phd": after a person's name, not in its key
  std::unordered_set<std::string> abbreviations; // "corp", "ltd": their closing dot is the name's
  std::unordered_set<std::string> teamCues;    // "sentence:beat", "after:have": a place as its team
  std::unordered_set<std::string> nameOpeners; // "new", "north": open names sentence-initially
  std::unordered_set<std::string> calendarWords; // "friday": never the last word of a name
  // Endings of common words ("ing", "ally") with the shortest word length they apply to.
  std::vector<std::pair<std::string, std::size_t>> commonEndings;
  std::unordered_set<std::string> personCues;
  // Around a demonym used as a noun for one person (entities/nominal_words.tsv): person nouns that
  // may follow it ("champion"), and words after it that show it modifies nothing ("who", "was").
  std::unordered_set<std::string> nominalNouns;
  std::unordered_set<std::string> nominalNext;
  std::unordered_set<std::string> statementCues; // first word; "pointed out" -> "pointed"
  std::unordered_set<std::string> givenNames;
  // Given name or familiar form -> the groups it belongs to ("ted" -> Edward's, Theodore's).
  std::unordered_map<std::string, std::vector<std::uint32_t>> givenNameGroups;
  std::unordered_set<std::string> roleStartStops; // cannot open an appositive role
  std::unordered_set<std::string> roleVerbs;      // make an appositive a clause, not a role
  std::unordered_map<std::string, std::string> transliteration;    // one Cyrillic letter -> Latin
  std::vector<std::pair<std::string, std::string>> variantEndings; // longest first
  // Demonym endings, longest first, with whether the form is also an adjective ("Drovnian envoy").
  std::vector<std::pair<std::string, bool>> demonymSuffixes;
  // Context cues for single-word names: "before:in" -> Place, "hyphen:based", "after:spokesman".
  std::unordered_map<std::string, EntityType> contextCues;
  std::vector<std::string> problems;
};

std::shared_ptr<const Lexicon> loadLexicon(const KnowledgeOverrides& overrides);

// Whether two different folded given names are forms of one name by the lexicon ("mo",
// "maurice"; "katie", "kate"; not "alex", "alexandra" with "alexander").
bool formsOfOneGivenName(std::string_view a, std::string_view b, const Lexicon& lexicon);

// The folded key of a name: case and diacritics folded, Cyrillic transliterated, a leading "the"
// and dots of abbreviations dropped, spelling variants of word endings unified ("Zelenskyy" ->
// "zelensky").
std::string nameKey(std::string_view surface, const Lexicon& lexicon);

enum MentionFlag : std::uint8_t {
  kAcronym = 1 << 0,   // an all-caps or dotted abbreviation ("NATO", "U.S.")
  kShortForm = 1 << 1, // one word that stands for a longer name ("Musk")
  kAmbiguous = 1 << 2, // the short form matches several full names in this document
  kTentative = 1 << 3, // a sentence-initial word with no evidence in this document either way
  kLinkedInDocument = 1 << 4, // `key` was resolved to a full name of this document
  kKnown = 1 << 5,            // found in a gazetteer
  kAliasFirst = 1 << 6,       // a multi-word name whose first word alone may stand for it ("Elon")
  kAliasLast = 1 << 7,        // ... whose last word alone may stand for it ("Musk", "the Ledger")
};

struct Mention {
  Span span;                  // the name itself: no title, no possessive, no hyphen suffix
  Interned key;               // the surface this mention stands for in this document, folded
  Interned surfaceKey;        // nameKey of the span's own text (before linking to a full name)
  std::uint32_t sentence = 0; // index into TextStructure::sentences
  EntityType type = EntityType::Other;
  // The type the span's own words and context gave it, before linking to a full name.
  EntityType ownType = EntityType::Other;
  std::uint8_t flags = 0;
  bool typeGuessed : 1 = false; // typed by the weakest rule only (two or three unknown words: a
                                // person)
  // A place name in a sentence about a game, in a document that names no team after it: the corpus
  // may ("Indianapolis beat Houston" where other reports name the Indianapolis Colts).
  bool teamContext : 1 = false;
  // A team's name: a place's name and a distinctive head ("Harlow Rangelords").
  bool teamName : 1 = false;
  // One word on a line of page chrome (navigation, share buttons, a cookie banner: the rules'
  // debris findings): a menu label ("Print", "Manage") unless the corpus writes it as a name in
  // running text (EntityQuery::accepted). Also kTentative, so it counts as no evidence itself.
  bool pageChrome : 1 = false;
  // A singular demonym used as a noun for one person ("the 40-year-old American, who ..."): a
  // group's name unless the corpus knows which person of the document it is
  // (index::EntityQuery::entityOf).
  bool nominal : 1 = false;
  bool is(MentionFlag flag) const { return (flags & flag) != 0; }
};
// Mentions are the largest part of a document's entities (several per sentence, in every open
// document): interned keys and fields ordered without padding keep one at 24 bytes (it was 96 with
// two std::string keys).
static_assert(sizeof(Mention) == 24, "Mention grew: keep it small (see above)");

// A title or description the text gives an entity ("Foreign Minister", "political scientist ...").
struct Role {
  Span span;
  Interned key; // the entity's key
};

// Something the text attributes to an entity with a cue verb.
struct Statement {
  Span span;    // what was said (quote without its marks, or the reported clause)
  Interned key; // the speaker's key
  Interned cue; // "said", "denied", ...
};

// A short form's alternatives when it is ambiguous in this document.
struct Ambiguity {
  Interned surfaceKey;
  std::vector<Interned> candidates; // full-name keys
};

struct DocumentEntities {
  std::vector<Mention> mentions; // sorted by span
  std::vector<Role> roles;
  std::vector<Statement> statements;
  std::vector<Ambiguity> ambiguities;
  // Hashes (std::hash of the folded word) of words written lower-case in this document, sorted and
  // unique: corpus-wide evidence that a capitalised sentence-initial word is a common word.
  std::vector<std::uint64_t> lowercaseWords;
  // Keys of acronyms defined in the text ("National Maritime Agency (NMA)"): acronym -> expansion.
  std::vector<std::pair<std::string, std::string>> definedAcronyms;
};

DocumentEntities analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens, const Lexicon& lexicon);

std::uint64_t wordHash(std::string_view folded);

// The stem a demonym shares with the other forms of its group ("veskarians" -> "veskar") and the
// ending it had, or nullopt when the key has no demonym ending (or too short a stem).
struct DemonymForm {
  std::string stem;
  std::string ending;
  bool adjective = false;
};
std::optional<DemonymForm> demonymForm(std::string_view key, const Lexicon& lexicon);

// The mention containing `offset`, or null.
const Mention* mentionAt(const DocumentEntities& entities, Offset offset);

} // namespace dossier::analysis::entities
