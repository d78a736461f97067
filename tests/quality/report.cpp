#include "tests/quality/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace dossier::quality {

const std::vector<std::string> kSplits = {"dev", "heldout"};

namespace {

std::string fixed(double value, int digits = 3) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

std::string cell(const Row& row, const std::string& split) {
  if (!row.implemented) return "not implemented";
  auto it = row.bySplit.find(split);
  Counts c = it == row.bySplit.end() ? Counts{} : it->second;
  if (row.kind == RowKind::Share)
    return fixed(c.recall()) + " (" + std::to_string(c.goldHit) + "/" + std::to_string(c.gold) +
           ")";
  return "P " + fixed(c.precision()) + " R " + fixed(c.recall()) + " F1 " + fixed(c.f1()) + " (" +
         std::to_string(c.predicted) + " pred, " + std::to_string(c.gold) + " gold)";
}

std::vector<std::pair<std::string, double>> metricsOf(const Row& row, const Counts& c) {
  if (row.kind == RowKind::Share) return {{"share", c.recall()}};
  return {{"p", c.precision()}, {"r", c.recall()}, {"f1", c.f1()}};
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(q * double(values.size())));
  return values[std::min(values.size() - 1, rank ? rank - 1 : 0)];
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

} // namespace

Counts& Counts::operator+=(const Counts& o) {
  predicted += o.predicted;
  predictedHit += o.predictedHit;
  gold += o.gold;
  goldHit += o.goldHit;
  return *this;
}

Row& Report::row(const std::string& feature, const std::string& category, RowKind kind,
                 bool gated) {
  for (auto& r : rows)
    if (r.feature == feature && r.category == category) return r;
  rows.push_back(Row{feature, category, kind, true, gated, {}});
  return rows.back();
}

std::map<std::string, std::map<std::string, double>> gatedFigures(const Report& report) {
  std::map<std::string, std::map<std::string, double>> figures;
  for (const auto& row : report.rows) {
    if (!row.gated) continue;
    for (const auto& split : kSplits) {
      auto it = row.bySplit.find(split);
      Counts c = it == row.bySplit.end() || !row.implemented ? Counts{} : it->second;
      for (const auto& [metric, value] : metricsOf(row, c))
        figures[row.feature + "/" + row.category + "/" + metric][split] = value;
    }
  }
  return figures;
}

std::string renderTable(const Report& report) {
  std::ostringstream out;
  out << pad("feature", 12) << pad("category", 44) << pad("dev", 56) << "heldout\n";
  for (const auto& row : report.rows)
    out << pad(row.feature, 12) << pad(row.category, 44) << pad(cell(row, "dev"), 56)
        << cell(row, "heldout") << "\n";
  out << "\n" << pad("latency (ms)", 46) << pad("n", 8) << pad("p50", 10) << "p99\n";
  for (const auto& [method, millis] : report.latency.millisByMethod)
    out << pad(method, 46) << pad(std::to_string(millis.size()), 8)
        << pad(fixed(percentile(millis, 0.5), 1), 10) << fixed(percentile(millis, 0.99), 1) << "\n";
  return out.str();
}

std::string renderMarkdown(const Report& report, const std::string& regenerateCommand) {
  std::ostringstream out;
  out << "# Quality\n\n"
      << "What the real `dossier-ls` gets right on the annotated sample corpus (`samples/`, format "
         "in\n"
      << "`samples/ANNOTATING.md`), measured by `tests/quality/` over LSP as an editor would ask.\n"
      << "The held-out documents are never used for tuning: a gap between dev and heldout is\n"
      << "over-fitting. CI fails when a gated figure drops below its floor in\n"
      << "`tests/quality/thresholds.json`.\n\n"
      << "Regenerate this file: `" << regenerateCommand << "`\n\n"
      << "Server: " << report.serverVersion << "\n\n"
      << "| feature | category | dev | heldout |\n|---|---|---|---|\n";
  for (const auto& row : report.rows)
    out << "| " << row.feature << " | " << row.category << (row.gated ? "" : " ·") << " | "
        << cell(row, "dev") << " | " << cell(row, "heldout") << " |\n";
  out << "\n· informative only (no floor).\n\n"
      << "How each figure is measured:\n\n"
      << "- **mentions**: `textDocument/semanticTokens/full`, token types mapped to PERSON, ORG, "
         "PLACE, NORP, OTHER by their legend names; exact byte span vs gold mentions (`typed`: "
         "span "
         "and type).\n"
      << "- **references**: `textDocument/references` (includeDeclaration) at gold mentions "
         "(every mention, or an even sample of at most 300 per split) vs all gold mentions of the "
         "entity in the corpus; micro-averaged, exact spans.\n"
      << "- **hover**: the hover text names the entity (its canonical name, or a surface form "
         "other than the hovered one).\n"
      << "- **definition**: the first location overlaps a gold mention of the same entity.\n"
      << "- **diagnostics**: `textDocument/diagnostic` per document; a hit has the same code "
         "(family rows: the same family) and an overlapping span.\n"
      << "- **related**: `textDocument/implementation` inside each gold related passage; a hit is "
         "a result whose range contains the marker of another passage of one of its groups. "
         "recall@5 counts passages with a hit in the top 5, precision@1 passages whose first "
         "result "
         "is a hit (of those with any result).\n"
      << "- **symbols**: `workspace/symbol` with each gold entity's canonical name; a hit is a "
         "symbol with that name or located on a mention of the entity.\n\n"
      << "| request | n | p50 ms | p99 ms |\n|---|---|---|---|\n";
  for (const auto& [method, millis] : report.latency.millisByMethod)
    out << "| " << method << " | " << millis.size() << " | " << fixed(percentile(millis, 0.5), 1)
        << " | " << fixed(percentile(millis, 0.99), 1) << " |\n";
  out << "\nLatencies are from one run on a shared machine: a guide, not a gate.\n";
  return out.str();
}

std::vector<std::string> belowFloors(const Report& report, const nlohmann::json& thresholds) {
  std::vector<std::string> failures;
  const nlohmann::json& floors = thresholds.contains("floors") ? thresholds["floors"] : thresholds;
  for (const auto& [key, bySplit] : gatedFigures(report)) {
    if (!floors.contains(key)) continue;
    for (const auto& [split, value] : bySplit) {
      if (!floors[key].contains(split)) continue;
      double floor = floors[key][split].get<double>();
      // Figures are compared at the floors' precision so that 0.4199999 does not fail 0.42.
      if (value + 1e-9 < floor)
        failures.push_back(key + " [" + split + "] = " + fixed(value) + " < floor " +
                           fixed(floor, 2));
    }
  }
  return failures;
}

nlohmann::json raisedFloors(const Report& report, const nlohmann::json& thresholds) {
  nlohmann::json result = thresholds.is_object() ? thresholds : nlohmann::json::object();
  nlohmann::json& floors = result["floors"];
  if (!floors.is_object()) floors = nlohmann::json::object();
  for (const auto& [key, bySplit] : gatedFigures(report)) {
    for (const auto& [split, value] : bySplit) {
      double today = std::floor(value * 100 + 1e-9) / 100;
      double old = floors.contains(key) && floors[key].contains(split)
                       ? floors[key][split].get<double>()
                       : 0.0;
      floors[key][split] = std::max(old, today);
    }
  }
  return result;
}

} // namespace dossier::quality
