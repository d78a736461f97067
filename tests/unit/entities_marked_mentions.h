// Marked-text fixtures shared by the entity tests: "[[Elon Musk]] said" marks the spans a
// document's analysis should find as names, in order; "^" marks a cursor.
#pragma once

#include "server/analysis/document.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier::testing {

struct MarkedText {
  std::string text;
  std::optional<std::size_t> cursor;
  std::vector<std::pair<std::size_t, std::size_t>> ranges; // in order of "[["
};

inline MarkedText parseMarked(std::string_view marked) {
  MarkedText out;
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.substr(i, 2) == "[[") {
      open.push_back(out.ranges.size());
      out.ranges.push_back({out.text.size(), 0});
      ++i;
    } else if (marked.substr(i, 2) == "]]") {
      out.ranges[open.back()].second = out.text.size();
      open.pop_back();
      ++i;
    } else if (marked[i] == '^') {
      out.cursor = out.text.size();
    } else {
      out.text += marked[i];
    }
  }
  return out;
}

// The marked spans' texts, in the order their "[[" opens (no cursor in these fixtures).
struct MarkedSpans {
  std::string text;
  std::vector<std::string> spans;
};

inline MarkedSpans unmarkSpans(std::string_view marked) {
  MarkedText parsed = parseMarked(marked);
  MarkedSpans out{parsed.text, {}};
  for (const auto& [begin, end] : parsed.ranges)
    out.spans.push_back(parsed.text.substr(begin, end - begin));
  return out;
}

// The texts of the document's mentions, sentence-initial guesses left out.
inline std::vector<std::string> mentionTexts(const std::string& text) {
  auto analysis = analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
  std::vector<std::string> out;
  for (const auto& m : analysis->entities.mentions)
    if (!m.is(analysis::entities::kTentative)) out.emplace_back(m.span.in(text));
  return out;
}

inline void expectMentions(std::string_view marked) {
  MarkedSpans fixture = unmarkSpans(marked);
  INFO(fixture.text);
  CHECK(mentionTexts(fixture.text) == fixture.spans);
}

} // namespace dossier::testing
