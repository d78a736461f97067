// Window, progress, registration and miscellaneous messages of types_features.h.
#include "protocol/types_features.h"

namespace dossier::protocol {

namespace {

bool decodeId(const nlohmann::json& json, nlohmann::json& out, const JsonPath& path) {
  if (!json.is_string() && !json.is_number_integer())
    return path.fail("expected integer or string");
  out = json;
  return true;
}

} // namespace

nlohmann::json toJSON(const WorkDoneProgressCreateParams& p) {
  return {{"token", p.token}};
}

bool fromJSON(const nlohmann::json& json, WorkDoneProgressCreateParams& out, const JsonPath& path) {
  if (!json.is_object()) return path.fail("expected object");
  auto it = json.find("token");
  if (it == json.end()) return path.field("token").fail("required field missing");
  return decodeId(*it, out.token, path.field("token"));
}

nlohmann::json toJSON(const WorkDoneProgressBegin& b) {
  nlohmann::json json{{"kind", "begin"}, {"title", b.title}};
  setOptional(json, "cancellable", b.cancellable);
  setOptional(json, "message", b.message);
  setOptional(json, "percentage", b.percentage);
  return json;
}

nlohmann::json toJSON(const WorkDoneProgressReport& r) {
  nlohmann::json json{{"kind", "report"}};
  setOptional(json, "cancellable", r.cancellable);
  setOptional(json, "message", r.message);
  setOptional(json, "percentage", r.percentage);
  return json;
}

nlohmann::json toJSON(const WorkDoneProgressEnd& e) {
  nlohmann::json json{{"kind", "end"}};
  setOptional(json, "message", e.message);
  return json;
}

nlohmann::json toJSON(const ProgressParams& p) {
  return {{"token", p.token}, {"value", p.value}};
}

bool fromJSON(const nlohmann::json& json, ProgressParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  if (!(o && o.map("value", out.value))) return false;
  auto it = json.find("token");
  if (it == json.end()) return path.field("token").fail("required field missing");
  return decodeId(*it, out.token, path.field("token"));
}

nlohmann::json toJSON(const Registration& r) {
  nlohmann::json json{{"id", r.id}, {"method", r.method}};
  if (!r.registerOptions.is_null()) json["registerOptions"] = r.registerOptions;
  return json;
}

bool fromJSON(const nlohmann::json& json, Registration& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("id", out.id) && o.map("method", out.method) &&
         o.mapOptional("registerOptions", out.registerOptions);
}

nlohmann::json toJSON(const RegistrationParams& p) {
  return {{"registrations", toJSON(p.registrations)}};
}

bool fromJSON(const nlohmann::json& json, RegistrationParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("registrations", out.registrations);
}

nlohmann::json toJSON(const Unregistration& u) {
  return {{"id", u.id}, {"method", u.method}};
}

bool fromJSON(const nlohmann::json& json, Unregistration& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("id", out.id) && o.map("method", out.method);
}

nlohmann::json toJSON(const UnregistrationParams& p) {
  // The misspelling is part of the protocol (kept for backwards compatibility).
  return {{"unregisterations", toJSON(p.unregistrations)}};
}

bool fromJSON(const nlohmann::json& json, UnregistrationParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("unregisterations", out.unregistrations);
}

nlohmann::json toJSON(const FileSystemWatcher& w) {
  nlohmann::json json{{"globPattern", w.globPattern}};
  setOptional(json, "kind", w.kind);
  return json;
}

bool fromJSON(const nlohmann::json& json, FileSystemWatcher& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("globPattern", out.globPattern) && o.map("kind", out.kind);
}

nlohmann::json watchedFilesRegistrationOptions(const std::vector<FileSystemWatcher>& watchers) {
  return {{"watchers", toJSON(watchers)}};
}

nlohmann::json toJSON(MessageType t) {
  return toJSONEnum(t);
}
bool fromJSON(const nlohmann::json& json, MessageType& out, const JsonPath& path) {
  return fromJSONEnum(json, out, path, 1, 5);
}

nlohmann::json toJSON(const LogMessageParams& p) {
  return {{"type", toJSON(p.type)}, {"message", p.message}};
}

bool fromJSON(const nlohmann::json& json, LogMessageParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("type", out.type) && o.map("message", out.message);
}

nlohmann::json toJSON(const ShowMessageParams& p) {
  return {{"type", toJSON(p.type)}, {"message", p.message}};
}

bool fromJSON(const nlohmann::json& json, ShowMessageParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("type", out.type) && o.map("message", out.message);
}

nlohmann::json toJSON(const CancelParams& p) {
  return {{"id", p.id}};
}

bool fromJSON(const nlohmann::json& json, CancelParams& out, const JsonPath& path) {
  if (!json.is_object()) return path.fail("expected object");
  auto it = json.find("id");
  if (it == json.end()) return path.field("id").fail("required field missing");
  return decodeId(*it, out.id, path.field("id"));
}

nlohmann::json toJSON(const ConfigurationItem& i) {
  nlohmann::json json = nlohmann::json::object();
  setOptional(json, "scopeUri", i.scopeUri);
  setOptional(json, "section", i.section);
  return json;
}

bool fromJSON(const nlohmann::json& json, ConfigurationItem& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("scopeUri", out.scopeUri) && o.map("section", out.section);
}

nlohmann::json toJSON(const ConfigurationParams& p) {
  return {{"items", toJSON(p.items)}};
}

bool fromJSON(const nlohmann::json& json, ConfigurationParams& out, const JsonPath& path) {
  ObjectMapper o(json, path);
  return o && o.map("items", out.items);
}

} // namespace dossier::protocol
