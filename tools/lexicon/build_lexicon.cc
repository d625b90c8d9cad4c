// geokg_build_lexicon: regenerates the derived files of ingest/data/.
//
//   geokg_build_lexicon [--out DIR] [--iso DIR] [--wordnet DIR]
//                       [--hunspell BASE] [--phoenix DIR] [--seats FILE]
//   geokg_build_lexicon agents [--out DIR] [--phoenix DIR]
//   geokg_build_lexicon subdivisions [--out DIR] [--iso DIR] [--hunspell BASE]
//   geokg_build_lexicon verbs [SRC [OUT]]     (tools/lexicon/build_verbs.cc)
//
// Writes (overwriting) countries.actors.tsv, places.actors.tsv,
// subdivisions.actors.tsv, metonyms.tsv, armed-groups.phoenix.actors.tsv,
// people.phoenix.actors.tsv, agents.tsv and common-words.txt into --out; the
// `agents` subcommand writes agents.tsv only (from Phoenix.agents.txt), the
// `subdivisions` one subdivisions.actors.tsv only (reading the
// places.actors.tsv already in --out). Every other
// *.actors.tsv in --out is hand-curated: read to check link targets and to
// keep Phoenix duplicates out, never written. Alias
// collisions between entities are printed as warnings on stderr.
// Exit status: 0 on success, 1 if a source cannot be read.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tools/lexicon/build_lexicon.h"
#include "tools/lexicon/cameo_verbs.h"
#include "tools/lexicon/sources.h"

namespace geokg::tools::lexicon {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPhoenixNotice = R"(The MIT License (MIT)

Copyright (c) 2014 Open Event Data

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.)";

constexpr std::string_view kWordNetNotice = R"(WordNet Release 3.0. This software and database is being provided to you, the
LICENSEE, by Princeton University under the following license. By obtaining,
using and/or copying this software and database, you agree that you have read,
understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and database and
its documentation for any purpose and without fee or royalty is hereby granted,
provided that you agree to comply with the following copyright notice and
statements, including the disclaimer, and that the same appear on ALL copies of
the software, database and documentation, including modifications that you make
for internal use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in advertising or
publicity pertaining to distribution of the software and/or database. Title to
copyright in this software, database and any associated documentation shall at
all times remain with Princeton University and LICENSEE agrees to preserve same.)";

constexpr std::string_view kActorColumns =
    "# columns: name<TAB>kind<TAB>country<TAB>aliases<TAB>links\n"
    "#   name     canonical name (entity id = hash of it)\n"
    "#   kind     geokg entity kind (country, location, armed-group, ...)\n"
    "#   country  ISO 3166-1 alpha-3 affiliation, or empty\n"
    "#   aliases  '|'-separated surface forms; all-capital acronyms match case-sensitively\n"
    "#   links    ';'-separated relation>Target background facts (priors only)\n";

struct Options {
  std::string out = GEOKG_SOURCE_DIR "/ingest/data";
  std::string iso = "/usr/share/iso-codes/json";
  std::string wordnet = "/usr/share/wordnet";
  std::string hunspell = "/usr/share/hunspell/en_US";
  std::string phoenix = GEOKG_SHARED_DIR "/lexicon-sources/phoenix";
  std::string seats = GEOKG_SOURCE_DIR "/tools/lexicon/seats.tsv";
};

std::string Comment(std::string_view text) { return CommentLines(text); }

std::string Join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

bool WriteActors(const fs::path& path, std::string_view header, std::vector<Actor> actors) {
  std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) { return a.name < b.name; });
  std::ofstream out(path);
  out << header << kActorColumns;
  for (const auto& a : actors)
    out << a.name << '\t' << a.kind << '\t' << a.country << '\t' << Join(a.aliases, '|') << '\t'
        << Join(a.links, ';') << '\n';
  std::cerr << "wrote " << path.string() << ": " << actors.size() << " entries\n";
  return static_cast<bool>(out);
}

void AddAlias(Actor& a, std::string alias) {
  if (alias.empty() || alias == a.name) return;
  if (std::find(a.aliases.begin(), a.aliases.end(), alias) == a.aliases.end())
    a.aliases.push_back(std::move(alias));
}

// Countries from iso_3166-1.json, corrected by CountryOverrides().
std::optional<std::vector<Actor>> BuildCountries(const Options& opt) {
  std::ifstream in(opt.iso + "/iso_3166-1.json");
  if (!in) return std::nullopt;
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) return std::nullopt;
  std::map<std::string, const CountryOverride*> overrides;
  for (const auto& o : CountryOverrides()) overrides[std::string(o.alpha3)] = &o;
  std::vector<Actor> countries;
  for (const auto& e : doc["3166-1"]) {
    Actor a;
    a.kind = "country";
    a.country = e.value("alpha_3", "");
    std::string name = e.value("name", "");
    std::string common = e.value("common_name", "");
    std::string official = e.value("official_name", "");
    if (official.rfind("the ", 0) == 0) official = official.substr(4);
    a.name = common.empty() ? name : common;
    const CountryOverride* o = overrides.count(a.country) ? overrides[a.country] : nullptr;
    if (o && !o->name.empty()) a.name = std::string(o->name);
    for (const auto& n : {name, common, official}) {
      // "Iran, Islamic Republic of" is catalogue order, never prose.
      if (n.find(',') == std::string::npos && n.find('(') == std::string::npos) AddAlias(a, n);
    }
    if (o) {
      std::istringstream parts{std::string(o->aliases)};
      for (std::string alias; std::getline(parts, alias, '|');) AddAlias(a, alias);
      if (!o->part_of.empty()) a.links.push_back("part-of>" + std::string(o->part_of));
    }
    for (size_t i = 0, n = a.aliases.size(); i < n; ++i) AddAlias(a, FoldAccents(a.aliases[i]));
    AddAlias(a, FoldAccents(a.name));
    // "Guinea Bissau", "Timor Leste": news often writes a hyphenated name
    // with a space.
    for (size_t i = 0, n = a.aliases.size(); i <= n; ++i) {
      std::string spaced = i < n ? a.aliases[i] : a.name;
      for (size_t h = spaced.find('-'); h != std::string::npos; h = spaced.find('-', h + 1))
        if (h + 1 < spaced.size() && std::isupper(static_cast<unsigned char>(spaced[h + 1]))) spaced[h] = ' ';
      AddAlias(a, spaced);
    }
    countries.push_back(std::move(a));
  }
  for (const auto& extra : ExtraCountries()) countries.push_back(extra);
  return countries;
}

// Phoenix-derived actor files start with where they come from and the MIT notice.
std::string PhoenixHeader(std::string_view what, std::string_view file) {
  return Comment(std::string(what) + "\nGenerated by geokg_build_lexicon (tools/lexicon/build_lexicon.cc); do not edit,\n"
                 "rerun the converter. Derived from " + std::string(file) +
                 " of the Phoenix/PETRARCH2 CAMEO\ndictionaries (Open Event Data), under this notice:\n\n" +
                 std::string(kPhoenixNotice) + "\n");
}

// agents.tsv from Phoenix.agents.txt; false if the source cannot be read.
bool WriteAgents(const Options& opt) {
  const std::string source = opt.phoenix + "/Phoenix.agents.txt";
  auto agents = BuildPhoenixAgents(source);
  if (!agents) {
    std::cerr << "geokg_build_lexicon: cannot read " << source << "\n";
    return false;
  }
  fs::create_directories(opt.out);
  std::ofstream out(fs::path(opt.out) / "agents.tsv");
  out << PhoenixHeader(
             "Generic agents: role nouns and phrases (\"police\", \"troops\", \"foreign ministry\") with\n"
             "their CAMEO agent code (COP, MIL, GOV; a second code refines the first: GOVMIL). Recognition\n"
             "turns a role qualified by a country (\"Kenyan police\") into that country's agent.\n"
             "Singular and plural forms, lower case, sorted. geokg's corrections (\"security forces\"\n"
             "are MIL, plural role nouns Phoenix lacks) are in tools/lexicon/phoenix_agents.cc.",
             "Phoenix.agents.txt")
      << "# columns: phrase<TAB>code\n";
  for (const Agent& a : *agents) out << a.phrase << '\t' << a.code << '\n';
  std::cerr << "wrote agents.tsv: " << agents->size() << " entries\n";
  return static_cast<bool>(out);
}

// subdivisions.actors.tsv from iso_3166-2.json; false if a source cannot be read.
bool WriteSubdivisions(const Options& opt, const std::vector<Actor>& countries, const std::set<std::string>& dictionary,
                       const std::vector<Actor>& places, const Curated& curated) {
  auto subdivisions = BuildSubdivisions(opt.iso, countries, dictionary, places, curated,
                                        ReadActors(fs::path(opt.out) / "people.phoenix.actors.tsv"));
  if (!subdivisions) {
    std::cerr << "geokg_build_lexicon: cannot read " << opt.iso << "/iso_3166-1.json and iso_3166-2.json\n";
    return false;
  }
  return WriteActors(
      fs::path(opt.out) / "subdivisions.actors.tsv",
      Comment("Provinces, states, regions, governorates and districts, kind location, located-in their country.\n"
              "Generated by geokg_build_lexicon (tools/lexicon/build_lexicon.cc, iso_subdivisions.cc); do not\n"
              "edit, rerun the converter. Source: Debian iso-codes, LGPL-2.1+ (iso_3166-2.json: name, type,\n"
              "code), names folded to ASCII (the original kept as an alias), with aliases without an Arabic\n"
              "article (\"Al Anbar\" -> \"Anbar\") and in English (\"Nord-Kivu\" -> \"North Kivu\"). Left out:\n"
              "municipalities and smaller units, names the other actor files have (cities, countries,\n"
              "curated regions), names of subdivisions in two countries and one-word English words.\n"),
      *subdivisions);
}

// The `subdivisions` subcommand: countries and common words read again, the
// cities from the places.actors.tsv already written.
int RunSubdivisions(const Options& opt) {
  auto countries = BuildCountries(opt);
  auto words = LoadHunspell(opt.hunspell);
  if (!countries || !words) {
    std::cerr << "geokg_build_lexicon: cannot read " << opt.iso << "/iso_3166-1.json or " << opt.hunspell << "\n";
    return 1;
  }
  const fs::path out(opt.out);
  return WriteSubdivisions(opt, *countries, words->dictionary, ReadActors(out / "places.actors.tsv"),
                           LoadCurated(out))
             ? 0
             : 1;
}

int Run(const Options& opt) {
  auto countries = BuildCountries(opt);
  if (!countries) {
    std::cerr << "geokg_build_lexicon: cannot read " << opt.iso << "/iso_3166-1.json\n";
    return 1;
  }
  auto words = LoadHunspell(opt.hunspell);
  if (!words) {
    std::cerr << "geokg_build_lexicon: cannot read " << opt.hunspell << ".dic/.aff\n";
    return 1;
  }
  fs::path out(opt.out);
  fs::create_directories(out);

  WriteActors(out / "countries.actors.tsv",
              Comment("Countries and territories: every entry of ISO 3166-1, plus Kosovo.\n"
                      "Generated by geokg_build_lexicon (tools/lexicon/build_lexicon.cc); do not edit,\n"
                      "rerun the converter. Source: Debian iso-codes, LGPL-2.1+ (iso_3166-1.json: name, common_name,\n"
                      "official_name, alpha_3); short names, prose aliases (US, UK, UAE, DRC) and the\n"
                      "sovereign state of territories from the converter's curated table (country_tables.cc).\n"),
              *countries);

  {
    std::ofstream common(out / "common-words.txt");
    common << "# Common English words (lower case), one a line: words that are not names.\n"
              "# Generated by geokg_build_lexicon from hunspell's en_US dictionary (en_US.dic with\n"
              "# the suffix rules of en_US.aff): stems that start lower-case and their inflections,\n"
              "# minus words that also occur capitalised as proper nouns (china/China).\n"
              "# Source: the SCOWL-derived en_US hunspell dictionary (hunspell-en-us); its full\n"
              "# copyright file, naming the further word lists SCOWL draws on, is\n"
              "# /usr/share/doc/hunspell-en-us/copyright. SCOWL's notice:\n"
              "#\n"
              "#   Copyright 2000-2011 by Kevin Atkinson\n"
              "#\n"
              "#   Permission to use, copy, modify, distribute and sell these word\n"
              "#   lists, the associated scripts, the output created from the scripts,\n"
              "#   and its documentation for any purpose is hereby granted without fee,\n"
              "#   provided that the above copyright notice appears in all copies and\n"
              "#   that both that copyright notice and this permission notice appear in\n"
              "#   supporting documentation. Kevin Atkinson makes no representations\n"
              "#   about the suitability of this array for any purpose. It is provided\n"
              "#   \"as is\" without express or implied warranty.\n";
    for (const auto& w : words->common) common << w << '\n';
    std::cerr << "wrote common-words.txt: " << words->common.size() << " words\n";
  }

  Curated curated = LoadCurated(out);
  PlaceTables places = BuildPlaces(opt.wordnet, *countries, words->dictionary, curated);
  if (places.places.empty()) {
    std::cerr << "geokg_build_lexicon: no places read from " << opt.wordnet << "/data.noun\n";
    return 1;
  }
  WriteActors(out / "places.actors.tsv",
              Comment("Cities and national capitals, kind location, located-in their country.\n"
                      "Generated by geokg_build_lexicon (tools/lexicon/build_lexicon.cc); do not edit,\n"
                      "rerun the converter; regions and other places are curated in regions.actors.tsv.\n"
                      "Source: WordNet 3.0 (wordnet-base) noun instances of city, port, national_capital,\n"
                      "state_capital and provincial_capital with their part holonyms, and the converter's\n"
                      "table of current capitals. Names that are common English words are left out.\n"
                      "WordNet's licence:\n\n") +
                  Comment(kWordNetNotice),
              places.places);

  if (!WriteSubdivisions(opt, *countries, words->dictionary, places.places, curated)) return 1;

  {
    std::ofstream met(out / "metonyms.tsv");
    met << Comment(
        "Metonyms: a capital or a seat of government written for the state or body it\n"
        "stands for (\"Washington condemned\", \"the Kremlin said\").\n"
        "columns: word<TAB>canonical entity\n"
        "Generated by geokg_build_lexicon: capitals from WordNet 3.0 (national_capital\n"
        "instances) and the converter's capital table; seats of government copied from the\n"
        "hand-curated tools/lexicon/seats.tsv (edit that file, then rerun). WordNet's licence:\n\n");
    met << Comment(kWordNetNotice);
    std::ifstream seats(opt.seats);
    if (!seats) std::cerr << "warning: cannot read " << opt.seats << "; no seats of government\n";
    met << "\n# Seats of government and other stand-ins (curated, tools/lexicon/seats.tsv)\n";
    for (std::string line; std::getline(seats, line);)
      if (!line.empty() && line[0] != '#') met << line << '\n';
    met << "\n# Capitals\n";
    for (const auto& [capital, country] : places.capitals) met << capital << '\t' << country << '\n';
    std::cerr << "wrote metonyms.tsv: " << places.capitals.size() << " capitals\n";
  }

  auto groups = BuildPhoenixGroups(opt.phoenix + "/Phoenix.MilNonState.actors.txt", *countries,
                                   words->dictionary, curated);
  if (!groups) {
    std::cerr << "geokg_build_lexicon: cannot read " << opt.phoenix << "/Phoenix.MilNonState.actors.txt\n";
    return 1;
  }
  WriteActors(out / "armed-groups.phoenix.actors.tsv",
              PhoenixHeader("Armed non-state groups (mostly 1970-2013), kind armed-group; the country column is\n"
                            "the CAMEO code's country where it is one. Groups in the curated\n"
                            "armed-groups.actors.tsv are left out here.",
                            "Phoenix.MilNonState.actors.txt"),
              *groups);

  auto people = BuildPhoenixPeople(opt.phoenix + "/Phoenix.Countries.actors.txt", *countries, words->dictionary,
                                   curated);
  if (!people) {
    std::cerr << "geokg_build_lexicon: cannot read " << opt.phoenix << "/Phoenix.Countries.actors.txt\n";
    return 1;
  }
  WriteActors(out / "people.phoenix.actors.tsv",
              PhoenixHeader("People: heads of state and government, ministers and commanders who held a\n"
                            "government or military office in 2005 or later (Phoenix dates end around 2014:\n"
                            "office holders change; roles are read from the text, not from here). Country =\n"
                            "the country of their latest office. A surname alone is an alias only when no\n"
                            "other person claims it and it is not an English word. People in the curated\n"
                            "people.actors.tsv are left out here.",
                            "Phoenix.Countries.actors.txt"),
              *people);

  if (!WriteAgents(opt)) return 1;

  ReportCollisions(out);
  return 0;
}

}  // namespace

std::string_view PhoenixNotice() { return kPhoenixNotice; }

std::string CommentLines(std::string_view text) {
  std::string out;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) out += line.empty() ? "#\n" : "# " + line + "\n";
  return out;
}

}  // namespace geokg::tools::lexicon

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "verbs") return geokg::tools::lexicon::RunVerbs(argc - 2, argv + 2);
  geokg::tools::lexicon::Options opt;
  int first = 1;
  const bool agents_only = argc > 1 && std::string(argv[1]) == "agents";
  const bool subdivisions_only = argc > 1 && std::string(argv[1]) == "subdivisions";
  if (agents_only || subdivisions_only) first = 2;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    std::string* target = arg == "--out"        ? &opt.out
                          : arg == "--iso"      ? &opt.iso
                          : arg == "--wordnet"  ? &opt.wordnet
                          : arg == "--hunspell" ? &opt.hunspell
                          : arg == "--phoenix"  ? &opt.phoenix
                          : arg == "--seats"    ? &opt.seats
                                                : nullptr;
    if (target == nullptr || i + 1 >= argc) {
      std::cerr << "usage: geokg_build_lexicon [--out DIR] [--iso DIR] [--wordnet DIR] "
                   "[--hunspell BASE] [--phoenix DIR] [--seats FILE]\n"
                   "       geokg_build_lexicon agents [--out DIR] [--phoenix DIR]\n"
                   "       geokg_build_lexicon subdivisions [--out DIR] [--iso DIR] [--hunspell BASE]\n"
                   "       geokg_build_lexicon verbs [SRC [OUT]]\n";
      return 1;
    }
    *target = argv[++i];
  }
  if (agents_only) return geokg::tools::lexicon::WriteAgents(opt) ? 0 : 1;
  if (subdivisions_only) return geokg::tools::lexicon::RunSubdivisions(opt);
  return geokg::tools::lexicon::Run(opt);
}
