// sourcing/outlet-uncited: a claim attributed to a news outlet ("according to the Financial Times",
// "Reuters reported", "the newspaper said") whose passage gives the reader no way to find the
// report: no link in the paragraph and no date in the sentence. The citations themselves are
// phrase patterns (rules/sourcing-outlets.tsv) in which {outlet} stands for a named outlet; this
// class builds that pattern from the outlet words of the entity gazetteer and the names of
// rules/outlets.tsv, and drops the citations that are dated or linked.
#pragma once

#include "server/analysis/rules/document_findings.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dossier::analysis::rules {

inline constexpr std::string_view kOutletUncited = "sourcing/outlet-uncited";

class OutletCitations {
public:
  // Built from the records of rules/outlets.tsv and the outlet words of entities/org_suffixes.tsv
  // (records whose second field is "outlet").
  static OutletCitations fromData(std::string_view outletRecords,
                                  std::string_view orgSuffixRecords);

  // One record of rules/outlets.tsv: entry and kind (name, not-suffix, date, date-name, period,
  // link).
  void addRecord(const std::vector<std::string_view>& fields);
  // A word that ends outlet names ("Times", "Ledger"): entities/org_suffixes.tsv, kind "outlet".
  void addOutletWord(std::string_view word);

  // The RE2 text that {outlet} stands for: a listed name, or capitalised words ending in an outlet
  // word ("The Tolvan Ledger", "the Ledger", "Washington Post"). Matched with its case as written.
  std::string outletPattern() const;

  // Drops the outlet citations among `findings` that their passage dates or links, and a second
  // citation in one paragraph that only points back at an outlet ("the newspaper said").
  void filter(std::string_view text, const TextStructure& structure,
              const std::vector<Token>& tokens, std::vector<Finding>& findings) const;

private:
  bool dated(std::string_view text, Span sentence, const std::vector<Token>& tokens) const;
  bool linked(std::string_view paragraph) const;

  std::vector<std::string> names_;
  std::vector<std::string> outletWords_;
  std::unordered_set<std::string> notOutletWords_;
  std::unordered_set<std::string> dateWords_; // folded
  std::unordered_set<std::string> dateNames_; // folded, capitalised in the text
  std::unordered_set<std::string> periods_;   // folded
  std::vector<std::string> linkMarks_;
};

} // namespace dossier::analysis::rules
