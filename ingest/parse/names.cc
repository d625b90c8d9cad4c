// Names of the UD parts of speech, relations and Penn tags (parser.h).
#include <array>

#include "ingest/parse/parser.h"
#include "ingest/parse/treebank.h"

namespace geokg::ingest::parse {

namespace {
constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
constexpr std::array<std::string_view, kDepCount> kDepNames = {
    "root", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux",
    "aux:pass", "case", "cc", "cc:preconj", "ccomp", "compound", "compound:prt", "conj", "cop",
    "csubj", "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse", "dislocated",
    "expl", "fixed", "flat", "flat:foreign", "goeswith", "iobj", "list", "mark", "nmod",
    "nmod:desc", "nmod:npmod", "nmod:poss", "nmod:tmod", "nmod:unmarked", "nsubj", "nsubj:outer",
    "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:npmod", "obl:tmod", "obl:unmarked",
    "orphan", "parataxis", "punct", "reparandum", "vocative", "xcomp"};
// The Penn Treebank tags of EWT, plus XX for anything else.
constexpr std::array<std::string_view, kXposCount> kXposNames = {
    "NN", "IN", "DT", "NNP", "PRP", "JJ", ".", "RB", "VB", "NNS", ",", "CC", "VBP",
    "VBD", "VBZ", "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":",
    "WRB", "``", "WP", "''", "RP", "UH", "HYPH", "POS", "NNPS", "JJS", "JJR", "NFP",
    "ADD", "EX", "RBR", "GW", "$", "SYM", "PDT", "FW", "RBS", "LS", "AFX", "WP$", "XX"};
}  // namespace

std::string_view NameOf(Upos u) {
  size_t i = static_cast<size_t>(u);
  return i < kUposNames.size() ? kUposNames[i] : "X";
}

std::string_view NameOf(Dep d) {
  size_t i = static_cast<size_t>(d);
  return i < kDepNames.size() ? kDepNames[i] : "dep";
}

bool ParseDep(std::string_view name, Dep* out) {
  for (size_t i = 0; i < kDepNames.size(); ++i)
    if (kDepNames[i] == name) {
      *out = static_cast<Dep>(i);
      return true;
    }
  return false;
}

bool ParseUpos(std::string_view name, Upos* out) {
  for (size_t i = 0; i < kUposNames.size(); ++i)
    if (kUposNames[i] == name) {
      *out = static_cast<Upos>(i);
      return true;
    }
  return false;
}

std::string_view XposName(uint8_t xpos) { return xpos < kXposNames.size() ? kXposNames[xpos] : "XX"; }

bool ParseXpos(std::string_view name, uint8_t* out) {
  for (size_t i = 0; i < kXposNames.size(); ++i)
    if (kXposNames[i] == name) {
      *out = static_cast<uint8_t>(i);
      return true;
    }
  return false;
}

}  // namespace geokg::ingest::parse
