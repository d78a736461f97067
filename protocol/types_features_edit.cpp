// Editing-type requests of types_features.h: code actions, completion, rename.
#include "protocol/types_features.h"

namespace dossier::protocol {

nlohmann::json toJSON(const CodeActionParams& p) {
  nlohmann::json context{{"diagnostics", toJSON(p.context.diagnostics)}};
  setOptional(context, "only", p.context.only);
  setOptional(context, "triggerKind", p.context.triggerKind);
  return {{"textDocument", toJSON(p.textDocument)},
          {"range", toJSON(p.range)},
          {"context", std::move(context)}};
}

bool fromJSON(const nlohmann::json& json, CodeActionParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("textDocument", out.textDocument) && o.map("range", out.range))) return false;
  auto it = json.find("context");
  if (it == json.end()) return path.field("context").fail("required field missing");
  ObjectMapper context(*it, path.field("context"));
  return context && context.map("diagnostics", out.context.diagnostics) &&
         context.map("only", out.context.only) &&
         context.map("triggerKind", out.context.triggerKind);
}

nlohmann::json toJSON(const CodeAction& a) {
  nlohmann::json json{{"title", a.title}};
  setOptional(json, "kind", a.kind);
  setNonEmpty(json, "diagnostics", a.diagnostics);
  setOptional(json, "isPreferred", a.isPreferred);
  if (a.disabledReason) json["disabled"] = {{"reason", *a.disabledReason}};
  setOptional(json, "edit", a.edit);
  setOptional(json, "command", a.command);
  if (!a.data.is_null()) json["data"] = a.data;
  return json;
}

bool fromJSON(const nlohmann::json& json, CodeAction& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("title", out.title) && o.map("kind", out.kind) &&
        o.mapOptional("diagnostics", out.diagnostics) && o.map("isPreferred", out.isPreferred) &&
        o.map("edit", out.edit) && o.map("command", out.command) &&
        o.mapOptional("data", out.data)))
    return false;
  out.disabledReason.reset();
  if (auto it = json.find("disabled"); it != json.end() && !it->is_null()) {
    ObjectMapper disabled(*it, path.field("disabled"));
    std::string reason;
    if (!(disabled && disabled.map("reason", reason))) return false;
    out.disabledReason = std::move(reason);
  }
  return true;
}

nlohmann::json toJSON(CompletionItemKind k) {
  return toJSONEnum(k);
}
bool fromJSON(const nlohmann::json& json, CompletionItemKind& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 25);
}

nlohmann::json toJSON(InsertTextFormat f) {
  return toJSONEnum(f);
}
bool fromJSON(const nlohmann::json& json, InsertTextFormat& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 2);
}

nlohmann::json toJSON(const CompletionContext& c) {
  nlohmann::json json{{"triggerKind", c.triggerKind}};
  setOptional(json, "triggerCharacter", c.triggerCharacter);
  return json;
}

bool fromJSON(const nlohmann::json& json, CompletionContext& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("triggerKind", out.triggerKind) &&
         o.map("triggerCharacter", out.triggerCharacter);
}

nlohmann::json toJSON(const CompletionParams& p) {
  nlohmann::json json = toJSON(static_cast<const TextDocumentPositionParams&>(p));
  if (p.context) json["context"] = toJSON(*p.context);
  return json;
}

bool fromJSON(const nlohmann::json& json, CompletionParams& out, const JsonPath& path) {
  if (!fromJSON(json, static_cast<TextDocumentPositionParams&>(out), path)) return false;
  ObjectMapper o(json, path);
  return o.map("context", out.context);
}

nlohmann::json toJSON(const CompletionItem& c) {
  nlohmann::json json{{"label", c.label}};
  setOptional(json, "kind", c.kind);
  setOptional(json, "detail", c.detail);
  setOptional(json, "documentation", c.documentation);
  setOptional(json, "preselect", c.preselect);
  setOptional(json, "sortText", c.sortText);
  setOptional(json, "filterText", c.filterText);
  setOptional(json, "insertText", c.insertText);
  setOptional(json, "insertTextFormat", c.insertTextFormat);
  setOptional(json, "textEdit", c.textEdit);
  setNonEmpty(json, "additionalTextEdits", c.additionalTextEdits);
  setNonEmpty(json, "tags", c.tags);
  if (!c.data.is_null()) json["data"] = c.data;
  return json;
}

bool fromJSON(const nlohmann::json& json, CompletionItem& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("label", out.label) && o.map("kind", out.kind) && o.map("detail", out.detail) &&
        o.map("preselect", out.preselect) && o.map("sortText", out.sortText) &&
        o.map("filterText", out.filterText) && o.map("insertText", out.insertText) &&
        o.map("insertTextFormat", out.insertTextFormat) && o.map("textEdit", out.textEdit) &&
        o.mapOptional("additionalTextEdits", out.additionalTextEdits) &&
        o.mapOptional("tags", out.tags) && o.mapOptional("data", out.data)))
    return false;
  // documentation is string | MarkupContent; a plain string is plaintext markup.
  out.documentation.reset();
  if (auto it = json.find("documentation"); it != json.end() && !it->is_null()) {
    if (it->is_string())
      out.documentation = MarkupContent{MarkupKind::PlainText, it->get<std::string>()};
    else if (!o.map("documentation", out.documentation))
      return false;
  }
  return true;
}

nlohmann::json toJSON(const CompletionList& l) {
  return {{"isIncomplete", l.isIncomplete}, {"items", toJSON(l.items)}};
}

bool fromJSON(const nlohmann::json& json, CompletionList& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("isIncomplete", out.isIncomplete) && o.map("items", out.items);
}

nlohmann::json toJSON(const RenameParams& p) {
  nlohmann::json json = toJSON(static_cast<const TextDocumentPositionParams&>(p));
  json["newName"] = p.newName;
  return json;
}

bool fromJSON(const nlohmann::json& json, RenameParams& out, const JsonPath& path) {
  if (!fromJSON(json, static_cast<TextDocumentPositionParams&>(out), path)) return false;
  ObjectMapper o(json, path);
  return o.map("newName", out.newName);
}

nlohmann::json toJSON(const PrepareRenameResult& r) {
  return {{"range", toJSON(r.range)}, {"placeholder", r.placeholder}};
}

bool fromJSON(const nlohmann::json& json, PrepareRenameResult& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("range", out.range) && o.map("placeholder", out.placeholder);
}

} // namespace dossier::protocol
