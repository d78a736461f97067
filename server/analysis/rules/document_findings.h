// Analytical findings in one document: sourcing, hedges, rumour, propaganda techniques, profanity,
// scraping debris. Each has a stable code ("sourcing/anonymous") and a one-line message. They are
// flags for a reader's judgement, not errors.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/analysis/interned.h"
#include "server/analysis/knowledge.h"
#include "server/analysis/text.h"
#include "server/analysis/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::rules {

class OutletCitations;
class PhraseRules;
class ProfanityRules;
class QuoteRules;

// How the phrase rules find their matches. Prefiltered is the product's matching; Exhaustive runs
// every pattern on every sentence and line: slow, and the reference the tests hold it to.
enum class PhraseMatching { Prefiltered, Exhaustive };

// Every rule's patterns and lexicons (server/data/rules/), compiled once.
struct RuleSet {
  std::shared_ptr<const PhraseRules> phrases;
  std::shared_ptr<const ProfanityRules> profanity;
  std::shared_ptr<const QuoteRules> quotes;
  std::shared_ptr<const OutletCitations> outlets;
  std::vector<std::string> problems; // data lines that did not compile, with file:line
};

std::shared_ptr<const RuleSet> loadRuleSet(const KnowledgeOverrides& overrides,
                                           PhraseMatching matching = PhraseMatching::Prefiltered);

struct Finding {
  Span span;
  Interned code;       // "hedge/unverified": a few dozen codes, interned (a std::string was 32
                       // bytes of every finding, and a heap block for codes of 16 bytes or more)
  std::string message; // one line: what was found and why it matters
};

// A line that could be site boilerplate if other documents hold it too: the corpus-wide line index
// counts the documents per key, and flags report lines whose key recurs in several documents.
struct LineKey {
  std::uint64_t hash = 0; // of the line, lower-cased with digits and runs of space folded
  Span span;              // the trimmed line
  bool flagged = false;   // a debris finding already covers this line
};

struct DocumentFindings {
  std::vector<Finding> findings; // sorted by span
  std::vector<LineKey> lines;    // candidate boilerplate lines, in text order
};

DocumentFindings analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens,
                         const entities::DocumentEntities& entities, const RuleSet& rules);

// The message of a finding that quotes its text: `template` with {text} replaced by the flagged
// words, shortened to fit one line.
std::string renderMessage(std::string_view messageTemplate, std::string_view flagged);

} // namespace dossier::analysis::rules
