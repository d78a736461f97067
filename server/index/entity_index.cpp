#include "server/index/entity_index.h"

#include <algorithm>
#include <set>

namespace dossier::index {
namespace {

std::set<std::string> distinctKeys(const analysis::entities::DocumentEntities& entities) {
  std::set<std::string> keys;
  for (const auto& mention : entities.mentions) keys.insert(mention.key);
  return keys;
}

}  // namespace

void EntityIndex::add(DocId doc, const analysis::entities::DocumentEntities& entities) {
  for (const std::string& key : distinctKeys(entities)) {
    Postings& postings = docsByKey_.mutate(key);
    auto next = postings ? std::make_shared<std::vector<DocId>>(*postings)
                         : std::make_shared<std::vector<DocId>>();
    next->insert(std::lower_bound(next->begin(), next->end(), doc), doc);
    postings = std::move(next);
  }
}

void EntityIndex::remove(DocId doc, const analysis::entities::DocumentEntities& entities) {
  for (const std::string& key : distinctKeys(entities)) {
    const Postings* existing = docsByKey_.find(key);
    if (!existing || !*existing) continue;
    auto next = std::make_shared<std::vector<DocId>>(**existing);
    next->erase(std::remove(next->begin(), next->end(), doc), next->end());
    if (next->empty()) {
      docsByKey_.erase(key);
    } else {
      docsByKey_.mutate(key) = std::move(next);
    }
  }
}

const std::vector<DocId>& EntityIndex::documentsMentioning(const std::string& key) const {
  static const std::vector<DocId> kNone;
  const Postings* postings = docsByKey_.find(key);
  return postings && *postings ? **postings : kNone;
}

}  // namespace dossier::index
