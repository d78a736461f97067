#include "protocol/types_document.h"

namespace dossier::protocol {

nlohmann::json toJSON(const DidOpenTextDocumentParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}};
}

bool fromJSON(const nlohmann::json& json, DidOpenTextDocumentParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument);
}

nlohmann::json toJSON(const TextDocumentContentChangeEvent& e) {
  nlohmann::json json{{"text", e.text}};
  setOptional(json, "range", e.range);
  setOptional(json, "rangeLength", e.rangeLength);
  return json;
}

bool fromJSON(const nlohmann::json& json, TextDocumentContentChangeEvent& out,
              const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("text", out.text) && o.map("range", out.range) &&
         o.map("rangeLength", out.rangeLength);
}

nlohmann::json toJSON(const DidChangeTextDocumentParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}, {"contentChanges", toJSON(p.contentChanges)}};
}

bool fromJSON(const nlohmann::json& json, DidChangeTextDocumentParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument) &&
         o.map("contentChanges", out.contentChanges);
}

nlohmann::json toJSON(const DidCloseTextDocumentParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}};
}

bool fromJSON(const nlohmann::json& json, DidCloseTextDocumentParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument);
}

nlohmann::json toJSON(const DidSaveTextDocumentParams& p) {
  nlohmann::json json{{"textDocument", toJSON(p.textDocument)}};
  setOptional(json, "text", p.text);
  return json;
}

bool fromJSON(const nlohmann::json& json, DidSaveTextDocumentParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument) && o.map("text", out.text);
}

nlohmann::json toJSON(FileChangeType t) {
  return toJSONEnum(t);
}
bool fromJSON(const nlohmann::json& json, FileChangeType& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 3);
}

nlohmann::json toJSON(const FileEvent& e) {
  return {{"uri", e.uri}, {"type", toJSON(e.type)}};
}

bool fromJSON(const nlohmann::json& json, FileEvent& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("type", out.type);
}

nlohmann::json toJSON(const DidChangeWatchedFilesParams& p) {
  return {{"changes", toJSON(p.changes)}};
}

bool fromJSON(const nlohmann::json& json, DidChangeWatchedFilesParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("changes", out.changes);
}

nlohmann::json toJSON(const DidChangeConfigurationParams& p) {
  return {{"settings", p.settings}};
}

bool fromJSON(const nlohmann::json& json, DidChangeConfigurationParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  // Clients that use workspace/configuration send {"settings": null} as a bare "something
  // changed" signal, so settings may be missing or null.
  return o && o.mapOptional("settings", out.settings);
}

nlohmann::json toJSON(const PublishDiagnosticsParams& p) {
  nlohmann::json json{{"uri", p.uri}, {"diagnostics", toJSON(p.diagnostics)}};
  setOptional(json, "version", p.version);
  return json;
}

bool fromJSON(const nlohmann::json& json, PublishDiagnosticsParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("version", out.version) &&
         o.map("diagnostics", out.diagnostics);
}

nlohmann::json toJSON(const DocumentDiagnosticParams& p) {
  nlohmann::json json{{"textDocument", toJSON(p.textDocument)}};
  setOptional(json, "identifier", p.identifier);
  setOptional(json, "previousResultId", p.previousResultId);
  return json;
}

bool fromJSON(const nlohmann::json& json, DocumentDiagnosticParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument) && o.map("identifier", out.identifier) &&
         o.map("previousResultId", out.previousResultId);
}

nlohmann::json toJSON(const DocumentDiagnosticReport& r) {
  if (r.kind == DocumentDiagnosticReport::Kind::Unchanged)
    return {{"kind", "unchanged"}, {"resultId", r.resultId.value_or("")}};
  nlohmann::json json{{"kind", "full"}, {"items", toJSON(r.items)}};
  setOptional(json, "resultId", r.resultId);
  return json;
}

bool fromJSON(const nlohmann::json& json, DocumentDiagnosticReport& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  std::string kind;
  if (!(o && o.map("kind", kind))) return false;
  out = DocumentDiagnosticReport{};
  if (kind == "unchanged") {
    out.kind = DocumentDiagnosticReport::Kind::Unchanged;
    std::string resultId;
    if (!o.map("resultId", resultId)) return false;
    out.resultId = std::move(resultId);
    return true;
  }
  if (kind != "full") return path.field("kind").fail("expected \"full\" or \"unchanged\"");
  return o.map("resultId", out.resultId) && o.map("items", out.items);
}

nlohmann::json toJSON(const PreviousResultId& p) {
  return {{"uri", p.uri}, {"value", p.value}};
}

bool fromJSON(const nlohmann::json& json, PreviousResultId& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("value", out.value);
}

nlohmann::json toJSON(const WorkspaceDiagnosticParams& p) {
  nlohmann::json json{{"previousResultIds", toJSON(p.previousResultIds)}};
  setOptional(json, "identifier", p.identifier);
  return json;
}

bool fromJSON(const nlohmann::json& json, WorkspaceDiagnosticParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("identifier", out.identifier) &&
         o.map("previousResultIds", out.previousResultIds);
}

nlohmann::json toJSON(const WorkspaceDocumentDiagnosticReport& r) {
  nlohmann::json json = toJSON(r.report);
  json["uri"] = r.uri;
  json["version"] = r.version ? nlohmann::json(*r.version) : nlohmann::json(nullptr);
  return json;
}

bool fromJSON(const nlohmann::json& json, WorkspaceDocumentDiagnosticReport& out,
              const JsonPath& path) {
  if (!fromJSON(json, out.report, path)) return false;
  ObjectMapper o(json, path);
  return o.map("uri", out.uri) && o.map("version", out.version);
}

nlohmann::json toJSON(const WorkspaceDiagnosticReport& r) {
  return {{"items", toJSON(r.items)}};
}

bool fromJSON(const nlohmann::json& json, WorkspaceDiagnosticReport& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("items", out.items);
}

} // namespace dossier::protocol
