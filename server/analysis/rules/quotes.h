// quotes/no-speaker: a direct quotation that nobody is said to have said. A quote of several words
// whose sentence, and the sentences right before and after it, hold no speech verb with a speaker
// (a named person or organisation, a pronoun, or a definite "the minister" pointing back at one) is
// words put in circulation without an owner: "Meanwhile in Kresk: “we are deeply concerned ...”".
#pragma once

#include "server/analysis/rules/document_findings.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dossier::analysis::rules {

class QuoteRules {
public:
  // One record per line of rules/quote-speech-cues.tsv: a folded word that introduces speech
  // ("said", "told", "put"), a word that names a speaker without a name ("he", "the"), or a noun
  // for those who speak, which owns a quote it leads in before a colon ("accounts", "users").
  void addRecord(const std::vector<std::string_view>& fields);

  void scan(std::string_view text, const TextStructure& structure, const std::vector<Token>& tokens,
            const entities::DocumentEntities& entities, std::vector<Finding>& out) const;

private:
  std::unordered_set<std::string> speechCues_;
  std::unordered_set<std::string> speakerWords_;
  std::unordered_set<std::string> sourceNouns_; // "accounts", "users": who may lead in a quote
};

} // namespace dossier::analysis::rules
