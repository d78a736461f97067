// names/inconsistent, the misspelt kind: a surname the corpus mostly writes one letter differently
// ("Salienko" or "Salenkov" where most documents write "Salenko", "Merkoulov" for "Merkulov"). The
// entity index keeps such spellings apart (they fold to different keys), so they are found here by
// looking up every one-edit variant of a rarely written surname among the corpus's name keys.
#pragma once

#include "server/corpus/flags_names.h"

#include <string>
#include <string_view>
#include <vector>

namespace dossier::corpus {

// Every string one edit (delete, insert, substitute, swap of neighbours) from `word`, over a-z.
std::vector<std::string> oneEditVariants(std::string_view word);

// Mentions in `doc` whose surname is a rare one-edit variant of a surname the corpus writes far
// more often, each pointing at a mention written the usual way.
std::vector<NameFinding> misspeltNames(const Snapshot& snapshot, const Document& doc);

} // namespace dossier::corpus
