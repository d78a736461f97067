// Questions about entities across the corpus, answered from one snapshot's EntityIndex plus the
// per-document analyses: which entity a mention stands for, every mention of an entity, and the
// data of its card. Linking is decided here, at query time, from corpus counts: a short form not
// linked in its own document goes to the most mentioned full name holding that word, an acronym to
// the most mentioned name with those initials (or the expansion defined in some text), and
// workspace overrides (aliases, ignored surfaces) apply last.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/index/entity_index.h"
#include "server/index/line_index.h"
#include "server/index/string_memo.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::index {

namespace ent = analysis::entities;

// The workspace's corrections to linking (dossier.json "entities"), as folded keys.
struct LinkOverrides {
  std::unordered_map<std::string, std::string> aliasOf; // key -> the group's first key
  std::unordered_set<std::string> ignored;
  std::unordered_set<std::string> separate; // keys never linked to another entity by a short form
  const ent::Lexicon* lexicon = nullptr;    // for the forms of group names (demonyms)

  static LinkOverrides from(const std::vector<std::vector<std::string>>& aliasGroups,
                            const std::vector<std::vector<std::string>>& separateGroups,
                            const std::vector<std::string>& ignoredSurfaces,
                            const ent::Lexicon& lexicon);
};

// What the query needs of one document.
struct DocumentView {
  const ent::DocumentEntities* entities = nullptr; // null when the document is gone
  std::string_view text;
  // The document's workspace path: every list the user sees is ordered by (path, offset), so a
  // server that read the folder in another order, or after edits, gives the same answers.
  std::string_view path;
  // The document's findings, for its debris and candidate boilerplate lines (may be null).
  const analysis::rules::DocumentFindings* findings = nullptr;
};
using DocumentLookup = std::function<DocumentView(DocId)>;

struct MentionRef {
  DocId doc = 0;
  const ent::Mention* mention = nullptr;
};

// Another entity named in the same sentences as the card's one, outside debris and boilerplate.
struct Cooccurrence {
  std::string entity;
  std::uint32_t documents = 0; // documents with at least one shared sentence
  std::uint32_t sentences = 0; // shared sentences across the corpus
};

struct EntityCard {
  std::string id;   // the entity's key
  std::string name; // the most frequent multi-word surface, else the most frequent surface
  ent::EntityType type = ent::EntityType::Other;
  std::vector<std::pair<std::string, std::uint32_t>> surfaces; // distinct spellings, by count
  std::vector<std::pair<DocId, std::uint32_t>> mentionsPerDocument;
  std::vector<std::pair<DocId, ent::Role>> roles;
  std::vector<std::pair<DocId, ent::Statement>> statements;
  std::vector<Cooccurrence> cooccurring;  // strongest first: by documents, then sentences
  std::vector<std::string> ambiguousWith; // other full names a short form could mean
  std::size_t mentionCount = 0;
  std::optional<MentionRef> definition;
};

class EntityQuery {
public:
  // `lines` (optional) tells which lines recur across documents: boilerplate, left out of cards.
  // `pathRanks` (optional, indexed by DocId) is each document's place in path order; with it,
  // ordering documents compares two integers instead of looking up and comparing two paths.
  EntityQuery(const EntityIndex& index, DocumentLookup documents, const LinkOverrides& overrides,
              const LineIndex* lines = nullptr,
              const std::vector<std::uint32_t>* pathRanks = nullptr);

  // Whether the corpus keeps this candidate as a name (ignored surfaces, sentence-initial words
  // seen lower case elsewhere are dropped).
  bool accepted(const ent::Mention& mention) const;
  // The entity a mention stands for (a key), after corpus-level linking and overrides. Kept per
  // (key, surface key, flags): mentions that agree on those resolve alike, and a frequent name's
  // thousands of mentions are resolved once. The reference stays valid for the query's life.
  const std::string& entityOf(const ent::Mention& mention) const;
  // The document's accepted mentions, in text order.
  std::vector<const ent::Mention*> mentionsIn(DocId doc) const;
  // The accepted mention at (doc, offset), or none.
  std::optional<MentionRef> mentionAt(DocId doc, analysis::Offset offset) const;
  // Every accepted mention of an entity across the corpus, by document path then offset. Kept for
  // the query's life: a hover, references and a definition in a row gather them once.
  const std::vector<MentionRef>& mentionsOf(const std::string& entity) const;
  // The defining mention: the first multi-word mention with a role, else the first multi-word one
  // (first by path, then offset: `all` comes from mentionsOf).
  std::optional<MentionRef> definitionOf(const std::string& entity,
                                         const std::vector<MentionRef>& all) const;
  // The entity's card, worked out from every document that mentions it.
  EntityCard card(const std::string& entity) const;
  // The same card, kept for the query's life (hovering a name again costs a lookup).
  const EntityCard& cardOf(const std::string& entity) const;
  ent::EntityType typeOf(const std::string& entity) const;

  // Light lookups (a few documents at most, never the whole corpus), for lists of many entities:
  // The entity a key stands for, judged on its first mentions; none when the corpus does not
  // accept them as names.
  std::optional<std::string> entityOfKey(const std::string& key) const;
  // How the texts write a key: a mention spelled exactly so, in mixed case when there is one.
  std::string nameOf(const std::string& key) const;
  // Up to `limit` distinct roles the first documents give the entity.
  std::vector<std::string> rolesOf(const std::string& entity, std::size_t limit) const;

  // The defining mention judged on the mentions spelled as the entity's own key only (not its
  // short forms or acronyms): the answer of definitionOf(entity, mentionsOf(entity)) unless an
  // acronym is introduced with a role before its expansion, at a fraction of the cost.
  std::optional<MentionRef> definitionOf(const std::string& entity) const;

  const EntityIndex& index() const { return index_; }

  // The person's full name `key` is a rare misspelling of, or none: the same given name with a
  // surname one edit away that the corpus writes at least twice as often ("Viktor Salienko" for
  // "Viktor Salenko"). Different given names, or two frequent spellings, stay two people.
  std::optional<std::string> usualSpellingOf(const std::string& key) const;

  // Whether document `a` comes before `b` in reading order: by path, then id.
  bool readsBefore(DocId a, DocId b) const;

private:
  // The documents mentioning `key`, in reading order, at most `limit` of them (O(postings)).
  std::vector<DocId> firstDocumentsMentioning(const std::string& key, std::size_t limit) const;
  std::optional<std::string> bestOf(const KeyCounts& counts, const std::string& exclude) const;
  std::optional<std::string> teamNamed(const std::string& place) const;
  // The key all forms of a group name share ("Drovnian", "Drovnians" -> the most used of them),
  // or none when `key` is not a group name of the corpus.
  std::optional<std::string> groupKey(const std::string& key) const;
  // Every key that is a form of the same group as `key` (itself included).
  std::vector<std::string> groupForms(const std::string& key) const;

  // Spans of a document's scraping debris and boilerplate lines, sorted by begin.
  std::vector<analysis::Span> chromeOf(const DocumentView& view) const;

  const EntityIndex& index_;
  DocumentLookup documents_;
  const LinkOverrides& overrides_;
  const LineIndex* lines_ = nullptr;
  const std::vector<std::uint32_t>* pathRanks_ = nullptr;
  std::vector<MentionRef> findMentionsOf(const std::string& entity) const;
  // Whether a mention of `word` (one word of the multi-word `entity`) in a document holding no
  // longer key of the entity can stand for it. If not, mentionsOf skips the documents that hold
  // only the word: the other people sharing a frequent surname would read them all.
  bool reachedAlone(const std::string& word, const std::string& entity) const;
  std::string resolve(const ent::Mention& mention) const; // entityOf, worked out
  // A demonym standing for one person (Mention::nominal): the one person of its document the
  // corpus gives that nationality, or null when none or several are. Kept per mention (its answer
  // depends on its document, not only on its keys).
  const std::string* nominalEntityOf(const ent::Mention& mention) const;
  std::optional<std::string> resolveNominal(DocId doc, const ent::Mention& mention) const;
  // The singular demonyms the corpus writes for a person: right before its name, through title
  // words or none ("American challenger Tony Thompson", "Ukrainian Wladimir Klitschko"), or in a
  // role it is given ("an American boxer").
  const std::vector<std::string>& nationalitiesOf(const std::string& entity) const;

  // usualSpellingOf answers, kept for the life of this query (one request, or one snapshot when
  // the features share a query: features/entities.h).
  mutable std::mutex spellingsMutex_;
  mutable std::unordered_map<std::string, std::optional<std::string>> spellings_;
  // mentionsOf, entityOf and cardOf answers, likewise: a user hovers a name, asks for its
  // references, jumps to its definition; each of those gathers the same mentions from every
  // document and resolves each of them.
  StringMemo<std::vector<MentionRef>> mentions_;
  StringMemo<std::string> resolutions_;
  StringMemo<EntityCard> cards_;
  StringMemo<std::vector<std::string>> nationalities_;
  mutable std::mutex nominalsMutex_;
  mutable std::unordered_map<const ent::Mention*, std::optional<std::string>> nominals_;
  // The document of each such mention, filled for all of a demonym's documents at once the first
  // time one of its mentions is asked for (a mention does not know its document).
  mutable std::mutex nominalDocsMutex_;
  mutable std::unordered_map<const ent::Mention*, DocId> nominalDocs_;
  mutable std::unordered_set<std::string> nominalKeysRead_;
};

} // namespace dossier::index
