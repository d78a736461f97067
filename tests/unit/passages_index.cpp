// The passage index ranks passages of other documents by shared rare evidence, updates one document
// at a time, and keeps published copies unchanged.
#include "server/analysis/document.h"
#include "server/index/passage_index.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace dossier;
using analysis::analyzeDocument;
using analysis::Knowledge;

namespace {

std::shared_ptr<const analysis::DocumentAnalysis> analyze(const std::string& text) {
  return analyzeDocument(text, *Knowledge::builtin());
}

const char* kMeeting =
    "The harbour minister met a Drovnian envoy at a private dinner at the Hotel Meridian two weeks "
    "before the dredging contract was awarded, according to three officials.\n\n"
    "Fishermen complained about the price of diesel at the harbour market on Sunday.\n";
const char* kDenial = "The harbour minister denied that she had dinner with the Drovnian envoy at "
                      "the Hotel Meridian.\n\n"
                      "The weather office expects storms along the coast later this week.\n";
const char* kUnrelated =
    "The football club signed a new goalkeeper from the northern league for the coming season.\n\n"
    "Ticket prices at the stadium will rise by a small amount next year.\n";

} // namespace

TEST_CASE("related passages come from other documents, best first", "[passages][index]") {
  auto meeting = analyze(kMeeting), denial = analyze(kDenial), unrelated = analyze(kUnrelated);
  index::PassageIndex passages;
  passages.add(0, meeting->passages);
  passages.add(1, denial->passages);
  passages.add(2, unrelated->passages);

  auto results = passages.related(0, meeting->passages.passages[0], 5);
  REQUIRE_FALSE(results.empty());
  CHECK(results[0].doc == 1);
  CHECK(results[0].passage == 0);
  CHECK_FALSE(results[0].nearDuplicate);
  for (const auto& r : results)
    CHECK(r.doc != 0);
  for (std::size_t i = 1; i < results.size(); ++i)
    CHECK(results[i - 1].score >= results[i].score); // no document has two matches here
  // The rarest shared words explain the match.
  CHECK(std::find(results[0].sharedStems.begin(), results[0].sharedStems.end(), "meridian") !=
        results[0].sharedStems.end());
}

TEST_CASE("between equal matches, the one whose document tells the same story ranks first",
          "[passages][index]") {
  auto asked = analyze("Opposition leader Tomas Vahk demanded a parliamentary inquiry into the "
                       "dredging contract.\n\n"
                       "The minister denied meeting the envoy before the award.\n");
  // The same sentence in two documents: one about another story, one about this one.
  auto otherStory =
      analyze("Opposition leader Tomas Vahk demanded a parliamentary inquiry.\n\n"
              "The football club signed a new goalkeeper from the northern league.\n");
  auto sameStory = analyze("Opposition leader Tomas Vahk demanded a parliamentary inquiry.\n\n"
                           "The inquiry would examine how the dredging contract was awarded.\n");
  index::PassageIndex passages;
  passages.add(0, asked->passages);
  passages.add(1, otherStory->passages); // the lower id: first on a plain tie
  passages.add(2, sameStory->passages);
  auto results = passages.related(0, asked->passages.passages[0], 5);
  REQUIRE(results.size() >= 2);
  CHECK(results[0].doc == 2);
  CHECK(results[0].passage == 0);
  CHECK(results[1].doc == 1);
  CHECK(results[0].score == Approx(results[1].score)); // the context orders, it adds no score
}

TEST_CASE("given the asked document, a passage whose document names the same people ranks first",
          "[passages][index]") {
  // The asked sentence names nobody; its document says who the story is about.
  auto asked =
      analyze("Marta Ilves chaired the harbour board for six years.\n\n"
              "The minister resigned on Friday after the audit of the harbour accounts.\n");
  auto otherStory = analyze("Tomas Vahk leads the opposition in the northern province.\n\n"
                            "The minister resigned on Friday after the audit of the harbour "
                            "accounts.\n");
  auto sameStory = analyze("Marta Ilves had promised a full reply to the auditors.\n\n"
                           "The minister resigned on Friday after the audit of the harbour "
                           "accounts.\n");
  index::PassageIndex passages;
  passages.add(0, asked->passages);
  passages.add(1, otherStory->passages); // the lower id: first on a plain tie
  passages.add(2, sameStory->passages);
  const auto& sentence = asked->passages.passages[1];

  index::AskedStory story = passages.askedStory(0, asked->passages);
  auto withStory = passages.related(0, sentence, 5, &story);
  REQUIRE(withStory.size() >= 2);
  CHECK(withStory[0].doc == 2);
  CHECK(withStory[0].passage == 1);
  CHECK(withStory[0].score == Approx(withStory[1].score)); // the context orders, it adds no score
  // Near miss: without the asked document, the tie stays a tie.
  auto alone = passages.related(0, sentence, 5);
  REQUIRE(alone.size() >= 2);
  CHECK(alone[0].doc == 1);
}

TEST_CASE("a republished passage is labelled a near-duplicate", "[passages][index]") {
  auto original = analyze(kMeeting);
  auto republished = analyze(std::string("Reposted from the wire:\n\n") + kMeeting);
  auto denial = analyze(kDenial);
  index::PassageIndex passages;
  passages.add(0, original->passages);
  passages.add(1, republished->passages);
  passages.add(2, denial->passages);
  auto results = passages.related(0, original->passages.passages[0], 5);
  REQUIRE(results.size() >= 2);
  CHECK(results[0].doc == 1);
  CHECK(results[0].nearDuplicate);
  CHECK(results[0].similarity > 0.9);
  CHECK(results[1].doc == 2);
  CHECK_FALSE(results[1].nearDuplicate);
}

TEST_CASE("removing a document removes its passages; a copy keeps what it saw",
          "[passages][index]") {
  auto meeting = analyze(kMeeting), denial = analyze(kDenial);
  index::PassageIndex passages;
  passages.add(0, meeting->passages);
  passages.add(1, denial->passages);
  index::PassageIndex published = passages;
  std::uint64_t before = passages.passageCount();

  passages.remove(1, denial->passages);
  CHECK(passages.passageCount() == before - denial->passages.passages.size());
  CHECK(passages.related(0, meeting->passages.passages[0], 5).empty());
  CHECK_FALSE(published.related(0, meeting->passages.passages[0], 5).empty());

  // Editing: remove the old contributions, add the new ones.
  auto edited = analyze(kUnrelated);
  passages.add(1, edited->passages);
  for (const auto& r : passages.related(0, meeting->passages.passages[0], 5))
    CHECK(r.similarity < 0.3);
}

namespace {

analysis::passages::DocumentPassages featurePassage(std::vector<std::string> stems) {
  analysis::passages::Passage passage;
  std::sort(stems.begin(), stems.end());
  for (const auto& stem : stems)
    passage.terms.push_back({stem, 1});
  passage.length = static_cast<std::uint32_t>(stems.size());
  analysis::passages::DocumentPassages doc;
  doc.passages.push_back(std::move(passage));
  return doc;
}

} // namespace

TEST_CASE("on a large corpus, words common across it still rank the candidates rare words find",
          "[passages][index]") {
  // 6,000 passages: "frequent" is in one passage of twenty (too common to nominate candidates,
  // still scored), the rest of each filler passage is its own.
  index::PassageIndex passages;
  const index::DocId fillers = 6000;
  for (index::DocId d = 1; d <= fillers; ++d) {
    std::vector<std::string> stems{"filler" + std::to_string(d), "other" + std::to_string(d)};
    if (d % 20 == 0) stems.push_back("frequent");
    passages.add(d, featurePassage(stems));
  }
  auto asked = featurePassage({"quay", "tender", "frequent"});
  passages.add(0, asked);
  // Both share the rare words; only the first also shares the frequent one.
  passages.add(fillers + 1, featurePassage({"tender", "quay", "berth"}));
  passages.add(fillers + 2, featurePassage({"tender", "quay", "frequent"}));
  auto results = passages.related(0, asked.passages[0], 5);
  REQUIRE(results.size() == 2);
  CHECK(results[0].doc == fillers + 2);
  CHECK(results[0].score > results[1].score);

  // A document re-added under its old id (an edit) is found in the middle of the sorted postings.
  passages.remove(20, featurePassage({"filler20", "other20", "frequent"}));
  passages.add(20, featurePassage({"tender", "quay", "frequent", "dredger"}));
  results = passages.related(0, asked.passages[0], 5);
  REQUIRE(results.size() == 3);
  CHECK(results[2].doc == fillers + 1);
  CHECK(results[0].score == Approx(results[1].score)); // the same evidence, wherever it sits
}

TEST_CASE("a long asked passage finds what one of its parts shares, under the whole's floor",
          "[passages][index]") {
  // The asked passage: eight windows of ten words of its own. The candidate shares three words of
  // one window: about 4% of the whole passage's evidence (under the 5% floor), but far more than
  // 5% of the one window's.
  analysis::passages::DocumentPassages asked;
  analysis::passages::Passage& long_ = asked.passages.emplace_back();
  long_.windowCount = analysis::passages::kMaxWindows;
  std::vector<std::string> stems;
  for (std::size_t w = 0; w < analysis::passages::kMaxWindows; ++w)
    for (int i = 0; i < 10; ++i)
      stems.push_back("w" + std::to_string(w) + "word" + std::to_string(i));
  std::sort(stems.begin(), stems.end());
  for (const auto& stem : stems)
    long_.terms.push_back({stem, 1, static_cast<std::uint16_t>(1u << (stem[1] - '0'))});
  long_.length = static_cast<std::uint32_t>(stems.size());

  index::PassageIndex passages;
  for (index::DocId d = 2; d < 40; ++d)
    passages.add(d, featurePassage({"filler" + std::to_string(d), "other" + std::to_string(d),
                                    "more" + std::to_string(d)}));
  passages.add(0, asked);
  passages.add(1, featurePassage({"w7word1", "w7word2", "w7word3", "berth", "quay"}));
  auto results = passages.related(0, asked.passages[0], 5);
  REQUIRE(results.size() == 1);
  CHECK(results[0].doc == 1);
  CHECK(results[0].similarity < 0.05);

  // The same words in a passage read as one window: held to the whole, nothing passes.
  long_.windowCount = 1;
  for (auto& term : long_.terms)
    term.windows = 1;
  CHECK(passages.related(0, asked.passages[0], 5).empty());
}

namespace {

// A passage of `size` words drawn from a skewed vocabulary: low word numbers are common.
analysis::passages::DocumentPassages randomPassage(std::mt19937& random, int size) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::set<std::string> words;
  while (static_cast<int>(words.size()) < size)
    words.insert("w" + std::to_string(static_cast<int>(std::pow(uniform(random), 3) * 3000)));
  return featurePassage({words.begin(), words.end()});
}

// What related() answers for `asked`, as text (documents, passages, rounded scores, shared keys).
std::string answers(const index::PassageIndex& passages, index::DocId doc,
                    const analysis::passages::DocumentPassages& asked) {
  std::string out;
  for (const auto& match : passages.related(doc, asked.passages[0], 10)) {
    out += std::to_string(match.doc) + "." + std::to_string(match.passage) + " " +
           std::to_string(std::lround(match.score * 1e6)) + (match.nearDuplicate ? " dup" : "");
    for (const auto& stem : match.sharedStems)
      out += " " + stem;
    out += "\n";
  }
  return out;
}

} // namespace

TEST_CASE("after thousands of edits the index answers exactly as one built afresh",
          "[passages][index]") {
  // 6,000 one-passage documents (a large corpus: common words are scored, not walked), then edits,
  // deletions and new documents, enough for the edited postings to be folded into the base lists
  // once and to be pending again after.
  std::mt19937 random(7);
  std::map<index::DocId, analysis::passages::DocumentPassages> documents;
  index::PassageIndex edited;
  for (index::DocId d = 0; d < 6000; ++d) {
    documents[d] = randomPassage(random, 12);
    edited.add(d, documents[d]);
  }
  index::PassageIndex published = edited; // a snapshot taken before the edits
  const auto first5 = documents[5];
  std::string publishedAnswer = answers(published, 5, first5);
  std::uniform_int_distribution<index::DocId> pick(0, 6999);
  for (int step = 0; step < 1200; ++step) {
    index::DocId d = pick(random);
    auto it = documents.find(d);
    if (it != documents.end()) {
      edited.remove(d, it->second);
      if (step % 10 == 0) { // a deletion
        documents.erase(it);
        continue;
      }
    }
    documents[d] = randomPassage(random, 12); // an edit, or a new document
    edited.add(d, documents[d]);
  }
  index::PassageIndex fresh;
  for (const auto& [d, passages] : documents)
    fresh.add(d, passages);
  REQUIRE(edited.passageCount() == fresh.passageCount());
  std::size_t compared = 0, withResults = 0;
  for (const auto& [d, passages] : documents) {
    if (d % 37 != 0) continue;
    INFO("document " << d);
    std::string expected = answers(fresh, d, passages);
    CHECK(answers(edited, d, passages) == expected);
    CHECK(edited.idf(passages.passages[0].terms[0].stem) ==
          Approx(fresh.idf(passages.passages[0].terms[0].stem)));
    ++compared;
    withResults += !expected.empty();
  }
  CHECK(compared > 100);
  CHECK(withResults > compared / 2);
  // The copy taken before the edits still answers as it did.
  CHECK(answers(published, 5, first5) == publishedAnswer);
}
