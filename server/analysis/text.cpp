#include "server/analysis/text.h"

#include "server/data_files.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

namespace dossier::analysis {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

Span trimmed(std::string_view text, Span span) {
  while (span.begin < span.end && (isSpace(text[span.begin]) || text[span.begin] == '\n' ||
                                   text[span.begin] == '\r'))
    ++span.begin;
  while (span.end > span.begin && (isSpace(text[span.end - 1]) || text[span.end - 1] == '\n' ||
                                   text[span.end - 1] == '\r'))
    --span.end;
  return span;
}

std::vector<Span> splitLines(std::string_view text) {
  std::vector<Span> lines;
  Offset start = 0;
  for (Offset i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back({start, i});
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size() || text.empty() || text.back() == '\n' || text.back() == '\r')
    lines.push_back({start, static_cast<Offset>(text.size())});
  return lines;
}

bool endsSentence(std::string_view line) {
  while (!line.empty() && isSpace(line.back())) line.remove_suffix(1);
  if (line.empty()) return false;
  std::string_view tail = line.substr(line.size() >= 3 ? line.size() - 3 : 0);
  char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')' ||
         tail == "\xE2\x80\x9D" /* ” */ || tail == "\xE2\x80\xA6" /* … */;
}

// Hard-wrapped prose: most lines of the block (but the last) are of similar, moderate length and
// do not end a sentence, so a line break there is just a wrap. Anything else (one comment, heading
// or paragraph per line) is split into one paragraph per line.
bool isHardWrapped(std::string_view text, const std::vector<Span>& lines) {
  if (lines.size() < 2) return false;
  std::size_t wrapped = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string_view line = lines[i].in(text);
    if (line.size() >= 30 && line.size() <= 110 && !endsSentence(line)) ++wrapped;
  }
  return wrapped * 10 >= (lines.size() - 1) * 7;
}

const std::unordered_set<std::string>& abbreviations() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> words;
    if (auto contents = data::file("text/abbreviations.tsv"))
      data::forEachRecord(*contents, [&](int, const std::vector<std::string_view>& fields) {
        words.emplace(fields[0]);
      });
    return words;
  }();
  return set;
}

// The word (letters and inner dots) that ends right before `end`, lower-cased ASCII.
std::string wordBefore(std::string_view text, Offset begin, Offset end) {
  Offset start = end;
  while (start > begin && (std::isalpha(static_cast<unsigned char>(text[start - 1])) ||
                           (text[start - 1] == '.' && start - 1 > begin)))
    --start;
  std::string word(text.substr(start, end - start));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

bool startsLikeSentence(std::string_view rest) {
  // Skip opening quotes and brackets, then expect an upper-case letter, a digit or a non-ASCII
  // letter (we cannot tell case cheaply there, so accept it).
  std::size_t i = 0;
  while (i < rest.size()) {
    unsigned char c = static_cast<unsigned char>(rest[i]);
    if (c == '"' || c == '\'' || c == '(' || c == '[') {
      ++i;
      continue;
    }
    if (rest.substr(i, 3) == "\xE2\x80\x9C" || rest.substr(i, 3) == "\xE2\x80\x98") {  // “ ‘
      i += 3;
      continue;
    }
    return std::isupper(c) || std::isdigit(c) || c >= 0x80;
  }
  return false;
}

void splitSentences(std::string_view text, Span paragraph, std::uint32_t paragraphIndex,
                    TextStructure& out) {
  Offset start = paragraph.begin;
  auto emit = [&](Offset end) {
    Span s = trimmed(text, {start, end});
    if (!s.empty()) {
      out.sentences.push_back(s);
      out.sentenceParagraph.push_back(paragraphIndex);
    }
    start = end;
  };
  for (Offset i = paragraph.begin; i < paragraph.end; ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      // Inside a hard-wrapped paragraph a line break ends a sentence only after end punctuation;
      // that case is handled below, so here it is just white space.
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    Offset end = i + 1;
    while (end < paragraph.end && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
    // Closing quotes and brackets belong to the sentence they close.
    while (end < paragraph.end) {
      if (text[end] == '"' || text[end] == '\'' || text[end] == ')' || text[end] == ']') {
        ++end;
      } else if (text.substr(end, 3) == "\xE2\x80\x9D" || text.substr(end, 3) == "\xE2\x80\x99") {
        end += 3;
      } else {
        break;
      }
    }
    if (end < paragraph.end && !isSpace(text[end]) && text[end] != '\n' && text[end] != '\r') {
      i = end - 1;
      continue;  // "U.S.", "1.8", "example.com"
    }
    Offset next = end;
    while (next < paragraph.end && (isSpace(text[next]) || text[next] == '\n' || text[next] == '\r'))
      ++next;
    if (next >= paragraph.end) break;
    if (c == '.') {
      std::string word = wordBefore(text, paragraph.begin, i);
      bool singleInitial = word.size() == 1 && std::isupper(static_cast<unsigned char>(text[i - 1]));
      if (abbreviations().count(word) || singleInitial) {
        i = end - 1;
        continue;
      }
    }
    if (!startsLikeSentence(text.substr(next, paragraph.end - next))) {
      i = end - 1;
      continue;
    }
    emit(end);
    i = end - 1;
  }
  emit(paragraph.end);
}

}  // namespace

TextStructure analyzeStructure(std::string_view text) {
  TextStructure out;
  out.lines = splitLines(text);

  // Group non-blank lines into blocks separated by blank lines.
  std::vector<Span> block;
  auto flushBlock = [&] {
    if (block.empty()) return;
    if (isHardWrapped(text, block)) {
      out.paragraphs.push_back(trimmed(text, {block.front().begin, block.back().end}));
    } else {
      for (Span line : block) out.paragraphs.push_back(trimmed(text, line));
    }
    block.clear();
  };
  for (Span line : out.lines) {
    if (trimmed(text, line).empty()) {
      flushBlock();
    } else {
      block.push_back(line);
    }
  }
  flushBlock();

  for (std::uint32_t p = 0; p < out.paragraphs.size(); ++p)
    splitSentences(text, out.paragraphs[p], p, out);
  return out;
}

int findContaining(const std::vector<Span>& spans, Offset offset) {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](Offset o, const Span& s) { return o < s.begin; });
  if (it == spans.begin()) return -1;
  --it;
  return offset < it->end || (it->empty() && offset == it->begin)
             ? static_cast<int>(it - spans.begin())
             : -1;
}

}  // namespace dossier::analysis
