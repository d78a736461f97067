// The phrase rules find their matches in two stages: literal strings every match must contain
// (found by an Aho–Corasick pass), then only the patterns those strings admit. The first stage is a
// speed-up and nothing else: these tests hold it to running every pattern on every sentence.
#include "server/analysis/rules/atom_matcher.h"
#include "server/analysis/rules/phrase_rules.h"
#include "server/analysis/text.h"
#include "tests/unit/source_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <tuple>

using dossier::analysis::Span;
using dossier::analysis::rules::AtomMatcher;
using dossier::analysis::rules::Finding;
using dossier::analysis::rules::PhraseRules;

namespace {

using Found = std::tuple<std::uint32_t, std::uint32_t, int>; // begin, end, atom

std::vector<Found> occurrences(const std::vector<std::string>& atoms, std::string_view text) {
  std::vector<AtomMatcher::Occurrence> out;
  AtomMatcher(atoms).findAll(text, out);
  std::vector<Found> found;
  for (const auto& o : out)
    found.emplace_back(o.begin, o.end, o.atom);
  return found;
}

// Every occurrence by brute force, in the matcher's order (by end, then shorter atom first is not
// promised, so both sides are sorted).
std::vector<Found> naive(const std::vector<std::string>& atoms, std::string_view text) {
  std::vector<Found> found;
  for (std::size_t a = 0; a < atoms.size(); ++a)
    for (std::size_t at = text.find(atoms[a]); at != std::string_view::npos;
         at = text.find(atoms[a], at + 1))
      found.emplace_back(at, at + atoms[a].size(), static_cast<int>(a));
  return found;
}

std::vector<Found> sortedByEnd(std::vector<Found> found) {
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    return std::tie(std::get<1>(x), std::get<2>(x)) < std::tie(std::get<1>(y), std::get<2>(y));
  });
  return found;
}

// The builtin phrase rules, loaded as the product loads them, matched the given way.
std::shared_ptr<const PhraseRules> builtinPhrases(PhraseRules::Matching matching) {
  auto rules = dossier::analysis::rules::loadRuleSet({}, matching);
  REQUIRE(rules->problems.empty());
  return rules->phrases;
}

std::vector<std::string> describe(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings)
    out.push_back(std::to_string(f.span.begin) + "-" + std::to_string(f.span.end) + " " + f.code +
                  " " + f.message + " [" + std::string(f.span.in(text)) + "]");
  return out;
}

std::vector<std::string> scanned(const PhraseRules& rules, std::string_view text) {
  auto structure = dossier::analysis::analyzeStructure(text);
  std::vector<Finding> findings;
  rules.scan(text, structure, findings);
  return describe(text, findings);
}

} // namespace

TEST_CASE("atom matcher: every occurrence, overlapping and nested ones too", "[rules]") {
  std::vector<std::string> atoms = {"he", "she", "his", "hers"};
  CHECK(occurrences(atoms, "ushers") == std::vector<Found>{{1, 4, 1}, {2, 4, 0}, {2, 6, 3}});
  CHECK(occurrences(atoms, "ahishers").size() == 4);
  CHECK(occurrences(atoms, "nothing here").size() == 1);
  CHECK(occurrences(atoms, "").empty());
  CHECK(occurrences({}, "anything").empty());
}

TEST_CASE("atom matcher: agrees with brute force on random texts", "[rules]") {
  std::mt19937 random(7);
  auto randomString = [&](std::size_t length, std::string_view alphabet) {
    std::string s;
    for (std::size_t i = 0; i < length; ++i)
      s += alphabet[random() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> atoms;
    for (int i = 0; i < 12; ++i)
      atoms.push_back(randomString(1 + random() % 4, "abc "));
    std::sort(atoms.begin(), atoms.end());
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    std::string text = randomString(200, "abcd \xc3\xa9");
    INFO("round " << round << " text " << text);
    CHECK(sortedByEnd(occurrences(atoms, text)) == sortedByEnd(naive(atoms, text)));
  }
}

TEST_CASE("phrase rules: upper-case text outside ASCII still reaches its pattern", "[rules]") {
  PhraseRules rules;
  std::vector<std::string> problems;
  rules.addFile("test.tsv", "émigré groups\thedge/test\tCue: {text}\nΣύνταγμα\thedge/test\tGreek\n",
                problems);
  rules.compile(problems);
  REQUIRE(problems.empty());
  CHECK(scanned(rules, "THE ÉMIGRÉ GROUPS MET.").size() == 1);
  CHECK(scanned(rules, "ΤΟ ΣΎΝΤΑΓΜΑ ΑΛΛΑΞΕ.").size() == 1);
  CHECK(scanned(rules, "The emigre groups met.").empty());
}

TEST_CASE("phrase rules: a pattern with no required string is run on every sentence", "[rules]") {
  PhraseRules rules;
  std::vector<std::string> problems;
  rules.addFile("test.tsv", "[0-9]{4}\tnumbers/test\tA year\n", problems);
  rules.compile(problems);
  REQUIRE(problems.empty());
  CHECK(scanned(rules, "It began in 1914. It ended.").size() == 1);
}

TEST_CASE("phrase rules: the prefilter finds exactly what running every pattern finds", "[rules]") {
  auto fast = builtinPhrases(PhraseRules::Matching::Prefiltered);
  auto exhaustive = builtinPhrases(PhraseRules::Matching::Exhaustive);
  auto repo = dossier::test::sourceDir();
  std::vector<std::filesystem::path> folders = {repo / "samples" / "corpus",
                                                repo.parent_path() / "shared" / "corpus" / "seeds"};
  int documents = 0;
  std::size_t findings = 0;
  for (const auto& folder : folders) {
    if (!std::filesystem::is_directory(folder)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      std::string text = buffer.str();
      auto expected = scanned(*exhaustive, text);
      INFO(entry.path().string());
      CHECK(scanned(*fast, text) == expected);
      findings += expected.size();
      ++documents;
    }
  }
  CHECK(documents >= 20);
  CHECK(findings >= 100); // the comparison is not between two empty lists
}
