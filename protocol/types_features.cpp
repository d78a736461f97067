// Navigation-type requests of types_features.h.
#include "protocol/types_features.h"

namespace dossier::protocol {

namespace {

// The several "{textDocument}" params share one shape.
template <class T>
bool decodeDocumentOnly(const nlohmann::json& json, T& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument);
}

} // namespace

nlohmann::json toJSON(const Hover& h) {
  nlohmann::json json{{"contents", toJSON(h.contents)}};
  setOptional(json, "range", h.range);
  return json;
}

bool fromJSON(const nlohmann::json& json, Hover& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("contents", out.contents) && o.map("range", out.range);
}

nlohmann::json toJSON(const ReferenceParams& p) {
  nlohmann::json json = toJSON(static_cast<const TextDocumentPositionParams&>(p));
  json["context"] = {{"includeDeclaration", p.context.includeDeclaration}};
  return json;
}

bool fromJSON(const nlohmann::json& json, ReferenceParams& out, const JsonPath& path) {
  if (!fromJSON(json, static_cast<TextDocumentPositionParams&>(out), path)) return false;
  auto it = json.find("context");
  if (it == json.end()) return path.field("context").fail("required field missing");
  ObjectMapper context(*it, path.field("context"));
  return context && context.map("includeDeclaration", out.context.includeDeclaration);
}

nlohmann::json toJSON(const DocumentHighlight& h) {
  nlohmann::json json{{"range", toJSON(h.range)}};
  if (h.kind) json["kind"] = toJSONEnum(*h.kind);
  return json;
}

bool fromJSON(const nlohmann::json& json, DocumentHighlight& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("range", out.range))) return false;
  out.kind.reset();
  if (auto it = json.find("kind"); it != json.end() && !it->is_null()) {
    DocumentHighlightKind kind;
    if (!fromJSONEnum(*it, kind, path.field("kind"), 1, 3)) return false;
    out.kind = kind;
  }
  return true;
}

nlohmann::json toJSON(SymbolKind k) {
  return toJSONEnum(k);
}
bool fromJSON(const nlohmann::json& json, SymbolKind& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 26);
}

nlohmann::json toJSON(SymbolTag t) {
  return toJSONEnum(t);
}
bool fromJSON(const nlohmann::json& json, SymbolTag& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 1);
}

nlohmann::json toJSON(const DocumentSymbolParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}};
}
bool fromJSON(const nlohmann::json& json, DocumentSymbolParams& out, const JsonPath& path) {
  return decodeDocumentOnly(json, out, path);
}

nlohmann::json toJSON(const DocumentSymbol& s) {
  nlohmann::json json{{"name", s.name},
                      {"kind", toJSON(s.kind)},
                      {"range", toJSON(s.range)},
                      {"selectionRange", toJSON(s.selectionRange)}};
  setOptional(json, "detail", s.detail);
  setNonEmpty(json, "tags", s.tags);
  setNonEmpty(json, "children", s.children);
  return json;
}

bool fromJSON(const nlohmann::json& json, DocumentSymbol& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("name", out.name) && o.map("detail", out.detail) && o.map("kind", out.kind) &&
         o.mapOptional("tags", out.tags) && o.map("range", out.range) &&
         o.map("selectionRange", out.selectionRange) && o.mapOptional("children", out.children);
}

nlohmann::json toJSON(const SymbolInformation& s) {
  nlohmann::json json{{"name", s.name}, {"kind", toJSON(s.kind)}, {"location", toJSON(s.location)}};
  setNonEmpty(json, "tags", s.tags);
  setOptional(json, "containerName", s.containerName);
  return json;
}

bool fromJSON(const nlohmann::json& json, SymbolInformation& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("name", out.name) && o.map("kind", out.kind) &&
         o.mapOptional("tags", out.tags) && o.map("containerName", out.containerName) &&
         o.map("location", out.location);
}

nlohmann::json toJSON(const WorkspaceSymbol& s) {
  nlohmann::json location{{"uri", s.uri}};
  setOptional(location, "range", s.range);
  nlohmann::json json{{"name", s.name}, {"kind", toJSON(s.kind)}, {"location", location}};
  setNonEmpty(json, "tags", s.tags);
  setOptional(json, "containerName", s.containerName);
  if (!s.data.is_null()) json["data"] = s.data;
  return json;
}

bool fromJSON(const nlohmann::json& json, WorkspaceSymbol& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("name", out.name) && o.map("kind", out.kind) &&
        o.mapOptional("tags", out.tags) && o.map("containerName", out.containerName) &&
        o.mapOptional("data", out.data)))
    return false;
  auto it = json.find("location");
  if (it == json.end()) return path.field("location").fail("required field missing");
  ObjectMapper location(*it, path.field("location"));
  return location && location.map("uri", out.uri) && location.map("range", out.range);
}

nlohmann::json toJSON(const WorkspaceSymbolParams& p) {
  return {{"query", p.query}};
}

bool fromJSON(const nlohmann::json& json, WorkspaceSymbolParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("query", out.query);
}

nlohmann::json toJSON(const CodeLensParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}};
}
bool fromJSON(const nlohmann::json& json, CodeLensParams& out, const JsonPath& path) {
  return decodeDocumentOnly(json, out, path);
}

nlohmann::json toJSON(const CodeLens& c) {
  nlohmann::json json{{"range", toJSON(c.range)}};
  setOptional(json, "command", c.command);
  if (!c.data.is_null()) json["data"] = c.data;
  return json;
}

bool fromJSON(const nlohmann::json& json, CodeLens& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("range", out.range) && o.map("command", out.command) &&
         o.mapOptional("data", out.data);
}

nlohmann::json toJSON(const FoldingRangeParams& p) {
  return {{"textDocument", toJSON(p.textDocument)}};
}
bool fromJSON(const nlohmann::json& json, FoldingRangeParams& out, const JsonPath& path) {
  return decodeDocumentOnly(json, out, path);
}

nlohmann::json toJSON(const FoldingRange& f) {
  nlohmann::json json{{"startLine", f.startLine}, {"endLine", f.endLine}};
  setOptional(json, "startCharacter", f.startCharacter);
  setOptional(json, "endCharacter", f.endCharacter);
  setOptional(json, "kind", f.kind);
  setOptional(json, "collapsedText", f.collapsedText);
  return json;
}

bool fromJSON(const nlohmann::json& json, FoldingRange& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("startLine", out.startLine) && o.map("endLine", out.endLine) &&
         o.map("startCharacter", out.startCharacter) && o.map("endCharacter", out.endCharacter) &&
         o.map("kind", out.kind) && o.map("collapsedText", out.collapsedText);
}

nlohmann::json toJSON(const SemanticTokensParams& p) {
  nlohmann::json json{{"textDocument", toJSON(p.textDocument)}};
  setOptional(json, "range", p.range);
  return json;
}

bool fromJSON(const nlohmann::json& json, SemanticTokensParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("textDocument", out.textDocument) && o.map("range", out.range);
}

nlohmann::json toJSON(const SemanticTokens& t) {
  nlohmann::json json{{"data", t.data}};
  setOptional(json, "resultId", t.resultId);
  return json;
}

bool fromJSON(const nlohmann::json& json, SemanticTokens& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("resultId", out.resultId) && o.map("data", out.data);
}

} // namespace dossier::protocol
