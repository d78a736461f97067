// One scoring run against a live server: the client, the gold corpus, what the server advertised,
// and the conversions between gold byte offsets and LSP positions (utf-8 code units, so the
// character of a position is a byte offset within its line).
#pragma once

#include "protocol/position.h"
#include "tests/quality/gold.h"
#include "tests/quality/report.h"
#include "tests/support/lsp_client.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dossier::quality {

using nlohmann::json;

// A location the server returned, resolved to a gold document (null if outside the corpus).
struct Hit {
  const GoldDocument* doc = nullptr;
  std::size_t start = 0, end = 0;
};

class Session {
public:
  Session(testing::LspClient& client, const GoldCorpus& gold, json serverCapabilities,
          Report& report);

  // Sends a request, records its latency under the method name, and counts errors.
  testing::Response request(const std::string& method, json params);
  bool advertises(const std::string& capability) const;

  std::string uriOf(const GoldDocument& doc) const;
  const GoldDocument* docOfUri(const std::string& uri) const;
  json position(const GoldDocument& doc, std::size_t offset) const;
  json textDocumentPosition(const GoldDocument& doc, std::size_t offset) const;
  std::size_t offset(const GoldDocument& doc, int line, int character) const;
  std::optional<Hit> resolve(const json& location) const; // Location or LocationLink
  std::vector<Hit> resolveAll(const json& result) const;  // null, one, or an array

  // Gold mentions to query per split: all, or an even sample of at most `limit`.
  std::vector<std::pair<const GoldDocument*, const GoldMention*>>
  sampledMentions(const std::string& split, std::size_t limit = 300) const;

  const GoldCorpus& gold() const { return gold_; }
  const json& capabilities() const { return capabilities_; }
  Report& report() { return report_; }
  std::map<std::string, int>& errors() { return errors_; }

private:
  testing::LspClient& client_;
  const GoldCorpus& gold_;
  json capabilities_;
  Report& report_;
  std::map<std::string, protocol::LineIndex> lineIndexes_; // by file
  std::map<std::string, const GoldDocument*> docsByPath_;
  std::map<std::string, int> errors_; // "method: code message" -> count
};

// The gold type (PERSON, ORG, PLACE, NORP, OTHER) a semantic token type of the server's legend
// stands for, by its name ("person", "organisation", "group", ...); "" when it is no entity type.
std::string entityTypeOfTokenType(const std::string& tokenType);

bool overlaps(std::size_t aStart, std::size_t aEnd, std::size_t bStart, std::size_t bEnd);

// Each scores one feature into session.report(); a feature the server does not advertise, or
// answers with MethodNotFound, is a row marked not implemented.
void scoreMentions(Session&);
void scoreReferences(Session&);
void scoreHover(Session&);
void scoreDefinition(Session&);
void scoreDiagnostics(Session&);
void scoreRelated(Session&);
void scoreSymbols(Session&);

} // namespace dossier::quality
