// Story words: the other occurrences, in the reports of one story, of a word that is not a name:
// the event ("killed", "arrested", "earthquake") or the thing ("rehab", "ceasefire") at the cursor.
// An analyst on "killed" in one report wants every report's word for that killing, and not the
// killings of other stories that use the same word.
//
// A story's reports are the asked document and the documents whose passages the related-passage
// index ranks close to the passage around the word (or to the document's lead); a word's
// occurrences there are the words of its family: the same stem, or listed together in
// server/data/passages/word_families.tsv ("died", "death", "dead"). Worked out on request from the
// documents' text: nothing is stored per word.
#pragma once

#include "server/analysis/document.h"
#include "server/index/doc_id.h"
#include "server/index/passage_index.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::index {

struct StoryDocument {
  const analysis::DocumentAnalysis* analysis = nullptr; // null when the document is gone
  std::string_view text;
  std::string_view path; // answers are ordered by (path, offset), like entity references
};
using StoryDocumentLookup = std::function<StoryDocument(DocId)>;

struct StoryWord {
  analysis::Span span;
  std::string key; // storyWordKey(): the family's name or the stem
};

struct WordOccurrence {
  DocId doc = 0;
  analysis::Span span;
};

// How a story's documents are chosen. The evidence is the passage around the word and the
// document's first passages (its lead: what the report is about). Two passages' similarity is the
// larger of the two ways' (related() measures a candidate against the asked passage only, so a
// short report inside a long one scored low); a document's similarity to the story is the sum over
// the evidence of its best passage's. The defaults were chosen on the ECB+ development topics'
// event chains (tests/unit/story_words_ecb.cpp, DOSSIER_STORY_SWEEP=<file> writes the sweep), all
// pairs: the asked passage alone at 0.3, P 0.72 R 0.28; with one lead passage, P 0.68 R 0.37;
// with three, summed and both ways, from 0.4 up, P 0.65 R 0.46 (0.3: P 0.61 R 0.47; 0.5: P 0.68
// R 0.44). Requiring a shared name of every related passage lowered recall more than it raised
// precision (the other event of one kind often involves the same names).
struct StoryOptions {
  std::size_t candidates = 30;  // related passages asked of the index per evidence passage
  double minSimilarity = 0.4;   // a document reports the story from this similarity up
  std::size_t leadPassages = 3; // the document's first passages are evidence too
  bool sumEvidence = true;      // a document's similarity: the sum over evidence, else the best
  bool symmetric = true;        // a pair of passages: the larger of the two ways' similarities
};

class StoryWords {
public:
  StoryWords(const PassageIndex& passages, StoryDocumentLookup documents,
             const analysis::passages::Lexicon& lexicon, StoryOptions options = {})
      : passages_(passages), documents_(std::move(documents)), lexicon_(lexicon),
        options_(options) {}

  // The story word at `offset` of `doc`: a content word (not a stop word, not a number, outside
  // every entity mention), or nothing.
  std::optional<StoryWord> at(DocId doc, analysis::Offset offset) const;
  // The documents that report the story told around `offset` of `doc`: `doc` first, then the
  // others, most related first.
  std::vector<DocId> storyDocuments(DocId doc, analysis::Offset offset) const;
  // The occurrences of `key` in `doc`, in text order.
  std::vector<analysis::Span> occurrencesIn(DocId doc, const std::string& key) const;
  // The occurrences of `word` (at `doc`) in every document of its story, ordered by (path, offset).
  std::vector<WordOccurrence> occurrences(DocId doc, const StoryWord& word) const;

private:
  // How alike `passage` of `doc` is to `otherPassage` of `other`, from the other's side.
  double reverseSimilarity(DocId doc, std::uint32_t passage, DocId other,
                           std::uint32_t otherPassage) const;

  const PassageIndex& passages_;
  StoryDocumentLookup documents_;
  const analysis::passages::Lexicon& lexicon_;
  StoryOptions options_;
};

} // namespace dossier::index
