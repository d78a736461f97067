// A person's surname misspelt once or twice ("Viktor Salienko" where the corpus mostly writes
// "Viktor Salenko") is one entity with the usual spelling in references; different given names or
// two spellings both in common use stay apart.
#include "entities_features_fixture.h"

#include <set>

using namespace dossier;
using namespace dossier::testing;

namespace {

std::set<std::string> referencedDocuments(FeatureCorpus& corpus, const std::string& name) {
  json params = corpus.atCursor(name);
  params["context"] = {{"includeDeclaration", true}};
  json refs = corpus.answer(features::references, params);
  std::set<std::string> docs;
  for (const auto& ref : refs) {
    std::string uri = ref["uri"];
    docs.insert(uri.substr(uri.rfind('/') + 1));
  }
  return docs;
}

} // namespace

TEST_CASE("a rare one-letter misspelling of a person's surname joins the usual spelling",
          "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "Viktor Salenko, the port mayor, spoke on Monday. Salenko said the dredging "
               "would go ahead.\n"},
      {"b.md", "Viktor Salenko met the envoy. Salenko later denied it.\n"},
      {"c.md", "The mayor, Viktor ^Salienko, signed the order.\n"},
      {"d.md", "Anna Salienko, a teacher, wrote to the paper.\n"},
  });
  auto docs = referencedDocuments(corpus, "c.md");
  CHECK(docs == std::set<std::string>{"a.md", "b.md", "c.md"});
}

TEST_CASE("two spellings both in common use are two people", "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "Viktor Salenko spoke. Salenko said yes. Viktor Salenko left.\n"},
      {"b.md", "Viktor ^Salienko spoke. Salienko said no. Viktor Salienko left.\n"},
  });
  auto docs = referencedDocuments(corpus, "b.md");
  CHECK(docs == std::set<std::string>{"b.md"});
}

TEST_CASE("a person's full name with a middle name or a short given name is one person",
          "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "Fred Varnell, the aide, testified on Monday. Varnell said nothing.\n"},
      {"b.md", "Fred Varnell met the envoy. Varnell later denied it.\n"},
      {"c.md", "The aide, Frederick Cheney ^Varnell, signed the order.\n"},
      {"d.md", "Frederick Varnell was named in the report.\n"},
      // A different given name with the same surname is another person.
      {"e.md", "Anna Varnell, a teacher, wrote to the paper.\n"},
      {"f.md", "Frida Varnell, a nurse, wrote to the paper too.\n"},
  });
  auto docs = referencedDocuments(corpus, "c.md");
  CHECK(docs == std::set<std::string>{"a.md", "b.md", "c.md", "d.md"});
}

TEST_CASE("a familiar form of a given name is the same person's (Bill for William, Mo for "
          "Maurice)",
          "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "William Harrowgate, the coach, was fired on Monday. Harrowgate said little.\n"},
      {"b.md", "William Harrowgate met the owners. Harrowgate later left.\n"},
      {"c.md", "The coach, Bill ^Harrowgate, signed the papers.\n"},
      // Forms of other names are other people: Willa, Bella.
      {"d.md", "Willa Harrowgate, a teacher, wrote to the paper.\n"},
      {"e.md", "Bella Harrowgate, a nurse, wrote to the paper too.\n"},
  });
  auto docs = referencedDocuments(corpus, "c.md");
  CHECK(docs == std::set<std::string>{"a.md", "b.md", "c.md"});
}

TEST_CASE("familiar forms of two different names stay two people", "[entities]") {
  FeatureCorpus corpus(Documents{
      {"a.md", "Alexandra Pellow, the minister, spoke on Monday. Pellow said little.\n"},
      {"b.md", "Alexandra Pellow met the envoy.\n"},
      {"c.md", "The trader, Alexander ^Pellow, signed the papers.\n"},
  });
  // "Alex" could be either, but Alexander and Alexandra are not forms of one name.
  auto docs = referencedDocuments(corpus, "c.md");
  CHECK(docs == std::set<std::string>{"c.md"});
}
