// Specification of protocol/types_lifecycle.h and protocol/types_document.h.
#include "protocol/types_document.h"
#include "protocol/types_lifecycle.h"

#include <catch2/catch.hpp>

using namespace dossier::protocol;
using nlohmann::json;

TEST_CASE("initialize params keep what the server acts on", "[protocol][types]") {
  json params = json::parse(R"({
    "processId": 1234,
    "rootUri": "file:///work",
    "rootPath": "/work",
    "workspaceFolders": [{"uri": "file:///work", "name": "work"}],
    "initializationOptions": {"dossier": {"strict": true}},
    "clientInfo": {"name": "Visual Studio Code", "version": "1.90"},
    "capabilities": {
      "general": {"positionEncodings": ["utf-8", "utf-16"]},
      "window": {"workDoneProgress": true},
      "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true},
                    "configuration": true, "workspaceFolders": true,
                    "semanticTokens": {"refreshSupport": true}},
      "textDocument": {
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "publishDiagnostics": {"relatedInformation": true, "versionSupport": false},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
        "semanticTokens": {"requests": {"full": true}},
        "diagnostic": {"dynamicRegistration": false}
      }
    }
  })");
  InitializeParams init;
  std::string error;
  REQUIRE(fromJSON(params, init, &error));
  CHECK(init.processId == 1234);
  CHECK(init.rootUri == "file:///work");
  CHECK(init.rootPath == "/work");
  REQUIRE(init.workspaceFolders);
  CHECK((*init.workspaceFolders)[0].name == "work");
  CHECK(init.initializationOptions["dossier"]["strict"] == true);
  CHECK(init.clientInfo->name == "Visual Studio Code");
  const ClientCapabilities& caps = init.capabilities;
  CHECK(negotiateEncoding(caps.positionEncodings) == PositionEncoding::Utf8);
  CHECK(caps.hoverMarkdown);
  CHECK(caps.workDoneProgress);
  CHECK(caps.watchedFilesDynamicRegistration);
  CHECK(caps.workspaceConfiguration);
  CHECK(caps.workspaceFolders);
  CHECK(caps.diagnosticRelatedInformation);
  CHECK_FALSE(caps.diagnosticVersionSupport);
  CHECK(caps.codeActionLiteralSupport);
  CHECK(caps.semanticTokens);
  CHECK(caps.semanticTokensRefresh);
  CHECK(caps.diagnosticPull);
  CHECK_FALSE(caps.completionSnippets);

  ClientCapabilities again;
  REQUIRE(fromJSON(toJSON(caps), again, &error));
  CHECK(toJSON(again) == toJSON(caps));
}

TEST_CASE("initialize tolerates minimal and odd clients", "[protocol][types]") {
  InitializeParams init;
  std::string error;
  REQUIRE(
      fromJSON(json{{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}},
               init, &error));
  CHECK_FALSE(init.processId);
  CHECK_FALSE(init.rootUri);
  CHECK(init.initializationOptions.is_null());
  CHECK(negotiateEncoding(init.capabilities.positionEncodings) == PositionEncoding::Utf16);
  // Oddly shaped capabilities read as unsupported instead of failing initialize.
  REQUIRE(fromJSON(
      json{{"capabilities", {{"window", {{"workDoneProgress", "yes"}}}, {"textDocument", 5}}}},
      init, &error));
  CHECK_FALSE(init.capabilities.workDoneProgress);
  // But the fields the server relies on must have the right type.
  CHECK_FALSE(fromJSON(json{{"rootUri", 7}}, init, &error));
  CHECK(error == "params.rootUri: expected string");
}

TEST_CASE("server capabilities and initialize result", "[protocol][types]") {
  ServerCapabilities caps;
  caps.positionEncoding(PositionEncoding::Utf8)
      .textDocumentSync(TextDocumentSyncKind::Incremental)
      .hover()
      .rename(/*prepare=*/true)
      .semanticTokens({"entity"}, {"declaration"})
      .diagnostics("dossier", true, false)
      .workspaceFolders(true, true);
  json encoded = toJSON(InitializeResult{caps, ServerInfo{"dossier", "0.1.0"}});
  CHECK(encoded["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(encoded["capabilities"]["textDocumentSync"] ==
        json{{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}});
  CHECK(encoded["capabilities"]["hoverProvider"] == true);
  CHECK(encoded["capabilities"]["renameProvider"]["prepareProvider"] == true);
  CHECK(encoded["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"] ==
        json::array({"entity"}));
  CHECK(encoded["capabilities"]["diagnosticProvider"]["interFileDependencies"] == true);
  CHECK(encoded["capabilities"]["workspace"]["workspaceFolders"]["changeNotifications"] == true);
  CHECK(encoded["serverInfo"] == json{{"name", "dossier"}, {"version", "0.1.0"}});
  CHECK_FALSE(toJSON(InitializeResult{}).contains("serverInfo"));
}

TEST_CASE("didChange carries full and incremental changes", "[protocol][types]") {
  json params = json::parse(R"({
    "textDocument": {"uri": "file:///a.md", "version": 3},
    "contentChanges": [
      {"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 2}},
       "rangeLength": 1, "text": "x"},
      {"text": "whole new text"}
    ]})");
  DidChangeTextDocumentParams change;
  std::string error;
  REQUIRE(fromJSON(params, change, &error));
  CHECK(change.textDocument.version == 3);
  REQUIRE(change.contentChanges.size() == 2);
  CHECK(change.contentChanges[0].range == Range{{0, 1}, {0, 2}});
  CHECK_FALSE(change.contentChanges[1].range);
  CHECK(toJSON(change) == params);

  params["contentChanges"][0]["range"]["end"] = "oops";
  CHECK_FALSE(fromJSON(params, change, &error));
  CHECK(error == "params.contentChanges[0].range.end: expected object");
}

TEST_CASE("open, close, save and watched files", "[protocol][types]") {
  DidOpenTextDocumentParams open;
  std::string error;
  CHECK_FALSE(
      fromJSON(json{{"textDocument", {{"uri", "u"}, {"version", 1}, {"text", ""}}}}, open, &error));
  CHECK(error == "params.textDocument.languageId: required field missing");

  DidSaveTextDocumentParams save;
  REQUIRE(fromJSON(json{{"textDocument", {{"uri", "u"}}}}, save, &error));
  CHECK_FALSE(save.text);
  CHECK(toJSON(save) == json{{"textDocument", {{"uri", "u"}}}});

  DidChangeWatchedFilesParams watched;
  REQUIRE(fromJSON(
      json::parse(R"({"changes":[{"uri":"file:///a","type":1},{"uri":"file:///b","type":3}]})"),
      watched, &error));
  CHECK(watched.changes[1].type == FileChangeType::Deleted);
  error.clear();
  CHECK_FALSE(
      fromJSON(json::parse(R"({"changes":[{"uri":"file:///a","type":4}]})"), watched, &error));
  CHECK(error == "params.changes[0].type: expected an integer from 1 to 3, got 4");

  DidChangeConfigurationParams config;
  REQUIRE(fromJSON(json{{"settings", nullptr}}, config, &error));
  CHECK(config.settings.is_null());
}

TEST_CASE("diagnostics push and pull", "[protocol][types]") {
  PublishDiagnosticsParams publish{"file:///a", std::nullopt, {}};
  CHECK(toJSON(publish) == json{{"uri", "file:///a"}, {"diagnostics", json::array()}});
  publish.version = 5;
  CHECK(toJSON(publish)["version"] == 5);

  DocumentDiagnosticParams pull;
  std::string error;
  REQUIRE(
      fromJSON(json{{"textDocument", {{"uri", "u"}}}, {"previousResultId", "r1"}}, pull, &error));
  CHECK(pull.previousResultId == "r1");
  CHECK_FALSE(pull.identifier);

  DocumentDiagnosticReport unchanged{DocumentDiagnosticReport::Kind::Unchanged, "r1", {}};
  CHECK(toJSON(unchanged) == json{{"kind", "unchanged"}, {"resultId", "r1"}});
  DocumentDiagnosticReport full{DocumentDiagnosticReport::Kind::Full, std::nullopt, {}};
  CHECK(toJSON(full) == json{{"kind", "full"}, {"items", json::array()}});
  DocumentDiagnosticReport decoded;
  CHECK_FALSE(fromJSON(json{{"kind", "partial"}}, decoded, &error));
  CHECK(error == "params.kind: expected \"full\" or \"unchanged\"");

  WorkspaceDiagnosticReport workspace{{{"file:///a", std::nullopt, full}}};
  json encoded = toJSON(workspace);
  CHECK(encoded["items"][0]["uri"] == "file:///a");
  CHECK(encoded["items"][0]["version"].is_null()); // required member, so null rather than absent
  CHECK(encoded["items"][0]["kind"] == "full");
  WorkspaceDiagnosticReport roundTrip;
  REQUIRE(fromJSON(encoded, roundTrip, &error));
  CHECK(toJSON(roundTrip) == encoded);

  WorkspaceDiagnosticParams params;
  REQUIRE(fromJSON(json{{"previousResultIds", {{{"uri", "u"}, {"value", "v"}}}}}, params, &error));
  CHECK(params.previousResultIds[0].value == "v");
}
