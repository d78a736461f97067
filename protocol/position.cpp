#include "protocol/position.h"

#include <algorithm>
#include <cstring>

namespace dossier::protocol {

std::string_view toString(PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8:
    return "utf-8";
  case PositionEncoding::Utf16:
    return "utf-16";
  case PositionEncoding::Utf32:
    return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parsePositionEncoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::Utf8;
  if (name == "utf-16") return PositionEncoding::Utf16;
  if (name == "utf-32") return PositionEncoding::Utf32;
  return std::nullopt;
}

PositionEncoding negotiateEncoding(const std::vector<std::string>& offered) {
  // UTF-16 is mandatory for every client, so it is the safe answer whenever utf-8 is not on the
  // list; utf-32 alone is not worth choosing over it because clients must support UTF-16 anyway.
  for (const std::string& name : offered)
    if (name == "utf-8") return PositionEncoding::Utf8;
  return PositionEncoding::Utf16;
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Non-zero iff some byte of `word` equals `byte` (the classic SWAR "has zero byte" test on the
// XOR, which is exact for the yes/no question we ask).
constexpr std::uint64_t hasByte(std::uint64_t word, unsigned char byte) {
  std::uint64_t x = word ^ (kOnes * byte);
  return (x - kOnes) & ~x & kHighs;
}

// Length of the well-formed UTF-8 sequence at text[i], or 1 if text[i] does not start one
// (stray continuation byte, overlong form, surrogate, truncated sequence...). Treating every
// invalid byte as a one-unit character keeps the mapping total and monotonic.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3, low = 0xA0;
  } else if (lead >= 0xE1 && lead <= 0xEC) {
    length = 3;
  } else if (lead == 0xED) {
    length = 3, high = 0x9F;
  } else if (lead == 0xEE || lead == 0xEF) {
    length = 3;
  } else if (lead == 0xF0) {
    length = 4, low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    length = 4;
  } else if (lead == 0xF4) {
    length = 4, high = 0x8F;
  } else {
    return 1;
  }
  if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 1;
  for (std::size_t k = 2; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 1;
  return length;
}

std::size_t codeUnits(std::size_t sequenceBytes, PositionEncoding encoding) {
  switch (encoding) {
  case PositionEncoding::Utf8:
    return sequenceBytes;
  case PositionEncoding::Utf16:
    return sequenceBytes == 4 ? 2 : 1; // astral characters are surrogate pairs
  case PositionEncoding::Utf32:
    return 1;
  }
  return 1;
}

} // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  lineStarts_.push_back(0);
  const char* data = text.data();
  const std::size_t size = text.size();
  bool ascii = true;
  auto endLine = [&](std::size_t nextStart) {
    lineAscii_.push_back(ascii);
    ascii = true;
    lineStarts_.push_back(nextStart);
  };
  std::size_t i = 0;
  while (i < size) {
    // Fast path: skip 8 bytes at a time while they hold no line break and no non-ASCII byte,
    // which is nearly all of a typical source file.
    if (i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      if (((word & kHighs) | hasByte(word, '\n') | hasByte(word, '\r')) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '\n') {
      endLine(i + 1);
    } else if (c == '\r') {
      if (i + 1 < size && data[i + 1] == '\n') ++i;
      endLine(i + 1);
    } else if (c >= 0x80) {
      ascii = false;
    }
    ++i;
  }
  lineAscii_.push_back(ascii);
}

std::size_t LineIndex::lineStart(std::size_t line) const {
  return line < lineStarts_.size() ? lineStarts_[line] : text_.size();
}

std::size_t LineIndex::lineContentEnd(std::size_t line) const {
  if (line + 1 >= lineStarts_.size()) return text_.size();
  std::size_t start = lineStarts_[line];
  std::size_t next = lineStarts_[line + 1];
  if (next - start >= 2 && text_[next - 2] == '\r' && text_[next - 1] == '\n') return next - 2;
  return next - 1;
}

std::size_t LineIndex::lineOf(std::size_t byteOffset) const {
  byteOffset = std::min(byteOffset, text_.size());
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), byteOffset);
  return static_cast<std::size_t>(it - lineStarts_.begin()) - 1;
}

std::size_t LineIndex::lineLength(std::size_t line, PositionEncoding encoding) const {
  if (line >= lineStarts_.size()) return 0;
  std::size_t start = lineStarts_[line], end = lineContentEnd(line);
  if (lineAscii_[line]) return end - start;
  std::size_t units = 0;
  for (std::size_t i = start; i < end;) {
    std::size_t length = sequenceLength(text_, i);
    units += codeUnits(length, encoding);
    i += length;
  }
  return units;
}

Position LineIndex::toPosition(std::size_t byteOffset, PositionEncoding encoding) const {
  byteOffset = std::min(byteOffset, text_.size());
  std::size_t line = lineOf(byteOffset);
  std::size_t start = lineStarts_[line];
  std::size_t end = std::min(byteOffset, lineContentEnd(line));
  if (lineAscii_[line]) return Position{static_cast<int>(line), static_cast<int>(end - start)};
  return positionOnLine(text_, line, start, end, byteOffset, encoding);
}

Position positionOnLine(std::string_view text, std::size_t line, std::size_t lineStart,
                        std::size_t contentEnd, std::size_t byteOffset, PositionEncoding encoding) {
  std::size_t end = std::min({byteOffset, contentEnd, text.size()});
  // ASCII bytes are one code unit in every encoding: decode only from the first other byte.
  std::size_t i = lineStart;
  while (i < end && static_cast<unsigned char>(text[i]) < 0x80)
    ++i;
  std::size_t units = i - lineStart;
  while (i < end) {
    std::size_t length = sequenceLength(text, i);
    if (i + length > end) break; // byteOffset is inside this character: report its start
    units += codeUnits(length, encoding);
    i += length;
  }
  return Position{static_cast<int>(line), static_cast<int>(units)};
}

std::size_t LineIndex::toOffset(Position position, PositionEncoding encoding) const {
  if (position.line < 0) position = Position{0, 0};
  std::size_t line = static_cast<std::size_t>(position.line);
  if (line >= lineStarts_.size()) return text_.size();
  std::size_t start = lineStarts_[line], end = lineContentEnd(line);
  std::size_t wanted = static_cast<std::size_t>(std::max(position.character, 0));
  if (lineAscii_[line]) return start + std::min(wanted, end - start);
  std::size_t units = 0, i = start;
  while (i < end) {
    std::size_t length = sequenceLength(text_, i);
    std::size_t charUnits = codeUnits(length, encoding);
    if (units + charUnits > wanted)
      break; // wanted is reached, or falls inside this character: stop at its start
    units += charUnits;
    i += length;
  }
  return i;
}

Range LineIndex::toRange(std::size_t begin, std::size_t end, PositionEncoding encoding) const {
  return Range{toPosition(begin, encoding), toPosition(end, encoding)};
}

} // namespace dossier::protocol
