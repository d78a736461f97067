// Interned strings: one id per distinct text for the life of the process, from any thread.
#include "server/analysis/interned.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using dossier::analysis::Interned;

TEST_CASE("interned: equal texts share one id, different texts do not", "[analysis]") {
  Interned a("interned-test alpha"), b(std::string("interned-test alpha")), c("interned-test beta");
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a.str() == "interned-test alpha");
  CHECK(Interned().str().empty());
  CHECK(Interned("") == Interned());
}

TEST_CASE("interned: find answers without adding", "[analysis]") {
  std::size_t before = Interned::tableSize();
  CHECK_FALSE(Interned::lookup("interned-test never interned").has_value());
  CHECK(Interned::tableSize() == before);
  Interned added("interned-test gamma");
  REQUIRE(Interned::lookup("interned-test gamma").has_value());
  CHECK(*Interned::lookup("interned-test gamma") == added);
}

TEST_CASE("interned: many texts keep their ids as the table grows", "[analysis]") {
  std::vector<Interned> ids;
  for (int i = 0; i < 50000; ++i)
    ids.emplace_back("interned-test grow " + std::to_string(i));
  for (int i = 0; i < 50000; i += 997) {
    std::string text = "interned-test grow " + std::to_string(i);
    CHECK(ids[static_cast<std::size_t>(i)].str() == text);
    CHECK(Interned(text) == ids[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("interned: threads interning the same texts get the same ids", "[analysis]") {
  constexpr int kTexts = 20000;
  std::vector<std::vector<Interned>> perThread(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < perThread.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTexts; ++i)
        perThread[t].emplace_back("interned-test shared " + std::to_string((i * 7 + t) % kTexts));
    });
  for (auto& thread : threads)
    thread.join();
  for (std::size_t t = 0; t < perThread.size(); ++t)
    for (int i = 0; i < kTexts; i += 101) {
      auto index = static_cast<std::size_t>(i);
      CHECK(perThread[t][index] == Interned::lookup(perThread[t][index].str()).value());
      CHECK(perThread[t][index].str() ==
            "interned-test shared " + std::to_string((i * 7 + static_cast<int>(t)) % kTexts));
    }
}
