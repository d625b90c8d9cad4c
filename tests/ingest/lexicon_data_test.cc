// Checks the built-in lexicon data files of ingest/data/ with a parser of its
// own (independent of the extractor's loader): column counts, kinds and
// relation types known to the ontology, every link / demonym / metonym target
// a canonical name, no duplicate canonical names, no alias naming two
// entities, no stray two-letter aliases, and the entries the reference
// article needs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/ontology.h"

namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = fs::path(GEOKG_SOURCE_DIR) / "ingest" / "data";

struct Row {
  std::string file;
  int line = 0;
  std::vector<std::string> cols;
};

std::vector<std::string> SplitOn(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at; (at = text.find(sep, start)) != std::string::npos; start = at + 1)
    out.push_back(text.substr(start, at - start));
  out.push_back(text.substr(start));
  return out;
}

// Data lines of a file: not empty, not a '#' comment; split on TAB.
std::vector<Row> ReadRows(const fs::path& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    rows.push_back({path.filename().string(), n, SplitOn(line, '\t')});
  }
  return rows;
}

std::string Where(const Row& r) { return r.file + ":" + std::to_string(r.line); }

std::vector<std::string> NonEmpty(const std::string& field, char sep) {
  std::vector<std::string> out;
  if (field.empty()) return out;
  for (auto& p : SplitOn(field, sep))
    if (!p.empty()) out.push_back(p);
  return out;
}

// Acronyms (no lower-case letter) match as written; other forms fold case.
std::string Key(const std::string& s) {
  bool has_lower = std::any_of(s.begin(), s.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  if (!has_lower) return s;
  std::string out = s;
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Lexicon {
  std::vector<Row> actors;                                // rows of every *.actors.tsv
  std::map<std::string, const Row*> by_name;              // canonical name -> row
  std::map<std::string, std::set<std::string>> aliases;   // alias key -> canonical names
};

const Lexicon& Load() {
  static const Lexicon lexicon = [] {
    Lexicon lx;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kDataDir))
      if (e.path().filename().string().ends_with(".actors.tsv")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      for (auto& r : ReadRows(f)) lx.actors.push_back(std::move(r));
    for (const auto& r : lx.actors) {
      if (r.cols.size() != 5) continue;
      lx.by_name.emplace(r.cols[0], &r);
      lx.aliases[Key(r.cols[0])].insert(r.cols[0]);
      for (const auto& a : NonEmpty(r.cols[3], '|')) lx.aliases[Key(a)].insert(r.cols[0]);
    }
    return lx;
  }();
  return lexicon;
}

std::vector<std::string> AliasesOf(const std::string& name) {
  const auto& lx = Load();
  auto it = lx.by_name.find(name);
  return it == lx.by_name.end() ? std::vector<std::string>{} : NonEmpty(it->second->cols[3], '|');
}

bool HasAlias(const std::string& name, const std::string& alias) {
  auto a = AliasesOf(name);
  return std::find(a.begin(), a.end(), alias) != a.end();
}

}  // namespace

TEST_CASE("actor files have five columns, known kinds and link types", "[ingest][lexicon]") {
  const auto& lx = Load();
  REQUIRE(lx.actors.size() > 1000);
  for (const auto& r : lx.actors) {
    INFO(Where(r));
    REQUIRE(r.cols.size() == 5);
    CHECK_FALSE(r.cols[0].empty());
    CHECK(geokg::graph::ParseKind(r.cols[1]).has_value());
    const std::string& country = r.cols[2];
    CHECK((country.empty() || (country.size() == 3 && std::all_of(country.begin(), country.end(), [](char c) {
                                 return std::isupper(static_cast<unsigned char>(c));
                               }))));
    for (const auto& link : NonEmpty(r.cols[4], ';')) {
      INFO(link);
      auto arrow = link.find('>');
      REQUIRE(arrow != std::string::npos);
      CHECK(geokg::graph::ParseRelationType(link.substr(0, arrow)).has_value());
      CHECK(lx.by_name.count(link.substr(arrow + 1)) == 1);
    }
  }
}

TEST_CASE("canonical names are unique and aliases name one entity", "[ingest][lexicon]") {
  const auto& lx = Load();
  std::map<std::string, std::string> seen;
  for (const auto& r : lx.actors) {
    auto [it, inserted] = seen.emplace(r.cols[0], Where(r));
    INFO(r.cols[0] << " at " << Where(r) << " and " << it->second);
    CHECK(inserted);
  }
  for (const auto& [key, owners] : lx.aliases) {
    INFO("alias " << key);
    CHECK(owners.size() == 1);
  }
}

TEST_CASE("no two-letter alias outside the allow-list", "[ingest][lexicon]") {
  // Short forms news prose uses; others ("IN", "IT", "AS") would wreck precision.
  const std::set<std::string> allowed = {"US", "UK", "UN", "EU", "AU", "IS", "AP", "Xi", "G7", "G8"};
  for (const auto& r : Load().actors)
    for (const auto& a : NonEmpty(r.cols[3], '|')) {
      INFO(Where(r) << ": " << a);
      if (a.size() <= 2) CHECK(allowed.count(a) == 1);
    }
}

TEST_CASE("countries cover ISO 3166-1 with the forms news uses", "[ingest][lexicon]") {
  auto rows = ReadRows(kDataDir / "countries.actors.tsv");
  CHECK(rows.size() >= 240);
  for (const auto& r : rows) CHECK(r.cols[1] == "country");
  CHECK(HasAlias("United States", "US"));
  CHECK(HasAlias("United States", "America"));
  CHECK(HasAlias("United Kingdom", "Britain"));
  CHECK(HasAlias("Iran", "Islamic Republic of Iran"));
  // A hyphenated name is also written with a space.
  CHECK(HasAlias("Guinea-Bissau", "Guinea Bissau"));
  CHECK(HasAlias("East Timor", "Timor Leste"));
  CHECK(Load().by_name.count("Iraq") == 1);
  CHECK(Load().by_name.count("Israel") == 1);
  // ISO codes that are English words are never aliases.
  for (const auto* code : {"IN", "IT", "AS", "CAN", "AND", "ARE", "PER", "TON"}) CHECK(Load().aliases.count(code) == 0);
}

TEST_CASE("demonyms and metonyms point at canonical names", "[ingest][lexicon]") {
  const auto& lx = Load();
  std::map<std::string, std::string> demonyms, metonyms;
  for (const auto& [file, table] : {std::pair{"demonyms.tsv", &demonyms}, std::pair{"metonyms.tsv", &metonyms}}) {
    auto rows = ReadRows(kDataDir / file);
    CHECK(rows.size() > 100);
    for (const auto& r : rows) {
      INFO(Where(r));
      REQUIRE(r.cols.size() == 2);
      CHECK(lx.by_name.count(r.cols[1]) == 1);
      auto [it, inserted] = table->emplace(r.cols[0], r.cols[1]);
      CHECK((inserted || it->second == r.cols[1]));
    }
  }
  CHECK(demonyms["Iranian"] == "Iran");
  CHECK(demonyms["Iraqi"] == "Iraq");
  CHECK(demonyms["American"] == "United States");
  CHECK(demonyms["British"] == "United Kingdom");
  CHECK(demonyms.count("Kurdish") == 0);
  CHECK(metonyms["Washington"] == "United States");
  CHECK(metonyms["Tehran"] == "Iran");
  CHECK(metonyms["Kremlin"] == "Russia");
  CHECK(metonyms["Pentagon"] == "United States Department of Defense");
  // Each country's capital also is a place located in it.
  const Row* baghdad = lx.by_name.at("Baghdad");
  CHECK(baghdad->cols[1] == "location");
  CHECK(baghdad->cols[4] == "located-in>Iraq");
}

TEST_CASE("titles have a known class and a leader flag", "[ingest][lexicon]") {
  const std::set<std::string> classes = {"head-of-state", "head-of-government", "minister", "official",
                                         "legislator",    "military",           "diplomat", "judicial",
                                         "party",         "royal",              "religious", "militant"};
  std::map<std::string, std::pair<std::string, std::string>> titles;
  for (const auto& r : ReadRows(kDataDir / "titles.tsv")) {
    INFO(Where(r));
    REQUIRE(r.cols.size() == 3);
    CHECK(classes.count(r.cols[1]) == 1);
    CHECK((r.cols[2] == "yes" || r.cols[2] == "no"));
    CHECK(titles.emplace(r.cols[0], std::pair{r.cols[1], r.cols[2]}).second);
  }
  CHECK(titles["Defence Secretary"].first == "minister");
  CHECK(titles["Defense Secretary"].first == "minister");
  CHECK(titles["President"] == std::pair<std::string, std::string>{"head-of-state", "yes"});
  CHECK(titles["Prime Minister"] == std::pair<std::string, std::string>{"head-of-government", "yes"});
  CHECK(titles.count("Gen.") == 1);
  CHECK(titles.count("Supreme Leader") == 1);
}

TEST_CASE("the reference article's actors are in the lexicon", "[ingest][lexicon]") {
  const auto& lx = Load();
  CHECK(HasAlias("Popular Mobilisation Forces", "PMF"));
  CHECK(lx.by_name.at("Popular Mobilisation Forces")->cols[1] == "armed-group");
  CHECK(HasAlias("United States Army", "US Army"));
  CHECK(HasAlias("United States Department of State", "State Department"));
  CHECK(lx.by_name.at("Mark Esper")->cols[1] == "person");
  CHECK(HasAlias("Donald Trump", "Trump"));
  CHECK(lx.by_name.at("Kirkuk")->cols[4] == "located-in>Iraq");
  CHECK(lx.by_name.at("Reuters")->cols[1] == "media");
  CHECK(lx.by_name.at("Islamic Revolutionary Guard Corps")->cols[1] == "military-unit");
}

TEST_CASE("current heads of state and government carry their country", "[ingest][lexicon]") {
  // News names them without their country ("President Gustavo Petro said"):
  // the lexicon country is what makes the title a member-of/leader-of edge.
  const auto& lx = Load();
  CHECK(lx.by_name.at("Gustavo Petro")->cols[2] == "COL");
  CHECK(lx.by_name.at("Nikol Pashinyan")->cols[2] == "ARM");
  CHECK(lx.by_name.at("Lai Ching-te")->cols[2] == "TWN");
  CHECK(HasAlias("Assimi Goita", "Assimi Goïta"));
  CHECK(lx.by_name.at("Kim Jong Un")->cols[2] == "PRK");
  // Recent armed groups, commands and coalitions named in current news.
  CHECK(HasAlias("Ta'ang National Liberation Army", "TNLA"));
  CHECK(lx.by_name.at("Three Brotherhood Alliance")->cols[1] == "armed-group");
  CHECK(HasAlias("United States Forces Korea", "USFK"));
  CHECK(lx.by_name.at("China Coast Guard")->cols[4] == "part-of>China");
  CHECK(lx.by_name.at("Alliance of Sahel States")->cols[1] == "international-org");
}

TEST_CASE("common words are lower-case English words, not names", "[ingest][lexicon]") {
  std::set<std::string> words;
  std::ifstream in(kDataDir / "common-words.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') words.insert(line);
  CHECK(words.size() > 50000);
  for (const auto* w : {"the", "attack", "attacks", "deployed", "protest", "protesters"}) {
    INFO(w);
    CHECK(words.count(w) == 1);
  }
  for (const auto* w : {"iraq", "baghdad", "china"}) CHECK(words.count(w) == 0);
}

TEST_CASE("provinces and states of ISO 3166-2 are places in their country", "[ingest][lexicon]") {
  const auto& lx = Load();
  // Folded to ASCII, the written form kept as an alias.
  REQUIRE(lx.by_name.count("Faryab") == 1);
  CHECK(lx.by_name.at("Faryab")->cols[1] == "location");
  CHECK(lx.by_name.at("Faryab")->cols[2] == "AFG");
  CHECK(lx.by_name.at("Faryab")->cols[4] == "located-in>Afghanistan");
  CHECK(HasAlias("Faryab", "F\u0101ry\u0101b"));
  CHECK(lx.by_name.at("Ituri")->cols[4] == "located-in>Democratic Republic of the Congo");
  // Left out: a name of two countries' subdivisions, a one-word English word,
  // a word of a person's name, and names another file has.
  CHECK(lx.by_name.count("Amazonas") == 0);
  CHECK(lx.by_name.count("Central") == 0);
  CHECK(lx.by_name.count("Kerry") == 0);
  CHECK(lx.by_name.count("Nord-Kivu") == 0);  // curated as "North Kivu"
  CHECK(lx.aliases.at("kabul").size() == 1);
}
