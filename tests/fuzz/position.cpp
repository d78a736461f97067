// Fuzz target: LineIndex conversions between byte offsets and LSP positions over arbitrary bytes,
// in every encoding. Checks the properties the server relies on rather than exact values: results
// stay in range, conversions are monotonic, and a converted position or offset converts back to
// itself (round trip after one snap to a character boundary).
#include "protocol/position.h"

#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

using namespace dossier::protocol;

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

constexpr PositionEncoding kEncodings[] = {PositionEncoding::Utf8, PositionEncoding::Utf16,
                                           PositionEncoding::Utf32};

void checkLines(const LineIndex& index, std::size_t size) {
  require(index.lineCount() >= 1);
  require(index.lineStart(0) == 0);
  for (std::size_t line = 0; line < index.lineCount(); ++line) {
    std::size_t start = index.lineStart(line), end = index.lineContentEnd(line);
    require(start <= end && end <= size);
    if (line > 0) require(index.lineStart(line - 1) < start);
    require(index.lineOf(start) == line);
    std::size_t bytes = index.lineLength(line, PositionEncoding::Utf8);
    std::size_t units16 = index.lineLength(line, PositionEncoding::Utf16);
    std::size_t units32 = index.lineLength(line, PositionEncoding::Utf32);
    require(bytes == end - start);
    require(bytes >= units16 && units16 >= units32);
  }
  require(index.lineStart(index.lineCount()) == size);
}

void checkOffset(const LineIndex& index, std::size_t offset, PositionEncoding encoding) {
  std::size_t size = index.text().size();
  Position position = index.toPosition(offset, encoding);
  require(position.line >= 0 && static_cast<std::size_t>(position.line) < index.lineCount());
  require(position.character >= 0);
  std::size_t snapped = index.toOffset(position, encoding);
  require(snapped <= std::min(offset, size));
  require(snapped >= index.lineStart(static_cast<std::size_t>(position.line)));
  require(index.toPosition(snapped, encoding) == position);
  require(index.toOffset(index.toPosition(snapped, encoding), encoding) == snapped);
  // Monotonic: a later byte never maps to an earlier position.
  if (offset > 0) require(index.toPosition(offset - 1, encoding) <= position);
  Range range = index.toRange(snapped, offset, encoding);
  require(range.start == position && range.start <= range.end);
}

void checkPosition(const LineIndex& index, Position position, PositionEncoding encoding) {
  std::size_t offset = index.toOffset(position, encoding);
  require(offset <= index.text().size());
  Position back = index.toPosition(offset, encoding);
  require(index.toOffset(back, encoding) == offset);
  if (position.line >= 0 && static_cast<std::size_t>(position.line) < index.lineCount()) {
    require(back.line == position.line);
    require(offset <= index.lineContentEnd(static_cast<std::size_t>(position.line)));
    if (position.character >= 0) require(back.character <= position.character);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  std::size_t probes = input.ConsumeIntegralInRange<std::size_t>(1, 16);
  std::vector<std::pair<int, int>> positions;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < probes; ++i) {
    positions.emplace_back(input.ConsumeIntegral<int>(), input.ConsumeIntegral<int>());
    offsets.push_back(input.ConsumeIntegralInRange<std::size_t>(0, 1u << 20));
  }
  std::string text = input.ConsumeRemainingBytesAsString();
  LineIndex index(text);
  checkLines(index, text.size());
  for (PositionEncoding encoding : kEncodings) {
    for (std::size_t i = 0; i < probes; ++i) {
      checkOffset(index, offsets[i] % (text.size() + 2), encoding);
      checkPosition(index, {positions[i].first, positions[i].second}, encoding);
      // Positions near the text, where the interesting cases are.
      int lines = static_cast<int>(index.lineCount());
      checkPosition(
          index, {std::abs(positions[i].first % (lines + 1)), std::abs(positions[i].second % 64)},
          encoding);
    }
  }
  // Every offset of a short text.
  if (text.size() <= 256)
    for (PositionEncoding encoding : kEncodings)
      for (std::size_t offset = 0; offset <= text.size() + 1; ++offset)
        checkOffset(index, offset, encoding);
  return 0;
}
