#include "server/analysis/document.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace dossier::analysis {

namespace {

template <typename T> void shrink(std::vector<T>& items) {
  if (items.capacity() > items.size()) items.shrink_to_fit();
}

// An analysis lives as long as its document, so it should hold no more than it needs: vectors
// grown by push_back keep up to twice their size in capacity. Measured with
// tests/bench/memory_bench.cpp: unused capacity was ~2.5x the text's bytes (mostly tokens).
void compact(DocumentAnalysis& analysis) {
  shrink(analysis.structure.lines);
  shrink(analysis.structure.paragraphs);
  shrink(analysis.structure.sentences);
  shrink(analysis.structure.sentenceParagraph);
  shrink(analysis.entities.mentions);
  shrink(analysis.entities.roles);
  shrink(analysis.entities.statements);
  shrink(analysis.entities.lowercaseWords);
  shrink(analysis.findings.findings);
  shrink(analysis.findings.lines);
  shrink(analysis.passages.passages);
  for (auto& passage : analysis.passages.passages) {
    shrink(passage.terms);
    shrink(passage.entities);
    shrink(passage.figures);
    shrink(passage.attributions);
  }
}

// One-word mentions on lines the rules found to be page chrome (debris findings) are marked: a menu
// label ("Print", "Copy link", "Manage cookies") is capitalised like a name and, on a small
// corpus, often never written in lower case; the corpus decides (EntityQuery::accepted). Names of
// several words and gazetteer entries ("Share on Facebook") stay as they are.
// The debris codes of menus and buttons. Disclaimers, newsletter prompts and e-mail placeholders
// name the outlet ("Subscribe to the Courier"): on the dev samples 17 names sat on such lines and
// no menu label did.
const std::unordered_set<std::string_view> kChromeCodes = {
    "debris/navigation", "debris/share", "debris/comment-chrome", "debris/tracking",
    "debris/cookie-banner"};

void markPageChrome(std::string_view text, const rules::DocumentFindings& findings,
                    entities::DocumentEntities& entities) {
  std::vector<Span> chrome;
  for (const auto& finding : findings.findings)
    if (kChromeCodes.contains(finding.code.str())) chrome.push_back(finding.span);
  if (chrome.empty()) return;
  std::sort(chrome.begin(), chrome.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  for (auto& mention : entities.mentions) {
    if (mention.is(entities::kKnown) || mention.span.in(text).find(' ') != std::string_view::npos)
      continue;
    auto after = std::upper_bound(chrome.begin(), chrome.end(), mention.span.begin,
                                  [](Offset at, const Span& s) { return at < s.begin; });
    // The few findings starting last before the mention: debris findings are whole lines or
    // parts of one, rarely nested more than that.
    for (int back = 0; back < 4 && after != chrome.begin(); ++back)
      if (--after; after->begin <= mention.span.begin && mention.span.end <= after->end) {
        mention.pageChrome = true;
        mention.flags |= entities::kTentative;
        break;
      }
  }
}

} // namespace

std::shared_ptr<const DocumentAnalysis> analyzeDocument(std::string_view text,
                                                        const Knowledge& knowledge) {
  auto result = std::make_shared<DocumentAnalysis>();
  result->structure = analyzeStructure(text);
  std::vector<Token> tokens = tokenize(text);
  result->entities = entities::analyze(text, result->structure, tokens, *knowledge.entities);
  result->findings =
      rules::analyze(text, result->structure, tokens, result->entities, *knowledge.rules);
  markPageChrome(text, result->findings, result->entities);
  result->passages = passages::analyze(text, result->structure, tokens, result->entities,
                                       result->findings, *knowledge.passages);
  compact(*result);
  return result;
}

} // namespace dossier::analysis
