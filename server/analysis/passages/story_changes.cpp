#include "server/analysis/passages/story_changes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace dossier::analysis::passages {
namespace {

constexpr std::size_t kSharedShown = 4;
constexpr std::size_t kNamesShown = 2;
constexpr const char* kSeparator = " \u00B7 ";

// Whether an attribution's speaker can be shown as who spoke: a name, or a plain plural noun that
// speaks for a group ("officials", "sources"). A singular plain word found by a cue is usually the
// modifier or filler next to it ("confirmed by several current and former officials", "admitted,
// for example, that"): kept as the index's claim key, but not shown.
bool showsSpeaker(const std::string& speaker) {
  if (speaker.empty()) return false;
  unsigned char first = static_cast<unsigned char>(speaker.front());
  if (first >= 0x80 || std::isupper(first)) return true;
  return speaker.size() >= 4 && speaker.back() == 's' && !speaker.ends_with("ss");
}

// Speakers named by a passage's attributions: folded key -> name as written.
std::map<std::string, std::string> speakers(const Passage& passage) {
  std::map<std::string, std::string> result;
  for (const auto& attribution : passage.attributions)
    if (!attribution.speakerKey.empty() && showsSpeaker(attribution.speaker))
      result.emplace(attribution.speakerKey, attribution.speaker);
  if (!passage.source.empty()) result.emplace(passage.source, passage.source);
  return result;
}

// At most kNamesShown names, then how many more: a reason is one line.
std::string joinNames(const std::map<std::string, std::string>& names) {
  std::string joined;
  std::size_t shown = 0;
  for (const auto& [key, name] : names) {
    if (shown == kNamesShown) {
      joined += " +" + std::to_string(names.size() - shown);
      break;
    }
    if (shown++) joined += ", ";
    joined += name;
  }
  return joined;
}

void compareAttribution(const Passage& asked, const Passage& other, std::vector<std::string>& out) {
  auto before = speakers(asked), after = speakers(other);
  if (before.empty() && after.empty()) return;
  std::map<std::string, std::string> kept;
  for (const auto& [key, name] : before)
    if (after.count(key)) kept.emplace(key, name);
  if (!kept.empty())
    out.push_back("attribution kept: " + joinNames(kept));
  else if (after.empty())
    out.push_back("attribution dropped (was: " + joinNames(before) + ")");
  else if (before.empty())
    out.push_back("attribution added: " + joinNames(after));
  else
    out.push_back("attribution changed: " + joinNames(before) + " \u2192 " + joinNames(after));
}

// A hedge matters where it turns a plain statement into a hedged one or back: between two passages
// that both hedge, one's "might" against the other's "maybe" says nothing about the story (on real
// pages it filled the line with "adds hedge ... · drops hedge ..." for every pair). At most two.
void compareHedges(const Passage& asked, const Passage& other, std::vector<std::string>& out) {
  if (!asked.hedges.empty() && !other.hedges.empty()) return;
  auto quoted = [](const std::vector<Interned>& words) {
    std::string text;
    for (std::size_t i = 0; i < words.size() && i < kNamesShown; ++i)
      text += (text.empty() ? "\"" : ", \"") + words[i] + "\"";
    return text;
  };
  if (!other.hedges.empty()) out.push_back("adds hedge " + quoted(other.hedges));
  if (!asked.hedges.empty()) out.push_back("drops hedge " + quoted(asked.hedges));
}

// Figures that count the same thing (same unit word) but disagree: "12 vs 14 million".
void compareFigures(const Passage& asked, const Passage& other, std::vector<std::string>& out) {
  std::map<std::string, std::set<std::string>> askedByUnit, otherByUnit;
  for (const auto& figure : asked.figures)
    if (!figure.unit.empty()) askedByUnit[figure.unit].insert(figure.value);
  for (const auto& figure : other.figures)
    if (!figure.unit.empty()) otherByUnit[figure.unit].insert(figure.value);
  std::vector<std::string> differences;
  for (const auto& [unit, values] : askedByUnit) {
    auto it = otherByUnit.find(unit);
    if (it == otherByUnit.end() || it->second == values) continue;
    std::string onlyAsked, onlyOther;
    for (const auto& v : values)
      if (!it->second.count(v)) onlyAsked += (onlyAsked.empty() ? "" : "/") + v;
    for (const auto& v : it->second)
      if (!values.count(v)) onlyOther += (onlyOther.empty() ? "" : "/") + v;
    if (onlyAsked.empty() || onlyOther.empty()) continue;
    differences.push_back(onlyAsked + " vs " + onlyOther + " " + unit);
  }
  if (differences.empty()) return;
  std::string text = "numbers differ: ";
  for (std::size_t i = 0; i < differences.size() && i < 2; ++i)
    text += (i ? ", " : "") + differences[i];
  out.push_back(text);
}

void compareQuotes(const Passage& asked, const Passage& other, std::vector<std::string>& out) {
  for (const auto& quote : other.quotes) {
    for (const auto& original : asked.quotes) {
      if (quote.size() < original.size() && original.find(quote) != std::string::npos) {
        out.push_back("quote shortened");
        return;
      }
      if (original.size() < quote.size() && quote.find(original) != std::string::npos) {
        out.push_back("quote extended");
        return;
      }
    }
  }
  if (!asked.quotes.empty() && other.quotes.empty()) out.push_back("quote dropped");
}

const Term* termOf(const Passage& passage, const std::string& stem) {
  auto it = std::lower_bound(passage.terms.begin(), passage.terms.end(), stem,
                             [](const Term& t, const std::string& s) { return t.stem < s; });
  return it != passage.terms.end() && it->stem == stem ? &*it : nullptr;
}

std::string sameClaim(const Passage& asked, const Passage& other) {
  for (const auto& a : asked.attributions) {
    for (const auto& b : other.attributions) {
      if (a.kind != b.kind) continue;
      if (!a.speakerKey.empty() && a.speakerKey == b.speakerKey && showsSpeaker(a.speaker))
        return a.speaker + " " + a.cue;
    }
  }
  for (const auto& a : asked.attributions)
    for (const auto& b : other.attributions)
      if (a.kind == b.kind && a.kind != "say") return a.cue;
  return {};
}

} // namespace

std::vector<std::string> storyChanges(const Passage& asked, const Passage& other) {
  std::vector<std::string> changes;
  compareAttribution(asked, other, changes);
  compareFigures(asked, other, changes);
  compareHedges(asked, other, changes);
  compareQuotes(asked, other, changes);
  return changes;
}

std::string sharedSummary(std::string_view askedText, const Passage& asked, const Passage& other,
                          const std::vector<std::string>& sharedEntities,
                          const std::vector<std::string>& sharedStems, const Lexicon& lexicon) {
  std::vector<std::string> shown;
  std::set<std::string> shownFolded;
  for (const auto& entity : sharedEntities) {
    if (shown.size() >= kSharedShown) break;
    shown.push_back(entity);
    shownFolded.insert(entity);
  }
  // Each shared stem with the word it was first written as in the asked passage (read again from
  // its text: terms keep only stems); a stem that is none of its terms is left out.
  std::vector<std::string> words = termWords(askedText, asked.span, sharedStems, lexicon);
  std::vector<std::string> written;
  for (std::size_t i = 0; i < sharedStems.size(); ++i)
    if (termOf(asked, sharedStems[i]) && !words[i].empty()) written.push_back(words[i]);
  // A name written in full in one passage and by its surname in the other ("Talia Voss", "Voss")
  // has two entity keys, so it is shared as a word: such words come before common words.
  auto namesAnEntity = [&](const std::string& word) {
    std::string folded = foldWord(word);
    return std::any_of(asked.entities.begin(), asked.entities.end(),
                       [&](const PassageEntity& entity) {
                         const std::string& e = entity.key;
                         std::size_t at = e.find(folded);
                         return at != std::string::npos && (at == 0 || e[at - 1] == ' ') &&
                                (at + folded.size() == e.size() || e[at + folded.size()] == ' ');
                       });
  };
  std::stable_partition(written.begin(), written.end(), namesAnEntity);
  for (const auto& word : written) {
    if (shown.size() >= kSharedShown) break;
    std::string folded = foldWord(word);
    bool partOfEntity =
        std::any_of(shownFolded.begin(), shownFolded.end(),
                    [&](const std::string& e) { return e.find(folded) != std::string::npos; });
    if (partOfEntity) continue;
    shown.push_back(word);
    shownFolded.insert(folded);
  }
  std::string text;
  if (!shown.empty()) {
    text = "shares: ";
    for (std::size_t i = 0; i < shown.size(); ++i)
      text += (i ? ", " : "") + shown[i];
  }
  std::string claim = sameClaim(asked, other);
  if (!claim.empty()) text += (text.empty() ? "" : kSeparator) + ("same claim: " + claim);
  return text;
}

std::string relatedReason(const std::string& shared, const std::vector<std::string>& changes,
                          bool nearDuplicate) {
  std::string text = nearDuplicate ? "near-duplicate (same text republished)" : "";
  if (!shared.empty()) text += (text.empty() ? "" : kSeparator) + shared;
  for (const auto& change : changes)
    text += (text.empty() ? "" : kSeparator) + change;
  return text;
}

} // namespace dossier::analysis::passages
