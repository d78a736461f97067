// LSP 3.17 basic structures shared by many requests: locations, identifiers, edits, diagnostics.
//
// Every type T has `nlohmann::json toJSON(const T&)` and
// `bool fromJSON(const nlohmann::json&, T&, const JsonPath&)`; decode whole params with
// `fromJSON(json, value, &error)` from json_io.h. URIs are kept as the client's strings (convert
// with uri.h) and positions as protocol::Position numbers in the negotiated encoding.
#pragma once

#include "protocol/json_io.h"
#include "protocol/position.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dossier::protocol {

nlohmann::json toJSON(const Position&);
bool fromJSON(const nlohmann::json&, Position&, const JsonPath&);
nlohmann::json toJSON(const Range&);
bool fromJSON(const nlohmann::json&, Range&, const JsonPath&);

struct Location {
  std::string uri;
  Range range;
  friend bool operator==(const Location&, const Location&) = default;
};
nlohmann::json toJSON(const Location&);
bool fromJSON(const nlohmann::json&, Location&, const JsonPath&);

struct TextDocumentIdentifier {
  std::string uri;
};
nlohmann::json toJSON(const TextDocumentIdentifier&);
bool fromJSON(const nlohmann::json&, TextDocumentIdentifier&, const JsonPath&);

struct VersionedTextDocumentIdentifier {
  std::string uri;
  int version = 0;
};
nlohmann::json toJSON(const VersionedTextDocumentIdentifier&);
bool fromJSON(const nlohmann::json&, VersionedTextDocumentIdentifier&, const JsonPath&);

// Used by TextDocumentEdit: version null means "whatever the client has".
struct OptionalVersionedTextDocumentIdentifier {
  std::string uri;
  std::optional<int> version;
};
nlohmann::json toJSON(const OptionalVersionedTextDocumentIdentifier&); // writes version: null
bool fromJSON(const nlohmann::json&, OptionalVersionedTextDocumentIdentifier&, const JsonPath&);

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int version = 0;
  std::string text;
};
nlohmann::json toJSON(const TextDocumentItem&);
bool fromJSON(const nlohmann::json&, TextDocumentItem&, const JsonPath&);

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};
nlohmann::json toJSON(const TextDocumentPositionParams&);
bool fromJSON(const nlohmann::json&, TextDocumentPositionParams&, const JsonPath&);

struct TextEdit {
  Range range;
  std::string newText;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};
nlohmann::json toJSON(const TextEdit&);
bool fromJSON(const nlohmann::json&, TextEdit&, const JsonPath&);

struct TextDocumentEdit {
  OptionalVersionedTextDocumentIdentifier textDocument;
  std::vector<TextEdit> edits;
};
nlohmann::json toJSON(const TextDocumentEdit&);
bool fromJSON(const nlohmann::json&, TextDocumentEdit&, const JsonPath&);

// Either form may be used; documentChanges (with versions) is preferred by clients that support
// it because edits to a changed document are then rejected instead of misapplied.
// File create/rename/delete operations are not modelled: Dossier never needs them.
struct WorkspaceEdit {
  std::optional<std::map<std::string, std::vector<TextEdit>>> changes; // uri -> edits
  std::optional<std::vector<TextDocumentEdit>> documentChanges;
};
nlohmann::json toJSON(const WorkspaceEdit&);
bool fromJSON(const nlohmann::json&, WorkspaceEdit&, const JsonPath&);

enum class MarkupKind { PlainText, Markdown };
nlohmann::json toJSON(MarkupKind); // "plaintext" / "markdown"
bool fromJSON(const nlohmann::json&, MarkupKind&, const JsonPath&);

struct MarkupContent {
  MarkupKind kind = MarkupKind::PlainText;
  std::string value;
};
nlohmann::json toJSON(const MarkupContent&);
bool fromJSON(const nlohmann::json&, MarkupContent&, const JsonPath&);

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 };
nlohmann::json toJSON(DiagnosticSeverity);
bool fromJSON(const nlohmann::json&, DiagnosticSeverity&, const JsonPath&);

enum class DiagnosticTag { Unnecessary = 1, Deprecated = 2 };
nlohmann::json toJSON(DiagnosticTag);
bool fromJSON(const nlohmann::json&, DiagnosticTag&, const JsonPath&);

struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
};
nlohmann::json toJSON(const DiagnosticRelatedInformation&);
bool fromJSON(const nlohmann::json&, DiagnosticRelatedInformation&, const JsonPath&);

struct CodeDescription {
  std::string href;
};
nlohmann::json toJSON(const CodeDescription&);
bool fromJSON(const nlohmann::json&, CodeDescription&, const JsonPath&);

struct Diagnostic {
  Range range;
  std::optional<DiagnosticSeverity> severity;
  // LSP allows integer | string; Dossier's codes are strings, and an integer code from elsewhere
  // is kept as its decimal spelling.
  std::optional<std::string> code;
  std::optional<CodeDescription> codeDescription;
  std::optional<std::string> source;
  std::string message;
  std::vector<DiagnosticTag> tags;                              // omitted when empty
  std::vector<DiagnosticRelatedInformation> relatedInformation; // omitted when empty
  nlohmann::json data;                                          // omitted when null
};
nlohmann::json toJSON(const Diagnostic&);
bool fromJSON(const nlohmann::json&, Diagnostic&, const JsonPath&);

struct Command {
  std::string title;
  std::string command;
  std::vector<nlohmann::json> arguments; // omitted when empty
};
nlohmann::json toJSON(const Command&);
bool fromJSON(const nlohmann::json&, Command&, const JsonPath&);

} // namespace dossier::protocol
