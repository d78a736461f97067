// Marked-text fixtures for the rule tests: `[[...]]` marks the spans a rule must flag with one
// code. Every marked span must overlap a finding of that code, and no finding of that code may fall
// outside the marks; so a fixture without marks is a near miss that must stay silent.
#pragma once

#include "server/analysis/document.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::rules_test {

struct Marked {
  std::string text;
  std::vector<analysis::Span> spans;
};

inline Marked parseMarked(std::string_view marked) {
  Marked out;
  analysis::Offset open = 0;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.substr(i, 2) == "[[") {
      open = static_cast<analysis::Offset>(out.text.size());
      ++i;
    } else if (marked.substr(i, 2) == "]]") {
      out.spans.push_back({open, static_cast<analysis::Offset>(out.text.size())});
      ++i;
    } else {
      out.text += marked[i];
    }
  }
  return out;
}

inline std::vector<analysis::rules::Finding> findingsOf(std::string_view text) {
  return analysis::analyzeDocument(text, *analysis::Knowledge::builtin())->findings.findings;
}

inline void expectFlags(std::string_view code, std::string_view marked) {
  Marked fixture = parseMarked(marked);
  auto findings = findingsOf(fixture.text);
  INFO("code " << code << " in: " << fixture.text);
  for (analysis::Span expected : fixture.spans) {
    INFO("expected: " << std::string(expected.in(fixture.text)));
    bool hit = false;
    for (const auto& f : findings)
      hit |= f.code == code && f.span.overlaps(expected);
    CHECK(hit);
  }
  for (const auto& f : findings) {
    if (f.code != code) continue;
    INFO("unexpected: " << std::string(f.span.in(fixture.text)) << " — " << f.message);
    bool marked = false;
    for (analysis::Span expected : fixture.spans)
      marked |= f.span.overlaps(expected);
    CHECK(marked);
  }
}

} // namespace dossier::rules_test
