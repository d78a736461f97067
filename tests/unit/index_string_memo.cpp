// StringMemo: answers worked out once per snapshot and shared by the threads that ask.
#include "server/index/string_memo.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using dossier::index::StringMemo;

TEST_CASE("a memo computes a key's value once and keeps it", "[index]") {
  StringMemo<std::string> memo;
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return std::string("value ") + std::to_string(computed);
  };
  const std::string& first = memo.get("elon musk", compute);
  const std::string& again = memo.get(std::string("elon ") + "musk", compute);
  CHECK(first == "value 1");
  CHECK(&again == &first);
  CHECK(memo.get("musk", compute) == "value 2");
  CHECK(computed == 2);
}

TEST_CASE("a thread asking for a key being computed waits for that answer", "[index]") {
  StringMemo<int> memo;
  std::atomic<int> computed{0};
  auto slow = [&] {
    ++computed;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return 42;
  };
  const int* seen[2] = {nullptr, nullptr};
  std::thread a([&] { seen[0] = &memo.get("frequent name", slow); });
  std::thread b([&] { seen[1] = &memo.get("frequent name", slow); });
  a.join();
  b.join();
  CHECK(computed == 1);
  CHECK(seen[0] == seen[1]);
  CHECK(*seen[0] == 42);
}

TEST_CASE("a computation that throws is done again by the next caller", "[index]") {
  StringMemo<int> memo;
  CHECK_THROWS_AS(memo.get("k", []() -> int { throw std::runtime_error("cancelled"); }),
                  std::runtime_error);
  CHECK(memo.get("k", [] { return 7; }) == 7);
  CHECK(memo.get("k", [] { return 8; }) == 7);
}
