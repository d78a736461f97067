// The corpus-wide entity view of one snapshot, with the workspace's alias / separate / ignore
// overrides applied: what every corpus-wide name flag asks, built in one place.
#pragma once

#include "server/corpus/snapshot.h"
#include "server/index/entity_query.h"

namespace dossier::corpus {

class SnapshotEntities {
public:
  // `snapshot` must outlive this object (the query reads its documents).
  explicit SnapshotEntities(const Snapshot& snapshot);
  SnapshotEntities(const SnapshotEntities&) = delete;
  SnapshotEntities& operator=(const SnapshotEntities&) = delete;

  const index::EntityQuery& query() const { return query_; }

private:
  index::LinkOverrides overrides_; // the query keeps a reference to it: declared first
  index::EntityQuery query_;
};

} // namespace dossier::corpus
