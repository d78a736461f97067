#include "server/features/story_words.h"

#include "server/analysis/passages/passage_lexicon.h"
#include "server/features/entities.h"
#include "server/index/story_words.h"

namespace dossier::features {
namespace {

index::StoryWords storyWordsOf(const RequestContext& context) {
  auto snapshot = context.snapshot;
  return index::StoryWords(
      snapshot->index->passages,
      [snapshot](index::DocId id) {
        const corpus::Document* doc = snapshot->document(id);
        if (!doc) return index::StoryDocument{};
        return index::StoryDocument{doc->analysis.get(), *doc->text, doc->path};
      },
      *snapshot->knowledge->passages);
}

// The story word under the request's cursor, with the lookup that found it; nullopt when none.
struct WordHere {
  const corpus::Document* doc;
  index::StoryWords words;
  index::StoryWord word;
};
std::optional<WordHere> wordHere(const RequestContext& context,
                                 const protocol::TextDocumentPositionParams& params) {
  const corpus::Document* doc = context.document(params.textDocument.uri);
  if (!doc) return std::nullopt;
  auto words = storyWordsOf(context);
  auto word = words.at(doc->id, context.offset(*doc, params.position));
  if (!word) return std::nullopt;
  return WordHere{doc, std::move(words), std::move(*word)};
}

} // namespace

std::optional<nlohmann::json> storyWordReferences(const RequestContext& context,
                                                  const protocol::ReferenceParams& params) {
  auto here = wordHere(context, params);
  if (!here) return std::nullopt;
  const corpus::Document* doc = here->doc;
  const index::StoryWord& word = here->word;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& found : here->words.occurrences(doc->id, word)) {
    // The word asked about is its own declaration: left out when the client says so.
    if (!params.context.includeDeclaration && found.doc == doc->id && found.span == word.span)
      continue;
    const corpus::Document* other = context.snapshot->document(found.doc);
    if (other) out.push_back(protocol::toJSON(context.location(*other, found.span)));
  }
  return out;
}

std::optional<nlohmann::json>
storyWordHighlights(const RequestContext& context,
                    const protocol::TextDocumentPositionParams& params) {
  auto here = wordHere(context, params);
  if (!here) return std::nullopt;
  nlohmann::json out = nlohmann::json::array();
  auto lines = context.lines(*here->doc);
  for (analysis::Span span : here->words.occurrencesIn(here->doc->id, here->word.key))
    out.push_back(protocol::toJSON(protocol::DocumentHighlight{
        context.range(lines, span), protocol::DocumentHighlightKind::Text}));
  return out;
}

} // namespace dossier::features
