// Reading the ECB+ development corpus (/work/shared/corpus/ecbplus-dev: gold.json + corpus/) for
// the hidden "[.ecb]" tests: where it is, its files, and its code-point offsets as UTF-8 byte
// offsets.
#pragma once

#include "server/analysis/text.h"
#include "tests/unit/source_dir.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dossier::test::ecb {

// DOSSIER_ECB_DIR, else ../shared/corpus/ecbplus-dev beside the repository.
inline std::filesystem::path corpusDir() {
  if (const char* dir = std::getenv("DOSSIER_ECB_DIR")) return dir;
  std::filesystem::path repo = sourceDir();
  return repo.parent_path() / "shared" / "corpus" / "ecbplus-dev";
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// gold.json counts code points; the analysis counts UTF-8 bytes.
inline analysis::Offset byteOffset(const std::string& text, std::size_t codePoints) {
  std::size_t i = 0, seen = 0;
  for (; i < text.size(); ++i) {
    bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead && seen++ == codePoints) break;
  }
  return static_cast<analysis::Offset>(i);
}

} // namespace dossier::test::ecb
