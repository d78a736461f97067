#include "protocol/types_basic.h"

namespace dossier::protocol {

nlohmann::json toJSON(const Position& p) {
  return {{"line", p.line}, {"character", p.character}};
}

bool fromJSON(const nlohmann::json& json, Position& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("line", out.line) && o.map("character", out.character))) return false;
  // uinteger in LSP; a negative number is a client bug worth reporting, not clamping.
  if (out.line < 0) return path.field("line").fail("expected non-negative integer");
  if (out.character < 0) return path.field("character").fail("expected non-negative integer");
  return true;
}

nlohmann::json toJSON(const Range& r) {
  return {{"start", toJSON(r.start)}, {"end", toJSON(r.end)}};
}

bool fromJSON(const nlohmann::json& json, Range& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("start", out.start) && o.map("end", out.end);
}

nlohmann::json toJSON(const Location& l) {
  return {{"uri", l.uri}, {"range", toJSON(l.range)}};
}

bool fromJSON(const nlohmann::json& json, Location& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("range", out.range);
}

nlohmann::json toJSON(const TextDocumentIdentifier& t) {
  return {{"uri", t.uri}};
}

bool fromJSON(const nlohmann::json& json, TextDocumentIdentifier& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri);
}

nlohmann::json toJSON(const VersionedTextDocumentIdentifier& t) {
  return {{"uri", t.uri}, {"version", t.version}};
}

bool fromJSON(const nlohmann::json& json, VersionedTextDocumentIdentifier& out,
              const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("version", out.version);
}

nlohmann::json toJSON(const OptionalVersionedTextDocumentIdentifier& t) {
  // version is "integer | null" and required, so absence is spelled null.
  return {{"uri", t.uri}, {"version", t.version ? nlohmann::json(*t.version) : nullptr}};
}

bool fromJSON(const nlohmann::json& json, OptionalVersionedTextDocumentIdentifier& out,
              const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("version", out.version);
}

nlohmann::json toJSON(const TextDocumentItem& t) {
  return {{"uri", t.uri}, {"languageId", t.languageId}, {"version", t.version}, {"text", t.text}};
}

bool fromJSON(const nlohmann::json& json, TextDocumentItem& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("uri", out.uri) && o.map("languageId", out.languageId) &&
         o.map("version", out.version) && o.map("text", out.text);
}

nlohmann::json toJSON(const TextDocumentPositionParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}, {"position", toJSON(p.position)}};
}

bool fromJSON(const nlohmann::json& json, TextDocumentPositionParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument) && o.map("position", out.position);
}

nlohmann::json toJSON(const TextEdit& e) {
  return {{"range", toJSON(e.range)}, {"newText", e.newText}};
}

bool fromJSON(const nlohmann::json& json, TextEdit& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("range", out.range) && o.map("newText", out.newText);
}

nlohmann::json toJSON(const TextDocumentEdit& e) {
  return {{"textDocument", toJSON(e.textDocument)}, {"edits", toJSON(e.edits)}};
}

bool fromJSON(const nlohmann::json& json, TextDocumentEdit& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument) && o.map("edits", out.edits);
}

nlohmann::json toJSON(const WorkspaceEdit& e) {
  nlohmann::json json = nlohmann::json::object();
  setOptional(json, "changes", e.changes);
  setOptional(json, "documentChanges", e.documentChanges);
  return json;
}

bool fromJSON(const nlohmann::json& json, WorkspaceEdit& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("changes", out.changes) && o.map("documentChanges", out.documentChanges);
}

nlohmann::json toJSON(MarkupKind kind) {
  return kind == MarkupKind::Markdown ? "markdown" : "plaintext";
}

bool fromJSON(const nlohmann::json& json, MarkupKind& out, const JsonPath& path) {
  if (json == "markdown")
    out = MarkupKind::Markdown;
  else if (json == "plaintext")
    out = MarkupKind::PlainText;
  else
    return path.fail("expected \"plaintext\" or \"markdown\"");
  return true;
}

nlohmann::json toJSON(const MarkupContent& m) {
  return {{"kind", toJSON(m.kind)}, {"value", m.value}};
}

bool fromJSON(const nlohmann::json& json, MarkupContent& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("kind", out.kind) && o.map("value", out.value);
}

nlohmann::json toJSON(DiagnosticSeverity s) {
  return toJSONEnum(s);
}
bool fromJSON(const nlohmann::json& json, DiagnosticSeverity& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 4);
}

nlohmann::json toJSON(DiagnosticTag t) {
  return toJSONEnum(t);
}
bool fromJSON(const nlohmann::json& json, DiagnosticTag& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 2);
}

nlohmann::json toJSON(const DiagnosticRelatedInformation& r) {
  return {{"location", toJSON(r.location)}, {"message", r.message}};
}

bool fromJSON(const nlohmann::json& json, DiagnosticRelatedInformation& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("location", out.location) && o.map("message", out.message);
}

nlohmann::json toJSON(const CodeDescription& c) {
  return {{"href", c.href}};
}

bool fromJSON(const nlohmann::json& json, CodeDescription& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("href", out.href);
}

nlohmann::json toJSON(const Diagnostic& d) {
  nlohmann::json json{{"range", toJSON(d.range)}, {"message", d.message}};
  setOptional(json, "severity", d.severity);
  setOptional(json, "code", d.code);
  setOptional(json, "codeDescription", d.codeDescription);
  setOptional(json, "source", d.source);
  setNonEmpty(json, "tags", d.tags);
  setNonEmpty(json, "relatedInformation", d.relatedInformation);
  if (!d.data.is_null()) json["data"] = d.data;
  return json;
}

bool fromJSON(const nlohmann::json& json, Diagnostic& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("range", out.range) && o.map("message", out.message) &&
        o.map("severity", out.severity) && o.map("codeDescription", out.codeDescription) &&
        o.map("source", out.source) && o.mapOptional("tags", out.tags) &&
        o.mapOptional("relatedInformation", out.relatedInformation) &&
        o.mapOptional("data", out.data)))
    return false;
  out.code.reset();
  if (auto it = json.find("code"); it != json.end() && !it->is_null()) {
    if (it->is_number_integer())
      out.code = std::to_string(it->get<long long>());
    else if (it->is_string())
      out.code = it->get<std::string>();
    else
      return path.field("code").fail("expected integer or string");
  }
  return true;
}

nlohmann::json toJSON(const Command& c) {
  nlohmann::json json{{"title", c.title}, {"command", c.command}};
  setNonEmpty(json, "arguments", c.arguments);
  return json;
}

bool fromJSON(const nlohmann::json& json, Command& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("title", out.title) && o.map("command", out.command) &&
         o.mapOptional("arguments", out.arguments);
}

} // namespace dossier::protocol
