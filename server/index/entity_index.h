// Which documents mention which entity keys, corpus-wide.
#pragma once

#include "server/analysis/entities/document_entities.h"
#include "server/index/cow_map.h"
#include "server/index/doc_id.h"

#include <memory>
#include <string>
#include <vector>

namespace dossier::index {

class EntityIndex {
 public:
  void add(DocId doc, const analysis::entities::DocumentEntities& entities);
  void remove(DocId doc, const analysis::entities::DocumentEntities& entities);

  // Documents that mention `key`, sorted; empty when none.
  const std::vector<DocId>& documentsMentioning(const std::string& key) const;
  std::size_t keyCount() const { return docsByKey_.size(); }

 private:
  using Postings = std::shared_ptr<const std::vector<DocId>>;
  CowShardedMap<std::string, Postings> docsByKey_;
};

}  // namespace dossier::index
