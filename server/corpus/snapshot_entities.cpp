#include "server/corpus/snapshot_entities.h"

namespace dossier::corpus {

SnapshotEntities::SnapshotEntities(const Snapshot& snapshot)
    : documents_(snapshot.documents), index_(snapshot.index), pathRanks_(snapshot.pathRanks),
      config_(snapshot.config), knowledge_(snapshot.knowledge),
      overrides_(index::LinkOverrides::from(config_->aliasGroups, config_->separateGroups,
                                            config_->ignoredSurfaces, *knowledge_->entities)),
      query_(
          index_->entities,
          [documents = documents_.get()](index::DocId id) {
            const Document* doc = id < documents->size() ? (*documents)[id].get() : nullptr;
            if (!doc) return index::DocumentView{};
            return index::DocumentView{&doc->analysis->entities, *doc->text, doc->path,
                                       &doc->analysis->findings};
          },
          overrides_, &index_->lines, pathRanks_.get()) {}

} // namespace dossier::corpus
