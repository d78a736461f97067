// Content-Length framing of JSON-RPC messages over POSIX file descriptors (stdio or sockets).
//
// The reader is deliberately forgiving about the header syntax (case, bare \n, extra headers) and
// strict about lengths: a bad or oversized frame is reported and skipped, and the stream stays
// usable, so a single broken message cannot take the server down.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace dossier::protocol {

struct ReadResult {
  enum class Status { Message, Eof, BadHeader, TooLarge };
  Status status = Status::Eof;
  std::string body;  // the message body when status == Message
  std::string error; // human-readable reason for the other statuses (empty for a clean Eof)
};

// Blocking reads of Content-Length framed messages from a POSIX fd. Not thread-safe: one reader
// thread owns it. The fd is not closed by the reader.
class MessageReader {
public:
  explicit MessageReader(int fd, std::size_t maxBodyBytes = 64u << 20);

  // Message: body holds one complete message.
  // BadHeader: malformed/missing Content-Length or a malformed header line; the next read()
  //   resynchronises at the next "Content-Length:" in the stream.
  // TooLarge: the declared body exceeds maxBodyBytes; nothing is allocated for it, and the next
  //   read() discards input up to the next Content-Length header (so a lying header cannot stall it).
  // Eof: end of stream (error is non-empty if the stream ended inside a message).
  ReadResult read();

  // Header lines longer than this are treated as garbage (BadHeader) instead of being buffered.
  static constexpr std::size_t kMaxHeaderLine = 8192;

private:
  enum class LineStatus { Line, Eof, TooLong };
  LineStatus readLine(std::string& line);
  bool fill(); // appends more input to buffer_; false at end of stream
  bool skipToContentLength();
  ReadResult badHeader(std::string error);
  std::size_t buffered() const { return buffer_.size() - pos_; }

  int fd_;
  std::size_t maxBodyBytes_;
  std::string buffer_;  // bytes read from fd_ but not consumed yet start at pos_
  std::size_t pos_ = 0; // consumed prefix of buffer_, dropped lazily to avoid quadratic erases
  bool resync_ = false; // after BadHeader: skip input until the next Content-Length header
  bool eof_ = false;
};

// Thread-safe; writes "Content-Length: N\r\n\r\n" + body with unbuffered write(2) calls, so the
// message is on its way when write() returns. Messages from concurrent threads never interleave.
// Write errors (client gone) are recorded rather than thrown: the read side sees EOF and shuts the
// server down. Servers on pipes should ignore SIGPIPE.
class MessageWriter {
public:
  explicit MessageWriter(int fd);

  // Invalid UTF-8 in strings is replaced by U+FFFD rather than throwing: document text can hold
  // anything and a response must still go out.
  void write(const nlohmann::json& message);
  // Frames and writes an already serialised body.
  void writeBody(std::string_view body);
  // True once a write failed; later writes are dropped.
  bool failed() const { return failed_.load(); }

private:
  int fd_;
  std::mutex mutex_;
  std::atomic<bool> failed_{false};
};

} // namespace dossier::protocol
