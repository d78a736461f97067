// Building blocks for the LSP type (de)serialisers in types_*.h.
//
// Decoding is hand-written rather than nlohmann's get<T>() so that invalid params produce a
// message that points at the bad field ("params.textDocument.uri: expected string"), which the
// server returns as the InvalidParams error text and which makes client bugs easy to find.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dossier::protocol {

// Where a value sits in the message being decoded. Child paths point at their parent, so build
// them as temporaries in the call that uses them (path.field("x")), never store them.
class JsonPath {
public:
  JsonPath(std::string_view root, std::string* error) : key_(root), error_(error) {}
  JsonPath field(std::string_view key) const { return JsonPath(this, key, kNoIndex); }
  JsonPath index(std::size_t i) const { return JsonPath(this, {}, i); }
  // Records "<path>: <message>" unless an earlier error was recorded (the innermost failure is
  // the useful one); always returns false so decoders can `return path.fail(...)`.
  bool fail(std::string_view message) const;
  std::string str() const;

private:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  JsonPath(const JsonPath* parent, std::string_view key, std::size_t index)
      : parent_(parent), key_(key), index_(index), error_(parent->error_) {}

  const JsonPath* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = kNoIndex;
  std::string* error_;
};

// Decoders for JSON scalars. Numbers must be integral where LSP says integer/uinteger.
bool fromJSON(const nlohmann::json&, std::string&, const JsonPath&);
bool fromJSON(const nlohmann::json&, int&, const JsonPath&);
bool fromJSON(const nlohmann::json&, std::uint32_t&, const JsonPath&);
bool fromJSON(const nlohmann::json&, bool&, const JsonPath&);
bool fromJSON(const nlohmann::json&, double&, const JsonPath&);
bool fromJSON(const nlohmann::json&, nlohmann::json&, const JsonPath&); // any value, kept raw

template <class T>
bool fromJSON(const nlohmann::json& json, std::vector<T>& out, const JsonPath& path) {
  if (!json.is_array()) return path.fail("expected array");
  out.clear();
  out.resize(json.size());
  for (std::size_t i = 0; i < json.size(); ++i)
    if (!fromJSON(json[i], out[i], path.index(i))) return false;
  return true;
}

template <class T>
bool fromJSON(const nlohmann::json& json, std::map<std::string, T>& out, const JsonPath& path) {
  if (!json.is_object()) return path.fail("expected object");
  out.clear();
  for (const auto& [key, value] : json.items())
    if (!fromJSON(value, out[key], path.field(key))) return false;
  return true;
}

// Null decodes to nullopt (LSP writes "T | null" for many fields).
template <class T>
bool fromJSON(const nlohmann::json& json, std::optional<T>& out, const JsonPath& path) {
  if (json.is_null()) {
    out.reset();
    return true;
  }
  T value{};
  if (!fromJSON(json, value, path)) return false;
  out = std::move(value);
  return true;
}

// Integer-valued LSP enums: accepted only within [first, last].
template <class E>
requires std::is_enum_v<E>
bool fromJSONEnum(const nlohmann::json& json, E& out, const JsonPath& path, int first, int last) {
  int value;
  if (!fromJSON(json, value, path)) return false;
  if (value < first || value > last)
    return path.fail("expected an integer from " + std::to_string(first) + " to " +
                     std::to_string(last) + ", got " + std::to_string(value));
  out = static_cast<E>(value);
  return true;
}

// Reads the members of one JSON object (modelled on llvm::json::ObjectMapper).
class ObjectMapper {
public:
  ObjectMapper(const nlohmann::json& json, const JsonPath& path)
      : json_(json), path_(path), ok_(json.is_object() || path.fail("expected object")) {}
  explicit operator bool() const { return ok_; }

  // Required member.
  template <class T> bool map(const char* key, T& out) {
    auto it = json_.find(key);
    if (it == json_.end()) return path_.field(key).fail("required field missing");
    return fromJSON(*it, out, path_.field(key));
  }
  // Optional member: absent or null -> nullopt.
  template <class T> bool map(const char* key, std::optional<T>& out) {
    auto it = json_.find(key);
    if (it == json_.end() || it->is_null()) {
      out.reset();
      return true;
    }
    return fromJSON(*it, out, path_.field(key));
  }
  // Optional member with a default: absent or null leaves `out` untouched.
  template <class T> bool mapOptional(const char* key, T& out) {
    auto it = json_.find(key);
    if (it == json_.end() || it->is_null()) return true;
    return fromJSON(*it, out, path_.field(key));
  }
  const JsonPath& path() const { return path_; }
  const nlohmann::json& json() const { return json_; }

private:
  const nlohmann::json& json_;
  JsonPath path_; // a copy: callers often pass a temporary such as path.field("context")
  bool ok_;
};

// The public entry point: decode a whole params (or result) value, with error messages rooted at
// `root`. On failure *error (if given) holds the message.
template <class T>
bool fromJSON(const nlohmann::json& json, T& out, std::string* error,
              std::string_view root = "params") {
  JsonPath path(root, error);
  return fromJSON(json, out, path);
}

// Encoders for scalars and containers, so that structs can encode members uniformly.
inline nlohmann::json toJSON(const std::string& value) {
  return value;
}
inline nlohmann::json toJSON(int value) {
  return value;
}
inline nlohmann::json toJSON(std::uint32_t value) {
  return value;
}
inline nlohmann::json toJSON(bool value) {
  return value;
}
inline nlohmann::json toJSON(double value) {
  return value;
}
inline nlohmann::json toJSON(const nlohmann::json& value) {
  return value;
}

template <class E>
requires std::is_enum_v<E> nlohmann::json toJSONEnum(E value) {
  return static_cast<int>(value);
}

template <class T> nlohmann::json toJSON(const std::vector<T>& values) {
  nlohmann::json array = nlohmann::json::array();
  for (const T& value : values)
    array.push_back(toJSON(value));
  return array;
}

template <class T> nlohmann::json toJSON(const std::map<std::string, T>& values) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : values)
    object[key] = toJSON(value);
  return object;
}

// Sets json[key] only when the optional holds a value: absent optionals are omitted, not null.
template <class T>
void setOptional(nlohmann::json& json, const char* key, const std::optional<T>& value) {
  if (value) json[key] = toJSON(*value);
}

// Sets json[key] only for a non-empty list (LSP treats an absent list like an empty one).
template <class T>
void setNonEmpty(nlohmann::json& json, const char* key, const std::vector<T>& values) {
  if (!values.empty()) json[key] = toJSON(values);
}

} // namespace dossier::protocol
