// Armed non-state groups from Phoenix.MilNonState.actors.txt. See sources.h.
//
// TABARI format: "NAME_WITH_UNDERSCORES_ [CODE] # comment", then "+SYNONYM_"
// lines. Names are upper case; they are turned to title case here, with a
// parenthesised acronym "(AAIA)" becoming an alias of its own.
#include <algorithm>
#include <cctype>
#include <sstream>
#include <fstream>
#include <iostream>

#include "tools/lexicon/sources.h"

namespace geokg::tools::lexicon {
namespace {

const std::set<std::string> kSmallWords = {"of", "the", "and", "for", "in", "on", "to", "de", "del", "la",
                                           "el", "y", "des", "du", "da", "do", "e", "et", "a", "an", "wa"};

// "ISLAMIC_ARMY_OF_ADEN-ABYAN_(IAAA)_" -> name "Islamic Army of Aden-Abyan",
// acronym "IAAA".
std::pair<std::string, std::string> TitleCase(std::string raw) {
  std::string name, acronym;
  for (auto& c : raw)
    if (c == '_') c = ' ';
  std::istringstream in(raw);
  bool first = true;
  for (std::string token; in >> token;) {
    if (token.front() == '(' && token.back() == ')') {
      acronym = token.substr(1, token.size() - 2);
      continue;
    }
    std::string word;
    bool start = true;
    for (char c : token) {
      word += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                    : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      start = c == '-' || c == '\'' ? (c == '-') : false;
    }
    std::string lower = word;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!first && kSmallWords.count(lower)) word = lower;
    if (lower.rfind("al-", 0) == 0 || lower.rfind("el-", 0) == 0) word[0] = static_cast<char>(std::tolower(word[0]));
    if (!name.empty()) name += ' ';
    name += word;
    first = false;
  }
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  bool valid = acronym.size() >= 3 && acronym.size() <= 6 &&
               std::all_of(acronym.begin(), acronym.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '-'; });
  return {name, valid ? acronym : ""};
}

bool IsUsableName(const std::string& name) {
  if (name.size() < 4) return false;
  for (char c : name)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ' && c != '-' && c != '\'' && c != '.') return false;
  return name.find(' ') != std::string::npos;  // one-word names are too ambiguous
}

}  // namespace

std::optional<std::vector<Actor>> BuildPhoenixGroups(const std::string& path, const std::vector<Actor>& countries,
                                                     const std::set<std::string>& dictionary,
                                                     const Curated& curated) {
  // An alias made only of English words ("National Resistance") would match
  // ordinary prose; the canonical name is kept, such aliases are not.
  auto generic = [&](const std::string& form) {
    std::istringstream words(form);
    for (std::string w; words >> w;) {
      for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!dictionary.count(w)) return false;
    }
    return true;
  };
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::map<std::string, std::string> name_of_alpha3;
  std::set<std::string> taken = curated.keys;
  for (const auto& c : countries) {
    name_of_alpha3[c.country] = c.name;
    taken.insert(AliasKey(c.name));
    for (const auto& a : c.aliases) taken.insert(AliasKey(a));
  }
  std::vector<Actor> groups;
  std::vector<std::vector<std::string>> forms;  // all surface forms of each group
  for (std::string line; std::getline(in, line);) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '+') {
      if (groups.empty()) continue;
      for (auto& part : [&] {
             std::vector<std::string> parts;
             std::string p;
             std::istringstream s(line);
             while (std::getline(s, p, '+'))
               if (!p.empty()) parts.push_back(p);
             return parts;
           }()) {
        auto [name, acronym] = TitleCase(part);
        if (IsUsableName(name)) forms.back().push_back(name);
        if (!acronym.empty()) forms.back().push_back(acronym);
      }
      continue;
    }
    auto open = line.find('['), close = line.find(']');
    if (open == std::string::npos || close == std::string::npos) continue;
    std::string code = line.substr(open + 1, close - open - 1);
    code = code.substr(0, code.find(' '));
    // Only rebel-group codes (xxxREB...); the IMG... entries are mostly
    // individual militants, and "NAME__" marks a person.
    bool person = line.substr(0, open).find("__") != std::string::npos;
    if (code.size() < 6 || code.substr(3, 3) != "REB" || person) {
      groups.push_back({});  // placeholder keeps the '+' lines that follow attached
      forms.push_back({});
      continue;
    }
    auto [name, acronym] = TitleCase(line.substr(0, open));
    Actor a;
    a.name = name;
    a.kind = "armed-group";
    if (auto it = name_of_alpha3.find(code.substr(0, 3)); it != name_of_alpha3.end()) {
      a.country = code.substr(0, 3);
      a.links.push_back("located-in>" + it->second);
    }
    groups.push_back(std::move(a));
    forms.push_back({});
    if (!acronym.empty()) forms.back().push_back(acronym);
    if (!IsUsableName(name)) groups.back().name.clear();
  }
  // Surface forms used by two groups, or by a curated entity or a country,
  // are dropped; a group whose name is taken is left out (the curated entry wins).
  std::map<std::string, int> uses;
  for (size_t i = 0; i < groups.size(); ++i) {
    std::set<std::string> mine;
    if (!groups[i].name.empty()) mine.insert(AliasKey(groups[i].name));
    for (const auto& f : forms[i]) mine.insert(AliasKey(f));
    for (const auto& k : mine) ++uses[k];
  }
  std::vector<Actor> out;
  for (size_t i = 0; i < groups.size(); ++i) {
    Actor& g = groups[i];
    if (g.name.empty() || taken.count(AliasKey(g.name)) || uses[AliasKey(g.name)] > 1) {
      if (!g.name.empty()) std::cerr << "phoenix: skipped '" << g.name << "' (name already known)\n";
      continue;
    }
    for (const auto& f : forms[i]) {
      std::string k = AliasKey(f);
      if (taken.count(k) || uses[k] > 1 || generic(f)) continue;
      if (f != g.name && std::find(g.aliases.begin(), g.aliases.end(), f) == g.aliases.end()) g.aliases.push_back(f);
    }
    out.push_back(g);
  }
  return out;
}

}  // namespace geokg::tools::lexicon
