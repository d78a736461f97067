// Appositive roles ("Ian Bremmer, political scientist and founder of Eurasia Group,") and
// statements
// ("Musk denied that he had spoken to Putin", "“...,” said Mets").
#include "server/analysis/entities/statements.h"

#include <algorithm>

namespace dossier::analysis::entities {
namespace {

bool isOpenQuote(std::string_view s) {
  return s == "\"" || s == "“" || s == "«" || s == "„";
}
bool isCloseQuote(std::string_view s) {
  return s == "\"" || s == "”" || s == "»";
}

// Index of the first token at or after `offset`.
std::size_t tokenAt(const std::vector<Token>& tokens, Offset offset) {
  return static_cast<std::size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& t, Offset o) { return t.begin < o; }) -
      tokens.begin());
}

// Trims spaces, final punctuation and surrounding quote marks from a span of text.
Span trimClause(std::string_view text, Span span) {
  static constexpr std::string_view kTrimmed[] = {"”", "“", "\"", ".", ",", " ", ":", ";"};
  for (bool changed = true; changed && !span.empty();) {
    changed = false;
    std::string_view s = span.in(text);
    for (std::string_view c : kTrimmed) {
      if (s.starts_with(c)) {
        span.begin += static_cast<Offset>(c.size());
      } else if (s.ends_with(c)) {
        span.end -= static_cast<Offset>(c.size());
      } else {
        continue;
      }
      changed = true;
      break;
    }
  }
  return span;
}

} // namespace

void findRolesAndStatements(std::string_view text, const TextStructure& structure,
                            const std::vector<Token>& tokens, const Lexicon& lexicon,
                            DocumentEntities& entities) {
  for (const Mention& m : entities.mentions) {
    if (m.sentence >= structure.sentences.size()) continue;
    Span sentence = structure.sentences[m.sentence];
    std::size_t after = tokenAt(tokens, m.span.end);
    if (after < tokens.size() && tokens[after].kind == TokenKind::Possessive) continue;
    // Appositive: ", <description>," right after a person's name.
    if (m.type == EntityType::Person && after + 1 < tokens.size() &&
        tokens[after].in(text) == "," && tokens[after + 1].kind == TokenKind::Word &&
        !tokens[after + 1].is(kCapitalised)) {
      std::string first = foldWord(tokens[after + 1].in(text));
      if (first != "who" && first != "which" && first != "and" && first != "but" &&
          !lexicon.statementCues.count(first) && !lexicon.roleStartStops.count(first)) {
        // A role is a short noun phrase: no verb of its own, at most kMaxRoleTokens tokens.
        constexpr std::size_t kMaxRoleTokens = 12;
        bool clause = false;
        std::size_t end = after + 1;
        while (end < tokens.size() && tokens[end].begin < sentence.end &&
               end - after <= kMaxRoleTokens) {
          std::string_view s = tokens[end].in(text);
          if (s == "," || s == "." || s == ";" || s == ":" || s == "(" || s == "—") break;
          if (tokens[end].kind == TokenKind::Word) {
            std::string word = foldWord(s);
            clause = clause || lexicon.roleVerbs.count(word) || lexicon.statementCues.count(word);
          }
          ++end;
        }
        if (!clause && end < tokens.size() && end - after <= kMaxRoleTokens && end > after + 1 &&
            tokens[end].in(text) != "(")
          entities.roles.push_back({Span{tokens[after + 1].begin, tokens[end - 1].end}, m.key});
      }
    }
    // "<name> said (that) <clause>".
    if (after < tokens.size() && tokens[after].kind == TokenKind::Word &&
        tokens[after].begin == m.span.end + 1) {
      std::string cue = foldWord(tokens[after].in(text));
      if (lexicon.statementCues.count(cue)) {
        std::size_t from = after + 1;
        if (cue == "pointed" && from < tokens.size() && foldWord(tokens[from].in(text)) == "out") {
          cue = "pointed out";
          ++from;
        }
        if (from < tokens.size() && (foldWord(tokens[from].in(text)) == "that")) ++from;
        Span clause{from < tokens.size() ? tokens[from].begin : sentence.end, sentence.end};
        if (clause.begin < clause.end) clause = trimClause(text, clause);
        if (clause.size() < 3) {
          // "“We were never there,” Mets said." — the quote earlier in the sentence.
          std::size_t open = tokenAt(tokens, sentence.begin);
          std::size_t stop = tokenAt(tokens, m.span.begin);
          for (std::size_t i = open; i < stop; ++i) {
            if (!isOpenQuote(tokens[i].in(text))) continue;
            for (std::size_t j = i + 1; j < stop; ++j)
              if (isCloseQuote(tokens[j].in(text))) {
                clause = trimClause(text, Span{tokens[i].end, tokens[j].begin});
                break;
              }
            break;
          }
        }
        if (clause.size() >= 3 && clause.end <= sentence.end)
          entities.statements.push_back({clause, m.key, cue});
      }
    }
    // "“...,” said <name>".
    std::size_t before = tokenAt(tokens, m.span.begin);
    if (before >= 3 && tokens[before - 1].kind == TokenKind::Word &&
        lexicon.statementCues.count(foldWord(tokens[before - 1].in(text))) &&
        isCloseQuote(tokens[before - 2].in(text))) {
      std::size_t close = before - 2;
      for (std::size_t i = close; i-- > tokenAt(tokens, sentence.begin);)
        if (isOpenQuote(tokens[i].in(text))) {
          Span clause = trimClause(text, Span{tokens[i].end, tokens[close].begin});
          if (clause.size() >= 3)
            entities.statements.push_back({clause, m.key, foldWord(tokens[before - 1].in(text))});
          break;
        }
    }
  }
}

} // namespace dossier::analysis::entities
