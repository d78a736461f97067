#include "server/corpus/scan.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace dossier::corpus {
namespace fs = std::filesystem;

bool isSkippedFolderName(std::string_view name) {
  if (name.starts_with(".")) return true;
  static constexpr std::string_view kSkipped[] = {
      "node_modules", "__pycache__", "build", "dist", "target", "out", "venv", "vendor", "bower_components"};
  for (auto skipped : kSkipped)
    if (name == skipped) return true;
  return name.starts_with("build-") || name.starts_with("cmake-build");
}

bool inCorpus(const ScanOptions& options, std::string_view relative) {
  return options.include.matches(relative) && !options.exclude.matches(relative);
}

void scanWorkspace(const ScanOptions& options, const std::function<void(ScannedFile)>& onFile,
                   const std::function<void(const std::string&, const std::string&)>& onSkip,
                   const std::atomic<bool>* stop) {
  std::error_code error;
  fs::path root(options.root);
  if (!fs::is_directory(root, error)) {
    onSkip(options.root, "not a readable folder");
    return;
  }
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) {
    onSkip(options.root, error.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) {
      onSkip(it->path().string(), error.message());
      error.clear();
      continue;
    }
    if (stop && stop->load(std::memory_order_relaxed)) return;
    const fs::directory_entry& entry = *it;
    std::string relative = fs::relative(entry.path(), root, error).generic_string();
    if (error) {
      error.clear();
      continue;
    }
    if (entry.is_directory(error)) {
      // Symlinked folders are not followed (they can loop); hidden and build folders are skipped.
      if (entry.is_symlink(error) || isSkippedFolderName(entry.path().filename().string()) ||
          options.exclude.matches(relative)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!entry.is_regular_file(error)) continue;
    if (!inCorpus(options, relative)) continue;
    onFile({entry.path().string(), relative, entry.file_size(error)});
  }
}

bool looksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  if (head.find('\0') != std::string_view::npos) return true;
  std::size_t control = 0;
  for (unsigned char c : head)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  return head.size() >= 32 && control * 10 > head.size();
}

FileContents readTextFile(const std::string& path, std::uintmax_t maxBytes) {
  FileContents result;
  std::error_code error;
  auto size = fs::file_size(path, error);
  if (error) {
    result.problem = error.message();
    return result;
  }
  if (size > maxBytes) {
    result.problem = "file too large (" + std::to_string(size) + " bytes)";
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.problem = std::strerror(errno);
    return result;
  }
  std::string text;
  text.resize(size);
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (looksBinary(text)) {
    result.problem = "binary file";
    return result;
  }
  result.text = std::move(text);
  return result;
}

}  // namespace dossier::corpus
