#include "protocol/jsonrpc.h"

namespace dossier::protocol {

namespace {

using Failure = std::pair<nlohmann::json, RpcError>;

Failure invalid(nlohmann::json id, std::string message) {
  return Failure{std::move(id), RpcError{ErrorCode::InvalidRequest, std::move(message)}};
}

} // namespace

bool isValidRequestId(const nlohmann::json& id) {
  // LSP ids are integer | string; fractional numbers, booleans and structures are not ids.
  return id.is_string() || id.is_number_integer();
}

std::variant<Message, Failure> parseMessage(std::string_view body) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return Failure{nullptr, RpcError{ErrorCode::ParseError, "message body is not valid JSON"}};
  if (json.is_array()) return invalid(nullptr, "batch messages are not supported by LSP");
  if (!json.is_object()) return invalid(nullptr, "message must be a JSON object");

  // Read the id first so that every later error can be reported against it.
  nlohmann::json id = nullptr;
  bool hasId = false;
  if (auto it = json.find("id"); it != json.end() && !it->is_null()) {
    if (!isValidRequestId(*it)) return invalid(nullptr, "id must be an integer or a string");
    id = *it;
    hasId = true;
  }
  if (auto it = json.find("jsonrpc"); it != json.end() && *it != "2.0")
    return invalid(id, "jsonrpc must be \"2.0\"");

  Message message{};
  message.id = id;
  if (auto it = json.find("method"); it != json.end()) {
    if (!it->is_string()) return invalid(id, "method must be a string");
    message.method = it->get<std::string>();
    message.kind = hasId ? Message::Kind::Request : Message::Kind::Notification;
    if (auto params = json.find("params"); params != json.end()) {
      if (!params->is_object() && !params->is_array() && !params->is_null())
        return invalid(id, "params must be an object or an array");
      message.params = *params;
    }
    return message;
  }

  auto result = json.find("result");
  auto error = json.find("error");
  bool hasResult = result != json.end(), hasError = error != json.end();
  if (!hasResult && !hasError) return invalid(id, "missing method");
  if (hasResult && hasError) return invalid(id, "response has both result and error");
  if (!json.contains("id")) return invalid(id, "response without id");
  message.kind = Message::Kind::Response;
  if (hasResult) {
    message.result = *result;
  } else {
    if (!error->is_object() || !error->contains("code") || !(*error)["code"].is_number_integer())
      return invalid(id, "response error must be an object with an integer code");
    message.error = *error;
  }
  return message;
}

nlohmann::json makeResponse(const nlohmann::json& id, nlohmann::json result) {
  // "result" is required on success even when null (e.g. the shutdown response).
  return nlohmann::json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json makeErrorResponse(const nlohmann::json& id, const RpcError& error) {
  return nlohmann::json{
      {"jsonrpc", "2.0"},
      {"id", id},
      {"error", {{"code", static_cast<int>(error.code)}, {"message", error.message}}}};
}

nlohmann::json makeNotification(std::string_view method, nlohmann::json params) {
  nlohmann::json message{{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) message["params"] = std::move(params);
  return message;
}

nlohmann::json makeRequest(const nlohmann::json& id, std::string_view method,
                           nlohmann::json params) {
  nlohmann::json message{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) message["params"] = std::move(params);
  return message;
}

} // namespace dossier::protocol
