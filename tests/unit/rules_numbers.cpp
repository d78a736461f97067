// numbers/disagree: counted figures (what a number counts) and the corpus-wide flag on a figure
// that another document's telling of the same event gives differently.
#include "server/corpus/flags.h"
#include "server/corpus/flags_numbers.h"
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

struct Counted {
  std::string text, kind;
  double value;
};

std::vector<Counted> countedIn(const std::string& text) {
  auto tokens = analysis::tokenize(text);
  std::vector<Counted> out;
  for (const auto& figure :
       countedFigures(text, tokens, {0, static_cast<analysis::Offset>(text.size())}))
    out.push_back({std::string(figure.span.in(text)), figure.kind, figure.value});
  return out;
}

std::vector<std::string> disagreeing(const Snapshot& snapshot, const fs::path& root,
                                     const std::string& name) {
  return rules_test::flaggedTexts(snapshot, root, name, "numbers/disagree");
}

const std::string kBlastA =
    "An explosion at the Ustrel pumping station of Kreskgaz cut gas to Aldmark on Tuesday night, "
    "leaving about 40,000 homes in Aldmark without heating, Aldgas said. Two workers at the "
    "Ustrel station were injured.\n";
const std::string kBlastB =
    "The Kreskgaz blast at the Ustrel pumping station cut gas to Aldmark, leaving 45,000 "
    "households in Aldmark without heating on Tuesday night, Aldgas said. Three workers at the "
    "Ustrel station were injured.\n";
const std::string kBlastSame =
    "The Kreskgaz explosion at the Ustrel pumping station cut gas to Aldmark on Tuesday night, "
    "leaving about 40,000 homes in Aldmark without heating, Aldgas said.\n";
const std::string kElsewhere =
    "The Brekka football club sold 45,000 tickets for the cup final against Holmvik on Sunday, "
    "its chairman said.\n";

} // namespace

TEST_CASE("counted figures know what they count", "[rules]") {
  auto figures = countedIn("about 40,000 homes and three workers; 12 million veskar; "
                           "the motion passed by 58 votes to 41.");
  REQUIRE(figures.size() == 4);
  CHECK(figures[0].text == "40,000 homes");
  CHECK(figures[0].kind == "homes");
  CHECK(figures[0].value == 40000);
  CHECK(figures[1].kind == "workers");
  CHECK(figures[1].value == 3);
  CHECK(figures[2].kind == "amount");
  CHECK(figures[2].value == 12e6);
  CHECK(figures[3].kind == "tally");
}

TEST_CASE("counted figures leave out dates, years and breakdowns", "[rules]") {
  CHECK(countedIn("On 17 March 2024, for three hundred years, at 11.40 p.m.").empty());
  // A number beside a month is a date, even next to a count.
  auto days = countedIn("Fourteen days later, on 17 March, it was over.");
  REQUIRE(days.size() == 1);
  CHECK(days[0].value == 14);
  auto dated = countedIn("About 40,000 homes lost heat on 14 January.");
  REQUIRE(dated.size() == 1);
  CHECK(dated[0].value == 40000);
  CHECK(countedIn("The poll put the Front on 28 percent, the Alliance on 23 percent and the "
                  "Greens on 19 percent.")
            .empty());
  auto range = countedIn("Storage ranged from 68 to 71 percent.");
  REQUIRE(range.size() == 2);
  CHECK(range[0].kind == "percent");
  CHECK(range[0].value == 68);
  auto bare = countedIn("The figure was 40,000 households; the operator said 45,000.");
  REQUIRE(bare.size() == 2);
  CHECK(bare[1].kind == "homes");
}

TEST_CASE("numbers/disagree flags a count another document gives differently", "[rules]") {
  fs::path root = fs::temp_directory_path() / ("dossier-numbers-" + std::to_string(::getpid()));
  auto snapshot = rules_test::indexedFolder(
      root, {{"a.txt", kBlastA}, {"b.txt", kBlastB}, {"c.txt", kElsewhere}});
  auto inA = disagreeing(*snapshot, root, "a.txt");
  CHECK(std::find(inA.begin(), inA.end(), "40,000 homes") != inA.end());
  CHECK(std::find(inA.begin(), inA.end(), "Two workers") != inA.end());
  auto inB = disagreeing(*snapshot, root, "b.txt");
  CHECK(std::find(inB.begin(), inB.end(), "45,000 households") != inB.end());
  // A story about something else that happens to give 45,000 of something is no rival.
  CHECK(disagreeing(*snapshot, root, "c.txt").empty());
  fs::remove_all(root);
}

TEST_CASE("numbers/disagree stays silent when the documents agree", "[rules]") {
  fs::path root =
      fs::temp_directory_path() / ("dossier-numbers-same-" + std::to_string(::getpid()));
  auto snapshot = rules_test::indexedFolder(root, {{"a.txt", kBlastA}, {"same.txt", kBlastSame}});
  CHECK(disagreeing(*snapshot, root, "same.txt").empty());
  auto inA = disagreeing(*snapshot, root, "a.txt");
  CHECK(std::find(inA.begin(), inA.end(), "40,000 homes") == inA.end());
  fs::remove_all(root);
}
