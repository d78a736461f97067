#include "server/analysis/interned.h"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace dossier::analysis {
namespace {

// Texts live in fixed-size chunks that never move, so an id's text can be read without a lock:
// an id reaches a reader only through whatever synchronisation handed it the value holding it,
// which also publishes the text written before the id was returned.
constexpr std::uint32_t kChunkBits = 14;
constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
constexpr std::uint32_t kMaxChunks = 1u << (32 - kChunkBits);
constexpr std::size_t kShards = 32;

std::string& slotOf(std::uint32_t id);

// One shard's ids, open addressing with linear probing: a slot holds 32 bits of the text's hash
// and its id, so a probe reads one 8-byte slot and compares the text only when the bits agree.
// (An unordered_map of string views chased a bucket, a node and the text on every lookup, and
// interning was a fifth of a warm start.)
class Shard {
public:
  std::mutex mutex;

  // The id of `text`, or 0 when absent.
  std::uint32_t find(std::string_view text, std::uint32_t hash) const {
    if (slots_.empty()) return 0;
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.id == 0) return 0;
      if (slot.hash == hash && slotOf(slot.id) == text) return slot.id;
    }
  }

  void insert(std::uint32_t hash, std::uint32_t id) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();
    place(hash, id);
    ++used_;
  }

private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t id = 0; // 0: empty (id 0, the empty string, is never stored)
  };

  std::size_t mask() const { return slots_.size() - 1; }

  void place(std::uint32_t hash, std::uint32_t id) {
    std::size_t i = hash & mask();
    while (slots_[i].id != 0)
      i = (i + 1) & mask();
    slots_[i] = {hash, id};
  }

  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.id != 0) place(slot.hash, slot.id);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

struct Table {
  std::array<std::atomic<std::string*>, kMaxChunks> chunks{};
  std::array<Shard, kShards> shards;
  std::mutex growing;     // allocation of ids and chunks
  std::uint32_t next = 1; // id 0 is the empty string
  std::atomic<std::uint32_t> size{1};

  Table() { chunks[0].store(new std::string[kChunkSize], std::memory_order_release); }

  std::string& slot(std::uint32_t id) {
    return chunks[id >> kChunkBits].load(std::memory_order_acquire)[id & (kChunkSize - 1)];
  }

  std::uint32_t allocate(std::string_view text) {
    std::lock_guard lock(growing);
    if (next == 0) throw std::length_error("interned string table is full");
    std::uint32_t id = next++;
    std::uint32_t chunk = id >> kChunkBits;
    if (!chunks[chunk].load(std::memory_order_relaxed))
      chunks[chunk].store(new std::string[kChunkSize], std::memory_order_release);
    slot(id).assign(text);
    size.store(next, std::memory_order_relaxed);
    return id;
  }
};

// Never destroyed: ids may be read by static destructors and detached threads at exit.
Table& table() {
  static Table* instance = new Table();
  return *instance;
}

std::string& slotOf(std::uint32_t id) {
  return table().slot(id);
}

// The shard from the hash's high bits, the slot from its low 32.
struct Hashed {
  Shard* shard;
  std::uint32_t hash;
};
Hashed hashed(Table& t, std::string_view text) {
  std::uint64_t h = std::hash<std::string_view>{}(text);
  return {&t.shards[(h >> 32) % kShards], static_cast<std::uint32_t>(h)};
}

} // namespace

std::uint32_t Interned::intern(std::string_view text) {
  if (text.empty()) return 0;
  Table& t = table();
  auto [shard, hash] = hashed(t, text);
  std::lock_guard lock(shard->mutex);
  if (std::uint32_t id = shard->find(text, hash)) return id;
  std::uint32_t id = t.allocate(text);
  shard->insert(hash, id);
  return id;
}

std::optional<Interned> Interned::lookup(std::string_view text) {
  if (text.empty()) return Interned();
  Table& t = table();
  auto [shard, hash] = hashed(t, text);
  std::lock_guard lock(shard->mutex);
  std::uint32_t id = shard->find(text, hash);
  if (id == 0) return std::nullopt;
  Interned found;
  found.id_ = id;
  return found;
}

std::size_t Interned::tableSize() {
  return table().size.load(std::memory_order_relaxed);
}

const std::string& Interned::textOf(std::uint32_t id) {
  return table().slot(id);
}

} // namespace dossier::analysis
