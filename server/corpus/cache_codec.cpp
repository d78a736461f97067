#include "server/corpus/cache_codec.h"

#include <cstring>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace dossier::corpus::cache {

using namespace analysis;

// A new field in any of these must be written and read below, and kFormatVersion bumped.
static_assert(sizeof(Span) == 8,
              "Span changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(TextStructure) == 96,
              "TextStructure changed: update server/corpus/cache_codec and bump the format");
// Mention's, Role's, Statement's and Ambiguity's keys are interned (4 bytes each) but written as
// the same strings as before.
static_assert(sizeof(entities::Mention) == 24,
              "Mention changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(entities::Role) == 12,
              "Role changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(entities::Statement) == 16,
              "Statement changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(entities::Ambiguity) == 32,
              "Ambiguity changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(entities::DocumentEntities) == 144,
              "DocumentEntities changed: update server/corpus/cache_codec and bump the format");
// Finding's code is interned but written as the same string as before.
static_assert(sizeof(rules::Finding) == 48,
              "Finding changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(rules::LineKey) == 24,
              "LineKey changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(rules::DocumentFindings) == 48,
              "DocumentFindings changed: update server/corpus/cache_codec and bump the format");
// Term's, Figure's, Attribution's and Passage's strings (but quotes) are interned (4 bytes each)
// but written as the same strings as before.
static_assert(sizeof(passages::Term) == 8,
              "Term changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(passages::Figure) == 8,
              "Figure changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(passages::Attribution) == 16,
              "Attribution changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(passages::Passage) == 168,
              "Passage changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(passages::DocumentPassages) == 24,
              "DocumentPassages changed: update server/corpus/cache_codec and bump the format");
static_assert(sizeof(DocumentAnalysis) == 312,
              "DocumentAnalysis changed: update server/corpus/cache_codec and bump the format");

namespace {

class Encoder {
public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void fixed64(std::uint64_t v) {
    char bytes[8];
    std::memcpy(bytes, &v, 8);
    out_.append(bytes, 8);
  }
  // A string's first occurrence is written inline (0, length, bytes); a repeat as 1 + its number.
  void str(const std::string& s) {
    auto [it, inserted] = seen_.try_emplace(s, static_cast<std::uint32_t>(seen_.size()));
    if (!inserted) {
      varint(it->second + 1);
      return;
    }
    varint(0);
    varint(s.size());
    out_.append(s);
  }
  // Spans are written as signed (zigzag) deltas from the previous begin: small in sorted lists,
  // still exact in unsorted ones.
  void span(Span s) {
    std::int64_t delta = static_cast<std::int64_t>(s.begin) - static_cast<std::int64_t>(last_);
    varint(static_cast<std::uint64_t>((delta << 1) ^ (delta >> 63)));
    varint(s.end - s.begin);
    last_ = s.begin;
  }
  void resetSpans() { last_ = 0; }
  void count(std::size_t n) { varint(n); }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
  std::unordered_map<std::string, std::uint32_t> seen_;
  Offset last_ = 0;
};

struct Malformed : std::runtime_error {
  Malformed() : std::runtime_error("malformed cache entry") {}
};

class Decoder {
public:
  explicit Decoder(std::string_view bytes) : in_(bytes) {}

  std::uint8_t u8() {
    if (pos_ >= in_.size()) throw Malformed();
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint8_t byte = u8();
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    throw Malformed();
  }
  std::uint32_t u32() {
    std::uint64_t v = varint();
    if (v > 0xFFFFFFFFu) throw Malformed();
    return static_cast<std::uint32_t>(v);
  }
  std::uint64_t fixed64() {
    if (in_.size() - pos_ < 8) throw Malformed();
    std::uint64_t v;
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  std::string str() {
    std::uint64_t ref = varint();
    if (ref > 0) {
      if (ref > seen_.size()) throw Malformed();
      return std::string(seen_[ref - 1]);
    }
    std::uint64_t size = varint();
    if (size > in_.size() - pos_) throw Malformed();
    std::string_view s = in_.substr(pos_, size);
    pos_ += size;
    seen_.push_back(s);
    return std::string(s);
  }
  Span span() {
    std::uint64_t zigzag = varint();
    if (zigzag >> 34) throw Malformed(); // no delta between 32-bit offsets is that large
    std::int64_t delta =
        static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1);
    std::int64_t signedBegin = static_cast<std::int64_t>(last_) + delta;
    if (signedBegin < 0) throw Malformed();
    std::uint64_t begin = static_cast<std::uint64_t>(signedBegin);
    std::uint64_t end = begin + varint();
    if (end > 0xFFFFFFFFu) throw Malformed();
    last_ = static_cast<Offset>(begin);
    return {static_cast<Offset>(begin), static_cast<Offset>(end)};
  }
  void resetSpans() { last_ = 0; }
  // A vector length: every element takes at least one byte, so a count beyond the bytes left is
  // damage (and must not become a huge allocation).
  std::size_t count() {
    std::uint64_t n = varint();
    if (n > in_.size() - pos_) throw Malformed();
    return static_cast<std::size_t>(n);
  }
  bool atEnd() const { return pos_ == in_.size(); }

private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::vector<std::string_view> seen_;
  Offset last_ = 0;
};

template <typename T, typename Write>
void writeList(Encoder& e, const std::vector<T>& items, Write&& write) {
  e.count(items.size());
  e.resetSpans();
  for (const auto& item : items)
    write(item);
}

template <typename T, typename Read> void readList(Decoder& d, std::vector<T>& items, Read&& read) {
  std::size_t n = d.count();
  d.resetSpans();
  items.resize(n);
  for (auto& item : items)
    read(item);
}

void writeStrings(Encoder& e, const std::vector<std::string>& items) {
  writeList(e, items, [&](const std::string& s) { e.str(s); });
}
void readStrings(Decoder& d, std::vector<std::string>& items) {
  readList(d, items, [&](std::string& s) { s = d.str(); });
}
void writeStrings(Encoder& e, const std::vector<Interned>& items) {
  writeList(e, items, [&](Interned s) { e.str(s); });
}
void readStrings(Decoder& d, std::vector<Interned>& items) {
  readList(d, items, [&](Interned& s) { s = d.str(); });
}

void writeStructure(Encoder& e, const TextStructure& s) {
  for (const auto* spans : {&s.lines, &s.paragraphs, &s.sentences})
    writeList(e, *spans, [&](Span span) { e.span(span); });
  writeList(e, s.sentenceParagraph, [&](std::uint32_t p) { e.varint(p); });
}
void readStructure(Decoder& d, TextStructure& s) {
  for (auto* spans : {&s.lines, &s.paragraphs, &s.sentences})
    readList(d, *spans, [&](Span& span) { span = d.span(); });
  readList(d, s.sentenceParagraph, [&](std::uint32_t& p) { p = d.u32(); });
}

void writeEntities(Encoder& e, const entities::DocumentEntities& x) {
  writeList(e, x.mentions, [&](const entities::Mention& m) {
    e.span(m.span);
    e.str(m.key);
    e.u8(static_cast<std::uint8_t>(m.type));
    e.str(m.surfaceKey);
    e.u8(m.flags);
    e.varint(m.sentence);
    e.u8(static_cast<std::uint8_t>(m.ownType));
    e.u8(static_cast<std::uint8_t>((m.typeGuessed ? 1 : 0) | (m.teamContext ? 2 : 0) |
                                   (m.teamName ? 4 : 0) | (m.pageChrome ? 8 : 0) |
                                   (m.nominal ? 16 : 0)));
  });
  writeList(e, x.roles, [&](const entities::Role& r) {
    e.span(r.span);
    e.str(r.key);
  });
  writeList(e, x.statements, [&](const entities::Statement& s) {
    e.span(s.span);
    e.str(s.key);
    e.str(s.cue);
  });
  writeList(e, x.ambiguities, [&](const entities::Ambiguity& a) {
    e.str(a.surfaceKey);
    writeStrings(e, a.candidates);
  });
  writeList(e, x.lowercaseWords, [&](std::uint64_t h) { e.fixed64(h); });
  writeList(e, x.definedAcronyms, [&](const std::pair<std::string, std::string>& p) {
    e.str(p.first);
    e.str(p.second);
  });
}
void readEntities(Decoder& d, entities::DocumentEntities& x) {
  readList(d, x.mentions, [&](entities::Mention& m) {
    m.span = d.span();
    m.key = d.str();
    std::uint8_t type = d.u8();
    if (type > static_cast<std::uint8_t>(entities::EntityType::Other)) throw Malformed();
    m.type = static_cast<entities::EntityType>(type);
    m.surfaceKey = d.str();
    m.flags = d.u8();
    m.sentence = d.u32();
    std::uint8_t own = d.u8();
    if (own > static_cast<std::uint8_t>(entities::EntityType::Other)) throw Malformed();
    m.ownType = static_cast<entities::EntityType>(own);
    std::uint8_t bits = d.u8();
    m.typeGuessed = (bits & 1) != 0;
    m.teamContext = (bits & 2) != 0;
    m.teamName = (bits & 4) != 0;
    m.pageChrome = (bits & 8) != 0;
    m.nominal = (bits & 16) != 0;
  });
  readList(d, x.roles, [&](entities::Role& r) {
    r.span = d.span();
    r.key = d.str();
  });
  readList(d, x.statements, [&](entities::Statement& s) {
    s.span = d.span();
    s.key = d.str();
    s.cue = d.str();
  });
  readList(d, x.ambiguities, [&](entities::Ambiguity& a) {
    a.surfaceKey = d.str();
    readStrings(d, a.candidates);
  });
  readList(d, x.lowercaseWords, [&](std::uint64_t& h) { h = d.fixed64(); });
  readList(d, x.definedAcronyms, [&](std::pair<std::string, std::string>& p) {
    p.first = d.str();
    p.second = d.str();
  });
}

void writeFindings(Encoder& e, const rules::DocumentFindings& x) {
  writeList(e, x.findings, [&](const rules::Finding& f) {
    e.span(f.span);
    e.str(f.code);
    e.str(f.message);
  });
  writeList(e, x.lines, [&](const rules::LineKey& l) {
    e.fixed64(l.hash);
    e.span(l.span);
    e.u8(l.flagged ? 1 : 0);
  });
}
void readFindings(Decoder& d, rules::DocumentFindings& x) {
  readList(d, x.findings, [&](rules::Finding& f) {
    f.span = d.span();
    f.code = d.str();
    f.message = d.str();
  });
  readList(d, x.lines, [&](rules::LineKey& l) {
    l.hash = d.fixed64();
    l.span = d.span();
    l.flagged = d.u8() != 0;
  });
}

void writePassage(Encoder& e, const passages::Passage& p) {
  e.varint(p.span.begin);
  e.varint(p.span.end - p.span.begin);
  e.u8(static_cast<std::uint8_t>(p.kind));
  writeList(e, p.terms, [&](const passages::Term& t) {
    e.str(t.stem);
    e.varint(t.count);
    e.varint(t.windows);
  });
  // Keys, then windows: the layout of when they were two lists.
  writeList(e, p.entities, [&](const passages::PassageEntity& x) { e.str(x.key); });
  writeList(e, p.entities, [&](const passages::PassageEntity& x) { e.varint(x.windows); });
  e.u8(p.windowCount);
  writeList(e, p.figures, [&](const passages::Figure& f) {
    e.str(f.value);
    e.str(f.unit);
  });
  writeList(e, p.attributions, [&](const passages::Attribution& a) {
    e.str(a.cue);
    e.str(a.kind);
    e.str(a.speaker);
    e.str(a.speakerKey);
  });
  writeStrings(e, p.hedges);
  writeStrings(e, p.quotes);
  e.str(p.source);
  e.varint(p.length);
}
void readPassage(Decoder& d, passages::Passage& p) {
  std::uint64_t begin = d.varint(), size = d.varint();
  if (begin + size > 0xFFFFFFFFu) throw Malformed();
  p.span = {static_cast<Offset>(begin), static_cast<Offset>(begin + size)};
  std::uint8_t kind = d.u8();
  if (kind > static_cast<std::uint8_t>(passages::PassageKind::QuotedBlock)) throw Malformed();
  p.kind = static_cast<passages::PassageKind>(kind);
  readList(d, p.terms, [&](passages::Term& t) {
    t.stem = d.str();
    std::uint64_t count = d.varint();
    if (count > 0xFFFF) throw Malformed();
    t.count = static_cast<std::uint16_t>(count);
    std::uint64_t windows = d.varint();
    if (windows > 0xFFFF) throw Malformed();
    t.windows = static_cast<std::uint16_t>(windows);
  });
  readList(d, p.entities, [&](passages::PassageEntity& x) { x.key = d.str(); });
  if (d.count() != p.entities.size()) throw Malformed(); // one window set per key
  for (passages::PassageEntity& x : p.entities) {
    std::uint64_t windows = d.varint();
    if (windows > 0xFFFF) throw Malformed();
    x.windows = static_cast<std::uint16_t>(windows);
  }
  p.windowCount = d.u8();
  if (p.windowCount == 0 || p.windowCount > passages::kMaxWindows) throw Malformed();
  readList(d, p.figures, [&](passages::Figure& f) {
    f.value = d.str();
    f.unit = d.str();
  });
  readList(d, p.attributions, [&](passages::Attribution& a) {
    a.cue = d.str();
    a.kind = d.str();
    a.speaker = d.str();
    a.speakerKey = d.str();
  });
  readStrings(d, p.hedges);
  readStrings(d, p.quotes);
  p.source = d.str();
  p.length = d.u32();
}

} // namespace

std::string encodeAnalysis(const DocumentAnalysis& analysis) {
  Encoder e;
  writeStructure(e, analysis.structure);
  writeEntities(e, analysis.entities);
  writeFindings(e, analysis.findings);
  writeList(e, analysis.passages.passages, [&](const passages::Passage& p) { writePassage(e, p); });
  return e.take();
}

std::shared_ptr<const DocumentAnalysis> decodeAnalysis(std::string_view bytes) {
  try {
    Decoder d(bytes);
    auto analysis = std::make_shared<DocumentAnalysis>();
    readStructure(d, analysis->structure);
    readEntities(d, analysis->entities);
    readFindings(d, analysis->findings);
    readList(d, analysis->passages.passages, [&](passages::Passage& p) { readPassage(d, p); });
    if (!d.atEnd()) return nullptr;
    return analysis;
  } catch (const Malformed&) {
    return nullptr;
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

std::uint64_t stableHash(std::string_view bytes, std::uint64_t seed) {
  // Eight bytes at a time (multiply-xorshift), then the tail; fast enough to check a 100 MB cache.
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = seed ^ (bytes.size() * kMul);
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = (h ^ tail) * kMul;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

} // namespace dossier::corpus::cache
