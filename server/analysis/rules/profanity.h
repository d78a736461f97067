// Profanity, plain and obfuscated ("sh*t", "f#ck", "bullsh-t", "f–king", "fuuuck", "sh1t").
//
// Each whitespace-delimited word is normalised once: lower-cased, leet digits mapped to letters,
// every run of masking characters (* # @ ! $ - – — .) folded to one '*'. The result is looked up in
// a hash set that holds every listed word plus its masked variants (one run of 1-3 letters replaced
// by
// '*'), with and without a small set of inflection and compound suffixes. Whole words only, and an
// allow list guards innocent words that contain a listed string ("Scunthorpe", "assess",
// "cocktail").
#pragma once

#include "server/analysis/rules/document_findings.h"

#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::analysis::rules {

class ProfanityRules {
public:
  // profanity.tsv: one word per record (a stem; inflections and compounds are derived).
  void addWord(std::string_view word);
  // profanity-allow.tsv: words never flagged, whatever they contain.
  void allow(std::string_view word);

  void scan(std::string_view text, std::vector<Finding>& out) const;

  // What a word is after normalisation, or "" when it is not profane (exposed for tests).
  // `obfuscated` tells whether masking, leet digits or stretched letters were needed.
  std::string match(std::string_view word, bool& obfuscated) const;

private:
  bool lookup(const std::string& normalised) const;

  std::unordered_set<std::string> plain_;  // listed words
  std::unordered_set<std::string> masked_; // listed words with one run of letters masked
  std::unordered_set<std::string> allowed_;
  // The first two bytes of every plain_ and masked_ entry: a word that opens with none of them
  // holds no listed stem, and most words are turned away here without a hash lookup.
  std::bitset<1 << 16> openings_;
};

} // namespace dossier::analysis::rules
