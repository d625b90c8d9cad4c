// Provinces, states, regions and governorates from iso-codes' ISO 3166-2
// table: the places news names for where a clash or a visit happens
// ("Helmand", "Ituri", "Faryab") that WordNet's cities leave out.
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tools/lexicon/sources.h"

namespace geokg::tools::lexicon {
namespace {

// Subdivision types of the first levels of government. Municipalities,
// parishes and boroughs are too small and too often a person's or a town's
// name elsewhere.
constexpr std::string_view kTypes[] = {
    "Province",          "State",           "Region",           "Governorate",      "Department",
    "Prefecture",        "Republic",        "Autonomous republic", "Autonomous region", "Autonomous province",
    "Emirate",           "Oblast",          "Division",         "Federal district", "Territory",
    "Autonomous community", "Canton",       "County",           "District",         "Administrative region",
    "Autonomous city",   "Special region",  "Capital territory", "Union territory", "Federal territory"};

// The letters of transliterations FoldAccents does not know ("Ḩudaydah",
// "Nūristān", "Kunaṟ"), and the apostrophes of "Sa‘dah".
std::string FoldMore(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"ō", "o"}, {"ē", "e"}, {"ṟ", "r"}, {"ḩ", "h"}, {"Ḩ", "H"}, {"ḑ", "d"}, {"ḏ", "d"}, {"ţ", "t"}, {"Ţ", "T"},
      {"ẕ", "z"}, {"ẖ", "h"}, {"‘", ""},  {"’", ""},  {"ʻ", ""},  {"ʼ", ""},  {"Ā", "A"}, {"Ī", "I"}, {"Ū", "U"},
      {"Ō", "O"}, {"Ē", "E"}, {"ş", "s"}, {"Ş", "S"}, {"ğ", "g"}, {"ı", "i"}, {"İ", "I"}, {"ł", "l"}, {"Ł", "L"},
      {"ń", "n"}, {"ś", "s"}, {"Ś", "S"}, {"ź", "z"}, {"ż", "z"}, {"Ż", "Z"}, {"ą", "a"}, {"ę", "e"}, {"č", "c"},
      {"Č", "C"}, {"š", "s"}, {"Š", "S"}, {"ž", "z"}, {"Ž", "Z"}, {"ř", "r"}, {"ě", "e"}, {"ů", "u"}, {"ý", "y"},
      {"ć", "c"}, {"đ", "d"}, {"ő", "o"}, {"ű", "u"}, {"ả", "a"}, {"ạ", "a"}, {"ơ", "o"}, {"ư", "u"}, {"ă", "a"},
      {"Á", "A"}, {"Í", "I"}, {"Ó", "O"}, {"Ú", "U"}, {"È", "E"}, {"ò", "o"}, {"ì", "i"}, {"ù", "u"}, {"ÿ", "y"}};
  return FoldWith(FoldAccents(text), kFolds);
}

bool Ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// "Al Anbar" -> "Anbar": news drops the Arabic article of many names.
std::string WithoutArticle(const std::string& name) {
  for (std::string_view article : {"Al ", "Al-", "Ar ", "As ", "Ash ", "Ad ", "An ", "At ", "Az ", "Adh "})
    if (name.size() > article.size() + 3 && name.starts_with(article)) return name.substr(article.size());
  return "";
}

// "Nord-Kivu" -> "North Kivu", "Sud-Ubangi" -> "South Ubangi".
std::string InEnglish(const std::string& name) {
  for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"Nord-", "North "},
                                 {"Sud-", "South "}, {"Nord ", "North "}, {"Sud ", "South "}})
    if (name.starts_with(from)) return std::string(to) + name.substr(from.size());
  return "";
}

}  // namespace

std::optional<std::vector<Actor>> BuildSubdivisions(const std::string& iso_dir, const std::vector<Actor>& countries,
                                                    const std::set<std::string>& dictionary,
                                                    const std::vector<Actor>& places, const Curated& curated,
                                                    const std::vector<Actor>& people) {
  std::ifstream in1(iso_dir + "/iso_3166-1.json"), in2(iso_dir + "/iso_3166-2.json");
  if (!in1 || !in2) return std::nullopt;
  const nlohmann::json codes = nlohmann::json::parse(in1, nullptr, false);
  const nlohmann::json subdivisions = nlohmann::json::parse(in2, nullptr, false);
  if (codes.is_discarded() || subdivisions.is_discarded()) return std::nullopt;
  std::map<std::string, std::string> alpha3_of;  // alpha-2 -> alpha-3
  for (const auto& e : codes["3166-1"]) alpha3_of[e.value("alpha_2", "")] = e.value("alpha_3", "");
  std::map<std::string, const Actor*> country_of;  // alpha-3 -> country row
  for (const Actor& c : countries) country_of[c.country] = &c;

  // Every name the lexicon already has: a subdivision never takes one over
  // ("Kabul" the city, "Georgia" the country, "Anbar" curated).
  std::set<std::string> taken = curated.keys;
  for (const auto* list : {&countries, &places})
    for (const Actor& a : *list) {
      taken.insert(AliasKey(a.name));
      for (const auto& alias : a.aliases) taken.insert(AliasKey(alias));
    }

  // The words of people's names ("Kerry", "Mary", "Herrera", "Bono"): as a
  // place of one word, such a name would take the person's mentions.
  std::set<std::string> name_words;
  for (const auto* list : {&curated.actors, &people})
    for (const Actor& a : *list) {
      if (a.kind != "person") continue;
      std::vector<std::string> forms = a.aliases;
      forms.push_back(a.name);
      for (const std::string& form : forms) {
        std::istringstream words(form);
        for (std::string w; words >> w;) name_words.insert(AliasKey(w));
      }
    }

  struct Candidate {
    std::string name, original, country;
  };
  std::vector<Candidate> candidates;
  std::map<std::string, std::set<std::string>> countries_of_key;  // a name in two countries is ambiguous
  for (const auto& e : subdivisions["3166-2"]) {
    const std::string type = e.value("type", "");
    if (std::find(std::begin(kTypes), std::end(kTypes), type) == std::end(kTypes)) continue;
    const std::string code = e.value("code", "");
    const auto a3 = alpha3_of.find(code.substr(0, 2));
    if (a3 == alpha3_of.end() || !country_of.count(a3->second)) continue;
    const std::string original = e.value("name", "");
    const std::string name = FoldMore(original);
    if (!Ascii(name) || name.size() < 4 || name.find_first_of("(),/[") != std::string::npos) continue;
    countries_of_key[AliasKey(name)].insert(a3->second);
    candidates.push_back({name, original, a3->second});
  }

  std::map<std::string, Actor> by_name;
  for (const Candidate& c : candidates) {
    const std::string key = AliasKey(c.name);
    if (taken.count(key) || countries_of_key[key].size() > 1) continue;
    // One word that is an English word ("Central", "Coast", "Lakes") is no name.
    const bool one_word = c.name.find(' ') == std::string::npos && c.name.find('-') == std::string::npos;
    if (one_word && (dictionary.count(key) || name_words.count(key))) continue;
    if (!std::isalpha(static_cast<unsigned char>(c.name[0]))) continue;  // "'Eua"
    // Known under its English or shorter name already ("North Kivu").
    if (taken.count(AliasKey(InEnglish(c.name))) || taken.count(AliasKey(WithoutArticle(c.name)))) continue;
    if (by_name.count(c.name)) continue;
    Actor a{c.name, "location", c.country, {}, {"located-in>" + country_of[c.country]->name}};
    auto add = [&](const std::string& alias) {
      if (alias.empty() || alias == a.name || taken.count(AliasKey(alias))) return;
      if (alias.find(' ') == std::string::npos && dictionary.count(AliasKey(alias))) return;
      if (std::find(a.aliases.begin(), a.aliases.end(), alias) == a.aliases.end()) a.aliases.push_back(alias);
    };
    if (c.original != c.name) add(c.original);
    add(WithoutArticle(c.name));
    add(InEnglish(c.name));
    by_name[c.name] = std::move(a);
  }
  std::vector<Actor> out;
  for (auto& [name, a] : by_name) out.push_back(std::move(a));
  return out;
}

}  // namespace geokg::tools::lexicon
