// textDocument/codeLens: "3 related passages" above each passage with strong matches in other
// documents; the command dossier.showRelated [uri, position, locations] opens them (the editor
// plugins bind it to their reference/peek view). Entity lenses ("N mentions · M documents · K
// spellings") are added by entity_lens.cpp.
#include "protocol/types_features.h"
#include "server/features/entities.h"
#include "server/features/passages.h"

#include <memory>
#include <mutex>
#include <optional>

namespace dossier::features {
namespace {

constexpr std::size_t kLensCandidates = 10;
// Editors ask for lenses again on every scroll, save and focus; a document's passage lenses run one
// related-passages query per passage. They are kept for the last few (index, document) pairs: an
// index is never changed once published, so the same index and document give the same lenses.
constexpr std::size_t kCachedDocuments = 32;

class PassageLensCache {
public:
  std::optional<nlohmann::json> find(const std::shared_ptr<const index::CorpusIndex>& index,
                                     index::DocId doc) {
    std::lock_guard lock(mutex_);
    for (const auto& entry : entries_)
      if (entry.doc == doc && !entry.index.owner_before(index) &&
          !index.owner_before(entry.index) && !entry.index.expired())
        return entry.lenses;
    return std::nullopt;
  }

  void store(const std::shared_ptr<const index::CorpusIndex>& index, index::DocId doc,
             nlohmann::json lenses) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [](const Entry& entry) { return entry.index.expired(); });
    if (entries_.size() >= kCachedDocuments) entries_.erase(entries_.begin());
    entries_.push_back({index, doc, std::move(lenses)});
  }

private:
  struct Entry {
    std::weak_ptr<const index::CorpusIndex> index; // expired once no snapshot holds it
    index::DocId doc;
    nlohmann::json lenses;
  };
  std::mutex mutex_;
  std::vector<Entry> entries_; // oldest first
};

PassageLensCache& passageLensCache() {
  static PassageLensCache cache;
  return cache;
}

// "3 related passages" on each passage of `doc` with strong matches; nullopt when cancelled.
std::optional<nlohmann::json> passageLenses(RequestContext& context, const corpus::Document& doc) {
  nlohmann::json lenses = nlohmann::json::array();
  protocol::LineIndex lines = context.lines(doc);
  std::string uri = RequestContext::uriOf(doc);
  index::AskedStory story =
      context.snapshot->index->passages.askedStory(doc.id, doc.analysis->passages);
  for (const auto& passage : doc.analysis->passages.passages) {
    if (context.cancel.cancelled()) return std::nullopt;
    auto related = relatedPassages(*context.snapshot, doc, passage, kLensCandidates, &story);
    std::erase_if(related,
                  [](const RelatedPassage& r) { return r.match.similarity < kStrongSimilarity; });
    if (related.empty()) continue;
    protocol::Range range = context.range(lines, {passage.span.begin, passage.span.begin});
    nlohmann::json locations = nlohmann::json::array();
    for (const auto& location : locationsOf(context, related))
      locations.push_back(protocol::toJSON(location));
    protocol::CodeLens lens;
    lens.range = range;
    std::size_t n = related.size();
    lens.command =
        protocol::Command{std::to_string(n) + (n == 1 ? " related passage" : " related passages"),
                          "dossier.showRelated",
                          {uri, protocol::toJSON(range.start), locations}};
    lenses.push_back(protocol::toJSON(lens));
  }
  return lenses;
}

} // namespace

nlohmann::json codeLens(RequestContext& context, const nlohmann::json& json) {
  auto params = lsp::parseParams<protocol::CodeLensParams>(json);
  nlohmann::json lenses = nlohmann::json::array();
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return lenses;
  const auto& index = context.snapshot->index;
  if (auto cached = passageLensCache().find(index, doc->id)) {
    lenses = std::move(*cached);
  } else if (auto computed = passageLenses(context, *doc)) {
    passageLensCache().store(index, doc->id, *computed);
    lenses = std::move(*computed);
  }
  // Entity lenses (entity_lens.cpp): mention counts on each defining mention in this document.
  appendEntityLenses(context, *doc, lenses);
  return lenses;
}

} // namespace dossier::features
