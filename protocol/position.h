// LSP positions and the per-document line index that converts them to byte offsets.
//
// The server keeps documents as UTF-8 and analyses them in byte offsets; LSP positions count
// code units in an encoding negotiated at initialize (UTF-16 unless both sides agree otherwise).
// LineIndex is the single place where the two meet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::protocol {

enum class PositionEncoding { Utf8, Utf16, Utf32 };

// "utf-8", "utf-16", "utf-32": the PositionEncodingKind strings of LSP 3.17.
std::string_view toString(PositionEncoding);
std::optional<PositionEncoding> parsePositionEncoding(std::string_view);

// Choose from the client's general.positionEncodings (in the client's order of preference): utf-8
// if offered, else utf-16 (the default, also when the list is absent or empty). utf-8 wins even
// when it is not the client's first choice because it makes conversions free on our side.
PositionEncoding negotiateEncoding(const std::vector<std::string>& offered);

struct Position {
  int line = 0;      // zero-based
  int character = 0; // code units of the negotiated encoding
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

struct Range {
  Position start, end;
  friend bool operator==(const Range&, const Range&) = default;
};

// Per-document line index over UTF-8 text (the text is not copied: keep it alive).
// Lines end at \n, \r\n or a lone \r (LSP's definition). Invalid UTF-8 bytes count as one code
// unit each in every encoding, so that any byte string maps to positions and back.
class LineIndex {
public:
  explicit LineIndex(std::string_view text);

  // Offsets past the end clamp to the end; an offset inside a line break maps to the end of the
  // line's content; an offset inside a multi-byte character maps to the start of that character.
  Position toPosition(std::size_t byteOffset, PositionEncoding) const;
  // Clamps: a line past the end -> end of text; a character past the end of its line -> end of
  // that line (before its line break); a position inside a surrogate pair / multi-byte char ->
  // start of that char. Negative numbers clamp to 0.
  std::size_t toOffset(Position, PositionEncoding) const;
  Range toRange(std::size_t begin, std::size_t end, PositionEncoding) const;

  std::size_t lineCount() const { return lineStarts_.size(); }
  // Byte offset of the first byte of `line`; text size for lines past the end.
  std::size_t lineStart(std::size_t line) const;
  // Byte offset just past the line's content, i.e. where its line break (if any) begins.
  std::size_t lineContentEnd(std::size_t line) const;
  // Zero-based line containing byteOffset (clamped to the text).
  std::size_t lineOf(std::size_t byteOffset) const;
  // Length of the line's content in code units of the encoding.
  std::size_t lineLength(std::size_t line, PositionEncoding) const;
  std::string_view text() const { return text_; }

private:
  std::string_view text_;
  std::vector<std::size_t> lineStarts_;
  // One flag per line: true if the line (including its break) is pure ASCII, so that code units
  // equal bytes in every encoding and conversions need no decoding.
  std::vector<std::uint8_t> lineAscii_;
};

// What LineIndex::toPosition answers for an offset on line `line`, which starts at byte `lineStart`
// and whose content (before its line break) ends at `contentEnd`: for callers that keep their own
// table of line spans (the analysis layer's) and should not build a LineIndex per document.
// Allocates nothing; reads the line's bytes up to the offset only when some of them are not ASCII.
Position positionOnLine(std::string_view text, std::size_t line, std::size_t lineStart,
                        std::size_t contentEnd, std::size_t byteOffset, PositionEncoding);

} // namespace dossier::protocol
