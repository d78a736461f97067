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

// Builds the snapshot's corpus-wide flag tables before a diagnostic asks for them. Built afresh,
// the numbers flag's table reads every passage of the folder again (3.5 s at 100 MB: the first
// diagnostic's wait); from then on each snapshot's table is updated from the last one built.
void warmFlagTables(const RequestContext& context);

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
