// Text features: diagnostics per code and family, related passages (textDocument/implementation).
#include "tests/quality/session.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <tuple>

namespace dossier::quality {

namespace {

struct Flag {
  std::string code;
  std::size_t start = 0, end = 0;
  const GoldDocument* doc = nullptr;
  std::size_t base = 0; // the document's offset shift (below)
};

// With DOSSIER_QUALITY_DIAGNOSTIC_MISSES=<file>, the diagnostics' errors of one split (dev unless
// DOSSIER_QUALITY_DIAGNOSTIC_SPLIT names another: never tune on the held-out split) are written
// there, one per line: "FP|FN <tab> code <tab> file:line <tab> flagged or gold text <tab> line".
struct DiagnosticMisses {
  std::unique_ptr<std::ofstream> out;
  std::string split = "dev";
};

DiagnosticMisses& diagnosticMisses() {
  static DiagnosticMisses misses = [] {
    DiagnosticMisses m;
    const char* path = std::getenv("DOSSIER_QUALITY_DIAGNOSTIC_MISSES");
    if (path && *path) m.out = std::make_unique<std::ofstream>(path);
    const char* split = std::getenv("DOSSIER_QUALITY_DIAGNOSTIC_SPLIT");
    if (split && *split) m.split = split;
    return m;
  }();
  return misses;
}

std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

void writeMiss(std::ostream& out, const char* kind, const Flag& flag) {
  const std::string& text = flag.doc->text;
  std::size_t start = flag.start - flag.base, end = flag.end - flag.base;
  if (start > text.size() || end > text.size() || end < start) return;
  std::size_t line = 1 + static_cast<std::size_t>(std::count(
                             text.begin(), text.begin() + static_cast<long>(start), '\n'));
  std::size_t lineStart = text.rfind('\n', start == 0 ? 0 : start - 1);
  lineStart = (lineStart == std::string::npos || start == 0) ? 0 : lineStart + 1;
  std::size_t lineEnd = std::min(text.find('\n', start), text.size());
  std::string context = text.substr(lineStart, lineEnd - lineStart);
  if (context.size() > 300) context = context.substr(0, 300) + "...";
  out << kind << "\t" << flag.code << "\t" << flag.doc->file << ":" << line << "\t"
      << oneLine(text.substr(start, end - start)) << "\t" << oneLine(context) << "\n";
}

// Counts for one category: a prediction hits when some gold flag of the same category overlaps
// it, and the other way round for recall.
Counts matchCategory(const std::vector<Flag>& predicted, const std::vector<Flag>& gold,
                     const std::string& category, std::string (*categoryOf)(const std::string&)) {
  Counts counts;
  auto hits = [&](const Flag& a, const std::vector<Flag>& others) {
    for (const auto& b : others)
      if (categoryOf(b.code) == category && overlaps(a.start, a.end, b.start, b.end)) return true;
    return false;
  };
  for (const auto& p : predicted) {
    if (categoryOf(p.code) != category) continue;
    ++counts.predicted;
    counts.predictedHit += hits(p, gold);
  }
  for (const auto& g : gold) {
    if (categoryOf(g.code) != category) continue;
    ++counts.gold;
    counts.goldHit += hits(g, predicted);
  }
  return counts;
}

std::string sameCode(const std::string& code) {
  return code;
}

// Codes the server reports that the sample annotations have no code for (samples/ANNOTATING.md):
// scoring them would count every one as a false positive of its family, so they are left out.
bool unannotated(const std::string& code) {
  return code == "sourcing/outlet-uncited";
}

// Writes the false positives and false negatives per code (same overlap rule as matchCategory).
void writeMisses(std::ostream& out, const std::vector<Flag>& predicted,
                 const std::vector<Flag>& gold) {
  auto hits = [](const Flag& a, const std::vector<Flag>& others) {
    for (const auto& b : others)
      if (b.code == a.code && overlaps(a.start, a.end, b.start, b.end)) return true;
    return false;
  };
  std::vector<std::pair<const char*, const Flag*>> misses;
  for (const auto& p : predicted)
    if (!hits(p, gold)) misses.emplace_back("FP", &p);
  for (const auto& g : gold)
    if (!hits(g, predicted)) misses.emplace_back("FN", &g);
  std::stable_sort(misses.begin(), misses.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second->code, a.first, a.second->start) <
           std::tie(b.second->code, b.first, b.second->start);
  });
  for (const auto& [kind, flag] : misses)
    writeMiss(out, kind, *flag);
}

} // namespace

void scoreDiagnostics(Session& s) {
  Report& report = s.report();
  if (!s.advertises("diagnosticProvider")) {
    report.row("diagnostics", "all codes").implemented = false;
    return;
  }
  std::map<std::string, std::pair<std::vector<Flag>, std::vector<Flag>>> bySplit;
  for (const auto& doc : s.gold().documents) {
    auto response =
        s.request("textDocument/diagnostic", {{"textDocument", {{"uri", s.uriOf(doc)}}}});
    if (response.methodNotFound()) {
      report.row("diagnostics", "all codes").implemented = false;
      return;
    }
    auto& [predicted, gold] = bySplit[doc.split];
    // Flags of different documents never overlap: shift each document to its own offset range.
    std::size_t base =
        (std::size_t(1) << 40) * static_cast<std::size_t>(&doc - &s.gold().documents[0]);
    const json& items =
        response.result.is_object() ? response.result.value("items", json::array()) : json::array();
    for (const auto& item : items) {
      std::string code =
          item.contains("code")
              ? (item["code"].is_string() ? item["code"].get<std::string>() : item["code"].dump())
              : "(no code)";
      const json& range = item.value("range", json::object());
      auto at = [&](const char* key) {
        const json& p = range.value(key, json::object());
        return base + s.offset(doc, p.value("line", 0), p.value("character", 0));
      };
      if (!unannotated(code)) predicted.push_back({code, at("start"), at("end"), &doc, base});
    }
    for (const auto& d : doc.diagnostics)
      gold.push_back({d.code, base + d.start, base + d.end, &doc, base});
  }
  std::set<std::string> codes, families;
  for (const auto& [split, flags] : bySplit)
    for (const auto* list : {&flags.first, &flags.second})
      for (const auto& flag : *list) {
        codes.insert(flag.code);
        families.insert(familyOf(flag.code));
      }
  // Rows are looked up again after each addition: report.row() may move the rows it holds.
  report.row("diagnostics", "all codes");
  for (const auto& family : families)
    report.row("diagnostics", family);
  for (const auto& code : codes)
    report.row("diagnostics", code, RowKind::PrecisionRecall, false);
  for (const auto& [split, flags] : bySplit) {
    const auto& [predicted, gold] = flags;
    report.row("diagnostics", "all codes").bySplit[split];
    for (const auto& code : codes) {
      Counts counts = matchCategory(predicted, gold, code, sameCode);
      report.row("diagnostics", code).bySplit[split] += counts;
      report.row("diagnostics", "all codes").bySplit[split] += counts;
    }
    for (const auto& family : families)
      report.row("diagnostics", family).bySplit[split] +=
          matchCategory(predicted, gold, family, familyOf);
    if (auto& misses = diagnosticMisses(); misses.out && split == misses.split)
      writeMisses(*misses.out, predicted, gold), misses.out->flush();
  }
}

void scoreRelated(Session& s) {
  Report& report = s.report();
  if (!s.advertises("implementationProvider")) {
    report.row("related", "recall@5", RowKind::Share).implemented = false;
    report.row("related", "precision@1", RowKind::Share).implemented = false;
    return;
  }
  struct Passage {
    const GoldDocument* doc;
    std::size_t start, end, marker;
  };
  std::map<std::string, std::vector<Passage>> groups;
  std::map<std::tuple<const GoldDocument*, std::size_t, std::size_t>, std::set<std::string>>
      passages;
  for (const auto& doc : s.gold().documents)
    for (const auto& r : doc.related) {
      groups[r.group].push_back({&doc, r.start, r.end, r.marker});
      passages[{&doc, r.start, r.end}].insert(r.group);
    }
  for (const auto& [key, groupNames] : passages) {
    const auto& [doc, start, end] = key;
    // The marker sits at the end of its passage; ask from inside the passage, as a reader would.
    auto response = s.request("textDocument/implementation",
                              s.textDocumentPosition(*doc, start + (end - start) / 2));
    if (response.methodNotFound()) {
      report.row("related", "recall@5", RowKind::Share).implemented = false;
      report.row("related", "precision@1", RowKind::Share).implemented = false;
      return;
    }
    auto isHit = [&](const Hit& hit) {
      if (!hit.doc) return false;
      for (const auto& group : groupNames)
        for (const auto& other : groups[group])
          if (other.doc == hit.doc && !(other.doc == doc && other.start == start) &&
              hit.start <= other.marker && other.marker <= hit.end)
            return true;
      return false;
    };
    auto hits = s.resolveAll(response.result);
    bool top5 = false;
    for (std::size_t i = 0; i < hits.size() && i < 5; ++i)
      top5 |= isHit(hits[i]);
    report.row("related", "recall@5", RowKind::Share).bySplit[doc->split] += Counts{0, 0, 1, top5};
    Counts first;
    if (!hits.empty()) first = Counts{0, 0, 1, isHit(hits.front())};
    report.row("related", "precision@1", RowKind::Share).bySplit[doc->split] += first;
  }
}

} // namespace dossier::quality
