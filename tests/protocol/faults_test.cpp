// Faults the world inflicts on a running server: files deleted, renamed, made unreadable or
// replaced by binary bytes while open in the editor or only indexed, the workspace folder removed,
// the editor killed in the middle of a request. Each time the server says what happened in its log
// and goes on answering.
#include "tests/protocol/fixture.h"

#include <chrono>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

// Two reports that share an entity, so references from one reach the other.
const std::string kOpenText =
    "Jonas Berg, the mayor of Tallinn, said on Monday that the port will close.\n";
const std::string kIndexedText = "The mayor Jonas Berg met union officials in Tartu on Tuesday.\n";
constexpr int kBergLine = 0, kBergCharacter = 7; // inside "Berg" in kOpenText

struct Session {
  TempWorkspace workspace;
  std::unique_ptr<LspClient> client;

  Session() {
    workspace.write("open.txt", kOpenText);
    workspace.write("indexed.txt", kIndexedText);
    client = std::make_unique<LspClient>(serverOptions());
    REQUIRE(client->initialize(workspace.root().string()).ok());
    REQUIRE(client->waitForProgressEnd());
    client->notify("textDocument/didOpen", {{"textDocument",
                                             {{"uri", workspace.uri("open.txt")},
                                              {"languageId", "plaintext"},
                                              {"version", 1},
                                              {"text", kOpenText}}}});
  }

  void watched(const std::string& name, int type) {
    client->notify("workspace/didChangeWatchedFiles",
                   {{"changes", json::array({{{"uri", workspace.uri(name)}, {"type", type}}})}});
  }

  // The documents that references to "Berg" in the open document reach; nullopt if unanswered.
  std::optional<std::set<std::string>> bergReferences() {
    auto response =
        client->request("textDocument/references",
                        {{"textDocument", {{"uri", workspace.uri("open.txt")}}},
                         {"position", {{"line", kBergLine}, {"character", kBergCharacter}}},
                         {"context", {{"includeDeclaration", true}}}});
    if (!response.ok()) return std::nullopt;
    std::set<std::string> uris;
    for (const auto& location : response.result)
      uris.insert(location.value("uri", ""));
    return uris;
  }

  // Polls until the references reach exactly `names` (indexing runs behind the notifications).
  bool referencesReach(std::set<std::string> names) {
    std::set<std::string> expected;
    for (const auto& name : names)
      expected.insert(workspace.uri(name));
    for (int i = 0; i < 150; ++i) {
      auto uris = bergReferences();
      if (uris && *uris == expected) return true;
      std::this_thread::sleep_for(Millis(20));
    }
    return false;
  }

  bool hoverAnswered(const std::string& name) {
    return client
        ->request("textDocument/hover",
                  positionParams(workspace.uri(name), kBergLine, kBergCharacter))
        .ok();
  }

  bool logged(const std::string& text) {
    for (int i = 0; i < 150; ++i) {
      if (client->stderrText().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(Millis(20));
    }
    return false;
  }
};

// Somewhere no process can read, even root: a FIFO with no writer is not a regular file, and
// reading it would block forever if the server tried.
void makeUnreadable(const std::string& path) {
  fs::remove(path);
  REQUIRE(mkfifo(path.c_str(), 0600) == 0);
}

} // namespace

TEST_CASE("the two reports share an entity before any fault", "[faults]") {
  Session session;
  CHECK(session.referencesReach({"open.txt", "indexed.txt"}));
  CHECK(session.client->shutdownAndExit() == 0);
}

TEST_CASE("a file deleted while indexed leaves the index; deleted while open, it is still served",
          "[faults]") {
  Session session;
  REQUIRE(session.referencesReach({"open.txt", "indexed.txt"}));
  fs::remove(session.workspace.path("indexed.txt"));
  session.watched("indexed.txt", 3);
  CHECK(session.logged("removed 1 document(s) under " + session.workspace.path("indexed.txt")));
  CHECK(session.referencesReach({"open.txt"}));

  fs::remove(session.workspace.path("open.txt"));
  session.watched("open.txt", 3);
  CHECK(session.hoverAnswered("open.txt")); // the editor's buffer is the document now
  CHECK(session.referencesReach({"open.txt"}));
  CHECK(session.client->shutdownAndExit() == 0);
}

TEST_CASE("a file renamed while indexed or open is found under its new name", "[faults]") {
  Session session;
  REQUIRE(session.referencesReach({"open.txt", "indexed.txt"}));
  // Editors report a rename as a deletion and a creation.
  fs::rename(session.workspace.path("indexed.txt"), session.workspace.path("moved.txt"));
  session.watched("indexed.txt", 3);
  session.watched("moved.txt", 1);
  CHECK(session.referencesReach({"open.txt", "moved.txt"}));

  fs::rename(session.workspace.path("open.txt"), session.workspace.path("renamed.txt"));
  session.watched("open.txt", 3);
  session.watched("renamed.txt", 1);
  CHECK(session.hoverAnswered("open.txt"));
  CHECK(session.referencesReach({"open.txt", "renamed.txt", "moved.txt"}));
  CHECK(session.client->shutdownAndExit() == 0);
}

TEST_CASE("a file made unreadable is skipped with a log line, open or indexed", "[faults]") {
  Session session;
  REQUIRE(session.referencesReach({"open.txt", "indexed.txt"}));
  std::string indexed = session.workspace.path("indexed.txt");
  if (::geteuid() != 0) {
    chmod(indexed.c_str(), 0);
  } else {
    makeUnreadable(indexed); // root reads through chmod 000
  }
  session.watched("indexed.txt", 2);
  CHECK(session.logged("skipped " + indexed + ": "));
  CHECK(session.referencesReach({"open.txt"}));

  // Open: the buffer wins while it is open; once closed, the unreadable disk copy is dropped.
  std::string open = session.workspace.path("open.txt");
  fs::remove(open);
  fs::create_directory(open); // a folder where the file was: no one can read it as a file
  session.watched("open.txt", 2);
  CHECK(session.hoverAnswered("open.txt"));
  session.client->notify("textDocument/didClose", textDocument(session.workspace.uri("open.txt")));
  session.workspace.write("other.txt", kOpenText);
  session.watched("other.txt", 1);
  CHECK(session.hoverAnswered("other.txt"));
  CHECK(session.client->shutdownAndExit() == 0);
}

TEST_CASE("a file replaced by binary bytes is skipped with a log line, open or indexed",
          "[faults]") {
  Session session;
  REQUIRE(session.referencesReach({"open.txt", "indexed.txt"}));
  static const char kElfHeader[] = "\x7f"
                                   "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00";
  std::string binary(kElfHeader, sizeof kElfHeader - 1); // the NULs belong to the bytes
  session.workspace.write("indexed.txt", binary);
  session.watched("indexed.txt", 2);
  CHECK(session.logged("skipped " + session.workspace.path("indexed.txt") + ": binary file"));
  CHECK(session.referencesReach({"open.txt"}));

  session.workspace.write("open.txt", binary);
  session.watched("open.txt", 2);
  CHECK(session.hoverAnswered("open.txt")); // the buffer still holds the text
  session.client->notify("textDocument/didClose", textDocument(session.workspace.uri("open.txt")));
  CHECK(session.logged("skipped " + session.workspace.path("open.txt") + ": binary file"));
  CHECK(session.client->request("workspace/symbol", {{"query", "Berg"}}).ok());
  CHECK(session.client->shutdownAndExit() == 0);
}

TEST_CASE("the workspace folder removed: its documents go, open buffers stay", "[faults]") {
  Session session;
  REQUIRE(session.referencesReach({"open.txt", "indexed.txt"}));
  fs::remove_all(session.workspace.root());
  session.client->notify(
      "workspace/didChangeWatchedFiles",
      {{"changes",
        json::array({{{"uri", dossier::protocol::pathToUri(session.workspace.root().string())},
                      {"type", 3}}})}});
  CHECK(session.logged("removed 1 document(s) under " + session.workspace.root().string()));
  CHECK(session.referencesReach({"open.txt"}));
  CHECK(session.hoverAnswered("open.txt"));
  CHECK(session.client->request("workspace/symbol", {{"query", "Berg"}}).ok());
  CHECK(session.client->shutdownAndExit() == 0);
}

TEST_CASE("the editor killed mid-request: the server exits within two seconds", "[faults]") {
  TempWorkspace workspace;
  for (int i = 0; i < 200; ++i)
    workspace.write("report" + std::to_string(i) + ".txt",
                    kOpenText + kIndexedText + "Officials in Tartu confirmed it on day " +
                        std::to_string(i) + ".\n");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  // Requests in flight (some waiting for the folder to be read) when the pipe closes.
  for (int i = 0; i < 20; ++i) {
    client.sendRequest("workspace/symbol", {{"query", "Berg"}});
    client.sendRequest("textDocument/references",
                       {{"textDocument", {{"uri", workspace.uri("report7.txt")}}},
                        {"position", {{"line", 0}, {"character", kBergCharacter}}},
                        {"context", {{"includeDeclaration", true}}}});
  }
  auto closed = std::chrono::steady_clock::now();
  client.closeInput();
  auto code = client.waitExit(Millis(2000));
  auto took = std::chrono::steady_clock::now() - closed;
  REQUIRE(code.has_value());
  CHECK(*code == 1); // ended without shutdown
  CHECK(took < std::chrono::seconds(2));
  CHECK(client.stderrText().find("input closed") != std::string::npos);
}
