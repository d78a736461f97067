// Bad input gets a clear JSON-RPC error and the server keeps answering; nothing on disk changes.
#include "tests/protocol/fixture.h"

#include <map>

using namespace dossier::testing;

namespace {

// After a bad message, the server must still answer a well-formed request.
void expectStillServing(LspClient& client, const TempWorkspace& workspace) {
  auto response = client.request("workspace/diagnostic", {{"previousResultIds", json::array()}});
  CHECK(response.ok());
  (void)workspace;
}

std::optional<json> errorResponseWithNullId(LspClient& client, int code) {
  return client.waitForNotification(
      "$/error-response",
      [code](const json& m) { return m.contains("error") && m["error"]["code"] == code; },
      Millis(3000));
}

} // namespace

TEST_CASE("a body that is not JSON is a ParseError and the server goes on") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  client.sendBody("{ this is not json");
  CHECK(errorResponseWithNullId(client, -32700));
  expectStillServing(client, workspace);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("malformed headers and a missing Content-Length are reported, then the stream resyncs") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  client.sendRaw("Content-Type: application/json\r\n\r\n{}");
  client.sendRaw("Content-Length: twelve\r\n\r\n");
  client.sendRaw("garbage without a colon\r\n\r\n");
  CHECK(errorResponseWithNullId(client, -32700));
  expectStillServing(client, workspace);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("a huge Content-Length is rejected without allocating it") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  // Declares 100 GB but sends only a little: the server must refuse the length itself.
  client.sendRaw("Content-Length: 100000000000\r\n\r\n{}");
  CHECK(errorResponseWithNullId(client, -32600));
  CHECK(client.running());
  CHECK(client.shutdownAndExit(Millis(5000)) >= 0);
}

TEST_CASE("unknown methods and invalid params get their error codes") {
  TempWorkspace workspace;
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  auto unknown = client.request("textDocument/doesNotExist", json::object());
  REQUIRE(unknown.errorCode);
  CHECK(*unknown.errorCode == -32601);

  auto invalid = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", 42}}}});
  REQUIRE(invalid.errorCode);
  CHECK(*invalid.errorCode == -32602);
  CHECK(invalid.errorMessage.find("uri") != std::string::npos);

  auto notFile = client.request("textDocument/documentSymbol", textDocument("untitled:Untitled-1"));
  REQUIRE(notFile.errorCode);
  CHECK(*notFile.errorCode == -32602);

  // A notification with bad params cannot be answered; it is logged and ignored.
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", "untitled:Untitled-1"},
                                           {"text", "x"},
                                           {"languageId", "plaintext"},
                                           {"version", 1}}}});
  client.notify("textDocument/didChange", {{"bogus", true}});
  expectStillServing(client, workspace);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("positions past the end of a line or file are clamped, not errors") {
  TempWorkspace workspace;
  std::string uri = workspace.uri("short.txt");
  workspace.write("short.txt", "Vladimir Putin met Elon Musk.\n");
  LspClient client(serverOptions());
  auto init = client.initialize(workspace.root().string());
  REQUIRE(init.ok());
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", uri},
                                           {"languageId", "plaintext"},
                                           {"version", 1},
                                           {"text", "Vladimir Putin met Elon Musk.\n"}}}});
  int tested = 0;
  for (const char* method :
       {"textDocument/hover", "textDocument/references", "textDocument/definition",
        "textDocument/documentHighlight", "textDocument/implementation"}) {
    std::string capability = std::string(method).substr(13) + "Provider";
    if (capability == "referencesProvider") capability = "referencesProvider";
    if (!init.result["capabilities"].contains(capability)) continue;
    ++tested;
    json params = positionParams(uri, 0, 500);
    params["context"] = {{"includeDeclaration", true}};
    auto pastLine = client.request(method, params);
    CHECK(pastLine.ok());
    params = positionParams(uri, 99, 3);
    params["context"] = {{"includeDeclaration", true}};
    auto pastFile = client.request(method, params);
    CHECK(pastFile.ok());
  }
  if (tested == 0) WARN("no position-based feature advertised yet");
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("cancelling requests answers them with RequestCancelled or a result, and never hangs") {
  TempWorkspace workspace;
  for (int i = 0; i < 200; ++i)
    workspace.write("d" + std::to_string(i) + ".txt",
                    "Text about Marta Ilves, number " + std::to_string(i) + ".");
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  std::vector<int> ids;
  for (int i = 0; i < 20; ++i)
    ids.push_back(
        client.sendRequest("workspace/diagnostic", {{"previousResultIds", json::array()}}));
  for (int id : ids)
    client.notify("$/cancelRequest", {{"id", id}});
  client.notify("$/cancelRequest", {{"id", 99999}}); // unknown ids are harmless
  int cancelled = 0;
  for (int id : ids) {
    auto response = client.waitResponse(id);
    CHECK_FALSE(response.timedOut);
    if (response.errorCode) {
      CHECK(*response.errorCode == -32800);
      ++cancelled;
    }
  }
  CHECK(cancelled >
        0); // with 20 queued on 2 workers, the later ones are cancelled before they start
  expectStillServing(client, workspace);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("a full editor session changes nothing on disk") {
  TempWorkspace workspace;
  std::map<std::string, std::string> before;
  for (int i = 0; i < 5; ++i) {
    std::string name = "f" + std::to_string(i) + ".txt";
    std::string text = "Foreign Minister Pavel Orlov said on Monday that talks would go on. File " +
                       std::to_string(i);
    workspace.write(name, text);
    before[name] = text;
  }
  workspace.write("dossier.json", R"({"exclude": ["drafts/**"]})");
  before["dossier.json"] = R"({"exclude": ["drafts/**"]})";
  {
    LspClient client(serverOptions());
    auto init = client.initialize(workspace.root().string());
    REQUIRE(init.ok());
    REQUIRE(client.waitForProgressEnd());
    std::string uri = workspace.uri("f0.txt");
    client.notify("textDocument/didOpen", {{"textDocument",
                                            {{"uri", uri},
                                             {"languageId", "plaintext"},
                                             {"version", 1},
                                             {"text", before["f0.txt"]}}}});
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", 2}}},
                   {"contentChanges", json::array({{{"text", "Edited in the editor only."}}})}});
    for (const char* method :
         {"textDocument/hover", "textDocument/references", "textDocument/documentSymbol",
          "textDocument/foldingRange", "textDocument/diagnostic"}) {
      json params = positionParams(uri, 0, 3);
      params["context"] = {{"includeDeclaration", true}};
      client.request(method, params);
    }
    client.notify("textDocument/didSave", textDocument(uri));
    client.notify("textDocument/didClose", textDocument(uri));
    CHECK(client.shutdownAndExit() == 0);
  }
  for (const auto& [name, text] : before) {
    std::ifstream in(workspace.path(name), std::ios::binary);
    std::string now((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(name);
    CHECK(now == text);
  }
  std::size_t files = 0;
  for (auto& entry : std::filesystem::recursive_directory_iterator(workspace.root()))
    files += entry.is_regular_file();
  CHECK(files == before.size());
}

TEST_CASE("a folder of 10,000 files: initialize is answered at once and requests are served while "
          "reading") {
  TempWorkspace workspace;
  std::string paragraph =
      "Officials who asked not to be named said the talks in Tolvan had reportedly stalled. "
      "Harbour Minister Marta Ilves denied that she had met the envoy.\n\n";
  for (int i = 0; i < 10000; ++i) {
    std::string text;
    for (int p = 0; p < 3; ++p)
      text += paragraph;
    workspace.write("d" + std::to_string(i / 500) + "/f" + std::to_string(i) + ".txt", text);
  }
  LspClient client(serverOptions());
  auto init = client.initialize(workspace.root().string());
  REQUIRE(init.ok());
  // "At once" is relative to reading the folder, which takes minutes in a sanitizer build on a
  // loaded machine: the limits leave room for that machine, not for reading before answering.
  CHECK(init.millis < 10000);
  std::string uri = workspace.uri("d0/f0.txt");
  auto first = client.request("textDocument/foldingRange", textDocument(uri), Millis(10000));
  // Either served (already read) or "unknown document" while the folder is still being read:
  // what matters is that it is answered promptly, not after the whole folder.
  CHECK_FALSE(first.timedOut);
  CHECK(first.millis < 10000);
  CHECK(client.waitForProgressEnd(Millis(900000)));
  auto all =
      client.request("workspace/diagnostic", {{"previousResultIds", json::array()}}, Millis(60000));
  REQUIRE(all.ok());
  CHECK(all.result["items"].size() == 10000);
  CHECK(client.shutdownAndExit() == 0);
}
