// Document synchronisation and the workspace's files, over the real protocol.
#include "tests/protocol/fixture.h"

#include <sys/stat.h>
#include <sys/wait.h>

using namespace dossier::testing;

namespace {

json outline(LspClient& client, const std::string& uri) {
  auto response = client.request("textDocument/documentSymbol", textDocument(uri));
  REQUIRE(response.ok());
  return response.result;
}

std::vector<std::string> workspaceUris(LspClient& client) {
  auto response = client.request("workspace/diagnostic", {{"previousResultIds", json::array()}});
  REQUIRE(response.ok());
  std::vector<std::string> uris;
  for (const auto& item : response.result["items"])
    uris.push_back(item["uri"]);
  std::sort(uris.begin(), uris.end());
  return uris;
}

void open(LspClient& client, const std::string& uri, const std::string& text, int version = 1) {
  client.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
}

} // namespace

TEST_CASE("incremental and full changes are applied in order") {
  TempWorkspace workspace;
  std::string uri = workspace.uri("notes.md");
  workspace.write("notes.md", "# Old title\n\nBody.\n");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  open(client, uri, "# Old title\n\nBody.\n");
  CHECK(contains(symbolNames(outline(client, uri)), "Old title"));

  // Replace "Old" (line 0, characters 2-5) with "New".
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range",
                                                   {{"start", {{"line", 0}, {"character", 2}}},
                                                    {"end", {{"line", 0}, {"character", 5}}}}},
                                                  {"text", "New"}}})}});
  CHECK(contains(symbolNames(outline(client, uri)), "New title"));

  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}},
                 {"contentChanges", json::array({{{"text", "# Replaced\n"}}})}});
  CHECK(contains(symbolNames(outline(client, uri)), "Replaced"));
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("incremental changes count columns in the negotiated encoding (astral characters)") {
  for (const char* encoding : {"utf-16", "utf-8"}) {
    TempWorkspace workspace;
    std::string uri = workspace.uri("e.md");
    LspClient client(serverOptions());
    auto caps = LspClient::defaultCapabilities();
    caps["general"]["positionEncodings"] = {encoding};
    REQUIRE(client.initialize(workspace.root().string(), caps).ok());
    open(client, uri, "# 🎉 Old\n");
    // "🎉" is 2 UTF-16 code units and 4 UTF-8 bytes: "Old" starts at 5 (utf-16) or 7 (utf-8).
    int start = std::string(encoding) == "utf-16" ? 5 : 7;
    client.notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri}, {"version", 2}}},
         {"contentChanges", json::array({{{"range",
                                           {{"start", {{"line", 0}, {"character", start}}},
                                            {"end", {{"line", 0}, {"character", start + 3}}}}},
                                          {"text", "New"}}})}});
    INFO(encoding);
    CHECK(contains(symbolNames(outline(client, uri)), "🎉 New"));
    CHECK(client.shutdownAndExit() == 0);
  }
}

TEST_CASE("closed documents come from disk; watched-file events keep them current") {
  TempWorkspace workspace;
  workspace.write("a.txt", "Alpha.");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  CHECK(workspaceUris(client) == std::vector<std::string>{workspace.uri("a.txt")});

  workspace.write("b.txt", "Beta.");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", workspace.uri("b.txt")}, {"type", 1}}})}});
  std::vector<std::string> expected = {workspace.uri("a.txt"), workspace.uri("b.txt")};
  std::sort(expected.begin(), expected.end());
  bool seen = false;
  for (int i = 0; i < 100 && !seen; ++i) {
    seen = workspaceUris(client) == expected;
    if (!seen) std::this_thread::sleep_for(Millis(20));
  }
  CHECK(seen);

  std::filesystem::remove(workspace.path("a.txt"));
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", workspace.uri("a.txt")}, {"type", 3}}})}});
  CHECK(workspaceUris(client) == std::vector<std::string>{workspace.uri("b.txt")});
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("the file watcher is registered dynamically") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  bool registered = false;
  for (int i = 0; i < 100 && !registered; ++i) {
    for (const auto& request : client.serverRequests())
      if (request.value("method", "") == "client/registerCapability" &&
          request["params"].dump().find("workspace/didChangeWatchedFiles") != std::string::npos)
        registered = true;
    if (!registered) std::this_thread::sleep_for(Millis(20));
  }
  CHECK(registered);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("an open document deleted on disk is still served; closed, it is gone") {
  TempWorkspace workspace;
  workspace.write("gone.md", "# Here\n");
  std::string uri = workspace.uri("gone.md");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  open(client, uri, "# Here\n");
  std::filesystem::remove(workspace.path("gone.md"));
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", uri}, {"type", 3}}})}});
  CHECK(contains(symbolNames(outline(client, uri)), "Here"));
  client.notify("textDocument/didClose", textDocument(uri));
  auto after = client.request("textDocument/documentSymbol", textDocument(uri));
  REQUIRE(after.errorCode);
  CHECK(*after.errorCode == -32602);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("binary, unreadable and invalid UTF-8 files do not stop the server") {
  TempWorkspace workspace;
  workspace.write("bin.txt", std::string("\x00\x01\x02 binary", 10));
  workspace.write("latin1.txt", "caf\xE9 cr\xE8me \xFF\xFE");
  workspace.write("locked.txt", "secret");
  chmod(workspace.path("locked.txt").c_str(), 0);
  workspace.write("ok.txt", "Fine.");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  auto uris = workspaceUris(client);
  CHECK(std::find(uris.begin(), uris.end(), workspace.uri("bin.txt")) == uris.end());
  CHECK(std::find(uris.begin(), uris.end(), workspace.uri("latin1.txt")) != uris.end());
  CHECK(std::find(uris.begin(), uris.end(), workspace.uri("ok.txt")) != uris.end());
  if (::geteuid() != 0) // root reads anything
    CHECK(std::find(uris.begin(), uris.end(), workspace.uri("locked.txt")) == uris.end());
  CHECK(client.stderrText().find("binary file") != std::string::npos);
  CHECK(client.shutdownAndExit() == 0);
}
