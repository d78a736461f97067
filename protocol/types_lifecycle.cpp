#include "protocol/types_lifecycle.h"

#include <initializer_list>

namespace dossier::protocol {

namespace {

// The value at a nested member path, or nullptr if any step is missing or not an object.
const nlohmann::json* at(const nlohmann::json& json, std::initializer_list<const char*> keys) {
  const nlohmann::json* current = &json;
  for (const char* key : keys) {
    if (!current->is_object()) return nullptr;
    auto it = current->find(key);
    if (it == current->end()) return nullptr;
    current = &*it;
  }
  return current;
}

bool flag(const nlohmann::json& json, std::initializer_list<const char*> keys) {
  const nlohmann::json* value = at(json, keys);
  return value && value->is_boolean() && value->get<bool>();
}

bool present(const nlohmann::json& json, std::initializer_list<const char*> keys) {
  const nlohmann::json* value = at(json, keys);
  return value && value->is_object();
}

// Sets a nested member, creating the intermediate objects.
void put(nlohmann::json& json, std::initializer_list<const char*> keys, nlohmann::json value) {
  nlohmann::json* current = &json;
  for (const char* key : keys)
    current = &(*current)[key];
  *current = std::move(value);
}

} // namespace

bool fromJSON(const nlohmann::json& json, ClientCapabilities& out, const JsonPath& path) {
  if (!json.is_object()) return path.fail("expected object");
  out = ClientCapabilities{};
  if (const nlohmann::json* encodings = at(json, {"general", "positionEncodings"});
      encodings && encodings->is_array())
    for (const nlohmann::json& name : *encodings)
      if (name.is_string()) out.positionEncodings.push_back(name.get<std::string>());
  if (const nlohmann::json* formats = at(json, {"textDocument", "hover", "contentFormat"});
      formats && formats->is_array())
    for (const nlohmann::json& format : *formats)
      out.hoverMarkdown |= format == "markdown";
  out.workDoneProgress = flag(json, {"window", "workDoneProgress"});
  out.showDocument = flag(json, {"window", "showDocument", "support"});
  out.watchedFilesDynamicRegistration =
      flag(json, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  out.workspaceConfiguration = flag(json, {"workspace", "configuration"});
  out.workspaceFolders = flag(json, {"workspace", "workspaceFolders"});
  out.applyEdit = flag(json, {"workspace", "applyEdit"});
  out.diagnosticRelatedInformation =
      flag(json, {"textDocument", "publishDiagnostics", "relatedInformation"});
  out.diagnosticVersionSupport =
      flag(json, {"textDocument", "publishDiagnostics", "versionSupport"});
  out.diagnosticTagSupport = present(json, {"textDocument", "publishDiagnostics", "tagSupport"});
  out.codeActionLiteralSupport =
      present(json, {"textDocument", "codeAction", "codeActionLiteralSupport"});
  out.semanticTokens = present(json, {"textDocument", "semanticTokens"});
  out.semanticTokensRefresh = flag(json, {"workspace", "semanticTokens", "refreshSupport"});
  out.diagnosticPull = present(json, {"textDocument", "diagnostic"});
  out.diagnosticRefresh = flag(json, {"workspace", "diagnostics", "refreshSupport"});
  out.completionSnippets =
      flag(json, {"textDocument", "completion", "completionItem", "snippetSupport"});
  out.renamePrepareSupport = flag(json, {"textDocument", "rename", "prepareSupport"});
  out.hierarchicalDocumentSymbols =
      flag(json, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  return true;
}

nlohmann::json toJSON(const ClientCapabilities& c) {
  nlohmann::json json = nlohmann::json::object();
  if (!c.positionEncodings.empty())
    put(json, {"general", "positionEncodings"}, c.positionEncodings);
  if (c.hoverMarkdown)
    put(json, {"textDocument", "hover", "contentFormat"}, {"markdown", "plaintext"});
  auto putFlag = [&](bool value, std::initializer_list<const char*> keys) {
    if (value) put(json, keys, true);
  };
  auto putObject = [&](bool value, std::initializer_list<const char*> keys) {
    if (value) put(json, keys, nlohmann::json::object());
  };
  putFlag(c.workDoneProgress, {"window", "workDoneProgress"});
  putFlag(c.showDocument, {"window", "showDocument", "support"});
  putFlag(c.watchedFilesDynamicRegistration,
          {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  putFlag(c.workspaceConfiguration, {"workspace", "configuration"});
  putFlag(c.workspaceFolders, {"workspace", "workspaceFolders"});
  putFlag(c.applyEdit, {"workspace", "applyEdit"});
  putFlag(c.diagnosticRelatedInformation,
          {"textDocument", "publishDiagnostics", "relatedInformation"});
  putFlag(c.diagnosticVersionSupport, {"textDocument", "publishDiagnostics", "versionSupport"});
  if (c.diagnosticTagSupport)
    put(json, {"textDocument", "publishDiagnostics", "tagSupport"}, {{"valueSet", {1, 2}}});
  putObject(c.codeActionLiteralSupport, {"textDocument", "codeAction", "codeActionLiteralSupport"});
  putObject(c.semanticTokens, {"textDocument", "semanticTokens"});
  putFlag(c.semanticTokensRefresh, {"workspace", "semanticTokens", "refreshSupport"});
  putObject(c.diagnosticPull, {"textDocument", "diagnostic"});
  putFlag(c.diagnosticRefresh, {"workspace", "diagnostics", "refreshSupport"});
  putFlag(c.completionSnippets, {"textDocument", "completion", "completionItem", "snippetSupport"});
  putFlag(c.renamePrepareSupport, {"textDocument", "rename", "prepareSupport"});
  putFlag(c.hierarchicalDocumentSymbols,
          {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  return json;
}

nlohmann::json toJSON(const WorkspaceFolder& f) {
  return {{"uri", f.uri}, {"name", f.name}};
}

bool fromJSON(const nlohmann::json& json, WorkspaceFolder& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("name", out.name);
}

nlohmann::json toJSON(const ClientInfo& c) {
  nlohmann::json json{{"name", c.name}};
  setOptional(json, "version", c.version);
  return json;
}

bool fromJSON(const nlohmann::json& json, ClientInfo& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("name", out.name) && o.map("version", out.version);
}

nlohmann::json toJSON(const InitializeParams& p) {
  nlohmann::json json{{"processId", p.processId ? nlohmann::json(*p.processId) : nullptr},
                      {"capabilities", toJSON(p.capabilities)}};
  setOptional(json, "rootUri", p.rootUri);
  setOptional(json, "rootPath", p.rootPath);
  setOptional(json, "workspaceFolders", p.workspaceFolders);
  if (!p.initializationOptions.is_null()) json["initializationOptions"] = p.initializationOptions;
  setOptional(json, "clientInfo", p.clientInfo);
  setOptional(json, "locale", p.locale);
  return json;
}

bool fromJSON(const nlohmann::json& json, InitializeParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  // processId and capabilities are required by the spec, but a client that leaves them out can
  // still be served, so they are read as optional.
  return o && o.map("processId", out.processId) && o.map("rootUri", out.rootUri) &&
         o.map("rootPath", out.rootPath) && o.map("workspaceFolders", out.workspaceFolders) &&
         o.mapOptional("initializationOptions", out.initializationOptions) &&
         o.mapOptional("capabilities", out.capabilities) && o.map("clientInfo", out.clientInfo) &&
         o.map("locale", out.locale);
}

ServerCapabilities& ServerCapabilities::positionEncoding(PositionEncoding encoding) {
  return set("positionEncoding", std::string(toString(encoding)));
}

ServerCapabilities& ServerCapabilities::textDocumentSync(TextDocumentSyncKind change, bool save,
                                                         bool saveIncludesText) {
  nlohmann::json sync{{"openClose", true}, {"change", static_cast<int>(change)}};
  if (save) sync["save"] = {{"includeText", saveIncludesText}};
  return set("textDocumentSync", std::move(sync));
}

ServerCapabilities& ServerCapabilities::hover() {
  return set("hoverProvider", true);
}
ServerCapabilities& ServerCapabilities::definition() {
  return set("definitionProvider", true);
}
ServerCapabilities& ServerCapabilities::references() {
  return set("referencesProvider", true);
}
ServerCapabilities& ServerCapabilities::documentHighlight() {
  return set("documentHighlightProvider", true);
}
ServerCapabilities& ServerCapabilities::documentSymbol() {
  return set("documentSymbolProvider", true);
}
ServerCapabilities& ServerCapabilities::workspaceSymbol(bool resolve) {
  return set("workspaceSymbolProvider",
             resolve ? nlohmann::json{{"resolveProvider", true}} : nlohmann::json(true));
}

ServerCapabilities& ServerCapabilities::codeAction(std::vector<std::string> kinds, bool resolve) {
  nlohmann::json options{{"codeActionKinds", std::move(kinds)}};
  if (resolve) options["resolveProvider"] = true;
  return set("codeActionProvider", std::move(options));
}

ServerCapabilities& ServerCapabilities::codeLens(bool resolve) {
  return set("codeLensProvider", {{"resolveProvider", resolve}});
}
ServerCapabilities& ServerCapabilities::foldingRange() {
  return set("foldingRangeProvider", true);
}
ServerCapabilities& ServerCapabilities::rename(bool prepare) {
  return set("renameProvider",
             prepare ? nlohmann::json{{"prepareProvider", true}} : nlohmann::json(true));
}

ServerCapabilities& ServerCapabilities::completion(std::vector<std::string> triggerCharacters,
                                                   bool resolve) {
  nlohmann::json options{{"resolveProvider", resolve}};
  if (!triggerCharacters.empty()) options["triggerCharacters"] = std::move(triggerCharacters);
  return set("completionProvider", std::move(options));
}

ServerCapabilities& ServerCapabilities::semanticTokens(std::vector<std::string> tokenTypes,
                                                       std::vector<std::string> tokenModifiers,
                                                       bool range) {
  return set("semanticTokensProvider", {{"legend",
                                         {{"tokenTypes", std::move(tokenTypes)},
                                          {"tokenModifiers", std::move(tokenModifiers)}}},
                                        {"full", true},
                                        {"range", range}});
}

ServerCapabilities& ServerCapabilities::diagnostics(std::string identifier,
                                                    bool interFileDependencies,
                                                    bool workspaceDiagnostics) {
  return set("diagnosticProvider", {{"identifier", std::move(identifier)},
                                    {"interFileDependencies", interFileDependencies},
                                    {"workspaceDiagnostics", workspaceDiagnostics}});
}

ServerCapabilities& ServerCapabilities::workspaceFolders(bool supported, bool changeNotifications) {
  json_["workspace"]["workspaceFolders"] = {{"supported", supported},
                                            {"changeNotifications", changeNotifications}};
  return *this;
}

ServerCapabilities& ServerCapabilities::executeCommand(std::vector<std::string> commands) {
  return set("executeCommandProvider", {{"commands", std::move(commands)}});
}

ServerCapabilities& ServerCapabilities::set(const std::string& key, nlohmann::json value) {
  json_[key] = std::move(value);
  return *this;
}

nlohmann::json toJSON(const ServerCapabilities& c) {
  return c.json();
}

nlohmann::json toJSON(const ServerInfo& s) {
  nlohmann::json json{{"name", s.name}};
  setOptional(json, "version", s.version);
  return json;
}

bool fromJSON(const nlohmann::json& json, ServerInfo& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("name", out.name) && o.map("version", out.version);
}

nlohmann::json toJSON(const InitializeResult& r) {
  nlohmann::json json{{"capabilities", toJSON(r.capabilities)}};
  setOptional(json, "serverInfo", r.serverInfo);
  return json;
}

} // namespace dossier::protocol
