// Field-by-field equality of two document analyses, written independently of the cache codec so
// that a field the codec forgets to save makes the round-trip tests fail. Returns the first
// difference as text (empty when equal), which Catch prints.
#pragma once

#include "server/analysis/document.h"

#include <sstream>
#include <string>
#include <vector>

namespace dossier::testing {

inline std::string spanText(analysis::Span s) {
  return "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

class AnalysisDiff {
public:
  std::string operator()(const analysis::DocumentAnalysis& a, const analysis::DocumentAnalysis& b) {
    using namespace analysis;
    spans("lines", a.structure.lines, b.structure.lines);
    spans("paragraphs", a.structure.paragraphs, b.structure.paragraphs);
    spans("sentences", a.structure.sentences, b.structure.sentences);
    check("sentenceParagraph", a.structure.sentenceParagraph == b.structure.sentenceParagraph);
    const auto &ea = a.entities, &eb = b.entities;
    list("mentions", ea.mentions, eb.mentions, [](const auto& x, const auto& y) {
      bool same = x.span == y.span && x.key == y.key && x.type == y.type &&
                  x.surfaceKey == y.surfaceKey && x.flags == y.flags && x.sentence == y.sentence;
      if constexpr (requires {
                      x.ownType;
                      x.typeGuessed;
                    })
        same = same && x.ownType == y.ownType && x.typeGuessed == y.typeGuessed;
      return same;
    });
    list("roles", ea.roles, eb.roles,
         [](const auto& x, const auto& y) { return x.span == y.span && x.key == y.key; });
    list("statements", ea.statements, eb.statements, [](const auto& x, const auto& y) {
      return x.span == y.span && x.key == y.key && x.cue == y.cue;
    });
    list("ambiguities", ea.ambiguities, eb.ambiguities, [](const auto& x, const auto& y) {
      return x.surfaceKey == y.surfaceKey && x.candidates == y.candidates;
    });
    check("lowercaseWords", ea.lowercaseWords == eb.lowercaseWords);
    check("definedAcronyms", ea.definedAcronyms == eb.definedAcronyms);
    list("findings", a.findings.findings, b.findings.findings, [](const auto& x, const auto& y) {
      return x.span == y.span && x.code == y.code && x.message == y.message;
    });
    list("line keys", a.findings.lines, b.findings.lines, [](const auto& x, const auto& y) {
      return x.hash == y.hash && x.span == y.span && x.flagged == y.flagged;
    });
    list("passages", a.passages.passages, b.passages.passages, [](const auto& x, const auto& y) {
      auto sameTerms = x.terms.size() == y.terms.size();
      for (std::size_t i = 0; sameTerms && i < x.terms.size(); ++i)
        sameTerms = x.terms[i].stem == y.terms[i].stem && x.terms[i].count == y.terms[i].count;
      auto sameFigures = x.figures.size() == y.figures.size();
      for (std::size_t i = 0; sameFigures && i < x.figures.size(); ++i)
        sameFigures =
            x.figures[i].value == y.figures[i].value && x.figures[i].unit == y.figures[i].unit;
      auto sameAttributions = x.attributions.size() == y.attributions.size();
      for (std::size_t i = 0; sameAttributions && i < x.attributions.size(); ++i) {
        const auto &p = x.attributions[i], &q = y.attributions[i];
        sameAttributions = p.cue == q.cue && p.kind == q.kind && p.speaker == q.speaker &&
                           p.speakerKey == q.speakerKey;
      }
      return x.span == y.span && x.kind == y.kind && sameTerms && x.entities == y.entities &&
             sameFigures && sameAttributions && x.hedges == y.hedges && x.quotes == y.quotes &&
             x.source == y.source && x.length == y.length;
    });
    return first_;
  }

private:
  void check(const std::string& what, bool same) {
    if (!same && first_.empty()) first_ = what + " differ";
  }
  void spans(const std::string& what, const std::vector<analysis::Span>& a,
             const std::vector<analysis::Span>& b) {
    check(what, a == b);
  }
  template <typename T, typename Same>
  void list(const std::string& what, const std::vector<T>& a, const std::vector<T>& b, Same same) {
    if (a.size() != b.size()) {
      check(what + " (count " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + ")",
            false);
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) {
        check(what + " at " + std::to_string(i), false);
        return;
      }
  }
  std::string first_;
};

inline std::string analysisDiff(const analysis::DocumentAnalysis& a,
                                const analysis::DocumentAnalysis& b) {
  return AnalysisDiff{}(a, b);
}

} // namespace dossier::testing
