#include "server/corpus/flags_figures.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace dossier::corpus {

namespace {

std::string pairKey(std::string_view entity, std::string_view kind) {
  std::string key;
  key.reserve(entity.size() + 1 + kind.size());
  key.append(entity);
  key += '\x1f'; // in neither an entity key nor a kind
  key.append(kind);
  return key;
}

} // namespace

FigureTable::FigureTable(const Snapshot& snapshot, const FigureTable* previous) {
  const Snapshot::DocumentList& documents = *snapshot.documents;
  documents_.resize(documents.size());
  if (previous) byEntityAndKind_ = previous->byEntityAndKind_; // shard pointers only
  std::vector<std::size_t> toRead;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (!documents[i]) continue;
    if (previous && i < previous->documents_.size() && previous->documents_[i] &&
        previous->documents_[i]->text == documents[i]->text &&
        previous->documents_[i]->analysis == documents[i]->analysis)
      documents_[i] = previous->documents_[i];
    else
      toRead.push_back(i);
  }
  // What the previous table holds of documents changed or gone leaves before they are read again.
  if (previous)
    for (std::size_t i = 0; i < previous->documents_.size(); ++i)
      if (previous->documents_[i] && (i >= documents_.size() || !documents_[i]))
        removeDocument(static_cast<DocId>(i), *previous->documents_[i]);
  // Only passages naming an entity are read: one naming none shares no entity with another, so
  // the flag never compares it. Documents are handed out in small blocks: their sizes vary a lot.
  constexpr std::size_t kBlock = 16;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t first; (first = next.fetch_add(kBlock)) < toRead.size();)
      for (std::size_t k = first; k < std::min(toRead.size(), first + kBlock); ++k) {
        const Document& doc = *documents[toRead[k]];
        auto read = std::make_shared<DocumentFigures>();
        read->text = doc.text;
        read->analysis = doc.analysis;
        const auto& passages = doc.analysis->passages.passages;
        for (std::uint32_t p = 0; p < passages.size(); ++p) {
          if (passages[p].entities.empty()) continue;
          analysis::Span span = passages[p].span;
          auto figures = countedFigures(*doc.text, analysis::tokenizeWithin(*doc.text, span), span);
          if (!figures.empty()) read->passages.emplace_back(p, std::move(figures));
        }
        documents_[toRead[k]] = std::move(read);
      }
  };
  unsigned workers =
      toRead.size() < 4 * kBlock ? 1u : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<std::thread> helpers;
  for (unsigned w = 1; w < workers; ++w)
    helpers.emplace_back(work);
  work();
  for (auto& helper : helpers)
    helper.join();
  for (std::size_t i : toRead)
    addDocument(static_cast<DocId>(i), *documents_[i]);
}

void FigureTable::forEachEntry(
    DocId doc, const DocumentFigures& figures,
    const std::function<void(const std::string&, std::uint64_t)>& visit) {
  const auto& passages = figures.analysis->passages.passages;
  std::vector<std::string_view> kinds;
  for (const auto& [p, counted] : figures.passages) {
    kinds.clear();
    for (const CountedFigure& figure : counted)
      kinds.push_back(figure.kind);
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    std::uint64_t ref = (std::uint64_t{doc} << 32) | p;
    for (const analysis::passages::PassageEntity& entity : passages[p].entities)
      for (std::string_view kind : kinds)
        visit(pairKey(entity.key, kind), ref);
  }
}

void FigureTable::addDocument(DocId doc, const DocumentFigures& figures) {
  forEachEntry(doc, figures, [this](const std::string& key, std::uint64_t ref) {
    Refs& refs = byEntityAndKind_.mutate(key);
    if (!refs)
      refs = std::make_shared<std::vector<std::uint64_t>>();
    else if (refs.use_count() != 1) // the previous table still reads this list
      refs = std::make_shared<std::vector<std::uint64_t>>(*refs);
    // Ascending: a new document (the highest id) appends; one read again goes back in place.
    if (refs->empty() || refs->back() < ref)
      refs->push_back(ref);
    else if (auto at = std::lower_bound(refs->begin(), refs->end(), ref);
             at == refs->end() || *at != ref)
      refs->insert(at, ref);
  });
}

void FigureTable::removeDocument(DocId doc, const DocumentFigures& figures) {
  forEachEntry(doc, figures, [this, doc](const std::string& key, std::uint64_t) {
    const Refs* existing = byEntityAndKind_.find(key);
    if (!existing || !*existing) return;
    Refs& refs = byEntityAndKind_.mutate(key);
    if (refs.use_count() != 1) refs = std::make_shared<std::vector<std::uint64_t>>(*refs);
    std::erase_if(*refs, [doc](std::uint64_t ref) { return ref >> 32 == doc; });
    if (refs->empty()) byEntityAndKind_.erase(key);
  });
}

const std::vector<CountedFigure>& FigureTable::figuresOf(DocId doc, std::uint32_t passage) const {
  static const std::vector<CountedFigure> none;
  if (doc >= documents_.size() || !documents_[doc]) return none;
  const auto& passages = documents_[doc]->passages;
  auto it = std::lower_bound(passages.begin(), passages.end(), passage,
                             [](const auto& entry, std::uint32_t p) { return entry.first < p; });
  return it != passages.end() && it->first == passage ? it->second : none;
}

const std::vector<std::uint64_t>* FigureTable::passagesWith(std::string_view entity,
                                                            std::string_view kind) const {
  const Refs* refs = byEntityAndKind_.find(pairKey(entity, kind));
  return refs && *refs ? refs->get() : nullptr;
}

} // namespace dossier::corpus
