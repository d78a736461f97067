#include "server/lsp/bindings.h"

#include "protocol/types_features.h"
#include "server/features/entities.h"
#include "server/features/features.h"
#include "server/features/passages.h"

namespace dossier::lsp {

std::unordered_map<std::string, LspServer::Handler> featureHandlers() {
  return {
      {"textDocument/diagnostic", features::documentDiagnostic},
      {"workspace/diagnostic", features::workspaceDiagnostic},
      {"textDocument/codeAction", features::codeAction},
      {"textDocument/foldingRange", features::foldingRange},
      {"textDocument/documentSymbol", features::documentSymbol},
      {"textDocument/implementation", features::implementation},
      {"textDocument/codeLens", features::codeLens},
      {"dossier/relatedPassages", features::relatedPassagesRequest},
      {"textDocument/references", features::references},
      {"textDocument/definition", features::definition},
      {"textDocument/declaration", features::definition},
      {"textDocument/documentHighlight", features::documentHighlight},
      {"textDocument/hover", features::hover},
      {"textDocument/semanticTokens/full", features::semanticTokensFull},
      {"textDocument/semanticTokens/range", features::semanticTokensRange},
      {"workspace/symbol", features::workspaceSymbol},
      {"textDocument/prepareRename", features::prepareRename},
      {"textDocument/rename", features::rename},
      {"textDocument/completion", features::completion},
  };
}

void advertiseFeatures(protocol::ServerCapabilities& capabilities,
                       const protocol::ClientCapabilities&) {
  capabilities.references()
      .definition()
      .set("declarationProvider", true)
      .documentHighlight()
      .hover()
      .workspaceSymbol()
      .rename(/*prepare=*/true)
      .completion({})
      .semanticTokens(features::entityTokenTypes(), {})
      .foldingRange()
      .documentSymbol()
      .set("implementationProvider", true)
      .codeLens()
      .codeAction({std::string(protocol::CodeActionKind::QuickFix)})
      .diagnostics("dossier", /*interFileDependencies=*/true, /*workspaceDiagnostics=*/true);
}

void LspServer::bindFeatures() { handlers_ = featureHandlers(); }

}  // namespace dossier::lsp
