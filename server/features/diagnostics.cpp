// Diagnostics: the document's analytical flags as LSP diagnostics, pushed for open documents and
// pulled (textDocument/diagnostic, workspace/diagnostic) for any document of the corpus.
#include "protocol/types_document.h"
#include "server/corpus/flags.h"
#include "server/features/features.h"

namespace dossier::features {

std::vector<protocol::Diagnostic> diagnosticsFor(const RequestContext& context,
                                                 const corpus::Document& doc) {
  std::vector<protocol::Diagnostic> diagnostics;
  auto flags = corpus::flagsFor(*context.snapshot, doc);
  if (flags.empty()) return diagnostics;
  protocol::LineIndex lines = context.lines(doc);
  for (const auto& flag : flags) {
    protocol::Diagnostic diagnostic;
    diagnostic.range = context.range(lines, flag.span);
    diagnostic.severity = static_cast<protocol::DiagnosticSeverity>(flag.severity);
    diagnostic.code = flag.code;
    diagnostic.source = "dossier";
    diagnostic.message = flag.message;
    if (flag.unnecessary) diagnostic.tags.push_back(protocol::DiagnosticTag::Unnecessary);
    if (context.client && context.client->diagnosticRelatedInformation) {
      for (const auto& related : flag.related) {
        const corpus::Document* other = context.snapshot->document(related.doc);
        if (!other) continue;
        diagnostic.relatedInformation.push_back(
            {{RequestContext::uriOf(*other), context.range(*other, related.span)},
             related.message});
      }
    }
    diagnostics.push_back(std::move(diagnostic));
  }
  return diagnostics;
}

nlohmann::json documentDiagnostic(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::DocumentDiagnosticParams>(json);
  protocol::DocumentDiagnosticReport report;
  report.resultId = std::to_string(context.snapshot->revision);
  if (const corpus::Document* doc = context.document(params.textDocument.uri))
    report.items = diagnosticsFor(context, *doc);
  return protocol::toJSON(report);
}

nlohmann::json workspaceDiagnostic(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::WorkspaceDiagnosticParams>(json);
  (void)params;
  protocol::WorkspaceDiagnosticReport report;
  std::string resultId = std::to_string(context.snapshot->revision);
  context.snapshot->forEachDocument([&](const corpus::Document& doc) {
    context.cancel.check();
    protocol::WorkspaceDocumentDiagnosticReport item;
    item.uri = RequestContext::uriOf(doc);
    if (doc.version) item.version = static_cast<int>(*doc.version);
    item.report.resultId = resultId;
    item.report.items = diagnosticsFor(context, doc);
    report.items.push_back(std::move(item));
  });
  return protocol::toJSON(report);
}

} // namespace dossier::features
