// Guards for cues that look like a flag but are not the writer's: another outlet's unnamed sources
// discussed, modals that ask or permit or describe a plan, comment-widget chrome, and repeated
// lines that are prose or bylines rather than site boilerplate.
#include "tests/unit/rules_fixture.h"

#include <algorithm>

using dossier::rules_test::expectFlags;

TEST_CASE("sourcing/anonymous: another outlet's sourcing discussed is not the writer's",
          "[rules]") {
  // Near misses: the outlet's sourcing is the topic; anonymous sourcing as a general statement.
  expectFlags("sourcing/anonymous",
              "The paper said it had spoken to three separate officials about the dinner.\n");
  expectFlags("sourcing/anonymous", "The Tolvan Ledger has three officials on record.\n");
  expectFlags("sourcing/anonymous",
              "Anonymous sources are not journalism, one reader wrote under the post.\n");
  // Hits: the writer's own unnamed sources, and an outlet citing them for a claim passed on.
  expectFlags("sourcing/anonymous",
              "[[Three officials said]] the minister had attended the dinner.\n");
  expectFlags("sourcing/anonymous",
              "The Ledger reported, [[citing three unnamed officials]], that she was there.\n");
}

TEST_CASE("hedge/epistemic: questions, self-reports, plans and permission are not hedges",
          "[rules]") {
  expectFlags("hedge/epistemic", "Who could be behind the blast at the station?\n");
  expectFlags("hedge/epistemic",
              "She acknowledged that she may have been in the same room as the envoy.\n");
  expectFlags("hedge/epistemic",
              "Under the plan, households could be paid up to 300 kronor a month.\n");
  expectFlags("hedge/epistemic", "Tenants who rent privately may claim the allowance from May.\n");
  // Hits: the writer's or a source's doubt about a fact.
  expectFlags("hedge/epistemic", "The fire [[may have been]] set deliberately.\n");
  expectFlags("hedge/epistemic",
              "One official said the ministry [[might]] publish the report early.\n");
}

TEST_CASE("debris/comment-chrome: comment widgets' rows, counts and loaders", "[rules]") {
  expectFlags("debris/comment-chrome", "Great piece.\n\n[[Reply · Like (4) · Report]]\n");
  expectFlags("debris/comment-chrome", "Great piece.\n\n[[4 replies]]\n\n[[Load more comments]]\n");
  expectFlags("debris/comment-chrome",
              "Great piece.\n\n[[Comments (23) · Sort by: Newest]]\n\n[[anna_k · 3h ago]]\n");
  expectFlags("debris/comment-chrome", "Great piece.\n\n[[View 2 more replies]]\n");
  // Near misses: prose with the same words.
  expectFlags("debris/comment-chrome",
              "She did not reply to the report, and 12 points separated the teams.\n");
  expectFlags("debris/comment-chrome", "The attack happened three days ago, police said.\n");
  // A row of share buttons is share chrome, not a navigation menu.
  expectFlags("debris/navigation", "Body.\n\nShare · Chirp · Email · Copy link\n");
  expectFlags("debris/navigation", "Body.\n\n[[News · Sport · Weather · Culture]]\n");
}

namespace {

std::vector<std::string> candidateLines(std::string_view text) {
  auto analysis =
      dossier::analysis::analyzeDocument(text, *dossier::analysis::Knowledge::builtin());
  std::vector<std::string> lines;
  for (const auto& key : analysis->findings.lines)
    lines.emplace_back(key.span.in(text));
  return lines;
}

bool has(const std::vector<std::string>& lines, std::string_view line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

} // namespace

TEST_CASE("boilerplate candidates: prose sentences and bylines are not site chrome", "[rules]") {
  auto lines = candidateLines("By Dana Okafor\n\nHe was 75.\n\nThe three boats had a total of 26 "
                              "crew onboard.\n\nHome | World | Business\n\nFollow us on Chirp\n");
  CHECK_FALSE(has(lines, "By Dana Okafor"));
  CHECK_FALSE(has(lines, "The three boats had a total of 26 crew onboard."));
  // Near misses: chrome lines stay candidates for the corpus-wide count.
  CHECK(has(lines, "Home | World | Business"));
  CHECK(has(lines, "Follow us on Chirp"));
}

TEST_CASE("rumour/hearsay: second-hand talk told to the writer", "[rules]") {
  expectFlags("rumour/hearsay", "[[A guy at the depot told me]] the pipes were never checked.\n");
  expectFlags("rumour/hearsay", "[[I was told that]] the station had closed for good.\n");
  expectFlags("rumour/hearsay", "It came from [[a friend of a friend]], so take it with salt.\n");
  // Near misses: a named person told the writer; the writer told someone.
  expectFlags("rumour/hearsay", "Anna Berg told me the pipes were checked in May.\n");
  expectFlags("rumour/hearsay", "I told them that the station had closed.\n");
}

TEST_CASE("quotes/no-speaker: a described speaker owns the quote", "[rules]") {
  // Near misses: the speaker is described, not named, and the next paragraph goes on quoting.
  expectFlags("quotes/no-speaker",
              "\"We could not send him to jail for life,\" a second juror added.\n\n"
              "Some jurors left the court in silence afterwards.\n");
  expectFlags("quotes/no-speaker",
              "\"What I feel when I see this is love for my city,\" said one young man.\n");
  // Hit: a quote with no speech verb near it at all.
  expectFlags("quotes/no-speaker", "Meanwhile in Kresk:\n\n[[\"we are deeply concerned about the "
                                   "safety of our citizens there.\"]]\n\nThe port stayed shut.\n");
}

TEST_CASE("sourcing/vague: a group named by its kind holds a stance", "[rules]") {
  expectFlags("sourcing/vague",
              "[[Tenants’ groups have been cooler]], noting that many renters pay through rent.\n");
  expectFlags("sourcing/vague", "Still, [[many economists remain sceptical]] of the cap.\n");
  // Near misses: a named organisation; a group's kind with no stance.
  expectFlags("sourcing/vague", "The Homeowners’ Association has been cooler about the plan.\n");
  expectFlags("sourcing/vague", "Rights groups have been registered in the city since 2001.\n");
}
