// Readers of the lexicon converter's sources: hunspell, WordNet, Phoenix, and
// the curated *.actors.tsv files already in the output folder.
#pragma once

#include <filesystem>
#include <optional>

#include "tools/lexicon/build_lexicon.h"

namespace geokg::tools::lexicon {

struct Words {
  std::set<std::string> common;      // lower-case words that are never names
  std::set<std::string> dictionary;  // every lower-case word, names or not ("male")
};
// `base` names BASE.dic and BASE.aff. nullopt if either cannot be read.
std::optional<Words> LoadHunspell(const std::string& base);

// The hand-curated actor files in a data folder (every *.actors.tsv that the
// converter does not write), parsed.
struct Curated {
  std::vector<Actor> actors;
  std::set<std::string> keys;  // AliasKey of every name and alias
};
Curated LoadCurated(const std::filesystem::path& dir);

// Parses one actors file; malformed lines are skipped with a warning.
std::vector<Actor> ReadActors(const std::filesystem::path& path);

// The lookup key of a surface form: all-capital acronyms as written, other
// forms lower-cased (ASCII) with '.' kept.
std::string AliasKey(std::string_view alias);

struct PlaceTables {
  std::vector<Actor> places;                    // kind location
  std::map<std::string, std::string> capitals;  // capital -> country name
};
PlaceTables BuildPlaces(const std::string& wordnet_dir, const std::vector<Actor>& countries,
                        const std::set<std::string>& common_words, const Curated& curated);

std::optional<std::vector<Actor>> BuildPhoenixGroups(const std::string& path,
                                                     const std::vector<Actor>& countries,
                                                     const std::set<std::string>& dictionary,
                                                     const Curated& curated);

// Heads of state and government, ministers and commanders of Phoenix's
// country dictionary who held office in 2005 or later.
std::optional<std::vector<Actor>> BuildPhoenixPeople(const std::string& path, const std::vector<Actor>& countries,
                                                     const std::set<std::string>& dictionary,
                                                     const Curated& curated);

// Provinces, states, regions and governorates of ISO 3166-2 (iso_dir's
// iso_3166-2.json), kind location, located-in their country; names folded
// to ASCII, without names the lexicon already has, names of two countries
// or one-word English words or words of a person's name in `curated` or
// `people`. nullopt if a source cannot be read.
std::optional<std::vector<Actor>> BuildSubdivisions(const std::string& iso_dir, const std::vector<Actor>& countries,
                                                    const std::set<std::string>& dictionary,
                                                    const std::vector<Actor>& places, const Curated& curated,
                                                    const std::vector<Actor>& people);
// Generic agents: role nouns and phrases with their Phoenix agent code
// ("police" COP, "troops" MIL), singular and plural, lower case, sorted by
// phrase; geokg's curated corrections (phoenix_agents.cc) win.
struct Agent {
  std::string phrase;
  std::string code;  // "GOV", "MIL", "GOVMIL", "IGO", ...
};
std::optional<std::vector<Agent>> BuildPhoenixAgents(const std::string& path);

// Prints to stderr every alias that names two entities, and every canonical
// name listed twice, over all *.actors.tsv in `dir`.
void ReportCollisions(const std::filesystem::path& dir);

// The file names the converter owns.
bool IsGenerated(std::string_view file_name);

}  // namespace geokg::tools::lexicon
