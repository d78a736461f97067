// Specification of protocol/transport.h: Content-Length framing over file descriptors.
#include "protocol/transport.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>
#include <unistd.h>

using namespace dossier::protocol;
using Status = ReadResult::Status;

namespace {

// A pipe whose write end is fed by a thread, so inputs larger than the pipe buffer work and the
// reader really sees the data arrive in pieces.
class Feed {
public:
  explicit Feed(std::vector<std::string> pieces, std::chrono::microseconds pause = {}) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    readFd_ = fds[0];
    writer_ = std::thread([fd = fds[1], pieces = std::move(pieces), pause] {
      for (const std::string& piece : pieces) {
        std::size_t done = 0;
        while (done < piece.size()) {
          ssize_t n = ::write(fd, piece.data() + done, piece.size() - done);
          if (n <= 0) break;
          done += static_cast<std::size_t>(n);
        }
        if (pause.count() > 0) std::this_thread::sleep_for(pause);
      }
      ::close(fd);
    });
  }
  explicit Feed(std::string all) : Feed(std::vector<std::string>{std::move(all)}) {}
  ~Feed() {
    writer_.join();
    ::close(readFd_);
  }
  int fd() const { return readFd_; }

private:
  int readFd_ = -1;
  std::thread writer_;
};

std::string frame(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

// Reads until Eof (inclusive) and returns everything the reader reported.
std::vector<ReadResult> readAll(int fd, std::size_t maxBody = 64u << 20) {
  MessageReader reader(fd, maxBody);
  std::vector<ReadResult> results;
  do {
    results.push_back(reader.read());
  } while (results.back().status != Status::Eof && results.size() < 100);
  return results;
}

} // namespace

TEST_CASE("two messages in one buffer are read one at a time", "[protocol][transport]") {
  Feed feed(frame(R"({"a":1})") + frame(R"({"b":2})"));
  auto results = readAll(feed.fd());
  REQUIRE(results.size() == 3);
  CHECK(results[0].status == Status::Message);
  CHECK(results[0].body == R"({"a":1})");
  CHECK(results[1].body == R"({"b":2})");
  CHECK(results[2].status == Status::Eof);
  CHECK(results[2].error.empty()); // a clean end of stream
}

TEST_CASE("a message split across many reads is reassembled", "[protocol][transport]") {
  std::string body = R"({"jsonrpc":"2.0","method":"initialized","params":{}})";
  std::string all = frame(body) + frame("{}");
  std::vector<std::string> pieces;
  for (std::size_t i = 0; i < all.size(); i += 3)
    pieces.push_back(all.substr(i, 3)); // splits inside header names, \r\n and the body
  Feed feed(pieces, std::chrono::microseconds(200));
  auto results = readAll(feed.fd());
  REQUIRE(results.size() == 3);
  CHECK(results[0].body == body);
  CHECK(results[1].body == "{}");
}

TEST_CASE("headers are case-insensitive, Content-Type is ignored, \\n alone separates",
          "[protocol][transport]") {
  Feed feed(
      "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}" +
      std::string("CONTENT-LENGTH:3\n\n[1]") + "Content-Length:  1 \n\n7");
  auto results = readAll(feed.fd());
  REQUIRE(results.size() == 4);
  CHECK(results[0].body == "{}");
  CHECK(results[1].body == "[1]");
  CHECK(results[2].body == "7");
}

TEST_CASE("an empty body is a message", "[protocol][transport]") {
  Feed feed(frame("") + frame("x"));
  auto results = readAll(feed.fd());
  REQUIRE(results.size() == 3);
  CHECK(results[0].status == Status::Message);
  CHECK(results[0].body.empty());
  CHECK(results[1].body == "x");
}

TEST_CASE("bad headers are reported and the reader resynchronises", "[protocol][transport]") {
  struct Row {
    const char* name;
    std::string garbage;
  };
  const Row rows[] = {
      {"missing Content-Length", "Content-Type: text/plain\r\n\r\n{\"lost\":true}"},
      {"header without a colon", "Content-Length 5\r\n\r\nhello"},
      {"non-numeric length", "Content-Length: five\r\n\r\nhello"},
      {"negative length", "Content-Length: -5\r\n\r\nhello"},
      {"length that overflows", "Content-Length: 99999999999999999999999\r\n\r\n"},
      {"conflicting lengths", "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"},
      {"endless header line", std::string(20000, 'x') + "\r\n\r\n"},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    Feed feed(row.garbage + frame(R"({"next":1})"));
    auto results = readAll(feed.fd());
    REQUIRE(results.size() == 3);
    CHECK(results[0].status == Status::BadHeader);
    CHECK_FALSE(results[0].error.empty());
    CHECK(results[1].status == Status::Message);
    CHECK(results[1].body == R"({"next":1})");
    CHECK(results[2].status == Status::Eof);
  }
}

TEST_CASE("an oversized body is skipped and the next message still read", "[protocol][transport]") {
  std::string big(300000, 'x'); // several pipe buffers' worth
  Feed feed(frame(big) + frame(R"({"after":true})"));
  auto results = readAll(feed.fd(), /*maxBody=*/1024);
  REQUIRE(results.size() == 3);
  CHECK(results[0].status == Status::TooLarge);
  CHECK(results[0].body.empty());
  CHECK(results[0].error.find("300000") != std::string::npos);
  CHECK(results[1].body == R"({"after":true})");
}

TEST_CASE("a huge Content-Length is rejected without allocating it", "[protocol][transport]") {
  // 1 TiB: allocating it would throw std::bad_alloc; skipping it just runs into end of stream.
  Feed feed("Content-Length: 1099511627776\r\n\r\n{\"tiny\":1}");
  MessageReader reader(feed.fd());
  CHECK(reader.read().status == Status::TooLarge);
  CHECK(reader.read().status == Status::Eof);
}

TEST_CASE("end of stream inside a message is reported as Eof with a reason",
          "[protocol][transport]") {
  SECTION("mid-body") {
    Feed feed("Content-Length: 100\r\n\r\n{\"truncated\":");
    auto results = readAll(feed.fd());
    REQUIRE(results.size() == 1);
    CHECK(results[0].status == Status::Eof);
    CHECK(results[0].error.find("body") != std::string::npos);
  }
  SECTION("mid-header") {
    Feed feed("Content-Len");
    auto results = readAll(feed.fd());
    REQUIRE(results.size() == 1);
    CHECK(results[0].status == Status::Eof);
    CHECK_FALSE(results[0].error.empty());
  }
  SECTION("reading after Eof stays at Eof") {
    Feed feed(std::string{});
    MessageReader reader(feed.fd());
    CHECK(reader.read().status == Status::Eof);
    CHECK(reader.read().status == Status::Eof);
  }
}

TEST_CASE("the writer frames messages the reader accepts", "[protocol][transport]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  {
    MessageWriter writer(fds[1]);
    writer.write(nlohmann::json{{"result", "h\u00e9llo"}});
    writer.write(nlohmann::json{{"text", std::string("bad \xFF utf-8")}});
    CHECK_FALSE(writer.failed());
  }
  ::close(fds[1]);
  std::string raw;
  char chunk[4096];
  for (ssize_t n; (n = ::read(fds[0], chunk, sizeof chunk)) > 0;)
    raw.append(chunk, static_cast<std::size_t>(n));
  ::close(fds[0]);
  // The length counts bytes ("é" is two), and the body is compact JSON.
  std::string first = "Content-Length: 19\r\n\r\n{\"result\":\"h\u00e9llo\"}";
  REQUIRE(raw.substr(0, first.size()) == first);

  Feed feed(raw);
  auto results = readAll(feed.fd());
  REQUIRE(results.size() == 3);
  CHECK(nlohmann::json::parse(results[0].body)["result"] == "h\u00e9llo");
  // Invalid UTF-8 is replaced by U+FFFD instead of making the write throw.
  CHECK(nlohmann::json::parse(results[1].body)["text"] == "bad \xEF\xBF\xBD utf-8");
}

TEST_CASE("concurrent writers never interleave frames", "[protocol][transport]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  constexpr int kThreads = 4, kMessages = 200;
  std::vector<std::thread> threads;
  {
    MessageWriter writer(fds[1]);
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&writer, t] {
        for (int i = 0; i < kMessages; ++i)
          writer.write({{"thread", t},
                        {"i", i},
                        {"pad", std::string(static_cast<std::size_t>(i * 37), 'p')}});
      });
    std::set<std::pair<int, int>> seen;
    MessageReader reader(fds[0]);
    for (int n = 0; n < kThreads * kMessages; ++n) {
      ReadResult result = reader.read();
      REQUIRE(result.status == Status::Message);
      auto json = nlohmann::json::parse(result.body);
      seen.insert({json["thread"].get<int>(), json["i"].get<int>()});
    }
    for (auto& thread : threads)
      thread.join();
    CHECK(seen.size() == static_cast<std::size_t>(kThreads * kMessages));
  }
  ::close(fds[1]);
  ::close(fds[0]);
}
