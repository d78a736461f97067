#include "server/analysis/rules/atom_matcher.h"

#include <deque>
#include <map>
#include <stdexcept>

namespace dossier::analysis::rules {

AtomMatcher::AtomMatcher(const std::vector<std::string>& atoms) {
  for (const std::string& atom : atoms)
    for (char c : atom) {
      auto byte = static_cast<unsigned char>(c);
      if (classOf_[byte] == 0) classOf_[byte] = static_cast<std::uint16_t>(classes_++);
    }

  // The trie, with sparse children while it is built.
  std::vector<std::map<int, std::int32_t>> children(1);
  std::vector<std::vector<int>> ends(1);
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    lengths_.push_back(static_cast<std::uint32_t>(atoms[i].size()));
    if (atoms[i].empty()) continue; // would occur everywhere; FilteredRE2 never asks for one
    std::int32_t state = 0;
    for (char c : atoms[i]) {
      int cls = classOf_[static_cast<unsigned char>(c)];
      auto found = children[static_cast<std::size_t>(state)].find(cls);
      if (found != children[static_cast<std::size_t>(state)].end()) {
        state = found->second;
        continue;
      }
      auto created = static_cast<std::int32_t>(children.size());
      children[static_cast<std::size_t>(state)].emplace(cls, created);
      children.emplace_back();
      ends.emplace_back();
      state = created;
    }
    ends[static_cast<std::size_t>(state)].push_back(static_cast<int>(i));
  }

  // States numbered breadth-first: a text's bytes mostly lead to the root and the states a few
  // bytes deep, and their rows of the table then lie together in the cache.
  {
    std::vector<std::int32_t> order{0}, renumbered(children.size(), 0);
    for (std::size_t at = 0; at < order.size(); ++at)
      for (const auto& [cls, child] : children[static_cast<std::size_t>(order[at])]) {
        renumbered[static_cast<std::size_t>(child)] = static_cast<std::int32_t>(order.size());
        order.push_back(child);
      }
    std::vector<std::map<int, std::int32_t>> movedChildren(children.size());
    std::vector<std::vector<int>> movedEnds(ends.size());
    for (std::size_t old = 0; old < children.size(); ++old) {
      auto moved = static_cast<std::size_t>(renumbered[old]);
      for (const auto& [cls, child] : children[old])
        movedChildren[moved].emplace(cls, renumbered[static_cast<std::size_t>(child)]);
      movedEnds[moved] = std::move(ends[old]);
    }
    children = std::move(movedChildren);
    ends = std::move(movedEnds);
  }

  // Breadth-first: each state's failure link is the longest proper suffix that is also a trie
  // path; the full transition table follows from it, and a state's outputs are its own atoms
  // followed by those of its failure state.
  std::size_t states = children.size();
  auto width = static_cast<std::size_t>(classes_);
  if (states * width >= (std::size_t{1} << 31))
    throw std::length_error("AtomMatcher: too many strings for one table");
  std::vector<std::int32_t> next(states * width, 0);
  firstOutput_.assign(states, -1);
  std::vector<std::int32_t> failure(states, 0);
  std::deque<std::int32_t> queue;
  for (int cls = 0; cls < classes_; ++cls) {
    auto found = children[0].find(cls);
    if (found == children[0].end()) continue;
    next[static_cast<std::size_t>(cls)] = found->second;
    queue.push_back(found->second);
  }
  auto addOutputs = [&](std::int32_t state) {
    auto s = static_cast<std::size_t>(state);
    std::int32_t chain = firstOutput_[static_cast<std::size_t>(failure[s])];
    for (int atom : ends[s]) {
      outputs_.push_back(atom);
      outputs_.push_back(chain);
      chain = static_cast<std::int32_t>(outputs_.size() - 2);
    }
    firstOutput_[s] = chain;
  };
  while (!queue.empty()) {
    std::int32_t state = queue.front();
    queue.pop_front();
    auto s = static_cast<std::size_t>(state);
    addOutputs(state);
    for (int cls = 0; cls < classes_; ++cls) {
      auto c = static_cast<std::size_t>(cls);
      std::int32_t fallback = next[static_cast<std::size_t>(failure[s]) * width + c];
      auto found = children[s].find(cls);
      if (found == children[s].end()) {
        next[s * width + c] = fallback;
        continue;
      }
      next[s * width + c] = found->second;
      failure[static_cast<std::size_t>(found->second)] = fallback;
      queue.push_back(found->second);
    }
  }
  next_.resize(next.size());
  for (std::size_t i = 0; i < next.size(); ++i) {
    auto target = static_cast<std::size_t>(next[i]);
    next_[i] = static_cast<std::uint32_t>((target * width) << 1 | (firstOutput_[target] >= 0));
  }
}

void AtomMatcher::findAll(std::string_view text, std::vector<Occurrence>& out) const {
  if (lengths_.empty()) return;
  auto width = static_cast<std::size_t>(classes_);
  const std::uint32_t* next = next_.data();
  std::size_t row = 0; // the state times width
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::uint32_t entry = next[row + classOf_[static_cast<unsigned char>(text[i])]];
    row = entry >> 1;
    if (!(entry & 1)) continue;
    for (std::int32_t at = firstOutput_[row / width]; at >= 0;
         at = outputs_[static_cast<std::size_t>(at) + 1]) {
      int atom = outputs_[static_cast<std::size_t>(at)];
      auto end = static_cast<std::uint32_t>(i + 1);
      out.push_back({end - lengths_[static_cast<std::size_t>(atom)], end, atom});
    }
  }
}

} // namespace dossier::analysis::rules
