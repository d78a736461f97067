#include "server/analysis/passages/passage_lexicon.h"

#include "server/analysis/stemmer.h"
#include "server/data_files.h"

#include <algorithm>
#include <string_view>

namespace dossier::analysis::passages {
namespace {

// The built-in file's contents followed by the workspace's extra lines for it.
std::string contentsOf(std::string_view path, const KnowledgeOverrides& overrides) {
  std::string contents(data::file(path).value_or(std::string_view()));
  for (const auto& [file, line] : overrides.extraRecords) {
    if (file != path) continue;
    contents += '\n';
    contents += line;
  }
  return contents;
}

int wordCount(std::string_view phrase) {
  return 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
}

} // namespace

std::shared_ptr<const Lexicon> loadLexicon(const KnowledgeOverrides& overrides) {
  auto lexicon = std::make_shared<Lexicon>();
  data::forEachRecord(contentsOf("passages/stopwords.txt", overrides),
                      [&](int, const std::vector<std::string_view>& fields) {
                        lexicon->stopWords.emplace(fields[0]);
                      });
  data::forEachRecord(contentsOf("passages/hedges.tsv", overrides),
                      [&](int, const std::vector<std::string_view>& fields) {
                        lexicon->hedges.emplace(fields[0]);
                        for (std::size_t at = fields[0].find(' '); at != std::string_view::npos;
                             at = fields[0].find(' ', at + 1))
                          lexicon->hedgeOpenings.emplace(fields[0].substr(0, at));
                        lexicon->longestHedge =
                            std::max(lexicon->longestHedge, wordCount(fields[0]));
                      });
  data::forEachRecord(contentsOf("passages/cues.tsv", overrides),
                      [&](int, const std::vector<std::string_view>& fields) {
                        if (fields.size() >= 2) lexicon->cues.emplace(fields[0], fields[1]);
                      });
  data::forEachRecord(contentsOf("passages/number_words.tsv", overrides),
                      [&](int, const std::vector<std::string_view>& fields) {
                        if (fields.size() >= 2) lexicon->numberWords.emplace(fields[0], fields[1]);
                      });
  data::forEachRecord(contentsOf("passages/calls_to_action.tsv", overrides),
                      [&](int, const std::vector<std::string_view>& fields) {
                        lexicon->callsToAction.emplace(fields[0]);
                        lexicon->longestCallToAction =
                            std::max(lexicon->longestCallToAction, wordCount(fields[0]));
                      });
  data::forEachRecord(contentsOf("passages/word_families.tsv", overrides),
                      [&](int, const std::vector<std::string_view>& fields) {
                        if (fields.size() < 2) return;
                        std::string family(fields[0]), members(fields[1]);
                        for (std::size_t at = 0; at < members.size();) {
                          std::size_t end = std::min(members.find(' ', at), members.size());
                          if (end > at)
                            lexicon->families.emplace(stemEnglish(members.substr(at, end - at)),
                                                      family);
                          at = end + 1;
                        }
                      });
  return lexicon;
}

std::string storyWordKey(const Lexicon& lexicon, const std::string& folded) {
  std::string stem = stemEnglish(folded);
  auto family = lexicon.families.find(stem);
  return family != lexicon.families.end() ? family->second : stem;
}

} // namespace dossier::analysis::passages
