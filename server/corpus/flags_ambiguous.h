// names/ambiguous: a short form that two different full names of the corpus share ("Berg" when the
// corpus writes about both Liis Berg and Jonas Berg). The reader cannot tell from the short form
// alone which one is meant, so the flag names both and points at the other one.
#pragma once

#include "server/corpus/flags_names.h"

#include <vector>

namespace dossier::corpus {

std::vector<NameFinding> ambiguousNames(const Snapshot& snapshot, const Document& doc);

} // namespace dossier::corpus
