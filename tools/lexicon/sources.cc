// Readers of the converter's sources. See sources.h.
#include "tools/lexicon/sources.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

namespace geokg::tools::lexicon {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep))
    if (!part.empty()) out.push_back(part);
  return out;
}

bool IsLowerStart(const std::string& w) { return !w.empty() && std::islower(static_cast<unsigned char>(w[0])); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One suffix rule of an .aff file: strip `strip`, add `add`, if the word
// ends in something matching `condition`.
struct SuffixRule {
  std::string strip, add;
  std::regex condition;
};

}  // namespace

bool IsGenerated(std::string_view name) {
  return name == "countries.actors.tsv" || name == "places.actors.tsv" || name == "subdivisions.actors.tsv" ||
         name == "armed-groups.phoenix.actors.tsv" || name == "people.phoenix.actors.tsv";
}

std::string AliasKey(std::string_view alias) {
  bool acronym = std::any_of(alias.begin(), alias.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
                 std::none_of(alias.begin(), alias.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  return acronym ? std::string(alias) : Lower(alias);
}

std::optional<Words> LoadHunspell(const std::string& base) {
  std::ifstream aff(base + ".aff"), dic(base + ".dic");
  if (!aff || !dic) return std::nullopt;
  std::map<char, std::vector<SuffixRule>> rules;
  std::map<char, std::string> prefixes;  // en_US's prefixes are unconditional: "PFX K 0 pro ."
  for (std::string line; std::getline(aff, line);) {
    std::istringstream in(line);
    std::string tag, flag, strip, add, cond;
    if (!(in >> tag >> flag >> strip >> add) || (tag != "SFX" && tag != "PFX") || flag.size() != 1) continue;
    if (!(in >> cond)) continue;  // the header line "SFX S Y 4" has no condition
    if (tag == "PFX") {
      if (strip == "0" && cond == ".") prefixes[flag[0]] = add;
      continue;
    }
    if (strip == "0") strip.clear();
    if (add == "0") add.clear();
    auto slash = add.find('/');
    if (slash != std::string::npos) add.resize(slash);
    rules[flag[0]].push_back({strip, add, std::regex(cond == "." ? ".*" : ".*" + cond + "$")});
  }
  std::set<std::string> lower, capitalised;
  std::string line;
  std::getline(dic, line);  // word count
  while (std::getline(dic, line)) {
    auto slash = line.find('/');
    std::string stem = line.substr(0, slash);
    std::string flags = slash == std::string::npos ? "" : line.substr(slash + 1);
    if (stem.empty()) continue;
    if (!IsLowerStart(stem)) {
      capitalised.insert(Lower(stem));
      continue;
    }
    if (!std::all_of(stem.begin(), stem.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '\'' || c == '-'; }))
      continue;
    std::vector<std::string> forms{stem};
    for (char f : flags) {
      auto it = rules.find(f);
      if (it == rules.end()) continue;
      for (const auto& r : it->second) {
        if (!std::regex_match(stem, r.condition)) continue;
        if (stem.size() < r.strip.size() || stem.compare(stem.size() - r.strip.size(), r.strip.size(), r.strip) != 0) continue;
        forms.push_back(stem.substr(0, stem.size() - r.strip.size()) + r.add);
      }
    }
    // Prefixes combine with every suffixed form ("test/K" gives "protest(s)").
    size_t plain = forms.size();
    for (char f : flags)
      if (auto p = prefixes.find(f); p != prefixes.end())
        for (size_t i = 0; i < plain; ++i) forms.push_back(p->second + forms[i]);
    lower.insert(forms.begin(), forms.end());
  }
  Words words;
  words.dictionary = lower;
  for (const auto& w : lower)
    if (!capitalised.count(w)) words.common.insert(w);
  return words;
}

std::vector<Actor> ReadActors(const fs::path& path) {
  std::vector<Actor> out;
  std::ifstream in(path);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      cols.push_back(line.substr(start, tab - start));
    cols.push_back(line.substr(start));
    if (cols.size() != 5) {
      std::cerr << "warning: " << path.string() << ":" << line_no << ": expected 5 columns\n";
      continue;
    }
    out.push_back({cols[0], cols[1], cols[2], Split(cols[3], '|'), Split(cols[4], ';')});
  }
  return out;
}

Curated LoadCurated(const fs::path& dir) {
  Curated c;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() > 11 && name.ends_with(".actors.tsv") && !IsGenerated(name)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    for (auto& a : ReadActors(f)) {
      c.keys.insert(AliasKey(a.name));
      for (const auto& alias : a.aliases) c.keys.insert(AliasKey(alias));
      c.actors.push_back(std::move(a));
    }
  return c;
}

void ReportCollisions(const fs::path& dir) {
  std::map<std::string, std::set<std::string>> owners;  // alias key -> canonical names
  std::map<std::string, int> names;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().ends_with(".actors.tsv")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    for (const auto& a : ReadActors(f)) {
      if (++names[a.name] == 2) std::cerr << "warning: canonical name listed twice: " << a.name << "\n";
      owners[AliasKey(a.name)].insert(a.name);
      for (const auto& alias : a.aliases) owners[AliasKey(alias)].insert(a.name);
    }
  int collisions = 0;
  for (const auto& [key, who] : owners) {
    if (who.size() < 2) continue;
    ++collisions;
    std::cerr << "warning: alias '" << key << "' names:";
    for (const auto& w : who) std::cerr << " [" << w << "]";
    std::cerr << "\n";
  }
  std::cerr << collisions << " alias collisions\n";
}

}  // namespace geokg::tools::lexicon
