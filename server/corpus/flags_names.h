// names/inconsistent: one entity spelled two ways across the corpus ("Orloff" where most documents
// write "Orlov"). A corpus-wide flag: it needs every mention of the entity, which only the
// snapshot's entity index can give, so it is computed here and not in the per-document analysis.
#pragma once

#include "server/analysis/rules/document_findings.h"
#include "server/corpus/snapshot.h"

#include <string>
#include <string_view>
#include <vector>

namespace dossier::corpus {

struct NameFinding {
  analysis::rules::Finding finding;
  DocId relatedDoc = 0;
  analysis::Span relatedSpan; // a mention written the majority way
  std::string relatedMessage;
};

// Whether every letter of `text` is Latin (ASCII or Latin-1/Extended): a name written in its own
// script (Cyrillic, Greek, CJK) is not a misspelling of its transliteration.
bool isLatinScript(std::string_view text);

// The spelling a comparison uses: lower case, dots dropped, runs of space folded.
std::string spellingOf(std::string_view surface);

// Mentions in `doc` written in a minority spelling of their own name, each pointing at a mention
// written the way most of the corpus writes it.
std::vector<NameFinding> inconsistentNames(const Snapshot& snapshot, const Document& doc);

} // namespace dossier::corpus
