// Finds every occurrence of a fixed set of byte strings ("atoms") in one pass over a text: an
// Aho–Corasick automaton, compiled into a transition table over byte classes.
//
// The phrase rules use it as the cheap first stage of matching: RE2's FilteredRE2 reduces each rule
// pattern to literal strings that any match must contain, and only the patterns whose strings occur
// in a sentence are then run on it. One large RE2::Set over every pattern did the same job, but its
// DFA has a state for each combination of partly matched patterns, kept filling its cache and took
// most of the indexing time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::rules {

class AtomMatcher {
public:
  struct Occurrence {
    std::uint32_t begin = 0; // byte offset in the searched text
    std::uint32_t end = 0;
    int atom = 0; // index into the atoms the matcher was built from
  };

  AtomMatcher() = default;
  explicit AtomMatcher(const std::vector<std::string>& atoms);

  // Every occurrence of every atom in `text`, overlapping ones included, ordered by end offset.
  void findAll(std::string_view text, std::vector<Occurrence>& out) const;

  bool empty() const { return lengths_.empty(); }

private:
  // Byte -> class: bytes that occur in no atom share class 0, so the table stays narrow.
  std::uint16_t classOf_[256] = {};
  int classes_ = 1;
  // (state * classes_ + class) -> (next state * classes_) << 1 | whether that state has outputs:
  // the scan reads one table entry per byte and nothing else until an atom ends.
  std::vector<std::uint32_t> next_;
  std::vector<std::int32_t> firstOutput_; // state -> index into outputs_, or -1
  std::vector<std::int32_t> outputs_;     // (atom, next index in the chain or -1) pairs
  std::vector<std::uint32_t> lengths_;    // atom -> byte length
};

} // namespace dossier::analysis::rules
