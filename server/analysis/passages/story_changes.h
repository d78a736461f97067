// How a story changed between two passages that tell it: who it is attributed to, how sure it
// sounds, which figures it gives, how much of a quote survives. Pure comparison of two passages'
// features; the related-passages features turn it into the one-line reason shown in pickers.
#pragma once

#include "server/analysis/passages/document_passages.h"

#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis::passages {

// The differences `other` shows against `asked`, each a short phrase, most telling first:
// "attribution dropped (was: Ilves)", "adds hedge \"reportedly\"", "numbers differ: 12 vs 14
// million", "quote shortened". Empty when the story is told the same way.
std::vector<std::string> storyChanges(const Passage& asked, const Passage& other);

// What the two passages have in common, for the reason line: the shared names and words given
// (rarest first, as the index found them) and, when both attribute a claim the same way, "same
// claim: ...". Shared words are shown as first written in the asked passage, read again from
// `askedText` (the asked passage's document).
std::string sharedSummary(std::string_view askedText, const Passage& asked, const Passage& other,
                          const std::vector<std::string>& sharedEntities,
                          const std::vector<std::string>& sharedStems, const Lexicon& lexicon);

// The whole one-line reason: "shares: Musk, Putin, contact · same claim: denied · numbers differ:
// 12 vs 14". A near-duplicate says so first.
std::string relatedReason(const std::string& shared, const std::vector<std::string>& changes,
                          bool nearDuplicate);

} // namespace dossier::analysis::passages
