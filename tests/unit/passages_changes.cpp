// "How the story changed": attribution, hedges, figures and quotes compared between two passages.
#include "server/analysis/document.h"
#include "server/analysis/passages/story_changes.h"

#include <catch2/catch.hpp>

using namespace dossier::analysis;

namespace {

passages::Passage passageOf(const std::string& text) {
  auto analysis = analyzeDocument(text, *Knowledge::builtin());
  REQUIRE(analysis->passages.passages.size() == 1);
  return analysis->passages.passages[0];
}

bool has(const std::vector<std::string>& changes, const std::string& change) {
  return std::find(changes.begin(), changes.end(), change) != changes.end();
}

} // namespace

TEST_CASE("attribution dropped, figures that disagree, hedge added", "[passages][changes]") {
  auto asked = passageOf("The Ledger reported that the contract was worth 12 million veskar.\n");
  auto other = passageOf("The contract was reportedly worth 14 million veskar in the end.\n");
  auto changes = passages::storyChanges(asked, other);
  CHECK(has(changes, "attribution dropped (was: Ledger)"));
  CHECK(has(changes, "numbers differ: 12 vs 14 million"));
  CHECK(has(changes, "adds hedge \"reportedly\""));
}

TEST_CASE("attribution kept and quote shortened", "[passages][changes]") {
  auto asked = passageOf("Ilves said: “I never met him, not at dinner and not anywhere else.”\n");
  auto other =
      passageOf("Ilves said the claim was false: “I never met him,” she told reporters.\n");
  auto changes = passages::storyChanges(asked, other);
  CHECK(has(changes, "attribution kept: Ilves"));
  CHECK(has(changes, "quote shortened"));
}

TEST_CASE("the same story told the same way shows only the attribution kept",
          "[passages][changes]") {
  auto asked = passageOf("Ilves denied meeting the envoy at the hotel in March.\n");
  CHECK(passages::storyChanges(asked, asked) ==
        std::vector<std::string>{"attribution kept: Ilves"});
}

TEST_CASE("the reason line names what is shared, then what changed", "[passages][changes]") {
  auto asked =
      passageOf("Musk denied that he spoke to Putin about the contact and the peace plan.\n");
  auto other = passageOf("Putin and Musk discussed the peace plan, Musk allegedly denied.\n");
  const std::string askedText =
      "Musk denied that he spoke to Putin about the contact and the peace plan.\n";
  std::string shared = passages::sharedSummary(
      askedText, asked, other, {}, {"musk", "putin", "plan"}, *Knowledge::builtin()->passages);
  CHECK(shared == "shares: Musk, Putin, plan \u00B7 same claim: Musk denied");
  std::string reason = passages::relatedReason(shared, passages::storyChanges(asked, other), false);
  CHECK(reason.starts_with("shares: Musk, Putin, plan"));
  CHECK(reason.find("adds hedge \"allegedly\"") != std::string::npos);
  CHECK(passages::relatedReason("shares: Musk", {}, true) ==
        "near-duplicate (same text republished) \u00B7 shares: Musk");
}

TEST_CASE("a shared word is shown as the asked passage first wrote it, not as its stem",
          "[passages][changes]") {
  const std::string askedText = "Ilves and the envoy were seen at dinner in Tallinn; the dinners "
                                "were paid for by the ministry, reporters were told.\n";
  auto asked = passageOf(askedText);
  auto other =
      passageOf("The envoy hosted a dinner for Ilves at the embassy, reporters learned.\n");
  std::string shared = passages::sharedSummary(askedText, asked, other, {}, {"dinner", "envoy"},
                                               *Knowledge::builtin()->passages);
  CHECK(shared == "shares: dinner, envoy");
  // A stem the asked passage has no term for is not shown ("embassi" is only the other's).
  CHECK(passages::sharedSummary(askedText, asked, other, {}, {"embassi", "dinner"},
                                *Knowledge::builtin()->passages) == "shares: dinner");
}

TEST_CASE("a hedge counts where it turns a plain statement into a hedged one, not between hedges",
          "[passages][changes]") {
  auto hedged = passageOf("The minister reportedly met the envoy at the hotel in March.\n");
  auto otherHedge = passageOf("The minister allegedly met the envoy at the hotel in March.\n");
  auto plain = passageOf("The minister met the envoy at the hotel in March, officials said.\n");
  for (const auto& change : passages::storyChanges(hedged, otherHedge))
    CHECK_FALSE(change.find("hedge") != std::string::npos);
  CHECK(has(passages::storyChanges(hedged, plain), "drops hedge \"reportedly\""));
  CHECK(has(passages::storyChanges(plain, hedged), "adds hedge \"reportedly\""));
}

TEST_CASE("an attribution change names at most two speakers", "[passages][changes]") {
  auto asked =
      passageOf("Ilves said the dinner never happened, Vahk said it did, and Mets said nothing.\n");
  auto other = passageOf("The dinner at the hotel took place on the evening of 3 March.\n");
  auto changes = passages::storyChanges(asked, other);
  REQUIRE_FALSE(changes.empty());
  INFO(changes[0]);
  CHECK(changes[0].starts_with("attribution dropped (was: "));
  CHECK(changes[0].ends_with(" +1)"));
}

TEST_CASE("a modifier found by a cue is not shown as the speaker; a group noun is",
          "[passages][changes]") {
  auto modifier =
      passageOf("The talks, confirmed by several current and former officials, covered trade.\n");
  auto group = passageOf("The talks covered trade and the war, according to officials.\n");
  auto plain = passageOf("The talks covered trade and the war in the region last year.\n");
  for (const auto& change : passages::storyChanges(modifier, plain))
    CHECK(change.find("current") == std::string::npos);
  CHECK(has(passages::storyChanges(group, plain), "attribution dropped (was: officials)"));
}
