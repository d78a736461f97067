// Related passages over the real protocol: textDocument/implementation and dossier/relatedPassages
// on a three-document workspace where one story (a minister denying a meeting) is told twice more,
// once reworded with attribution and once republished almost word for word, next to paragraphs
// about other things.
#include "tests/protocol/fixture.h"

#include <map>
#include <set>
#include <thread>

using namespace dossier::testing;

namespace {

// Line numbers below refer to these texts: one paragraph per line pair.
const char* kDenial =
    "Harbour minister Talia Voss denied on Tuesday that she met the Corvenian envoy Mirek "
    "Ostrander in Lisbon to discuss a 40 million euro port contract.\n"
    "\n"
    "The annual lantern festival drew crowds to the old quay, where bakers sold honey cakes and "
    "musicians played until midnight.\n";

const char* kReport =
    "Fishing quotas for the northern fleet will be reviewed next spring after complaints from "
    "trawler crews about shrinking catches.\n"
    "\n"
    "According to two officials, Voss met Ostrander in Lisbon last month and discussed the port "
    "contract, worth 40 million euros, a meeting the minister now denies.\n";

const char* kRepublished =
    "Harbour minister Talia Voss denied on Tuesday that she met the Corvenian envoy Mirek "
    "Ostrander in Lisbon to discuss a 40 million euro port contract, her office said.\n"
    "\n"
    "Tram services on the eastern line resume on Monday after three weeks of track repairs and "
    "signal upgrades.\n";

class StoryWorkspace {
public:
  StoryWorkspace() : client_(serverOptions()) {
    workspace_.write("denial.txt", kDenial);
    workspace_.write("report.txt", kReport);
    workspace_.write("republished.txt", kRepublished);
    REQUIRE(client_.initialize(workspace_.root().string()).ok());
    REQUIRE(client_.waitForProgressEnd());
    // The progress end may come before the scan found anything: wait until all three are indexed.
    for (int attempt = 0; attempt < 200 && indexedDocuments() < 3; ++attempt)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(indexedDocuments() == 3);
  }
  std::size_t indexedDocuments() {
    auto report = client_.request("workspace/diagnostic", {{"previousResultIds", json::array()}});
    return report.ok() ? report.result["items"].size() : 0;
  }
  LspClient& client() { return client_; }
  std::string uri(const std::string& name) const { return workspace_.uri(name); }

private:
  TempWorkspace workspace_;
  LspClient client_;
};

// "uri:line" of a location's start, to compare with the expected passage.
std::string where(const json& location) {
  std::string uri = location.value("uri", "");
  return uri.substr(uri.rfind('/') + 1) + ":" +
         std::to_string(location["range"]["start"]["line"].get<int>());
}

} // namespace

TEST_CASE("implementation lists the passages of other documents that tell the same story") {
  StoryWorkspace ws;
  auto response = ws.client().request("textDocument/implementation",
                                      positionParams(ws.uri("denial.txt"), 0, 30));
  REQUIRE(response.ok());
  REQUIRE(response.result.is_array());
  REQUIRE(response.result.size() >= 2);
  std::set<std::string> top2 = {where(response.result[0]), where(response.result[1])};
  CHECK(top2 == std::set<std::string>{"report.txt:2", "republished.txt:0"});
  for (const auto& location : response.result) {
    CHECK(where(location) != "report.txt:0");      // fishing quotas
    CHECK(where(location) != "republished.txt:2"); // tram repairs
  }
  // The range covers the whole passage.
  CHECK(response.result[0]["range"]["end"]["line"].get<int>() ==
        response.result[0]["range"]["start"]["line"].get<int>());
  CHECK(response.result[0]["range"]["end"]["character"].get<int>() > 100);
  CHECK(ws.client().shutdownAndExit() == 0);
}

TEST_CASE("dossier/relatedPassages gives a score, a reason line and labels a near-duplicate") {
  StoryWorkspace ws;
  auto response =
      ws.client().request("dossier/relatedPassages", positionParams(ws.uri("denial.txt"), 0, 10));
  REQUIRE(response.ok());
  REQUIRE(response.result.is_array());
  REQUIRE(response.result.size() >= 2);
  std::map<std::string, json> byPlace;
  for (const auto& result : response.result)
    byPlace[where(result)] = result;
  REQUIRE(byPlace.count("republished.txt:0"));
  REQUIRE(byPlace.count("report.txt:2"));
  const json& copy = byPlace["republished.txt:0"];
  const json& report = byPlace["report.txt:2"];
  CHECK(copy["nearDuplicate"] == true);
  CHECK(copy["reason"].get<std::string>().find("near-duplicate") != std::string::npos);
  CHECK(report["nearDuplicate"] == false);
  std::string reason = report["reason"];
  INFO(reason);
  CHECK(reason.find("shares:") != std::string::npos);
  CHECK(reason.find("Ostrander") != std::string::npos);
  CHECK(report["score"].get<double>() > 0);
  CHECK(report["score"].get<double>() <= 1);
  CHECK(ws.client().shutdownAndExit() == 0);
}

TEST_CASE("the reworded report finds the denial first, not the unrelated paragraphs") {
  StoryWorkspace ws;
  auto response = ws.client().request("textDocument/implementation",
                                      positionParams(ws.uri("report.txt"), 2, 5));
  REQUIRE(response.ok());
  REQUIRE(response.result.size() >= 1);
  std::string first = where(response.result[0]);
  CHECK((first == "denial.txt:0" || first == "republished.txt:0"));
  CHECK(ws.client().shutdownAndExit() == 0);
}

TEST_CASE("references on a word that is not a name find it in the reports of the same story") {
  StoryWorkspace ws;
  // "contract" in the denial (line 0): the report and the republished copy tell the same story.
  std::string denial = kDenial;
  auto column = static_cast<int>(denial.find("contract") + 2);
  json params = positionParams(ws.uri("denial.txt"), 0, column);
  params["context"] = {{"includeDeclaration", true}};
  auto response = ws.client().request("textDocument/references", params);
  REQUIRE(response.ok());
  std::set<std::string> places;
  for (const auto& location : response.result)
    places.insert(where(location));
  CHECK(places == std::set<std::string>{"denial.txt:0", "report.txt:2", "republished.txt:0"});
  // Without the declaration, the word asked about is left out.
  params["context"] = {{"includeDeclaration", false}};
  response = ws.client().request("textDocument/references", params);
  REQUIRE(response.ok());
  CHECK(response.result.size() == 2);
  // A word of another story ("crowds", the lantern festival) is found in its own document only.
  auto highlight = ws.client().request("textDocument/documentHighlight",
                                       positionParams(ws.uri("denial.txt"), 2, 36));
  REQUIRE(highlight.ok());
  CHECK(highlight.result.size() == 1);
  CHECK(ws.client().shutdownAndExit() == 0);
}
