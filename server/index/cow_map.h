// A hash map split into shards that are shared between copies and cloned on write.
//
// The corpus state is published as immutable snapshots: readers keep the snapshot they started with
// while one writer prepares the next. Copying a CowShardedMap copies only shard pointers; the
// writer's first change to a shard that a snapshot still holds clones that one shard. While the
// writer is the only owner (during bulk indexing, between publications) it mutates shards in place.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <unordered_map>

namespace dossier::index {

template <typename Key, typename Value, typename Hash = std::hash<Key>, std::size_t kShards = 1024>
class CowShardedMap {
  using Shard = std::unordered_map<Key, Value, Hash>;

public:
  CowShardedMap() {
    for (auto& shard : shards_)
      shard = std::make_shared<Shard>();
  }

  const Value* find(const Key& key) const {
    const Shard& shard = *shards_[shardOf(key)];
    auto it = shard.find(key);
    return it == shard.end() ? nullptr : &it->second;
  }

  // A mutable reference to the value for `key`, default-constructed when absent.
  Value& mutate(const Key& key) { return writable(shardOf(key))[key]; }

  void erase(const Key& key) {
    std::size_t index = shardOf(key);
    if (shards_[index]->count(key)) writable(index).erase(key);
  }

  std::size_t size() const {
    std::size_t n = 0;
    for (const auto& shard : shards_)
      n += shard->size();
    return n;
  }

  // Visits every entry; order is unspecified.
  template <typename Visit> void forEach(Visit&& visit) const {
    for (const auto& shard : shards_)
      for (const auto& [key, value] : *shard)
        visit(key, value);
  }

private:
  std::size_t shardOf(const Key& key) const { return Hash{}(key) % kShards; }

  Shard& writable(std::size_t index) {
    // use_count() == 1 means no published snapshot holds this shard, and none can get it except
    // through the writer (us), so mutating in place is safe. A stale count only causes a clone.
    if (shards_[index].use_count() != 1) shards_[index] = std::make_shared<Shard>(*shards_[index]);
    return *shards_[index];
  }

  std::array<std::shared_ptr<Shard>, kShards> shards_;
};

} // namespace dossier::index
