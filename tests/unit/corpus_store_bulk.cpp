// Reading a large folder: the writer changes the index in place while no snapshot shares it, and a
// snapshot that does share it never sees a later change; the progress moves between publications.
#include "server/corpus/store.h"
#include "server/index/corpus_index.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

using namespace dossier;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<const analysis::DocumentAnalysis> analysed(const std::string& text) {
  return analysis::analyzeDocument(text, *analysis::Knowledge::builtin());
}

struct ScratchFolder {
  fs::path root;
  ScratchFolder() {
    root = fs::temp_directory_path() / ("dossier-bulk-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~ScratchFolder() { fs::remove_all(root); }
};

} // namespace

TEST_CASE("an index copy keeps its entity postings while the writer adds and removes documents",
          "[store]") {
  auto first = analysed("Nora Veldre met the council in Harwick on Monday.");
  auto second = analysed("On Tuesday Nora Veldre left Harwick for the coast.");
  index::CorpusIndex writer;
  writer.add(0, *first);
  REQUIRE(writer.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0});

  index::CorpusIndex published = writer; // what a snapshot holds
  writer.add(1, *second);
  CHECK(published.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0});
  CHECK(writer.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0, 1});

  index::CorpusIndex later = writer;
  writer.remove(0, *first);
  CHECK(later.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0, 1});
  CHECK(writer.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{1});
  writer.remove(1, *second);
  CHECK(writer.entities.documentsMentioning("nora veldre").empty());
  CHECK(published.entities.documentsMentioning("nora veldre") == std::vector<index::DocId>{0});
}

TEST_CASE("while a folder is read the progress is reported unfinished and the end is published",
          "[store]") {
  ScratchFolder folder;
  for (int i = 0; i < 200; ++i)
    std::ofstream(folder.root / ("story-" + std::to_string(i) + ".txt"))
        << "Officials in Harwick said on Monday that " << i
        << " families had left. Nora Veldre, a council member, said the count was low.\n";
  std::mutex mutex;
  std::vector<corpus::IndexingProgress> reported;
  std::vector<corpus::IndexingProgress> publishedProgress;
  corpus::StoreCallbacks callbacks;
  callbacks.progress = [&](const corpus::IndexingProgress& progress) {
    std::lock_guard lock(mutex);
    reported.push_back(progress);
  };
  callbacks.published = [&](const std::shared_ptr<const corpus::Snapshot>& snapshot, const auto&,
                            bool) {
    std::lock_guard lock(mutex);
    publishedProgress.push_back(snapshot->progress);
  };
  corpus::CorpusStore store(std::move(callbacks), 1);
  auto snapshot = store.snapshotAfter(store.setRoots({folder.root.string()}), 10s);
  for (int i = 0; i < 2000 && !snapshot->progress.done(); ++i) {
    std::this_thread::sleep_for(5ms);
    snapshot = store.snapshot();
  }
  REQUIRE(snapshot->progress.done());
  CHECK(snapshot->documentCount() == 200);
  CHECK(snapshot->index->entities.documentsMentioning("nora veldre").size() == 200);
  std::lock_guard lock(mutex);
  for (const auto& progress : reported)
    CHECK_FALSE(progress.done());
  for (std::size_t i = 1; i < reported.size(); ++i)
    CHECK(reported[i].processed >= reported[i - 1].processed);
  REQUIRE_FALSE(publishedProgress.empty());
  CHECK(publishedProgress.back().done());
  CHECK(publishedProgress.back().processed == 200);
}

namespace {

// A generated corpus of news-like texts: people, places, organisations with acronyms, figures and
// quotes recombined at random, so documents share names and words as a real folder's do.
std::vector<std::string> generatedTexts(std::size_t count, unsigned seed) {
  const std::vector<std::string> first = {"Nora", "Ilja", "Marta", "Tomas", "Edda", "Piet", "Lina"};
  const std::vector<std::string> last = {"Veldre", "Kask",      "Ortmann",
                                         "Saar",   "Lindqvist", "Brandt"};
  const std::vector<std::string> places = {"Harwick", "Aldmark", "Vessen", "Tarnow", "Oslen"};
  const std::vector<std::string> orgs = {"Harwick Port Authority", "National Grain Board",
                                         "Aldmark Water Company", "Council of Vessen"};
  const std::vector<std::string> verbs = {"said", "denied", "told reporters", "confirmed"};
  const std::vector<std::string> topics = {"the harbour contract", "the grain levy",
                                           "the flood barrier", "the rail strike", "water prices"};
  std::mt19937 random(seed);
  auto pick = [&](const std::vector<std::string>& list) { return list[random() % list.size()]; };
  auto acronym = [](const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i)
      if (i == 0 || name[i - 1] == ' ')
        if (std::isupper(static_cast<unsigned char>(name[i]))) out += name[i];
    return out;
  };
  std::vector<std::string> texts;
  for (std::size_t d = 0; d < count; ++d) {
    std::string text;
    int paragraphs = 2 + static_cast<int>(random() % 4);
    for (int p = 0; p < paragraphs; ++p) {
      std::string person = pick(first) + " " + pick(last), org = pick(orgs);
      std::string place = pick(places), topic = pick(topics);
      switch (random() % 4) {
      case 0:
        text += "The " + org + " (" + acronym(org) + ") in " + place + " said on Monday that " +
                topic + " would cost " + std::to_string(random() % 900 + 10) + " million veskar. " +
                person + ", its director, " + pick(verbs) + " the figure.\n\n";
        break;
      case 1:
        text += person + " " + pick(verbs) + " that " + topic + " was never discussed in " + place +
                ". Officials of the " + acronym(org) + " declined to comment.\n\n";
        break;
      case 2:
        text += "In " + place + ", " + std::to_string(random() % 5000) +
                " people marched against " + topic + ". \"We will not pay,\" said " + person +
                ". Mr " + person.substr(person.find(' ') + 1) + " later met the " + org + ".\n\n";
        break;
      default:
        text += "Residents of " + place + " and " + pick(places) + " asked whether " + topic +
                " had been approved by the " + org + " before the vote.\n\n";
      }
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

// Everything a query can read from an index, as text, for comparing two indexes exactly.
std::string describe(const index::CorpusIndex& index,
                     const std::vector<std::shared_ptr<const analysis::DocumentAnalysis>>& docs) {
  std::ostringstream out;
  std::vector<std::pair<std::string, std::uint32_t>> keys;
  index.entities.forEachKey([&](const std::string& key, std::uint32_t n) {
    keys.push_back({key, n});
  });
  std::sort(keys.begin(), keys.end());
  for (const auto& [key, mentions] : keys) {
    out << key << " " << mentions << " docs";
    for (index::DocId d : index.entities.documentsMentioning(key))
      out << " " << d;
    out << " votes";
    for (auto v : index.entities.typeVotes(key))
      out << " " << v;
    for (auto v : index.entities.typeEvidence(key))
      out << " " << v;
    out << " confident " << index.entities.confidentMentions(key) << " place "
        << index.entities.placeLikeMentions(key) << " idf " << index.passages.idf("@" + key);
    std::string word = key.substr(0, key.find(' '));
    out << " names";
    for (const auto& [name, n] : index.entities.fullNamesWithWord(word))
      out << " " << name << ":" << n;
    out << " expansions";
    for (const auto& [name, n] : index.entities.expansionsOf(word))
      out << " " << name << ":" << n;
    out << "\n";
  }
  out << "keys " << index.entities.keyCount() << " passages " << index.passages.passageCount()
      << "\n";
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (!docs[d]) continue;
    for (const auto& passage : docs[d]->passages.passages) {
      for (const auto& term : passage.terms)
        out << term.stem.str() << " idf " << index.passages.idf(term.stem) << " lower "
            << index.entities.lowercaseDocuments(std::hash<std::string>{}(term.stem.str())) << "\n";
      for (const auto& match : index.passages.related(static_cast<index::DocId>(d), passage, 10)) {
        out << d << " -> " << match.doc << "." << match.passage << " " << match.score << " "
            << match.similarity << (match.nearDuplicate ? " dup" : "");
        for (const auto& key : match.sharedEntities)
          out << " @" << key;
        for (const auto& key : match.sharedStems)
          out << " " << key;
        out << "\n";
      }
    }
  }
  return out.str();
}

double threadCpuMillis() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace

TEST_CASE("an index built from prepared contributions answers exactly as one built document by "
          "document",
          "[store]") {
  auto texts = generatedTexts(240, 11);
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> docs;
  std::vector<index::PreparedDocument> prepared;
  for (const auto& text : texts) {
    docs.push_back(analysed(text));
    prepared.push_back(index::prepare(*docs.back())); // what an index worker does
  }
  index::CorpusIndex byDocument, fromPrepared, inBulk;
  double byDocumentMs = 0, fromPreparedMs = 0, inBulkMs = 0; // the writer's share of each way
  std::vector<index::CorpusIndex> published;                 // snapshots taken between batches
  std::vector<index::CorpusIndex::Added> batch;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    double start = threadCpuMillis();
    byDocument.add(static_cast<index::DocId>(d), *docs[d]);
    double middle = threadCpuMillis();
    fromPrepared.add(static_cast<index::DocId>(d), *docs[d], prepared[d]);
    double end = threadCpuMillis();
    byDocumentMs += middle - start;
    fromPreparedMs += end - middle;
    // Batches of growing size, a snapshot taken after each (its shards are then cloned).
    batch.push_back({static_cast<index::DocId>(d), docs[d].get(), &prepared[d]});
    if (batch.size() == published.size() + 1 || d + 1 == docs.size()) {
      inBulk.addMany(batch);
      batch.clear();
      published.push_back(inBulk);
    }
    inBulkMs += threadCpuMillis() - end;
  }
  // The writer's share with no snapshot in between: every document in one batch.
  index::CorpusIndex oneBatch;
  std::vector<index::CorpusIndex::Added> all;
  for (std::size_t d = 0; d < docs.size(); ++d)
    all.push_back({static_cast<index::DocId>(d), docs[d].get(), &prepared[d]});
  double oneBatchStart = threadCpuMillis();
  oneBatch.addMany(all);
  double oneBatchMs = threadCpuMillis() - oneBatchStart;
  UNSCOPED_INFO("writer CPU: document by document "
                << byDocumentMs << " ms, from prepared " << fromPreparedMs << " ms, in one batch "
                << oneBatchMs << " ms (in batches with snapshots between: " << inBulkMs << " ms)");
  std::string expected = describe(byDocument, docs);
  CHECK(expected.size() > 10000);
  CHECK(expected.find("harwick port authority") != std::string::npos);
  CHECK(describe(fromPrepared, docs) == expected);
  CHECK(describe(inBulk, docs) == expected);
  CHECK(describe(oneBatch, docs) == expected);
  // An early snapshot still answers for the documents it had.
  index::CorpusIndex early;
  for (index::DocId d = 0; d < 3; ++d)
    early.add(d, *docs[d]);
  std::vector<std::shared_ptr<const analysis::DocumentAnalysis>> firstDocs(docs.begin(),
                                                                           docs.begin() + 3);
  CHECK(describe(published[1], firstDocs) == describe(early, firstDocs));

  // With edits pending, a batch is added one by one, to the same answers.
  index::CorpusIndex edited;
  std::vector<index::CorpusIndex::Added> rest;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (d < 100)
      edited.add(static_cast<index::DocId>(d), *docs[d]);
    else
      rest.push_back({static_cast<index::DocId>(d), docs[d].get(), &prepared[d]});
  }
  edited.remove(7, *docs[7]);
  edited.add(7, *docs[7], prepared[7]);
  edited.addMany(rest);
  CHECK(describe(edited, docs) == expected);

  // Removing documents and adding them again leaves the same answers.
  index::CorpusIndex snapshot = inBulk; // a snapshot holding the shards
  for (std::size_t d = 0; d < docs.size(); d += 3)
    inBulk.remove(static_cast<index::DocId>(d), *docs[d]);
  for (std::size_t d = 0; d < docs.size(); d += 3)
    inBulk.add(static_cast<index::DocId>(d), *docs[d], prepared[d]);
  CHECK(describe(inBulk, docs) == expected);
  CHECK(describe(snapshot, docs) == expected);
}
