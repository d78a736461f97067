#include "server/analysis/stemmer.h"

#include <libstemmer.h>

namespace dossier::analysis {
namespace {

// Snowball stemmers are not thread-safe, so each thread has its own.
class Stemmer {
public:
  Stemmer() : stemmer_(sb_stemmer_new("english", nullptr)) {}
  ~Stemmer() { sb_stemmer_delete(stemmer_); }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string stem(const std::string& word) {
    if (!stemmer_) return word;
    const sb_symbol* stemmed = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!stemmed) return word;
    return std::string(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(stemmer_));
  }

private:
  sb_stemmer* stemmer_;
};

} // namespace

std::string stemEnglish(const std::string& folded) {
  thread_local Stemmer stemmer;
  return stemmer.stem(folded);
}

} // namespace dossier::analysis
