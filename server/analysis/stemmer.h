// English Snowball stems of folded words ("killed" -> "kill", "arrests" -> "arrest"), shared by the
// passage terms and the story-word lookups so that both agree on what one word is.
#pragma once

#include <string>

namespace dossier::analysis {

// The stem of a word already folded with foldWord(). Thread-safe (one stemmer per thread).
std::string stemEnglish(const std::string& folded);

} // namespace dossier::analysis
