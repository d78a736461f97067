// A few documents analysed and indexed as the server would, with an EntityQuery over them: for
// tests of what the corpus decides (typing by votes, linking across documents).
#pragma once

#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "server/index/entity_query.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::testing {

struct SmallCorpus {
  std::vector<std::string> texts;
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> analyses;
  index::CorpusIndex corpus;
  index::LinkOverrides overrides;
  std::unique_ptr<index::EntityQuery> query;

  explicit SmallCorpus(std::vector<std::string> documents) : texts(std::move(documents)) {
    const auto& knowledge = *analysis::Knowledge::builtin();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      analyses.push_back(analysis::analyzeDocument(texts[i], knowledge));
      corpus.add(static_cast<index::DocId>(i), *analyses[i]);
    }
    overrides = index::LinkOverrides::from({}, {}, {}, *knowledge.entities);
    query = std::make_unique<index::EntityQuery>(
        corpus.entities,
        [this](index::DocId d) {
          return index::DocumentView{&analyses[d]->entities, texts[d], "", nullptr};
        },
        overrides);
  }

  // The entity of the mention at the first occurrence of `word` in document `doc`.
  std::string entityAt(index::DocId doc, std::string_view word) const {
    return entityAtOffset(doc, texts[doc].find(word));
  }
  // ... at its last occurrence.
  std::string entityAtLast(index::DocId doc, std::string_view word) const {
    return entityAtOffset(doc, texts[doc].rfind(word));
  }

  // How many of the entity's mentions in document `doc` are spelled `surface`.
  std::size_t mentionsSpelled(const std::string& entity, index::DocId doc,
                              std::string_view surface) const {
    std::size_t n = 0;
    for (const auto& ref : query->mentionsOf(entity))
      if (ref.doc == doc && ref.mention->span.in(texts[doc]) == surface) ++n;
    return n;
  }

private:
  std::string entityAtOffset(index::DocId doc, std::size_t offset) const {
    auto ref = query->mentionAt(doc, static_cast<analysis::Offset>(offset));
    return ref ? query->entityOf(*ref->mention) : std::string("<none>");
  }
};

} // namespace dossier::testing
