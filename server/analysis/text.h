// Basic units of a document's text: byte spans, lines, paragraphs and sentences.
//
// Analysis works on UTF-8 bytes and keeps byte offsets everywhere; conversion to editor positions happens
// once, at the protocol boundary. Nothing here knows about LSP.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::analysis {

// Byte offset into a document's UTF-8 text. Documents larger than 4 GiB are not analysed.
using Offset = std::uint32_t;

struct Span {
  Offset begin = 0;
  Offset end = 0;

  Offset size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(Offset offset) const { return begin <= offset && offset < end; }
  bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(Span, Span) = default;
};

// The layout of a document. Every vector is sorted by offset and spans never overlap.
struct TextStructure {
  // Each line without its line break (\n, \r\n or a lone \r).
  std::vector<Span> lines;
  // Blocks of text separated by blank lines; inside a block whose lines are not hard-wrapped prose
  // (one comment or one paragraph per line, as crawled pages and comment threads are written),
  // each line is its own paragraph. Trimmed of surrounding white space.
  std::vector<Span> paragraphs;
  // Sentences, trimmed. A sentence never crosses a paragraph boundary.
  std::vector<Span> sentences;
  // For each sentence, the index of its paragraph.
  std::vector<std::uint32_t> sentenceParagraph;
};

TextStructure analyzeStructure(std::string_view text);

// Index of the element of `spans` (sorted, non-overlapping) that contains `offset`, or -1.
int findContaining(const std::vector<Span>& spans, Offset offset);

}  // namespace dossier::analysis
