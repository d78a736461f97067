// The workspace configuration file, `dossier.json` at a workspace root. It is the user's one place for
// everything that changes what Dossier reports: which files form the corpus, which diagnostics are on
// and how severe, what to ignore, and corrections to entity linking. Code actions that silence a flag
// write here (through a WorkspaceEdit), so every suppression is reviewable.
//
// {
//   "include": ["**/*.txt", "**/*.md"],          // globs relative to the root
//   "exclude": ["drafts/**"],
//   "diagnostics": {
//     "disable": ["profanity", "propaganda/repetition"],      // families or codes
//     "severity": {"sourcing": "warning", "debris": "hint"},  // error|warning|information|hint
//     "ignore": [{"code": "hedge/unverified", "file": "a.txt", "text": "reportedly"}]
//   },
//   "entities": {
//     "aliases": [["Volodymyr Zelensky", "Zelenskyy", "Зеленський"]],   // one entity
//     "separate": [["Jonas Berg", "Liis Berg"]],                       // never merge these
//     "ignore": ["Summary"]                                            // never an entity
//   },
//   "lexicon": {"rules/hedges.tsv": ["allegedly\thedge/unverified"]}   // extra data-file records
// }
#pragma once

#include "server/analysis/knowledge.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::corpus {

enum class Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct IgnoreRule {
  std::string code;  // a code or family; empty means any
  std::string file;  // a path relative to the root, or a glob; empty means every file
  std::string text;  // the flagged text; empty means any
};

struct WorkspaceConfig {
  std::vector<std::string> include = {"**/*.txt", "**/*.md"};
  std::vector<std::string> exclude;

  std::vector<std::string> disabled;                          // families or codes
  std::vector<std::pair<std::string, Severity>> severities;   // family or code -> severity
  std::vector<IgnoreRule> ignores;

  std::vector<std::vector<std::string>> aliasGroups;
  std::vector<std::vector<std::string>> separateGroups;
  std::vector<std::string> ignoredSurfaces;

  analysis::KnowledgeOverrides lexicon;

  // Problems found while reading the file; the rest of the file still applies.
  std::vector<std::string> problems;

  // Whether a diagnostic code is enabled ("a/b" is disabled by "a" or "a/b").
  bool enabled(std::string_view code) const;
  // The configured severity for a code (most specific entry wins), or `fallback`.
  Severity severityFor(std::string_view code, Severity fallback) const;
};

// Parses the contents of a dossier.json. Never throws: a malformed file yields the defaults plus a
// problem saying what was wrong and where.
WorkspaceConfig parseConfig(std::string_view contents);

inline constexpr std::string_view kConfigFileName = "dossier.json";

std::optional<Severity> parseSeverity(std::string_view name);

}  // namespace dossier::corpus
