#include "server/corpus/flags.h"

#include "server/corpus/glob.h"

namespace dossier::corpus {

std::string_view familyOf(std::string_view code) { return code.substr(0, code.find('/')); }

Severity defaultSeverity(std::string_view code) {
  std::string_view family = familyOf(code);
  if (family == "debris") return Severity::Hint;
  return Severity::Information;
}

namespace {

bool ignored(const WorkspaceConfig& config, const Document& doc, const Flag& flag) {
  std::string_view text = flag.span.in(*doc.text);
  for (const IgnoreRule& rule : config.ignores) {
    if (!rule.code.empty() && rule.code != flag.code && rule.code != familyOf(flag.code)) continue;
    if (!rule.file.empty() && rule.file != doc.relative && !globMatch(rule.file, doc.relative)) continue;
    if (!rule.text.empty() && rule.text != text) continue;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Flag> flagsFor(const Snapshot& snapshot, const Document& doc) {
  const WorkspaceConfig& config = *snapshot.config;
  std::vector<Flag> flags;
  for (const auto& finding : doc.analysis->findings.findings) {
    if (!config.enabled(finding.code)) continue;
    Flag flag;
    flag.span = finding.span;
    flag.code = finding.code;
    flag.message = finding.message;
    flag.severity = config.severityFor(finding.code, defaultSeverity(finding.code));
    flag.unnecessary = familyOf(finding.code) == "debris";
    if (ignored(config, doc, flag)) continue;
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace dossier::corpus
