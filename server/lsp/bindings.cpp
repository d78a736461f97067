#include "server/lsp/bindings.h"

#include "server/features/entities.h"
#include "server/features/features.h"

namespace dossier::lsp {

std::unordered_map<std::string, LspServer::Handler> featureHandlers() {
  return {
      {"textDocument/diagnostic", features::documentDiagnostic},
      {"workspace/diagnostic", features::workspaceDiagnostic},
      {"textDocument/foldingRange", features::foldingRange},
      {"textDocument/documentSymbol", features::documentSymbol},
      {"textDocument/references", features::references},
      {"textDocument/definition", features::definition},
      {"textDocument/declaration", features::definition},
      {"textDocument/documentHighlight", features::documentHighlight},
      {"textDocument/hover", features::hover},
      {"textDocument/semanticTokens/full", features::semanticTokensFull},
      {"textDocument/semanticTokens/range", features::semanticTokensRange},
  };
}

void advertiseFeatures(protocol::ServerCapabilities& capabilities,
                       const protocol::ClientCapabilities&) {
  capabilities.references()
      .definition()
      .set("declarationProvider", true)
      .documentHighlight()
      .hover()
      .semanticTokens(features::entityTokenTypes(), {})
      .foldingRange()
      .documentSymbol()
      .diagnostics("dossier", /*interFileDependencies=*/true, /*workspaceDiagnostics=*/true);
}

void LspServer::bindFeatures() { handlers_ = featureHandlers(); }

}  // namespace dossier::lsp
