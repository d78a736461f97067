// The LSP lifecycle, driven over pipes against the real binary.
#include "tests/protocol/fixture.h"

#include <sys/wait.h>

using namespace dossier::testing;

TEST_CASE("requests before initialize are refused with ServerNotInitialized") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  auto early = client.request("textDocument/foldingRange", textDocument(workspace.uri("a.txt")));
  REQUIRE(early.errorCode);
  CHECK(*early.errorCode == -32002);
  REQUIRE(client.initialize(workspace.root().string()).ok());
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("initialize answers with capabilities, the negotiated encoding and server info") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  auto init = client.initialize(workspace.root().string());
  REQUIRE(init.ok());
  CHECK(init.result["serverInfo"]["name"] == "dossier-ls");
  CHECK(init.result["capabilities"]["positionEncoding"] == "utf-8"); // offered first by the client
  CHECK(init.result["capabilities"]["textDocumentSync"]["change"] == 2);

  auto again = client.request("initialize", {{"capabilities", json::object()}});
  REQUIRE(again.errorCode);
  CHECK(*again.errorCode == -32600);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("utf-16 is chosen when the client offers no utf-8") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  auto caps = LspClient::defaultCapabilities();
  caps["general"]["positionEncodings"] = {"utf-16"};
  auto init = client.initialize(workspace.root().string(), caps);
  CHECK(init.result["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("after shutdown, requests are refused and exit ends the process with 0") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.request("shutdown", nullptr).ok());
  auto late = client.request("textDocument/foldingRange", textDocument(workspace.uri("a.txt")));
  REQUIRE(late.errorCode);
  CHECK(*late.errorCode == -32600);
  client.notify("exit", nullptr);
  CHECK(client.waitExit(Millis(5000)) == 0);
}

TEST_CASE("exit without shutdown ends the process with 1") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  client.notify("exit", nullptr);
  CHECK(client.waitExit(Millis(5000)) == 1);
}

TEST_CASE("the server exits when the editor's process dies") {
  TempWorkspace workspace;
  // A stand-in editor process that ends right away.
  pid_t editor = fork();
  if (editor == 0) _exit(0);
  int status = 0;
  waitpid(editor, &status, 0);
  LspClient client(serverOptions());
  auto init = client.request(
      "initialize",
      {{"processId", editor}, {"rootUri", workspace.uri("")}, {"capabilities", json::object()}});
  REQUIRE(init.ok());
  CHECK(client.waitExit(Millis(5000)).has_value());
}

TEST_CASE("indexing progress is reported and ends") {
  TempWorkspace workspace;
  for (int i = 0; i < 20; ++i)
    workspace.write("doc" + std::to_string(i) + ".txt",
                    "Some text number " + std::to_string(i) + ".");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  CHECK(client.waitForProgressEnd(Millis(30000)));
  CHECK(client.shutdownAndExit() == 0);
}
