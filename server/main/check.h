// `dossier-ls check DIR`: analyses a folder as the editor would and prints every flag, one per line
// like a compiler (path:line:col: code: message), then a summary. Flags are not failures: the exit
// code is 0 unless the command itself could not run (2).
#pragma once

#include "server/corpus/cache.h"

#include <string>

namespace dossier::cli {

enum class CheckFormat { Text, Json, Sarif };

int runCheck(const std::string& folder, CheckFormat format,
             const corpus::CacheSettings& cache = {});

}  // namespace dossier::cli
