// dossier/relatedPassages: ranked related passages with a score and a one-line reason, for the
// editor plugins' pickers; and the lookup every related-passage feature shares.
#include "server/analysis/passages/story_changes.h"
#include "server/features/passages.h"

#include <map>
#include <optional>

namespace dossier::features {
namespace {

constexpr std::size_t kDefaultLimit = 10;
constexpr std::size_t kMaxLimit = 100;
// Candidates asked of the index beyond the limit, to make up for the tables left out.
constexpr std::size_t kSpareCandidates = 5;

} // namespace

std::vector<RelatedPassage> relatedPassages(const corpus::Snapshot& snapshot,
                                            const corpus::Document& doc,
                                            const analysis::passages::Passage& asked,
                                            std::size_t limit, const index::AskedStory* story) {
  const index::PassageIndex& index = snapshot.index->passages;
  std::optional<index::AskedStory> own;
  if (!story) story = &own.emplace(index.askedStory(doc.id, doc.analysis->passages));
  std::vector<RelatedPassage> result;
  for (auto& match : index.related(doc.id, asked, limit + kSpareCandidates, story)) {
    if (result.size() == limit) break;
    const corpus::Document* other = snapshot.document(match.doc);
    if (!other || match.passage >= other->analysis->passages.passages.size()) continue;
    const auto& candidate = other->analysis->passages.passages[match.passage];
    if (analysis::passages::isTable(candidate.span.in(*other->text))) continue;
    RelatedPassage related;
    related.doc = other;
    related.passage = &other->analysis->passages.passages[match.passage];
    related.changes = analysis::passages::storyChanges(asked, *related.passage);
    related.reason = analysis::passages::relatedReason(
        analysis::passages::sharedSummary(*doc.text, asked, *related.passage, match.sharedEntities,
                                          match.sharedStems, *snapshot.knowledge->passages),
        related.changes, match.nearDuplicate);
    related.match = std::move(match);
    result.push_back(std::move(related));
  }
  return result;
}

std::vector<protocol::Location> locationsOf(const RequestContext& context,
                                            const std::vector<RelatedPassage>& related) {
  std::map<const corpus::Document*, protocol::LineIndex> lines;
  std::vector<protocol::Location> locations;
  for (const auto& r : related) {
    auto it = lines.find(r.doc);
    if (it == lines.end()) it = lines.emplace(r.doc, context.lines(*r.doc)).first;
    locations.push_back(
        {RequestContext::uriOf(*r.doc), context.range(it->second, r.passage->span)});
  }
  return locations;
}

nlohmann::json relatedPassagesRequest(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::TextDocumentPositionParams>(json);
  std::size_t limit = kDefaultLimit;
  if (json.contains("limit")) {
    if (!json["limit"].is_number_unsigned())
      throw lsp::RequestError{protocol::ErrorCode::InvalidParams,
                              "limit: expected a positive integer"};
    limit = std::min<std::size_t>(json["limit"].get<std::size_t>(), kMaxLimit);
  }
  nlohmann::json results = nlohmann::json::array();
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return results;
  const auto& passages = doc->analysis->passages;
  int at = analysis::passages::passageAt(passages, context.offset(*doc, params.position));
  if (at < 0) return results;
  auto related = relatedPassages(*context.snapshot, *doc, passages.passages[at], limit);
  auto locations = locationsOf(context, related);
  for (std::size_t i = 0; i < related.size(); ++i) {
    results.push_back({{"uri", locations[i].uri},
                       {"range", protocol::toJSON(locations[i].range)},
                       {"score", related[i].match.similarity},
                       {"reason", related[i].reason},
                       {"changes", related[i].changes},
                       {"nearDuplicate", related[i].match.nearDuplicate}});
  }
  return results;
}

} // namespace dossier::features
