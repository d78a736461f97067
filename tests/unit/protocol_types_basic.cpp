// Specification of protocol/types_basic.h and the decoding conventions of json_io.h.
#include "protocol/types_basic.h"

#include <catch2/catch.hpp>

using namespace dossier::protocol;
using nlohmann::json;

namespace {

// Decodes `input` as T and returns the error message ("" on success).
template <class T> std::string decodeError(const json& input) {
  T value{};
  std::string error;
  bool ok = fromJSON(input, value, &error);
  CHECK(ok == error.empty());
  return error;
}

} // namespace

TEST_CASE("positions and ranges encode as LSP objects", "[protocol][types]") {
  CHECK(toJSON(Position{3, 7}) == json{{"line", 3}, {"character", 7}});
  CHECK(toJSON(Range{{1, 2}, {3, 4}}) ==
        json::parse(R"({"start":{"line":1,"character":2},"end":{"line":3,"character":4}})"));
  Range range;
  std::string error;
  REQUIRE(
      fromJSON(json::parse(R"({"start":{"line":1,"character":2},"end":{"line":3,"character":4}})"),
               range, &error));
  CHECK(range == Range{{1, 2}, {3, 4}});
}

TEST_CASE("decoding errors name the offending field", "[protocol][types]") {
  CHECK(decodeError<TextDocumentPositionParams>(
            {{"textDocument", {{"uri", 5}}}, {"position", {{"line", 0}, {"character", 0}}}}) ==
        "params.textDocument.uri: expected string");
  CHECK(decodeError<TextDocumentPositionParams>({{"textDocument", {{"uri", "file:///x"}}}}) ==
        "params.position: required field missing");
  CHECK(decodeError<TextDocumentPositionParams>({{"textDocument", {{"uri", "file:///x"}}},
                                                 {"position", {{"line", -1}, {"character", 0}}}}) ==
        "params.position.line: expected non-negative integer");
  CHECK(
      decodeError<TextDocumentPositionParams>({{"textDocument", {{"uri", "file:///x"}}},
                                               {"position", {{"line", 1.5}, {"character", 0}}}}) ==
      "params.position.line: expected integer");
  CHECK(decodeError<TextDocumentPositionParams>(json::array()) == "params: expected object");
  CHECK(decodeError<TextDocumentPositionParams>(nullptr) == "params: expected object");
  CHECK(decodeError<WorkspaceEdit>(
            {{"changes", {{"file:///a", {{{"range", 1}, {"newText", ""}}}}}}}) ==
        "params.changes.file:///a[0].range: expected object");
  CHECK(decodeError<Diagnostic>({{"range", toJSON(Range{})}, {"message", "m"}, {"severity", 9}}) ==
        "params.severity: expected an integer from 1 to 4, got 9");
  CHECK(decodeError<Diagnostic>({{"range", toJSON(Range{})}, {"message", "m"}, {"code", true}}) ==
        "params.code: expected integer or string");
  CHECK(decodeError<MarkupContent>({{"kind", "html"}, {"value", ""}}) ==
        "params.kind: expected \"plaintext\" or \"markdown\"");
}

TEST_CASE("integral doubles are accepted as integers", "[protocol][types]") {
  Position position;
  std::string error;
  CHECK(fromJSON(json{{"line", 2.0}, {"character", 0}}, position, &error));
  CHECK(position.line == 2);
}

TEST_CASE("the error path root can be chosen", "[protocol][types]") {
  Location location;
  std::string error;
  CHECK_FALSE(fromJSON(json{{"uri", "u"}}, location, &error, "result[0]"));
  CHECK(error == "result[0].range: required field missing");
  CHECK_FALSE(fromJSON(json{{"uri", "u"}}, location, nullptr)); // no error sink is fine
}

TEST_CASE("text document items and identifiers", "[protocol][types]") {
  json item = {
      {"uri", "file:///a.md"}, {"languageId", "markdown"}, {"version", 4}, {"text", "# A"}};
  TextDocumentItem decoded;
  std::string error;
  REQUIRE(fromJSON(item, decoded, &error));
  CHECK(decoded.version == 4);
  CHECK(decoded.text == "# A");
  CHECK(toJSON(decoded) == item);
  CHECK(decodeError<VersionedTextDocumentIdentifier>({{"uri", "u"}, {"version", "1"}}) ==
        "params.version: expected integer");
  CHECK(toJSON(OptionalVersionedTextDocumentIdentifier{"u", std::nullopt}) ==
        json{{"uri", "u"}, {"version", nullptr}});
}

TEST_CASE("workspace edits support both changes and documentChanges", "[protocol][types]") {
  TextEdit edit{{{0, 0}, {0, 3}}, "new"};
  WorkspaceEdit byUri;
  byUri.changes = std::map<std::string, std::vector<TextEdit>>{{"file:///a", {edit}}};
  json encoded = toJSON(byUri);
  CHECK(encoded["changes"]["file:///a"][0]["newText"] == "new");
  CHECK_FALSE(encoded.contains("documentChanges"));

  WorkspaceEdit versioned;
  versioned.documentChanges = std::vector<TextDocumentEdit>{{{"file:///b", 7}, {edit}}};
  encoded = toJSON(versioned);
  CHECK_FALSE(encoded.contains("changes"));
  CHECK(encoded["documentChanges"][0]["textDocument"]["version"] == 7);

  WorkspaceEdit decoded;
  std::string error;
  REQUIRE(fromJSON(encoded, decoded, &error));
  REQUIRE(decoded.documentChanges);
  CHECK((*decoded.documentChanges)[0].edits[0] == edit);
  CHECK(toJSON(WorkspaceEdit{}) == json::object());
}

TEST_CASE("diagnostics omit absent optionals and keep everything else", "[protocol][types]") {
  Diagnostic minimal;
  minimal.range = {{1, 0}, {1, 4}};
  minimal.message = "unknown entity";
  CHECK(toJSON(minimal) == json{{"range", toJSON(minimal.range)}, {"message", "unknown entity"}});

  Diagnostic full = minimal;
  full.severity = DiagnosticSeverity::Warning;
  full.code = "unknown-entity";
  full.codeDescription = CodeDescription{"https://example.com/unknown-entity"};
  full.source = "dossier";
  full.tags = {DiagnosticTag::Unnecessary};
  full.relatedInformation = {{{"file:///b", {{2, 0}, {2, 1}}}, "declared here"}};
  full.data = {{"fix", "Alice"}};
  json encoded = toJSON(full);
  CHECK(encoded["severity"] == 2);
  CHECK(encoded["code"] == "unknown-entity");
  CHECK(encoded["codeDescription"]["href"] == "https://example.com/unknown-entity");
  CHECK(encoded["tags"] == json::array({1}));
  CHECK(encoded["relatedInformation"][0]["location"]["uri"] == "file:///b");
  CHECK(encoded["data"]["fix"] == "Alice");

  Diagnostic decoded;
  std::string error;
  REQUIRE(fromJSON(encoded, decoded, &error));
  CHECK(toJSON(decoded) == encoded);

  json numericCode = toJSON(minimal);
  numericCode["code"] = 42;
  REQUIRE(fromJSON(numericCode, decoded, &error));
  CHECK(decoded.code == "42");
}

TEST_CASE("markup and commands", "[protocol][types]") {
  CHECK(toJSON(MarkupContent{MarkupKind::Markdown, "**x**"}) ==
        json{{"kind", "markdown"}, {"value", "**x**"}});
  CHECK(toJSON(Command{"Show", "dossier.show", {}}) ==
        json{{"title", "Show"}, {"command", "dossier.show"}});
  Command command;
  std::string error;
  REQUIRE(
      fromJSON(json{{"title", "T"}, {"command", "c"}, {"arguments", {1, "two"}}}, command, &error));
  CHECK(command.arguments.size() == 2);
}
