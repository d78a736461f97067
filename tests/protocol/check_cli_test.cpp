// `dossier-ls check` as a user runs it: one line per flag, `path:line:col: code: message`, with
// columns counted in characters from 1.
#include "tests/protocol/fixture.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>

using namespace dossier::testing;

namespace {

std::string runCheck(const std::string& folder) {
  std::string command =
      std::string(DOSSIER_LS_PATH) + " check --no-cache " + folder + " 2>/dev/null";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe))
    output.append(buffer, n);
  pclose(pipe);
  return output;
}

std::vector<std::string> linesWith(const std::string& output, const std::string& needle) {
  std::vector<std::string> found;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) found.push_back(line);
  return found;
}

} // namespace

TEST_CASE("check prints character columns for several flags on one long line", "[check]") {
  TempWorkspace workspace;
  // "é" and "—" are several bytes but one column each; the same profanity twice on one line, far
  // apart, so the second column is counted on from the first.
  std::string filler(5000, 'x');
  workspace.write("page.txt", "Caf\xC3\xA9 \xE2\x80\x94 shit " + filler + " shit end.\n");
  auto flagged = linesWith(runCheck(workspace.root().string()), "page.txt:");
  std::vector<std::string> profanity;
  for (const auto& line : flagged)
    if (line.find(": profanity/") != std::string::npos) profanity.push_back(line);
  REQUIRE(profanity.size() == 2);
  CHECK(profanity[0].find("page.txt:1:8: ") != std::string::npos);
  CHECK(profanity[1].find("page.txt:1:" + std::to_string(8 + 5 + filler.size() + 1) + ": ") !=
        std::string::npos);
}
