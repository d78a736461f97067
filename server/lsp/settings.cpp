#include "server/lsp/settings.h"

namespace dossier::lsp {

corpus::WorkspaceConfig settingsFromEditor(const nlohmann::json& settings) {
  const nlohmann::json& section =
      settings.is_object() && settings.contains("dossier") ? settings["dossier"] : settings;
  if (!section.is_object()) return {};
  // Keys the editor adds for its own use (the server path, tracing) are not workspace settings.
  nlohmann::json filtered = nlohmann::json::object();
  for (const auto& [key, value] : section.items())
    if (key == "include" || key == "exclude" || key == "diagnostics" || key == "entities" || key == "lexicon")
      filtered[key] = value;
  return corpus::parseConfig(filtered.dump());
}

}  // namespace dossier::lsp
