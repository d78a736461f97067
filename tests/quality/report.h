// The scorer's results: rows of counts per feature, category and split, rendered as a terminal
// table or as Markdown (QUALITY.md), and compared with the checked-in floors (thresholds.json).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dossier::quality {

// Counts behind one figure. Precision counts predictions that hit, recall counts gold items that
// were hit: with overlap matching the two hit counts can differ.
struct Counts {
  long predicted = 0, predictedHit = 0, gold = 0, goldHit = 0;

  double precision() const { return predicted ? double(predictedHit) / double(predicted) : 0; }
  double recall() const { return gold ? double(goldHit) / double(gold) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  Counts& operator+=(const Counts& o);
};

enum class RowKind {
  PrecisionRecall, // P, R, F1 (metric names p, r, f1)
  Share            // hits / total, kept in gold/goldHit (metric name share)
};

struct Row {
  std::string feature, category;
  RowKind kind = RowKind::PrecisionRecall;
  bool implemented = true;
  bool gated = true; // has floors in thresholds.json (per-code rows are informative only)
  std::map<std::string, Counts> bySplit; // "dev", "heldout"
};

struct Latency {
  std::map<std::string, std::vector<double>> millisByMethod;
  void add(const std::string& method, double millis) { millisByMethod[method].push_back(millis); }
};

struct Report {
  std::vector<Row> rows;
  Latency latency;
  std::string serverVersion;

  Row& row(const std::string& feature, const std::string& category,
           RowKind kind = RowKind::PrecisionRecall, bool gated = true);
};

extern const std::vector<std::string> kSplits; // {"dev", "heldout"}

// "mentions/exact/f1" -> value for every gated metric of every row, per split.
std::map<std::string, std::map<std::string, double>> gatedFigures(const Report&);

std::string renderTable(const Report&);
std::string renderMarkdown(const Report&, const std::string& regenerateCommand);

// Figures below their floor, as human-readable lines (empty: all pass). Floors missing from the
// file are not checked.
std::vector<std::string> belowFloors(const Report&, const nlohmann::json& thresholds);
// Floors raised to today's figures rounded down to 0.01; never lowered.
nlohmann::json raisedFloors(const Report&, const nlohmann::json& thresholds);

} // namespace dossier::quality
