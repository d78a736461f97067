// Internal to the entity analysis: finding candidate name spans over a document's tokens.
#pragma once

#include "server/analysis/entities/document_entities.h"

#include <unordered_set>

namespace dossier::analysis::entities {

// A span of tokens [first, last] (indexes into the token vector) that may be a name or a role.
struct Candidate {
  std::size_t first = 0;
  std::size_t last = 0;
  bool roleOnly = false;   // title words before a name, reported as a role of that name
  bool demonym = false;    // a demonym cut from the front of a role
  bool tentative = false;  // sentence-initial with no evidence in this document
  bool afterTitle = false; // the name follows a title ("President Trump"): a person
  bool credential = false; // a degree follows the name ("Regina Benjamin, MD"): a person
  // The span's last token when it goes past the name's last word (0: `last`): the dot of "Corp.",
  // the degrees after a person's name. The key is the name's words [first, last] alone.
  std::size_t spanLast = 0;
  std::size_t spanEnd() const { return spanLast ? spanLast : last; }
};

// "Bluejays", "Heels": a folded word written as a plural ("Swiss", "Cactus", "Paris" are not).
bool pluralShape(std::string_view word);

class MentionFinder {
public:
  MentionFinder(std::string_view text, const TextStructure& structure,
                const std::vector<Token>& tokens, const Lexicon& lexicon);
  MentionFinder(const MentionFinder&) = delete; // the word sets view this finder's folded_
  MentionFinder& operator=(const MentionFinder&) = delete;

  void findRuns(std::vector<Candidate>& out);
  void findInCapsLines(const std::unordered_set<std::string>& documentKeys,
                       std::vector<Candidate>& out);

  const std::string& folded(std::size_t i) const { return folded_[i]; }
  std::uint32_t sentenceOf(std::size_t i) const { return sentenceOf_[i]; }
  bool sentenceInitial(std::size_t i) const { return sentenceInitial_[i]; }
  // Views into folded_, whose strings stay where they are for the finder's life.
  const std::unordered_set<std::string_view>& lowercaseWords() const { return lowercase_; }

private:
  void markAddresses();
  void markCapsLines();
  bool titleCaseLine(std::size_t first, Offset lineEnd, bool opening) const;
  bool commonWordShape(const std::string& folded) const;
  bool isTitle(std::size_t i) const;
  bool nameWord(std::size_t i) const;
  std::size_t runEnd(std::size_t first) const;
  std::size_t andInsideName(std::size_t first, std::size_t last, std::size_t andAt) const;
  bool demonymBeforePerson(const std::vector<std::size_t>& words) const;
  bool teamBeforePerson(const std::vector<std::size_t>& words) const;
  bool plainNameWord(std::size_t i) const;
  std::string joinedFolded(const std::vector<std::size_t>& words, std::size_t from) const;
  void splitRun(std::size_t first, std::size_t end, std::vector<Candidate>& out);
  std::size_t extendName(Candidate& c) const;
  std::size_t credentialEnd(std::size_t at) const;
  bool personLike(const Candidate& c) const;

  std::string_view text_;
  const TextStructure& structure_;
  const std::vector<Token>& tokens_;
  const Lexicon& lexicon_;
  std::vector<std::string> folded_;
  std::vector<std::uint32_t> sentenceOf_;
  std::vector<bool> sentenceInitial_;
  std::vector<bool> capsLine_;
  std::vector<bool> address_; // words of a web address
  std::unordered_set<std::string_view> lowercase_;
  std::unordered_set<std::string_view> capitalisedMidSentence_;
};

} // namespace dossier::analysis::entities
