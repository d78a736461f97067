// The sample corpus's gold annotations as the scorer needs them (format: samples/ANNOTATING.md).
// Offsets are UTF-8 byte offsets into the plain documents under samples/corpus/.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace dossier::quality {

struct GoldMention {
  std::size_t start = 0, end = 0;
  std::string entity, type, text;
};

struct GoldDiagnostic {
  std::size_t start = 0, end = 0;
  std::string code;
};

struct GoldPassage {
  std::size_t start = 0, end = 0, marker = 0;
  std::string group;
};

struct GoldDocument {
  std::string file;  // name inside samples/corpus/
  std::string path;  // absolute path
  std::string split; // "dev" or "heldout"
  std::string text;  // the file's bytes
  std::vector<GoldMention> mentions;
  std::vector<GoldDiagnostic> diagnostics;
  std::vector<GoldPassage> related;
};

struct GoldEntity {
  std::string id, name, type;
  std::set<std::string> aliases;   // every surface form its mentions use
  std::set<std::string> documents; // files it is mentioned in
};

struct GoldCorpus {
  std::string corpusDir;
  std::vector<GoldDocument> documents; // sorted by file name
  std::map<std::string, GoldEntity> entities;

  const GoldDocument* byFile(const std::string& file) const;
};

// Reads samples/annotations/*.json, entities.json, splits.json and samples/corpus/*. Throws
// std::runtime_error with the file name if anything is missing or malformed.
GoldCorpus loadGold(const std::string& samplesDir);

// The family of a diagnostic code: "sourcing/anonymous" -> "sourcing".
std::string familyOf(const std::string& code);

} // namespace dossier::quality
