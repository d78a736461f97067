// The entity card (EntityQuery::card): what the texts say about one entity, gathered from every
// document that mentions it, in reading order (path, then offset) so the card does not depend on
// the order the server read the folder in. Co-occurring entities come from prose only: mentions on
// lines the debris rules flag ("… Logo", share bars, footers) or on lines repeated across several
// documents are site chrome, not company the entity keeps.
#include "server/index/entity_query.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

namespace dossier::index {
namespace {

// A line held by this many documents is site boilerplate (as corpus/flags.cpp reports it).
constexpr std::uint32_t kBoilerplateDocuments = 3;

// A repeated line that reads like a sentence of news (several words, final punctuation) is more
// likely a syndicated story's than a footer's: its names keep their company.
bool looksLikeProse(std::string_view line) {
  constexpr std::size_t kProseWords = 6;
  std::size_t words = 1;
  for (char c : line)
    words += c == ' ';
  while (!line.empty() && (line.back() == '"' || line.back() == ')' || line.back() == '\''))
    line.remove_suffix(1);
  bool ends = line.ends_with(".") || line.ends_with("!") || line.ends_with("?") ||
              line.ends_with("”") || line.ends_with("’");
  return ends && words >= kProseWords;
}

bool inAny(const std::vector<analysis::Span>& sorted, analysis::Span span) {
  auto it = std::upper_bound(sorted.begin(), sorted.end(), span.begin,
                             [](analysis::Offset o, analysis::Span s) { return o < s.begin; });
  // Spans may overlap (a debris finding inside a repeated line): look back over a few.
  for (int back = 0; it != sorted.begin() && back < 4; ++back) {
    --it;
    if (it->overlaps(span)) return true;
  }
  return false;
}

} // namespace

std::vector<analysis::Span> EntityQuery::chromeOf(const DocumentView& view) const {
  std::vector<analysis::Span> spans;
  if (!view.findings) return spans;
  for (const auto& finding : view.findings->findings)
    if (finding.code.str().starts_with("debris/")) spans.push_back(finding.span);
  for (const auto& line : view.findings->lines)
    if (line.flagged || (lines_ && lines_->documentsWith(line.hash) >= kBoilerplateDocuments &&
                         !looksLikeProse(line.span.in(view.text))))
      spans.push_back(line.span);
  std::sort(spans.begin(), spans.end(),
            [](analysis::Span a, analysis::Span b) { return a.begin < b.begin; });
  return spans;
}

EntityCard EntityQuery::card(const std::string& entity) const {
  EntityCard card;
  card.id = entity;
  card.type = typeOf(entity);
  const std::vector<MentionRef>& all = mentionsOf(entity); // in reading order
  card.mentionCount = all.size();
  card.definition = definitionOf(entity, all);
  // Keyed by views of the texts (the snapshot keeps them) and of the query's resolutions (kept
  // for its life): counting a mention allocates nothing.
  std::unordered_map<std::string_view, std::uint32_t> surfaces;
  std::set<std::string> ambiguous;
  std::vector<DocId> docs; // reading order
  DocumentView view;
  for (const MentionRef& ref : all) {
    if (card.mentionsPerDocument.empty() || card.mentionsPerDocument.back().first != ref.doc) {
      card.mentionsPerDocument.push_back({ref.doc, 0});
      docs.push_back(ref.doc);
      view = documents_(ref.doc);
    }
    // "the American" for a person is a reference to it, not a spelling of its name.
    if (!ref.mention->nominal) ++surfaces[ref.mention->span.in(view.text)];
    ++card.mentionsPerDocument.back().second;
    if (ref.mention->is(ent::kAmbiguous))
      for (const ent::Ambiguity& a : view.entities->ambiguities)
        if (a.surfaceKey == ref.mention->surfaceKey)
          for (const std::string& candidate : a.candidates)
            if (candidate != entity) ambiguous.insert(candidate);
  }
  struct Company {
    Cooccurrence counts;
    std::size_t lastRound = 0; // the last document (1 for the first) with a shared sentence
  };
  std::unordered_map<std::string_view, Company> cooccurring;
  std::vector<std::uint32_t> inSentences; // sorted
  std::size_t next = 0, round = 0;
  for (DocId doc : docs) {
    ++round;
    view = documents_(doc);
    std::vector<analysis::Span> chrome = chromeOf(view);
    inSentences.clear();
    for (; next < all.size() && all[next].doc == doc; ++next)
      if (!inAny(chrome, all[next].mention->span))
        inSentences.push_back(all[next].mention->sentence);
    std::sort(inSentences.begin(), inSentences.end());
    inSentences.erase(std::unique(inSentences.begin(), inSentences.end()), inSentences.end());
    for (const ent::Role& role : view.entities->roles)
      if (role.key == entity) card.roles.push_back({doc, role});
    for (const ent::Statement& statement : view.entities->statements)
      if (statement.key == entity) card.statements.push_back({doc, statement});
    if (inSentences.empty()) continue;
    for (const ent::Mention& other : view.entities->mentions) {
      if (!std::binary_search(inSentences.begin(), inSentences.end(), other.sentence) ||
          !accepted(other) || inAny(chrome, other.span))
        continue;
      const std::string& id = entityOf(other);
      if (id == entity) continue;
      Company& c = cooccurring[id];
      ++c.counts.sentences;
      if (c.lastRound != round) {
        ++c.counts.documents;
        c.lastRound = round;
      }
    }
  }
  card.surfaces.reserve(surfaces.size());
  for (const auto& [surface, count] : surfaces)
    card.surfaces.emplace_back(std::string(surface), count);
  // By count, ties by spelling.
  std::sort(card.surfaces.begin(), card.surfaces.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [surface, count] : card.surfaces)
    if (card.name.empty() ||
        (surface.find(' ') != std::string::npos && card.name.find(' ') == std::string::npos))
      card.name = surface;
  card.cooccurring.reserve(cooccurring.size());
  for (auto& [id, c] : cooccurring) {
    c.counts.entity = std::string(id);
    card.cooccurring.push_back(std::move(c.counts));
  }
  // Strength: shared sentences in several documents beat many in one; ties by key.
  std::sort(card.cooccurring.begin(), card.cooccurring.end(),
            [](const Cooccurrence& a, const Cooccurrence& b) {
              if (a.documents != b.documents) return a.documents > b.documents;
              if (a.sentences != b.sentences) return a.sentences > b.sentences;
              return a.entity < b.entity;
            });
  card.ambiguousWith.assign(ambiguous.begin(), ambiguous.end());
  return card;
}

} // namespace dossier::index
