// Specification of protocol/uri.h: file: URIs <-> POSIX paths.
#include "protocol/uri.h"

#include <catch2/catch.hpp>

using namespace dossier::protocol;

TEST_CASE("file URIs decode to paths", "[protocol][uri]") {
  struct Row {
    const char* uri;
    const char* path;
  };
  const Row rows[] = {
      {"file:///home/me/notes.md", "/home/me/notes.md"},
      {"file:///a%20b", "/a b"},
      {"file:///tmp/issue%23123.txt", "/tmp/issue#123.txt"},
      {"file:///caf%C3%A9/%E6%97%A5%E6%9C%AC.txt", "/café/日本.txt"},
      {"file:///caf%c3%a9", "/café"}, // lower-case hex is as valid as upper-case
      {"file:///c%3A/x", "/c:/x"},    // Windows drive letters stay in the path
      {"file:///c:/x", "/c:/x"},
      {"file://localhost/etc/hosts", "/etc/hosts"},
      {"FILE:///x", "/x"},                     // schemes are case-insensitive
      {"file:/single/slash", "/single/slash"}, // RFC 8089 form without authority
      {"file:///", "/"},
      {"file:///x/y.txt#L12", "/x/y.txt"}, // fragments are not part of the path
      {"file:///x/y.txt?query", "/x/y.txt"},
      {"file:///100%25", "/100%"},
  };
  for (const Row& row : rows) {
    INFO(row.uri);
    CHECK(uriToPath(row.uri) == std::optional<std::string>(row.path));
  }
}

TEST_CASE("non-file and malformed URIs are rejected", "[protocol][uri]") {
  const char* rejected[] = {
      "untitled:Untitled-1",
      "http://example.com/x",
      "vscode-notebook-cell:/x.ipynb#W0",
      "file://server/share/x", // a remote host cannot be opened locally
      "file://",
      "file:relative/path",
      "file:///bad%ZZescape",
      "file:///truncated%2",
      "file:///truncated%",
      "file:///nul%00byte",
      "",
      "/plain/path",
  };
  for (const char* uri : rejected) {
    INFO(uri);
    CHECK_FALSE(uriToPath(uri).has_value());
  }
}

TEST_CASE("paths encode to file URIs the way VS Code spells them", "[protocol][uri]") {
  CHECK(pathToUri("/home/me/notes.md") == "file:///home/me/notes.md");
  CHECK(pathToUri("/a b") == "file:///a%20b");
  CHECK(pathToUri("/issue#1?.txt") == "file:///issue%231%3F.txt");
  CHECK(pathToUri("/c:/x") == "file:///c%3A/x");
  CHECK(pathToUri("/café") == "file:///caf%C3%A9");
  CHECK(pathToUri("/a-b_c.d~e") == "file:///a-b_c.d~e");
  CHECK(pathToUri("/100%") == "file:///100%25");
  CHECK(pathToUri("relative") == "file:///relative");
}

TEST_CASE("paths round-trip through URIs", "[protocol][uri]") {
  const char* paths[] = {"/",
                         "/a b/c",
                         "/日本語/😀.txt",
                         "/x%y#z?w",
                         "/with+plus&amp;",
                         "/c:/Users/me",
                         "/tab\there",
                         "/\xFF\xFE raw bytes"};
  for (const char* path : paths) {
    INFO(path);
    CHECK(uriToPath(pathToUri(path)) == std::optional<std::string>(path));
  }
}

TEST_CASE("percent helpers", "[protocol][uri]") {
  CHECK(percentEncode("a/b c", /*keepSlash=*/false) == "a%2Fb%20c");
  CHECK(percentDecode("a%2Fb") == std::optional<std::string>("a/b"));
  CHECK_FALSE(percentDecode("%G0").has_value());
}
