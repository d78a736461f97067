// One document's entities: mentions typed from the lexicons and context, short forms linked to the
// nearest full name of the document, acronyms defined in the text, roles and attributed statements.
#include "server/analysis/entities/document_entities.h"

#include "server/analysis/entities/mentions.h"
#include "server/analysis/entities/statements.h"

#include <algorithm>
#include <map>

namespace dossier::analysis::entities {
namespace {

std::size_t wordCount(const std::string& key) {
  return std::count(key.begin(), key.end(), ' ') + 1;
}

std::string lastWord(const std::string& key) {
  return key.substr(key.rfind(' ') + 1);
}
std::string firstWord(const std::string& key) {
  return key.substr(0, key.find(' '));
}

// The initials of a multi-word key, connectors skipped: "department of justice" -> "dj" and "doj".
std::vector<std::string> initialsOf(const std::string& key, const Lexicon& lexicon) {
  std::string strict, loose;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string word = key.substr(start, end - start);
    if (!word.empty()) {
      loose += word[0];
      if (!lexicon.connectors.count(word) && word != "and") strict += word[0];
    }
    start = end + 1;
  }
  return {strict, loose};
}

// Whether a word of a multi-word key heads it: the last word ("Keystone Dredging Group") or a word
// followed by "of"/"for" ("Ministry of Defence", "Bank for ...", "Gulf of Aden").
bool headedBy(const std::string& key, const std::unordered_set<std::string>& heads) {
  if (heads.count(lastWord(key))) return true;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = std::min(key.find(' ', start), key.size());
    std::string word = key.substr(start, end - start);
    if (end < key.size() && heads.count(word)) {
      std::size_t nextEnd = std::min(key.find(' ', end + 1), key.size());
      std::string next = key.substr(end + 1, nextEnd - end - 1);
      if (next == "of" || next == "for") return true;
    }
    start = end + 1;
  }
  return false;
}

EntityType typeFromLexicon(const std::string& key, const Lexicon& lexicon, bool& decided) {
  decided = true;
  if (auto it = lexicon.known.find(key); it != lexicon.known.end()) return it->second;
  if (wordCount(key) > 1 && headedBy(key, lexicon.orgSuffixes)) return EntityType::Org;
  if (wordCount(key) > 1 && headedBy(key, lexicon.placeSuffixes)) return EntityType::Place;
  if (lexicon.givenNames.count(firstWord(key)) && wordCount(key) > 1) return EntityType::Person;
  decided = false;
  return EntityType::Other;
}

// "SkyMesh", "YouTube": a capital letter inside a word is a brand's, not a person's.
bool hasInnerCapital(std::string_view word) {
  for (std::size_t i = 1; i + 1 < word.size(); ++i)
    if (word[i] >= 'A' && word[i] <= 'Z' && word[i - 1] >= 'a' && word[i - 1] <= 'z') return true;
  return false;
}

// Words after an adjective-like capitalised word that show it is not used as an adjective.
bool isFunctionWord(const std::string& folded) {
  static const std::unordered_set<std::string> kWords = {
      "is",   "was",   "has",  "had",  "and",  "or",   "of",    "in",  "on",  "at",  "to",   "who",
      "whom", "which", "that", "said", "says", "will", "would", "can", "may", "did", "does", "were",
      "are",  "for",   "with", "by",   "as",   "but",  "than",  "the", "a",   "an"};
  return kWords.count(folded) > 0;
}

struct Builder {
  std::string_view text;
  const std::vector<Token>& tokens;
  const Lexicon& lexicon;
  MentionFinder& finder;
  DocumentEntities result;

  Mention makeMention(const Candidate& c) {
    Mention m;
    m.span = {tokens[c.first].begin, tokens[c.spanEnd()].end};
    m.surfaceKey = nameKey(Span{tokens[c.first].begin, tokens[c.last].end}.in(text), lexicon);
    m.key = m.surfaceKey;
    m.sentence = finder.sentenceOf(c.first);
    bool allCapsWord = c.first == c.last && tokens[c.first].is(kAllCaps);
    if (allCapsWord || tokens[c.first].is(kDotted)) m.flags |= kAcronym;
    if (c.tentative) m.flags |= kTentative;
    if (lexicon.known.count(m.key)) m.flags |= kKnown;
    bool decided = false;
    m.type = typeFromLexicon(m.key, lexicon, decided);
    if (!decided) m.type = typeFromContext(c, m, decided);
    m.ownType = m.type;
    return m;
  }

  // Whether a comma right after token `last` is followed by a state, province or country that ends
  // the phrase: "Schenectady, N.Y., police said", "Fountain Valley, CA.", "Nantes, France (AFP)".
  // Not "Jan Holm, France's envoy" (a possessive) nor "Jan Holm, Texas Democrat" (a word follows).
  bool regionAfterComma(std::size_t last) const {
    std::size_t i = last + 1;
    if (i + 1 >= tokens.size() || tokens[i].in(text) != "," ||
        tokens[i].begin != tokens[last].end || !wordAt(i + 1) || !tokens[i + 1].is(kCapitalised))
      return false;
    // The region's words: a dotted abbreviation, its letters written apart ("N. Y."), or one or
    // two capitalised words.
    std::string letters;
    std::size_t end = i + 1; // one past the region's last token
    auto lettersOf = [&](std::size_t t) {
      for (char ch : finder.folded(t))
        if (ch != '.') letters += ch;
    };
    lettersOf(end++);
    while (end + 1 < tokens.size() && letters.size() < 3 &&
           tokens[end - 1].end - tokens[end - 1].begin == 1 && tokens[end].in(text) == "." &&
           wordAt(end + 1) && tokens[end + 1].end - tokens[end + 1].begin == 1 &&
           tokens[end + 1].is(kCapitalised)) {
      lettersOf(end + 1);
      end += 2;
    }
    bool region = lexicon.regionAbbreviations.count(letters) > 0;
    auto known = [&](const std::string& key) {
      auto it = lexicon.known.find(key);
      return it != lexicon.known.end() && it->second == EntityType::Place;
    };
    if (!region && end == i + 2) {
      if (known(letters)) {
        region = true;
      } else if (wordAt(end) && tokens[end].is(kCapitalised) &&
                 singleSpace(tokens[end - 1], tokens[end]) &&
                 known(letters + " " + finder.folded(end))) {
        region = true;
        ++end;
      }
    }
    if (!region) return false;
    if (end >= tokens.size()) return true;
    const Token& after = tokens[end];
    if (after.kind == TokenKind::Word) return false;
    std::string_view mark = after.in(text);
    return mark != "'" && mark != "\u2019" && mark != "-";
  }

  const Token* wordAt(std::size_t i) const {
    return i < tokens.size() && tokens[i].kind == TokenKind::Word ? &tokens[i] : nullptr;
  }

  // The type the words around an unknown name suggest; Other when none does.
  EntityType typeFromContext(const Candidate& c, Mention& m, bool& decided) {
    decided = true;
    const Token* nextWord = wordAt(c.spanEnd() + 1);
    const std::string* next = nextWord ? &finder.folded(c.spanEnd() + 1) : nullptr;
    bool nextIsLowerWord =
        nextWord && !nextWord->is(kCapitalised) && singleSpace(tokens[c.spanEnd()], *nextWord);
    if (c.afterTitle || c.credential) return EntityType::Person;
    if (m.is(kAcronym)) return EntityType::Org;
    if (regionAfterComma(c.spanEnd())) return EntityType::Place;
    // "the Red Sox", "the Bluejays": a name written after "the" is no person's; one ending in a
    // plural is a team's, a band's or a company's.
    const Token* before = c.first > 0 ? wordAt(c.first - 1) : nullptr;
    bool afterThe =
        before && finder.folded(c.first - 1) == "the" && singleSpace(*before, tokens[c.first]);
    if (wordCount(m.key) == 1) {
      const Token* prevWord = c.first > 0 ? wordAt(c.first - 1) : nullptr;
      if (prevWord && !prevWord->is(kCapitalised) && singleSpace(*prevWord, tokens[c.first]))
        if (const EntityType* type = cue("before", finder.folded(c.first - 1))) return *type;
      // "the town of Ustrel", "north of Kresk": the noun before "of".
      const Token* ofWord = c.first > 1 ? wordAt(c.first - 2) : nullptr;
      if (prevWord && ofWord && finder.folded(c.first - 1) == "of" && !ofWord->is(kCapitalised) &&
          singleSpace(*prevWord, tokens[c.first]) && singleSpace(*ofWord, *prevWord))
        if (const EntityType* type = cue("of", finder.folded(c.first - 2))) return *type;
      if (c.last + 2 < tokens.size() && tokens[c.last + 1].in(text) == "-" &&
          tokens[c.last + 1].begin == tokens[c.last].end && wordAt(c.last + 2))
        if (const EntityType* type = cue("hyphen", finder.folded(c.last + 2))) return *type;
      if (nextIsLowerWord)
        if (const EntityType* type = cue("after", *next)) return *type;
      if (auto form = demonymForm(m.key, lexicon)) {
        // "the Drovnian envoy", "Veskarians": a group, not a person.
        if (form->adjective && nextIsLowerWord && !isFunctionWord(*next) &&
            !lexicon.personCues.count(*next) && !lexicon.statementCues.count(*next))
          return EntityType::Norp;
        if (form->ending == "ians" || form->ending == "eans") return EntityType::Norp;
      }
      if (afterThe && pluralShape(m.key)) return EntityType::Org;
      if (hasInnerCapital(m.span.in(text))) return EntityType::Org;
      // "Quintero said": a guess only, since organisations speak as often ("Kreskgaz said"); any
      // other evidence over the corpus outweighs it.
      if (next && lexicon.personCues.count(*next)) {
        m.typeGuessed = true;
        return EntityType::Person;
      }
    }
    if (wordCount(m.key) >= 2) {
      if (auto type = typeFromNameWords(c, m.key)) return *type;
      if (afterThe && pluralShape(lastWord(m.key))) return EntityType::Org;
      // A full name followed by a speech verb is a person's.
      if (next && lexicon.personCues.count(*next)) return EntityType::Person;
      if (wordCount(m.key) <= 3 && !startsWithCommonWord(m.key)) {
        m.typeGuessed = true;
        return EntityType::Person;
      }
    }
    decided = false;
    return EntityType::Other;
  }

  const EntityType* cue(const char* position, const std::string& word) const {
    auto it = lexicon.contextCues.find(std::string(position) + ":" + word);
    return it == lexicon.contextCues.end() ? nullptr : &it->second;
  }

  // The type the words of an unknown multi-word name show: a first or last word that heads places
  // or organisations ("Mount Cook", "Valley Hotel", "Volna Fleet"), an outlet or organisation word
  // inside it ("Harrowmouth Herald Logo"), or a last word that is a common word of this document
  // by its shape and its lower-case use ("Keystone Dredging": "dredging" elsewhere).
  std::optional<EntityType> typeFromNameWords(const Candidate& c, const std::string& key) const {
    if (const EntityType* type = cue("first", firstWord(key))) return *type;
    if (const EntityType* type = cue("last", lastWord(key))) return *type;
    std::size_t start = 0;
    while (start < key.size()) {
      std::size_t end = std::min(key.find(' ', start), key.size());
      if (lexicon.orgSuffixes.count(key.substr(start, end - start))) return EntityType::Org;
      start = end + 1;
    }
    const std::string& last = finder.folded(c.last);
    if (finder.lowercaseWords().count(last))
      for (const auto& [ending, minLength] : lexicon.commonEndings)
        if (last.size() >= minLength && last.ends_with(ending)) return EntityType::Org;
    return std::nullopt;
  }

  // "Evening Compass", "Northern Link": a name opening with a word this document writes in lower
  // case is a title or a thing more often than a person (given names are typed before this).
  bool startsWithCommonWord(const std::string& key) const {
    return finder.lowercaseWords().count(firstWord(key)) &&
           !lexicon.givenNames.count(firstWord(key));
  }

  bool singleSpace(const Token& left, const Token& right) const {
    return right.begin == left.end + 1 && text[left.end] == ' ';
  }

  // Evidence spread over the document: a group's stem written as a name ("Drovnians" beside
  // "Drovnia") makes the one a group and the other a place; a multi-word name opening with a place
  // or group ("Drovnia Today", "Aldmark First") is an organisation, not a person, and is not what
  // the place's name stands for alone.
  void typeFromDocument() {
    std::unordered_map<std::string, std::size_t> singleWords; // key -> a mention index
    for (std::size_t i = 0; i < result.mentions.size(); ++i)
      if (wordCount(result.mentions[i].surfaceKey) == 1)
        singleWords.emplace(result.mentions[i].surfaceKey, i);
    std::unordered_map<std::string, EntityType> retyped;
    for (const auto& [key, index] : singleWords) {
      auto form = demonymForm(key, lexicon);
      if (!form || lexicon.known.count(key)) continue;
      for (const char* tail : {"", "a", "ia", "e", "y"}) {
        auto place = singleWords.find(form->stem + tail);
        if (place == singleWords.end() || place->first == key) continue;
        retyped[key] = EntityType::Norp;
        if (!lexicon.known.count(place->first)) retyped[place->first] = EntityType::Place;
        break;
      }
    }
    for (Mention& m : result.mentions) {
      auto it = retyped.find(m.surfaceKey);
      if (it == retyped.end()) continue;
      if (m.ownType == EntityType::Other || m.ownType == EntityType::Person ||
          m.type == EntityType::Org) {
        m.type = m.ownType = it->second;
        m.typeGuessed = false;
      }
    }
    for (const Mention& m : result.mentions)
      if (wordCount(m.surfaceKey) == 1 &&
          (m.ownType == EntityType::Place || m.ownType == EntityType::Norp))
        placeWords.insert(m.surfaceKey);
    for (Mention& m : result.mentions) {
      if (wordCount(m.key) < 2 || lexicon.givenNames.count(firstWord(m.key))) continue;
      if ((m.typeGuessed || m.ownType == EntityType::Other) && opensWithPlace(m.key)) {
        m.type = m.ownType = EntityType::Org;
        m.typeGuessed = false;
      } else if (m.typeGuessed && m.ownType == EntityType::Person && isKnownOrg(firstWord(m.key))) {
        // "Microsoft Word", "Microsoft Fix": two unknown-looking words opening with a known
        // organisation's name are its product or unit, not a person, and not what the
        // organisation's name alone stands for.
        m.type = m.ownType = EntityType::Other;
        m.typeGuessed = false;
      }
    }
  }

  bool isKnownOrg(const std::string& key) const {
    auto known = lexicon.known.find(key);
    return known != lexicon.known.end() && known->second == EntityType::Org;
  }

  // "Aldmark First", "Kansas City Chiefs": a name whose first words are a place's whole name.
  bool opensWithPlace(const std::string& key) const {
    for (std::size_t space = key.find(' '); space != std::string::npos;
         space = key.find(' ', space + 1)) {
      std::string prefix = key.substr(0, space);
      if (prefix.find(' ') == std::string::npos ? isPlaceWord(prefix) : isKnownPlace(prefix))
        return true;
    }
    return false;
  }

  bool isKnownPlace(const std::string& key) const {
    auto known = lexicon.known.find(key);
    return known != lexicon.known.end() && known->second == EntityType::Place;
  }

  bool isPlaceWord(const std::string& word) const {
    if (placeWords.count(word) || lexicon.demonyms.count(word)) return true;
    auto known = lexicon.known.find(word);
    return known != lexicon.known.end() &&
           (known->second == EntityType::Place || known->second == EntityType::Norp);
  }

  std::unordered_set<std::string> placeWords;

  // Which single words of a multi-word name stand for it alone: a person's given name and surname;
  // an organisation's distinctive first word ("Keystone" Dredging) unless it is a place or group
  // qualifying a generic head ("Tolvan Ledger", "Drovnian Security Service"), then the head itself
  // when it is an outlet ("the Ledger").
  void aliasWordsOf(Mention& m) {
    std::string first = firstWord(m.key), last = lastWord(m.key);
    if (m.type == EntityType::Person) {
      m.flags |= kAliasFirst | kAliasLast;
      return;
    }
    bool lastIsPlace = lexicon.known.count(last) || isPlaceWord(last);
    // "Hotel Meridian" -> "Meridian": the name after a word that opens places.
    if (m.type == EntityType::Place && wordCount(m.key) == 2 && cue("first", first) &&
        !lexicon.known.count(last))
      m.flags |= kAliasLast;
    if (m.type != EntityType::Org && m.type != EntityType::Other) return;
    bool firstIsQualifier = lexicon.known.count(first) || opensWithPlace(m.key);
    bool headIsGeneric = lexicon.orgSuffixes.count(last) > 0;
    if (!firstIsQualifier && !headIsGeneric) m.flags |= kAliasFirst;
    if (lexicon.outletSuffixes.count(last) && wordCount(m.key) == 2) m.flags |= kAliasLast;
    // "the Endangered Species Act" -> "the Act": the head of a law's or treaty's name.
    const EntityType* head = cue("last", last);
    if (m.type == EntityType::Other && head && *head == EntityType::Other) m.flags |= kAliasLast;
    // "Kansas City Chiefs" -> "Chiefs": a place qualifying a distinctive head, the head alone.
    if (m.type == EntityType::Org && firstIsQualifier && !headIsGeneric && !lastIsPlace &&
        !holdsGivenName(m.key))
      m.flags |= kAliasLast;
  }

  // "Drovnia Viktor Salenko": a place and a person's name run together hold a given name.
  bool holdsGivenName(const std::string& key) const {
    for (std::size_t start = 0; start < key.size();) {
      std::size_t end = std::min(key.find(' ', start), key.size());
      if (lexicon.givenNames.count(key.substr(start, end - start))) return true;
      start = end + 1;
    }
    return false;
  }

  // Short forms take the key of the nearest full name of this document that contains them.
  void linkShortForms() {
    std::map<std::string, std::vector<std::size_t>> fullByWord; // word -> indexes of full mentions
    for (std::size_t i = 0; i < result.mentions.size(); ++i) {
      Mention& m = result.mentions[i];
      if (wordCount(m.key) < 2 || m.is(kAcronym)) continue;
      aliasWordsOf(m);
      if (m.is(kAliasFirst)) fullByWord[firstWord(m.key)].push_back(i);
      if (m.is(kAliasLast)) fullByWord[lastWord(m.key)].push_back(i);
      for (const std::string& initials : initialsOf(m.key, lexicon))
        if (initials.size() >= 2 && (m.type == EntityType::Org || m.type == EntityType::Other))
          fullByWord["#" + initials].push_back(i);
    }
    for (const auto& [acronym, expansion] : result.definedAcronyms) {
      for (std::size_t i = 0; i < result.mentions.size(); ++i)
        if (result.mentions[i].key == expansion) fullByWord["#" + acronym].push_back(i);
    }
    for (std::size_t i = 0; i < result.mentions.size(); ++i) {
      Mention& m = result.mentions[i];
      if (wordCount(m.key) != 1) continue;
      auto it = fullByWord.find(m.is(kAcronym) ? "#" + m.key : m.key.str());
      if (it == fullByWord.end() && m.is(kAcronym)) it = fullByWord.find(m.key);
      if (it == fullByWord.end()) continue;
      std::vector<Interned> distinct;
      std::size_t nearest = it->second.front();
      bool havePreceding = false;
      for (std::size_t index : it->second) {
        Interned key = result.mentions[index].key;
        if (std::find(distinct.begin(), distinct.end(), key) == distinct.end())
          distinct.push_back(key);
        if (index < i && (!havePreceding || index > nearest)) {
          nearest = index;
          havePreceding = true;
        }
      }
      const Mention& full = result.mentions[nearest];
      m.key = full.key;
      if (m.type == EntityType::Other || !m.is(kKnown)) {
        m.type = full.type;
        m.typeGuessed = full.typeGuessed; // a guess does not grow surer by its short forms
      }
      m.flags |= kShortForm | kLinkedInDocument;
      m.flags &= static_cast<std::uint8_t>(~kTentative);
      if (distinct.size() > 1) {
        m.flags |= kAmbiguous;
        auto known = std::find_if(result.ambiguities.begin(), result.ambiguities.end(),
                                  [&](const Ambiguity& a) { return a.surfaceKey == m.surfaceKey; });
        if (known == result.ambiguities.end())
          result.ambiguities.push_back({m.surfaceKey, distinct});
      }
    }
  }

  // A bare place name standing for the sports team the document names after it: "Indianapolis"
  // beside "the Indianapolis Colts" in a sentence about a game ("Indianapolis beat Kansas City",
  // "New Orleans have decided"), not after a word that locates ("in Indianapolis"). The team is
  // an organisation whose name is the place's and a distinctive head ("Colts"), one per place.
  void linkPlacesToTeams() {
    std::map<std::string, std::vector<Interned>> teams; // place key -> team keys
    for (Mention& m : result.mentions) {
      if (m.type != EntityType::Org || !m.is(kAliasLast) || m.key != m.surfaceKey) continue;
      std::string key = m.key.str();
      std::string place = key.substr(0, key.rfind(' '));
      if (place.find(' ') == std::string::npos ? !isPlaceWord(place) : !isKnownPlace(place))
        continue;
      // "Harlow Herald", "Harlow Council", "Harlow First": a place's institutions and parties are
      // named so too. Other reports' bare place names go to the team only when its head is a
      // plural nickname ("Colts", "Saints"), and no word that makes any name an organisation
      // (EntityQuery::teamNamed also drops heads the corpus writes in lower case).
      std::string head = key.substr(key.rfind(' ') + 1);
      m.teamName = pluralShape(head) && !lexicon.orgSuffixes.count(head) &&
                   !lexicon.placeSuffixes.count(head);
      auto& keys = teams[place];
      if (std::find(keys.begin(), keys.end(), m.key) == keys.end()) keys.push_back(m.key);
    }
    for (Mention& m : result.mentions) {
      if (m.key != m.surfaceKey || m.type != EntityType::Place) continue;
      auto team = teams.find(m.surfaceKey.str());
      if (team != teams.end() && team->second.size() != 1) continue;
      auto token = std::lower_bound(tokens.begin(), tokens.end(), m.span.begin,
                                    [](const Token& t, Offset o) { return t.begin < o; });
      if (token == tokens.end() ||
          !teamContext(static_cast<std::size_t>(token - tokens.begin()), m))
        continue;
      if (team == teams.end()) {
        m.teamContext = true; // the corpus decides (EntityQuery::resolve)
        continue;
      }
      m.key = team->second.front();
      m.type = EntityType::Org;
      m.typeGuessed = false;
      m.flags |= kShortForm | kLinkedInDocument;
    }
  }

  // Whether the sentence of the place name at token `first` (mention `m`) is about a game.
  bool teamContext(std::size_t first, const Mention& m) const {
    if (first > 0 && wordAt(first - 1) && singleSpace(tokens[first - 1], tokens[first]))
      if (const EntityType* type = cue("before", finder.folded(first - 1));
          type && *type == EntityType::Place)
        return false;
    std::size_t last = first;
    while (last + 1 < tokens.size() && tokens[last + 1].begin < m.span.end)
      ++last;
    if (wordAt(last + 1) && lexicon.teamCues.count("after:" + finder.folded(last + 1))) return true;
    std::size_t begin = first, end = last + 1;
    while (begin > 0 && finder.sentenceOf(begin - 1) == m.sentence)
      --begin;
    while (end < tokens.size() && finder.sentenceOf(end) == m.sentence)
      ++end;
    for (std::size_t i = begin; i < end; ++i) {
      if (wordAt(i) && lexicon.teamCues.count("sentence:" + finder.folded(i))) return true;
      // A score or a record: "20-13", "20 - 13", "(11-4)".
      if (tokens[i].kind != TokenKind::Number) continue;
      if (tokens[i].in(text).find('-') != std::string_view::npos) return true;
      if (i + 2 < end && tokens[i + 1].in(text) == "-" && tokens[i + 2].kind == TokenKind::Number)
        return true;
    }
    return false;
  }

  // "the 40-year-old American, who ...", "the Ukrainian emerged triumphant", "the American's
  // challenge", "the Australian actor has ...": a singular demonym after "the" and a few modifiers,
  // with at most a person noun after it and then nothing it could modify (punctuation, a
  // possessive, a relative pronoun, a verb form, a preposition). "The American economy", "the
  // American people" stay groups. Which person it is, is for the corpus to say
  // (index::EntityQuery::entityOf).
  void markNominals() {
    for (Mention& m : result.mentions) {
      if (m.type != EntityType::Norp || m.key != m.surfaceKey ||
          !lexicon.demonyms.count(m.surfaceKey) || !singularDemonym(m.surfaceKey.str()))
        continue;
      auto first = std::lower_bound(tokens.begin(), tokens.end(), m.span.begin,
                                    [](const Token& t, Offset o) { return t.begin < o; });
      if (first == tokens.end() || first->begin != m.span.begin) continue;
      std::size_t begin = static_cast<std::size_t>(first - tokens.begin()), end = begin;
      while (end + 1 < tokens.size() && tokens[end + 1].end <= m.span.end)
        ++end;
      if (!afterTheAndModifiers(begin)) continue;
      std::size_t next = end + 1;
      if (wordAt(next) && !tokens[next].is(kCapitalised) &&
          lexicon.nominalNouns.count(finder.folded(next)) &&
          singleSpace(tokens[next - 1], tokens[next]))
        ++next;
      if (modifiesNothing(next)) m.nominal = true;
    }
  }

  // "American", "Briton", "Iraqi"; not the forms that name the whole group ("the British", "the
  // Swiss", "the French", "the Chinese").
  static bool singularDemonym(const std::string& key) {
    return !key.ends_with('s') && !key.ends_with("sh") && !key.ends_with("ch") &&
           !key.ends_with("ese");
  }

  // Whether "the" opens the phrase ending before token `at`, with at most three modifiers
  // (lower-case words, or capitalised ones in a hyphen compound), numbers and hyphens between
  // ("the lanky", "the 40 - year - old", "the New Zealand - born"), in one sentence.
  bool afterTheAndModifiers(std::size_t at) const {
    std::size_t words = 0;
    for (std::size_t i = at; i > 0 && at - i < 8;) {
      --i;
      if (finder.sentenceOf(i) != finder.sentenceOf(at)) return false;
      const Token& t = tokens[i];
      if (t.kind == TokenKind::Word) {
        const std::string& word = finder.folded(i);
        if (word == "the") return true;
        // "the New Zealand - born Australian": capitalised words only before a hyphen.
        bool beforeHyphen =
            tokens[i + 1].in(text) == "-" ||
            (tokens[i + 1].is(kCapitalised) && i + 2 < at && tokens[i + 2].in(text) == "-");
        if ((t.is(kCapitalised) && !beforeHyphen) || isFunctionWord(word) || ++words > 3)
          return false;
      } else if (t.kind != TokenKind::Number && t.in(text) != "-") {
        return false;
      }
    }
    return false;
  }

  // Whether token `at` shows that the word before it modifies no noun.
  bool modifiesNothing(std::size_t at) const {
    if (at >= tokens.size()) return true;
    const Token& t = tokens[at];
    if (t.kind == TokenKind::Possessive) return true;
    if (t.kind == TokenKind::Punct) {
      static const std::unordered_set<std::string_view> kEnds = {
          ".", ",", ";", ":", "!", "?", "(", ")", "\"", "\u201d", "'", "\u2019"};
      return kEnds.count(t.in(text)) > 0;
    }
    if (t.kind != TokenKind::Word || t.is(kCapitalised)) return false;
    const std::string& word = finder.folded(at);
    return lexicon.nominalNext.count(word) || (word.size() > 4 && word.ends_with("ed"));
  }

  // "National Maritime Agency (NMA)": the acronym in brackets right after a multi-word name.
  void findDefinedAcronyms(const std::vector<Candidate>& candidates) {
    for (const Candidate& c : candidates) {
      if (c.roleOnly || c.spanEnd() + 3 >= tokens.size()) continue;
      const Token& open = tokens[c.spanEnd() + 1];
      const Token& acronym = tokens[c.spanEnd() + 2];
      const Token& close = tokens[c.spanEnd() + 3];
      if (open.in(text) != "(" || close.in(text) != ")" || acronym.kind != TokenKind::Word ||
          !acronym.is(kAllCaps))
        continue;
      std::string expansion =
          nameKey(Span{tokens[c.first].begin, tokens[c.last].end}.in(text), lexicon);
      if (wordCount(expansion) < 2) continue;
      result.definedAcronyms.emplace_back(nameKey(acronym.in(text), lexicon), expansion);
    }
  }
};

} // namespace

const Mention* mentionAt(const DocumentEntities& entities, Offset offset) {
  auto it = std::upper_bound(entities.mentions.begin(), entities.mentions.end(), offset,
                             [](Offset o, const Mention& m) { return o < m.span.begin; });
  if (it == entities.mentions.begin()) return nullptr;
  --it;
  return it->span.contains(offset) || it->span.end == offset ? &*it : nullptr;
}

DocumentEntities analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens, const Lexicon& lexicon) {
  MentionFinder finder(text, structure, tokens, lexicon);
  Builder builder{text, tokens, lexicon, finder, {}, {}};
  std::vector<Candidate> candidates;
  finder.findRuns(candidates);
  std::unordered_set<std::string> documentKeys;
  std::vector<std::pair<Span, std::size_t>> pendingRoles; // role span, index of next candidate
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.roleOnly) {
      pendingRoles.push_back({Span{tokens[c.first].begin, tokens[c.last].end}, i});
      continue;
    }
    Mention m = builder.makeMention(c);
    if (c.demonym) m.type = m.ownType = EntityType::Norp;
    documentKeys.insert(m.key);
    if (m.type == EntityType::Person && wordCount(m.key) > 1) {
      documentKeys.insert(firstWord(m.key));
      documentKeys.insert(lastWord(m.key));
    }
    builder.result.mentions.push_back(std::move(m));
  }
  std::vector<Candidate> capsCandidates;
  finder.findInCapsLines(documentKeys, capsCandidates);
  for (const Candidate& c : capsCandidates)
    builder.result.mentions.push_back(builder.makeMention(c));
  std::sort(builder.result.mentions.begin(), builder.result.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  builder.findDefinedAcronyms(candidates);
  builder.typeFromDocument();
  builder.linkShortForms();
  builder.linkPlacesToTeams();
  builder.markNominals();
  DocumentEntities& result = builder.result;
  // A title's role belongs to the name right after it.
  for (const auto& [span, index] : pendingRoles) {
    auto it = std::lower_bound(result.mentions.begin(), result.mentions.end(), span.end,
                               [](const Mention& m, Offset o) { return m.span.begin < o; });
    if (it != result.mentions.end()) result.roles.push_back({span, it->key});
  }
  findRolesAndStatements(text, structure, tokens, lexicon, result);
  for (std::string_view word : finder.lowercaseWords())
    result.lowercaseWords.push_back(wordHash(word));
  std::sort(result.lowercaseWords.begin(), result.lowercaseWords.end());
  return result;
}

} // namespace dossier::analysis::entities
