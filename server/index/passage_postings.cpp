#include "server/index/passage_postings.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace dossier::index {
namespace {

// Folding clones every base list the pending documents touch: it waits until enough documents are
// pending that one clone serves many of them (editing one file again and again keeps one pending).
constexpr std::size_t kFoldAtLeast = 64;
constexpr std::size_t kFoldShare = 8; // or one eighth of the base documents, if more

std::uint64_t refOf(const PassagePosting& posting) {
  return (static_cast<std::uint64_t>(posting.doc()) << 32) | posting.passage();
}

bool before(const PassagePosting& a, const PassagePosting& b) {
  return refOf(a) < refOf(b);
}

// Keeps a list sorted by (document, passage): a new document (the highest id) appends; a re-added
// one goes back in place.
void insertSorted(PassagePostings::List& list, const PassagePosting& posting) {
  if (list.empty() || before(list.back(), posting))
    list.push_back(posting);
  else
    list.insert(std::upper_bound(list.begin(), list.end(), posting, before), posting);
}

void insertId(std::vector<DocId>& ids, DocId id) {
  auto at = std::lower_bound(ids.begin(), ids.end(), id);
  if (at == ids.end() || *at != id) ids.insert(at, id);
}

bool containsId(const std::vector<DocId>& ids, DocId id) {
  return std::binary_search(ids.begin(), ids.end(), id);
}

// Makes room for `more` postings in `list`, growing it by a quarter rather than doubling it: the
// base lists are most of the index and live as long as the server, so the unused half a doubling
// vector keeps on average (a quarter of its capacity) was a quarter of the passage index. Growing
// by a quarter copies each posting ~4 times instead of ~2 while the folder is first read.
std::size_t grown(std::size_t size) {
  return size + size / 4 + 2;
}

void reserveFor(PassagePostings::List& list, std::size_t more) {
  std::size_t needed = list.size() + more;
  if (needed <= list.capacity()) return;
  list.reserve(std::max(needed, grown(list.size())));
}

} // namespace

PassagePostings::Recent& PassagePostings::writableRecent() {
  if (recent_.use_count() != 1) recent_ = std::make_shared<Recent>(*recent_);
  return *recent_;
}

bool PassagePostings::stale(DocId doc) const {
  const std::vector<DocId>& ids = recent_->stale;
  if (ids.empty()) return false;
  if (ids.size() == 1) return ids[0] == doc;
  return containsId(ids, doc);
}

void PassagePostings::add(DocId doc, const std::vector<PassageEntry>& entries) {
  if (recent_->documents.empty() && recent_->stale.empty()) {
    addToBase(doc, entries); // the folder's first reading: nothing has moved yet
    return;
  }
  Recent& recent = writableRecent();
  insertId(recent.documents, doc);
  for (const PassageEntry& entry : entries)
    insertSorted(recent.lists[entry.key], PassagePosting(doc, entry.passage, entry.count));
  foldIfDue();
}

void PassagePostings::addMany(
    const std::vector<std::pair<DocId, const std::vector<PassageEntry>*>>& documents) {
  if (!(recent_->documents.empty() && recent_->stale.empty())) { // edits pending: one by one
    for (const auto& [doc, entries] : documents)
      add(doc, *entries);
    return;
  }
  // The folder's first reading: group the postings by key (a counting sort over the batch's keys,
  // which keeps them in document and passage order), then extend each key's base list once.
  std::unordered_map<analysis::Interned, std::uint32_t> slotOf;
  std::vector<analysis::Interned> keys;
  std::vector<std::uint32_t> starts; // per slot: its count, then where its postings start
  std::vector<std::uint32_t> slots;  // per entry, in batch order
  std::size_t total = 0;
  for (const auto& [doc, entries] : documents)
    total += entries->size();
  slots.reserve(total);
  slotOf.reserve(total / 4 + 16);
  for (const auto& [doc, entries] : documents) {
    for (const PassageEntry& entry : *entries) {
      auto [it, fresh] = slotOf.try_emplace(entry.key, static_cast<std::uint32_t>(keys.size()));
      if (fresh) {
        keys.push_back(entry.key);
        starts.push_back(0);
      }
      ++starts[it->second];
      slots.push_back(it->second);
    }
  }
  std::uint32_t offset = 0;
  for (std::uint32_t& start : starts)
    offset += std::exchange(start, offset);
  starts.push_back(offset);
  std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
  std::vector<PassagePosting> grouped(total);
  std::size_t e = 0;
  for (const auto& [doc, entries] : documents)
    for (const PassageEntry& entry : *entries)
      grouped[next[slots[e++]]++] = PassagePosting(doc, entry.passage, entry.count);
  for (std::size_t slot = 0; slot < keys.size(); ++slot) {
    auto first = grouped.begin() + starts[slot], last = grouped.begin() + starts[slot + 1];
    BaseList& list = base_.mutate(keys[slot]);
    if (!list) {
      list = std::make_shared<List>(first, last);
      continue;
    }
    if (list.use_count() != 1) { // a published snapshot still reads this list
      auto copy = std::make_shared<List>();
      reserveFor(*copy, list->size() + static_cast<std::size_t>(last - first));
      copy->assign(list->begin(), list->end());
      list = std::move(copy);
    }
    reserveFor(*list, static_cast<std::size_t>(last - first));
    if (list->empty() || before(list->back(), *first)) {
      list->insert(list->end(), first, last);
    } else { // not above every indexed id after all: in place, as add() does
      for (auto it = first; it != last; ++it)
        insertSorted(*list, *it);
    }
  }
  baseDocuments_ += documents.size();
}

void PassagePostings::addToBase(DocId doc, const std::vector<PassageEntry>& entries) {
  for (const PassageEntry& entry : entries) {
    BaseList& list = base_.mutate(entry.key);
    if (!list) {
      list = std::make_shared<List>();
    } else if (list.use_count() != 1) { // a published snapshot still reads this list
      // With room to grow: a plain copy has none, and the append would copy it all again.
      auto copy = std::make_shared<List>();
      copy->reserve(grown(list->size()));
      copy->assign(list->begin(), list->end());
      list = std::move(copy);
    }
    reserveFor(*list, 1);
    insertSorted(*list, PassagePosting(doc, entry.passage, entry.count));
  }
  ++baseDocuments_;
}

void PassagePostings::remove(DocId doc, const std::vector<PassageEntry>& entries) {
  if (containsId(recent_->documents, doc)) {
    Recent& recent = writableRecent();
    recent.documents.erase(std::lower_bound(recent.documents.begin(), recent.documents.end(), doc));
    for (const PassageEntry& entry : entries) {
      auto it = recent.lists.find(entry.key);
      if (it == recent.lists.end()) continue;
      std::erase_if(it->second, [doc](const PassagePosting& p) { return p.doc() == doc; });
      if (it->second.empty()) recent.lists.erase(it);
    }
    return;
  }
  if (stale(doc)) return; // its base postings are already stale, and it has no others
  Recent& recent = writableRecent();
  insertId(recent.stale, doc);
  for (const PassageEntry& entry : entries)
    ++recent.staleCounts[entry.key];
  --baseDocuments_;
  foldIfDue();
}

void PassagePostings::foldIfDue() {
  if (pendingDocuments() > std::max(kFoldAtLeast, baseDocuments_ / kFoldShare)) fold();
}

void PassagePostings::fold() {
  std::unordered_set<analysis::Interned> touched;
  for (const auto& [key, count] : recent_->staleCounts)
    touched.insert(key);
  for (const auto& [key, list] : recent_->lists)
    touched.insert(key);
  for (analysis::Interned key : touched) {
    const BaseList* existing = base_.find(key);
    auto recent = recent_->lists.find(key);
    auto merged = std::make_shared<List>();
    std::size_t recentSize = recent == recent_->lists.end() ? 0 : recent->second.size();
    if (existing && *existing) {
      merged->reserve((*existing)->size() + recentSize);
      for (const PassagePosting& posting : **existing)
        if (!stale(posting.doc())) merged->push_back(posting);
    }
    if (recentSize) {
      auto middle = merged->insert(merged->end(), recent->second.begin(), recent->second.end());
      std::inplace_merge(merged->begin(), middle, merged->end(), before);
    }
    if (merged->empty())
      base_.erase(key);
    else
      base_.mutate(key) = std::move(merged);
  }
  baseDocuments_ += recent_->documents.size();
  recent_ = std::make_shared<Recent>();
}

PassagePostings::Lists PassagePostings::find(analysis::Interned key) const {
  Lists lists;
  if (const BaseList* base = base_.find(key); base && *base) {
    lists.base = base->get();
    lists.frequency = (*base)->size();
    if (auto stale = recent_->staleCounts.find(key); stale != recent_->staleCounts.end())
      lists.frequency -= stale->second;
  }
  if (auto recent = recent_->lists.find(key); recent != recent_->lists.end()) {
    lists.recent = &recent->second;
    lists.frequency += recent->second.size();
  }
  return lists;
}

PassagePostings::Cursor::Cursor(const PassagePostings& postings, const Lists& lists)
    : postings_(postings) {
  static const List kNone;
  const List& base = lists.base ? *lists.base : kNone;
  const List& recent = lists.recent ? *lists.recent : kNone;
  base_ = base.begin();
  baseEnd_ = base.end();
  recent_ = recent.begin();
  recentEnd_ = recent.end();
}

const PassagePosting* PassagePostings::Cursor::seek(std::uint64_t ref) {
  auto below = [](const PassagePosting& p, std::uint64_t r) { return refOf(p) < r; };
  base_ = std::lower_bound(base_, baseEnd_, ref, below);
  if (base_ != baseEnd_ && refOf(*base_) == ref && !postings_.stale(base_->doc())) return &*base_;
  recent_ = std::lower_bound(recent_, recentEnd_, ref, below);
  if (recent_ != recentEnd_ && refOf(*recent_) == ref) return &*recent_;
  return nullptr;
}

} // namespace dossier::index
