// The data-driven part of the rules: RE2 patterns from server/data/rules/*.tsv, compiled once per
// scan granularity (sentence, line). RE2's FilteredRE2 reduces each pattern to literal strings that
// any match must contain; one Aho–Corasick pass over the lower-cased document finds those strings,
// and only the patterns they admit are run, on one sentence or line at a time, to find spans.
//
// Record format (TAB-separated):  pattern  code  message  [flags]
//   pattern  RE2 syntax, case-insensitive unless flagged `cased`; \b is added at an end that is a
//            word character, so "sources" never matches inside "resources"
//   code     the diagnostic code ("hedge/unverified")
//   message  one line; {text} is replaced by the flagged words
//   flags    comma-separated: `line` (match per line, flag the whole line: debris),
//            `sentence` (flag the whole sentence the cue is in), `cased`,
//            `veto` (a guard, never reported: a finding of the same code that overlaps its match
//            in the same sentence is dropped — "may" of permission in "the committee may summon")
// A pattern may hold named parts ("{outlet}") that define() gave before the file was added.
#pragma once

#include "server/analysis/rules/atom_matcher.h"
#include "server/analysis/rules/document_findings.h"

#include <memory>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::rules {

class PhraseRules {
public:
  using Matching = PhraseMatching;
  explicit PhraseRules(Matching matching = Matching::Prefiltered) : matching_(matching) {}

  // Adds every record of one data file; bad records are reported in `problems` and skipped.
  void addFile(std::string_view name, std::string_view contents,
               std::vector<std::string>& problems);
  // Makes `name` ("{outlet}") stand for the RE2 text `pattern` in the records added after.
  void define(std::string name, std::string pattern);
  // Compiles the sets; call once after every addFile.
  void compile(std::vector<std::string>& problems);

  std::size_t size() const { return sentences_.rules.size() + lines_.rules.size(); }

  void scan(std::string_view text, const TextStructure& structure, std::vector<Finding>& out) const;

private:
  enum class SpanMode { Match, Sentence, Line };
  struct Rule {
    std::unique_ptr<RE2> pattern;
    std::string code;
    std::string message;
    SpanMode mode = SpanMode::Match;
    bool veto = false;
    int codeId = 0; // the same for rules of the same code in one granularity
  };
  struct Granularity {
    std::vector<Rule> rules;
    std::unique_ptr<re2::FilteredRE2> filter; // rule index = FilteredRE2 id
    AtomMatcher atoms;                        // the filter's strings
  };
  struct Scratch {
    std::vector<AtomMatcher::Occurrence> occurrences;
    std::vector<int> atoms;
    std::vector<int> candidates;
    // A matching rule, with its first match when that was looked for already (a rule whose
    // spans are reported: the span loop then starts from it instead of searching again).
    struct Hit {
      int id = 0;
      bool firstKnown = false;
      re2::StringPiece first;
    };
    std::vector<Hit> matched;
    std::vector<int> vetoes;      // candidate vetoes, run only if a finding of their code is
    std::vector<char> codesFound; // codeId -> whether a rule of that code matched in the unit
  };

  void addRecord(std::string_view where, const std::vector<std::string_view>& fields,
                 std::vector<std::string>& problems);
  static void compileFilter(Granularity& granularity, std::vector<std::string>& problems);
  // The rules of `granularity` that match somewhere in `unit`, in rule order, into scratch.matched.
  // A veto can only drop a finding of its own code in the same unit, so when prefiltered it is run
  // only if a rule of its code matched there: most units have no such finding.
  void matchingRules(const Granularity& granularity, std::string_view text, Span unit,
                     Scratch& scratch) const;
  void scanUnit(const Granularity& granularity, std::string_view text, Span unit, Scratch& scratch,
                std::vector<Finding>& out) const;
  void scanAll(const Granularity& granularity, std::string_view text, std::string_view lowered,
               const std::vector<Span>& units, bool trim, Scratch& scratch,
               std::vector<Finding>& out) const;

  Matching matching_;
  Granularity sentences_;
  Granularity lines_;
  std::vector<std::pair<std::string, std::string>> parts_; // define()d names and their patterns
};

} // namespace dossier::analysis::rules
