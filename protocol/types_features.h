// LSP 3.17 language feature requests and window/workspace/client messages.
#pragma once

#include "protocol/types_basic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::protocol {

// ---- Navigation (types_features.cpp) ----

using HoverParams = TextDocumentPositionParams;
using DefinitionParams = TextDocumentPositionParams;
using DocumentHighlightParams = TextDocumentPositionParams;
using PrepareRenameParams = TextDocumentPositionParams;

struct Hover {
  MarkupContent contents;
  std::optional<Range> range;
};
nlohmann::json toJSON(const Hover&);
bool fromJSON(const nlohmann::json&, Hover&, const JsonPath&);

struct ReferenceContext {
  bool includeDeclaration = false;
};
struct ReferenceParams : TextDocumentPositionParams {
  ReferenceContext context;
};
nlohmann::json toJSON(const ReferenceParams&);
bool fromJSON(const nlohmann::json&, ReferenceParams&, const JsonPath&);

enum class DocumentHighlightKind { Text = 1, Read = 2, Write = 3 };
struct DocumentHighlight {
  Range range;
  std::optional<DocumentHighlightKind> kind;
};
nlohmann::json toJSON(const DocumentHighlight&);
bool fromJSON(const nlohmann::json&, DocumentHighlight&, const JsonPath&);

enum class SymbolKind {
  File = 1,
  Module,
  Namespace,
  Package,
  Class,
  Method,
  Property,
  Field,
  Constructor,
  Enum,
  Interface,
  Function,
  Variable,
  Constant,
  String,
  Number,
  Boolean,
  Array,
  Object,
  Key,
  Null,
  EnumMember,
  Struct,
  Event,
  Operator,
  TypeParameter // = 26
};
nlohmann::json toJSON(SymbolKind);
bool fromJSON(const nlohmann::json&, SymbolKind&, const JsonPath&);

enum class SymbolTag { Deprecated = 1 };
nlohmann::json toJSON(SymbolTag);
bool fromJSON(const nlohmann::json&, SymbolTag&, const JsonPath&);

struct DocumentSymbolParams {
  TextDocumentIdentifier textDocument;
};
nlohmann::json toJSON(const DocumentSymbolParams&);
bool fromJSON(const nlohmann::json&, DocumentSymbolParams&, const JsonPath&);

struct DocumentSymbol {
  std::string name;
  std::optional<std::string> detail;
  SymbolKind kind = SymbolKind::Null;
  std::vector<SymbolTag> tags;          // omitted when empty
  Range range;                          // the whole construct
  Range selectionRange;                 // the name, inside range
  std::vector<DocumentSymbol> children; // omitted when empty
};
nlohmann::json toJSON(const DocumentSymbol&);
bool fromJSON(const nlohmann::json&, DocumentSymbol&, const JsonPath&);

struct SymbolInformation {
  std::string name;
  SymbolKind kind = SymbolKind::Null;
  std::vector<SymbolTag> tags;
  std::optional<std::string> containerName;
  Location location;
};
nlohmann::json toJSON(const SymbolInformation&);
bool fromJSON(const nlohmann::json&, SymbolInformation&, const JsonPath&);

// location is Location, or just {uri} when the range is left to workspaceSymbol/resolve.
struct WorkspaceSymbol {
  std::string name;
  SymbolKind kind = SymbolKind::Null;
  std::vector<SymbolTag> tags;
  std::optional<std::string> containerName;
  std::string uri;
  std::optional<Range> range;
  nlohmann::json data; // omitted when null
};
nlohmann::json toJSON(const WorkspaceSymbol&);
bool fromJSON(const nlohmann::json&, WorkspaceSymbol&, const JsonPath&);

struct WorkspaceSymbolParams {
  std::string query;
};
nlohmann::json toJSON(const WorkspaceSymbolParams&);
bool fromJSON(const nlohmann::json&, WorkspaceSymbolParams&, const JsonPath&);

struct CodeLensParams {
  TextDocumentIdentifier textDocument;
};
nlohmann::json toJSON(const CodeLensParams&);
bool fromJSON(const nlohmann::json&, CodeLensParams&, const JsonPath&);

struct CodeLens {
  Range range;
  std::optional<Command> command; // absent until codeLens/resolve when resolving lazily
  nlohmann::json data;            // omitted when null
};
nlohmann::json toJSON(const CodeLens&);
bool fromJSON(const nlohmann::json&, CodeLens&, const JsonPath&);

struct FoldingRangeParams {
  TextDocumentIdentifier textDocument;
};
nlohmann::json toJSON(const FoldingRangeParams&);
bool fromJSON(const nlohmann::json&, FoldingRangeParams&, const JsonPath&);

struct FoldingRange {
  int startLine = 0;
  std::optional<int> startCharacter;
  int endLine = 0;
  std::optional<int> endCharacter;
  std::optional<std::string> kind; // "comment", "imports", "region"
  std::optional<std::string> collapsedText;
};
nlohmann::json toJSON(const FoldingRange&);
bool fromJSON(const nlohmann::json&, FoldingRange&, const JsonPath&);

// textDocument/semanticTokens/full (no range) and .../range (with range).
struct SemanticTokensParams {
  TextDocumentIdentifier textDocument;
  std::optional<Range> range;
};
nlohmann::json toJSON(const SemanticTokensParams&);
bool fromJSON(const nlohmann::json&, SemanticTokensParams&, const JsonPath&);

struct SemanticTokens {
  std::optional<std::string> resultId;
  std::vector<std::uint32_t> data; // 5 integers per token, relative encoding
};
nlohmann::json toJSON(const SemanticTokens&);
bool fromJSON(const nlohmann::json&, SemanticTokens&, const JsonPath&);

// ---- Editing (types_features_edit.cpp) ----

namespace CodeActionKind {
inline constexpr std::string_view QuickFix = "quickfix";
inline constexpr std::string_view Refactor = "refactor";
inline constexpr std::string_view RefactorExtract = "refactor.extract";
inline constexpr std::string_view RefactorInline = "refactor.inline";
inline constexpr std::string_view RefactorRewrite = "refactor.rewrite";
inline constexpr std::string_view Source = "source";
inline constexpr std::string_view SourceOrganizeImports = "source.organizeImports";
inline constexpr std::string_view SourceFixAll = "source.fixAll";
} // namespace CodeActionKind

struct CodeActionContext {
  std::vector<Diagnostic> diagnostics;
  std::optional<std::vector<std::string>> only; // kinds the client wants; absent = all
  std::optional<int> triggerKind;               // 1 invoked, 2 automatic
};
struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  CodeActionContext context;
};
nlohmann::json toJSON(const CodeActionParams&);
bool fromJSON(const nlohmann::json&, CodeActionParams&, const JsonPath&);

struct CodeAction {
  std::string title;
  std::optional<std::string> kind;
  std::vector<Diagnostic> diagnostics; // omitted when empty
  std::optional<bool> isPreferred;
  std::optional<std::string> disabledReason; // written as disabled: {reason}
  std::optional<WorkspaceEdit> edit;
  std::optional<Command> command;
  nlohmann::json data; // omitted when null
};
nlohmann::json toJSON(const CodeAction&);
bool fromJSON(const nlohmann::json&, CodeAction&, const JsonPath&);

enum class CompletionItemKind {
  Text = 1,
  Method,
  Function,
  Constructor,
  Field,
  Variable,
  Class,
  Interface,
  Module,
  Property,
  Unit,
  Value,
  Enum,
  Keyword,
  Snippet,
  Color,
  File,
  Reference,
  Folder,
  EnumMember,
  Constant,
  Struct,
  Event,
  Operator,
  TypeParameter // = 25
};
nlohmann::json toJSON(CompletionItemKind);
bool fromJSON(const nlohmann::json&, CompletionItemKind&, const JsonPath&);

enum class InsertTextFormat { PlainText = 1, Snippet = 2 };
nlohmann::json toJSON(InsertTextFormat);
bool fromJSON(const nlohmann::json&, InsertTextFormat&, const JsonPath&);

struct CompletionContext {
  int triggerKind = 1; // 1 invoked, 2 trigger character, 3 re-trigger for incomplete
  std::optional<std::string> triggerCharacter;
};
nlohmann::json toJSON(const CompletionContext&);
bool fromJSON(const nlohmann::json&, CompletionContext&, const JsonPath&);

struct CompletionParams : TextDocumentPositionParams {
  std::optional<CompletionContext> context;
};
nlohmann::json toJSON(const CompletionParams&);
bool fromJSON(const nlohmann::json&, CompletionParams&, const JsonPath&);

struct CompletionItem {
  std::string label;
  std::optional<CompletionItemKind> kind;
  std::optional<std::string> detail;
  std::optional<MarkupContent> documentation;
  std::optional<bool> preselect;
  std::optional<std::string> sortText;
  std::optional<std::string> filterText;
  std::optional<std::string> insertText;
  std::optional<InsertTextFormat> insertTextFormat;
  std::optional<TextEdit> textEdit;
  std::vector<TextEdit> additionalTextEdits; // omitted when empty
  std::vector<SymbolTag> tags;               // CompletionItemTag has the same single value
  nlohmann::json data;                       // omitted when null; returned on resolve
};
nlohmann::json toJSON(const CompletionItem&);
bool fromJSON(const nlohmann::json&, CompletionItem&, const JsonPath&);

struct CompletionList {
  bool isIncomplete = false;
  std::vector<CompletionItem> items;
};
nlohmann::json toJSON(const CompletionList&);
bool fromJSON(const nlohmann::json&, CompletionList&, const JsonPath&);

struct RenameParams : TextDocumentPositionParams {
  std::string newName;
};
nlohmann::json toJSON(const RenameParams&);
bool fromJSON(const nlohmann::json&, RenameParams&, const JsonPath&);

// The {range, placeholder} form of the prepareRename result.
struct PrepareRenameResult {
  Range range;
  std::string placeholder;
};
nlohmann::json toJSON(const PrepareRenameResult&);
bool fromJSON(const nlohmann::json&, PrepareRenameResult&, const JsonPath&);

// ---- Window, progress, registration, misc (types_window.cpp) ----

// Progress tokens and request ids are integer | string; they stay raw JSON.
struct WorkDoneProgressCreateParams {
  nlohmann::json token;
};
nlohmann::json toJSON(const WorkDoneProgressCreateParams&);
bool fromJSON(const nlohmann::json&, WorkDoneProgressCreateParams&, const JsonPath&);

struct WorkDoneProgressBegin {
  std::string title;
  std::optional<bool> cancellable;
  std::optional<std::string> message;
  std::optional<int> percentage; // 0..100
};
nlohmann::json toJSON(const WorkDoneProgressBegin&); // adds kind: "begin"

struct WorkDoneProgressReport {
  std::optional<bool> cancellable;
  std::optional<std::string> message;
  std::optional<int> percentage;
};
nlohmann::json toJSON(const WorkDoneProgressReport&); // adds kind: "report"

struct WorkDoneProgressEnd {
  std::optional<std::string> message;
};
nlohmann::json toJSON(const WorkDoneProgressEnd&); // adds kind: "end"

struct ProgressParams {
  nlohmann::json token;
  nlohmann::json value; // e.g. toJSON(WorkDoneProgressBegin{...})
};
nlohmann::json toJSON(const ProgressParams&);
bool fromJSON(const nlohmann::json&, ProgressParams&, const JsonPath&);

struct Registration {
  std::string id;
  std::string method;
  nlohmann::json registerOptions; // omitted when null
};
nlohmann::json toJSON(const Registration&);
bool fromJSON(const nlohmann::json&, Registration&, const JsonPath&);

struct RegistrationParams {
  std::vector<Registration> registrations;
};
nlohmann::json toJSON(const RegistrationParams&);
bool fromJSON(const nlohmann::json&, RegistrationParams&, const JsonPath&);

struct Unregistration {
  std::string id;
  std::string method;
};
nlohmann::json toJSON(const Unregistration&);
bool fromJSON(const nlohmann::json&, Unregistration&, const JsonPath&);

struct UnregistrationParams {
  std::vector<Unregistration> unregistrations; // spelled "unregisterations" on the wire
};
nlohmann::json toJSON(const UnregistrationParams&);
bool fromJSON(const nlohmann::json&, UnregistrationParams&, const JsonPath&);

// registerOptions for workspace/didChangeWatchedFiles.
struct FileSystemWatcher {
  std::string globPattern;
  std::optional<int> kind; // bit set: 1 create, 2 change, 4 delete; absent = all
};
nlohmann::json toJSON(const FileSystemWatcher&);
bool fromJSON(const nlohmann::json&, FileSystemWatcher&, const JsonPath&);
nlohmann::json watchedFilesRegistrationOptions(const std::vector<FileSystemWatcher>&);

enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4, Debug = 5 };
nlohmann::json toJSON(MessageType);
bool fromJSON(const nlohmann::json&, MessageType&, const JsonPath&);

struct LogMessageParams {
  MessageType type = MessageType::Log;
  std::string message;
};
nlohmann::json toJSON(const LogMessageParams&);
bool fromJSON(const nlohmann::json&, LogMessageParams&, const JsonPath&);

struct ShowMessageParams {
  MessageType type = MessageType::Info;
  std::string message;
};
nlohmann::json toJSON(const ShowMessageParams&);
bool fromJSON(const nlohmann::json&, ShowMessageParams&, const JsonPath&);

struct CancelParams {
  nlohmann::json id; // integer or string
};
nlohmann::json toJSON(const CancelParams&);
bool fromJSON(const nlohmann::json&, CancelParams&, const JsonPath&);

struct ConfigurationItem {
  std::optional<std::string> scopeUri;
  std::optional<std::string> section;
};
nlohmann::json toJSON(const ConfigurationItem&);
bool fromJSON(const nlohmann::json&, ConfigurationItem&, const JsonPath&);

struct ConfigurationParams {
  std::vector<ConfigurationItem> items;
};
nlohmann::json toJSON(const ConfigurationParams&);
bool fromJSON(const nlohmann::json&, ConfigurationParams&, const JsonPath&);

} // namespace dossier::protocol
