// Story words (server/index/story_words.h): references on a word that is not a name find its
// family's words in the reports of the same story, and not in reports of another story that use
// the same word. Fixtures: "[[...]]" marks every occurrence the answer must hold, "^" the cursor
// (in the first document).
#include "server/index/story_words.h"

#include "server/analysis/document.h"
#include "server/analysis/passages/passage_lexicon.h"
#include "server/index/corpus_index.h"
#include "tests/unit/entities_marked_mentions.h"

#include <catch2/catch.hpp>

using namespace dossier;
using testing::MarkedText;
using testing::parseMarked;

namespace {

class StoryCorpus {
public:
  explicit StoryCorpus(std::vector<std::string_view> marked) {
    for (std::string_view m : marked) {
      docs_.push_back(parseMarked(m));
      paths_.push_back("doc" + std::to_string(paths_.size()) + ".txt");
      analyses_.push_back(analysis::analyzeDocument(docs_.back().text, knowledge()));
      index_.add(static_cast<index::DocId>(analyses_.size() - 1), *analyses_.back());
    }
  }
  index::StoryWords words() const {
    return index::StoryWords(
        index_.passages,
        [this](index::DocId d) {
          return index::StoryDocument{analyses_[d].get(), docs_[d].text, paths_[d]};
        },
        *knowledge().passages);
  }
  std::optional<index::StoryWord> at(std::size_t doc, std::string_view word) const {
    auto offset = docs_[doc].text.find(word);
    REQUIRE(offset != std::string::npos);
    return words().at(static_cast<index::DocId>(doc), static_cast<analysis::Offset>(offset));
  }
  // "doc:text" for each marked range of every document, and for each answer at the cursor.
  std::vector<std::string> expected() const {
    std::vector<std::string> out;
    for (std::size_t d = 0; d < docs_.size(); ++d)
      for (auto [begin, end] : docs_[d].ranges)
        out.push_back(std::to_string(d) + ":" + docs_[d].text.substr(begin, end - begin));
    return out;
  }
  std::vector<std::string> answered() const {
    REQUIRE(docs_[0].cursor);
    auto w = words();
    auto word = w.at(0, static_cast<analysis::Offset>(*docs_[0].cursor));
    REQUIRE(word);
    std::vector<std::string> out;
    for (const auto& found : w.occurrences(0, *word))
      out.push_back(std::to_string(found.doc) + ":" +
                    std::string(found.span.in(docs_[found.doc].text)));
    return out;
  }

private:
  static const analysis::Knowledge& knowledge() { return *analysis::Knowledge::builtin(); }
  std::vector<MarkedText> docs_;
  std::vector<std::string> paths_;
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> analyses_;
  index::CorpusIndex index_;
};

} // namespace

TEST_CASE("story words: the same event in another report of the story, not in another story") {
  StoryCorpus corpus({
      "Harrowmouth harbour wall cracked\n\n"
      "A strong [[earthquake]] struck the coastal town of Harrowmouth on Tuesday, cracking the "
      "harbour wall and the roof of the old grain market. The ^[[quake]] was felt as far as "
      "Velden, the town's harbour master Ilse Brantmoor told reporters.\n",
      "Harrowmouth clears rubble\n\n"
      "Residents of Harrowmouth cleared rubble from the old grain market on Wednesday, a day "
      "after the [[earthquake]] cracked the harbour wall. Brantmoor said the [[quake]] had also "
      "been felt in Velden.\n",
      "Landslide blocks Ostrava Ridge pass\n\n"
      "An earthquake hit the mountain villages of Ostrava Ridge on Monday, and a landslide "
      "blocked the pass road to Kelm. No one was hurt in the quake, the regional council said.\n",
  });
  CHECK(corpus.answered() == corpus.expected());
}

TEST_CASE("story words: a word finds its family (died, death, dead), not lookalikes") {
  StoryCorpus corpus({
      "Two fishermen ^[[died]] off Harrowmouth when their boat capsized. The [[death]] of the "
      "two men, found [[dead]] near the pier, came a day before the deadline for the new "
      "safety rules.\n",
  });
  CHECK(corpus.answered() == corpus.expected());
}

TEST_CASE("story words: names and function words are not story words") {
  StoryCorpus corpus({"The storm reached Harrowmouth Fire Service headquarters at noon.\n"});
  CHECK_FALSE(corpus.at(0, "Harrowmouth"));
  CHECK_FALSE(corpus.at(0, "Fire"));
  CHECK_FALSE(corpus.at(0, "The"));
  CHECK_FALSE(corpus.at(0, "at"));
  auto storm = corpus.at(0, "storm");
  REQUIRE(storm);
  CHECK(storm->key == "storm");
}

TEST_CASE("story words: a word inside a name is not an occurrence of the word") {
  StoryCorpus corpus({"A ^[[fire]] gutted the market; Harrowmouth Fire Service crews put the "
                      "[[fires]] out by dawn.\n"});
  CHECK(corpus.answered() == corpus.expected());
}

TEST_CASE("story words: a workspace's own word family joins words the stemmer keeps apart") {
  analysis::KnowledgeOverrides overrides;
  overrides.extraRecords.push_back(
      {"passages/word_families.tsv", "truce\ttruce ceasefire armistice"});
  auto knowledge = analysis::Knowledge::load(overrides);
  const auto& lexicon = *knowledge->passages;
  CHECK(analysis::passages::storyWordKey(lexicon, "ceasefire") == "truce");
  CHECK(analysis::passages::storyWordKey(lexicon, "armistice") == "truce");
  CHECK(analysis::passages::storyWordKey(lexicon, "truces") == "truce");
  // Without the workspace's line, each is its own stem.
  const auto& builtin = *analysis::Knowledge::builtin()->passages;
  CHECK(analysis::passages::storyWordKey(builtin, "ceasefire") == "ceasefir");
  CHECK(analysis::passages::storyWordKey(builtin, "died") == "die");
  CHECK(analysis::passages::storyWordKey(builtin, "death") == "die");
}
