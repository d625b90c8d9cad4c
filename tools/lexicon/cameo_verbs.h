// Conversion of a PETRARCH-format CAMEO verb pattern dictionary
// (CAMEO.2.0.txt of the Phoenix/PETRARCH2 dictionaries) into geokg's event
// lexicon format, ingest/data/verbs.cameo.tsv: one line per
//   lemma  particle  object  prep  code  type
// (see ingest/data/README.md). Only patterns that these columns can state
// are kept; the rest are counted by reason.
//
// What the source means (PETRARCH's verb reader): a block starts with
// "--- DESCRIPTION [code] ---"; its synonym lines are verbs ("MEET {MET ...}",
// multi-word "+SET_UP" with '+' on the verb word) with an optional own code;
// its pattern lines "- ... * ... [code]" apply to every synonym of the block.
// In a pattern '*' is the verb, '$' the source, '+' the target, "(PREP ...)"
// a prepositional phrase, "{A B}" a multi-word phrase, "&NAME" a synonym set
// defined by "&NAME" and '+' member lines, "[a:b]" a paired event (a for the
// source's act, b for the target's reciprocal one).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::tools::lexicon {

struct VerbLexEntry {
  std::string lemma;     // lower case
  std::string particle;  // "" if none
  std::string object;    // lower-case singular head noun, "" if none
  std::string prep;      // preposition introducing the target, "" if direct object
  std::string code;      // CAMEO code, "0841"
  std::string type;      // geokg relation type name (TypeForCameo of code)
};

struct CameoVerbConversion {
  std::vector<VerbLexEntry> entries;  // sorted, one per (lemma, particle, object, prep)
  std::map<std::string, int> dropped;  // reason -> how many patterns or entries
  int blocks = 0;
  int synonyms = 0;
  int patterns = 0;
};

// Converts the dictionary text. Synonym sets used as objects are expanded
// when they have at most `max_synset` members (after dropping generated
// plurals). Where several patterns reduce to the same columns with different
// types, the type backed by the most patterns is kept (ties: the lowest
// code) and the others are counted as dropped ("conflict").
CameoVerbConversion ConvertCameoVerbs(std::string_view text, size_t max_synset = 12);

// The TSV text: `header` (already '#'-commented), a column line, then the
// entries, '-' for empty columns.
std::string FormatVerbLexicon(const std::vector<VerbLexEntry>& entries, std::string_view header);

// The `geokg_build_lexicon verbs [SRC [OUT]]` subcommand (build_verbs.cc):
// converts SRC (default: the shared Phoenix CAMEO.2.0.txt) into OUT
// (default: ingest/data/verbs.cameo.tsv), keeping the dictionary's MIT notice
// in the header, and prints the counts of what it dropped. argv holds the
// arguments after "verbs". Returns the exit status: 0, or 1 on a read/write
// failure or a usage error.
int RunVerbs(int argc, char** argv);

// "TALKS" -> "talk", "RALLIES" -> "rally", "CRISIS" -> "crisis": a lower-case
// singular by English spelling rules (exposed for tests).
std::string SingularNoun(std::string_view word);

}  // namespace geokg::tools::lexicon
