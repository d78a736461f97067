// Fuzz target: message framing and JSON-RPC dispatch, as the stdio loop runs them. The input is the
// byte stream an editor would write to the server's stdin.
//
// Two passes over the input, both through the real MessageReader: the first splits the raw bytes
// into frames (fuzzing the framing itself) and confines every file the session could touch to a
// sandbox folder; the second is a real LspServer reading the confined stream from a memfd until
// its end, answering into /dev/null, with its worker pools and corpus store running as in
// production. Confining means: file: URIs and rootPath are rewritten to name files in the sandbox
// (so a fuzzed "file:///" cannot make the server scan the machine) and processId is dropped (the
// server would exit when a random process id is not alive). Everything else reaches the server as
// written, including unparsable bodies and broken frames.
#include "protocol/transport.h"
#include "protocol/uri.h"
#include "server/lsp/logger.h"
#include "server/lsp/server.h"

#include <cctype>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/mman.h>
#include <unistd.h>

using namespace dossier;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A folder with a few documents, created once per fuzzing process and removed at its exit.
struct Sandbox {
  fs::path root;

  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "dossier-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    root = pattern;
    write("a.txt", "Jonas Berg, the mayor of Tallinn, said on Monday that the port will close.\n\n"
                   "Berg reportedly met Liis Berg in Tartu. Officials said the deal was done.\n");
    write("b.md",
          "# Opinion\n\nThe mayor's plan is a disaster, critics say.\nJonas Berg denied it.\n");
    write("dossier.json",
          R"({"exclude": ["drafts/**"], "diagnostics": {"disable": ["profanity"]}})");
    fs::create_directories(root / "drafts");
    write("drafts/c.txt", "Draft: Berg.\n");
    setenv("XDG_CACHE_HOME", (root / "cache").c_str(), 1);
  }
  ~Sandbox() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
  void write(const std::string& name, std::string_view text) {
    std::ofstream(root / name, std::ios::binary) << text;
  }
  // A name inside the sandbox derived from any path: its last component, restricted to a plain
  // file name.
  std::string confine(const std::string& path) const {
    std::string name = fs::path(path).filename().string(), safe;
    for (char c : name)
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')
        safe.push_back(c);
    if (safe.empty() || safe == "." || safe == "..") safe = "a.txt";
    return (root / safe).string();
  }
};

const Sandbox& sandbox() {
  static Sandbox instance;
  return instance;
}

void confine(json& value) {
  if (value.is_object()) {
    for (auto& [key, member] : value.items()) {
      if (key == "processId")
        member = nullptr;
      else if (key == "rootPath" && member.is_string())
        member = sandbox().root.string();
      else
        confine(member);
    }
  } else if (value.is_array()) {
    for (auto& element : value)
      confine(element);
  } else if (value.is_string()) {
    if (auto path = protocol::uriToPath(value.get_ref<const std::string&>()))
      value = protocol::pathToUri(path->empty() || *path == "/" ? sandbox().root.string()
                                                                : sandbox().confine(*path));
  }
}

void frame(std::string& out, std::string_view body) {
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
}

int memfdWith(std::string_view bytes) {
  int fd = memfd_create("dossier-fuzz", 0);
  if (fd < 0) std::abort();
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) std::abort();
    written += static_cast<std::size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}

// The input as the server will see it: the same frames (bad ones replaced by a bad header), with
// file access confined to the sandbox.
std::string confinedStream(std::string_view input) {
  int fd = memfdWith(input);
  protocol::MessageReader reader(fd, 1u << 20);
  std::string out;
  while (true) {
    protocol::ReadResult read = reader.read();
    if (read.status == protocol::ReadResult::Status::Eof) {
      if (!read.error.empty()) out += "Content-Length: 99\r\n\r\n{\"jsonrpc\"";
      break;
    }
    if (read.status != protocol::ReadResult::Status::Message) {
      out += "Content-Length: ?\r\n\r\n";
      continue;
    }
    json message = json::parse(read.body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      frame(out, read.body);
      continue;
    }
    confine(message);
    frame(out, message.dump());
  }
  close(fd);
  return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sandbox();
  lsp::Logger::instance().setLevel(lsp::LogLevel::Error);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string stream = confinedStream({reinterpret_cast<const char*>(data), size});
  int input = memfdWith(stream);
  int output = open("/dev/null", O_WRONLY | O_CLOEXEC);
  {
    lsp::ServerOptions options;
    options.indexThreads = 1;
    lsp::LspServer server(input, output, options);
    server.run();
  }
  close(input);
  close(output);
  return 0;
}
