// What a feature handler gets for one request: the corpus snapshot it reads, the client's
// abilities, the negotiated position encoding, and its cancellation token; plus the conversions
// between the analysis layer's byte offsets and the protocol's positions, done here and nowhere
// else.
#pragma once

#include "protocol/jsonrpc.h"
#include "protocol/position.h"
#include "protocol/types_basic.h"
#include "protocol/types_lifecycle.h"
#include "server/corpus/snapshot.h"
#include "server/scheduler/cancellation.h"

#include <memory>
#include <string>

namespace dossier::lsp {

// Thrown by handlers to answer with a JSON-RPC error.
struct RequestError {
  protocol::ErrorCode code;
  std::string message;
};

struct RequestContext {
  std::shared_ptr<const corpus::Snapshot> snapshot;
  const protocol::ClientCapabilities* client = nullptr;
  protocol::PositionEncoding encoding = protocol::PositionEncoding::Utf16;
  scheduler::CancellationToken cancel;
  // Set by a handler that answers with JSON text it keeps across requests (a long references list
  // written once per snapshot) rather than a value to serialise each time; it then returns null.
  std::shared_ptr<const std::string> resultText;

  // The document a request names. Throws RequestError(InvalidParams) for a URI that is not a
  // file: URI, and returns null for a file the corpus does not hold.
  const corpus::Document* document(const std::string& uri) const;
  // Like document(), but a missing document is an InvalidParams error too.
  const corpus::Document& requireDocument(const std::string& uri) const;

  static std::string uriOf(const corpus::Document& doc);
  protocol::LineIndex lines(const corpus::Document& doc) const {
    return protocol::LineIndex(*doc.text);
  }
  // From the document's analysis: its table of lines (no LineIndex built, nothing allocated).
  protocol::Position position(const corpus::Document& doc, analysis::Offset offset) const;
  protocol::Range range(const corpus::Document& doc, analysis::Span span) const;
  protocol::Location location(const corpus::Document& doc, analysis::Span span) const {
    return {uriOf(doc), range(doc, span)};
  }
  protocol::Range range(const protocol::LineIndex& lines, analysis::Span span) const;
  analysis::Offset offset(const corpus::Document& doc, protocol::Position position) const;
};

} // namespace dossier::lsp

namespace dossier::lsp {

// Decodes a request's params into its protocol type, or throws InvalidParams naming the bad field.
template <class Params> Params parseParams(const nlohmann::json& json) {
  Params params;
  std::string error;
  if (!protocol::fromJSON(json, params, &error))
    throw RequestError{protocol::ErrorCode::InvalidParams,
                       error.empty() ? "invalid params" : error};
  return params;
}

} // namespace dossier::lsp
