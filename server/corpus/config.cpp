#include "server/corpus/config.h"

#include <nlohmann/json.hpp>

namespace dossier::corpus {
namespace {

using nlohmann::json;

bool codeCovers(std::string_view entry, std::string_view code) {
  return code == entry || (code.starts_with(entry) && code.size() > entry.size() &&
                           code[entry.size()] == '/');
}

std::vector<std::string> stringList(const json& value, std::string_view where,
                                    std::vector<std::string>& problems) {
  std::vector<std::string> out;
  if (!value.is_array()) {
    problems.push_back(std::string(where) + ": expected a list of strings");
    return out;
  }
  for (const auto& item : value) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else {
      problems.push_back(std::string(where) + ": ignoring an entry that is not a string");
    }
  }
  return out;
}

void readDiagnostics(const json& section, WorkspaceConfig& config) {
  auto& problems = config.problems;
  if (!section.is_object()) {
    problems.push_back("diagnostics: expected an object");
    return;
  }
  if (section.contains("disable"))
    config.disabled = stringList(section["disable"], "diagnostics.disable", problems);
  if (section.contains("severity")) {
    const json& severity = section["severity"];
    if (!severity.is_object()) {
      problems.push_back("diagnostics.severity: expected an object");
    } else {
      for (const auto& [code, level] : severity.items()) {
        auto parsed = level.is_string() ? parseSeverity(level.get<std::string>()) : std::nullopt;
        if (parsed) {
          config.severities.emplace_back(code, *parsed);
        } else {
          problems.push_back("diagnostics.severity." + code +
                             ": expected one of error, warning, information, hint");
        }
      }
    }
  }
  if (section.contains("ignore")) {
    const json& ignores = section["ignore"];
    if (!ignores.is_array()) {
      problems.push_back("diagnostics.ignore: expected a list");
    } else {
      for (const auto& item : ignores) {
        if (!item.is_object()) {
          problems.push_back("diagnostics.ignore: ignoring an entry that is not an object");
          continue;
        }
        IgnoreRule rule;
        rule.code = item.value("code", "");
        rule.file = item.value("file", "");
        rule.text = item.value("text", "");
        config.ignores.push_back(std::move(rule));
      }
    }
  }
}

void readEntities(const json& section, WorkspaceConfig& config) {
  auto& problems = config.problems;
  if (!section.is_object()) {
    problems.push_back("entities: expected an object");
    return;
  }
  auto readGroups = [&](const char* name, std::vector<std::vector<std::string>>& out) {
    if (!section.contains(name)) return;
    const json& groups = section[name];
    if (!groups.is_array()) {
      problems.push_back(std::string("entities.") + name + ": expected a list of lists");
      return;
    }
    for (const auto& group : groups) {
      auto names = stringList(group, std::string("entities.") + name, problems);
      if (names.size() >= 2) out.push_back(std::move(names));
    }
  };
  readGroups("aliases", config.aliasGroups);
  readGroups("separate", config.separateGroups);
  if (section.contains("ignore"))
    config.ignoredSurfaces = stringList(section["ignore"], "entities.ignore", problems);
}

void readLexicon(const json& section, WorkspaceConfig& config) {
  if (!section.is_object()) {
    config.problems.push_back("lexicon: expected an object of data-file names to lists of lines");
    return;
  }
  for (const auto& [file, lines] : section.items()) {
    for (const auto& line : stringList(lines, "lexicon." + file, config.problems))
      config.lexicon.extraRecords.emplace_back(file, line);
  }
}

}  // namespace

std::optional<Severity> parseSeverity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "information" || name == "info") return Severity::Information;
  if (name == "hint") return Severity::Hint;
  return std::nullopt;
}

bool WorkspaceConfig::enabled(std::string_view code) const {
  for (const auto& entry : disabled)
    if (codeCovers(entry, code)) return false;
  return true;
}

Severity WorkspaceConfig::severityFor(std::string_view code, Severity fallback) const {
  std::size_t bestLength = 0;
  Severity best = fallback;
  for (const auto& [entry, severity] : severities) {
    if (codeCovers(entry, code) && entry.size() >= bestLength) {
      bestLength = entry.size();
      best = severity;
    }
  }
  return best;
}

WorkspaceConfig parseConfig(std::string_view contents) {
  WorkspaceConfig config;
  json root = json::parse(contents, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (root.is_discarded()) {
    config.problems.push_back(std::string(kConfigFileName) + " is not valid JSON; using defaults");
    return config;
  }
  if (!root.is_object()) {
    config.problems.push_back(std::string(kConfigFileName) + " must hold a JSON object");
    return config;
  }
  if (root.contains("include")) {
    auto include = stringList(root["include"], "include", config.problems);
    if (!include.empty()) config.include = std::move(include);
  }
  if (root.contains("exclude")) config.exclude = stringList(root["exclude"], "exclude", config.problems);
  if (root.contains("diagnostics")) readDiagnostics(root["diagnostics"], config);
  if (root.contains("entities")) readEntities(root["entities"], config);
  if (root.contains("lexicon")) readLexicon(root["lexicon"], config);
  for (const auto& [key, value] : root.items()) {
    (void)value;
    if (key != "include" && key != "exclude" && key != "diagnostics" && key != "entities" &&
        key != "lexicon" && key != "$schema")
      config.problems.push_back("unknown setting \"" + key + "\" (ignored)");
  }
  return config;
}

}  // namespace dossier::corpus
