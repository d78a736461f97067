// Cooperative cancellation of one request. The LSP layer sets the flag on $/cancelRequest; long
// loops in features call `check()`, which unwinds with Cancelled, caught at the request boundary
// and answered with RequestCancelled.
#pragma once

#include <atomic>
#include <memory>

namespace dossier::scheduler {

struct Cancelled {};

class CancellationToken {
 public:
  CancellationToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }
  void check() const {
    if (cancelled()) throw Cancelled{};
  }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace dossier::scheduler
