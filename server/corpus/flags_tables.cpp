#include "server/corpus/flags_tables.h"

namespace dossier::corpus {

FlagTables::FlagTables(const Snapshot& snapshot)
    : entities_(snapshot), documents_(snapshot.documents.get()), index_(snapshot.index.get()),
      pathRanks_(snapshot.pathRanks.get()), config_(snapshot.config.get()),
      knowledge_(snapshot.knowledge.get()) {}

bool FlagTables::fits(const Snapshot& snapshot) const {
  return documents_ == snapshot.documents.get() && index_ == snapshot.index.get() &&
         pathRanks_ == snapshot.pathRanks.get() && config_ == snapshot.config.get() &&
         knowledge_ == snapshot.knowledge.get();
}

std::shared_ptr<FlagTables> FlagTables::of(const Snapshot& snapshot) {
  return snapshot.flagTables.get([&](const FlagTables& tables) { return tables.fits(snapshot); },
                                 [&] { return std::make_shared<FlagTables>(snapshot); });
}

} // namespace dossier::corpus
