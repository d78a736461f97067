// LSP 3.17 document synchronisation, file watching, configuration and diagnostics messages.
#pragma once

#include "protocol/types_basic.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::protocol {

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};
nlohmann::json toJSON(const DidOpenTextDocumentParams&);
bool fromJSON(const nlohmann::json&, DidOpenTextDocumentParams&, const JsonPath&);

// Without a range the event replaces the whole document; with one it replaces that range
// (positions in the negotiated encoding, relative to the document after the previous events).
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::optional<int> rangeLength; // deprecated by LSP; kept for logging, never trust it
  std::string text;
};
nlohmann::json toJSON(const TextDocumentContentChangeEvent&);
bool fromJSON(const nlohmann::json&, TextDocumentContentChangeEvent&, const JsonPath&);

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges; // apply in order
};
nlohmann::json toJSON(const DidChangeTextDocumentParams&);
bool fromJSON(const nlohmann::json&, DidChangeTextDocumentParams&, const JsonPath&);

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};
nlohmann::json toJSON(const DidCloseTextDocumentParams&);
bool fromJSON(const nlohmann::json&, DidCloseTextDocumentParams&, const JsonPath&);

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text; // present when the server asked for includeText
};
nlohmann::json toJSON(const DidSaveTextDocumentParams&);
bool fromJSON(const nlohmann::json&, DidSaveTextDocumentParams&, const JsonPath&);

enum class FileChangeType { Created = 1, Changed = 2, Deleted = 3 };
nlohmann::json toJSON(FileChangeType);
bool fromJSON(const nlohmann::json&, FileChangeType&, const JsonPath&);

struct FileEvent {
  std::string uri;
  FileChangeType type = FileChangeType::Changed;
};
nlohmann::json toJSON(const FileEvent&);
bool fromJSON(const nlohmann::json&, FileEvent&, const JsonPath&);

struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};
nlohmann::json toJSON(const DidChangeWatchedFilesParams&);
bool fromJSON(const nlohmann::json&, DidChangeWatchedFilesParams&, const JsonPath&);

struct DidChangeConfigurationParams {
  nlohmann::json settings; // raw: its shape is the server's own configuration schema
};
nlohmann::json toJSON(const DidChangeConfigurationParams&);
bool fromJSON(const nlohmann::json&, DidChangeConfigurationParams&, const JsonPath&);

struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<int> version; // only send to clients with versionSupport
  std::vector<Diagnostic> diagnostics;
};
nlohmann::json toJSON(const PublishDiagnosticsParams&);
bool fromJSON(const nlohmann::json&, PublishDiagnosticsParams&, const JsonPath&);

// textDocument/diagnostic (pull model).
struct DocumentDiagnosticParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> identifier;
  std::optional<std::string> previousResultId;
};
nlohmann::json toJSON(const DocumentDiagnosticParams&);
bool fromJSON(const nlohmann::json&, DocumentDiagnosticParams&, const JsonPath&);

// A full report carries the items; an unchanged report only repeats the client's resultId.
// relatedDocuments is not modelled: Dossier reports each document on its own.
struct DocumentDiagnosticReport {
  enum class Kind { Full, Unchanged } kind = Kind::Full;
  std::optional<std::string> resultId; // required for Unchanged
  std::vector<Diagnostic> items;       // Full only
};
nlohmann::json toJSON(const DocumentDiagnosticReport&);
bool fromJSON(const nlohmann::json&, DocumentDiagnosticReport&, const JsonPath&);

struct PreviousResultId {
  std::string uri;
  std::string value;
};
nlohmann::json toJSON(const PreviousResultId&);
bool fromJSON(const nlohmann::json&, PreviousResultId&, const JsonPath&);

// workspace/diagnostic
struct WorkspaceDiagnosticParams {
  std::optional<std::string> identifier;
  std::vector<PreviousResultId> previousResultIds;
};
nlohmann::json toJSON(const WorkspaceDiagnosticParams&);
bool fromJSON(const nlohmann::json&, WorkspaceDiagnosticParams&, const JsonPath&);

struct WorkspaceDocumentDiagnosticReport {
  std::string uri;
  std::optional<int> version; // written as null when absent (the member is required)
  DocumentDiagnosticReport report;
};
nlohmann::json toJSON(const WorkspaceDocumentDiagnosticReport&);
bool fromJSON(const nlohmann::json&, WorkspaceDocumentDiagnosticReport&, const JsonPath&);

struct WorkspaceDiagnosticReport {
  std::vector<WorkspaceDocumentDiagnosticReport> items;
};
nlohmann::json toJSON(const WorkspaceDiagnosticReport&);
bool fromJSON(const nlohmann::json&, WorkspaceDiagnosticReport&, const JsonPath&);

} // namespace dossier::protocol
