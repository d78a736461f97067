// A fixed set of worker threads running queued tasks in order. The server keeps two: one for editor
// requests (small, never behind bulk work) and one for bulk indexing, whose threads run at a lower
// OS priority so a hover is answered while a large folder is being read.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dossier::scheduler {

class ThreadPool {
 public:
  ThreadPool(std::string name, unsigned threads, bool lowPriority = false);
  ~ThreadPool();  // finishes the running tasks, drops the queued ones
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  void post(std::function<void()> task);
  std::size_t queued() const;
  unsigned size() const { return static_cast<unsigned>(threads_.size()); }

 private:
  void run(bool lowPriority);

  std::string name_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace dossier::scheduler
