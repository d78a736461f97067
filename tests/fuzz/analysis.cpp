// Fuzz target: the whole per-document analysis (structure, tokens, entities, findings, passages) of
// arbitrary bytes, then the document's contributions added to and removed from a corpus index, as
// the corpus store does for every file it reads. Inputs starting with 0xFF are first stretched into
// one line of 64 KB (their bytes repeated, line breaks dropped), the case of minified or crawled
// pages that the fuzzer's length limit would never reach on its own. (1 MB lines take tens of
// seconds per input under the sanitizers, too slow to fuzz; the same code runs on both.)
#include "server/analysis/document.h"
#include "server/index/corpus_index.h"

#include <cstdlib>

using namespace dossier;

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

template <typename Spans> void requireInside(const Spans& spans, std::size_t size) {
  for (const auto& span : spans)
    require(span.begin <= span.end && span.end <= size);
}

std::string longLine(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kTarget = 64u << 10;
  std::string unit;
  for (std::size_t i = 1; i < size; ++i)
    if (data[i] != '\n' && data[i] != '\r') unit.push_back(static_cast<char>(data[i]));
  if (unit.empty()) unit = "x";
  std::string text;
  text.reserve(kTarget + unit.size());
  while (text.size() < kTarget)
    text += unit;
  return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto knowledge = analysis::Knowledge::builtin();
  std::string text = size > 0 && data[0] == 0xFF
                         ? longLine(data, size)
                         : std::string(reinterpret_cast<const char*>(data), size);
  auto result = analysis::analyzeDocument(text, *knowledge);
  require(result != nullptr);
  requireInside(result->structure.lines, text.size());
  requireInside(result->structure.paragraphs, text.size());
  requireInside(result->structure.sentences, text.size());
  require(result->structure.sentenceParagraph.size() == result->structure.sentences.size());
  auto tokens = analysis::tokenize(text); // an analysis keeps none
  requireInside(tokens, text.size());
  for (std::size_t i = 1; i < tokens.size(); ++i)
    require(tokens[i - 1].end <= tokens[i].begin);

  index::CorpusIndex corpus;
  corpus.add(index::DocId{1}, *result);
  corpus.add(index::DocId{2}, *result); // a second copy: repeated lines, shared passages
  corpus.remove(index::DocId{1}, *result);
  corpus.remove(index::DocId{2}, *result);
  return 0;
}
