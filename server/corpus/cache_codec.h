// A compact binary encoding of one document's analysis, for the persistent analysis cache.
//
// Integers are LEB128 varints, offsets are deltas from the previous span, and every string is
// written once per document: a repeat is a back-reference to its first occurrence (entity keys,
// stems and finding codes repeat a lot). Decoding checks every length against the bytes left and
// returns null on anything malformed, so a damaged cache entry is re-analysed, never trusted.
//
// Every serialised struct has a static_assert on its size next to the codec (cache_codec.cpp): a
// new field fails the build there until the codec writes it and kFormatVersion is bumped.
#pragma once

#include "server/analysis/document.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace dossier::corpus::cache {

// Bump whenever the encoding or any serialised struct changes.
// 2: tokens are no longer part of an analysis.
// 3: passages record their windows (which sentences each term and entity is in).
// 6: a one-word mention records whether it sits on a line of page chrome (Mention::pageChrome).
// 7: a mention records whether it is a demonym standing for one person (Mention::nominal).
// 8: a passage's terms no longer hold the word as written.
inline constexpr std::uint32_t kFormatVersion = 8;

std::string encodeAnalysis(const analysis::DocumentAnalysis& analysis);

// Null when `bytes` is not a complete, well-formed encoding.
std::shared_ptr<const analysis::DocumentAnalysis> decodeAnalysis(std::string_view bytes);

// A stable 64-bit hash (FNV-1a then a final mix): the same bytes hash alike on every build, unlike
// std::hash, so it can name cache folders and check cached bytes.
std::uint64_t stableHash(std::string_view bytes, std::uint64_t seed = 0);

} // namespace dossier::corpus::cache
