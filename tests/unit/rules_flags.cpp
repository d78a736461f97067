// The flags a document shows after the workspace configuration (flagsFor), the corpus-wide
// names/inconsistent flag, and the quick fixes offered for them (textDocument/codeAction).
#include "protocol/types_features.h"
#include "protocol/uri.h"
#include "server/corpus/flags.h"
#include "server/corpus/flags_names.h"
#include "server/corpus/store.h"
#include "server/features/features.h"
#include "server/lsp/request_context.h"
#include "tests/unit/rules_corpus_fixture.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

using namespace dossier;
using namespace dossier::corpus;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using rules_test::Files;

struct Workspace {
  fs::path root;
  explicit Workspace(const Files& files) {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("dossier-rules-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root);
    for (const auto& [name, text] : files)
      write(name, text);
  }
  ~Workspace() { fs::remove_all(root); }
  std::string path(const std::string& name) const {
    return (root / name).lexically_normal().generic_string();
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(root / name, std::ios::binary) << text;
  }
  // A fresh store over the folder as it is on disk now, fully indexed.
  std::shared_ptr<const Snapshot> index() const { return rules_test::indexFolder(root); }
};

std::vector<std::string> codesIn(const Snapshot& snapshot, const std::string& path) {
  std::vector<std::string> codes;
  for (const Flag& flag : flagsFor(snapshot, *snapshot.documentAt(path)))
    codes.push_back(flag.code);
  return codes;
}

bool has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

const Flag* flagOf(const std::vector<Flag>& flags, const std::string& code) {
  for (const Flag& flag : flags)
    if (flag.code == code) return &flag;
  return nullptr;
}

// The code actions for the whole of line `line` of `path`.
nlohmann::json actionsOn(std::shared_ptr<const Snapshot> snapshot, const std::string& path,
                         int line) {
  lsp::RequestContext context;
  context.snapshot = std::move(snapshot);
  nlohmann::json params = {{"textDocument", {{"uri", protocol::pathToUri(path)}}},
                           {"range",
                            {{"start", {{"line", line}, {"character", 0}}},
                             {"end", {{"line", line}, {"character", 200}}}}},
                           {"context", {{"diagnostics", nlohmann::json::array()}}}};
  return features::codeAction(context, params);
}

const nlohmann::json* actionTitled(const nlohmann::json& actions, std::string_view prefix) {
  for (const auto& action : actions)
    if (action.value("title", "").starts_with(prefix)) return &action;
  return nullptr;
}

constexpr const char* kHedged = "The minister reportedly left the talks. Damn the weather.\n";

} // namespace

TEST_CASE("flagsFor applies the workspace's disable, severity and ignore settings", "[rules]") {
  Workspace folder(Files{{"a.txt", kHedged}, {"b.txt", kHedged}});
  auto before = folder.index();
  CHECK(has(codesIn(*before, folder.path("a.txt")), "profanity/plain"));
  CHECK(flagOf(flagsFor(*before, *before->documentAt(folder.path("a.txt"))), "hedge/unverified")
            ->severity == Severity::Information);

  folder.write("dossier.json", R"({"diagnostics": {
    "disable": ["profanity"],
    "severity": {"hedge": "warning"},
    "ignore": [{"code": "hedge/unverified", "file": "b.txt", "text": "reportedly"}]}})");
  auto after = folder.index();
  auto a = flagsFor(*after, *after->documentAt(folder.path("a.txt")));
  CHECK_FALSE(flagOf(a, "profanity/plain"));
  REQUIRE(flagOf(a, "hedge/unverified"));
  CHECK(flagOf(a, "hedge/unverified")->severity == Severity::Warning);
  CHECK_FALSE(has(codesIn(*after, folder.path("b.txt")), "hedge/unverified"));
}

TEST_CASE("code action: Remove this line deletes exactly the debris line", "[rules]") {
  Workspace folder(Files{{"a.txt", "The port reopened on Monday.\nWe use cookies to improve your "
                                   "experience.\nShips queued overnight.\n"}});
  auto snapshot = folder.index();
  auto actions = actionsOn(snapshot, folder.path("a.txt"), 1);
  const nlohmann::json* remove = actionTitled(actions, "Remove this line");
  REQUIRE(remove);
  CHECK(remove->value("kind", "") == "quickfix");
  const auto& edits = (*remove)["edit"]["changes"][protocol::pathToUri(folder.path("a.txt"))];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"] == "");
  CHECK(edits[0]["range"]["start"] == nlohmann::json{{"line", 1}, {"character", 0}});
  CHECK(edits[0]["range"]["end"] == nlohmann::json{{"line", 2}, {"character", 0}});
  // A line of the writer's own text offers no removal.
  CHECK_FALSE(actionTitled(actionsOn(snapshot, folder.path("a.txt"), 0), "Remove this line"));
}

TEST_CASE("code action: Ignore in this file writes a dossier.json that silences the flag",
          "[rules]") {
  Workspace folder(Files{{"a.txt", kHedged}});
  auto snapshot = folder.index();
  auto actions = actionsOn(snapshot, folder.path("a.txt"), 0);
  const nlohmann::json* ignore = actionTitled(actions, "Ignore hedge/unverified in this file");
  REQUIRE(ignore);
  // No config yet: the edit creates the file, then inserts its whole text.
  const auto& changes = (*ignore)["edit"]["documentChanges"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["kind"] == "create");
  CHECK(changes[0]["uri"] == protocol::pathToUri(folder.path("dossier.json")));
  std::string config = changes[1]["edits"][0]["newText"];
  folder.write("dossier.json", config);

  auto after = folder.index();
  auto codes = codesIn(*after, folder.path("a.txt"));
  CHECK_FALSE(has(codes, "hedge/unverified"));
  CHECK(has(codes, "profanity/plain"));
  // The rule is already there: the action is not offered twice.
  CHECK_FALSE(actionTitled(actionsOn(after, folder.path("a.txt"), 0),
                           "Ignore hedge/unverified in this file"));
}

TEST_CASE("names/inconsistent: a minority Latin spelling points at the usual one", "[rules]") {
  const std::string usual =
      "Defence Minister Pavel Orlov said on Monday that the talks were over.\n";
  Workspace folder(Files{{"a.txt", usual},
                         {"b.txt", usual},
                         {"c.txt", "Pavel Orloff said on Monday that the talks were over.\n"},
                         {"d.txt", "Павел Орлов said on Monday that the talks were over.\n"}});
  auto snapshot = folder.index();
  auto c = flagsFor(*snapshot, *snapshot->documentAt(folder.path("c.txt")));
  const Flag* name = flagOf(c, "names/inconsistent");
  REQUIRE(name);
  CHECK(name->span.in(*snapshot->documentAt(folder.path("c.txt"))->text).find("Orloff") !=
        std::string_view::npos);
  REQUIRE(name->related.size() == 1);
  const Document* usualDoc = snapshot->document(name->related[0].doc);
  CHECK(usualDoc->relative != "c.txt");
  CHECK(name->related[0].span.in(*usualDoc->text).find("Orlov") != std::string_view::npos);
  // The majority spelling and the name in its own script are not flagged.
  CHECK_FALSE(has(codesIn(*snapshot, folder.path("a.txt")), "names/inconsistent"));
  CHECK_FALSE(has(codesIn(*snapshot, folder.path("d.txt")), "names/inconsistent"));

  auto actions = actionsOn(snapshot, folder.path("c.txt"), 0);
  const nlohmann::json* change = actionTitled(actions, "Change to \"");
  REQUIRE(change);
  const auto& edits = (*change)["edit"]["changes"][protocol::pathToUri(folder.path("c.txt"))];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"].get<std::string>().find("Orlov") != std::string::npos);
}

TEST_CASE("names/inconsistent: one spelling everywhere is no flag", "[rules]") {
  const std::string text = "Pavel Orlov said on Monday that the talks were over.\n";
  Workspace folder(Files{{"a.txt", text}, {"b.txt", text}, {"c.txt", "ORLOV DENIES TALKS\n"}});
  auto snapshot = folder.index();
  for (const char* name : {"a.txt", "b.txt", "c.txt"})
    CHECK_FALSE(has(codesIn(*snapshot, folder.path(name)), "names/inconsistent"));
}

TEST_CASE("names: script and spelling helpers", "[rules]") {
  CHECK(isLatinScript("Orloff"));
  CHECK(isLatinScript("Zelenskyy"));
  CHECK(isLatinScript("Müller"));
  CHECK(isLatinScript("O’Brien"));
  CHECK_FALSE(isLatinScript("Орлов"));
  CHECK(spellingOf("U.S.  Navy") == "us navy");
}
