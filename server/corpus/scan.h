// Finding the corpus on disk: every text file under the workspace roots that the include globs take
// and the exclude globs leave, skipping hidden folders, build and dependency folders, and binaries.
#pragma once

#include "server/corpus/glob.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::corpus {

struct ScanOptions {
  std::string root;  // absolute path of a workspace folder
  GlobSet include;
  GlobSet exclude;
};

struct ScannedFile {
  std::string path;      // absolute
  std::string relative;  // to the root, '/'-separated
  std::uintmax_t size = 0;
};

// Walks `options.root` and calls `onFile` for each file of the corpus, in directory order. Folders
// that are skipped (hidden, build, dependency or excluded) are reported through `onSkip`. Stops early
// when `stop` becomes true. Never throws: unreadable folders are reported and skipped.
void scanWorkspace(const ScanOptions& options, const std::function<void(ScannedFile)>& onFile,
                   const std::function<void(const std::string& path, const std::string& why)>& onSkip,
                   const std::atomic<bool>* stop = nullptr);

// Whether a folder name is one Dossier never descends into: hidden, VCS, build and dependency folders.
bool isSkippedFolderName(std::string_view name);

// Whether `relative` (to its root) is part of the corpus under these globs.
bool inCorpus(const ScanOptions& options, std::string_view relative);

struct FileContents {
  std::optional<std::string> text;  // absent when the file could not be used
  std::string problem;              // why not: "not found", "binary file", "permission denied", ...
};

// Reads a whole file as text. Files with NUL bytes or mostly control bytes near the start are binary.
// Invalid UTF-8 is kept as it is (analysis tolerates it). Files over `maxBytes` are refused.
FileContents readTextFile(const std::string& path, std::uintmax_t maxBytes = 64u << 20);

bool looksBinary(std::string_view bytes);

}  // namespace dossier::corpus
