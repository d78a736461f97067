// Specification of protocol/jsonrpc.h: parsing incoming JSON-RPC 2.0 messages, building replies.
#include "protocol/jsonrpc.h"

#include <catch2/catch.hpp>

using namespace dossier::protocol;
using nlohmann::json;

namespace {

Message parsed(std::string_view body) {
  auto result = parseMessage(body);
  INFO(body);
  REQUIRE(std::holds_alternative<Message>(result));
  return std::get<Message>(result);
}

std::pair<json, RpcError> failed(std::string_view body) {
  auto result = parseMessage(body);
  INFO(body);
  REQUIRE(std::holds_alternative<std::pair<json, RpcError>>(result));
  return std::get<std::pair<json, RpcError>>(result);
}

} // namespace

TEST_CASE("requests, notifications and responses are told apart", "[protocol][jsonrpc]") {
  SECTION("request with a numeric id") {
    Message m =
        parsed(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"a":1}})");
    CHECK(m.kind == Message::Kind::Request);
    CHECK(m.id == 1);
    CHECK(m.method == "textDocument/hover");
    CHECK(m.params == json{{"a", 1}});
  }
  SECTION("request with a string id and no params") {
    Message m = parsed(R"({"jsonrpc":"2.0","id":"abc","method":"shutdown"})");
    CHECK(m.kind == Message::Kind::Request);
    CHECK(m.id == "abc");
    CHECK(m.params.is_null());
  }
  SECTION("notification has no id") {
    Message m = parsed(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
    CHECK(m.kind == Message::Kind::Notification);
    CHECK(m.id.is_null());
  }
  SECTION("an explicit null id is a notification too") {
    CHECK(parsed(R"({"jsonrpc":"2.0","id":null,"method":"exit"})").kind ==
          Message::Kind::Notification);
  }
  SECTION("success response") {
    Message m = parsed(R"({"jsonrpc":"2.0","id":7,"result":null})");
    CHECK(m.kind == Message::Kind::Response);
    CHECK(m.id == 7);
    CHECK(m.result.is_null());
    CHECK(m.error.is_null());
  }
  SECTION("error response") {
    Message m = parsed(R"({"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"no"}})");
    CHECK(m.kind == Message::Kind::Response);
    CHECK(m.error["code"] == -32601);
  }
  SECTION("a missing jsonrpc member is tolerated") {
    CHECK(parsed(R"({"id":1,"method":"m"})").kind == Message::Kind::Request);
  }
}

TEST_CASE("malformed messages produce the JSON-RPC error to send back", "[protocol][jsonrpc]") {
  struct Row {
    const char* body;
    ErrorCode code;
    json id;
  };
  const Row rows[] = {
      {R"({"jsonrpc":"2.0","id":1,"method":)", ErrorCode::ParseError, nullptr},
      {"", ErrorCode::ParseError, nullptr},
      {"\xFF", ErrorCode::ParseError, nullptr},
      {R"([{"jsonrpc":"2.0","id":1,"method":"a"}])", ErrorCode::InvalidRequest, nullptr},
      {"[]", ErrorCode::InvalidRequest, nullptr},
      {"42", ErrorCode::InvalidRequest, nullptr},
      {R"("text")", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"2.0","id":1})", ErrorCode::InvalidRequest, 1},
      {R"({"jsonrpc":"2.0","id":"s","method":5})", ErrorCode::InvalidRequest, "s"},
      {R"({"jsonrpc":"2.0","id":1.5,"method":"a"})", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"2.0","id":true,"method":"a"})", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"2.0","id":{"x":1},"method":"a"})", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"1.0","id":3,"method":"a"})", ErrorCode::InvalidRequest, 3},
      {R"({"jsonrpc":"2.0","id":4,"method":"a","params":"str"})", ErrorCode::InvalidRequest, 4},
      {R"({"jsonrpc":"2.0","id":5,"result":1,"error":{"code":1}})", ErrorCode::InvalidRequest, 5},
      {R"({"jsonrpc":"2.0","result":1})", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"2.0","id":6,"error":"bad"})", ErrorCode::InvalidRequest, 6},
  };
  for (const Row& row : rows) {
    INFO(row.body);
    auto [id, error] = failed(row.body);
    CHECK(error.code == row.code);
    CHECK(id == row.id);
    CHECK_FALSE(error.message.empty());
  }
}

TEST_CASE("outgoing messages have the JSON-RPC 2.0 shape", "[protocol][jsonrpc]") {
  CHECK(makeResponse(1, json{{"x", 1}}) ==
        json{{"jsonrpc", "2.0"}, {"id", 1}, {"result", {{"x", 1}}}});
  // A null result must still be present: it is how "shutdown" succeeds.
  json nullResult = makeResponse("a", nullptr);
  CHECK(nullResult.contains("result"));
  CHECK(nullResult["result"].is_null());
  CHECK(makeErrorResponse(2, {ErrorCode::MethodNotFound, "nope"}) ==
        json{{"jsonrpc", "2.0"}, {"id", 2}, {"error", {{"code", -32601}, {"message", "nope"}}}});
  CHECK(makeErrorResponse(nullptr, {ErrorCode::ParseError, "bad"})["id"].is_null());
  CHECK(makeNotification("window/logMessage", json{{"type", 3}}) ==
        json{{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", 3}}}});
  CHECK_FALSE(makeNotification("exit", nullptr).contains("params"));
  CHECK(makeRequest(9, "workspace/configuration", json{{"items", json::array()}}) ==
        json{{"jsonrpc", "2.0"},
             {"id", 9},
             {"method", "workspace/configuration"},
             {"params", {{"items", json::array()}}}});
}

TEST_CASE("messages we build parse back", "[protocol][jsonrpc]") {
  Message request = parsed(makeRequest("r1", "client/registerCapability", json::object()).dump());
  CHECK(request.kind == Message::Kind::Request);
  CHECK(request.id == "r1");
  Message error = parsed(makeErrorResponse(3, {ErrorCode::RequestCancelled, "c"}).dump());
  CHECK(error.kind == Message::Kind::Response);
  CHECK(error.error["code"] == -32800);
}
