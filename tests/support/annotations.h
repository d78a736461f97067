// Marked-text fixtures for tests: write the expectation inside the text itself.
//
//   "Harbour Minister [[Marta Ilves]] met ^[[Ilves]]'s aide $envoy[[Anton Merkulov]]."
//
//   ^            a cursor (at most one per fixture unless points() is used)
//   [[ ... ]]    an unnamed range, in order of appearance
//   $name[[ ]]   a named range (name: letters, digits, '_' or '-')
//
// Markup is removed from the text; offsets are UTF-8 byte offsets into the clean text. Ranges may
// nest. A literal "^" cannot be written; fixtures with carets in prose should use ranges only
// (Annotated::parse(text, /*caretIsCursor=*/false)).
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::testing {

struct ByteRange {
  std::size_t begin = 0, end = 0;
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
  friend auto operator<=>(const ByteRange&, const ByteRange&) = default;
};

class Annotated {
public:
  // Throws std::invalid_argument on unbalanced [[ ]] or a named range that is never opened.
  explicit Annotated(std::string_view marked, bool caretIsCursor = true);

  const std::string& text() const { return text_; }
  // The single cursor; throws std::logic_error if the fixture has none or several.
  std::size_t point() const;
  const std::vector<std::size_t>& points() const { return points_; }
  // The single unnamed range; throws std::logic_error if there is not exactly one.
  ByteRange range() const;
  // Unnamed ranges in order of their opening "[[".
  const std::vector<ByteRange>& ranges() const { return ranges_; }
  // Named range; throws std::out_of_range if absent.
  ByteRange range(const std::string& name) const;
  const std::map<std::string, ByteRange>& namedRanges() const { return named_; }
  std::string_view slice(ByteRange r) const {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

  // LSP conversions in UTF-8 or UTF-16 code units ("utf-8" / "utf-16").
  nlohmann::json position(std::size_t offset, const std::string& encoding = "utf-8") const;
  nlohmann::json lspRange(ByteRange range, const std::string& encoding = "utf-8") const;
  // Byte offset of an LSP position object; nullopt if it is outside the text.
  std::optional<std::size_t> offset(const nlohmann::json& position,
                                    const std::string& encoding = "utf-8") const;
  std::optional<ByteRange> byteRange(const nlohmann::json& lspRange,
                                     const std::string& encoding = "utf-8") const;

private:
  std::string text_;
  std::vector<std::size_t> points_;
  std::vector<ByteRange> ranges_;
  std::map<std::string, ByteRange> named_;
};

} // namespace dossier::testing
