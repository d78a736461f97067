#include "server/lsp/bindings.h"

#include "server/features/features.h"

namespace dossier::lsp {

std::unordered_map<std::string, LspServer::Handler> featureHandlers() {
  return {
      {"textDocument/diagnostic", features::documentDiagnostic},
      {"workspace/diagnostic", features::workspaceDiagnostic},
      {"textDocument/foldingRange", features::foldingRange},
      {"textDocument/documentSymbol", features::documentSymbol},
  };
}

void advertiseFeatures(protocol::ServerCapabilities& capabilities,
                       const protocol::ClientCapabilities&) {
  capabilities.foldingRange()
      .documentSymbol()
      .diagnostics("dossier", /*interFileDependencies=*/true, /*workspaceDiagnostics=*/true);
}

void LspServer::bindFeatures() { handlers_ = featureHandlers(); }

}  // namespace dossier::lsp
