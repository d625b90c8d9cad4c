// Generic agents from Phoenix.agents.txt. See sources.h.
//
// TABARI/PETRARCH agents format: "ROLE_NOUN_PHRASE_ {PLURALS} [~CODE] #
// comment". Words are joined by '_'; a trailing '_' stops the word (no
// stemming); "{...}" lists irregular plurals ("{}" = none); without it the
// regular plural is generated, as PETRARCH does. "!SET!" names a
// substitution set defined as "!SET! = A, B, C". The code is the agent code
// after '~' ("[~GOVMIL]": GOV, then MIL); "[IGO~]" puts it first. Entries
// that end in a function word ("AMBASSADOR_TO", "EMBASSY_IN") are prefixes
// of longer phrases in PETRARCH and are left out, as are phrases with
// commas or non-ASCII letters.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "tools/lexicon/sources.h"

namespace geokg::tools::lexicon {
namespace {

// Where geokg codes a role differently from Phoenix, or Phoenix lacks a
// role noun that news uses for a generic agent. Each line is a decision,
// with its reason; these win over the Phoenix entries.
struct AgentOverride {
  std::string_view phrase;  // singular, lower case
  std::string_view plural;  // "" = regular plural, "-" = none
  std::string_view code;
};
constexpr AgentOverride kAgentOverrides[] = {
    // Phoenix lists SECURITY_FORCE twice (COP and MIL); geokg's definite
    // references already read "security forces" as a state's armed forces.
    {"security force", "", "MIL"},
    // Plural role nouns Phoenix has only as parts of longer phrases.
    {"official", "", "GOV"},
    {"forces", "-", "MIL"},
    {"government forces", "-", "MIL"},
    {"government troops", "-", "MIL"},
    {"regime forces", "-", "MIL"},
    {"armed forces", "-", "MIL"},
    {"military", "-", "MIL"},
    {"militant", "", "UAF"},
    {"foreign ministry", "foreign ministries", "GOV"},
    {"interior ministry", "interior ministries", "GOV"},
    {"defence ministry", "defence ministries", "GOV"},
    {"defense ministry", "defense ministries", "GOV"},
    {"riot police", "-", "COP"},
    {"police officer", "", "COP"},
    {"policeman", "policemen", "COP"},
    {"policewoman", "policewomen", "COP"},
    {"lawmaker", "", "LEG"},
    {"parliament", "", "LEG"},
    {"prosecutor", "", "JUD"},
    {"intelligence official", "", "SPY"},
    {"intelligence officer", "", "SPY"},
    {"opposition group", "", "OPP"},
    {"opposition member", "", "OPP"},
    {"opposition figure", "", "OPP"},
};

const std::set<std::string> kFunctionWords = {"of",  "in",  "to",   "for",  "at", "on",
                                              "the", "and", "from", "with", "by"};

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

// "ARMED_POLICE_" -> "armed police"; "" if the phrase is unusable.
std::string Phrase(std::string raw) {
  std::string out;
  for (char c : raw) {
    if (c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || c == '.') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      return "";
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // A leading article is not part of the role ("A_CABINET_MEETING").
  for (std::string_view article : {"a ", "an ", "the "})
    if (out.rfind(article, 0) == 0) out = out.substr(article.size());
  if (out.size() < 3) return "";
  size_t sp = out.find_last_of(' ');
  std::string last = sp == std::string::npos ? out : out.substr(sp + 1);
  if (kFunctionWords.count(last)) return "";
  return out;
}

// The regular English plural of the phrase's last word.
std::string RegularPlural(const std::string& s) {
  auto ends = [&](std::string_view x) {
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
  };
  if (ends("man")) return s.substr(0, s.size() - 3) + "men";
  if (ends("y") && s.size() >= 2 && std::string_view("aeiou").find(s[s.size() - 2]) == std::string_view::npos)
    return s.substr(0, s.size() - 1) + "ies";
  if (ends("s") || ends("sh") || ends("ch") || ends("x") || ends("z")) return s + "es";
  return s + "s";
}

// Expands "!SET!" substitutions: every combination.
std::vector<std::string> Expand(const std::string& raw,
                                const std::map<std::string, std::vector<std::string>>& sets) {
  size_t a = raw.find('!');
  if (a == std::string::npos) return {raw};
  size_t b = raw.find('!', a + 1);
  if (b == std::string::npos) return {};
  auto it = sets.find(raw.substr(a, b - a + 1));
  if (it == sets.end()) return {};
  std::vector<std::string> out;
  for (const std::string& v : it->second)
    for (std::string& rest : Expand(raw.substr(0, a) + v + raw.substr(b + 1), sets))
      out.push_back(std::move(rest));
  return out;
}

}  // namespace

std::optional<std::vector<Agent>> BuildPhoenixAgents(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::map<std::string, std::vector<std::string>> sets;
  std::map<std::string, std::string> code_of;  // phrase -> code; the first entry wins
  std::vector<std::string> order;
  auto add = [&](const std::string& phrase, const std::string& code) {
    if (phrase.empty()) return;
    if (code_of.emplace(phrase, code).second) order.push_back(phrase);
  };
  for (std::string line; std::getline(in, line);) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    line = Trim(line);
    if (line.empty()) continue;
    if (line[0] == '!' && line.find('=') != std::string::npos) {
      std::string name = Trim(line.substr(0, line.find('=')));
      std::istringstream values(line.substr(line.find('=') + 1));
      for (std::string v; std::getline(values, v, ',');) sets[name].push_back(Trim(v));
      continue;
    }
    size_t open = line.find('['), close = line.find(']');
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    std::string code = line.substr(open + 1, close - open - 1);
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    if (code.size() < 3 || !std::all_of(code.begin(), code.end(),
                                        [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
      continue;
    std::string head = line.substr(0, open);
    std::vector<std::string> plurals;
    bool explicit_plurals = false;
    if (size_t lb = head.find('{'); lb != std::string::npos) {
      size_t rb = head.find('}', lb);
      if (rb == std::string::npos) continue;
      explicit_plurals = true;
      std::istringstream ps(head.substr(lb + 1, rb - lb - 1));
      for (std::string p; ps >> p;) plurals.push_back(p);
      head = head.substr(0, lb);
    }
    head = Trim(head);
    for (const std::string& form : Expand(head, sets)) {
      std::string phrase = Phrase(form);
      if (phrase.empty()) continue;
      add(phrase, code);
      // A set member already plural ("MEN", "MINISTRIES") needs no plural.
      bool from_set = form != head;
      if (!explicit_plurals && !from_set && phrase.back() != 's') add(RegularPlural(phrase), code);
    }
    for (const std::string& p : plurals)
      for (const std::string& form : Expand(p, sets)) add(Phrase(form), code);
  }
  for (const AgentOverride& o : kAgentOverrides) {
    std::string phrase(o.phrase), code(o.code);
    std::vector<std::string> forms = {phrase};
    if (o.plural.empty())
      forms.push_back(RegularPlural(phrase));
    else if (o.plural != "-")
      forms.emplace_back(o.plural);
    for (const std::string& f : forms) {
      if (!code_of.count(f)) order.push_back(f);
      code_of[f] = code;
    }
  }
  std::vector<Agent> out;
  for (const auto& [phrase, code] : code_of) out.push_back(Agent{phrase, code});
  return out;  // sorted by phrase (std::map order): deterministic
}

}  // namespace geokg::tools::lexicon
