#include "server/analysis/rules/outlet_citations.h"

#include "server/data_files.h"

#include <algorithm>
#include <cctype>
#include <re2/re2.h>

namespace dossier::analysis::rules {

namespace {

// The words "last", "this", ... that make a following period word a date ("last week").
bool opensPeriod(std::string_view folded) {
  return folded == "last" || folded == "this" || folded == "earlier" || folded == "past" ||
         folded == "previous";
}

bool isYear(std::string_view word) {
  if (word.size() != 4 || !std::all_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return false;
  return word.starts_with("19") || word.starts_with("20");
}

// A number written as a date: "12/03", "2024-03-12", "12.03.2024".
bool isNumericDate(std::string_view word) {
  int separators = 0;
  for (char c : word) {
    if (c == '/' || c == '-' || c == '.')
      ++separators;
    else if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return separators >= 1 && separators <= 2 && word.size() >= 4;
}

// Whether a finding's words, past its first, are all lower case: "according to the newspaper",
// "The paper said" point back at an outlet the paragraph named; "the Ledger said" names one.
bool pointsBack(std::string_view flagged) {
  for (std::size_t i = 1; i < flagged.size(); ++i)
    if (std::isupper(static_cast<unsigned char>(flagged[i])) && flagged[i - 1] == ' ') return false;
  return true;
}

} // namespace

OutletCitations OutletCitations::fromData(std::string_view outletRecords,
                                          std::string_view orgSuffixRecords) {
  OutletCitations outlets;
  data::forEachRecord(outletRecords, [&](int, const std::vector<std::string_view>& fields) {
    outlets.addRecord(fields);
  });
  data::forEachRecord(orgSuffixRecords, [&](int, const std::vector<std::string_view>& fields) {
    if (fields.size() > 1 && fields[1] == "outlet") outlets.addOutletWord(fields[0]);
  });
  return outlets;
}

void OutletCitations::addRecord(const std::vector<std::string_view>& fields) {
  if (fields.size() < 2) return;
  std::string_view entry = fields[0];
  std::string_view kind = fields[1];
  std::string folded = foldWord(entry);
  while (!folded.empty() && folded.back() == '.')
    folded.pop_back();
  if (kind == "name")
    names_.emplace_back(entry);
  else if (kind == "not-suffix")
    notOutletWords_.insert(folded);
  else if (kind == "date")
    dateWords_.insert(folded);
  else if (kind == "date-name")
    dateNames_.insert(folded);
  else if (kind == "period")
    periods_.insert(folded);
  else if (kind == "link")
    linkMarks_.emplace_back(entry);
}

void OutletCitations::addOutletWord(std::string_view word) {
  outletWords_.emplace_back(word);
}

std::string OutletCitations::outletPattern() const {
  auto alternation = [](const auto& words) {
    std::string out;
    for (const std::string& word : words) {
      if (!out.empty()) out += '|';
      out += RE2::QuoteMeta(word);
    }
    return out;
  };
  std::vector<std::string> endings;
  for (const std::string& word : outletWords_)
    if (!notOutletWords_.contains(foldWord(word))) endings.push_back(word);
  // Listed names first: "Daily Mail" must not stop at "Daily". The capitalised words before an
  // outlet word are the rest of its name ("The Tolvan Ledger", "New York Times"); an outlet word
  // alone is an outlet only after "the" ("the Post said"; "Page said" is a person).
  std::string pattern = "(?-i:\\b(?:";
  pattern += alternation(names_);
  if (!endings.empty()) {
    if (!names_.empty()) pattern += '|';
    std::string words = "[A-Z][\\w’'&.-]* ";
    pattern +=
        "(?:[Tt]he (?:" + words + "){0,3}|(?:" + words + "){1,3})(?:" + alternation(endings) + ")";
  }
  pattern += ")\\b)";
  return pattern;
}

bool OutletCitations::dated(std::string_view text, Span sentence,
                            const std::vector<Token>& tokens) const {
  auto first = std::lower_bound(tokens.begin(), tokens.end(), sentence.begin,
                                [](const Token& t, Offset o) { return t.begin < o; });
  std::string previous;
  for (auto it = first; it != tokens.end() && it->end <= sentence.end; ++it) {
    std::string_view word = it->in(text);
    if (it->kind == TokenKind::Number) {
      if (isYear(word) || isNumericDate(word)) return true;
      continue;
    }
    if (it->kind != TokenKind::Word) continue;
    std::string folded = foldWord(word);
    if (dateWords_.contains(folded)) return true;
    if (it->is(kCapitalised) && dateNames_.contains(folded)) return true;
    if (periods_.contains(folded) && opensPeriod(previous)) return true;
    previous = std::move(folded);
  }
  return false;
}

bool OutletCitations::linked(std::string_view paragraph) const {
  return std::any_of(linkMarks_.begin(), linkMarks_.end(), [&](const std::string& mark) {
    return paragraph.find(mark) != std::string_view::npos;
  });
}

void OutletCitations::filter(std::string_view text, const TextStructure& structure,
                             const std::vector<Token>& tokens,
                             std::vector<Finding>& findings) const {
  int citedParagraph = -1; // the last paragraph with a citation, kept or dropped
  auto keep = [&](const Finding& finding) {
    if (finding.code != kOutletUncited) return true;
    int paragraph = findContaining(structure.paragraphs, finding.span.begin);
    int sentence = findContaining(structure.sentences, finding.span.begin);
    bool again = paragraph >= 0 && paragraph == citedParagraph;
    citedParagraph = paragraph;
    if (again && pointsBack(finding.span.in(text))) return false;
    if (paragraph >= 0 &&
        linked(structure.paragraphs[static_cast<std::size_t>(paragraph)].in(text)))
      return false;
    return sentence < 0 ||
           !dated(text, structure.sentences[static_cast<std::size_t>(sentence)], tokens);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.span.begin < b.span.begin; });
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (Finding& finding : findings)
    if (keep(finding)) kept.push_back(std::move(finding));
  findings = std::move(kept);
}

} // namespace dossier::analysis::rules
