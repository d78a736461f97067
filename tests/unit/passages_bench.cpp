// Speed of a related-passages query on a large generated corpus (hidden: run with "[.bench]").
// Passages are generated directly as features (Zipf-distributed words, entity keys and figures), so
// the benchmark measures the index, not the text analysis that builds it.
#include "server/index/passage_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>
#include <time.h>

using namespace dossier;

namespace {

// Words drawn by rank with probability ~ 1/rank, like running text.
class ZipfWords {
public:
  ZipfWords(std::size_t vocabulary, std::mt19937& random) : random_(random) {
    double total = 0;
    for (std::size_t r = 1; r <= vocabulary; ++r)
      cumulative_.push_back(total += 1.0 / r);
  }
  std::size_t draw() {
    double x = std::uniform_real_distribution<double>(0, cumulative_.back())(random_);
    return static_cast<std::size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) -
                                    cumulative_.begin());
  }

private:
  std::mt19937& random_;
  std::vector<double> cumulative_;
};

analysis::passages::Passage generatePassage(ZipfWords& words, ZipfWords& names,
                                            std::mt19937& random) {
  analysis::passages::Passage passage;
  std::map<std::string, std::uint16_t> counts;
  int length = std::uniform_int_distribution<int>(30, 110)(random);
  for (int i = 0; i < length; ++i)
    ++counts["w" + std::to_string(words.draw())];
  for (auto& [stem, count] : counts)
    passage.terms.push_back({stem, count});
  for (int i = 0; i < 3; ++i)
    passage.entities.push_back({"e" + std::to_string(names.draw()), 1});
  std::sort(passage.entities.begin(), passage.entities.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  passage.entities.erase(std::unique(passage.entities.begin(), passage.entities.end()),
                         passage.entities.end());
  passage.figures.push_back({std::to_string(random() % 2000), "million"});
  passage.length = static_cast<std::uint32_t>(length);
  return passage;
}

double threadCpuMillis() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace

TEST_CASE("related-passages query speed on a generated corpus", "[.bench]") {
  // About 100 MB of text: ~600 bytes (~70 content words) per passage.
  std::size_t passageCount = 170000;
  if (const char* n = std::getenv("DOSSIER_BENCH_PASSAGES"))
    passageCount = std::strtoul(n, nullptr, 10);
  const std::size_t perDocument = 12;
  std::mt19937 random(42);
  ZipfWords words(200000, random), names(30000, random);

  index::PassageIndex passages;
  std::vector<analysis::passages::DocumentPassages> documents;
  auto buildStart = std::chrono::steady_clock::now();
  for (std::size_t d = 0; d * perDocument < passageCount; ++d) {
    analysis::passages::DocumentPassages doc;
    for (std::size_t p = 0; p < perDocument; ++p)
      doc.passages.push_back(generatePassage(words, names, random));
    passages.add(static_cast<index::DocId>(d), doc);
    if (documents.size() < 200) documents.push_back(std::move(doc));
  }
  double buildSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - buildStart).count();

  // Wall time and the thread's CPU time: on a shared, loaded machine the wall time mostly says how
  // long the thread waited for a core, so the bar is checked on CPU time.
  std::vector<double> wall, cpu;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    for (const auto& passage : documents[d].passages) {
      auto start = std::chrono::steady_clock::now();
      double cpuStart = threadCpuMillis();
      auto results = passages.related(static_cast<index::DocId>(d), passage, 10);
      cpu.push_back(threadCpuMillis() - cpuStart);
      wall.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
  }
  auto percentile = [](std::vector<double>& values, std::size_t percent) {
    std::sort(values.begin(), values.end());
    return values[values.size() * percent / 100];
  };
  double p50 = percentile(cpu, 50), p99 = percentile(cpu, 99);
  WARN(passages.passageCount() << " passages indexed in " << buildSeconds << " s; " << cpu.size()
                               << " queries: CPU p50 " << p50 << " ms, p99 " << p99
                               << " ms; wall p50 " << percentile(wall, 50) << " ms, p99 "
                               << percentile(wall, 99) << " ms");
  CHECK(p50 < 20);
  CHECK(p99 < 100);
}
