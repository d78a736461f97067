// names/inconsistent, misspelt kind: a rare one-edit variant of a surname the corpus writes far
// more often is flagged, pointing at the usual spelling; short names and plurals are left alone.
#include "server/corpus/flags.h"
#include "server/corpus/flags_misspelt.h"
#include "server/corpus/store.h"
#include "tests/unit/rules_corpus_fixture.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <unistd.h>

using namespace dossier;
using namespace dossier::corpus;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> inconsistentIn(const Snapshot& snapshot, const fs::path& root,
                                        const std::string& name) {
  return rules_test::flaggedTexts(snapshot, root, name, "names/inconsistent");
}

} // namespace

TEST_CASE("one-edit variants cover deletions, swaps, substitutions and insertions", "[rules]") {
  auto variants = oneEditVariants("salenko");
  auto has = [&](const char* v) {
    return std::find(variants.begin(), variants.end(), v) != variants.end();
  };
  CHECK(has("salenk"));   // deletion
  CHECK(has("aslenko"));  // swap
  CHECK(has("salenka"));  // substitution
  CHECK(has("salienko")); // insertion
  CHECK(has("salenkov")); // insertion at the end
  CHECK_FALSE(has("salenko"));
  CHECK_FALSE(has("selinko")); // two edits
}

TEST_CASE("names/inconsistent flags a rare misspelling of a common surname", "[rules]") {
  fs::path root = fs::temp_directory_path() / ("dossier-names-" + std::to_string(::getpid()));
  const std::string usual =
      "President Viktor Salenko spoke on Monday. Salenko said the pipeline was safe. Later "
      "Salenko repeated it.\n";
  auto snapshot = rules_test::indexedFolder(
      root, {{"a.txt", usual},
             {"b.txt", usual},
             {"c.txt", "Critics say Salienko never answers. Oskar Lind and Sofie Lund met the "
                       "Veskarians in the port.\n"},
             {"e.txt", "Viktor Salienko arrived late.\n"},
             {"d.txt", "Oskar Lind met Sofie Lund again. Lind spoke first, then Lund. The "
                       "Veskarian envoy and a Veskarian diplomat left. Lind stayed.\n"}});
  auto flagged = inconsistentIn(*snapshot, root, "c.txt");
  CHECK(std::find(flagged.begin(), flagged.end(), "Salienko") != flagged.end());
  // In a full name only the misspelt surname is flagged, so a fix keeps the given name.
  auto full = inconsistentIn(*snapshot, root, "e.txt");
  CHECK(full == std::vector<std::string>{"Salienko"});
  // "Lind" and "Lund" are two people; "Veskarians" is the plural of "Veskarian".
  CHECK(std::find(flagged.begin(), flagged.end(), "Oskar Lind") == flagged.end());
  CHECK(std::find(flagged.begin(), flagged.end(), "Veskarians") == flagged.end());
  CHECK(inconsistentIn(*snapshot, root, "a.txt").empty());
  fs::remove_all(root);
}

namespace {

std::vector<std::string> ambiguousIn(const Snapshot& snapshot, const fs::path& root,
                                     const std::string& name) {
  return rules_test::flaggedTexts(snapshot, root, name, "names/ambiguous");
}

} // namespace

TEST_CASE("names/ambiguous flags a short form two people of the corpus share", "[rules]") {
  fs::path root = fs::temp_directory_path() / ("dossier-ambiguous-" + std::to_string(::getpid()));
  auto snapshot = rules_test::indexedFolder(
      root,
      {{"pm.txt", "Prime Minister Jonas Berg promised a heating cap. Jonas Berg spoke twice.\n"},
       {"reporter.txt", "The journalist Liis Berg was barred again. Liis Berg wrote about it.\n"},
       {"short.txt", "Berg said on Monday that the cap would hold.\n"},
       {"settled.txt", "Jonas Berg opened the debate. Later Berg said the cap would hold.\n"},
       {"title.txt", "President Viktor Salenko spoke. Viktor Salenko left. Later President "
                     "Salenko returned and Salenko said nothing.\n"}});
  CHECK(ambiguousIn(*snapshot, root, "short.txt") == std::vector<std::string>{"Berg"});
  // Once a document has written one of the full names, its short forms mean that one.
  CHECK(ambiguousIn(*snapshot, root, "settled.txt").empty());
  // A title before a surname is not a second person called Salenko.
  CHECK(ambiguousIn(*snapshot, root, "title.txt").empty());
  fs::remove_all(root);
}
