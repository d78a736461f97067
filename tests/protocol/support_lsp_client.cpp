// The test client itself, against the real server: the other protocol tests, the quality scorer
// and the benchmarks all trust what it reports.
#include "tests/support/annotations.h"
#include "tests/support/lsp_client.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace dossier::testing;

namespace {

ClientOptions serverOptions() {
  ClientOptions options;
  options.binary = DOSSIER_LS_PATH;
  return options;
}

std::filesystem::path makeWorkspace(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("dossier-client-" + name + "-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "one.txt") << "Marta Ilves met the envoy in Tolvan.\n";
  std::ofstream(dir / "two.txt") << "Ilves denied it. Sources said otherwise.\n";
  return dir;
}

} // namespace

TEST_CASE("the client initializes the server, sees indexing end and shuts it down cleanly") {
  auto root = makeWorkspace("lifecycle");
  LspClient client(serverOptions());
  Response init = client.initialize(root.string());
  REQUIRE(init.ok());
  CHECK(init.result["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(client.waitForProgressEnd(Millis(10000)));
  // The server asked to create the progress token and the client answered it.
  bool askedForProgress = false;
  for (const auto& r : client.serverRequests())
    askedForProgress |= r["method"] == "window/workDoneProgress/create";
  CHECK(askedForProgress);
  CHECK(client.shutdownAndExit() == 0);
  CHECK_FALSE(client.running());
  std::filesystem::remove_all(root);
}

TEST_CASE("the client reports an unknown method as MethodNotFound, not as a timeout") {
  LspClient client(serverOptions());
  REQUIRE(client.initialize("").ok());
  Response response = client.request("dossier/noSuchMethod", json::object(), Millis(5000));
  CHECK_FALSE(response.timedOut);
  CHECK(response.methodNotFound());
  CHECK(response.millis >= 0);
  CHECK(client.shutdownAndExit() == 0);
}

TEST_CASE("exit without shutdown is exit code 1; kill ends a server that is still running") {
  {
    LspClient client(serverOptions());
    REQUIRE(client.initialize("").ok());
    client.notify("exit", nullptr);
    CHECK(client.waitExit(Millis(5000)) == 1);
  }
  {
    LspClient client(serverOptions());
    REQUIRE(client.initialize("").ok());
    client.kill();
    CHECK_FALSE(client.running());
    // A request to a dead server times out quickly instead of hanging.
    CHECK(client.request("shutdown", nullptr, Millis(500)).timedOut);
  }
}

TEST_CASE("the server's stderr is captured to a file") {
  LspClient client(ClientOptions{DOSSIER_LS_PATH, {"--log=debug"}, "", ""});
  REQUIRE(client.initialize("").ok());
  client.shutdownAndExit();
  CHECK_FALSE(client.stderrText().empty());
}

TEST_CASE("marked-text fixtures: cursor, unnamed and named ranges, LSP conversions") {
  Annotated fixture("Minister [[Marta Ilves]] met ^$envoy[[Anton]] in\n[[Tolvan]] — «[[Ilves]]»");
  CHECK(fixture.text() == "Minister Marta Ilves met Anton in\nTolvan — «Ilves»");
  CHECK(fixture.point() == 25);
  REQUIRE(fixture.ranges().size() == 3);
  CHECK(fixture.slice(fixture.ranges()[0]) == "Marta Ilves");
  CHECK(fixture.slice(fixture.ranges()[2]) == "Ilves");
  CHECK(fixture.slice(fixture.range("envoy")) == "Anton");
  // Line 1: "Tolvan — «" is 6 + 1 + 3 + 1 + 2 bytes but 6 + 1 + 1 + 1 + 1 UTF-16 units.
  json start8 = fixture.lspRange(fixture.ranges()[2], "utf-8")["start"];
  json start16 = fixture.lspRange(fixture.ranges()[2], "utf-16")["start"];
  CHECK(start8 == json{{"line", 1}, {"character", 13}});
  CHECK(start16 == json{{"line", 1}, {"character", 10}});
  CHECK(fixture.offset(start16, "utf-16") == fixture.ranges()[2].begin);
  CHECK_THROWS(Annotated("[[unclosed"));
  CHECK_THROWS(Annotated("closed]]"));
  CHECK_THROWS(fixture.range());
}
