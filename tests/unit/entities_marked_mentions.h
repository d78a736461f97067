// Mention-span fixtures shared by the entity tests: "[[Elon Musk]] said" marks the spans a
// document's analysis should find as names, in order.
#pragma once

#include "server/analysis/document.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::testing {

struct MarkedSpans {
  std::string text;
  std::vector<std::string> spans;
};

// "[[Elon Musk]] said" -> the text without the brackets, and the marked spans in order.
inline MarkedSpans unmarkSpans(std::string_view marked) {
  MarkedSpans out;
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.substr(i, 2) == "[[") {
      open = out.text.size();
      ++i;
    } else if (marked.substr(i, 2) == "]]") {
      out.spans.push_back(out.text.substr(open, out.text.size() - open));
      ++i;
    } else {
      out.text += marked[i];
    }
  }
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
