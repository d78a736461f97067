// The word lists passage features are computed with (server/data/passages/): stop words left out of
// a passage's terms, hedges, cue verbs of attribution, number words, and word families. Loaded
// once, read-only.
#pragma once

#include "server/analysis/knowledge.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace dossier::analysis::passages {

struct Lexicon {
  std::unordered_set<std::string> stopWords;
  // Hedge phrases, folded, words joined by one space; the longest phrase's word count.
  std::unordered_set<std::string> hedges;
  int longestHedge = 1;
  // Every hedge's text before each of its spaces ("according to" gives "according"): a phrase
  // that is none of these starts no longer hedge.
  std::unordered_set<std::string> hedgeOpenings;
  // Cue verb form -> kind of claim ("denied" -> "deny").
  std::unordered_map<std::string, std::string> cues;
  // Number word -> figure ("fourteen" -> "14").
  std::unordered_map<std::string, std::string> numberWords;
  // How a call to action addressed to the reader opens ("would you like to", "sign up for"),
  // folded, words joined by one space; the longest opener's word count.
  std::unordered_set<std::string> callsToAction;
  int longestCallToAction = 1;
  // Stem of a family's word -> the family's name ("died" and "death" -> "die"), from
  // word_families.tsv; see storyWordKey().
  std::unordered_map<std::string, std::string> families;
};

// What one word of a story is, for finding its other occurrences: its family's name, else its stem.
// `folded` is foldWord()'s result.
std::string storyWordKey(const Lexicon& lexicon, const std::string& folded);

std::shared_ptr<const Lexicon> loadLexicon(const KnowledgeOverrides& overrides);

} // namespace dossier::analysis::passages
