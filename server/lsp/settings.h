// Settings sent by the editor (initializationOptions, workspace/didChangeConfiguration). They have
// the same shape as dossier.json, either at the top level or under a "dossier" key (VS Code sends
// its settings section that way), and are merged under the workspace's dossier.json.
#pragma once

#include "server/corpus/config.h"

#include <nlohmann/json.hpp>

namespace dossier::lsp {

corpus::WorkspaceConfig settingsFromEditor(const nlohmann::json& settings);

}  // namespace dossier::lsp
