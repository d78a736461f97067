// Read-only linguistic knowledge shared by every analysis: lexicons, gazetteers and rule patterns,
// loaded once from the data files under server/data/ plus the workspace configuration's additions.
// Immutable once built; a configuration change builds a new one and re-analyses the corpus.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace dossier::analysis {

namespace entities {
struct Lexicon;
}
namespace rules {
struct RuleSet;
}
namespace passages {
struct Lexicon;
}

// What a workspace adds to the built-in knowledge (from its config file).
struct KnowledgeOverrides {
  // Extra lexicon lines per data file, in that file's own format (e.g. "rules/hedges.tsv" -> lines).
  std::vector<std::pair<std::string, std::string>> extraRecords;
};

struct Knowledge {
  std::shared_ptr<const entities::Lexicon> entities;
  std::shared_ptr<const rules::RuleSet> rules;
  std::shared_ptr<const passages::Lexicon> passages;

  static std::shared_ptr<const Knowledge> load(const KnowledgeOverrides& overrides = {});
  // The built-in knowledge without overrides, loaded on first use and shared.
  static std::shared_ptr<const Knowledge> builtin();
};

}  // namespace dossier::analysis
