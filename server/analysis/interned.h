// A string stored once per process and referred to by a 32-bit id.
//
// Passage terms and index keys repeat the same few hundred thousand words across every document of
// a corpus: as std::string each costs 32 bytes (plus a heap block when longer than 15 bytes) per
// use. An Interned costs 4 bytes per use and the text once. Equal texts have equal ids, so equality
// is an integer comparison; ordering compares the texts, so a sort by Interned is the sort by
// string and results do not depend on the order in which threads first interned their words.
//
// The table only grows (an id stays valid for the life of the process): a corpus's vocabulary is
// bounded, and an editing session adds at most the words typed. Interning takes a lock on one of
// several shards; reading an id's text takes none.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::analysis {

class Interned {
public:
  Interned() = default; // the empty string
  // Implicit on purpose: an Interned is used where a string was, and made from one.
  Interned(std::string_view text) : id_(intern(text)) {}
  Interned(const std::string& text) : id_(intern(text)) {}
  Interned(const char* text) : id_(intern(text)) {}

  // The Interned for `text` if some thread interned it already: a lookup that does not grow the
  // table (for queries with words no document has). Not named find(): an Interned converts to a
  // string, and `key.find("x")` on a field that used to be a std::string would have compiled
  // and silently looked up "x" in the table instead of searching the key's text.
  static std::optional<Interned> lookup(std::string_view text);
  // How many distinct strings are interned (the empty one included).
  static std::size_t tableSize();

  const std::string& str() const { return textOf(id_); }
  operator const std::string&() const { return textOf(id_); }
  operator std::string_view() const { return textOf(id_); }
  bool empty() const { return id_ == 0; }
  std::size_t size() const { return str().size(); }
  std::uint32_t id() const { return id_; }

  friend bool operator==(Interned a, Interned b) { return a.id_ == b.id_; }
  friend std::strong_ordering operator<=>(Interned a, Interned b) {
    if (a.id_ == b.id_) return std::strong_ordering::equal;
    return a.str().compare(b.str()) < 0 ? std::strong_ordering::less
                                        : std::strong_ordering::greater;
  }
  // Comparisons with plain text compare the text and intern nothing.
  friend bool operator==(Interned a, std::string_view b) { return a.str() == b; }
  friend bool operator==(Interned a, const std::string& b) { return a.str() == b; }
  friend bool operator==(Interned a, const char* b) { return a.str() == b; }
  friend bool operator<(Interned a, std::string_view b) { return std::string_view(a.str()) < b; }
  friend bool operator<(std::string_view a, Interned b) { return a < std::string_view(b.str()); }
  friend bool operator<(Interned a, const std::string& b) { return a.str() < b; }
  friend bool operator<(const std::string& a, Interned b) { return a < b.str(); }
  friend std::string operator+(const std::string& a, Interned b) { return a + b.str(); }
  friend std::string operator+(const char* a, Interned b) { return a + b.str(); }

private:
  static std::uint32_t intern(std::string_view text);
  static const std::string& textOf(std::uint32_t id);

  std::uint32_t id_ = 0;
};

} // namespace dossier::analysis

template <> struct std::hash<dossier::analysis::Interned> {
  std::size_t operator()(dossier::analysis::Interned value) const noexcept {
    // Ids are dense and distinct: a multiplicative mix spreads them over shards and buckets.
    return static_cast<std::size_t>(value.id()) * 0x9E3779B97F4A7C15ull;
  }
};
