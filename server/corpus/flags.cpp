#include "server/corpus/flags.h"

#include "server/corpus/flags_ambiguous.h"
#include "server/corpus/flags_misspelt.h"
#include "server/corpus/flags_names.h"
#include "server/corpus/flags_numbers.h"
#include "server/corpus/glob.h"

#include <algorithm>

namespace dossier::corpus {

std::string_view familyOf(std::string_view code) {
  return code.substr(0, code.find('/'));
}

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
    if (!rule.file.empty() && rule.file != doc.relative && !globMatch(rule.file, doc.relative))
      continue;
    if (!rule.text.empty() && rule.text != text) continue;
    return true;
  }
  return false;
}

// A line that recurs in this many documents is site boilerplate, whatever its words.
constexpr std::uint32_t kBoilerplateDocuments = 3;
// No rule says what an unrecognised repeated line is; footers are mostly links and site notices.
constexpr std::string_view kBoilerplateCode = "debris/navigation";

// Findings of the corpus-wide line index: a line the per-document rules flagged as debris gets the
// count in its message; an unflagged repeated line becomes a debris finding of its own.
std::vector<analysis::rules::Finding> withBoilerplate(const Snapshot& snapshot,
                                                      const Document& doc) {
  const auto& own = doc.analysis->findings;
  std::vector<analysis::rules::Finding> findings = own.findings;
  bool added = false;
  for (const auto& line : own.lines) {
    std::uint32_t documents = snapshot.index->lines.documentsWith(line.hash);
    if (documents < kBoilerplateDocuments) continue;
    std::string count = "same line in " + std::to_string(documents) + " documents";
    if (line.flagged) {
      for (auto& finding : findings)
        if (finding.code.str().starts_with("debris/") && finding.span.overlaps(line.span) &&
            finding.message.find("same line in") == std::string::npos)
          finding.message.insert(std::min(finding.message.find(':'), finding.message.size()),
                                 " (" + count + ")");
      continue;
    }
    findings.push_back(
        {line.span, std::string(kBoilerplateCode),
         analysis::rules::renderMessage("Site boilerplate (" + count + "): \"{text}\".",
                                        line.span.in(*doc.text))});
    added = true;
  }
  if (added)
    std::stable_sort(findings.begin(), findings.end(),
                     [](const auto& a, const auto& b) { return a.span.begin < b.span.begin; });
  return findings;
}

} // namespace

std::vector<Flag> flagsFor(const Snapshot& snapshot, const Document& doc) {
  const WorkspaceConfig& config = *snapshot.config;
  std::vector<Flag> flags;
  for (const auto& finding : withBoilerplate(snapshot, doc)) {
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
  // Corpus-wide flags, each with the place elsewhere in the corpus that it disagrees with.
  auto insert = [&](analysis::rules::Finding finding, RelatedSpan related) {
    Flag flag;
    flag.span = finding.span;
    flag.code = std::move(finding.code);
    flag.message = std::move(finding.message);
    flag.severity = config.severityFor(flag.code, defaultSeverity(flag.code));
    flag.related.push_back(std::move(related));
    if (ignored(config, doc, flag)) return;
    auto at = std::upper_bound(
        flags.begin(), flags.end(), flag.span.begin,
        [](analysis::Offset offset, const Flag& f) { return offset < f.span.begin; });
    flags.insert(at, std::move(flag));
  };
  if (config.enabled("names/inconsistent")) {
    auto names = inconsistentNames(snapshot, doc);
    for (auto& misspelt : misspeltNames(snapshot, doc))
      if (std::none_of(names.begin(), names.end(), [&](const NameFinding& n) {
            return n.finding.span.overlaps(misspelt.finding.span);
          }))
        names.push_back(std::move(misspelt));
    for (auto& name : names)
      insert(std::move(name.finding),
             {name.relatedDoc, name.relatedSpan, std::move(name.relatedMessage)});
  }
  if (config.enabled("names/ambiguous"))
    for (auto& name : ambiguousNames(snapshot, doc))
      insert(std::move(name.finding),
             {name.relatedDoc, name.relatedSpan, std::move(name.relatedMessage)});
  if (config.enabled("numbers/disagree"))
    for (auto& number : disagreeingNumbers(snapshot, doc))
      insert(std::move(number.finding),
             {number.relatedDoc, number.relatedSpan, std::move(number.relatedMessage)});
  return flags;
}

} // namespace dossier::corpus
