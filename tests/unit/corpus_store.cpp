// The corpus store: one writer, immutable snapshots, editor text over disk text.
#include "server/corpus/store.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace dossier::corpus;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct TempFolder {
  fs::path root;
  TempFolder() {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("dossier-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempFolder() { fs::remove_all(root); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name, std::ios::binary) << text;
    return (root / name).lexically_normal().generic_string();
  }
};

std::shared_ptr<const Snapshot> waitIndexed(CorpusStore& store, CorpusStore::Ticket ticket) {
  auto snapshot = store.snapshotAfter(ticket, 10s);
  for (int i = 0; i < 1000 && !snapshot->progress.done(); ++i) {
    std::this_thread::sleep_for(5ms);
    snapshot = store.snapshot();
  }
  return snapshot;
}

std::string textOf(const Snapshot& snapshot, const std::string& path) {
  const Document* doc = snapshot.documentAt(path);
  return doc ? *doc->text : "<absent>";
}

} // namespace

TEST_CASE("the store reads every corpus file of the roots") {
  TempFolder folder;
  std::string a = folder.write("a.txt", "Alpha text.");
  std::string b = folder.write("sub/b.md", "# Beta");
  folder.write("c.json", "{}");
  CorpusStore store({}, 2);
  auto snapshot = waitIndexed(store, store.setRoots({folder.root.string()}));
  CHECK(snapshot->documentCount() == 2);
  CHECK(textOf(*snapshot, a) == "Alpha text.");
  CHECK(snapshot->documentAt(b)->relative == "sub/b.md");
  CHECK(snapshot->progress.discovered == 2);
  CHECK(snapshot->documentAt(a)->analysis != nullptr);
}

TEST_CASE("editor text wins over disk until the document is closed") {
  TempFolder folder;
  std::string a = folder.write("a.txt", "disk text");
  CorpusStore store({}, 2);
  waitIndexed(store, store.setRoots({folder.root.string()}));

  auto opened = store.snapshotAfter(
      store.setOpenDocument(a, std::make_shared<std::string>("editor text"), 1), 5s);
  CHECK(textOf(*opened, a) == "editor text");
  CHECK(opened->documentAt(a)->version == 1);

  // A change on disk while open does not replace the buffer.
  folder.write("a.txt", "changed on disk");
  auto afterDisk = store.snapshotAfter(store.fileChanged(a), 5s);
  std::this_thread::sleep_for(50ms);
  CHECK(textOf(*store.snapshot(), a) == "editor text");

  // Closing reverts to what is on disk.
  store.closeDocument(a);
  for (int i = 0; i < 200 && textOf(*store.snapshot(), a) != "changed on disk"; ++i)
    std::this_thread::sleep_for(5ms);
  CHECK(textOf(*store.snapshot(), a) == "changed on disk");
  CHECK_FALSE(store.snapshot()->documentAt(a)->version.has_value());
}

TEST_CASE("a snapshot never changes after it is published") {
  TempFolder folder;
  std::string a = folder.write("a.txt", "one");
  CorpusStore store({}, 1);
  auto before = waitIndexed(store, store.setRoots({folder.root.string()}));
  auto after =
      store.snapshotAfter(store.setOpenDocument(a, std::make_shared<std::string>("two"), 7), 5s);
  CHECK(textOf(*before, a) == "one");
  CHECK(textOf(*after, a) == "two");
  CHECK(after->revision > before->revision);
}

TEST_CASE("files created and deleted on disk are followed") {
  TempFolder folder;
  folder.write("a.txt", "one");
  CorpusStore store({}, 1);
  waitIndexed(store, store.setRoots({folder.root.string()}));

  std::string b = folder.write("b.txt", "new file");
  store.fileChanged(b);
  for (int i = 0; i < 200 && !store.snapshot()->documentAt(b); ++i)
    std::this_thread::sleep_for(5ms);
  CHECK(textOf(*store.snapshot(), b) == "new file");

  fs::remove(b);
  auto gone = store.snapshotAfter(store.fileDeleted(b), 5s);
  CHECK(gone->documentAt(b) == nullptr);
  CHECK(gone->documentCount() == 1);
}

TEST_CASE("a removed folder takes its documents with it") {
  TempFolder folder;
  folder.write("keep.txt", "k");
  std::string inner = folder.write("sub/x.txt", "x");
  CorpusStore store({}, 1);
  waitIndexed(store, store.setRoots({folder.root.string()}));
  fs::remove_all(folder.root / "sub");
  auto snapshot =
      store.snapshotAfter(store.fileDeleted((folder.root / "sub").generic_string()), 5s);
  CHECK(snapshot->documentAt(inner) == nullptr);
  CHECK(snapshot->documentCount() == 1);
}

TEST_CASE("dossier.json excludes are applied and reloaded when the file changes") {
  TempFolder folder;
  std::string a = folder.write("a.txt", "a");
  std::string d = folder.write("drafts/d.txt", "d");
  CorpusStore store({}, 1);
  auto first = waitIndexed(store, store.setRoots({folder.root.string()}));
  CHECK(first->documentCount() == 2);

  std::string config = folder.write("dossier.json", R"({"exclude": ["drafts/**"]})");
  auto second = waitIndexed(store, store.fileChanged(config));
  CHECK(second->documentAt(d) == nullptr);
  CHECK(second->documentAt(a) != nullptr);
  CHECK(second->config->exclude == std::vector<std::string>{"drafts/**"});
}

TEST_CASE("an open document outside every root is still served") {
  TempFolder folder;
  CorpusStore store({}, 1);
  waitIndexed(store, store.setRoots({folder.root.string()}));
  auto snapshot = store.snapshotAfter(
      store.setOpenDocument("/elsewhere/notes.txt", std::make_shared<std::string>("hi"), 1), 5s);
  CHECK(textOf(*snapshot, "/elsewhere/notes.txt") == "hi");
  auto closed = store.snapshotAfter(store.closeDocument("/elsewhere/notes.txt"), 5s);
  CHECK(closed->documentAt("/elsewhere/notes.txt") == nullptr);
}
