// A value worked out from one snapshot on first use and kept for the snapshot's life: tables that
// every request on the snapshot would otherwise build again (the corpus-wide flags' tables). The
// value type may be incomplete where the slot is declared; it is created where it is used.
#pragma once

#include <memory>
#include <mutex>

namespace dossier::corpus {

template <typename T> class SnapshotCache {
public:
  SnapshotCache() = default;
  // A copy is another snapshot whose fields may still change before it is published: it starts
  // empty rather than sharing tables built for the original.
  SnapshotCache(const SnapshotCache&) {}
  SnapshotCache& operator=(const SnapshotCache& other) {
    if (this != &other) {
      std::lock_guard lock(mutex_);
      value_.reset();
    }
    return *this;
  }

  // The kept value while `fits(value)` holds, else a new one from `make()`, kept from then on.
  // Callers on several threads get the same value.
  template <typename Fits, typename Make>
  std::shared_ptr<T> get(const Fits& fits, const Make& make) const {
    std::lock_guard lock(mutex_);
    if (!value_ || !fits(*value_)) value_ = make();
    return value_;
  }

private:
  mutable std::mutex mutex_;
  mutable std::shared_ptr<T> value_;
};

} // namespace dossier::corpus
