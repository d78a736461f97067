#include "server/analysis/passages/document_passages.h"

#include "server/analysis/passages/passage_features.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace dossier::analysis::passages {
namespace {

// A paragraph longer than this (a whole page with no blank lines) is cut into sentence groups of
// about kGroupTarget bytes, so that a related passage points at the part that tells the story.
constexpr Offset kLongParagraph = 1500;
constexpr Offset kGroupTarget = 700;
// Fewer distinct content words than this: a heading, a byline, "Yeah, exactly." Not a passage.
constexpr std::size_t kMinContentTerms = 3;
// A line shorter than this that ends no sentence is a heading or a label, not a passage.
constexpr std::size_t kHeadingMax = 100;
// A passage at least this long, of three sentences or more, is also read as windows of
// consecutive sentences of about kWindowTarget bytes (at most kMaxWindows).
constexpr Offset kWindowedPassage = 600;
constexpr Offset kWindowTarget = 250;
// A call to action (lexicon.callsToAction) is a passage no longer than this.
constexpr std::size_t kCallToActionMax = 200;

struct Piece {
  Span span;
  PassageKind kind = PassageKind::Paragraph;
  std::string source;
};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

bool startsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// "[From WSJ]", "(Source: Reuters)": a blogger's note naming where the block next to it is quoted
// from. Returns the source's name.
std::optional<std::string> sourceMarker(std::string_view paragraph) {
  paragraph = trimmed(paragraph);
  if (paragraph.size() < 4 || paragraph.size() > 80) return std::nullopt;
  char open = paragraph.front(), close = paragraph.back();
  if (!((open == '[' && close == ']') || (open == '(' && close == ')'))) return std::nullopt;
  std::string_view inner = trimmed(paragraph.substr(1, paragraph.size() - 2));
  for (std::string_view prefix : {"from:", "from ", "source:", "via "}) {
    if (startsWithIgnoringCase(inner, prefix))
      return std::string(trimmed(inner.substr(prefix.size())));
  }
  return std::nullopt;
}

// A short line that does not end a sentence: a headline, a byline, a section label, a menu item.
bool isHeading(std::string_view paragraph) {
  paragraph = trimmed(paragraph);
  if (paragraph.empty() || paragraph.size() >= kHeadingMax) return false;
  for (std::string_view end : {".", "!", "?", "\"", ")", "\u201D", "\u2019", "\u2026"})
    if (paragraph.ends_with(end)) return false;
  return true;
}

// A whole paragraph in brackets with no sentence inside: a reporting credit ("(Reporting by ...;
// editing by ...)"), an editor's label. It names the outlet's people, who recur under every story
// of that outlet, so as a passage it matched them all. A bracketed sentence ("(Update: the ministry
// has confirmed the meeting.)") is prose and stays.
bool isBracketedNote(std::string_view paragraph) {
  paragraph = trimmed(paragraph);
  while (!paragraph.empty() && (paragraph.back() == '\n' || paragraph.back() == '\r'))
    paragraph.remove_suffix(1);
  if (paragraph.size() < 2) return false;
  char open = paragraph.front(), close = paragraph.back();
  if (!((open == '(' && close == ')') || (open == '[' && close == ']'))) return false;
  return paragraph.substr(1, paragraph.size() - 2).find_first_of(".!?") == std::string_view::npos;
}

// "Would you like to become a columnist of ...?", "Sign up for our newsletter.": a short passage
// that opens with an invitation to the reader (the lexicon's openers) is page furniture.
bool isCallToAction(std::string_view text, Span span, const Token* token, const Token* end,
                    const Lexicon& lexicon) {
  if (trimmed(span.in(text)).size() > kCallToActionMax) return false;
  std::string phrase;
  for (int words = 0; token != end && words < lexicon.longestCallToAction; ++token) {
    if (token->kind == TokenKind::Punct && words == 0) continue; // "> Would you", "- Sign up"
    if (token->kind != TokenKind::Word) return false;
    if (words++ > 0) phrase += ' ';
    phrase += foldWord(token->in(text));
    if (lexicon.callsToAction.count(phrase)) return true;
  }
  return false;
}

bool isDebris(Span span, const rules::DocumentFindings& findings) {
  Offset covered = 0;
  for (const auto& finding : findings.findings) {
    if (!finding.code.str().starts_with("debris/") || !finding.span.overlaps(span)) continue;
    covered += std::min(finding.span.end, span.end) - std::max(finding.span.begin, span.begin);
  }
  return covered * 2 >= span.size();
}

// Consecutive sentences of one long paragraph, grouped to about kGroupTarget bytes each; a short
// tail joins the group before it.
void appendSentenceGroups(const std::vector<Span>& sentences, std::vector<Piece>& pieces) {
  std::size_t firstOfParagraph = pieces.size();
  Span group{};
  bool open = false;
  for (Span sentence : sentences) {
    if (!open) {
      group = sentence;
      open = true;
    } else {
      group.end = sentence.end;
    }
    if (group.size() >= kGroupTarget) {
      pieces.push_back({group, PassageKind::SentenceGroup, {}});
      open = false;
    }
  }
  if (!open) return;
  if (group.size() < kGroupTarget / 3 && pieces.size() > firstOfParagraph)
    pieces.back().span.end = group.end;
  else
    pieces.push_back({group, PassageKind::SentenceGroup, {}});
}

// Where the windows of a passage end: consecutive sentences grouped to about kWindowTarget bytes
// (more when that would make more than kMaxWindows), a short tail joined to the window before it.
// A short passage is one window.
std::vector<Offset> windowEnds(Span passage, const Span* sentence, const Span* end) {
  if (passage.size() < kWindowedPassage || end - sentence < 3) return {passage.end};
  Offset target = std::max<Offset>(kWindowTarget, passage.size() / kMaxWindows + 1);
  std::vector<Offset> ends;
  Offset begin = passage.begin;
  for (; sentence != end; ++sentence) {
    if (sentence->end - begin < target) continue;
    ends.push_back(std::min(sentence->end, passage.end));
    begin = sentence->end;
  }
  if (ends.empty()) return {passage.end};
  if (passage.end - begin >= target / 2)
    ends.push_back(passage.end);
  else
    ends.back() = passage.end;
  while (ends.size() > kMaxWindows) { // sentences longer than the target: join the last two
    ends[ends.size() - 2] = ends.back();
    ends.pop_back();
  }
  return ends;
}

std::vector<Piece> segment(std::string_view text, const TextStructure& structure) {
  std::vector<Piece> pieces;
  std::string pendingSource; // a marker seen before any block it could name
  std::size_t sentence = 0;
  for (std::size_t p = 0; p < structure.paragraphs.size(); ++p) {
    Span paragraph = structure.paragraphs[p];
    std::vector<Span> sentences;
    while (sentence < structure.sentences.size() && structure.sentenceParagraph[sentence] < p)
      ++sentence;
    while (sentence < structure.sentences.size() && structure.sentenceParagraph[sentence] == p)
      sentences.push_back(structure.sentences[sentence++]);

    if (auto source = sourceMarker(paragraph.in(text))) {
      if (pieces.empty()) {
        pendingSource = *source;
      } else {
        pieces.back().kind = PassageKind::QuotedBlock;
        pieces.back().source = *source;
      }
      continue;
    }
    std::size_t before = pieces.size();
    if (paragraph.size() > kLongParagraph && sentences.size() > 1)
      appendSentenceGroups(sentences, pieces);
    else
      pieces.push_back({paragraph, PassageKind::Paragraph, {}});
    if (!pendingSource.empty() && pieces.size() > before) {
      pieces[before].kind = PassageKind::QuotedBlock;
      pieces[before].source = std::move(pendingSource);
      pendingSource.clear();
    }
  }
  return pieces;
}

} // namespace

DocumentPassages analyze(std::string_view text, const TextStructure& structure,
                         const std::vector<Token>& tokens,
                         const entities::DocumentEntities& entities,
                         const rules::DocumentFindings& findings, const Lexicon& lexicon) {
  DocumentPassages result;
  const Token* token = tokens.data();
  const Token* tokensEnd = tokens.data() + tokens.size();
  const entities::Mention* mention = entities.mentions.data();
  const entities::Mention* mentionsEnd = entities.mentions.data() + entities.mentions.size();
  const Span* sentence = structure.sentences.data();
  const Span* sentencesEnd = structure.sentences.data() + structure.sentences.size();
  for (Piece& piece : segment(text, structure)) {
    while (token != tokensEnd && token->begin < piece.span.begin)
      ++token;
    const Token* tokenEnd = token;
    while (tokenEnd != tokensEnd && tokenEnd->end <= piece.span.end)
      ++tokenEnd;
    while (mention != mentionsEnd && mention->span.begin < piece.span.begin)
      ++mention;
    const entities::Mention* mentionEnd = mention;
    while (mentionEnd != mentionsEnd && mentionEnd->span.end <= piece.span.end)
      ++mentionEnd;
    if (isDebris(piece.span, findings) || isHeading(piece.span.in(text)) ||
        isBracketedNote(piece.span.in(text)) ||
        isCallToAction(text, piece.span, token, tokenEnd, lexicon))
      continue;
    while (sentence != sentencesEnd && sentence->begin < piece.span.begin)
      ++sentence;
    const Span* sentenceEnd = sentence;
    while (sentenceEnd != sentencesEnd && sentenceEnd->begin < piece.span.end)
      ++sentenceEnd;

    Passage passage;
    passage.span = piece.span;
    passage.kind = piece.kind;
    passage.source = std::move(piece.source);
    computeFeatures(
        {text, token, tokenEnd, mention, mentionEnd, windowEnds(piece.span, sentence, sentenceEnd)},
        lexicon, passage);
    if (passage.terms.size() < kMinContentTerms) continue;
    result.passages.push_back(std::move(passage));
  }
  return result;
}

bool isTable(std::string_view paragraph) {
  std::size_t rows = 0;
  while (!paragraph.empty()) {
    std::size_t end = paragraph.find('\n');
    std::string_view line = trimmed(paragraph.substr(0, end));
    paragraph.remove_prefix(end == std::string_view::npos ? paragraph.size() : end + 1);
    if (line.empty()) continue;
    if (line.front() != '|') return false;
    ++rows;
  }
  return rows > 0;
}

int passageAt(const DocumentPassages& passages, Offset offset) {
  auto it = std::upper_bound(passages.passages.begin(), passages.passages.end(), offset,
                             [](Offset o, const Passage& p) { return o < p.span.begin; });
  if (it == passages.passages.begin()) return -1;
  --it;
  // The end offset counts too: a cursor just after a passage's last character is still on it.
  if (offset > it->span.end) return -1;
  return static_cast<int>(it - passages.passages.begin());
}

} // namespace dossier::analysis::passages
