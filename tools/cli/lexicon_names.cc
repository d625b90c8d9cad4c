#include "tools/cli/lexicon_names.h"

#include <memory>
#include <mutex>
#include <unordered_map>

#include "graph/names.h"
#include "ingest/lexicon.h"

namespace geokg::tools {

std::function<std::string(std::string_view)> LexiconCanonicalName() {
  return [](std::string_view name) -> std::string {
    static std::once_flag once;
    static std::shared_ptr<const ingest::Lexicon> lexicon;
    static std::unordered_map<std::string, std::string>* folded = nullptr;
    std::call_once(once, [] {
      if (!ingest::LoadLexicon({}, &lexicon).ok()) lexicon.reset();
      // The lexicon's own lookup folds case and periods only; a second
      // table by search key takes accents and punctuation too.
      folded = new std::unordered_map<std::string, std::string>();
      if (lexicon == nullptr) return;
      for (const ingest::Lexicon::Entry& e : lexicon->entries()) {
        folded->emplace(graph::SearchKey(e.name), e.name);
        for (const std::string& a : e.aliases) folded->emplace(graph::SearchKey(a), e.name);
      }
    });
    if (lexicon == nullptr) return "";
    if (const ingest::Lexicon::Entry* e = lexicon->FindAlias(name)) return e->name;
    auto it = folded->find(graph::SearchKey(name));
    return it == folded->end() ? std::string() : it->second;
  };
}

}  // namespace geokg::tools
