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

const FigureTable& FlagTables::figureTable(const Snapshot& snapshot) {
  // The last table built, whichever snapshot it was for: the next snapshot (after an edit) reads
  // again only the documents that changed.
  static std::mutex lastMutex;
  static std::shared_ptr<const FigureTable> last;
  std::call_once(figureTableBuilt_, [&] {
    std::shared_ptr<const FigureTable> previous;
    {
      std::lock_guard lock(lastMutex);
      previous = last;
    }
    figureTable_ = std::make_shared<const FigureTable>(snapshot, previous.get());
    std::lock_guard lock(lastMutex);
    last = figureTable_;
  });
  return *figureTable_;
}

std::shared_ptr<FlagTables> FlagTables::of(const Snapshot& snapshot) {
  return snapshot.flagTables.get([&](const FlagTables& tables) { return tables.fits(snapshot); },
                                 [&] { return std::make_shared<FlagTables>(snapshot); });
}

} // namespace dossier::corpus
