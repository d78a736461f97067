// In-process fixture for the entity LSP features: a few documents opened in a CorpusStore, and a
// RequestContext over the resulting snapshot (utf-8 positions), so a test calls a feature handler
// directly with JSON params as an editor would send them. Fixture texts mark the cursor with ^
// and expected ranges with [[...]].
#pragma once

#include "entities_marked_mentions.h"
#include "protocol/position.h"
#include "protocol/uri.h"
#include "server/corpus/store.h"
#include "server/features/entities.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace dossier::testing {

using nlohmann::json;

using Documents = std::map<std::string, std::string>; // name -> marked text

class FeatureCorpus {
public:
  // name -> marked text; every document is opened in the editor (version 7).
  explicit FeatureCorpus(const std::map<std::string, std::string>& documents) : store_({}, 1) {
    corpus::CorpusStore::Ticket last = 0;
    for (const auto& [name, marked] : documents) {
      docs_[name] = parseMarked(marked);
      last = store_.setOpenDocument(path(name), std::make_shared<std::string>(docs_[name].text), 7);
    }
    context_.snapshot = store_.snapshotAfter(last, std::chrono::seconds(10));
    context_.client = &capabilities_;
    context_.encoding = protocol::PositionEncoding::Utf8;
    capabilities_.hoverMarkdown = true;
  }

  static std::string path(const std::string& name) { return "/dossier-features-test/" + name; }
  static std::string uri(const std::string& name) { return protocol::pathToUri(path(name)); }
  const MarkedText& doc(const std::string& name) const { return docs_.at(name); }
  lsp::RequestContext& context() { return context_; }

  json position(const std::string& name, std::size_t offset) const {
    auto p =
        protocol::LineIndex(doc(name).text).toPosition(offset, protocol::PositionEncoding::Utf8);
    return {{"line", p.line}, {"character", p.character}};
  }
  json range(const std::string& name, std::pair<std::size_t, std::size_t> r) const {
    return {{"start", position(name, r.first)}, {"end", position(name, r.second)}};
  }
  // {textDocument, position} at the document's ^ cursor.
  json atCursor(const std::string& name) const {
    REQUIRE(doc(name).cursor);
    return {{"textDocument", {{"uri", uri(name)}}},
            {"position", position(name, *doc(name).cursor)}};
  }

  // A handler's answer as the editor receives it: the JSON value it returns, or the JSON text it
  // keeps across requests (RequestContext::resultText, e.g. references).
  template <typename Handler> json answer(Handler handler, const json& params) {
    context_.resultText.reset();
    json value = handler(context_, params);
    return context_.resultText ? json::parse(*context_.resultText) : value;
  }

private:
  corpus::CorpusStore store_;
  std::map<std::string, MarkedText> docs_;
  protocol::ClientCapabilities capabilities_;
  lsp::RequestContext context_;
};

} // namespace dossier::testing
