// A map from strings to values worked out on first use and kept, shared by the threads that answer
// requests on one snapshot (and the thread that works out frequent entities ahead of them).
// - Lookups take a string_view: asking allocates nothing.
// - The map is split into shards with a lock each, so two threads asking at once rarely wait.
// - One thread computes a missing value; another asking for the same key meanwhile waits for that
//   answer instead of computing it again (a hover on a name being warmed up waits for the warm-up).
// - Values are never replaced nor erased: a returned reference stays valid for the memo's life. If
//   the computation throws (a cancelled request), the next caller computes it.
// The computation must not ask the same memo for the same key.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier::index {

template <typename Value> class StringMemo {
public:
  template <typename Compute> const Value& get(std::string_view key, const Compute& compute) const {
    Slot& slot = slotOf(key);
    if (slot.ready.load(std::memory_order_acquire)) return slot.value;
    std::lock_guard computing(slot.mutex);
    if (!slot.ready.load(std::memory_order_relaxed)) {
      slot.value = compute();
      slot.ready.store(true, std::memory_order_release);
    }
    return slot.value;
  }

private:
  struct Slot {
    std::mutex mutex; // held while the value is computed
    std::atomic<bool> ready{false};
    Value value{};
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::unique_ptr<Slot>, Hash, std::equal_to<>> slots;
  };
  static constexpr std::size_t kShards = 16;

  Slot& slotOf(std::string_view key) const {
    Shard& shard = shards_[Hash{}(key) % kShards];
    std::lock_guard lock(shard.mutex);
    auto it = shard.slots.find(key);
    if (it == shard.slots.end())
      it = shard.slots.emplace(std::string(key), std::make_unique<Slot>()).first;
    return *it->second;
  }

  mutable std::array<Shard, kShards> shards_;
};

} // namespace dossier::index
