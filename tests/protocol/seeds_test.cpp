// The three seed pages (../shared/corpus/seeds/), position by position: the names a reviewer
// tries are linked across the files where they occur, and common capitalised words are not names.
// The pages are copied at run time into a temporary workspace, never into the repository; where
// the folder is absent the tests are skipped with a warning.
#include "protocol/position.h"
#include "tests/protocol/fixture.h"

#include <map>
#include <set>
#include <sstream>
#include <thread>

using namespace dossier::testing;
namespace fs = std::filesystem;
using dossier::protocol::LineIndex;
using dossier::protocol::PositionEncoding;

namespace {

fs::path seedsFolder() {
  return fs::path(DOSSIER_SOURCE_DIR) / ".." / "shared" / "corpus" / "seeds";
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The seeds in a temporary workspace, indexed by a server that speaks utf-8 positions.
class SeedWorkspace {
public:
  SeedWorkspace() : client_(serverOptions()) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(seedsFolder()))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::string name = file.filename().string();
      texts_[name] = readAll(file);
      workspace_.write(name, texts_[name]);
      names_.push_back(name);
    }
    json caps = LspClient::defaultCapabilities();
    caps["general"]["positionEncodings"] = {"utf-8"};
    auto init = client_.initialize(workspace_.root().string(), caps);
    REQUIRE(init.ok());
    REQUIRE(init.result["capabilities"].value("positionEncoding", "utf-16") == "utf-8");
    REQUIRE(client_.waitForProgressEnd());
    // The progress end may come before the scan found anything (an empty first snapshot reads as
    // done): wait until every seed is in the corpus.
    for (int attempt = 0; attempt < 200 && indexedDocuments() < names_.size(); ++attempt)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(indexedDocuments() == names_.size());
  }
  ~SeedWorkspace() { client_.shutdownAndExit(); }

  std::size_t indexedDocuments() {
    auto report = client_.request("workspace/diagnostic", {{"previousResultIds", json::array()}});
    return report.ok() ? report.result["items"].size() : 0;
  }
  static bool available() { return fs::is_directory(seedsFolder()); }
  LspClient& client() { return client_; }
  // The seed file (by its position in name order) and its text.
  const std::string& name(std::size_t index) const { return names_.at(index); }
  const std::string& text(std::size_t index) const { return texts_.at(names_.at(index)); }
  std::string uri(std::size_t index) const { return workspace_.uri(names_.at(index)); }
  std::size_t fileOfUri(const std::string& uri) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (workspace_.uri(names_[i]) == uri) return i;
    return names_.size();
  }

  // Byte offset of the n-th occurrence of `needle` as a whole word; fails the test when missing.
  std::size_t find(std::size_t file, const std::string& needle, int nth = 0) const {
    const std::string& t = text(file);
    auto isWordByte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    for (std::size_t at = t.find(needle); at != std::string::npos; at = t.find(needle, at + 1)) {
      bool startsWord = at == 0 || !isWordByte(static_cast<unsigned char>(t[at - 1]));
      std::size_t end = at + needle.size();
      bool endsWord = end >= t.size() || !std::isalnum(static_cast<unsigned char>(t[end]));
      if (startsWord && endsWord && nth-- == 0) return at;
    }
    FAIL("\"" << needle << "\" not found in " << name(file));
    return 0;
  }

  json at(const std::string& method, std::size_t file, std::size_t offset, json extra = {}) {
    auto position = LineIndex(text(file)).toPosition(offset, PositionEncoding::Utf8);
    json params = positionParams(uri(file), position.line, position.character);
    for (auto& [key, value] : extra.items())
      params[key] = value;
    auto response = client_.request(method, params);
    REQUIRE(response.ok());
    return response.result;
  }

  // The byte ranges [begin, end) of a references answer, per seed file.
  std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>>
  references(std::size_t file, std::size_t offset) {
    json result =
        at("textDocument/references", file, offset, {{"context", {{"includeDeclaration", true}}}});
    std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>> out;
    for (const auto& location : result) {
      std::size_t in = fileOfUri(location["uri"]);
      REQUIRE(in < names_.size());
      LineIndex lines(text(in));
      auto begin = lines.toOffset(
          {location["range"]["start"]["line"], location["range"]["start"]["character"]},
          PositionEncoding::Utf8);
      auto end =
          lines.toOffset({location["range"]["end"]["line"], location["range"]["end"]["character"]},
                         PositionEncoding::Utf8);
      out[in].push_back({begin, end});
    }
    return out;
  }

private:
  TempWorkspace workspace_;
  LspClient client_;
  std::vector<std::string> names_;
  std::map<std::string, std::string> texts_;
};

bool covers(const std::vector<std::pair<std::size_t, std::size_t>>& ranges, std::size_t offset) {
  for (const auto& [begin, end] : ranges)
    if (begin <= offset && offset < end) return true;
  return false;
}

// Where a reviewer puts the cursor, and where the same entity must then be found.
struct Probe {
  std::size_t file;
  std::string from;
  // (file, text): the first whole-word occurrence of each must be among the references.
  std::vector<std::pair<std::size_t, std::string>> expected;
};

} // namespace

TEST_CASE("seeds: references link each name across the files where it occurs", "[seeds]") {
  if (!SeedWorkspace::available()) {
    WARN("skipped: " << seedsFolder() << " is absent (the seed pages are not in the repository)");
    return;
  }
  SeedWorkspace seeds;
  // Files in name order: 0 the Musk/Putin op-ed, 1 the blog on Musk and Trump quoting the WSJ,
  // 2 the Lavrov summary with its comment thread.
  const std::vector<Probe> probes = {
      {0, "Putin’s", {{0, "Vladimir Putin"}, {1, "Putin"}, {1, "Vladimir Putin"}, {2, "Putin"}}},
      {1, "Musk", {{0, "Elon Musk"}, {0, "Musk’s"}, {1, "Elon Musk"}}},
      {0, "Musk", {{1, "Musk"}, {1, "Elon Musk"}}},
      {1, "Trump", {{1, "Donald Trump"}, {2, "Trump"}}},
      {2, "Trump", {{1, "Trump"}}},
      {2, "NATO", {{0, "NATO"}}},
      {0, "Kremlin", {{1, "Kremlin"}}},
      {0, "Twitter", {{1, "Twitter"}}},
      {2, "Lavrov", {{2, "Sergei Lavrov"}}},
      {1, "WSJ", {{1, "Wall Street Journal"}}},
      {1, "Wall Street Journal", {{1, "WSJ"}}},
      {1, "DOJ", {{1, "Department of Justice"}}},
      {1, "Department of Justice", {{1, "DOJ"}}},
  };
  for (const Probe& probe : probes) {
    // The cursor inside the word (after its first character), as a reviewer clicks.
    std::size_t cursor = seeds.find(probe.file, probe.from) + 1;
    auto references = seeds.references(probe.file, cursor);
    INFO("references from \"" << probe.from << "\" in " << seeds.name(probe.file));
    CHECK(covers(references[probe.file], cursor));
    for (const auto& [file, text] : probe.expected) {
      INFO("expected \"" << text << "\" in " << seeds.name(file));
      CHECK(covers(references[file], seeds.find(file, text)));
    }
  }
}

TEST_CASE("seeds: hover cards name the entity, common words have none", "[seeds]") {
  if (!SeedWorkspace::available()) {
    WARN("skipped: " << seedsFolder() << " is absent (the seed pages are not in the repository)");
    return;
  }
  SeedWorkspace seeds;
  for (const auto& [file, word] : std::vector<std::pair<std::size_t, std::string>>{
           {2, "Summary"}, {0, "However"}, {2, "Nevermind"}, {2, "IRL"}}) {
    INFO("hover on \"" << word << "\" in " << seeds.name(file));
    CHECK(seeds.at("textDocument/hover", file, seeds.find(file, word) + 1).is_null());
  }
  json card = seeds.at("textDocument/hover", 0, seeds.find(0, "Putin’s") + 1);
  REQUIRE(card.is_object());
  std::string value = card["contents"]["value"];
  CHECK(value.find("Vladimir Putin") != std::string::npos);
  CHECK(value.find("person") != std::string::npos);
}

TEST_CASE("seeds: workspace symbols and entity lenses span the files", "[seeds]") {
  if (!SeedWorkspace::available()) {
    WARN("skipped: " << seedsFolder() << " is absent (the seed pages are not in the repository)");
    return;
  }
  SeedWorkspace seeds;
  auto symbols = seeds.client().request("workspace/symbol", {{"query", "putin"}});
  REQUIRE(symbols.ok());
  REQUIRE(!symbols.result.empty());
  CHECK(symbols.result[0]["name"] == "Vladimir Putin");
  CHECK(symbols.result[0]["containerName"] == "person");

  // Elon Musk is defined in one of the files: its lens counts mentions in the two files he is in.
  bool muskLens = false;
  for (std::size_t file = 0; file < 3; ++file) {
    auto lenses = seeds.client().request("textDocument/codeLens", textDocument(seeds.uri(file)));
    REQUIRE(lenses.ok());
    for (const auto& lens : lenses.result) {
      if (lens["command"]["command"] != "editor.action.showReferences") continue;
      const auto& locations = lens["command"]["arguments"][2];
      std::set<std::string> uris;
      for (const auto& location : locations)
        uris.insert(location["uri"]);
      std::string title = lens["command"]["title"];
      if (locations.size() > 20 && uris.size() == 2) muskLens = true;
      auto counted = [](std::size_t n, const std::string& what) {
        return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
      };
      INFO(title);
      CHECK(title.starts_with(counted(locations.size(), "mention") + " · " +
                              counted(uris.size(), "document") + " · "));
    }
  }
  CHECK(muskLens);
}
