#include "tests/quality/gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace dossier::quality {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json readJson(const fs::path& path) {
  try {
    return json::parse(readFile(path));
  } catch (const json::exception& error) {
    throw std::runtime_error(path.string() + ": " + error.what());
  }
}

} // namespace

const GoldDocument* GoldCorpus::byFile(const std::string& file) const {
  for (const auto& doc : documents)
    if (doc.file == file) return &doc;
  return nullptr;
}

std::string familyOf(const std::string& code) {
  return code.substr(0, code.find('/'));
}

GoldCorpus loadGold(const std::string& samplesDir) {
  fs::path root = fs::absolute(samplesDir).lexically_normal();
  fs::path annotations = root / "annotations";
  GoldCorpus gold;
  gold.corpusDir = (root / "corpus").string();

  json splits = readJson(annotations / "splits.json");
  std::map<std::string, std::string> splitOf;
  for (const auto& [split, files] : splits.items())
    for (const auto& file : files)
      splitOf[file.get<std::string>()] = split;

  json entities = readJson(annotations / "entities.json");
  for (const auto& [id, entity] : entities.items())
    gold.entities[id] = GoldEntity{id, entity.at("name"), entity.at("type"), {}, {}};

  for (const auto& [file, split] : splitOf) {
    fs::path annotationPath = annotations / (fs::path(file).stem().string() + ".json");
    json annotation = readJson(annotationPath);
    GoldDocument doc;
    doc.file = file;
    doc.path = (root / "corpus" / file).string();
    doc.split = split;
    doc.text = readFile(doc.path);
    for (const auto& m : annotation.at("mentions")) {
      GoldMention mention{m.at("start"), m.at("end"), m.at("entity"), m.at("type"), m.at("text")};
      auto entity = gold.entities.find(mention.entity);
      if (entity == gold.entities.end())
        throw std::runtime_error(annotationPath.string() + ": unknown entity " + mention.entity);
      entity->second.aliases.insert(mention.text);
      entity->second.documents.insert(file);
      doc.mentions.push_back(std::move(mention));
    }
    for (const auto& d : annotation.at("diagnostics"))
      doc.diagnostics.push_back({d.at("start"), d.at("end"), d.at("code")});
    for (const auto& r : annotation.at("related"))
      doc.related.push_back({r.at("start"), r.at("end"), r.at("marker"), r.at("group")});
    gold.documents.push_back(std::move(doc));
  }
  std::sort(gold.documents.begin(), gold.documents.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });
  return gold;
}

} // namespace dossier::quality
