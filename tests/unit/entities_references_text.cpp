// The references answer is JSON text written directly (features/references.cpp), not nlohmann
// values dumped: byte for byte the text building the values wrote, in utf-8 and utf-16, on texts
// with accented letters, astral characters (surrogate pairs in utf-16), \r\n and lone \r breaks,
// and a file name the URI percent-encodes.
#include "entities_features_fixture.h"
#include "protocol/types_basic.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

// What references answered before: every mention of the entity under the cursor as a Location
// built with a LineIndex of its document, in one nlohmann array, dumped.
std::string referencesAsValues(FeatureCorpus& corpus, const std::string& name,
                               bool includeDeclaration) {
  auto& context = corpus.context();
  auto lookup = features::EntityLookup::of(context);
  protocol::TextDocumentPositionParams params;
  params.textDocument.uri = FeatureCorpus::uri(name);
  params.position = protocol::LineIndex(corpus.doc(name).text)
                        .toPosition(*corpus.doc(name).cursor, context.encoding);
  auto here = lookup->at(context, params);
  REQUIRE(here);
  std::string entity = lookup->query->entityOf(*here->mention);
  const auto& all = lookup->query->mentionsOf(entity);
  auto definition = lookup->query->definitionOf(entity, all);
  json out = json::array();
  for (const auto& ref : all) {
    if (!includeDeclaration && definition && definition->doc == ref.doc &&
        definition->mention == ref.mention)
      continue;
    const corpus::Document* doc = context.snapshot->document(ref.doc);
    REQUIRE(doc);
    protocol::LineIndex lines(*doc->text);
    out.push_back(protocol::toJSON(protocol::Location{
        lsp::RequestContext::uriOf(*doc),
        lines.toRange(ref.mention->span.begin, ref.mention->span.end, context.encoding)}));
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

TEST_CASE("references written as text are the JSON the values dumped", "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "Zoë Çelik 😀 met ^Elon Musk in Zürich.\r\n"
               "On Tuesday 𝕏 🚀 Elon Musk said the launch was fine, Musk added.\n"},
      {"b é.md", "«Élysée» 👍👍 — Elon Musk spoke to reporters.\rMusk left. 😀😀 Elon Musk "
                 "returned.\n"},
      {"c.md", "Plain text first. Elon Musk arrived.\n\nMusk \xF0\x9F\x98\x80 spoke.\n"},
  });
  std::map<protocol::PositionEncoding, std::string> answers;
  for (auto encoding : {protocol::PositionEncoding::Utf8, protocol::PositionEncoding::Utf16}) {
    corpus.context().encoding = encoding;
    for (bool includeDeclaration : {true, false}) {
      INFO("encoding " << protocol::toString(encoding) << ", declaration " << includeDeclaration);
      json params = corpus.atCursor("a.md");
      auto cursor = protocol::LineIndex(corpus.doc("a.md").text)
                        .toPosition(*corpus.doc("a.md").cursor, encoding);
      params["position"] = protocol::toJSON(cursor);
      params["context"] = {{"includeDeclaration", includeDeclaration}};
      corpus.context().resultText.reset();
      features::references(corpus.context(), params);
      REQUIRE(corpus.context().resultText);
      const std::string& text = *corpus.context().resultText;
      std::string expected = referencesAsValues(corpus, "a.md", includeDeclaration);
      CHECK(text == expected);
      CHECK(json::parse(text) == json::parse(expected));
      CHECK(json::parse(text).size() >= (includeDeclaration ? 8u : 7u));
      if (includeDeclaration) answers[encoding] = text;
    }
  }
  // Not a vacuous comparison: the astral characters before some names move them in utf-16.
  CHECK(answers[protocol::PositionEncoding::Utf8] != answers[protocol::PositionEncoding::Utf16]);
  CHECK(answers[protocol::PositionEncoding::Utf8].find("b%20%C3%A9.md") != std::string::npos);
}
