// The ECB+ development documents read, analysed and indexed once, for the "[.ecb]" tests that ask
// the corpus-wide index (entity references, story words).
#pragma once

#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "tests/unit/ecb_fixture.h"

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dossier::test::ecb {

struct EcbCorpus {
  std::vector<std::string> names, texts; // in gold.json's order; a document's id is its index
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> analyses;
  std::map<std::string, std::size_t> docIndex; // name -> id
  index::CorpusIndex index;
};

// Every document gold.json lists, analysed with the built-in knowledge and added to one index.
inline std::unique_ptr<EcbCorpus> loadCorpus(const std::filesystem::path& dir,
                                             const nlohmann::json& gold) {
  auto corpus = std::make_unique<EcbCorpus>();
  const auto& knowledge = *analysis::Knowledge::builtin();
  for (const auto& name : gold["docs"]) {
    std::size_t id = corpus->names.size();
    corpus->names.push_back(name.get<std::string>());
    corpus->docIndex[corpus->names.back()] = id;
    corpus->texts.push_back(readFile(dir / "corpus" / corpus->names.back()));
    corpus->analyses.push_back(analysis::analyzeDocument(corpus->texts.back(), knowledge));
    corpus->index.add(static_cast<index::DocId>(id), *corpus->analyses.back());
  }
  return corpus;
}

} // namespace dossier::test::ecb
