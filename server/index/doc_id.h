#pragma once

#include <cstdint>

namespace dossier::index {

// A document's number in the corpus, stable for its path while the server runs.
using DocId = std::uint32_t;

} // namespace dossier::index
