// Faults of the persistent analysis cache over the real protocol: a cache location that cannot be
// written is reported once and the server answers exactly as without a cache; a damaged cache file
// is rebuilt; edits of closed files are saved once they go quiet, not only at shutdown.
#include "tests/protocol/fixture.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"a.txt", "Officials in Harwick said on Monday that 40 families had left the coast.\n\n"
              "Nora Veldre, a council member, said the count was too low.\n"},
    {"b.txt", "On Tuesday Nora Veldre said 45 families had left Harwick, sources said.\n\n"
              "Click here to subscribe to our newsletter.\n"},
    {"c.txt", "Harwick council met again. Nora Veldre reportedly asked for a recount.\n\n"
              "Click here to subscribe to our newsletter.\n"},
};

ClientOptions withCache(const std::string& cacheDir) {
  ClientOptions options = serverOptions();
  options.args = {"--log=info", "--threads=1", "--cache-dir=" + cacheDir};
  return options;
}

ClientOptions withoutCache() {
  ClientOptions options = serverOptions();
  options.args = {"--log=info", "--threads=1", "--no-cache"};
  return options;
}

void writeCorpus(const TempWorkspace& ws) {
  for (const auto& [name, text] : kFiles)
    ws.write(name, text);
}

// Every document's diagnostics and the workspace's symbols: what a cache could get wrong.
json answers(LspClient& client, const TempWorkspace& ws) {
  json all = json::object();
  for (const auto& [name, text] : kFiles) {
    auto diagnostics =
        client.request("textDocument/diagnostic", textDocument(ws.uri(name)), Millis(20000));
    REQUIRE(diagnostics.ok());
    all[name] = diagnostics.result["items"];
  }
  all["symbols"] = client.request("workspace/symbol", {{"query", ""}}).result;
  return all;
}

std::vector<std::string> warningsAbout(const std::string& log, const std::string& topic) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);)
    if ((line.starts_with("W[") || line.starts_with("E[")) && line.find(topic) != std::string::npos)
      lines.push_back(line);
  return lines;
}

// Counts of "read N files: K from the analysis cache" once the store logs it.
std::optional<std::pair<int, int>> readSummary(LspClient& client) {
  std::regex line(R"(read (\d+) files: (\d+) from the analysis cache)");
  for (int attempt = 0; attempt < 600; ++attempt) {
    std::smatch match;
    std::string log = client.stderrText();
    if (std::regex_search(log, match, line))
      return std::make_pair(std::stoi(match[1]), std::stoi(match[2]));
    std::this_thread::sleep_for(Millis(50));
  }
  return std::nullopt;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

bool waitFor(const std::function<bool()>& done, Millis timeout) {
  for (auto end = std::chrono::steady_clock::now() + timeout;
       std::chrono::steady_clock::now() < end; std::this_thread::sleep_for(Millis(50)))
    if (done()) return true;
  return done();
}

void changeOnDisk(LspClient& client, const TempWorkspace& ws, const std::string& name,
                  const std::string& text) {
  ws.write(name, text);
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", ws.uri(name)}, {"type", 2}}})}});
}

} // namespace

TEST_CASE("a cache location that cannot be written is reported once and answers do not change",
          "[cache]") {
  TempWorkspace ws, scratch;
  writeCorpus(ws);
  json expected;
  {
    LspClient client(withoutCache());
    REQUIRE(client.initialize(ws.root().string()).ok());
    REQUIRE(client.waitForProgressEnd());
    expected = answers(client, ws);
    CHECK(client.shutdownAndExit() == 0);
  }

  std::string cacheDir;
  SECTION("the cache folder is a file") {
    cacheDir = scratch.write("taken", "not a folder");
  }
  SECTION("the cache folder is under /proc") {
    cacheDir = "/proc/dossier-cache-test";
  }
  SECTION("the cache file is a folder") {
    cacheDir = (scratch.root() / "cache").string();
    {
      LspClient client(withCache(cacheDir));
      REQUIRE(client.initialize(ws.root().string()).ok());
      REQUIRE(client.waitForProgressEnd());
      CHECK(client.shutdownAndExit() == 0);
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(cacheDir))
      if (entry.path().filename() == "analyses.bin") files.push_back(entry.path());
    REQUIRE(files.size() == 1);
    fs::remove(files[0]);
    fs::create_directories(files[0] / "in-the-way");
  }

  LspClient client(withCache(cacheDir));
  REQUIRE(client.initialize(ws.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  CHECK(answers(client, ws) == expected);
  // Edits of closed files make the server try to save again, twice; it does not complain again.
  for (int round = 0; round < 2; ++round) {
    changeOnDisk(client, ws, "a.txt",
                 kFiles[0].second + "\nUpdated " + std::to_string(round) + ".\n");
    std::this_thread::sleep_for(Millis(3000));
  }
  changeOnDisk(client, ws, "a.txt", kFiles[0].second);
  std::this_thread::sleep_for(Millis(500));
  CHECK(answers(client, ws) == expected);
  CHECK(client.shutdownAndExit() == 0);
  auto warnings = warningsAbout(client.stderrText(), "analysis cache");
  INFO(client.stderrText());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find(cacheDir) != std::string::npos);
}

TEST_CASE("a damaged cache file is reported, rebuilt and then used", "[cache]") {
  TempWorkspace ws, cache;
  writeCorpus(ws);
  int files = static_cast<int>(kFiles.size());
  json expected;
  {
    LspClient client(withCache(cache.root().string()));
    REQUIRE(client.initialize(ws.root().string()).ok());
    REQUIRE(client.waitForProgressEnd());
    expected = answers(client, ws);
    CHECK(client.shutdownAndExit() == 0);
  }
  fs::path file;
  for (const auto& entry : fs::recursive_directory_iterator(cache.root()))
    if (entry.path().filename() == "analyses.bin") file = entry.path();
  REQUIRE(!file.empty());

  SECTION("truncated") {
    fs::resize_file(file, fs::file_size(file) / 2);
  }
  SECTION("overwritten in the middle") {
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2));
    bytes << std::string(64, '\x5a');
  }
  {
    LspClient client(withCache(cache.root().string()));
    REQUIRE(client.initialize(ws.root().string()).ok());
    auto summary = readSummary(client);
    REQUIRE(summary);
    CHECK(summary->first == files);
    CHECK(summary->second < files);
    REQUIRE(client.waitForProgressEnd());
    CHECK(answers(client, ws) == expected);
    CHECK(client.shutdownAndExit() == 0);
    CHECK(warningsAbout(client.stderrText(), "analysis cache").size() >= 1);
  }
  LspClient client(withCache(cache.root().string()));
  REQUIRE(client.initialize(ws.root().string()).ok());
  CHECK(readSummary(client) == std::make_pair(files, files));
  REQUIRE(client.waitForProgressEnd());
  CHECK(answers(client, ws) == expected);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("edits of closed files are saved to the cache once they go quiet", "[cache]") {
  TempWorkspace ws, cache;
  writeCorpus(ws);
  int files = static_cast<int>(kFiles.size());
  std::string edited = kFiles[1].second + "\nA spokesperson later confirmed 45.\n";
  {
    LspClient client(withCache(cache.root().string()));
    REQUIRE(client.initialize(ws.root().string()).ok());
    REQUIRE(client.waitForProgressEnd());
    REQUIRE(waitFor([&] { return occurrences(client.stderrText(), "analysis cache saved") == 1; },
                    Millis(10000)));
    changeOnDisk(client, ws, "b.txt", edited);
    CHECK(waitFor([&] { return occurrences(client.stderrText(), "analysis cache saved") == 2; },
                  Millis(15000)));
    // No shutdown: only a save made while serving can have kept the edit.
    client.kill();
  }
  LspClient client(withCache(cache.root().string()));
  REQUIRE(client.initialize(ws.root().string()).ok());
  CHECK(readSummary(client) == std::make_pair(files, files));
  CHECK(client.shutdownAndExit() == 0);
}
