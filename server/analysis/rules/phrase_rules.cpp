#include "server/analysis/rules/phrase_rules.h"

#include "server/data_files.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace dossier::analysis::rules {

namespace {

constexpr std::int64_t kPatternMemoryBudget = 64 << 20;

bool isWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Whether the pattern's first character, past any opening groups ("(?:", "(?-i:"), is a plain
// word character: then it must not start inside a word ("an" in "European").
bool startsWithWord(std::string_view pattern) {
  for (;;) {
    if (pattern.starts_with("(?:"))
      pattern.remove_prefix(3);
    else if (pattern.starts_with("(?-i:") || pattern.starts_with("(?i:"))
      pattern.remove_prefix(pattern.find(':') + 1);
    else if (pattern.starts_with("(") && !pattern.starts_with("(?"))
      pattern.remove_prefix(1);
    else
      break;
  }
  return !pattern.empty() && isWordByte(pattern.front());
}

// "\bpattern\b", with each \b only where the pattern's end is a plain word character.
std::string withBoundaries(std::string_view pattern, bool cased) {
  std::string out = cased ? "" : "(?i)";
  if (startsWithWord(pattern)) out += "\\b";
  out += "(?:";
  out += pattern;
  out += ")";
  bool escapedEnd = pattern.size() >= 2 && pattern[pattern.size() - 2] == '\\';
  if (!pattern.empty() && isWordByte(pattern.back()) && !escapedEnd) out += "\\b";
  return out;
}

RE2::Options setOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  // The sets hold a couple of hundred case-insensitive patterns; with RE2's default 8 MB budget the
  // DFA cache fills and is flushed and rebuilt over and over while scanning a corpus, which made
  // the scan the single largest cost of indexing. A larger budget lets the states, once built,
  // stay.
  options.set_max_mem(kPatternMemoryBudget);
  return options;
}

Span trimmed(std::string_view text, Span span) {
  while (span.begin < span.end && std::isspace(static_cast<unsigned char>(text[span.begin])))
    ++span.begin;
  while (span.end > span.begin && std::isspace(static_cast<unsigned char>(text[span.end - 1])))
    --span.end;
  return span;
}

} // namespace

void PhraseRules::addFile(std::string_view name, std::string_view contents,
                          std::vector<std::string>& problems) {
  data::forEachRecord(contents, [&](int line, const std::vector<std::string_view>& fields) {
    addRecord(std::string(name) + ":" + std::to_string(line), fields, problems);
  });
}

void PhraseRules::addRecord(std::string_view where, const std::vector<std::string_view>& fields,
                            std::vector<std::string>& problems) {
  if (fields.size() < 3) {
    problems.push_back(std::string(where) + ": expected pattern, code and message");
    return;
  }
  Rule rule;
  bool cased = false;
  if (fields.size() > 3) {
    std::string_view flags = fields[3];
    if (flags.find("line") != std::string_view::npos) rule.mode = SpanMode::Line;
    if (flags.find("sentence") != std::string_view::npos) rule.mode = SpanMode::Sentence;
    cased = flags.find("cased") != std::string_view::npos;
    rule.veto = flags.find("veto") != std::string_view::npos;
  }
  rule.code = std::string(fields[1]);
  rule.message = std::string(fields[2]);
  rule.pattern = std::make_unique<RE2>(withBoundaries(fields[0], cased), setOptions());
  if (!rule.pattern->ok()) {
    problems.push_back(std::string(where) + ": " + rule.pattern->error());
    return;
  }
  (rule.mode == SpanMode::Line ? lines_ : sentences_).rules.push_back(std::move(rule));
}

void PhraseRules::compileSet(Granularity& granularity, std::vector<std::string>& problems) {
  granularity.set = std::make_unique<RE2::Set>(setOptions(), RE2::UNANCHORED);
  for (const Rule& rule : granularity.rules) {
    std::string error;
    if (granularity.set->Add(rule.pattern->pattern(), &error) < 0) problems.push_back(error);
  }
  if (!granularity.set->Compile()) problems.push_back("rule set too large to compile");
}

void PhraseRules::compile(std::vector<std::string>& problems) {
  compileSet(sentences_, problems);
  compileSet(lines_, problems);
}

void PhraseRules::scanUnit(const Granularity& granularity, std::string_view text, Span unit,
                           std::vector<int>& matched, std::vector<Finding>& out) {
  std::string_view piece = unit.in(text);
  matched.clear();
  if (!granularity.set->Match(piece, &matched)) return;
  std::size_t firstOfUnit = out.size();
  std::vector<Finding> vetoes;
  for (int id : matched) {
    const Rule& rule = granularity.rules[static_cast<std::size_t>(id)];
    if (rule.mode != SpanMode::Match && !rule.veto) {
      out.push_back({unit, rule.code, renderMessage(rule.message, piece)});
      continue;
    }
    std::size_t pos = 0;
    re2::StringPiece match;
    while (pos <= piece.size() &&
           rule.pattern->Match(piece, pos, piece.size(), RE2::UNANCHORED, &match, 1)) {
      auto begin = static_cast<Offset>(match.data() - piece.data());
      auto end = static_cast<Offset>(begin + match.size());
      if (end > begin) {
        Finding finding{{unit.begin + begin, unit.begin + end}, rule.code, {}};
        if (rule.veto)
          vetoes.push_back(std::move(finding));
        else
          out.push_back(
              {finding.span, rule.code, renderMessage(rule.message, {match.data(), match.size()})});
      }
      pos = end > begin ? end : end + 1;
    }
  }
  if (vetoes.empty()) return;
  auto vetoed = [&](const Finding& f) {
    return std::any_of(vetoes.begin(), vetoes.end(), [&](const Finding& v) {
      return v.code == f.code && v.span.overlaps(f.span);
    });
  };
  out.erase(
      std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(firstOfUnit), out.end(), vetoed),
      out.end());
}

void PhraseRules::scan(std::string_view text, const TextStructure& structure,
                       std::vector<Finding>& out) const {
  std::vector<int> matched;
  if (!sentences_.rules.empty())
    for (Span sentence : structure.sentences)
      scanUnit(sentences_, text, sentence, matched, out);
  if (!lines_.rules.empty())
    for (Span line : structure.lines) {
      Span body = trimmed(text, line);
      if (body.empty()) continue;
      scanUnit(lines_, text, body, matched, out);
    }
}

} // namespace dossier::analysis::rules
