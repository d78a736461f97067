// JSON-RPC 2.0 message parsing and construction (the layer between framing and LSP methods).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dossier::protocol {

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

struct RpcError {
  ErrorCode code;
  std::string message;
};

// One parsed incoming JSON-RPC 2.0 message.
struct Message {
  enum class Kind { Request, Notification, Response } kind;
  nlohmann::json id; // null for notifications; number or string otherwise (responses may be null)
  std::string method;
  nlohmann::json params;        // may be null (absent)
  nlohmann::json result, error; // responses only; exactly one of them is set
};

// Parses a body; on failure returns the error to send (ParseError for bad JSON, InvalidRequest for
// non-object / missing method / bad id type / batch arrays / non-structured params / wrong
// "jsonrpc" version) plus the id if one could be read (else null). A missing "jsonrpc" member is
// tolerated because some hand-written clients omit it; a different version is rejected.
std::variant<Message, std::pair<nlohmann::json, RpcError>> parseMessage(std::string_view body);

nlohmann::json makeResponse(const nlohmann::json& id, nlohmann::json result);
nlohmann::json makeErrorResponse(const nlohmann::json& id, const RpcError& error);
// Null params are omitted, as LSP does for parameterless methods (exit, shutdown).
nlohmann::json makeNotification(std::string_view method, nlohmann::json params);
nlohmann::json makeRequest(const nlohmann::json& id, std::string_view method,
                           nlohmann::json params);

// True for the id types JSON-RPC/LSP allow on requests: integer or string.
bool isValidRequestId(const nlohmann::json& id);

} // namespace dossier::protocol
