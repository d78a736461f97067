// Quick fixes for the analytical flags: "Remove this line" for scraping debris, "Change to <usual
// spelling>" for an inconsistent name, and "Ignore <code> in this file" / "Ignore this phrase
// everywhere" for every flag. Ignoring edits the workspace's dossier.json through a WorkspaceEdit
// (creating the file when missing), so every suppression is a reviewable change the user accepts;
// the server itself never writes a file.
#include "protocol/types_features.h"
#include "protocol/uri.h"
#include "server/corpus/flags.h"
#include "server/features/features.h"

#include <fstream>
#include <optional>
#include <sstream>

namespace dossier::features {

namespace {

// The workspace root that holds `doc` (the longest matching one), or nullopt.
std::optional<std::string> rootOf(const corpus::Snapshot& snapshot, const corpus::Document& doc) {
  std::optional<std::string> best;
  for (const std::string& root : snapshot.roots) {
    std::string prefix = root.ends_with('/') ? root : root + "/";
    if (doc.path.starts_with(prefix) && (!best || root.size() > best->size())) best = root;
  }
  return best;
}

struct ConfigFile {
  std::string path;
  std::optional<std::string> contents; // nullopt: the file does not exist yet
};

// The config file as it is on disk now; reading it is the only IO here.
ConfigFile readConfig(const std::string& root) {
  ConfigFile file{root + "/" + std::string(corpus::kConfigFileName), std::nullopt};
  std::ifstream in(file.path, std::ios::binary);
  if (in) {
    std::stringstream buffer;
    buffer << in.rdbuf();
    file.contents = buffer.str();
  }
  return file;
}

// The config with one more ignore rule, or nullopt when the file is not JSON we can safely rewrite
// (rewriting it would lose the user's text) or already holds the rule.
std::optional<std::string> withIgnore(const ConfigFile& file, const nlohmann::json& rule) {
  nlohmann::json config = nlohmann::json::object();
  if (file.contents) {
    config = nlohmann::json::parse(*file.contents, nullptr, /*allow_exceptions=*/false,
                                   /*ignore_comments=*/true);
    if (!config.is_object()) return std::nullopt;
  }
  nlohmann::json& ignores = config["diagnostics"]["ignore"];
  if (!ignores.is_array()) ignores = nlohmann::json::array();
  for (const auto& existing : ignores)
    if (existing == rule) return std::nullopt;
  ignores.push_back(rule);
  return config.dump(2) + "\n";
}

// A WorkspaceEdit that replaces the config's whole content, or creates the file with it.
nlohmann::json configEdit(const RequestContext& context, const ConfigFile& file,
                          const std::string& newText) {
  std::string uri = protocol::pathToUri(file.path);
  if (!file.contents) {
    return {{"documentChanges",
             {{{"kind", "create"}, {"uri", uri}, {"options", {{"ignoreIfExists", true}}}},
              {{"textDocument", {{"uri", uri}, {"version", nullptr}}},
               {"edits", {protocol::toJSON(protocol::TextEdit{{{0, 0}, {0, 0}}, newText})}}}}}};
  }
  protocol::LineIndex lines(*file.contents);
  protocol::Range whole = lines.toRange(0, file.contents->size(), context.encoding);
  return {{"changes", {{uri, {protocol::toJSON(protocol::TextEdit{whole, newText})}}}}};
}

// The edit deleting the line that holds `span`, with its line break.
protocol::WorkspaceEdit removeLine(const RequestContext& context, const corpus::Document& doc,
                                   analysis::Span span) {
  const auto& lines = doc.analysis->structure.lines;
  int index = analysis::findContaining(lines, span.begin);
  analysis::Offset begin = index >= 0 ? lines[static_cast<std::size_t>(index)].begin : span.begin;
  analysis::Offset end = index >= 0 && static_cast<std::size_t>(index) + 1 < lines.size()
                             ? lines[static_cast<std::size_t>(index) + 1].begin
                             : static_cast<analysis::Offset>(doc.text->size());
  protocol::WorkspaceEdit edit;
  edit.changes.emplace();
  (*edit.changes)[RequestContext::uriOf(doc)].push_back({context.range(doc, {begin, end}), ""});
  return edit;
}

// For an inconsistent name: the edit writing it the corpus's usual way, and that spelling.
std::optional<std::pair<protocol::WorkspaceEdit, std::string>>
normaliseName(const RequestContext& context, const corpus::Document& doc,
              const corpus::Flag& flag) {
  if (flag.code != "names/inconsistent" || flag.related.empty()) return std::nullopt;
  const corpus::RelatedSpan& usual = flag.related.front();
  const corpus::Document* other = context.snapshot->document(usual.doc);
  if (!other) return std::nullopt;
  std::string spelling(usual.span.in(*other->text));
  protocol::WorkspaceEdit edit;
  edit.changes.emplace();
  (*edit.changes)[RequestContext::uriOf(doc)].push_back({context.range(doc, flag.span), spelling});
  return std::make_pair(std::move(edit), std::move(spelling));
}

protocol::CodeAction quickFix(std::string title,
                              const std::vector<protocol::Diagnostic>& diagnostics) {
  protocol::CodeAction action;
  action.title = std::move(title);
  action.kind = std::string(protocol::CodeActionKind::QuickFix);
  action.diagnostics = diagnostics;
  return action;
}

} // namespace

nlohmann::json codeAction(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::CodeActionParams>(json);
  nlohmann::json actions = nlohmann::json::array();
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return actions;
  analysis::Offset begin = context.offset(*doc, params.range.start);
  analysis::Offset end = context.offset(*doc, params.range.end);
  std::optional<std::string> root = rootOf(*context.snapshot, *doc);
  std::optional<ConfigFile> config;
  for (const corpus::Flag& flag : corpus::flagsFor(*context.snapshot, *doc)) {
    if (flag.span.end < begin || flag.span.begin > end) continue;
    std::vector<protocol::Diagnostic> diagnostics;
    for (const auto& diagnostic : params.context.diagnostics)
      if (diagnostic.code == flag.code) diagnostics.push_back(diagnostic);
    if (flag.unnecessary) {
      auto action = quickFix("Remove this line", diagnostics);
      action.edit = removeLine(context, *doc, flag.span);
      action.isPreferred = true;
      actions.push_back(protocol::toJSON(action));
    }
    if (auto normalise = normaliseName(context, *doc, flag)) {
      auto action = quickFix("Change to \"" + normalise->second + "\"", diagnostics);
      action.edit = std::move(normalise->first);
      actions.push_back(protocol::toJSON(action));
    }
    if (!root) continue;
    if (!config) config = readConfig(*root);
    std::string text(flag.span.in(*doc->text));
    const std::pair<std::string, nlohmann::json> ignores[] = {
        {"Ignore " + flag.code + " in this file", {{"code", flag.code}, {"file", doc->relative}}},
        {"Ignore this phrase everywhere", {{"code", flag.code}, {"text", text}}}};
    for (const auto& [title, rule] : ignores) {
      auto newText = withIgnore(*config, rule);
      if (!newText) continue;
      nlohmann::json action = protocol::toJSON(quickFix(title, diagnostics));
      action["edit"] = configEdit(context, *config, *newText);
      actions.push_back(std::move(action));
    }
  }
  return actions;
}

} // namespace dossier::features
