// Fuzz target: the dossier.json parser and what the server does with its result. parseConfig must
// never throw; the globs it returns are matched against paths, the diagnostic settings queried, and
// the lexicon additions loaded into a Knowledge, as the corpus store does on every config change.
// The same bytes are also tried as editor settings (initializationOptions,
// workspace/configuration).
#include "server/corpus/config.h"

#include "server/analysis/knowledge.h"
#include "server/corpus/glob.h"
#include "server/lsp/settings.h"

#include <nlohmann/json.hpp>

using namespace dossier;

namespace {

constexpr std::string_view kPaths[] = {"a.txt", "news/2024/report.md", "drafts/x/y/z/old.txt",
                                       "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt"};
constexpr std::string_view kCodes[] = {"profanity", "sourcing/anonymous", "hedge/unverified", ""};

void use(const corpus::WorkspaceConfig& config) {
  corpus::GlobSet include(config.include), exclude(config.exclude);
  for (std::string_view path : kPaths) {
    (void)include.matches(path);
    (void)exclude.matches(path);
  }
  for (const auto& rule : config.ignores)
    for (std::string_view path : kPaths)
      (void)corpus::globMatch(rule.file, path);
  for (std::string_view code : kCodes) {
    (void)config.enabled(code);
    (void)config.severityFor(code, corpus::Severity::Warning);
  }
  if (!config.lexicon.extraRecords.empty()) (void)analysis::Knowledge::load(config.lexicon);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view contents(reinterpret_cast<const char*>(data), size);
  use(corpus::parseConfig(contents));
  auto settings = nlohmann::json::parse(contents, nullptr, /*allow_exceptions=*/false);
  if (!settings.is_discarded()) use(lsp::settingsFromEditor(settings));
  return 0;
}
