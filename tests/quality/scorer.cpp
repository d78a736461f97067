// dossier-quality: starts the real dossier-ls on samples/, asks it what an editor would ask, and
// scores the answers against the gold annotations, per feature and per split (dev, heldout).
//
//   dossier-quality [--write] [--raise-floors] [--server PATH] [--samples DIR]
//                   [--thresholds FILE] [--quality-md FILE] [--stderr FILE]
//
// DOSSIER_QUALITY_MISSES=<file> writes the dev split's entity misses (score_entities.cpp);
// DOSSIER_QUALITY_DIAGNOSTIC_MISSES=<file> its diagnostics' false positives and negatives per code
// with file:line and the flagged or gold text (score_text.cpp).
//
// Exit codes: 0 every gated figure is at or above its floor, 1 a figure dropped below its floor,
// 2 the run itself failed (bad arguments, missing annotations, the server did not start).
#include "tests/quality/session.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

using namespace dossier;
using namespace dossier::quality;
using testing::Millis;

namespace {

struct Options {
  std::string server = DOSSIER_LS_PATH;
  std::string samples = std::string(DOSSIER_SOURCE_DIR) + "/samples";
  std::string thresholds = std::string(DOSSIER_SOURCE_DIR) + "/tests/quality/thresholds.json";
  std::string qualityMd = std::string(DOSSIER_SOURCE_DIR) + "/QUALITY.md";
  std::string stderrPath;
  bool write = false, raiseFloors = false;
};

const char* kRegenerate = "tests/quality/run --write";

std::optional<Options> parseArguments(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 < argc) return std::string(argv[++i]);
      std::cerr << "dossier-quality: " << arg << " needs a value\n";
      return std::nullopt;
    };
    std::optional<std::string> v;
    if (arg == "--write")
      options.write = true;
    else if (arg == "--raise-floors")
      options.raiseFloors = true;
    else if (arg == "--server" && (v = value()))
      options.server = *v;
    else if (arg == "--samples" && (v = value()))
      options.samples = *v;
    else if (arg == "--thresholds" && (v = value()))
      options.thresholds = *v;
    else if (arg == "--quality-md" && (v = value()))
      options.qualityMd = *v;
    else if (arg == "--stderr" && (v = value()))
      options.stderrPath = *v;
    else {
      std::cerr << "dossier-quality: unknown argument " << arg << "\n";
      return std::nullopt;
    }
  }
  return options;
}

// Indexing is over at the $/progress end. The end can be lost when the folder is read before the
// progress token exists, so also poll workspace/diagnostic until it covers every document.
bool waitForIndexing(testing::LspClient& client, const Session& session, std::size_t documents) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  auto pollFrom = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (std::chrono::steady_clock::now() < deadline) {
    if (client.waitForProgressEnd(Millis(500))) return true;
    if (!client.running()) return false;
    if (std::chrono::steady_clock::now() < pollFrom || !session.advertises("diagnosticProvider"))
      continue;
    auto response = client.request("workspace/diagnostic", {{"previousResultIds", json::array()}});
    std::size_t covered = 0;
    if (response.ok() && response.result.is_object())
      for (const auto& item : response.result.value("items", json::array()))
        covered += session.docOfUri(item.value("uri", "")) != nullptr;
    if (covered >= documents) return true;
  }
  return false;
}

json readJsonFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return json::object();
  return json::parse(in, nullptr, false);
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  std::cout << "wrote " << path << "\n";
}

} // namespace

int main(int argc, char** argv) {
  auto options = parseArguments(argc, argv);
  if (!options) return 2;
  GoldCorpus gold;
  try {
    gold = loadGold(options->samples);
  } catch (const std::exception& error) {
    std::cerr << "dossier-quality: " << error.what() << "\n";
    return 2;
  }

  testing::LspClient client(testing::ClientOptions{options->server, {}, options->stderrPath, ""});
  auto init = client.initialize(options->samples);
  if (!init.ok()) {
    std::cerr << "dossier-quality: initialize failed: " << init.errorMessage
              << (init.timedOut ? "(timed out)" : "") << "\n"
              << client.stderrText();
    return 2;
  }
  Report report;
  const json& info = init.result.value("serverInfo", json::object());
  report.serverVersion = info.value("name", "?") + " " + info.value("version", "?");
  Session session(client, gold, init.result.value("capabilities", json::object()), report);

  auto started = std::chrono::steady_clock::now();
  if (!waitForIndexing(client, session, gold.documents.size()))
    std::cerr << "dossier-quality: indexing did not visibly finish; scoring anyway\n";
  double indexingSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // As an editor does: open each document before asking about it.
  for (const auto& doc : gold.documents)
    client.notify("textDocument/didOpen",
                  {{"textDocument",
                    {{"uri", session.uriOf(doc)},
                     {"languageId", doc.file.ends_with(".md") ? "markdown" : "plaintext"},
                     {"version", 1},
                     {"text", doc.text}}}});

  scoreMentions(session);
  scoreReferences(session);
  scoreHover(session);
  scoreDefinition(session);
  scoreSymbols(session);
  scoreDiagnostics(session);
  scoreRelated(session);
  int exitCode = client.shutdownAndExit();

  std::cout << renderTable(report);
  std::cout << "\n"
            << gold.documents.size() << " documents indexed in " << indexingSeconds
            << " s; server exit code " << exitCode << "\n";
  for (const auto& [error, count] : session.errors())
    std::cerr << "warning: " << count << "x " << error << "\n";

  if (options->write) writeFile(options->qualityMd, renderMarkdown(report, kRegenerate));
  json thresholds = readJsonFile(options->thresholds);
  if (thresholds.is_discarded()) {
    std::cerr << "dossier-quality: " << options->thresholds << " is not valid JSON\n";
    return 2;
  }
  if (options->raiseFloors) {
    thresholds = raisedFloors(report, thresholds);
    writeFile(options->thresholds, thresholds.dump(2) + "\n");
  }
  auto failures = belowFloors(report, thresholds);
  for (const auto& failure : failures)
    std::cout << "BELOW FLOOR: " << failure << "\n";
  if (!failures.empty()) return 1;
  std::cout << "all figures at or above their floors (" << options->thresholds << ")\n";
  return 0;
}
