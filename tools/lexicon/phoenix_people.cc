// Office holders from Phoenix.Countries.actors.txt. See sources.h.
//
// A person entry is a name line, '+' synonym lines, then tab-indented code
// lines "[IRNGOV 890803-970803]" (YYMMDD or YYYYMMDD, ">DATE" for open-ended).
// Kept: entries whose name looks like a person's and that held a government
// or military code (xxxGOV*, xxxMIL*) ending in 2005 or later, or open-ended.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "tools/lexicon/sources.h"

namespace geokg::tools::lexicon {
namespace {

// Honorifics dropped from the front of a name ("AYATOLLAH_ALI_KHAMENEI").
const std::set<std::string> kHonorifics = {"HOJATOLISLAM", "HOJATOLESLAM", "AYATOLLAH", "GRAND", "SAYYED", "SAYYID",
                                           "SHEIKH", "SHEIK", "SHAIKH", "DR", "DR.", "SIR", "HAJI", "MAULANA", "MULLAH",
                                           "DAME", "LORD", "CHIEF"};
// A first token that makes a synonym a role phrase, not a name.
const std::set<std::string> kTitles = {"PRESIDENT", "PRESIDENT-ELECT", "MR", "MR.", "MRS", "MRS.", "MS", "MS.",
                                       "PRIME", "PREMIER", "MINISTER", "SENATOR", "GOVERNOR", "GENERAL", "GEN.",
                                       "KING", "QUEEN", "PRINCE", "PRINCESS", "EMIR", "SULTAN", "US", "U.S.",
                                       "AMERICAN", "UNITED", "FORMER", "THE", "SECRETARY", "CHANCELLOR", "VICE",
                                       "FOREIGN", "DEFENSE", "DEFENCE", "COLONEL", "COL.", "ADMIRAL", "MARSHAL",
                                       "BRIGADIER", "MAJOR", "CAPTAIN", "LIEUTENANT", "AMBASSADOR", "DEPUTY"};
// Words that never occur in a person's name: the entry is a role or a body.
const std::set<std::string> kRoleWords = {"MINISTER", "MINISTRY", "PRESIDENT", "GOVERNMENT", "PARTY", "ARMY",
                                          "COUNCIL", "ADMINISTRATION", "OFFICE", "COURT", "POLICE", "FORCES",
                                          "FORCE", "MILITARY", "PARLIAMENT", "ASSEMBLY", "CABINET", "REGIME",
                                          "DEPARTMENT", "AGENCY", "COMMITTEE", "OFFICIAL", "OFFICIALS", "LEADER",
                                          "SPOKESMAN", "AMBASSADOR", "EMBASSY", "STATE", "REPUBLIC", "KINGDOM",
                                          "SECRETARY", "GENERAL", "COMMANDER", "CHIEF", "NATIONAL", "PEOPLE",
                                          "PEOPLES", "CITY", "PROVINCE", "OF", "THE", "AND", "FOR", "UNION",
                                          "BANK", "MOVEMENT", "FRONT", "GROUP", "TROOPS", "NAVY", "GUARD"};
const std::set<std::string> kParticles = {"al", "el", "bin", "ibn", "bint", "van", "von", "de", "da", "du", "der",
                                          "den", "la", "le", "del", "dos", "das", "di", "ould", "wa"};

std::vector<std::string> Tokens(std::string raw) {
  auto hash = raw.find('#');
  if (hash != std::string::npos) raw.resize(hash);
  for (auto& c : raw)
    if (c == '_') c = ' ';
  std::vector<std::string> out;
  std::istringstream in(raw);
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

std::string TitleCaseName(const std::vector<std::string>& tokens) {
  std::string name;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string word;
    bool start = true;
    for (char c : tokens[i]) {
      word += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                    : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      start = c == '-' || c == '.';
    }
    std::string lower = word;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto dash = lower.find('-');
    if (i > 0 && (kParticles.count(lower) || (dash != std::string::npos && kParticles.count(lower.substr(0, dash)))))
      word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    if (!name.empty()) name += ' ';
    name += word;
  }
  return name;
}

// YYMMDD or YYYYMMDD -> YYYY, or 0.
int YearOf(const std::string& date) {
  if (date.size() == 8) return std::stoi(date.substr(0, 4));
  if (date.size() == 6) {
    int yy = std::stoi(date.substr(0, 2));
    return yy <= 30 ? 2000 + yy : 1900 + yy;
  }
  return 0;
}

bool IsPersonName(const std::vector<std::string>& t) {
  if (t.size() < 2 || t.size() > 5) return false;
  for (const auto& w : t) {
    if (kRoleWords.count(w)) return false;
    for (char c : w)
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '\'') return false;
  }
  return true;
}

struct Entry {
  std::vector<std::string> name;
  std::vector<std::vector<std::string>> synonyms;
  std::string country;  // alpha-3 of the latest government/military code
  int last_year = 0;
};

}  // namespace

std::optional<std::vector<Actor>> BuildPhoenixPeople(const std::string& path, const std::vector<Actor>& countries,
                                                     const std::set<std::string>& dictionary,
                                                     const Curated& curated) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::set<std::string> alpha3;
  std::set<std::string> taken = curated.keys;
  for (const auto& c : countries) {
    alpha3.insert(c.country);
    taken.insert(AliasKey(c.name));
    for (const auto& a : c.aliases) taken.insert(AliasKey(a));
  }
  std::vector<Entry> entries;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '\t' || line[0] == ' ') {
      if (entries.empty()) continue;
      auto open = line.find('[');
      if (open == std::string::npos) continue;
      std::istringstream s(line.substr(open + 1));
      std::string code, range;
      s >> code >> range;
      if (!range.empty() && range.back() == ']') range.pop_back();
      if (!code.empty() && code.back() == ']') code.pop_back();
      if (code.size() < 6 || !alpha3.count(code.substr(0, 3))) continue;
      std::string role = code.substr(3, 3);
      if ((role != "GOV" && role != "MIL") || range.empty()) continue;
      int year = range[0] == '>' ? 9999 : YearOf(range.substr(range.find('-') + 1));
      if (year >= entries.back().last_year) {
        entries.back().last_year = year;
        entries.back().country = code.substr(0, 3);
      }
      continue;
    }
    if (line[0] == '+') {
      if (!entries.empty()) entries.back().synonyms.push_back(Tokens(line.substr(1)));
      continue;
    }
    entries.push_back({Tokens(line), {}, "", 0});
  }
  auto strip = [](std::vector<std::string> t) {
    while (!t.empty() && kHonorifics.count(t.front())) t.erase(t.begin());
    return t;
  };
  // Surnames: usable alone only when one person claims them.
  std::map<std::string, int> surname_uses;
  std::set<std::string> first_names;
  std::vector<Entry> people;
  for (auto& e : entries) {
    e.name = strip(e.name);
    if (e.last_year < 2005 || !IsPersonName(e.name)) continue;
    first_names.insert(AliasKey(TitleCaseName({e.name.front()})));
    for (const auto& s : e.synonyms)
      if (s.size() == 1) ++surname_uses[AliasKey(TitleCaseName(s))];
    people.push_back(e);
  }
  std::vector<Actor> out;
  std::map<std::string, size_t> owner;  // alias key -> index in out
  for (const auto& e : people) {
    Actor a;
    a.name = TitleCaseName(e.name);
    a.kind = "person";
    a.country = e.country;
    if (taken.count(AliasKey(a.name))) continue;
    for (const auto& raw : e.synonyms) {
      auto s = strip(raw);
      if (s.empty() || kTitles.count(s.front())) continue;
      std::string form = TitleCaseName(s);
      std::string key = AliasKey(form);
      if (taken.count(key) || form == a.name) continue;
      if (s.size() == 1) {
        if (form.size() < 5 || surname_uses[key] > 1 || dictionary.count(key) || first_names.count(key)) continue;
      } else if (!IsPersonName(s)) {
        continue;
      }
      // "Presient Christian Wulff": a (misspelt) title before the name.
      if (s.size() > e.name.size() && form.size() > a.name.size() &&
          form.compare(form.size() - a.name.size(), a.name.size(), a.name) == 0)
        continue;
      if (std::find(a.aliases.begin(), a.aliases.end(), form) == a.aliases.end()) a.aliases.push_back(form);
    }
    // Phoenix lists some people twice under variant spellings: an entry whose
    // name or alias is already a person of the same country merges into it.
    std::optional<size_t> same;
    if (auto it = owner.find(AliasKey(a.name)); it != owner.end()) same = it->second;  // one name, one entity
    for (const auto& k : [&] {
           std::vector<std::string> keys{AliasKey(a.name)};
           for (const auto& al : a.aliases) keys.push_back(AliasKey(al));
           return keys;
         }())
      if (auto it = owner.find(k); it != owner.end() && out[it->second].country == a.country) same = it->second;
    if (same) {
      Actor& into = out[*same];
      for (const auto& f : [&] {
             std::vector<std::string> forms{a.name};
             forms.insert(forms.end(), a.aliases.begin(), a.aliases.end());
             return forms;
           }())
        if (f != into.name && std::find(into.aliases.begin(), into.aliases.end(), f) == into.aliases.end()) {
          into.aliases.push_back(f);
          owner.emplace(AliasKey(f), *same);
        }
      continue;
    }
    owner.emplace(AliasKey(a.name), out.size());
    for (const auto& al : a.aliases) owner.emplace(AliasKey(al), out.size());
    out.push_back(std::move(a));
  }
  // A form two different people claim names neither of them.
  std::map<std::string, int> uses;
  for (const auto& p : out) {
    std::set<std::string> mine{AliasKey(p.name)};
    for (const auto& al : p.aliases) mine.insert(AliasKey(al));
    for (const auto& k : mine) ++uses[k];
  }
  for (auto& p : out)
    p.aliases.erase(std::remove_if(p.aliases.begin(), p.aliases.end(),
                                   [&](const std::string& al) { return uses[AliasKey(al)] > 1; }),
                    p.aliases.end());
  return out;
}

}  // namespace geokg::tools::lexicon
