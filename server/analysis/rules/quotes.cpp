#include "server/analysis/rules/quotes.h"

#include <algorithm>

namespace dossier::analysis::rules {

namespace {

// Fewer words are scare quotes, titles or a borrowed phrase ("the so-called “audit”"), not speech.
constexpr std::size_t kMinQuoteWords = 4;
// How many tokens either side of a speech verb its speaker may stand ("..., the minister said").
constexpr std::size_t kSpeakerWindow = 4;

enum class Mark { None, Open, Close, Straight };

Mark markOf(std::string_view t) {
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB") return Mark::Open;  // “ «
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return Mark::Close; // ” »
  if (t == "\"") return Mark::Straight;
  return Mark::None;
}

bool isSpeaker(const entities::Mention* mention) {
  return mention && (mention->type == entities::EntityType::Person ||
                     mention->type == entities::EntityType::Org);
}

} // namespace

void QuoteRules::addRecord(const std::vector<std::string_view>& fields) {
  if (fields.size() < 2) return;
  std::string word = foldWord(fields[0]);
  if (fields[1] == "cue")
    speechCues_.insert(word);
  else if (fields[1] == "speaker")
    speakerWords_.insert(word);
  else if (fields[1] == "source")
    sourceNouns_.insert(word);
}

void QuoteRules::scan(std::string_view text, const TextStructure& structure,
                      const std::vector<Token>& tokens, const entities::DocumentEntities& entities,
                      std::vector<Finding>& out) const {
  auto paragraphOf = [&](Offset offset) { return findContaining(structure.paragraphs, offset); };
  // Whether a speech verb near a speaker sits in `context`, outside the quote itself.
  auto attributed = [&](Span context, Span quote) {
    auto first = std::lower_bound(tokens.begin(), tokens.end(), context.begin,
                                  [](const Token& t, Offset o) { return t.begin < o; });
    std::vector<const Token*> words;
    for (auto it = first; it != tokens.end() && it->end <= context.end; ++it)
      if (it->kind == TokenKind::Word && !quote.contains(it->begin)) words.push_back(&*it);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!speechCues_.contains(foldWord(words[i]->in(text)))) continue;
      std::size_t from = i > kSpeakerWindow ? i - kSpeakerWindow : 0;
      std::size_t to = std::min(words.size(), i + kSpeakerWindow + 1);
      for (std::size_t j = from; j < to; ++j)
        if (j != i && (speakerWords_.contains(foldWord(words[j]->in(text))) ||
                       isSpeaker(entities::mentionAt(entities, words[j]->begin))))
          return true;
    }
    return false;
  };
  // Speech stands on its own: it opens a sentence or follows a colon or dash. A quote inside a
  // clause ("the honest answer is “12, maybe 14”", "said it was “just a service”") is a quoted
  // phrase whose owner the clause already gives.
  auto standsAlone = [&](std::size_t openIndex) {
    int sentence = findContaining(structure.sentences, tokens[openIndex].begin);
    if (sentence >= 0 &&
        structure.sentences[static_cast<std::size_t>(sentence)].begin == tokens[openIndex].begin)
      return true;
    if (openIndex == 0) return true;
    std::string_view before = tokens[openIndex - 1].in(text);
    return before == ":" || before == "\xE2\x80\x94" || before == "\xE2\x80\x93";
  };
  // A quoted block ("> ...") or a list of quoted items hangs under a lead-in that says whose words
  // they are ("A sample of the replies:").
  auto inQuotedBlockOrList = [&](Offset offset) {
    int line = findContaining(structure.lines, offset);
    if (line < 0) return false;
    std::string_view body = structure.lines[static_cast<std::size_t>(line)].in(text);
    while (!body.empty() && (body.front() == ' ' || body.front() == '\t'))
      body.remove_prefix(1);
    return body.starts_with(">") || body.starts_with("- ") || body.starts_with("* ") ||
           body.starts_with("\xE2\x80\xA2");
  };
  // A quoted phrase that is itself the subject of the sentence ("“Do your own research” is the
  // motto") or that the writer questions or exclaims at ("“Our harbour, our hands”? Who writes
  // like that") is talked about, not said: no closing punctuation inside, a word or the writer's
  // own ? or ! right after.
  auto isMentioned = [&](Span quote, std::size_t closeIndex) {
    std::string_view inside = quote.in(text);
    while (!inside.empty() && (inside.back() == ' ' || inside.back() == '\n'))
      inside.remove_suffix(1);
    bool punctuated = !inside.empty() && (inside.back() == ',' || inside.back() == '.' ||
                                          inside.back() == '!' || inside.back() == '?');
    if (punctuated || closeIndex + 1 >= tokens.size()) return false;
    const Token& next = tokens[closeIndex + 1];
    if (next.begin != tokens[closeIndex].end && next.kind != TokenKind::Word) return false;
    std::string_view after = next.in(text);
    return next.kind == TokenKind::Word || after == "?" || after == "!";
  };
  // Quotes side by side (“Free speech!” “Where’s your proof?”) are a sample of what is typically
  // said, a list of voices rather than one unowned statement.
  auto inRunOfQuotes = [&](std::size_t openIndex, std::size_t closeIndex) {
    auto isMark = [&](std::size_t i) { return markOf(tokens[i].in(text)) != Mark::None; };
    return (openIndex > 0 && isMark(openIndex - 1)) ||
           (closeIndex + 1 < tokens.size() && isMark(closeIndex + 1));
  };
  // A lead-in before a colon that names who speaks ("Veskarian accounts picked this up: “...”")
  // owns the quote; one that only sets the scene ("Meanwhile in Kresk: “...”") does not.
  auto ledInBySource = [&](std::size_t openIndex) {
    if (openIndex == 0 || tokens[openIndex - 1].in(text) != ":") return false;
    int sentence = findContaining(structure.sentences, tokens[openIndex - 1].begin);
    Offset from = sentence >= 0 ? structure.sentences[static_cast<std::size_t>(sentence)].begin
                                : tokens[openIndex - 1].begin;
    for (std::size_t i = openIndex - 1; i-- > 0 && tokens[i].begin >= from;) {
      if (tokens[i].kind != TokenKind::Word) continue;
      std::string folded = foldWord(tokens[i].in(text));
      if (sourceNouns_.contains(folded) || speechCues_.contains(folded) ||
          isSpeaker(entities::mentionAt(entities, tokens[i].begin)))
        return true;
    }
    return false;
  };
  auto check = [&](Span quote) {
    std::size_t words = 0;
    auto first = std::lower_bound(tokens.begin(), tokens.end(), quote.begin,
                                  [](const Token& t, Offset o) { return t.begin < o; });
    for (auto it = first; it != tokens.end() && it->end <= quote.end; ++it)
      words += it->kind == TokenKind::Word;
    if (words < kMinQuoteWords) return;
    for (const auto& statement : entities.statements)
      if (statement.span.overlaps(quote)) return;
    // The quote's sentences, one sentence before (an introduction: "She said:") and one after
    // ("..., he added.").
    int firstSentence = findContaining(structure.sentences, quote.begin);
    int lastSentence = findContaining(structure.sentences, quote.end - 1);
    if (firstSentence < 0 || lastSentence < 0) return;
    auto last = static_cast<std::size_t>(lastSentence);
    if (firstSentence > 0) --firstSentence;
    // The next sentence even in the next paragraph: wire copy gives a quote its own paragraph and
    // the speaker the next one ("“They weren't married long.”" / "She said they grew up ...").
    if (last + 1 < structure.sentences.size()) ++last;
    Span context{structure.sentences[static_cast<std::size_t>(firstSentence)].begin,
                 structure.sentences[last].end};
    if (attributed(context, quote)) return;
    out.push_back({quote, "quotes/no-speaker",
                   renderMessage("Quote without a speaker: \"{text}\" — nobody in the text is said "
                                 "to have said it.",
                                 quote.in(text))});
  };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t open = kNone; // index of the opening mark's token
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::Punct) continue;
    Mark mark = markOf(tokens[i].in(text));
    if (mark == Mark::None) continue;
    Mark opener = open != kNone ? markOf(tokens[open].in(text)) : Mark::None;
    bool closes = (mark == Mark::Close && opener == Mark::Open) ||
                  (mark == Mark::Straight && opener == Mark::Straight);
    if (closes) {
      const Token& opening = tokens[open];
      // A quote never runs across paragraphs: an unclosed mark is a typo, not a long quote.
      if (paragraphOf(opening.begin) == paragraphOf(tokens[i].begin) &&
          opening.end < tokens[i].begin && standsAlone(open) &&
          !inQuotedBlockOrList(opening.begin) && !isMentioned({opening.end, tokens[i].begin}, i) &&
          !inRunOfQuotes(open, i) && !ledInBySource(open))
        check({opening.end, tokens[i].begin});
      open = kNone;
    } else if (mark != Mark::Close) {
      open = i;
    }
  }
}

} // namespace dossier::analysis::rules
