#include "tests/support/annotations.h"

#include "protocol/position.h"

#include <cctype>
#include <stdexcept>

namespace dossier::testing {

namespace {

bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

protocol::PositionEncoding encodingOf(const std::string& name) {
  auto encoding = protocol::parsePositionEncoding(name);
  if (!encoding) throw std::invalid_argument("unknown position encoding: " + name);
  return *encoding;
}

} // namespace

Annotated::Annotated(std::string_view marked, bool caretIsCursor) {
  struct Open {
    std::string name;     // empty: unnamed
    std::size_t slot = 0; // index in ranges_ for unnamed ranges
  };
  std::vector<Open> open;
  std::size_t i = 0;
  while (i < marked.size()) {
    if (marked[i] == '$') {
      std::size_t j = i + 1;
      while (j < marked.size() && isNameChar(marked[j]))
        ++j;
      if (j > i + 1 && marked.substr(j, 2) == "[[") {
        std::string name(marked.substr(i + 1, j - i - 1));
        if (named_.count(name)) throw std::invalid_argument("range named twice: " + name);
        named_[name] = {text_.size(), text_.size()};
        open.push_back({name, 0});
        i = j + 2;
        continue;
      }
    }
    if (marked.substr(i, 2) == "[[") {
      ranges_.push_back({text_.size(), text_.size()});
      open.push_back({"", ranges_.size() - 1});
      i += 2;
    } else if (marked.substr(i, 2) == "]]" && !open.empty()) {
      Open last = open.back();
      open.pop_back();
      if (last.name.empty())
        ranges_[last.slot].end = text_.size();
      else
        named_[last.name].end = text_.size();
      i += 2;
    } else if (marked.substr(i, 2) == "]]") {
      throw std::invalid_argument("']]' without '[[' at marked offset " + std::to_string(i));
    } else if (caretIsCursor && marked[i] == '^') {
      points_.push_back(text_.size());
      ++i;
    } else {
      text_.push_back(marked[i]);
      ++i;
    }
  }
  if (!open.empty()) throw std::invalid_argument("unclosed '[[' in marked text");
}

std::size_t Annotated::point() const {
  if (points_.size() != 1)
    throw std::logic_error("fixture has " + std::to_string(points_.size()) + " cursors, not 1");
  return points_.front();
}

ByteRange Annotated::range() const {
  if (ranges_.size() != 1)
    throw std::logic_error("fixture has " + std::to_string(ranges_.size()) + " ranges, not 1");
  return ranges_.front();
}

ByteRange Annotated::range(const std::string& name) const {
  auto it = named_.find(name);
  if (it == named_.end()) throw std::out_of_range("no range named " + name);
  return it->second;
}

nlohmann::json Annotated::position(std::size_t offset, const std::string& encoding) const {
  protocol::LineIndex index(text_);
  auto p = index.toPosition(offset, encodingOf(encoding));
  return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json Annotated::lspRange(ByteRange range, const std::string& encoding) const {
  return {{"start", position(range.begin, encoding)}, {"end", position(range.end, encoding)}};
}

std::optional<std::size_t> Annotated::offset(const nlohmann::json& position,
                                             const std::string& encoding) const {
  if (!position.is_object() || !position.contains("line") || !position.contains("character"))
    return std::nullopt;
  protocol::LineIndex index(text_);
  int line = position["line"].get<int>();
  if (line < 0 || static_cast<std::size_t>(line) >= index.lineCount()) return std::nullopt;
  return index.toOffset({line, position["character"].get<int>()}, encodingOf(encoding));
}

std::optional<ByteRange> Annotated::byteRange(const nlohmann::json& lspRange,
                                              const std::string& encoding) const {
  if (!lspRange.is_object()) return std::nullopt;
  auto begin = offset(lspRange.value("start", nlohmann::json()), encoding);
  auto end = offset(lspRange.value("end", nlohmann::json()), encoding);
  if (!begin || !end) return std::nullopt;
  return ByteRange{*begin, *end};
}

} // namespace dossier::testing
