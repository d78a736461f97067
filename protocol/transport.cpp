#include "protocol/transport.h"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <unistd.h>

namespace dossier::protocol {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::string_view kContentLength = "content-length";

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == y; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Strict decimal parse: digits only, no sign, no overflow.
bool parseLength(std::string_view text, std::size_t& out) {
  if (text.empty()) return false;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    std::size_t digit = static_cast<std::size_t>(c - '0');
    if (value > (static_cast<std::size_t>(-1) - digit) / 10) return false;
    value = value * 10 + digit;
  }
  out = value;
  return true;
}

std::string excerpt(std::string_view text) {
  constexpr std::size_t kMax = 60; // enough to recognise the garbage in a log line
  std::string out = "\"";
  out += text.substr(0, kMax);
  if (text.size() > kMax) out += "...";
  out += "\"";
  return out;
}

} // namespace

MessageReader::MessageReader(int fd, std::size_t maxBodyBytes)
    : fd_(fd), maxBodyBytes_(maxBodyBytes) {}

bool MessageReader::fill() {
  if (eof_) return false;
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ > kChunk && pos_ * 2 > buffer_.size()) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  std::size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  ssize_t got;
  do {
    got = ::read(fd_, buffer_.data() + old, kChunk);
  } while (got < 0 && errno == EINTR);
  buffer_.resize(old + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
  if (got <= 0) {
    eof_ = true; // read errors are as final as end of stream for a message channel
    return false;
  }
  return true;
}

MessageReader::LineStatus MessageReader::readLine(std::string& line) {
  std::size_t searched = pos_;
  while (true) {
    std::size_t newline = buffer_.find('\n', searched);
    if (newline != std::string::npos) {
      std::size_t end = newline;
      if (end > pos_ && buffer_[end - 1] == '\r') --end;
      line.assign(buffer_, pos_, end - pos_);
      pos_ = newline + 1;
      return LineStatus::Line;
    }
    if (buffered() > kMaxHeaderLine) return LineStatus::TooLong;
    std::size_t offset = buffered();
    if (!fill()) {
      line.assign(buffer_, pos_, std::string::npos);
      pos_ = buffer_.size();
      return LineStatus::Eof;
    }
    searched = pos_ + offset; // fill() may have moved the data; resume after what we scanned
  }
}

bool MessageReader::skipToContentLength() {
  constexpr std::size_t kNeedle = kContentLength.size() + 1; // "content-length:"
  while (true) {
    for (std::size_t i = pos_; i + kNeedle <= buffer_.size(); ++i) {
      if (lower(buffer_[i]) == 'c' &&
          equalsIgnoreCase(std::string_view(buffer_).substr(i, kContentLength.size()),
                           kContentLength) &&
          buffer_[i + kContentLength.size()] == ':') {
        pos_ = i;
        return true;
      }
    }
    // Keep a possible partial match at the end; drop the rest, which is garbage.
    if (buffered() >= kNeedle) pos_ = buffer_.size() - (kNeedle - 1);
    if (!fill()) return false;
  }
}

ReadResult MessageReader::badHeader(std::string error) {
  resync_ = true;
  return ReadResult{ReadResult::Status::BadHeader, {}, std::move(error)};
}

ReadResult MessageReader::read() {
  if (resync_) {
    resync_ = false;
    if (!skipToContentLength()) return ReadResult{ReadResult::Status::Eof, {}, {}};
  }

  std::optional<std::size_t> length;
  bool sawHeader = false;
  std::string line;
  while (true) {
    LineStatus status = readLine(line);
    if (status == LineStatus::TooLong)
      return badHeader("header line longer than " + std::to_string(kMaxHeaderLine) + " bytes");
    if (status == LineStatus::Eof) {
      if (!sawHeader && trim(line).empty()) return ReadResult{ReadResult::Status::Eof, {}, {}};
      return ReadResult{ReadResult::Status::Eof, {}, "end of stream inside message headers"};
    }
    if (line.empty()) {
      if (!sawHeader) continue; // tolerate stray blank lines between messages
      break;
    }
    sawHeader = true;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) return badHeader("header line without ':': " + excerpt(line));
    std::string_view name = trim(std::string_view(line).substr(0, colon));
    std::string_view value = trim(std::string_view(line).substr(colon + 1));
    if (!equalsIgnoreCase(name, kContentLength))
      continue; // Content-Type and unknown headers carry nothing we act on
    std::size_t parsed;
    if (!parseLength(value, parsed)) return badHeader("invalid Content-Length: " + excerpt(value));
    if (length && *length != parsed) return badHeader("conflicting Content-Length headers");
    length = parsed;
  }
  if (!length) return badHeader("missing Content-Length header");

  if (*length > maxBodyBytes_) {
    // Report it now, without reading (or trusting) the declared length: discard input up to the
    // next Content-Length header instead. A JSON body never holds a raw header line, so an honest
    // oversized body is skipped just the same, and a lying header cannot stall the reader.
    resync_ = true;
    return ReadResult{ReadResult::Status::TooLarge,
                      {},
                      "message body of " + std::to_string(*length) +
                          " bytes exceeds the limit of " + std::to_string(maxBodyBytes_)};
  }

  ReadResult result{ReadResult::Status::Message, std::string(*length, '\0'), {}};
  std::size_t got = std::min(*length, buffered());
  result.body.replace(0, got, buffer_, pos_, got);
  pos_ += got;
  // Read the rest of the body straight into place rather than through the buffer.
  while (got < *length && !eof_) {
    ssize_t n;
    do {
      n = ::read(fd_, result.body.data() + got, *length - got);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
      eof_ = true;
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  if (got < *length)
    return ReadResult{ReadResult::Status::Eof,
                      {},
                      "end of stream inside message body (" + std::to_string(got) + " of " +
                          std::to_string(*length) + " bytes)"};
  return result;
}

MessageWriter::MessageWriter(int fd) : fd_(fd) {}

void MessageWriter::write(const nlohmann::json& message) {
  writeBody(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void MessageWriter::writeBody(std::string_view body) {
  // One buffer, so that a single write(2) usually carries the whole frame.
  std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  frame += body;
  std::lock_guard<std::mutex> lock(mutex_);
  if (failed_) return;
  std::size_t done = 0;
  while (done < frame.size()) {
    ssize_t n = ::write(fd_, frame.data() + done, frame.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed_ = true;
      return;
    }
    done += static_cast<std::size_t>(n);
  }
}

} // namespace dossier::protocol
