#include "server/analysis/rules/phrase_rules.h"

#include "server/data_files.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utf8proc.h>

namespace dossier::analysis::rules {

namespace {

constexpr std::int64_t kPatternMemoryBudget = 64 << 20;
// Shorter required strings ("of", "a") would occur in nearly every sentence and filter nothing.
constexpr int kMinimumAtomLength = 3;

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
  // A pattern's DFA cache is flushed and rebuilt whenever it fills; a larger budget than RE2's
  // default 8 MB lets the states of the longer alternations, once built, stay.
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

// `text` lower-cased the way FilteredRE2 lower-cases its strings (Unicode simple lower case), with
// every byte at the same offset: a code point whose lower case is longer or shorter in UTF-8 is
// left as it is, and invalid bytes are copied.
std::string loweredInPlace(std::string_view text) {
  std::string out(text);
  std::size_t i = 0;
  while (i < out.size()) {
    auto byte = static_cast<unsigned char>(out[i]);
    if (byte < 0x80) {
      out[i] = static_cast<char>(std::tolower(byte));
      ++i;
      continue;
    }
    utf8proc_int32_t codepoint = 0;
    auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(out.data() + i),
                                   static_cast<utf8proc_ssize_t>(out.size() - i), &codepoint);
    if (length <= 0) {
      ++i;
      continue;
    }
    utf8proc_int32_t lower = utf8proc_tolower(codepoint);
    utf8proc_uint8_t encoded[4];
    if (lower != codepoint && utf8proc_encode_char(lower, encoded) == length)
      std::copy(encoded, encoded + length, out.begin() + static_cast<std::ptrdiff_t>(i));
    i += static_cast<std::size_t>(length);
  }
  return out;
}

} // namespace

void PhraseRules::addFile(std::string_view name, std::string_view contents,
                          std::vector<std::string>& problems) {
  data::forEachRecord(contents, [&](int line, const std::vector<std::string_view>& fields) {
    addRecord(std::string(name) + ":" + std::to_string(line), fields, problems);
  });
}

void PhraseRules::define(std::string name, std::string pattern) {
  parts_.emplace_back(std::move(name), std::move(pattern));
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
  std::string pattern(fields[0]);
  for (const auto& [name, part] : parts_)
    for (auto at = pattern.find(name); at != std::string::npos;
         at = pattern.find(name, at + part.size()))
      pattern.replace(at, name.size(), part);
  rule.pattern = std::make_unique<RE2>(withBoundaries(pattern, cased), setOptions());
  if (!rule.pattern->ok()) {
    problems.push_back(std::string(where) + ": " + rule.pattern->error());
    return;
  }
  (rule.mode == SpanMode::Line ? lines_ : sentences_).rules.push_back(std::move(rule));
}

void PhraseRules::compileFilter(Granularity& granularity, std::vector<std::string>& problems) {
  if (granularity.rules.empty()) return;
  std::vector<std::string_view> codes;
  for (Rule& rule : granularity.rules) {
    auto known = std::find(codes.begin(), codes.end(), rule.code);
    rule.codeId = static_cast<int>(known - codes.begin());
    if (known == codes.end()) codes.push_back(rule.code);
  }
  granularity.filter = std::make_unique<re2::FilteredRE2>(kMinimumAtomLength);
  for (const Rule& rule : granularity.rules) {
    int id = -1;
    if (granularity.filter->Add(rule.pattern->pattern(), setOptions(), &id) != RE2::NoError)
      problems.push_back("cannot filter pattern: " + rule.pattern->pattern());
  }
  std::vector<std::string> atoms;
  granularity.filter->Compile(&atoms);
  granularity.atoms = AtomMatcher(atoms);
}

void PhraseRules::compile(std::vector<std::string>& problems) {
  compileFilter(sentences_, problems);
  compileFilter(lines_, problems);
}

void PhraseRules::matchingRules(const Granularity& granularity, std::string_view text, Span unit,
                                Scratch& scratch) const {
  // The strings found inside the unit: occurrences are ordered by end offset.
  const auto& occurrences = scratch.occurrences;
  auto first = std::partition_point(occurrences.begin(), occurrences.end(),
                                    [&](const auto& o) { return o.end <= unit.begin; });
  scratch.atoms.clear();
  for (auto it = first; it != occurrences.end() && it->end <= unit.end; ++it)
    if (it->begin >= unit.begin) scratch.atoms.push_back(it->atom);
  std::sort(scratch.atoms.begin(), scratch.atoms.end());
  scratch.atoms.erase(std::unique(scratch.atoms.begin(), scratch.atoms.end()), scratch.atoms.end());
  granularity.filter->AllPotentials(scratch.atoms, &scratch.candidates);
  std::sort(scratch.candidates.begin(), scratch.candidates.end());
  if (matching_ == Matching::Exhaustive) {
    scratch.candidates.resize(granularity.rules.size());
    for (std::size_t id = 0; id < granularity.rules.size(); ++id)
      scratch.candidates[id] = static_cast<int>(id);
  }
  std::string_view piece = unit.in(text);
  auto matches = [&](int id) {
    return granularity.rules[static_cast<std::size_t>(id)].pattern->Match(
        piece, 0, piece.size(), RE2::UNANCHORED, nullptr, 0);
  };
  scratch.matched.clear();
  if (matching_ == Matching::Exhaustive) {
    for (int id : scratch.candidates)
      if (matches(id)) scratch.matched.push_back({id, false, {}});
    return;
  }
  scratch.vetoes.clear();
  scratch.codesFound.assign(granularity.rules.size(), 0);
  for (int id : scratch.candidates) {
    const Rule& rule = granularity.rules[static_cast<std::size_t>(id)];
    if (rule.veto) {
      scratch.vetoes.push_back(id);
    } else if (rule.mode == SpanMode::Match) {
      re2::StringPiece first;
      if (rule.pattern->Match(piece, 0, piece.size(), RE2::UNANCHORED, &first, 1)) {
        scratch.matched.push_back({id, true, first});
        scratch.codesFound[static_cast<std::size_t>(rule.codeId)] = 1;
      }
    } else if (matches(id)) {
      scratch.matched.push_back({id, false, {}});
      scratch.codesFound[static_cast<std::size_t>(rule.codeId)] = 1;
    }
  }
  bool vetoMatched = false;
  for (int id : scratch.vetoes)
    if (scratch.codesFound[static_cast<std::size_t>(
            granularity.rules[static_cast<std::size_t>(id)].codeId)] &&
        matches(id)) {
      scratch.matched.push_back({id, false, {}});
      vetoMatched = true;
    }
  if (vetoMatched)
    std::sort(scratch.matched.begin(), scratch.matched.end(),
              [](const Scratch::Hit& a, const Scratch::Hit& b) { return a.id < b.id; });
}

void PhraseRules::scanUnit(const Granularity& granularity, std::string_view text, Span unit,
                           Scratch& scratch, std::vector<Finding>& out) const {
  matchingRules(granularity, text, unit, scratch);
  if (scratch.matched.empty()) return;
  std::string_view piece = unit.in(text);
  std::size_t firstOfUnit = out.size();
  std::vector<Finding> vetoes;
  for (const Scratch::Hit& hit : scratch.matched) {
    const Rule& rule = granularity.rules[static_cast<std::size_t>(hit.id)];
    if (rule.mode != SpanMode::Match && !rule.veto) {
      out.push_back({unit, rule.code, renderMessage(rule.message, piece)});
      continue;
    }
    std::size_t pos = 0;
    re2::StringPiece match = hit.first;
    bool known = hit.firstKnown; // the search from 0 was made already
    while (pos <= piece.size() &&
           (known || rule.pattern->Match(piece, pos, piece.size(), RE2::UNANCHORED, &match, 1))) {
      known = false;
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

void PhraseRules::scanAll(const Granularity& granularity, std::string_view text,
                          std::string_view lowered, const std::vector<Span>& units, bool trim,
                          Scratch& scratch, std::vector<Finding>& out) const {
  if (!granularity.filter) return;
  scratch.occurrences.clear();
  granularity.atoms.findAll(lowered, scratch.occurrences);
  for (Span unit : units) {
    if (trim) {
      unit = trimmed(text, unit);
      if (unit.empty()) continue;
    }
    scanUnit(granularity, text, unit, scratch, out);
  }
}

void PhraseRules::scan(std::string_view text, const TextStructure& structure,
                       std::vector<Finding>& out) const {
  if (!sentences_.filter && !lines_.filter) return;
  std::string lowered = loweredInPlace(text);
  Scratch scratch;
  scanAll(sentences_, text, lowered, structure.sentences, false, scratch, out);
  scanAll(lines_, text, lowered, structure.lines, true, scratch, out);
}

} // namespace dossier::analysis::rules
