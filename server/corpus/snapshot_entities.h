// The corpus-wide entity view of one snapshot, with the workspace's alias / separate / ignore
// overrides applied: what every corpus-wide name flag asks, built in one place.
#pragma once

#include "server/corpus/snapshot.h"
#include "server/index/entity_query.h"

#include <memory>

namespace dossier::corpus {

class SnapshotEntities {
public:
  // Keeps what it reads of `snapshot` (documents, index, path ranks, configuration, knowledge)
  // alive by itself: it may outlive the Snapshot object, not the data.
  explicit SnapshotEntities(const Snapshot& snapshot);
  SnapshotEntities(const SnapshotEntities&) = delete;
  SnapshotEntities& operator=(const SnapshotEntities&) = delete;

  const index::EntityQuery& query() const { return query_; }

private:
  // Declared before the overrides and the query, which read them.
  std::shared_ptr<const Snapshot::DocumentList> documents_;
  std::shared_ptr<const index::CorpusIndex> index_;
  std::shared_ptr<const std::vector<std::uint32_t>> pathRanks_;
  std::shared_ptr<const WorkspaceConfig> config_;
  std::shared_ptr<const analysis::Knowledge> knowledge_;
  index::LinkOverrides overrides_; // the query keeps a reference to it
  index::EntityQuery query_;
};

} // namespace dossier::corpus
