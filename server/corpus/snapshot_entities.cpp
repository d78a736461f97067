#include "server/corpus/snapshot_entities.h"

namespace dossier::corpus {

SnapshotEntities::SnapshotEntities(const Snapshot& snapshot)
    : overrides_(index::LinkOverrides::from(
          snapshot.config->aliasGroups, snapshot.config->separateGroups,
          snapshot.config->ignoredSurfaces, *snapshot.knowledge->entities)),
      query_(
          snapshot.index->entities,
          [&snapshot](index::DocId id) {
            const Document* doc = snapshot.document(id);
            if (!doc) return index::DocumentView{};
            return index::DocumentView{&doc->analysis->entities, *doc->text, doc->path,
                                       &doc->analysis->findings};
          },
          overrides_, &snapshot.index->lines, snapshot.pathRanks.get()) {}

} // namespace dossier::corpus
