#include "protocol/json_io.h"

#include <cmath>
#include <limits>

namespace dossier::protocol {

std::string JsonPath::str() const {
  std::string prefix = parent_ ? parent_->str() : std::string();
  if (index_ != kNoIndex) return prefix + "[" + std::to_string(index_) + "]";
  if (prefix.empty()) return std::string(key_);
  return prefix + "." + std::string(key_);
}

bool JsonPath::fail(std::string_view message) const {
  if (error_ && error_->empty()) *error_ = str() + ": " + std::string(message);
  return false;
}

namespace {

// Integral value of a JSON number, accepting 3.0 (some clients serialise all numbers as
// doubles) but not 3.5.
std::optional<std::int64_t> integral(const nlohmann::json& json) {
  if (json.is_number_integer())
    return json.is_number_unsigned() && json.get<std::uint64_t>() > INT64_MAX
               ? std::nullopt
               : std::optional<std::int64_t>(json.get<std::int64_t>());
  if (json.is_number_float()) {
    double value = json.get<double>();
    if (std::trunc(value) == value && std::abs(value) < 9.0e15)
      return static_cast<std::int64_t>(value);
  }
  return std::nullopt;
}

} // namespace

bool fromJSON(const nlohmann::json& json, std::string& out, const JsonPath& path) {
  if (!json.is_string()) return path.fail("expected string");
  out = json.get<std::string>();
  return true;
}

bool fromJSON(const nlohmann::json& json, int& out, const JsonPath& path) {
  auto value = integral(json);
  if (!value) return path.fail("expected integer");
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
    return path.fail("integer out of range");
  out = static_cast<int>(*value);
  return true;
}

bool fromJSON(const nlohmann::json& json, std::uint32_t& out, const JsonPath& path) {
  auto value = integral(json);
  if (!value) return path.fail("expected integer");
  if (*value < 0 || *value > std::numeric_limits<std::uint32_t>::max())
    return path.fail("expected non-negative integer");
  out = static_cast<std::uint32_t>(*value);
  return true;
}

bool fromJSON(const nlohmann::json& json, bool& out, const JsonPath& path) {
  if (!json.is_boolean()) return path.fail("expected boolean");
  out = json.get<bool>();
  return true;
}

bool fromJSON(const nlohmann::json& json, double& out, const JsonPath& path) {
  if (!json.is_number()) return path.fail("expected number");
  out = json.get<double>();
  return true;
}

bool fromJSON(const nlohmann::json& json, nlohmann::json& out, const JsonPath&) {
  out = json;
  return true;
}

} // namespace dossier::protocol
