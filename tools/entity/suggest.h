// Merge suggestions: pairs of entities in a store that probably name one
// thing, for a human to look at before running `geokg entity merge`.
//
// Three signals, each a pure function tested on its own:
//   * same surname (persons): one country or an unknown one, and compatible
//     given names ("Bush" / "George Bush" / "George W. Bush"; "G. Bush");
//   * transliteration variants: names whose folded forms (FoldName: y/i/j,
//     ch/tch/tsch, kh/h, ou/u, ph/f, doubled letters, separators) are equal
//     or one or two edits apart ("Yanukovich" / "Yanukovych", "Ayad Allawi"
//     / "Iyad Allawi", "ElBaradei" / "El-Baradei");
//   * a trailing weekday, month or title word that is no part of the name
//     ("Richard Armitage Tuesday").
// Only entities of compatible kinds are compared (persons with persons,
// countries with countries, locations with facilities, organisations of any
// kind with each other). Pairs are found through blocking (a surname index,
// a deletion neighbourhood of folded names), never by comparing all pairs.
//
// The functions read plain records (graph::GraphData) and do no I/O; they
// are safe to call from several threads on distinct data.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace geokg::tools::entity {

enum class MergeSignal {
  kSameSurname,      // compatible given names, one surname
  kTransliteration,  // folded forms equal or nearly so
  kTrailingWord,     // a weekday, month or title glued to the end of a name
};

// One suggestion. `keep` is the entity the other should fold into (`geokg
// entity merge KEEP DROP`). For a trailing word with no clean counterpart in
// the store, `keep` is absent and `clean_name` is what to rename `drop` to.
struct MergeCandidate {
  std::optional<size_t> keep;  // index into GraphData::entities
  size_t drop = 0;             // index into GraphData::entities
  std::string clean_name;      // kTrailingWord: the name without the word
  MergeSignal signal = MergeSignal::kSameSurname;
  double strength = 0;           // of the signal alone, 0..1
  double score = 0;              // strength weighed by mentions and neighbours
  size_t shared_neighbours = 0;  // entities related to both
  std::string reason;            // one phrase: "same surname; George ~ G."
};

struct SuggestOptions {
  // Only pairs in which one entity has this kind (nullopt: all kinds).
  std::optional<graph::EntityKind> kind;
  // Surname and deletion blocks larger than this are skipped (a name so
  // common that its pairs say nothing; also bounds the work).
  size_t max_block = 400;
};

// All candidates over `data`, best first (score, then names). Each pair of
// entities appears at most once, under its strongest signal.
std::vector<MergeCandidate> SuggestMerges(const graph::GraphData& data, const SuggestOptions& options);

// --- The signals, exposed for tests ----------------------------------------

// The words of a name as compared: SearchKey-folded (accents, case and
// punctuation gone), split on spaces, generational suffixes ("Jr", "III")
// dropped, and Arabic articles inside a name dropped or split off
// ("Rafik al-Hariri", "Mohamed ElBaradei" -> {"mohamed", "baradei"}).
// "George W. Bush" -> {"george", "w", "bush"}.
std::vector<std::string> NameWords(std::string_view name);

// Given names (all words but the last) compatible: either list empty (a bare
// surname), or the first words agree (equal, an initial of the other, or a
// prefix of at least three letters) and the middle words agree pairwise
// when both have them ("George W." ~ "George"; not "George W." ~ "George
// H. W."). Returns the strength (0 when incompatible): 0.9 for equal given
// names apart from a missing middle name, 0.75 for an initial or prefix,
// 0.5 for a bare surname.
double GivenNamesCompatible(const std::vector<std::string>& a, const std::vector<std::string>& b);

// A name's transliteration key: SearchKey-folded, separators removed, then
// tsch/tch -> ch, kh -> h, ph -> f, ou -> u, y/j -> i, w -> v, q -> k, and
// runs of one letter made one. "Yanukovych", "Yanukovich" -> "ianukovich";
// "El-Baradei", "ElBaradei" -> "elbaradei".
std::string FoldName(std::string_view name);

// Levenshtein distance, or max_distance + 1 when larger.
size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance);

// The edits allowed between two folded keys to call them variants: 0 below
// 5 letters, 1 below 10, else 2.
size_t AllowedEdits(size_t folded_length);

// If the name's last word is a weekday, a month (not "May") or a title
// that news glues after a name ("Richard Armitage Tuesday", "John Smith
// Spokesman"), returns the name without it; else nullopt. A one-word
// name, or a remainder of one word for a month, is kept: "Theresa May".
// `person` allows title words (other kinds only lose dates).
std::optional<std::string> StripTrailingWord(std::string_view name, bool person, std::string* word);

// Kinds whose entities may be one thing under two names.
bool KindsCompatible(graph::EntityKind a, graph::EntityKind b);

// `text` quoted for a POSIX shell: 'O'\''Brien'.
std::string ShellQuote(std::string_view text);

}  // namespace geokg::tools::entity
