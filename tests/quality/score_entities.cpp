// Entity features: mentions (semantic tokens), references, hover, definition, workspace symbols.
#include "tests/quality/session.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <tuple>

namespace dossier::quality {

namespace {

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void markNotImplemented(Report& report, const std::string& feature, const std::string& category,
                        RowKind kind) {
  report.row(feature, category, kind).implemented = false;
}

bool mentionOf(const GoldDocument& doc, const std::string& entity, std::size_t start,
               std::size_t end) {
  for (const auto& m : doc.mentions)
    if (m.entity == entity && overlaps(m.start, m.end, start, end)) return true;
  return false;
}

std::string hoverText(const json& contents) {
  if (contents.is_string()) return contents.get<std::string>();
  if (contents.is_object()) return contents.value("value", "");
  std::string text;
  if (contents.is_array())
    for (const auto& part : contents)
      text += hoverText(part) + "\n";
  return text;
}

// With DOSSIER_QUALITY_MISSES=<file>, the dev split's errors are written there, one per line, for
// looking at failures (never the held-out split's: those are not to be tuned on).
std::ostream* missesLog(const std::string& split) {
  static std::unique_ptr<std::ofstream> log = []() -> std::unique_ptr<std::ofstream> {
    const char* path = std::getenv("DOSSIER_QUALITY_MISSES");
    if (!path || !*path) return nullptr;
    return std::make_unique<std::ofstream>(path);
  }();
  return log && split == "dev" ? log.get() : nullptr;
}

std::string excerpt(const GoldDocument& doc, std::size_t start, std::size_t end) {
  if (start > doc.text.size() || end > doc.text.size() || end < start) return "?";
  std::string text = doc.text.substr(start, end - start);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

} // namespace

// The gold type a semantic token type stands for, by its legend name; "" for tokens that are not
// entity mentions.
std::string entityTypeOfTokenType(const std::string& tokenType) {
  std::string name = lower(tokenType);
  auto has = [&](const char* part) { return name.find(part) != std::string::npos; };
  if (has("person")) return "PERSON";
  if (has("norp") || has("nationality") || has("demonym") || has("group")) return "NORP";
  if (has("org")) return "ORG";
  if (has("place") || has("location") || has("gpe")) return "PLACE";
  if (has("other") || has("misc") || has("event") || has("entity")) return "OTHER";
  return "";
}

void scoreMentions(Session& s) {
  Report& report = s.report();
  const std::vector<std::string> types = {"PERSON", "ORG", "PLACE", "NORP", "OTHER"};
  if (!s.advertises("semanticTokensProvider")) {
    markNotImplemented(report, "mentions", "exact", RowKind::PrecisionRecall);
    markNotImplemented(report, "mentions", "typed", RowKind::PrecisionRecall);
    return;
  }
  std::vector<std::string> legend;
  const json& provider = s.capabilities()["semanticTokensProvider"];
  if (provider.is_object() && provider.contains("legend"))
    for (const auto& name : provider["legend"].value("tokenTypes", json::array()))
      legend.push_back(entityTypeOfTokenType(name.get<std::string>()));

  for (const auto& doc : s.gold().documents) {
    auto response =
        s.request("textDocument/semanticTokens/full", {{"textDocument", {{"uri", s.uriOf(doc)}}}});
    if (response.methodNotFound()) {
      markNotImplemented(report, "mentions", "exact", RowKind::PrecisionRecall);
      markNotImplemented(report, "mentions", "typed", RowKind::PrecisionRecall);
      return;
    }
    using Span = std::tuple<std::size_t, std::size_t, std::string>;
    std::set<Span> predicted, gold;
    std::set<std::pair<std::size_t, std::size_t>> predictedSpans, goldSpans;
    const json& data =
        response.result.is_object() ? response.result.value("data", json::array()) : json::array();
    int line = 0, character = 0;
    for (std::size_t i = 0; i + 4 < data.size(); i += 5) {
      int deltaLine = data[i].get<int>(), deltaStart = data[i + 1].get<int>();
      character = deltaLine ? deltaStart : character + deltaStart;
      line += deltaLine;
      int length = data[i + 2].get<int>();
      auto typeIndex = data[i + 3].get<std::size_t>();
      std::string type = typeIndex < legend.size() ? legend[typeIndex] : "";
      if (type.empty()) continue;
      std::size_t start = s.offset(doc, line, character);
      std::size_t end = s.offset(doc, line, character + length);
      predicted.insert({start, end, type});
      predictedSpans.insert({start, end});
    }
    for (const auto& m : doc.mentions) {
      gold.insert({m.start, m.end, m.type});
      goldSpans.insert({m.start, m.end});
    }
    if (std::ostream* log = missesLog(doc.split)) {
      for (const auto& [start, end, type] : gold)
        if (!predicted.count({start, end, type}))
          *log << "mention-miss\t" << doc.file << "\t" << start << "\t" << excerpt(doc, start, end)
               << "\t" << type << "\n";
      for (const auto& [start, end, type] : predicted)
        if (!gold.count({start, end, type}))
          *log << "mention-extra\t" << doc.file << "\t" << start << "\t" << excerpt(doc, start, end)
               << "\t" << type << "\n";
    }
    auto count = [](const auto& pred, const auto& truth) {
      long hit = 0;
      for (const auto& p : pred)
        hit += truth.count(p);
      return Counts{long(pred.size()), hit, long(truth.size()), hit};
    };
    report.row("mentions", "exact").bySplit[doc.split] += count(predictedSpans, goldSpans);
    report.row("mentions", "typed").bySplit[doc.split] += count(predicted, gold);
    for (const auto& type : types) {
      std::set<Span> p, g;
      for (const auto& x : predicted)
        if (std::get<2>(x) == type) p.insert(x);
      for (const auto& x : gold)
        if (std::get<2>(x) == type) g.insert(x);
      report.row("mentions", "typed " + type).bySplit[doc.split] += count(p, g);
    }
  }
}

void scoreReferences(Session& s) {
  Report& report = s.report();
  if (!s.advertises("referencesProvider"))
    return markNotImplemented(report, "references", "all", RowKind::PrecisionRecall);
  // The gold answer for an entity: every mention of it in the corpus.
  std::map<std::string, std::set<std::tuple<const GoldDocument*, std::size_t, std::size_t>>>
      byEntity;
  for (const auto& doc : s.gold().documents)
    for (const auto& m : doc.mentions)
      byEntity[m.entity].insert({&doc, m.start, m.end});
  for (const auto& split : kSplits) {
    Row& row = report.row("references", "all");
    for (const auto& [doc, mention] : s.sampledMentions(split)) {
      json params = s.textDocumentPosition(*doc, mention->start);
      params["context"] = {{"includeDeclaration", true}};
      auto response = s.request("textDocument/references", params);
      if (response.methodNotFound())
        return markNotImplemented(report, "references", "all", RowKind::PrecisionRecall);
      const auto& truth = byEntity[mention->entity];
      std::set<std::tuple<const GoldDocument*, std::size_t, std::size_t>> predicted;
      for (const auto& hit : s.resolveAll(response.result))
        predicted.insert({hit.doc, hit.start, hit.end});
      long hits = 0;
      for (const auto& p : predicted)
        hits += truth.count(p);
      row.bySplit[split] += Counts{long(predicted.size()), hits, long(truth.size()), hits};
      if (std::ostream* log = missesLog(split)) {
        std::string query = excerpt(*doc, mention->start, mention->end);
        for (const auto& [d, start, end] : truth)
          if (!predicted.count({d, start, end}))
            *log << "reference-miss\t" << mention->entity << "\t" << query << "\t" << d->file
                 << "\t" << excerpt(*d, start, end) << "\n";
        for (const auto& [d, start, end] : predicted)
          if (!truth.count({d, start, end}))
            *log << "reference-extra\t" << mention->entity << "\t" << query << "\t"
                 << (d ? d->file : "?") << "\t" << (d ? excerpt(*d, start, end) : "?") << "\n";
      }
    }
  }
}

void scoreHover(Session& s) {
  Report& report = s.report();
  if (!s.advertises("hoverProvider"))
    return markNotImplemented(report, "hover", "names entity", RowKind::Share);
  for (const auto& split : kSplits) {
    Row& row = report.row("hover", "names entity", RowKind::Share);
    for (const auto& [doc, mention] : s.sampledMentions(split)) {
      auto response = s.request("textDocument/hover", s.textDocumentPosition(*doc, mention->start));
      if (response.methodNotFound())
        return markNotImplemented(report, "hover", "names entity", RowKind::Share);
      std::string text =
          response.result.is_object() ? lower(hoverText(response.result["contents"])) : "";
      const GoldEntity& entity = s.gold().entities.at(mention->entity);
      bool hit = !text.empty() && text.find(lower(entity.name)) != std::string::npos;
      for (const auto& alias : entity.aliases)
        if (!hit && alias != mention->text && text.find(lower(alias)) != std::string::npos)
          hit = true;
      row.bySplit[split] += Counts{0, 0, 1, hit ? 1 : 0};
    }
  }
}

void scoreDefinition(Session& s) {
  Report& report = s.report();
  if (!s.advertises("definitionProvider"))
    return markNotImplemented(report, "definition", "right entity", RowKind::Share);
  for (const auto& split : kSplits) {
    Row& row = report.row("definition", "right entity", RowKind::Share);
    for (const auto& [doc, mention] : s.sampledMentions(split)) {
      auto response =
          s.request("textDocument/definition", s.textDocumentPosition(*doc, mention->start));
      if (response.methodNotFound())
        return markNotImplemented(report, "definition", "right entity", RowKind::Share);
      auto hits = s.resolveAll(response.result);
      bool hit =
          !hits.empty() && hits.front().doc &&
          mentionOf(*hits.front().doc, mention->entity, hits.front().start, hits.front().end);
      row.bySplit[split] += Counts{0, 0, 1, hit ? 1 : 0};
    }
  }
}

void scoreSymbols(Session& s) {
  Report& report = s.report();
  if (!s.advertises("workspaceSymbolProvider"))
    return markNotImplemented(report, "symbols", "entity by name", RowKind::Share);
  for (const auto& [id, entity] : s.gold().entities) {
    auto response = s.request("workspace/symbol", {{"query", entity.name}});
    if (response.methodNotFound())
      return markNotImplemented(report, "symbols", "entity by name", RowKind::Share);
    bool hit = false;
    if (response.result.is_array()) {
      for (const auto& symbol : response.result) {
        if (lower(symbol.value("name", "")) == lower(entity.name)) hit = true;
        auto location = s.resolve(symbol.value("location", json()));
        if (location && location->doc &&
            mentionOf(*location->doc, id, location->start, location->end))
          hit = true;
      }
    }
    // An entity counts in each split whose documents mention it.
    for (const auto& split : kSplits) {
      bool inSplit = false;
      for (const auto& file : entity.documents)
        inSplit |= s.gold().byFile(file)->split == split;
      if (inSplit)
        report.row("symbols", "entity by name", RowKind::Share).bySplit[split] +=
            Counts{0, 0, 1, hit ? 1 : 0};
    }
  }
}

} // namespace dossier::quality
