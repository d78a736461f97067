// A document cut into passages (paragraphs of an article, comments of a thread, the quoted block of
// a blog post), each with the terms the related-passages index ranks by and the parts of a claim
// ("who said what, how sure, with which numbers") that show how a story changed between documents.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/analysis/interned.h"
#include "server/analysis/passages/passage_lexicon.h"
#include "server/analysis/rules/document_findings.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::passages {

enum class PassageKind : std::uint8_t {
  Paragraph,     // a paragraph of prose, or one line of a thread or crawled page
  SentenceGroup, // consecutive sentences of a paragraph too long to be one passage
  QuotedBlock,   // a block the author quotes from elsewhere ("[From WSJ]" names its source)
};

// A content word: its Snowball stem and how often. The word as first written is not kept (it was a
// third of every term): termWords() reads it again from the passage's text when it is shown.
// Interned: the same words recur in every document, and terms were the largest part of an analysis.
struct Term {
  Interned stem;
  std::uint16_t count = 0;
  std::uint16_t windows = 0; // bit w: the word occurs in the passage's window w
};

// A number or date the passage gives: the value ("12", "2023") and the word it counts ("million",
// "march", "votes"), so that two passages' figures for the same thing can be compared.
struct Figure {
  Interned value;
  Interned unit;
};

// A statement attributed with a cue verb: "Ilves denied", "according to the Ledger".
struct Attribution {
  Interned cue;        // the cue word, folded ("denied")
  Interned kind;       // say | deny | claim | report | accuse | confirm | dismiss
  Interned speaker;    // as written ("Ilves"); empty when no speaker is named near the cue
  Interned speakerKey; // folded, for comparison
};

// An entity key a passage mentions, and in which of its windows (bit w: window w). One vector of
// these rather than keys and windows side by side: a passage holds one list less.
struct PassageEntity {
  Interned key;
  std::uint16_t windows = 0;
  friend bool operator==(const PassageEntity&, const PassageEntity&) = default;
};

// A long passage is also read as windows: groups of consecutive sentences, so that the index can
// judge a match to one part of it (the second half of a quoted report) by that part, not by the
// whole (related()'s floor).
inline constexpr std::size_t kMaxWindows = 8;

// Figures, attributions, entity keys, hedges and sources repeat the same few words across a corpus:
// they are interned like terms (4 bytes each; as std::string they were more than the text itself).
struct Passage {
  Span span;
  PassageKind kind = PassageKind::Paragraph;
  std::uint8_t windowCount = 1;          // at most kMaxWindows
  Interned source;                       // for a quoted block: where it is quoted from, if named
  std::uint32_t length = 0;              // content words counted with repetition
  std::vector<Term> terms;               // sorted by stem, distinct
  std::vector<PassageEntity> entities;   // entity keys mentioned, sorted by key, distinct
  std::vector<Figure> figures;           // in text order
  std::vector<Attribution> attributions; // in text order
  std::vector<Interned> hedges;          // hedge phrases used, sorted, distinct
  std::vector<std::string> quotes;       // direct quotes, folded to lower-case words
};

struct DocumentPassages {
  std::vector<Passage> passages; // sorted by span
};

DocumentPassages analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens,
                         const entities::DocumentEntities& entities,
                         const rules::DocumentFindings& findings, const Lexicon& lexicon);

// Whether a passage's text is a table (every line a "| cell | cell |" row): figures and names side
// by side with no sentence to say what happened. It stays a passage (its figures are compared with
// other documents'), but it shares a figure or a name with every story it lists, so the reader's
// related-passage lists leave it out.
bool isTable(std::string_view passageText);

// The word each of `stems` was first written as among the passage's terms (as computeFeatures()
// reads them from `text`, the passage's document), or "" for a stem that is none of its terms.
std::vector<std::string> termWords(std::string_view text, Span passage,
                                   const std::vector<std::string>& stems, const Lexicon& lexicon);

// Index of the passage containing `offset`, or -1 (boilerplate and blank lines belong to none).
int passageAt(const DocumentPassages& passages, Offset offset);

} // namespace dossier::analysis::passages
