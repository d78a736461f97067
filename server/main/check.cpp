#include "server/main/check.h"

#include "server/corpus/flags.h"
#include "server/corpus/store.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

namespace dossier::cli {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct LineColumn {
  std::size_t line = 1, column = 1; // 1-based; column counts Unicode code points
};

class LineColumns {
public:
  explicit LineColumns(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
    }
  }
  // Flags come mostly in text order, so counting resumes from the previous answer when it lies on
  // the same line before `offset`: a page that is one long line stays linear, not quadratic.
  LineColumn at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    std::size_t from = starts_[line - 1];
    std::size_t column = 1;
    if (line == lastLine_ && lastOffset_ <= offset && lastOffset_ >= from) {
      from = lastOffset_;
      column = lastColumn_;
    }
    for (std::size_t i = from; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    lastLine_ = line;
    lastOffset_ = offset;
    lastColumn_ = column;
    return {line, column};
  }

private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::size_t lastLine_ = 0;
  std::size_t lastOffset_ = 0;
  std::size_t lastColumn_ = 1;
};

std::string sarifLevel(corpus::Severity severity) {
  switch (severity) {
  case corpus::Severity::Error:
    return "error";
  case corpus::Severity::Warning:
    return "warning";
  case corpus::Severity::Information:
    return "note";
  case corpus::Severity::Hint:
    return "none";
  }
  return "note";
}

std::string withThousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// The flags of docs[first, last), computed on `workers` threads: each document's flags are a pure
// function of the snapshot, and the corpus-wide ones cost as much as the reading.
std::vector<std::vector<corpus::Flag>> flagsOf(const corpus::Snapshot& snapshot,
                                               const std::vector<const corpus::Document*>& docs,
                                               std::size_t first, std::size_t last,
                                               unsigned workers) {
  std::vector<std::vector<corpus::Flag>> flags(last - first);
  std::atomic<std::size_t> next{first};
  auto work = [&] {
    for (std::size_t i; (i = next++) < last;)
      flags[i - first] = corpus::flagsFor(snapshot, *docs[i]);
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < workers; ++t)
    helpers.emplace_back(work);
  work();
  for (auto& helper : helpers)
    helper.join();
  return flags;
}

} // namespace

int runCheck(const std::string& folder, CheckFormat format, const corpus::CacheSettings& cache) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    std::cerr << "dossier-ls check: " << folder << ": not a readable folder\n";
    return 2;
  }
  if (fs::directory_iterator(folder, error); error) {
    std::cerr << "dossier-ls check: " << folder << ": " << error.message() << "\n";
    return 2;
  }
  std::string root = fs::absolute(folder).lexically_normal().generic_string();
  corpus::StoreCallbacks callbacks;
  callbacks.log = [](corpus::LogLevel level, const std::string& message) {
    if (level <= corpus::LogLevel::Warning) std::cerr << "dossier-ls: " << message << "\n";
  };
  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  corpus::CorpusStore store(std::move(callbacks), workers, cache);
  auto ticket = store.setRoots({root});
  std::shared_ptr<const corpus::Snapshot> snapshot =
      store.snapshotAfter(ticket, std::chrono::hours(1));
  while (!snapshot->progress.done()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    snapshot = store.snapshot();
  }

  std::vector<const corpus::Document*> docs;
  snapshot->forEachDocument([&](const corpus::Document& doc) { docs.push_back(&doc); });
  std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return a->relative < b->relative; });

  std::string prefix = folder;
  if (!prefix.empty() && !prefix.ends_with("/")) prefix += "/";
  std::map<std::string, std::size_t> perFamily;
  std::size_t total = 0;
  json results = json::array();
  // Documents in blocks, so the output streams and only one block's flags are held at a time.
  constexpr std::size_t kBlock = 256;
  std::vector<std::vector<corpus::Flag>> block;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i % kBlock == 0)
      block = flagsOf(*snapshot, docs, i, std::min(docs.size(), i + kBlock), workers);
    const corpus::Document* doc = docs[i];
    const auto& flags = block[i % kBlock];
    if (flags.empty()) continue;
    LineColumns positions(*doc->text);
    for (const auto& flag : flags) {
      LineColumn at = positions.at(flag.span.begin);
      ++total;
      ++perFamily[std::string(corpus::familyOf(flag.code))];
      std::string path = prefix + doc->relative;
      if (format == CheckFormat::Text) {
        std::cout << path << ":" << at.line << ":" << at.column << ": " << flag.code << ": "
                  << flag.message << "\n";
      } else if (format == CheckFormat::Json) {
        results.push_back({{"path", path},
                           {"line", at.line},
                           {"column", at.column},
                           {"code", flag.code},
                           {"message", flag.message},
                           {"text", std::string(flag.span.in(*doc->text))}});
      } else {
        LineColumn end = positions.at(flag.span.end);
        results.push_back({{"ruleId", flag.code},
                           {"level", sarifLevel(flag.severity)},
                           {"message", {{"text", flag.message}}},
                           {"locations", json::array({{{"physicalLocation",
                                                        {{"artifactLocation", {{"uri", path}}},
                                                         {"region",
                                                          {{"startLine", at.line},
                                                           {"startColumn", at.column},
                                                           {"endLine", end.line},
                                                           {"endColumn", end.column}}}}}}})}});
      }
    }
  }
  std::size_t entityKeys = snapshot->index->entities.keyCount();
  if (format == CheckFormat::Json) {
    std::cout << json{{"files", docs.size()},
                      {"entities", entityKeys},
                      {"flags", results},
                      {"summary", perFamily}}
                     .dump(2)
              << "\n";
  } else if (format == CheckFormat::Sarif) {
    std::cout << json{{"version", "2.1.0"},
                      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"runs",
                       json::array(
                           {{{"tool",
                              {{"driver", {{"name", "dossier-ls"}, {"version", DOSSIER_VERSION}}}}},
                             {"results", results}}})}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << withThousands(docs.size()) << " files, " << withThousands(entityKeys)
              << " entities, " << withThousands(total) << " flags";
    std::string separator = ": ";
    for (const auto& [family, count] : perFamily) {
      std::cout << separator << family << " " << withThousands(count);
      separator = " \xC2\xB7 ";
    }
    std::cout << "\n";
  }
  return 0;
}

} // namespace dossier::cli
