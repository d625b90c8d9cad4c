// geokg_build_lexicon: regenerates the derived lexicon files of
// ingest/data/ from public sources (Debian iso-codes, WordNet, hunspell's
// en_US dictionary, the Phoenix CAMEO dictionaries). Run by a developer; its
// output is committed. It never writes a hand-curated file: those are read
// only, to deduplicate against and to check link targets.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::tools::lexicon {

// One line of a *.actors.tsv file: name, kind, country, aliases, links.
struct Actor {
  std::string name;
  std::string kind;
  std::string country;               // ISO 3166-1 alpha-3 or ""
  std::vector<std::string> aliases;  // surface forms, natural case
  std::vector<std::string> links;    // "relation>Target"
};

// A curated correction of an iso-codes country: the short name analysts use
// and the prose forms news writes ("US", "Britain").
struct CountryOverride {
  std::string_view alpha3;
  std::string_view name;     // "" keeps iso-codes' common_name / name
  std::string_view aliases;  // '|'-separated, added to iso-codes' names
  std::string_view part_of;  // sovereign state of a territory, "" if none
};

// Curated tables (country_tables.cc).
const std::vector<CountryOverride>& CountryOverrides();
// Countries in news that iso-codes lacks (Kosovo): full rows.
const std::vector<Actor>& ExtraCountries();
// alpha-3 -> capital, where WordNet's capital is missing or out of date.
const std::map<std::string, std::string>& CapitalOverrides();

// Place name -> alpha-3 of the country meant when WordNet lists the name in
// several (St. Petersburg: Russia, not Florida).
const std::map<std::string, std::string>& PlacePreferences();

// WordNet place name -> the spelling news uses today (Halab -> Aleppo).
const std::map<std::string, std::string>& PlaceRenames();

// Cities whose name is far more often a person's (Austin, Jackson, Hamilton):
// left out of places.actors.tsv.
const std::set<std::string>& NameLikePlaces();

// Cities kept although their name, lower-cased, is in the English
// dictionary ("frankfurt" as in frankfurter, "cologne").
const std::set<std::string>& PlacesDespiteWords();

// "Côte" -> "Cote": folds the Latin-1 letters seen in country and city names.
std::string FoldAccents(std::string_view text);
// `text` with every occurrence of a table's first string replaced by its
// second, the earliest entry that matches at a position winning.
std::string FoldWith(std::string_view text, std::span<const std::pair<std::string_view, std::string_view>> folds);

// The MIT notice of the Phoenix / PETRARCH dictionaries (Open Event Data),
// which every file converted from them carries.
std::string_view PhoenixNotice();

// `text` as '#' comment lines, one per line.
std::string CommentLines(std::string_view text);

}  // namespace geokg::tools::lexicon
