// The repository's folder, fixed at build time. Paths derived from __FILE__ pointed nowhere in CI:
// CMake's Ninja build can name sources relative to the build folder ("../../tests/unit/x.cpp"),
// and ctest runs the tests from another folder, so the tests over samples/ skipped themselves
// there.
#pragma once

#include <filesystem>

namespace dossier::test {

inline std::filesystem::path sourceDir() {
  return DOSSIER_SOURCE_DIR;
}

// The project's own annotated samples: part of the repository, so a test never skips for want of
// them.
inline std::filesystem::path samplesDir() {
  return sourceDir() / "samples";
}

} // namespace dossier::test
