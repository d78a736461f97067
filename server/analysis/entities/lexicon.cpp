// Loading the entity gazetteers and lexicons, and folding names into keys.
#include "server/analysis/entities/document_entities.h"
#include "server/data_files.h"

#include <algorithm>
#include <functional>

namespace dossier::analysis::entities {
namespace {

std::optional<EntityType> parseType(std::string_view name) {
  if (name == "PERSON") return EntityType::Person;
  if (name == "ORG") return EntityType::Org;
  if (name == "PLACE") return EntityType::Place;
  if (name == "NORP") return EntityType::Norp;
  if (name == "OTHER") return EntityType::Other;
  return std::nullopt;
}

// Calls onRecord for every record of the embedded file plus the workspace's extra lines for it.
void forEachEntry(const KnowledgeOverrides& overrides, std::string_view path, Lexicon& lexicon,
                  const std::function<void(const std::vector<std::string_view>&)>& onRecord) {
  auto contents = data::file(path);
  if (!contents) {
    lexicon.problems.push_back(std::string(path) + ": missing");
    return;
  }
  data::forEachRecord(*contents, [&](int, const std::vector<std::string_view>& fields) {
    if (!fields.empty() && !fields[0].empty()) onRecord(fields);
  });
  std::string name = "entities/" + std::string(path.substr(path.find('/') + 1));
  for (const auto& [file, line] : overrides.extraRecords)
    if (file == name)
      data::forEachRecord(line, [&](int, const std::vector<std::string_view>& fields) {
        if (!fields.empty() && !fields[0].empty()) onRecord(fields);
      });
}

void loadWordSet(const KnowledgeOverrides& overrides, std::string_view path, Lexicon& lexicon,
                 std::unordered_set<std::string>& into) {
  forEachEntry(overrides, path, lexicon, [&](const std::vector<std::string_view>& fields) {
    into.insert(foldWord(fields[0]));
  });
}

void loadGazetteer(const KnowledgeOverrides& overrides, std::string_view path, EntityType fallback,
                   Lexicon& lexicon) {
  forEachEntry(overrides, path, lexicon, [&](const std::vector<std::string_view>& fields) {
    EntityType type = fields.size() > 1 ? parseType(fields[1]).value_or(fallback) : fallback;
    lexicon.known.emplace(nameKey(fields[0], lexicon), type);
  });
}

// Appends `word` with Cyrillic letters replaced by their Latin spelling.
void appendTransliterated(std::string_view word, const Lexicon& lexicon, std::string& out) {
  for (std::size_t i = 0; i < word.size();) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if ((c == 0xD0 || c == 0xD1 || c == 0xD2) && i + 1 < word.size()) {
      auto it = lexicon.transliteration.find(std::string(word.substr(i, 2)));
      if (it != lexicon.transliteration.end()) {
        out += it->second;
        i += 2;
        continue;
      }
    }
    out += word[i++];
  }
}

} // namespace

std::string_view typeName(EntityType type) {
  switch (type) {
  case EntityType::Person:
    return "person";
  case EntityType::Org:
    return "organisation";
  case EntityType::Place:
    return "place";
  case EntityType::Norp:
    return "group";
  case EntityType::Other:
    return "other";
  }
  return "other";
}

std::uint64_t wordHash(std::string_view folded) {
  return std::hash<std::string_view>{}(folded);
}

std::optional<DemonymForm> demonymForm(std::string_view key, const Lexicon& lexicon) {
  if (key.find(' ') != std::string_view::npos) return std::nullopt;
  for (const auto& [ending, adjective] : lexicon.demonymSuffixes)
    if (key.size() >= ending.size() + 4 && key.ends_with(ending))
      return DemonymForm{std::string(key.substr(0, key.size() - ending.size())), ending, adjective};
  return std::nullopt;
}

namespace {

// A name word and whether it was written as an initial ("R.", not the "I" of "Peter I").
struct NameWord {
  std::string word;
  bool initial = false;
};

// The key of a name's folded words: a generational suffix dropped ("comeaux jr" -> "comeaux"),
// initials dropped beside two full words ("w mark felt", "george w bush" -> "mark felt",
// "george bush": news writes the same person with and without them), otherwise spaced initials
// joined as the dotted form writes them ("u s" -> "us", "j k rowling" -> "jk rowling").
std::string joinNameWords(std::vector<NameWord>& words, const Lexicon& lexicon) {
  if (words.size() > 2 && lexicon.nameSuffixes.count(words.back().word)) words.pop_back();
  std::size_t full =
      std::count_if(words.begin(), words.end(), [](const NameWord& w) { return !w.initial; });
  std::string key;
  bool previousInitial = false;
  for (const NameWord& w : words) {
    if (w.initial && full >= 2) continue;
    if (!key.empty() && !(w.initial && previousInitial)) key += ' ';
    key += w.word;
    previousInitial = w.initial;
  }
  return key;
}

} // namespace

std::string nameKey(std::string_view surface, const Lexicon& lexicon) {
  std::vector<NameWord> words;
  std::size_t start = 0;
  while (start < surface.size()) {
    std::size_t end = surface.find_first_of(" \t\n\r", start);
    if (end == std::string_view::npos) end = surface.size();
    if (end > start) {
      std::string folded = foldWord(surface.substr(start, end - start));
      std::string word;
      appendTransliterated(folded, lexicon, word);
      bool initial = word.size() == 2 && word[1] == '.' && word[0] >= 'a' && word[0] <= 'z';
      // Dots of abbreviations, and the comma before a suffix ("Comeaux, Jr").
      word.erase(
          std::remove_if(word.begin(), word.end(), [](char c) { return c == '.' || c == ','; }),
          word.end());
      for (const auto& [ending, replacement] : lexicon.variantEndings) {
        if (word.size() > ending.size() + 3 && word.ends_with(ending)) {
          word.replace(word.size() - ending.size(), ending.size(), replacement);
          break;
        }
      }
      if (!word.empty() && !(words.empty() && word == "the" && end < surface.size()))
        words.push_back({std::move(word), initial});
    }
    start = end + 1;
  }
  return joinNameWords(words, lexicon);
}

bool formsOfOneGivenName(std::string_view a, std::string_view b, const Lexicon& lexicon) {
  auto groupsA = lexicon.givenNameGroups.find(std::string(a));
  auto groupsB = lexicon.givenNameGroups.find(std::string(b));
  if (groupsA == lexicon.givenNameGroups.end() || groupsB == lexicon.givenNameGroups.end())
    return false;
  for (std::uint32_t group : groupsA->second)
    if (std::find(groupsB->second.begin(), groupsB->second.end(), group) != groupsB->second.end())
      return true;
  return false;
}

std::shared_ptr<const Lexicon> loadLexicon(const KnowledgeOverrides& overrides) {
  auto lexicon = std::make_shared<Lexicon>();
  Lexicon& lex = *lexicon;
  forEachEntry(overrides, "entities/transliteration.tsv", lex, [&](const auto& fields) {
    lex.transliteration.emplace(std::string(fields[0]),
                                fields.size() > 1 ? std::string(fields[1]) : std::string());
    // Upper-case letters fold to lower case before transliteration, so only lower case is needed.
  });
  forEachEntry(overrides, "entities/spelling_variants.tsv", lex, [&](const auto& fields) {
    if (fields.size() > 1) lex.variantEndings.emplace_back(fields[0], fields[1]);
  });
  std::stable_sort(lex.variantEndings.begin(), lex.variantEndings.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  forEachEntry(overrides, "entities/demonym_suffixes.tsv", lex, [&](const auto& fields) {
    lex.demonymSuffixes.emplace_back(foldWord(fields[0]),
                                     fields.size() > 1 && fields[1] == "adjective");
  });
  std::stable_sort(lex.demonymSuffixes.begin(), lex.demonymSuffixes.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  forEachEntry(overrides, "entities/context_cues.tsv", lex, [&](const auto& fields) {
    if (fields.size() < 3) return;
    if (auto type = parseType(fields[2]))
      lex.contextCues.emplace(std::string(fields[0]) + ":" + foldWord(fields[1]), *type);
  });
  forEachEntry(overrides, "entities/name_suffixes.tsv", lex, [&](const auto& fields) {
    std::string suffix = foldWord(fields[0]);
    suffix.erase(std::remove(suffix.begin(), suffix.end(), '.'), suffix.end());
    lex.nameSuffixes.insert(suffix);
  });
  forEachEntry(overrides, "entities/team_cues.tsv", lex, [&](const auto& fields) {
    if (fields.size() > 1) lex.teamCues.insert(std::string(fields[0]) + ":" + foldWord(fields[1]));
  });
  forEachEntry(overrides, "entities/credentials.tsv", lex, [&](const auto& fields) {
    std::string credential = foldWord(fields[0]);
    credential.erase(std::remove(credential.begin(), credential.end(), '.'), credential.end());
    lex.credentials.insert(credential);
  });
  loadGazetteer(overrides, "entities/places.tsv", EntityType::Place, lex);
  loadGazetteer(overrides, "entities/organisations.tsv", EntityType::Org, lex);
  loadWordSet(overrides, "entities/demonyms.tsv", lex, lex.demonyms);
  forEachEntry(overrides, "entities/org_suffixes.tsv", lex, [&](const auto& fields) {
    std::string suffix = foldWord(fields[0]);
    // "Corp.": the word as a token is written without its dot.
    if (suffix.ends_with('.')) {
      suffix.pop_back();
      lex.abbreviations.insert(suffix);
    }
    lex.orgSuffixes.insert(suffix);
    if (fields.size() > 1 && fields[1] == "outlet") lex.outletSuffixes.insert(suffix);
  });
  loadWordSet(overrides, "entities/place_suffixes.tsv", lex, lex.placeSuffixes);
  loadWordSet(overrides, "entities/region_abbreviations.tsv", lex, lex.regionAbbreviations);
  loadWordSet(overrides, "entities/not_names.tsv", lex, lex.notNames);
  loadWordSet(overrides, "entities/connectors.tsv", lex, lex.connectors);
  loadWordSet(overrides, "entities/headline_words.tsv", lex, lex.headlineWords);
  loadWordSet(overrides, "entities/name_openers.tsv", lex, lex.nameOpeners);
  loadWordSet(overrides, "entities/calendar_words.tsv", lex, lex.calendarWords);
  forEachEntry(overrides, "entities/common_endings.tsv", lex, [&](const auto& fields) {
    std::size_t minLength = fields.size() > 1 ? std::stoul(std::string(fields[1])) : 0;
    lex.commonEndings.emplace_back(foldWord(fields[0]), minLength);
  });
  loadWordSet(overrides, "entities/person_cues.tsv", lex, lex.personCues);
  forEachEntry(overrides, "entities/nominal_words.tsv", lex, [&](const auto& fields) {
    if (fields.size() > 1)
      (fields[1] == "noun" ? lex.nominalNouns : lex.nominalNext).insert(foldWord(fields[0]));
  });
  loadWordSet(overrides, "entities/given_names.tsv", lex, lex.givenNames);
  std::uint32_t group = 0;
  forEachEntry(overrides, "entities/given_name_forms.tsv", lex, [&](const auto& fields) {
    lex.givenNameGroups[foldWord(fields[0])].push_back(group);
    if (fields.size() > 1)
      for (std::string_view forms = fields[1]; !forms.empty();) {
        std::size_t end = std::min(forms.find(' '), forms.size());
        if (end > 0) lex.givenNameGroups[foldWord(forms.substr(0, end))].push_back(group);
        forms.remove_prefix(std::min(end + 1, forms.size()));
      }
    ++group;
  });
  forEachEntry(overrides, "entities/role_words.tsv", lex, [&](const auto& fields) {
    (fields.size() > 1 && fields[1] == "verb" ? lex.roleVerbs : lex.roleStartStops)
        .insert(foldWord(fields[0]));
  });
  forEachEntry(overrides, "entities/statement_cues.tsv", lex, [&](const auto& fields) {
    std::string_view cue = fields[0];
    lex.statementCues.insert(foldWord(cue.substr(0, cue.find(' '))));
  });
  // Multi-word titles ("Prime Minister") are recognised word by word: every word of one is a title
  // word, and a run of title words before a name is the role.
  forEachEntry(overrides, "entities/titles.tsv", lex, [&](const auto& fields) {
    std::string_view title = fields[0];
    std::size_t start = 0;
    while (start < title.size()) {
      std::size_t end = title.find(' ', start);
      if (end == std::string_view::npos) end = title.size();
      lex.titles.insert(foldWord(title.substr(start, end - start)));
      start = end + 1;
    }
  });
  for (const auto& demonym : lex.demonyms)
    lex.known.emplace(demonym, EntityType::Norp);
  return lexicon;
}

} // namespace dossier::analysis::entities
