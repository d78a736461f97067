#include "server/corpus/cache.h"

#include "server/corpus/cache_codec.h"
#include "server/data_files.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace dossier::corpus {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'D', 'O', 'S', 'S', 'C', 'A', 'C', 'H'};
constexpr std::size_t kHeaderSize = 56;
constexpr const char* kFileName = "analyses.bin";
constexpr std::uint64_t kSeed = 0x646f7373696572ull; // "dossier"

void put64(std::string& out, std::uint64_t v) {
  char bytes[8];
  std::memcpy(bytes, &v, 8);
  out.append(bytes, 8);
}

std::uint64_t get64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

std::string hex(std::uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4)
    s[i] = digits[v & 15];
  return s;
}

// Reads exactly `size` bytes at `offset`; false on a short read or an error.
bool readAt(int fd, char* out, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

} // namespace

std::optional<FileStamp> stampOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(info.st_size),
                   static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 +
                       info.st_mtim.tv_nsec};
}

std::uint64_t buildId() {
  static const std::uint64_t id = [] {
    // The whole executable: data files are embedded in it, so new data is a new build too.
    std::uint64_t h = 0;
    int fd = ::open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::uint64_t{0};
    std::string buffer(1 << 20, '\0');
    while (true) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      h = cache::stableHash(std::string_view(buffer.data(), static_cast<std::size_t>(n)), h);
    }
    ::close(fd);
    return h;
  }();
  return id;
}

std::uint64_t knowledgeKey(const analysis::KnowledgeOverrides& overrides) {
  std::uint64_t h = kSeed;
  for (std::string_view path : data::list("")) {
    h = cache::stableHash(path, h);
    h = cache::stableHash(data::file(path).value_or(""), h);
  }
  for (const auto& [file, line] : overrides.extraRecords) {
    h = cache::stableHash(file, h);
    h = cache::stableHash(line, h);
  }
  return h;
}

std::string AnalysisCache::folderFor(const CacheSettings& settings,
                                     std::vector<std::string> roots) {
  std::string base = settings.directory;
  if (base.empty()) {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg == '/')
      base = std::string(xdg) + "/dossier";
    else if (home && *home)
      base = std::string(home) + "/.cache/dossier";
    else
      return {};
  }
  std::sort(roots.begin(), roots.end());
  std::uint64_t h = kSeed;
  for (const auto& root : roots)
    h = cache::stableHash(root + '\n', h);
  return base + "/" + hex(h);
}

AnalysisCache::AnalysisCache(std::string folder, std::uint64_t build, std::uint64_t knowledge,
                             Log log)
    : folder_(std::move(folder)), build_(build), knowledge_(knowledge), log_(std::move(log)) {}

AnalysisCache::~AnalysisCache() {
  if (fd_ >= 0) ::close(fd_);
}

std::shared_ptr<AnalysisCache> AnalysisCache::open(const std::string& folder, std::uint64_t build,
                                                   std::uint64_t knowledge, Log log) {
  std::shared_ptr<AnalysisCache> cache(new AnalysisCache(folder, build, knowledge, std::move(log)));
  cache->load();
  return cache;
}

std::string AnalysisCache::filePath() const {
  return folder_ + "/" + kFileName;
}

void AnalysisCache::load() {
  std::string path = filePath();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    // No such file, or no such folder (a file stands where it should be): nothing to read. Saving
    // will say why the folder cannot be used, once.
    if (errno != ENOENT && errno != ENOTDIR)
      log_(true, "analysis cache " + path + " unreadable: " + std::strerror(errno));
    return;
  }
  auto reject = [&](const std::string& why) {
    log_(true, "analysis cache " + path + " ignored (" + why + "); it will be rebuilt");
    ::close(fd);
  };
  struct stat info {};
  if (::fstat(fd, &info) != 0) return reject("cannot stat");
  if (!S_ISREG(info.st_mode)) {
    log_(true, "analysis cache off: " + path + " is not a file");
    unusable_ = true;
    ::close(fd);
    return;
  }
  auto fileSize = static_cast<std::uint64_t>(info.st_size);
  char header[kHeaderSize];
  if (fileSize < kHeaderSize || !readAt(fd, header, kHeaderSize, 0))
    return reject("truncated header");
  if (std::memcmp(header, kMagic, 8) != 0) return reject("not a Dossier cache");
  std::uint32_t format;
  std::memcpy(&format, header + 8, 4);
  if (format != cache::kFormatVersion)
    return reject("format " + std::to_string(format) + ", this build reads " +
                  std::to_string(cache::kFormatVersion));
  if (get64(header + 16) != build_) {
    log_(false,
         "analysis cache " + path + " is from another build of dossier-ls; it will be rebuilt");
    ::close(fd);
    return;
  }
  if (get64(header + 24) != knowledge_) {
    log_(false, "analysis cache " + path + " was made with other lexicons; it will be rebuilt");
    ::close(fd);
    return;
  }
  std::uint64_t tableOffset = get64(header + 32), tableLength = get64(header + 40);
  if (tableOffset < kHeaderSize || tableOffset > fileSize || tableLength != fileSize - tableOffset)
    return reject("truncated");
  std::string table(tableLength, '\0');
  if (!readAt(fd, table.data(), tableLength, tableOffset)) return reject("truncated table");
  if (cache::stableHash(table, kSeed) != get64(header + 48))
    return reject("table checksum mismatch");

  // Each entry: path length (8), path, size, mtime, content hash, offset, length, checksum (8
  // each).
  std::unordered_map<std::string, Located> entries;
  std::size_t pos = 0;
  while (pos < table.size()) {
    if (table.size() - pos < 8) return reject("bad table");
    std::uint64_t pathLength = get64(table.data() + pos);
    pos += 8;
    if (pathLength > table.size() - pos || table.size() - pos - pathLength < 48)
      return reject("bad table");
    std::string entryPath = table.substr(pos, pathLength);
    pos += pathLength;
    Located located;
    located.stamp.size = get64(table.data() + pos);
    located.stamp.mtime = static_cast<std::int64_t>(get64(table.data() + pos + 8));
    located.contentHash = get64(table.data() + pos + 16);
    located.offset = get64(table.data() + pos + 24);
    located.length = get64(table.data() + pos + 32);
    located.checksum = get64(table.data() + pos + 40);
    pos += 48;
    if (located.offset < kHeaderSize || located.offset > tableOffset ||
        located.length > tableOffset - located.offset)
      return reject("bad table");
    entries[std::move(entryPath)] = located;
  }
  table_ = std::move(entries);
  fd_ = fd;
}

bool AnalysisCache::has(const std::string& path, FileStamp stamp, std::uint64_t contentHash) const {
  auto it = table_.find(path);
  return it != table_.end() && it->second.stamp == stamp && it->second.contentHash == contentHash;
}

std::shared_ptr<const analysis::DocumentAnalysis>
AnalysisCache::lookup(const std::string& path, FileStamp stamp, std::uint64_t contentHash) const {
  auto it = table_.find(path);
  if (fd_ < 0 || it == table_.end() || !(it->second.stamp == stamp) ||
      it->second.contentHash != contentHash)
    return nullptr;
  const Located& located = it->second;
  std::string bytes(located.length, '\0');
  if (!readAt(fd_, bytes.data(), bytes.size(), located.offset) ||
      cache::stableHash(bytes, kSeed) != located.checksum) {
    log_(true, "analysis cache entry for " + path + " is damaged; analysing the file again");
    return nullptr;
  }
  auto analysis = cache::decodeAnalysis(bytes);
  if (!analysis)
    log_(true, "analysis cache entry for " + path + " is malformed; analysing the file again");
  return analysis;
}

bool AnalysisCache::write(const std::vector<Entry>& entries) const {
  std::lock_guard lock(writeMutex_);
  if (unusable_) return false; // said so when it was opened
  // The same failure comes back at every save (a read-only folder stays read-only): warn once.
  auto log = [this](bool, const std::string& message) {
    log_(!failureLogged_, message);
    failureLogged_ = true;
  };
  std::error_code error;
  fs::create_directories(folder_, error);
  if (error) {
    log(true, "analysis cache not saved: cannot create " + folder_ + ": " + error.message());
    return false;
  }
  static std::atomic<unsigned> counter{0};
  std::string temp =
      filePath() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    log(true, "analysis cache not saved: cannot create " + temp + ": " + std::strerror(errno));
    return false;
  }
  auto fail = [&](const std::string& why) {
    log(true, "analysis cache not saved to " + folder_ + ": " + why);
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };

  std::string table;
  std::uint64_t offset = kHeaderSize;
  std::string blobs;
  if (!writeAll(fd, std::string(kHeaderSize, '\0'))) return fail(std::strerror(errno));
  for (const auto& entry : entries) {
    if (!entry.analysis) continue;
    std::string bytes = cache::encodeAnalysis(*entry.analysis);
    put64(table, entry.path.size());
    table += entry.path;
    put64(table, entry.stamp.size);
    put64(table, static_cast<std::uint64_t>(entry.stamp.mtime));
    put64(table, entry.contentHash);
    put64(table, offset);
    put64(table, bytes.size());
    put64(table, cache::stableHash(bytes, kSeed));
    offset += bytes.size();
    blobs += bytes;
    if (blobs.size() >= (4u << 20)) { // write in slices: the encoded corpus need not fit in memory
      if (!writeAll(fd, blobs)) return fail(std::strerror(errno));
      blobs.clear();
    }
  }
  if (!writeAll(fd, blobs) || !writeAll(fd, table)) return fail(std::strerror(errno));
  std::string header(kMagic, 8);
  std::uint32_t format = cache::kFormatVersion;
  header.append(reinterpret_cast<const char*>(&format), 4);
  header.append(4, '\0');
  put64(header, build_);
  put64(header, knowledge_);
  put64(header, offset);
  put64(header, table.size());
  put64(header, cache::stableHash(table, kSeed));
  if (::pwrite(fd, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()))
    return fail(std::strerror(errno));
  if (::close(fd) != 0) {
    fd = -1;
    ::unlink(temp.c_str());
    log(true, "analysis cache not saved to " + folder_ + ": " + std::strerror(errno));
    return false;
  }
  if (::rename(temp.c_str(), filePath().c_str()) != 0) {
    ::unlink(temp.c_str());
    log(true, "analysis cache not saved to " + folder_ + ": " + std::strerror(errno));
    return false;
  }
  return true;
}

} // namespace dossier::corpus
