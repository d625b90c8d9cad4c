// Cities and capitals from WordNet 3.0's data.noun. See sources.h.
//
// A data.noun line: offset lexfile 'n' w_cnt(hex) {word lex_id} p_cnt
// {symbol offset pos source/target} '|' gloss. Cities are instances (@i) of
// city, port, national/state/provincial capital; their country is found by
// walking part holonyms (#p) up to a synset that names a country.
#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/lexicon/sources.h"

namespace geokg::tools::lexicon {
namespace {

constexpr std::string_view kCity = "08524735", kPort = "08633957", kNationalCapital = "08691669",
                           kStateCapital = "08695539", kProvincialCapital = "08695198";

struct Synset {
  std::vector<std::string> words;  // underscores turned to spaces
  std::vector<std::string> instance_of, part_of;
};

std::map<std::string, Synset> ReadNouns(const std::string& path) {
  std::map<std::string, Synset> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream s(line);
    std::string offset, lexfile, pos, count;
    s >> offset >> lexfile >> pos >> count;
    if (lexfile != "15") continue;  // noun.location only
    Synset syn;
    int words = std::stoi(count, nullptr, 16);
    for (int i = 0; i < words; ++i) {
      std::string w, lex_id;
      s >> w >> lex_id;
      auto paren = w.find('(');  // adjective markers such as "(p)"
      if (paren != std::string::npos) w.resize(paren);
      for (auto& c : w)
        if (c == '_') c = ' ';
      syn.words.push_back(w);
    }
    int pointers = 0;
    s >> pointers;
    for (int i = 0; i < pointers; ++i) {
      std::string symbol, target, target_pos, st;
      s >> symbol >> target >> target_pos >> st;
      if (symbol == "@i") syn.instance_of.push_back(target);
      if (symbol == "#p") syn.part_of.push_back(target);
    }
    out.emplace(offset, std::move(syn));
  }
  return out;
}

// WordNet aliases that are nicknames or too vague to match as a place.
const std::set<std::string> kNicknames = {"Pompey", "Bida", "Basia", "Hub of the Universe", "Bean Town",
                                          "Beantown", "New Flower", "Vila", "St. Mary of Bethlehem",
                                          "Motor City", "Windy City", "Eternal City", "Mile-High City"};

bool Has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool IsPlaceName(const std::string& w) {
  if (w.size() < 3 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  for (char c : w)
    if (std::isdigit(static_cast<unsigned char>(c))) return false;
  return w.find("capital") == std::string::npos && w.find("City of") == std::string::npos;
}

}  // namespace

PlaceTables BuildPlaces(const std::string& wordnet_dir, const std::vector<Actor>& countries,
                        const std::set<std::string>& common_words, const Curated& curated) {
  PlaceTables tables;
  auto nouns = ReadNouns(wordnet_dir + "/data.noun");
  if (nouns.empty()) return tables;

  std::map<std::string, std::string> country_by_key, alpha3_of, name_of_alpha3;
  for (const auto& c : countries) {
    country_by_key[AliasKey(c.name)] = c.name;
    for (const auto& a : c.aliases) country_by_key[AliasKey(a)] = c.name;
    alpha3_of[c.name] = c.country;
    name_of_alpha3[c.country] = c.name;
  }
  // Synsets that name a country, unless they are part of another country
  // (the US state Georgia is part of the United States).
  std::map<std::string, std::string> country_of_synset;
  for (const auto& [off, syn] : nouns)
    for (const auto& w : syn.words)
      if (auto it = country_by_key.find(AliasKey(w)); it != country_by_key.end()) {
        country_of_synset[off] = it->second;
        break;
      }
  for (auto it = country_of_synset.begin(); it != country_of_synset.end();) {
    bool inside_other = false;
    for (const auto& h : nouns[it->first].part_of)
      if (auto c = country_of_synset.find(h); c != country_of_synset.end() && c->second != it->second)
        inside_other = true;
    it = inside_other ? country_of_synset.erase(it) : std::next(it);
  }
  auto country_of = [&](const std::string& start) -> std::string {
    std::deque<std::pair<std::string, int>> queue{{start, 0}};
    std::set<std::string> seen;
    while (!queue.empty()) {
      auto [off, depth] = queue.front();
      queue.pop_front();
      if (depth > 0)
        if (auto c = country_of_synset.find(off); c != country_of_synset.end()) return c->second;
      if (depth >= 4 || !seen.insert(off).second) continue;
      for (const auto& h : nouns[off].part_of) queue.push_back({h, depth + 1});
    }
    return "";
  };

  const auto& capital_overrides = CapitalOverrides();
  std::map<std::string, Actor> by_name;          // canonical place name -> actor
  std::map<std::string, std::set<std::string>> countries_of;  // place name -> countries
  std::set<std::string> wordnet_capitals;        // "name\tcountry"
  for (const auto& [off, syn] : nouns) {
    bool national = Has(syn.instance_of, kNationalCapital);
    if (!national && !Has(syn.instance_of, kCity) && !Has(syn.instance_of, kPort) &&
        !Has(syn.instance_of, kStateCapital) && !Has(syn.instance_of, kProvincialCapital))
      continue;
    if (country_of_synset.count(off)) continue;  // Singapore, Monaco: the country
    std::string country = country_of(off);
    if (!syn.words.empty()) {
      auto pref = PlacePreferences().find(syn.words[0]);
      if (pref != PlacePreferences().end() && alpha3_of[country] != pref->second) continue;
    }
    if (country.empty() || syn.words.empty() || !IsPlaceName(syn.words[0])) continue;
    std::vector<std::string> forms = syn.words;
    if (auto r = PlaceRenames().find(forms[0]); r != PlaceRenames().end()) {
      forms.erase(std::remove(forms.begin(), forms.end(), r->second), forms.end());
      forms.insert(forms.begin(), r->second);
    }
    const std::string& name = forms[0];
    std::string key = AliasKey(name);
    if ((common_words.count(key) && !PlacesDespiteWords().count(name)) || country_by_key.count(key) ||
        curated.keys.count(key) ||
        NameLikePlaces().count(name))
      continue;
    Actor& a = by_name[name];
    a.name = name;
    a.kind = "location";
    a.country = alpha3_of[country];
    a.links = {"located-in>" + country};
    for (size_t i = 1; i < forms.size(); ++i) {
      const auto& w = forms[i];
      if (kNicknames.count(w)) continue;
      std::string k = AliasKey(w);
      if (IsPlaceName(w) && !common_words.count(k) && !country_by_key.count(k) && !curated.keys.count(k) &&
          std::find(a.aliases.begin(), a.aliases.end(), w) == a.aliases.end())
        a.aliases.push_back(w);
    }
    countries_of[name].insert(country);
    if (national) wordnet_capitals.insert(name + "\t" + country);
  }
  // Current capitals: the override table wins over WordNet's capital.
  std::map<std::string, std::string> capital_of_country;
  for (const auto& entry : wordnet_capitals) {
    auto tab = entry.find('\t');
    capital_of_country[entry.substr(tab + 1)] = entry.substr(0, tab);
  }
  for (const auto& [alpha3, capital] : capital_overrides) {
    auto it = name_of_alpha3.find(alpha3);
    if (it == name_of_alpha3.end()) continue;
    capital_of_country[it->second] = capital;
    std::string key = AliasKey(capital);
    // WordNet may list the city under an older spelling (Teheran, Bayrut):
    // the capital table's spelling becomes the name, WordNet's an alias.
    for (auto p = by_name.begin(); p != by_name.end(); ++p) {
      const Actor& old = p->second;
      if (old.name == capital || old.country != alpha3) continue;
      bool same = std::find(old.aliases.begin(), old.aliases.end(), capital) != old.aliases.end() ||
                  std::find(old.aliases.begin(), old.aliases.end(), FoldAccents(capital)) != old.aliases.end() ||
                  AliasKey(FoldAccents(old.name)) == AliasKey(FoldAccents(capital));
      if (!same) continue;
      Actor renamed = old;
      renamed.aliases.erase(std::remove(renamed.aliases.begin(), renamed.aliases.end(), capital), renamed.aliases.end());
      renamed.aliases.insert(renamed.aliases.begin(), old.name);
      renamed.name = capital;
      countries_of.erase(old.name);
      by_name.erase(p);
      by_name[capital] = renamed;
      break;
    }
    if (country_by_key.count(key)) continue;  // Singapore, Djibouti, Luxembourg
    if (!by_name.count(capital)) {
      by_name[capital] = {capital, "location", alpha3, {}, {"located-in>" + it->second}};
      std::string folded = FoldAccents(capital);
      if (folded != capital && !common_words.count(AliasKey(folded))) by_name[capital].aliases.push_back(folded);
    }
    countries_of[capital] = {it->second};  // a capital is not ambiguous
  }
  // An alias shared by two places, or equal to another place's name, names neither.
  std::map<std::string, int> alias_uses;
  for (const auto& [name, a] : by_name) {
    ++alias_uses[AliasKey(name)];
    for (const auto& alias : a.aliases) ++alias_uses[AliasKey(alias)];
  }
  for (auto& [name, a] : by_name)
    a.aliases.erase(std::remove_if(a.aliases.begin(), a.aliases.end(),
                                   [&](const std::string& al) { return alias_uses[AliasKey(al)] > 1; }),
                    a.aliases.end());
  for (auto& [name, a] : by_name) {
    if (countries_of[name].size() > 1) {
      std::cerr << "warning: place '" << name << "' is in " << countries_of[name].size()
                << " countries (" << *countries_of[name].begin() << ", ...); left out\n";
      continue;
    }
    tables.places.push_back(a);
  }
  for (const auto& [country, capital] : capital_of_country) {
    std::string key = AliasKey(capital);
    if (country_by_key.count(key) || common_words.count(key) || !by_name.count(capital)) continue;
    if (countries_of[capital].size() > 1) continue;
    tables.capitals[capital] = country;
    // Spelling variants stand in for the state too (Teheran, Kiev); former
    // names and nicknames (Salisbury, Edo, Greater London) do not.
    std::string folded = FoldAccents(capital);
    for (const auto& alias : by_name[capital].aliases) {
      std::string a = FoldAccents(alias);
      long diff = static_cast<long>(a.size()) - static_cast<long>(folded.size());
      if (std::tolower(static_cast<unsigned char>(a[0])) == std::tolower(static_cast<unsigned char>(folded[0])) &&
          diff >= -3 && diff <= 3 && a.find(' ') == std::string::npos && !common_words.count(AliasKey(alias)))
        tables.capitals[alias] = country;
    }
  }
  std::set<std::string> without;
  for (const auto& c : countries)
    if (!capital_of_country.count(c.name)) without.insert(c.name);
  std::cerr << "countries without a capital: " << without.size() << " (";
  for (const auto& w : without) std::cerr << w << "; ";
  std::cerr << ")\n";
  return tables;
}

}  // namespace geokg::tools::lexicon
