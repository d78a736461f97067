// Runs every rule family over one document and merges their findings.
#include "server/analysis/rules/document_findings.h"

#include "server/analysis/rules/line_keys.h"
#include "server/analysis/rules/outlet_citations.h"
#include "server/analysis/rules/phrase_rules.h"
#include "server/analysis/rules/profanity.h"
#include "server/analysis/rules/quotes.h"
#include "server/analysis/rules/repetition.h"
#include "server/data_files.h"

#include <algorithm>
#include <map>

namespace dossier::analysis::rules {

namespace {

constexpr std::string_view kProfanityFile = "rules/profanity.tsv";
constexpr std::string_view kAllowFile = "rules/profanity-allow.tsv";
constexpr std::string_view kQuoteCuesFile = "rules/quote-speech-cues.tsv";
constexpr std::string_view kOutletsFile = "rules/outlets.tsv";
// The entity gazetteer's outlet words ("Times", "Ledger"), read for the outlet citations.
constexpr std::string_view kOrgSuffixesFile = "entities/org_suffixes.tsv";

bool isDebris(const Finding& finding) {
  return finding.code.str().starts_with("debris/");
}

// Whether `next` follows `previous` across a comma alone ("..., speaking on condition ...").
bool adjacent(std::string_view text, Span previous, Span next) {
  constexpr Offset kMaxGap = 3;
  if (next.begin < previous.end || next.begin - previous.end > kMaxGap) return false;
  bool comma = false;
  for (Offset i = previous.end; i < next.begin; ++i) {
    if (text[i] != ',' && text[i] != ' ') return false;
    comma |= text[i] == ',';
  }
  return comma;
}

// One finding per code and place: of overlapping findings with one code the longest stays.
// Analytical findings inside a debris line are dropped: the line is not the writer's text.
std::vector<Finding> merge(std::string_view text, std::vector<Finding> findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.size() > b.span.size();
  });
  std::vector<Span> debris;
  for (const Finding& finding : findings)
    if (isDebris(finding)) debris.push_back(finding.span);
  std::map<std::string, std::size_t> lastOfCode; // index into `kept`
  std::vector<Finding> kept;
  for (Finding& finding : findings) {
    auto last = lastOfCode.find(finding.code);
    if (last != lastOfCode.end()) {
      Finding& previous = kept[last->second];
      if (previous.span.overlaps(finding.span)) continue;
      // Two cues of one code that touch, with only a comma or space between ("an official with
      // knowledge of the schedule, speaking on condition of anonymity") are one flag.
      if (adjacent(text, previous.span, finding.span)) {
        previous.span.end = std::max(previous.span.end, finding.span.end);
        continue;
      }
    }
    if (!isDebris(finding) &&
        std::any_of(debris.begin(), debris.end(), [&](Span d) { return d.overlaps(finding.span); }))
      continue;
    lastOfCode[finding.code] = kept.size();
    kept.push_back(std::move(finding));
  }
  return kept;
}

} // namespace

std::shared_ptr<const RuleSet> loadRuleSet(const KnowledgeOverrides& overrides,
                                           PhraseMatching matching) {
  auto rules = std::make_shared<RuleSet>();
  auto phrases = std::make_shared<PhraseRules>(matching);
  auto profanity = std::make_shared<ProfanityRules>();
  auto quotes = std::make_shared<QuoteRules>();
  auto extra = [&](std::string_view path) {
    std::string lines;
    for (const auto& [file, record] : overrides.extraRecords)
      if (file == path) lines += record + "\n";
    return lines;
  };
  auto contentsOf = [&](std::string_view path) {
    return std::string(data::file(path).value_or("")) + "\n" + extra(path);
  };
  // The outlet names come first: the phrase patterns use them as {outlet}.
  auto outlets = std::make_shared<OutletCitations>(
      OutletCitations::fromData(contentsOf(kOutletsFile), contentsOf(kOrgSuffixesFile)));
  phrases->define("{outlet}", outlets->outletPattern());
  for (std::string_view path : data::list("rules/")) {
    if (path == kOutletsFile) continue;
    std::string contents = contentsOf(path);
    if (path == kProfanityFile || path == kAllowFile) {
      data::forEachRecord(contents, [&](int, const std::vector<std::string_view>& fields) {
        if (path == kProfanityFile)
          profanity->addWord(fields[0]);
        else
          profanity->allow(fields[0]);
      });
    } else if (path == kQuoteCuesFile) {
      data::forEachRecord(contents, [&](int, const std::vector<std::string_view>& fields) {
        quotes->addRecord(fields);
      });
    } else {
      phrases->addFile(path, contents, rules->problems);
    }
  }
  phrases->compile(rules->problems);
  rules->phrases = std::move(phrases);
  rules->profanity = std::move(profanity);
  rules->quotes = std::move(quotes);
  rules->outlets = std::move(outlets);
  return rules;
}

DocumentFindings analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens,
                         const entities::DocumentEntities& entities, const RuleSet& rules) {
  DocumentFindings result;
  std::vector<Finding> findings;
  if (rules.phrases) rules.phrases->scan(text, structure, findings);
  if (rules.outlets) rules.outlets->filter(text, structure, tokens, findings);
  if (rules.profanity) rules.profanity->scan(text, findings);
  if (rules.quotes) rules.quotes->scan(text, structure, tokens, entities, findings);
  findRepetition(text, structure, tokens, findings);
  result.findings = merge(text, std::move(findings));
  result.lines = lineKeys(text, structure, tokens, result.findings);
  return result;
}

std::string renderMessage(std::string_view messageTemplate, std::string_view flagged) {
  constexpr std::size_t kMaxQuote = 70;
  std::string quote;
  for (char c : flagged)
    quote += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (quote.size() > kMaxQuote) {
    std::size_t cut = kMaxQuote;
    while (cut > 0 && (static_cast<unsigned char>(quote[cut]) & 0xC0) == 0x80)
      --cut; // UTF-8
    quote = quote.substr(0, cut) + "…";
  }
  std::string out(messageTemplate);
  if (auto at = out.find("{text}"); at != std::string::npos) out.replace(at, 6, quote);
  return out;
}

} // namespace dossier::analysis::rules
