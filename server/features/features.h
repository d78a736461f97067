// The LSP features: each a small file that translates a request's protocol types into calls on the
// analysis API and the answer back into protocol types. Bound to their methods in LspServer.
#pragma once

#include "protocol/types_basic.h"
#include "server/lsp/request_context.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace dossier::features {

using lsp::RequestContext;

// Works out, on a snapshot no request has asked about yet, what the first requests about its
// `limit` most widely mentioned entities would (their mentions and cards, and the references of
// the first `referencesLimit`), so that those answer at once. Those are the slow first requests:
// their cost grows with the entity's mentions. Entities already worked out on this snapshot cost a
// lookup, so a second call with a larger limit goes on where the first stopped. Stops early when
// `superseded` says a newer snapshot made the work useless. Returns the entities warmed.
std::size_t warmFrequentEntities(const RequestContext& context, std::size_t limit,
                                 std::size_t referencesLimit,
                                 const std::function<bool()>& superseded);

// Diagnostics of one document, shared by push (publishDiagnostics) and pull
// (textDocument/diagnostic).
std::vector<protocol::Diagnostic> diagnosticsFor(const RequestContext& context,
                                                 const corpus::Document& doc);
nlohmann::json documentDiagnostic(RequestContext& context, const nlohmann::json& params);
nlohmann::json workspaceDiagnostic(RequestContext& context, const nlohmann::json& params);
// Quick fixes for flags: remove a debris line, ignore a code in a file or a phrase everywhere.
nlohmann::json codeAction(RequestContext& context, const nlohmann::json& params);

nlohmann::json foldingRange(RequestContext& context, const nlohmann::json& params);
nlohmann::json documentSymbol(RequestContext& context, const nlohmann::json& params);

} // namespace dossier::features
