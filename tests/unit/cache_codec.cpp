// The analysis cache's binary encoding: what is decoded is exactly what was encoded, for every
// field, and damaged bytes are refused rather than trusted.
#include "server/corpus/cache_codec.h"

#include "tests/unit/cache_equal.h"
#include "tests/unit/source_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace dossier;
using namespace dossier::analysis;
namespace fs = std::filesystem;

namespace {

// An analysis with every field set to something other than its default, so a field the codec
// drops shows up as a difference.
DocumentAnalysis everyFieldSet() {
  DocumentAnalysis a;
  a.structure.lines = {{0, 10}, {11, 40}, {41, 90}};
  a.structure.paragraphs = {{0, 10}, {11, 90}};
  a.structure.sentences = {{0, 10}, {11, 40}, {41, 90}};
  a.structure.sentenceParagraph = {0, 1, 1};
  entities::Mention m;
  m.span = {11, 16};
  m.key = "elon musk";
  m.type = entities::EntityType::Person;
  m.surfaceKey = "musk";
  m.flags = entities::kShortForm | entities::kLinkedInDocument;
  m.sentence = 1;
  a.entities.mentions = {m, m};
  a.entities.mentions[1].span = {41, 47};
  a.entities.mentions[1].type = entities::EntityType::Org;
  a.entities.roles = {{{20, 30}, "elon musk"}};
  a.entities.statements = {{{50, 80}, "elon musk", "said"}, {{42, 45}, "nma", "denied"}};
  a.entities.ambiguities = {{"smith", {"anna smith", "john smith"}}};
  a.entities.lowercaseWords = {3, 0xFFFFFFFFFFFFFFFFull};
  a.entities.definedAcronyms = {{"nma", "national maritime agency"}};
  a.findings.findings = {{{41, 60}, "sourcing/anonymous", "an unnamed source"}};
  a.findings.lines = {{0x1234567890ull, {0, 10}, true}, {99, {11, 40}, false}};
  passages::Passage p;
  p.span = {11, 90};
  p.kind = passages::PassageKind::QuotedBlock;
  p.terms = {{"agenc", 3}, {"ship", 65535}};
  p.entities = {{"elon musk", 1}, {"nma", 3}};
  p.figures = {{"12", "million"}};
  p.attributions = {{"denied", "deny", "Ilves", "ilves"}};
  p.hedges = {"reportedly"};
  p.quotes = {"we will not comment"};
  p.source = "WSJ";
  p.length = 42;
  a.passages.passages = {p};
  return a;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

} // namespace

TEST_CASE("every field of an analysis survives encoding", "[cache]") {
  DocumentAnalysis original = everyFieldSet();
  auto decoded = corpus::cache::decodeAnalysis(corpus::cache::encodeAnalysis(original));
  REQUIRE(decoded);
  CHECK(testing::analysisDiff(original, *decoded) == "");

  SECTION("the comparison sees a changed field (so the check above can fail)") {
    DocumentAnalysis changed = original;
    changed.passages.passages[0].attributions[0].speakerKey = "other";
    CHECK(testing::analysisDiff(original, changed) != "");
    changed = original;
    changed.entities.mentions[1].sentence = 7;
    CHECK(testing::analysisDiff(original, changed) != "");
  }
}

TEST_CASE("an empty analysis round-trips", "[cache]") {
  DocumentAnalysis empty;
  auto decoded = corpus::cache::decodeAnalysis(corpus::cache::encodeAnalysis(empty));
  REQUIRE(decoded);
  CHECK(testing::analysisDiff(empty, *decoded) == "");
}

TEST_CASE("real analyses of the sample texts round-trip", "[cache]") {
  fs::path corpusDir = dossier::test::samplesDir() / "corpus";
  REQUIRE(fs::exists(corpusDir));
  auto knowledge = Knowledge::builtin();
  int documents = 0;
  for (const auto& entry : fs::directory_iterator(corpusDir)) {
    if (!entry.is_regular_file()) continue;
    std::string text = readFile(entry.path());
    auto original = analyzeDocument(text, *knowledge);
    std::string bytes = corpus::cache::encodeAnalysis(*original);
    auto decoded = corpus::cache::decodeAnalysis(bytes);
    INFO(entry.path().filename().string());
    REQUIRE(decoded);
    CHECK(testing::analysisDiff(*original, *decoded) == "");
    // Far smaller than the text itself is not required, but a blow-up would make the cache useless.
    CHECK(bytes.size() < 4 * text.size() + 64);
    ++documents;
  }
  CHECK(documents > 10);
}

TEST_CASE("a truncated encoding is refused", "[cache]") {
  std::string bytes = corpus::cache::encodeAnalysis(everyFieldSet());
  for (std::size_t size = 0; size < bytes.size(); ++size)
    CHECK_FALSE(corpus::cache::decodeAnalysis(std::string_view(bytes).substr(0, size)));
  CHECK_FALSE(corpus::cache::decodeAnalysis(bytes + "x")); // trailing bytes too
}

TEST_CASE("damaged bytes never crash the decoder", "[cache]") {
  std::string bytes = corpus::cache::encodeAnalysis(everyFieldSet());
  int refused = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(static_cast<unsigned char>(damaged[i]) ^ flip);
      if (!corpus::cache::decodeAnalysis(damaged)) ++refused;
    }
  }
  // Some flips still decode (a changed letter in a string); structural damage must be refused.
  CHECK(refused > 0);
}

TEST_CASE("the stable hash depends on every byte and on the seed", "[cache]") {
  using corpus::cache::stableHash;
  CHECK(stableHash("abcdefghij") == stableHash("abcdefghij"));
  CHECK(stableHash("abcdefghij") != stableHash("abcdefghik"));
  CHECK(stableHash("abcdefghij") != stableHash("bbcdefghij"));
  CHECK(stableHash("") != stableHash(std::string_view("\0", 1)));
  CHECK(stableHash("abc", 1) != stableHash("abc", 2));
}
