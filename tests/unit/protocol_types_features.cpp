// Specification of protocol/types_features.h.
#include "protocol/types_features.h"

#include <catch2/catch.hpp>

using namespace dossier::protocol;
using nlohmann::json;

namespace {

json positionParams(const char* uri = "file:///a.md") {
  return {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 2}, {"character", 5}}}};
}

template <class T> T decoded(const json& input) {
  T value{};
  std::string error;
  INFO(input.dump());
  CHECK(fromJSON(input, value, &error));
  CHECK(error.empty());
  return value;
}

template <class T> std::string decodeError(const json& input) {
  T value{};
  std::string error;
  CHECK_FALSE(fromJSON(input, value, &error));
  return error;
}

} // namespace

TEST_CASE("hover params and result", "[protocol][types]") {
  HoverParams params = decoded<HoverParams>(positionParams());
  CHECK(params.position == Position{2, 5});
  Hover hover{{MarkupKind::Markdown, "**Alice**"}, std::nullopt};
  CHECK(toJSON(hover) == json{{"contents", {{"kind", "markdown"}, {"value", "**Alice**"}}}});
  hover.range = Range{{2, 4}, {2, 9}};
  CHECK(toJSON(hover)["range"]["end"]["character"] == 9);
}

TEST_CASE("references require context.includeDeclaration", "[protocol][types]") {
  json params = positionParams();
  params["context"] = {{"includeDeclaration", true}};
  ReferenceParams refs = decoded<ReferenceParams>(params);
  CHECK(refs.context.includeDeclaration);
  CHECK(refs.textDocument.uri == "file:///a.md");
  CHECK(toJSON(refs) == params);
  CHECK(decodeError<ReferenceParams>(positionParams()) == "params.context: required field missing");
  params["context"]["includeDeclaration"] = "yes";
  CHECK(decodeError<ReferenceParams>(params) ==
        "params.context.includeDeclaration: expected boolean");
}

TEST_CASE("document highlights and symbols", "[protocol][types]") {
  CHECK(toJSON(DocumentHighlight{{{1, 0}, {1, 3}}, DocumentHighlightKind::Write})["kind"] == 3);
  CHECK_FALSE(toJSON(DocumentHighlight{}).contains("kind"));

  DocumentSymbol child{"Alice",          "person", SymbolKind::Object, {}, {{3, 0}, {3, 5}},
                       {{3, 0}, {3, 5}}, {}};
  DocumentSymbol parent{"People",         std::nullopt, SymbolKind::Namespace, {}, {{2, 0}, {9, 0}},
                        {{2, 2}, {2, 8}}, {child}};
  json encoded = toJSON(parent);
  CHECK(encoded["kind"] == 3);
  CHECK_FALSE(encoded.contains("detail"));
  CHECK_FALSE(encoded.contains("tags"));
  REQUIRE(encoded["children"].size() == 1);
  CHECK(encoded["children"][0]["detail"] == "person");
  CHECK_FALSE(encoded["children"][0].contains("children"));
  DocumentSymbol back = decoded<DocumentSymbol>(encoded);
  CHECK(toJSON(back) == encoded);

  encoded["children"][0]["kind"] = 27;
  CHECK(decodeError<DocumentSymbol>(encoded) ==
        "params.children[0].kind: expected an integer from 1 to 26, got 27");
}

TEST_CASE("workspace symbols, with and without ranges", "[protocol][types]") {
  CHECK(decoded<WorkspaceSymbolParams>({{"query", "ali"}}).query == "ali");
  CHECK(decodeError<WorkspaceSymbolParams>(json::object()) ==
        "params.query: required field missing");

  WorkspaceSymbol lazy{"Alice",        SymbolKind::Object, {},         "people",
                       "file:///p.md", std::nullopt,       {{"id", 1}}};
  json encoded = toJSON(lazy);
  CHECK(encoded["location"] == json{{"uri", "file:///p.md"}});
  CHECK(encoded["containerName"] == "people");
  CHECK(encoded["data"]["id"] == 1);
  WorkspaceSymbol resolved = decoded<WorkspaceSymbol>(encoded);
  CHECK_FALSE(resolved.range);
  resolved.range = Range{{1, 1}, {1, 6}};
  CHECK(toJSON(resolved)["location"]["range"]["start"]["line"] == 1);

  SymbolInformation info{"Bob",
                         SymbolKind::Variable,
                         {SymbolTag::Deprecated},
                         std::nullopt,
                         {"file:///b.md", {{0, 0}, {0, 3}}}};
  json infoJson = toJSON(info);
  CHECK(infoJson["tags"] == json::array({1}));
  CHECK_FALSE(infoJson.contains("containerName"));
  CHECK(toJSON(decoded<SymbolInformation>(infoJson)) == infoJson);
}

TEST_CASE("code lenses and folding ranges", "[protocol][types]") {
  CodeLens lens{{{0, 0}, {0, 5}}, std::nullopt, {{"entity", "Alice"}}};
  CHECK(toJSON(lens) == json{{"range", toJSON(lens.range)}, {"data", {{"entity", "Alice"}}}});
  lens.command = Command{"3 references", "dossier.showReferences", {}};
  CHECK(toJSON(decoded<CodeLens>(toJSON(lens))) == toJSON(lens));
  CHECK(decoded<CodeLensParams>({{"textDocument", {{"uri", "u"}}}}).textDocument.uri == "u");

  FoldingRange fold{3, std::nullopt, 8, std::nullopt, "region", std::nullopt};
  CHECK(toJSON(fold) == json{{"startLine", 3}, {"endLine", 8}, {"kind", "region"}});
  CHECK(decodeError<FoldingRangeParams>({{"textDocument", "u"}}) ==
        "params.textDocument: expected object");
}

TEST_CASE("semantic tokens", "[protocol][types]") {
  SemanticTokensParams full = decoded<SemanticTokensParams>({{"textDocument", {{"uri", "u"}}}});
  CHECK_FALSE(full.range);
  SemanticTokensParams ranged = decoded<SemanticTokensParams>(
      {{"textDocument", {{"uri", "u"}}}, {"range", toJSON(Range{{0, 0}, {5, 0}})}});
  CHECK(ranged.range == Range{{0, 0}, {5, 0}});
  SemanticTokens tokens{std::nullopt, {0, 2, 5, 1, 0}};
  CHECK(toJSON(tokens) == json{{"data", {0, 2, 5, 1, 0}}});
  CHECK(decodeError<SemanticTokens>({{"data", {0, -1}}}) ==
        "params.data[1]: expected non-negative integer");
}

TEST_CASE("code actions", "[protocol][types]") {
  json params = json::parse(R"({
    "textDocument": {"uri": "file:///a.md"},
    "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 4}},
    "context": {"diagnostics": [{"range": {"start": {"line": 1, "character": 0},
                                           "end": {"line": 1, "character": 4}},
                                 "message": "unknown entity", "code": "unknown-entity"}],
                "only": ["quickfix"]}
  })");
  CodeActionParams decodedParams = decoded<CodeActionParams>(params);
  REQUIRE(decodedParams.context.diagnostics.size() == 1);
  CHECK(decodedParams.context.diagnostics[0].code == "unknown-entity");
  REQUIRE(decodedParams.context.only);
  CHECK((*decodedParams.context.only)[0] == CodeActionKind::QuickFix);
  CHECK(toJSON(decodedParams) == params);

  params["context"].erase("diagnostics");
  CHECK(decodeError<CodeActionParams>(params) ==
        "params.context.diagnostics: required field missing");

  CodeAction action;
  action.title = "Declare Alice";
  action.kind = std::string(CodeActionKind::QuickFix);
  action.isPreferred = true;
  action.edit = WorkspaceEdit{};
  action.edit->changes = std::map<std::string, std::vector<TextEdit>>{
      {"file:///a.md", {TextEdit{{{0, 0}, {0, 0}}, "Alice\n"}}}};
  json encoded = toJSON(action);
  CHECK(encoded["kind"] == "quickfix");
  CHECK_FALSE(encoded.contains("diagnostics"));
  CHECK_FALSE(encoded.contains("command"));
  CHECK_FALSE(encoded.contains("disabled"));
  action.disabledReason = "read-only file";
  CHECK(toJSON(action)["disabled"] == json{{"reason", "read-only file"}});
  CHECK(toJSON(decoded<CodeAction>(toJSON(action))) == toJSON(action));
}

TEST_CASE("completion", "[protocol][types]") {
  json params = positionParams();
  params["context"] = {{"triggerKind", 2}, {"triggerCharacter", "@"}};
  CompletionParams completion = decoded<CompletionParams>(params);
  REQUIRE(completion.context);
  CHECK(completion.context->triggerCharacter == "@");
  CHECK(toJSON(completion) == params);
  CHECK_FALSE(decoded<CompletionParams>(positionParams()).context);

  CompletionItem item;
  item.label = "Alice";
  CHECK(toJSON(item) == json{{"label", "Alice"}});
  item.kind = CompletionItemKind::Reference;
  item.documentation = MarkupContent{MarkupKind::Markdown, "A person"};
  item.textEdit = TextEdit{{{2, 4}, {2, 5}}, "Alice"};
  item.data = 17;
  CompletionList list{true, {item}};
  json encoded = toJSON(list);
  CHECK(encoded["isIncomplete"] == true);
  CHECK(encoded["items"][0]["kind"] == 18);
  CHECK(encoded["items"][0]["textEdit"]["newText"] == "Alice");
  CHECK(toJSON(decoded<CompletionList>(encoded)) == encoded);

  // completionItem/resolve may send documentation back as a plain string.
  CompletionItem plain = decoded<CompletionItem>({{"label", "x"}, {"documentation", "doc"}});
  REQUIRE(plain.documentation);
  CHECK(plain.documentation->kind == MarkupKind::PlainText);
  CHECK(decodeError<CompletionItem>({{"label", "x"}, {"insertTextFormat", 3}}) ==
        "params.insertTextFormat: expected an integer from 1 to 2, got 3");
}

TEST_CASE("rename and prepareRename", "[protocol][types]") {
  json params = positionParams();
  params["newName"] = "Alicia";
  CHECK(decoded<RenameParams>(params).newName == "Alicia");
  CHECK(decodeError<RenameParams>(positionParams()) == "params.newName: required field missing");
  CHECK(decoded<PrepareRenameParams>(positionParams()).position.character == 5);
  CHECK(toJSON(PrepareRenameResult{{{1, 0}, {1, 5}}, "Alice"})["placeholder"] == "Alice");
}

TEST_CASE("progress notifications", "[protocol][types]") {
  CHECK(toJSON(WorkDoneProgressBegin{"Indexing", false, std::nullopt, 0}) ==
        json{{"kind", "begin"}, {"title", "Indexing"}, {"cancellable", false}, {"percentage", 0}});
  CHECK(toJSON(WorkDoneProgressReport{std::nullopt, "3/10", 30}) ==
        json{{"kind", "report"}, {"message", "3/10"}, {"percentage", 30}});
  CHECK(toJSON(WorkDoneProgressEnd{}) == json{{"kind", "end"}});
  ProgressParams progress{"index-1", toJSON(WorkDoneProgressEnd{"done"})};
  CHECK(toJSON(progress) ==
        json{{"token", "index-1"}, {"value", {{"kind", "end"}, {"message", "done"}}}});
  CHECK(decoded<ProgressParams>(toJSON(progress)).token == "index-1");
  CHECK(decodeError<ProgressParams>({{"token", 1.5}, {"value", 1}}) ==
        "params.token: expected integer or string");
  CHECK(decoded<WorkDoneProgressCreateParams>({{"token", 4}}).token == 4);
}

TEST_CASE("registrations", "[protocol][types]") {
  RegistrationParams params{
      {{"watch-1", "workspace/didChangeWatchedFiles",
        watchedFilesRegistrationOptions({{"**/*.md", std::nullopt}, {"**/*.dossier", 7}})}}};
  json encoded = toJSON(params);
  CHECK(encoded["registrations"][0]["registerOptions"]["watchers"][1] ==
        json{{"globPattern", "**/*.dossier"}, {"kind", 7}});
  CHECK_FALSE(encoded["registrations"][0]["registerOptions"]["watchers"][0].contains("kind"));
  CHECK(toJSON(decoded<RegistrationParams>(encoded)) == encoded);
  CHECK_FALSE(toJSON(Registration{"r", "m", nullptr}).contains("registerOptions"));
  // The wire name really is misspelt.
  CHECK(toJSON(UnregistrationParams{{{"watch-1", "workspace/didChangeWatchedFiles"}}})
            .contains("unregisterations"));
}

TEST_CASE("messages, cancellation and configuration", "[protocol][types]") {
  CHECK(toJSON(LogMessageParams{MessageType::Warning, "careful"}) ==
        json{{"type", 2}, {"message", "careful"}});
  CHECK(decoded<ShowMessageParams>({{"type", 1}, {"message", "x"}}).type == MessageType::Error);
  CHECK(decodeError<LogMessageParams>({{"type", 0}, {"message", "x"}}) ==
        "params.type: expected an integer from 1 to 5, got 0");

  CHECK(decoded<CancelParams>({{"id", 12}}).id == 12);
  CHECK(decoded<CancelParams>({{"id", "abc"}}).id == "abc");
  CHECK(decodeError<CancelParams>({{"id", nullptr}}) == "params.id: expected integer or string");
  CHECK(decodeError<CancelParams>(json::object()) == "params.id: required field missing");

  ConfigurationParams config{{{std::nullopt, std::string("dossier")}, {"file:///a", std::nullopt}}};
  CHECK(toJSON(config) == json{{"items", {{{"section", "dossier"}}, {{"scopeUri", "file:///a"}}}}});
  CHECK(toJSON(decoded<ConfigurationParams>(toJSON(config))) == toJSON(config));
}
