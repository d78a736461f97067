#include "server/analysis/interned.h"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace dossier::analysis {
namespace {

// Texts live in fixed-size chunks that never move, so an id's text can be read without a lock:
// an id reaches a reader only through whatever synchronisation handed it the value holding it,
// which also publishes the text written before the id was returned.
constexpr std::uint32_t kChunkBits = 14;
constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
constexpr std::uint32_t kMaxChunks = 1u << (32 - kChunkBits);
constexpr std::size_t kShards = 32;

struct Shard {
  std::mutex mutex;
  std::unordered_map<std::string_view, std::uint32_t> ids; // views into the chunks' strings
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

Shard& shardFor(Table& t, std::string_view text) {
  return t.shards[std::hash<std::string_view>{}(text) % kShards];
}

} // namespace

std::uint32_t Interned::intern(std::string_view text) {
  if (text.empty()) return 0;
  Table& t = table();
  Shard& shard = shardFor(t, text);
  std::lock_guard lock(shard.mutex);
  if (auto it = shard.ids.find(text); it != shard.ids.end()) return it->second;
  std::uint32_t id = t.allocate(text);
  shard.ids.emplace(std::string_view(t.slot(id)), id);
  return id;
}

std::optional<Interned> Interned::find(std::string_view text) {
  if (text.empty()) return Interned();
  Table& t = table();
  Shard& shard = shardFor(t, text);
  std::lock_guard lock(shard.mutex);
  auto it = shard.ids.find(text);
  if (it == shard.ids.end()) return std::nullopt;
  Interned found;
  found.id_ = it->second;
  return found;
}

std::size_t Interned::tableSize() {
  return table().size.load(std::memory_order_relaxed);
}

const std::string& Interned::textOf(std::uint32_t id) {
  return table().slot(id);
}

} // namespace dossier::analysis
