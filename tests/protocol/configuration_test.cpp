// Editor settings: pushed with didChangeConfiguration or pulled with workspace/configuration.
#include "tests/protocol/fixture.h"

using namespace dossier::testing;

namespace {

const char* kText = "Officials who asked not to be named said the talks had stalled.\n";

std::vector<std::string> codes(LspClient& client, const std::string& uri) {
  auto response = client.request("textDocument/diagnostic", textDocument(uri));
  REQUIRE(response.ok());
  std::vector<std::string> out;
  for (const auto& item : response.result["items"])
    out.push_back(item.value("code", ""));
  return out;
}

bool hasSourcing(const std::vector<std::string>& codes) {
  return std::any_of(codes.begin(), codes.end(),
                     [](const std::string& c) { return c.starts_with("sourcing/"); });
}

} // namespace

TEST_CASE("the server pulls the dossier section of the editor's settings and applies it") {
  TempWorkspace workspace;
  workspace.write("a.txt", kText);
  LspClient client(serverOptions());
  client.onServerRequest("workspace/configuration", [](const json& params) {
    json answers = json::array();
    for (const auto& item : params["items"])
      answers.push_back(item.value("section", "") == "dossier"
                            ? json{{"diagnostics", {{"disable", {"sourcing"}}}}}
                            : json(nullptr));
    return answers;
  });
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  bool silenced = false;
  for (int i = 0; i < 100 && !silenced; ++i) {
    silenced = !hasSourcing(codes(client, workspace.uri("a.txt")));
    if (!silenced) std::this_thread::sleep_for(Millis(20));
  }
  CHECK(silenced);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("pushed settings switch a category off and on again") {
  TempWorkspace workspace;
  workspace.write("a.txt", kText);
  LspClient client(serverOptions());
  REQUIRE(client.initialize(workspace.root().string()).ok());
  REQUIRE(client.waitForProgressEnd());
  std::string uri = workspace.uri("a.txt");
  REQUIRE(hasSourcing(codes(client, uri)));

  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"dossier", {{"diagnostics", {{"disable", {"sourcing"}}}}}}}}});
  CHECK_FALSE(hasSourcing(codes(client, uri)));

  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"dossier", {{"diagnostics", {{"disable", json::array()}}}}}}}});
  CHECK(hasSourcing(codes(client, uri)));
  CHECK(client.shutdownAndExit() == 0);
}
