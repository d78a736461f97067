// Which LSP methods Dossier serves and with which feature: the one table to read to know what the
// server does, and the capabilities it advertises for them.
#pragma once

#include "protocol/types_lifecycle.h"
#include "server/lsp/server.h"

#include <string>
#include <unordered_map>

namespace dossier::lsp {

std::unordered_map<std::string, LspServer::Handler> featureHandlers();
void advertiseFeatures(protocol::ServerCapabilities& capabilities,
                       const protocol::ClientCapabilities& client);

}  // namespace dossier::lsp
