// LSP 3.17 lifecycle: initialize params (reduced to what the server acts on), server
// capabilities, initialize result.
#pragma once

#include "protocol/json_io.h"
#include "protocol/position.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::protocol {

// The client capabilities Dossier changes its behaviour for, flattened from the nested LSP
// structure. Everything else the client sends is ignored. Decoding is lenient here: a capability
// of an unexpected shape reads as "not supported" instead of failing initialize, because clients
// disagree on the details and refusing to start is the worst outcome.
struct ClientCapabilities {
  std::vector<std::string> positionEncodings; // general.positionEncodings, in preference order
  bool hoverMarkdown = false;                 // textDocument.hover.contentFormat has "markdown"
  bool workDoneProgress = false;              // window.workDoneProgress
  bool showDocument = false;                  // window.showDocument.support
  bool watchedFilesDynamicRegistration =
      false;                                 // workspace.didChangeWatchedFiles.dynamicRegistration
  bool workspaceConfiguration = false;       // workspace.configuration
  bool workspaceFolders = false;             // workspace.workspaceFolders
  bool applyEdit = false;                    // workspace.applyEdit
  bool diagnosticRelatedInformation = false; // textDocument.publishDiagnostics.relatedInformation
  bool diagnosticVersionSupport = false;     // textDocument.publishDiagnostics.versionSupport
  bool diagnosticTagSupport = false;         // textDocument.publishDiagnostics.tagSupport present
  bool codeActionLiteralSupport = false;     // textDocument.codeAction.codeActionLiteralSupport
  bool semanticTokens = false;               // textDocument.semanticTokens present
  bool semanticTokensRefresh = false;        // workspace.semanticTokens.refreshSupport
  bool diagnosticPull = false;               // textDocument.diagnostic present
  bool diagnosticRefresh = false;            // workspace.diagnostics.refreshSupport
  bool completionSnippets = false;          // textDocument.completion.completionItem.snippetSupport
  bool renamePrepareSupport = false;        // textDocument.rename.prepareSupport
  bool hierarchicalDocumentSymbols = false; // ...documentSymbol.hierarchicalDocumentSymbolSupport
};
nlohmann::json toJSON(const ClientCapabilities&); // the nested LSP shape, for tests and clients
bool fromJSON(const nlohmann::json&, ClientCapabilities&, const JsonPath&);

struct WorkspaceFolder {
  std::string uri;
  std::string name;
};
nlohmann::json toJSON(const WorkspaceFolder&);
bool fromJSON(const nlohmann::json&, WorkspaceFolder&, const JsonPath&);

struct ClientInfo {
  std::string name;
  std::optional<std::string> version;
};
nlohmann::json toJSON(const ClientInfo&);
bool fromJSON(const nlohmann::json&, ClientInfo&, const JsonPath&);

struct InitializeParams {
  std::optional<int> processId; // null when the client is not a process the server can watch
  std::optional<std::string> rootUri;
  std::optional<std::string> rootPath; // deprecated, used when rootUri is absent
  std::optional<std::vector<WorkspaceFolder>> workspaceFolders;
  nlohmann::json initializationOptions; // raw; null when absent
  ClientCapabilities capabilities;
  std::optional<ClientInfo> clientInfo;
  std::optional<std::string> locale;
};
nlohmann::json toJSON(const InitializeParams&);
bool fromJSON(const nlohmann::json&, InitializeParams&, const JsonPath&);

enum class TextDocumentSyncKind { None = 0, Full = 1, Incremental = 2 };

// Builder for the ServerCapabilities object. Kept as JSON rather than a struct with dozens of
// optionals: the server only ever writes it, once.
class ServerCapabilities {
public:
  ServerCapabilities& positionEncoding(PositionEncoding);
  // openClose notifications, change kind, and save notifications (with or without text).
  ServerCapabilities& textDocumentSync(TextDocumentSyncKind change, bool save = true,
                                       bool saveIncludesText = false);
  ServerCapabilities& hover();
  ServerCapabilities& definition();
  ServerCapabilities& references();
  ServerCapabilities& documentHighlight();
  ServerCapabilities& documentSymbol();
  ServerCapabilities& workspaceSymbol(bool resolve = false);
  ServerCapabilities& codeAction(std::vector<std::string> kinds, bool resolve = false);
  ServerCapabilities& codeLens(bool resolve = false);
  ServerCapabilities& foldingRange();
  ServerCapabilities& rename(bool prepare);
  ServerCapabilities& completion(std::vector<std::string> triggerCharacters, bool resolve = false);
  ServerCapabilities& semanticTokens(std::vector<std::string> tokenTypes,
                                     std::vector<std::string> tokenModifiers, bool range = true);
  ServerCapabilities& diagnostics(std::string identifier, bool interFileDependencies,
                                  bool workspaceDiagnostics);
  ServerCapabilities& workspaceFolders(bool supported, bool changeNotifications);
  ServerCapabilities& executeCommand(std::vector<std::string> commands);
  // Escape hatch for anything not covered above: sets capabilities[key] = value.
  ServerCapabilities& set(const std::string& key, nlohmann::json value);

  const nlohmann::json& json() const { return json_; }

private:
  nlohmann::json json_ = nlohmann::json::object();
};
nlohmann::json toJSON(const ServerCapabilities&);

struct ServerInfo {
  std::string name;
  std::optional<std::string> version;
};
nlohmann::json toJSON(const ServerInfo&);
bool fromJSON(const nlohmann::json&, ServerInfo&, const JsonPath&);

struct InitializeResult {
  ServerCapabilities capabilities;
  std::optional<ServerInfo> serverInfo;
};
nlohmann::json toJSON(const InitializeResult&);

} // namespace dossier::protocol
