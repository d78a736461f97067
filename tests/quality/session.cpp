#include "tests/quality/session.h"

#include "protocol/uri.h"

#include <filesystem>

namespace dossier::quality {

bool overlaps(std::size_t aStart, std::size_t aEnd, std::size_t bStart, std::size_t bEnd) {
  if (aStart == bStart) return true; // also for empty spans at the same place
  return std::max(aStart, bStart) < std::min(aEnd, bEnd);
}

Session::Session(testing::LspClient& client, const GoldCorpus& gold, json serverCapabilities,
                 Report& report)
    : client_(client), gold_(gold), capabilities_(std::move(serverCapabilities)), report_(report) {
  for (const auto& doc : gold_.documents) {
    lineIndexes_.emplace(doc.file, protocol::LineIndex(doc.text));
    docsByPath_[std::filesystem::path(doc.path).lexically_normal().string()] = &doc;
  }
}

testing::Response Session::request(const std::string& method, json params) {
  testing::Response response = client_.request(method, std::move(params), testing::Millis(30000));
  if (response.timedOut) {
    ++errors_[method + ": timed out"];
  } else if (response.errorCode && !response.methodNotFound()) {
    ++errors_[method + ": " + std::to_string(*response.errorCode) + " " + response.errorMessage];
  }
  if (!response.timedOut) report_.latency.add(method, response.millis);
  return response;
}

bool Session::advertises(const std::string& capability) const {
  if (!capabilities_.contains(capability)) return false;
  const json& value = capabilities_[capability];
  return !value.is_null() && !(value.is_boolean() && !value.get<bool>());
}

std::string Session::uriOf(const GoldDocument& doc) const {
  return testing::fileUri(doc.path);
}

const GoldDocument* Session::docOfUri(const std::string& uri) const {
  auto path = protocol::uriToPath(uri);
  if (!path) return nullptr;
  auto it = docsByPath_.find(std::filesystem::path(*path).lexically_normal().string());
  return it == docsByPath_.end() ? nullptr : it->second;
}

json Session::position(const GoldDocument& doc, std::size_t offset) const {
  auto p = lineIndexes_.at(doc.file).toPosition(offset, protocol::PositionEncoding::Utf8);
  return {{"line", p.line}, {"character", p.character}};
}

json Session::textDocumentPosition(const GoldDocument& doc, std::size_t offset) const {
  return {{"textDocument", {{"uri", uriOf(doc)}}}, {"position", position(doc, offset)}};
}

std::size_t Session::offset(const GoldDocument& doc, int line, int character) const {
  return lineIndexes_.at(doc.file).toOffset({line, character}, protocol::PositionEncoding::Utf8);
}

std::optional<Hit> Session::resolve(const json& location) const {
  if (!location.is_object()) return std::nullopt;
  bool link = location.contains("targetUri");
  std::string uri = location.value(link ? "targetUri" : "uri", "");
  const json& range = location.value(link ? "targetSelectionRange" : "range", json());
  const GoldDocument* doc = docOfUri(uri);
  if (!doc || !range.is_object()) return Hit{};
  auto at = [&](const char* key) {
    const json& p = range.value(key, json::object());
    return offset(*doc, p.value("line", 0), p.value("character", 0));
  };
  return Hit{doc, at("start"), at("end")};
}

std::vector<Hit> Session::resolveAll(const json& result) const {
  std::vector<Hit> hits;
  if (result.is_array()) {
    for (const auto& location : result)
      if (auto hit = resolve(location)) hits.push_back(*hit);
  } else if (auto hit = resolve(result)) {
    hits.push_back(*hit);
  }
  return hits;
}

std::vector<std::pair<const GoldDocument*, const GoldMention*>>
Session::sampledMentions(const std::string& split, std::size_t limit) const {
  std::vector<std::pair<const GoldDocument*, const GoldMention*>> all;
  for (const auto& doc : gold_.documents)
    if (doc.split == split)
      for (const auto& mention : doc.mentions)
        all.emplace_back(&doc, &mention);
  if (all.size() <= limit) return all;
  std::vector<std::pair<const GoldDocument*, const GoldMention*>> sample;
  for (std::size_t i = 0; i < limit; ++i)
    sample.push_back(all[i * all.size() / limit]);
  return sample;
}

} // namespace dossier::quality
