#include "server/lsp/request_context.h"

#include "protocol/uri.h"
#include "server/analysis/document.h"

#include <algorithm>
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

std::string RequestContext::uriOf(const corpus::Document& doc) {
  return protocol::pathToUri(doc.path);
}

protocol::Position RequestContext::position(const corpus::Document& doc,
                                            analysis::Offset offset) const {
  std::string_view text = *doc.text;
  const std::vector<analysis::Span>& spans = doc.analysis->structure.lines;
  // The analysis splits lines as LSP does (\n, \r\n, a lone \r); a table that does not cover the
  // text (a document not analysed) falls back to indexing the text.
  if (spans.empty() || spans.front().begin != 0 || spans.back().end != text.size())
    return lines(doc).toPosition(offset, encoding);
  offset = std::min<analysis::Offset>(offset, static_cast<analysis::Offset>(text.size()));
  auto after =
      std::upper_bound(spans.begin(), spans.end(), offset,
                       [](analysis::Offset o, analysis::Span line) { return o < line.begin; });
  auto line = static_cast<std::size_t>(after - spans.begin()) - 1;
  return protocol::positionOnLine(text, line, spans[line].begin, spans[line].end, offset, encoding);
}

protocol::Range RequestContext::range(const corpus::Document& doc, analysis::Span span) const {
  return {position(doc, span.begin), position(doc, span.end)};
}

protocol::Range RequestContext::range(const protocol::LineIndex& lines, analysis::Span span) const {
  return lines.toRange(span.begin, span.end, encoding);
}

analysis::Offset RequestContext::offset(const corpus::Document& doc,
                                        protocol::Position position) const {
  return static_cast<analysis::Offset>(lines(doc).toOffset(position, encoding));
}

} // namespace dossier::lsp
