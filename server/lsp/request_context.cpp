#include "server/lsp/request_context.h"

#include "protocol/uri.h"

#include <filesystem>

namespace dossier::lsp {

const corpus::Document* RequestContext::document(const std::string& uri) const {
  auto path = protocol::uriToPath(uri);
  if (!path)
    throw RequestError{protocol::ErrorCode::InvalidParams,
                       "not a file: URI (Dossier works on files in the workspace): " + uri};
  return snapshot->documentAt(std::filesystem::path(*path).lexically_normal().generic_string());
}

const corpus::Document& RequestContext::requireDocument(const std::string& uri) const {
  const corpus::Document* doc = document(uri);
  if (!doc) throw RequestError{protocol::ErrorCode::InvalidParams, "unknown document: " + uri};
  return *doc;
}

std::string RequestContext::uriOf(const corpus::Document& doc) { return protocol::pathToUri(doc.path); }

protocol::Range RequestContext::range(const corpus::Document& doc, analysis::Span span) const {
  return range(lines(doc), span);
}

protocol::Range RequestContext::range(const protocol::LineIndex& lines, analysis::Span span) const {
  return lines.toRange(span.begin, span.end, encoding);
}

analysis::Offset RequestContext::offset(const corpus::Document& doc, protocol::Position position) const {
  return static_cast<analysis::Offset>(lines(doc).toOffset(position, encoding));
}

}  // namespace dossier::lsp
