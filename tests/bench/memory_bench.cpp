// dossier-memory-bench DIR [--limit N]: what the heap holds per document, by component.
//
// Analyses every text file under DIR on one thread and measures, with mallinfo2(), the heap bytes
// each part of a DocumentAnalysis holds (by freeing the parts one at a time from a copy), the
// heap the CorpusIndex grows by when every document is added, and the encoded size of the analysis
// in the persistent cache. Prints bytes and multiples of the text's size. heaptrack is not
// available on the build machines; malloc's own counters are exact for what they cover, except that
// blocks freed into glibc's per-thread cache still count as in use: for exact per-part figures run
//   GLIBC_TUNABLES=glibc.malloc.tcache_count=0 dossier-memory-bench DIR
#include "server/analysis/document.h"
#include "server/corpus/cache_codec.h"
#include "server/corpus/scan.h"
#include "server/index/corpus_index.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <malloc.h>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

std::int64_t heapInUse() {
  return static_cast<std::int64_t>(mallinfo2().uordblks);
}

template <typename T> std::int64_t freedBy(T& part) {
  std::int64_t before = heapInUse();
  T().swap(part);
  return before - heapInUse();
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dossier-memory-bench DIR [--limit N]\n");
    return 2;
  }
  std::size_t limit = SIZE_MAX;
  if (argc >= 4 && std::string(argv[2]) == "--limit") limit = std::strtoull(argv[3], nullptr, 10);
  auto knowledge = analysis::Knowledge::builtin();

  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1]))
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  if (paths.size() > limit) paths.resize(limit);

  std::map<std::string, std::int64_t> parts;
  std::int64_t textBytes = 0, encoded = 0, analysisTotal = 0, slack = 0, termCount = 0;
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> kept;
  std::vector<std::shared_ptr<const std::string>> texts;
  for (const auto& path : paths) {
    auto contents = corpus::readTextFile(path);
    if (!contents.text) continue;
    auto text = std::make_shared<const std::string>(std::move(*contents.text));
    textBytes += static_cast<std::int64_t>(text->size());
    std::int64_t before = heapInUse();
    auto result = analysis::analyzeDocument(*text, *knowledge);
    analysisTotal += heapInUse() - before;
    encoded += static_cast<std::int64_t>(corpus::cache::encodeAnalysis(*result).size());
    // Capacity the analysis holds beyond its vectors' sizes (a copy, below, holds none).
    for (const auto& passage : result->passages.passages)
      slack += static_cast<std::int64_t>((passage.terms.capacity() - passage.terms.size()) *
                                         sizeof(analysis::passages::Term));
    slack += static_cast<std::int64_t>(
        (result->entities.mentions.capacity() - result->entities.mentions.size()) *
        sizeof(analysis::entities::Mention));
    // Free a copy part by part to see what each part holds.
    analysis::DocumentAnalysis copy = *result;
    parts["structure"] += freedBy(copy.structure.lines) + freedBy(copy.structure.paragraphs) +
                          freedBy(copy.structure.sentences) +
                          freedBy(copy.structure.sentenceParagraph);
    parts["entities.mentions"] += freedBy(copy.entities.mentions);
    parts["entities.other"] += freedBy(copy.entities.roles) + freedBy(copy.entities.statements) +
                               freedBy(copy.entities.ambiguities) +
                               freedBy(copy.entities.lowercaseWords) +
                               freedBy(copy.entities.definedAcronyms);
    parts["findings"] += freedBy(copy.findings.findings) + freedBy(copy.findings.lines);
    for (auto& passage : copy.passages.passages) {
      termCount += static_cast<std::int64_t>(passage.terms.size());
      parts["passages.terms"] += freedBy(passage.terms);
      parts["passages.other"] += freedBy(passage.entities) + freedBy(passage.figures) +
                                 freedBy(passage.attributions) + freedBy(passage.hedges) +
                                 freedBy(passage.quotes);
    }
    parts["passages.list"] += freedBy(copy.passages.passages);
    kept.push_back(std::move(result));
    texts.push_back(std::move(text));
  }

  std::int64_t before = heapInUse();
  auto corpusIndex = std::make_unique<index::CorpusIndex>();
  for (std::size_t i = 0; i < kept.size(); ++i)
    corpusIndex->add(static_cast<index::DocId>(i), *kept[i]);
  std::int64_t indexBytes = heapInUse() - before;
  corpusIndex.reset();
  // The same index, one sub-index at a time, to see which one holds what.
  std::map<std::string, std::int64_t> indexParts;
  std::size_t postingCount = 0;
  std::unordered_set<analysis::Interned> postingKeys;
  {
    std::int64_t start = heapInUse();
    auto entities = std::make_unique<index::EntityIndex>();
    for (std::size_t i = 0; i < kept.size(); ++i)
      entities->add(static_cast<index::DocId>(i), kept[i]->entities);
    indexParts["entities"] = heapInUse() - start;
  }
  {
    std::int64_t start = heapInUse();
    auto lines = std::make_unique<index::LineIndex>();
    for (std::size_t i = 0; i < kept.size(); ++i)
      lines->add(static_cast<index::DocId>(i), kept[i]->findings);
    indexParts["lines"] = heapInUse() - start;
  }
  {
    std::int64_t start = heapInUse();
    auto passageIndex = std::make_unique<index::PassageIndex>();
    for (std::size_t i = 0; i < kept.size(); ++i)
      passageIndex->add(static_cast<index::DocId>(i), kept[i]->passages);
    indexParts["passages"] = heapInUse() - start;
    for (const auto& analysis : kept)
      for (const auto& passage : analysis->passages.passages)
        for (const auto& key : index::passageKeys(passage)) {
          ++postingCount;
          postingKeys.insert(key.key);
        }
  }

  auto row = [&](const char* what, std::int64_t bytes) {
    std::printf("%-22s %12.1f MiB %7.2fx text\n", what, static_cast<double>(bytes) / (1 << 20),
                textBytes ? static_cast<double>(bytes) / static_cast<double>(textBytes) : 0.0);
  };
  std::printf("%zu documents, %.1f MiB of text\n", kept.size(),
              static_cast<double>(textBytes) / (1 << 20));
  row("text", textBytes);
  row("analysis (all parts)", analysisTotal);
  for (const auto& [name, bytes] : parts)
    row(("  " + name).c_str(), bytes);
  row("  unused capacity", slack);
  row("index", indexBytes);
  for (const auto& [name, bytes] : indexParts)
    row(("  " + name).c_str(), bytes);
  std::printf("%lld passage terms, %zu interned strings (counted in the analysis total)\n",
              static_cast<long long>(termCount), analysis::Interned::tableSize());
  std::printf("%zu passage postings under %zu keys\n", postingCount, postingKeys.size());
  row("cache entry (encoded)", encoded);
  return 0;
}
