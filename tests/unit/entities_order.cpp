// The entity answers a user sees do not depend on the order the server read the folder in: among
// equally good defining mentions the first by (path, offset) wins, and every list of the card is
// in reading order (path, then offset) or ranked with ties broken by name.
#include "server/analysis/document.h"
#include "server/index/corpus_index.h"
#include "server/index/entity_query.h"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

using namespace dossier;

namespace {

// A corpus read in a given order: DocIds follow the order, paths stay the same.
struct OrderedCorpus {
  std::vector<std::string> paths, texts;
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> analyses;
  index::CorpusIndex corpus;
  index::LinkOverrides overrides;
  std::unique_ptr<index::EntityQuery> query;

  OrderedCorpus(const std::map<std::string, std::string>& documents,
                const std::vector<std::string>& order) {
    for (const std::string& path : order) {
      paths.push_back(path);
      texts.push_back(documents.at(path));
      analyses.push_back(analysis::analyzeDocument(texts.back(), *analysis::Knowledge::builtin()));
      corpus.add(static_cast<index::DocId>(paths.size() - 1), *analyses.back());
    }
    query = std::make_unique<index::EntityQuery>(
        corpus.entities,
        [this](index::DocId d) {
          return index::DocumentView{&analyses[d]->entities, texts[d], paths[d],
                                     &analyses[d]->findings};
        },
        overrides, &corpus.lines);
  }

  std::string where(const index::MentionRef& ref) const {
    return paths[ref.doc] + "@" + std::to_string(ref.mention->span.begin);
  }
  // Everything the features show for the entity under `word` in `path`, with DocIds as paths.
  std::string answers(const std::string& path, std::string_view word) const {
    auto doc =
        static_cast<index::DocId>(std::find(paths.begin(), paths.end(), path) - paths.begin());
    auto here = query->mentionAt(doc, static_cast<analysis::Offset>(texts[doc].find(word)));
    if (!here) return "<none>";
    std::string entity = query->entityOf(*here->mention);
    std::ostringstream out;
    auto all = query->mentionsOf(entity);
    out << "references:";
    for (const auto& ref : all)
      out << " " << where(ref);
    if (auto d = query->definitionOf(entity, all)) out << "\ndefinition: " << where(*d);
    if (auto d = query->definitionOf(entity)) out << "\nlight definition: " << where(*d);
    auto card = query->card(entity);
    out << "\nname: " << card.name << "\ndocuments:";
    for (const auto& [d, n] : card.mentionsPerDocument)
      out << " " << paths[d] << "(" << n << ")";
    out << "\nroles:";
    for (const auto& [d, role] : card.roles)
      out << " " << role.span.in(texts[d]) << "(" << paths[d] << ")";
    out << "\nstatements:";
    for (const auto& [d, statement] : card.statements)
      out << " " << statement.span.in(texts[d]) << "(" << paths[d] << ")";
    out << "\nappears with:";
    for (const auto& c : card.cooccurring)
      out << " " << query->nameOf(c.entity) << "(" << c.documents << "/" << c.sentences << ")";
    out << "\nroles of:";
    for (const auto& role : query->rolesOf(entity, 2))
      out << " " << role;
    return out.str();
  }
};

} // namespace

TEST_CASE("entity answers are the same whatever order the folder was read in", "[entities]") {
  // Three equally good defining mentions (a full name with an appositive role, same offset).
  std::map<std::string, std::string> documents = {
      {"/w/a.txt", "Marta Kowalczyk, a regional prosecutor, said the port was closed. "
                   "Kowalczyk met Tomas Brenner in Gdansk."},
      {"/w/b.txt", "Marta Kowalczyk, the new chair, said nothing. Kowalczyk later met Brenner."},
      {"/w/c.txt", "Marta Kowalczyk, a former judge, denied the claim. Ines Vidal was there."},
  };
  OrderedCorpus forward(documents, {"/w/a.txt", "/w/b.txt", "/w/c.txt"});
  OrderedCorpus backward(documents, {"/w/c.txt", "/w/b.txt", "/w/a.txt"});
  OrderedCorpus shuffled(documents, {"/w/b.txt", "/w/c.txt", "/w/a.txt"});

  std::string expected = forward.answers("/w/b.txt", "Kowalczyk later");
  CHECK(expected.find("definition: /w/a.txt@0") != std::string::npos);
  CHECK(expected.find("roles: a regional prosecutor(/w/a.txt) the new chair(/w/b.txt)") !=
        std::string::npos);
  CHECK(backward.answers("/w/b.txt", "Kowalczyk later") == expected);
  CHECK(shuffled.answers("/w/b.txt", "Kowalczyk later") == expected);
  CHECK(backward.answers("/w/a.txt", "Brenner") == forward.answers("/w/a.txt", "Brenner"));
}
