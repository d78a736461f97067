// numbers/disagree: a figure that another document's telling of the same event gives differently
// ("40,000 homes" here, "45,000 households" there). A corpus-wide flag: it compares a passage's
// counted figures with those of the related passages of other documents (the passage index), so it
// is computed per snapshot here and not in the per-document analysis.
#pragma once

#include "server/analysis/rules/document_findings.h"
#include "server/corpus/snapshot.h"

#include <string>
#include <vector>

namespace dossier::corpus {

// A number with what it counts: "about 40,000 homes" -> 40000, "homes"; "12 million veskar" ->
// 12e6, "amount"; "58 votes to 41" -> a tally.
struct CountedFigure {
  analysis::Span span;
  double value = 0;
  std::string kind; // the class of the counted noun (server/data/numbers/counted.tsv)
};

// The counted figures inside `within`, in text order. Numbers that count nothing listed (dates,
// years, clock times, page numbers) are left out.
std::vector<CountedFigure> countedFigures(std::string_view text,
                                          const std::vector<analysis::Token>& tokens,
                                          analysis::Span within);

struct NumberFinding {
  analysis::rules::Finding finding;
  DocId relatedDoc = 0;
  analysis::Span relatedSpan; // the other document's figure
  std::string relatedMessage;
};

// Figures in `doc` that a related passage of another document gives differently.
std::vector<NumberFinding> disagreeingNumbers(const Snapshot& snapshot, const Document& doc);

} // namespace dossier::corpus
