// Regressions found by the fuzz targets in tests/fuzz/: each case is the smallest reproduction of a
// bug a fuzzer reported, kept here so the ordinary test run guards the fix.
#include "server/corpus/glob.h"
#include "server/lsp/server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

using namespace dossier;

namespace {

std::string framed(const nlohmann::json& message) {
  std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// A file descriptor that reads `bytes` and then end of input, as a closed editor pipe does.
int inputOf(const std::string& bytes) {
  int fd = memfd_create("dossier-test-input", 0);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  lseek(fd, 0, SEEK_SET);
  return fd;
}

} // namespace

TEST_CASE("input ending while requests are still running shuts the server down cleanly",
          "[hardening][lsp]") {
  // fuzz_lsp_session: requests still on the worker pool when the input ended used the corpus store
  // after the destructor had freed it (a null dereference in the ASan+UBSan build).
  std::string stream =
      framed({{"jsonrpc", "2.0"},
              {"id", 0},
              {"method", "initialize"},
              {"params", {{"processId", nullptr}, {"capabilities", nlohmann::json::object()}}}});
  std::string text = "Jonas Berg, the mayor, said on Monday that the port will close.\n";
  stream += framed({{"jsonrpc", "2.0"},
                    {"method", "textDocument/didOpen"},
                    {"params",
                     {{"textDocument",
                       {{"uri", "file:///nowhere/a.txt"},
                        {"languageId", "plaintext"},
                        {"version", 1},
                        {"text", text}}}}}});
  for (int id = 1; id <= 40; ++id)
    stream += framed({{"jsonrpc", "2.0"},
                      {"id", id},
                      {"method", id % 2 ? "textDocument/hover" : "textDocument/references"},
                      {"params",
                       {{"textDocument", {{"uri", "file:///nowhere/a.txt"}}},
                        {"position", {{"line", 0}, {"character", 7}}},
                        {"context", {{"includeDeclaration", true}}}}}});
  for (int round = 0; round < 5; ++round) {
    int input = inputOf(stream);
    int output = open("/dev/null", O_WRONLY | O_CLOEXEC);
    {
      lsp::ServerOptions options;
      options.indexThreads = 1;
      lsp::LspServer server(input, output, options);
      CHECK(server.run() == 1); // the input ended without shutdown
    }                           // destroyed with requests in flight
    close(input);
    close(output);
  }
}

TEST_CASE("globs with many stars or brace groups match in bounded time", "[hardening][corpus]") {
  // fuzz_config: a dossier.json glob like these hung the folder scan (exponential backtracking, and
  // brace groups expanded to 2^n patterns).
  std::string path(60, 'a');
  path += ".txt";
  std::string stars;
  for (int i = 0; i < 16; ++i)
    stars += "*a";
  auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(corpus::globMatch(stars + "*b", path));
  CHECK(corpus::globMatch(stars + "*.txt", path));
  std::string braces;
  for (int i = 0; i < 30; ++i)
    braces += "{a,b}";
  CHECK(corpus::globMatch(braces + "*.txt", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt"));
  CHECK_FALSE(corpus::globMatch(braces + "*.md", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  // What globs mean does not change.
  CHECK(corpus::globMatch("**/*.txt", "news/2024/a.txt"));
  CHECK(corpus::globMatch("news/{2023,2024}/*", "news/2024/a.txt"));
  CHECK_FALSE(corpus::globMatch("news/{2022,2023}/*", "news/2024/a.txt"));
  CHECK(corpus::globMatch("drafts", "drafts/x/y.txt"));
  CHECK_FALSE(corpus::globMatch("*.md", "a.txt"));
  CHECK_FALSE(corpus::globMatch("news/*.txt", "news/2024/a.txt"));
}
