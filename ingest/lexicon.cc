// Lexicon loading and the pattern table; see lexicon.h.
#include "ingest/lexicon.h"

#include <algorithm>
#include <atomic>
#include <unordered_set>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/ids.h"
#include "ingest/data_file.h"
#include "graph/ontology.h"
#include "ingest/text.h"

namespace geokg::ingest {

// Open-addressing hash table from 64-bit keys to 32-bit payloads (linear
// probing, power-of-two capacity, key 0 marks an empty slot). Built once,
// then read-only.
class Lexicon::KeyTable {
 public:
  void Build(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
    size_t cap = 16;
    while (cap < items.size() * 2 + 1) cap <<= 1;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{});
    for (const auto& [k, v] : items) {
      uint64_t key = k ? k : 1;
      size_t i = Mix(key) & mask_;
      while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
      slots_[i].key = key;
      slots_[i].value = v;
    }
  }
  // Payload of `key`, or nullptr.
  const uint32_t* Find(uint64_t k) const {
    if (slots_.empty()) return nullptr;
    uint64_t key = k ? k : 1;
    size_t i = Mix(key) & mask_;
    for (;;) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }

 private:
  // Key and payload side by side: one cache line per probe.
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };
  static size_t Mix(uint64_t k) { return static_cast<size_t>(k ^ (k >> 31)); }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

namespace {


std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits on `sep` (no trimming).
void Split(std::string_view s, char sep, std::vector<std::string_view>* out) {
  out->clear();
  size_t b = 0;
  for (;;) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) {
      out->push_back(s.substr(b));
      return;
    }
    out->push_back(s.substr(b, e - b));
    b = e + 1;
  }
}

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Where(std::string_view file, size_t line) { return std::string(file) + ":" + std::to_string(line); }


}  // namespace

Lexicon::Lexicon() : agent_table_(std::make_unique<KeyTable>()), nodes_(std::make_unique<KeyTable>()) {
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial.fetch_add(1);
}
Lexicon::~Lexicon() = default;

Status Lexicon::AddFile(std::string_view file_name, std::string_view contents) {
  std::string base = BaseName(file_name);
  if (EndsWith(base, ".actors.tsv")) return AddActors(file_name, contents);
  if (base == "demonyms.tsv") return AddPairs(file_name, contents, LexKind::kDemonym);
  if (base == "metonyms.tsv") return AddPairs(file_name, contents, LexKind::kMetonym);
  if (base == "titles.tsv") return AddTitles(file_name, contents);
  if (base == "common-words.txt") return AddCommonWords(contents);
  if (base == "agents.tsv") return AddAgents(file_name, contents);
  return Status::Ok();
}

Status Lexicon::AddActors(std::string_view file, std::string_view contents) {
  std::vector<std::string_view> cols, parts;
  return ForEachDataLine(contents, [&](size_t line_no, std::string_view line) -> Status {
    Split(line, '\t', &cols);
    if (cols.size() < 2 || cols.size() > 5)
      return Status::InvalidInput(Where(file, line_no) + ": expected 2 to 5 TAB-separated fields (name, kind, country, aliases, links), found " +
                                  std::to_string(cols.size()));
    std::string_view name = Trim(cols[0]);
    if (name.empty()) return Status::InvalidInput(Where(file, line_no) + ": empty name");
    std::string_view kind_text = Trim(cols[1]);
    std::optional<graph::EntityKind> kind = graph::ParseKind(kind_text);
    if (!kind) {
      std::string msg = Where(file, line_no) + ": unknown kind '" + std::string(kind_text) + "'";
      std::string hint = graph::SuggestKind(kind_text);
      if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
      return Status::InvalidInput(msg);
    }
    std::string_view country = cols.size() > 2 ? Trim(cols[2]) : std::string_view();
    if (!country.empty() && (country.size() != 3 || !IsUpperToken(country)))
      return Status::InvalidInput(Where(file, line_no) + ": country must be an ISO 3166 alpha-3 code, found '" +
                                  std::string(country) + "'");
    std::string key = graph::NormalizeName(name);
    uint32_t index;
    auto it = by_name_.find(key);
    if (it == by_name_.end()) {
      index = static_cast<uint32_t>(entries_.size());
      entries_.emplace_back();
      Entry& e = entries_.back();
      e.name = std::string(name);
      e.id = graph::EntityIdFor(name);
      by_name_.emplace(key, index);
      by_alias_[key] = index;
      AddPattern(name, LexValue{LexKind::kEntity, false, index, 0});
    } else {
      index = it->second;
    }
    Entry& e = entries_[index];
    e.kind = *kind;
    if (!country.empty()) {
      e.country = std::string(country);
      if (*kind == graph::EntityKind::kCountry) by_code_.emplace(e.country, index);
    }
    if (cols.size() > 3) {
      Split(cols[3], '|', &parts);
      for (std::string_view a : parts) {
        a = Trim(a);
        if (a.empty()) continue;
        if (std::find(e.aliases.begin(), e.aliases.end(), a) != e.aliases.end()) continue;
        e.aliases.emplace_back(a);
        by_alias_[graph::NormalizeName(a)] = index;
        AddPattern(a, LexValue{LexKind::kEntity, false, index, 0});
      }
    }
    if (cols.size() > 4) {
      Split(cols[4], ';', &parts);
      for (std::string_view l : parts) {
        l = Trim(l);
        if (l.empty()) continue;
        size_t gt = l.find('>');
        if (gt == std::string_view::npos)
          return Status::InvalidInput(Where(file, line_no) + ": link '" + std::string(l) +
                                      "' is not 'relation-type>Canonical Target'");
        std::string_view type_text = Trim(l.substr(0, gt));
        std::string_view target = Trim(l.substr(gt + 1));
        std::optional<graph::RelationType> type = graph::ParseRelationType(type_text);
        if (!type || target.empty()) {
          std::string msg = Where(file, line_no) + ": bad link '" + std::string(l) + "'";
          if (!type) {
            std::string hint = graph::SuggestRelationType(type_text);
            msg += ": unknown relation type '" + std::string(type_text) + "'";
            if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
          }
          return Status::InvalidInput(msg);
        }
        bool dup = false;
        for (const Link& x : e.links) dup |= x.type == *type && x.target == target;
        if (!dup) e.links.push_back(Link{*type, std::string(target)});
      }
    }
    return Status::Ok();
  });
}

Status Lexicon::AddPairs(std::string_view file, std::string_view contents, LexKind kind) {
  std::vector<std::string_view> cols;
  return ForEachDataLine(contents, [&](size_t line_no, std::string_view line) -> Status {
    Split(line, '\t', &cols);
    if (cols.size() != 2 || Trim(cols[0]).empty() || Trim(cols[1]).empty())
      return Status::InvalidInput(Where(file, line_no) + ": expected 'word<TAB>canonical entity'");
    pending_.push_back(PendingRef{kind, std::string(Trim(cols[0])), std::string(Trim(cols[1])), Where(file, line_no)});
    return Status::Ok();
  });
}

Status Lexicon::AddTitles(std::string_view file, std::string_view contents) {
  std::vector<std::string_view> cols;
  return ForEachDataLine(contents, [&](size_t line_no, std::string_view line) -> Status {
    Split(line, '\t', &cols);
    if (cols.size() < 1 || cols.size() > 3 || Trim(cols[0]).empty())
      return Status::InvalidInput(Where(file, line_no) + ": expected 'title<TAB>class<TAB>leader(yes|no)'");
    std::string_view leader = cols.size() > 2 ? Trim(cols[2]) : std::string_view("no");
    if (leader != "yes" && leader != "no")
      return Status::InvalidInput(Where(file, line_no) + ": leader must be 'yes' or 'no', found '" +
                                  std::string(leader) + "'");
    uint32_t index = static_cast<uint32_t>(titles_.size());
    titles_.push_back(Title{std::string(Trim(cols[0])), cols.size() > 1 ? std::string(Trim(cols[1])) : "",
                            leader == "yes"});
    AddPattern(titles_.back().title, LexValue{LexKind::kTitle, false, index, 0});
    return Status::Ok();
  });
}

Status Lexicon::AddCommonWords(std::string_view contents) {
  return ForEachDataLine(contents, [&](size_t, std::string_view line) -> Status {
    std::string_view w = Trim(line);
    building_common_.push_back(TokenKey(w));
    return Status::Ok();
  });
}

Status Lexicon::AddAgents(std::string_view file, std::string_view contents) {
  std::vector<std::string_view> cols;
  DocAnalysis tmp;
  return ForEachDataLine(contents, [&](size_t line_no, std::string_view line) -> Status {
    Split(line, '\t', &cols);
    std::string_view phrase = cols.empty() ? std::string_view() : Trim(cols[0]);
    std::string_view code = cols.size() == 2 ? Trim(cols[1]) : std::string_view();
    if (cols.size() != 2 || phrase.empty() || code.size() < 3 || !IsUpperToken(code))
      return Status::InvalidInput(Where(file, line_no) +
                                  ": expected 'phrase<TAB>CODE' (a CAMEO agent code such as COP)");
    AnalyzeText(phrase, &tmp);
    if (tmp.tokens.empty()) return Status::Ok();
    const uint32_t n = static_cast<uint32_t>(std::min<size_t>(tmp.tokens.size(), 16));
    uint64_t key = kChainSeed;
    for (uint32_t j = 0; j < n; ++j) {
      if (j > 0) agent_nodes_[key].has_children = true;
      key = ChainKey(key, TokenKey(tmp.TokenText(j)));
    }
    AgentNode& node = agent_nodes_[key];
    std::string lower(phrase);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c += 32;
    if (node.agent >= 0) {
      agents_[node.agent].code = std::string(code);  // a later file corrects the code
    } else {
      node.agent = static_cast<int32_t>(agents_.size());
      agents_.push_back(Agent{std::move(lower), std::string(code)});
    }
    building_agent_starts_.push_back(TokenKey(tmp.TokenText(0)));
    return Status::Ok();
  });
}

uint32_t Lexicon::LongestAgent(const DocAnalysis& doc, uint32_t first, uint32_t end, const uint64_t* keys,
                               uint32_t* agent) const {
  uint32_t best = 0;
  uint64_t key = kChainSeed;
  for (uint32_t i = first; i < end && i < first + 16; ++i) {
    if (doc.tokens[i].flags & kTokPunct) break;
    key = ChainKey(key, keys ? keys[i] : TokenKey(doc.TokenText(i)));
    const uint32_t* rec = agent_table_->Find(key);
    if (rec == nullptr) break;
    const AgentNode& node = agent_recs_[*rec];
    if (node.agent >= 0) {
      best = i - first + 1;
      *agent = static_cast<uint32_t>(node.agent);
    }
    if (!node.has_children) break;
  }
  return best;
}

void Lexicon::AddPattern(std::string_view text, LexValue value) {
  DocAnalysis tmp;
  AnalyzeText(text, &tmp);
  if (tmp.tokens.empty()) return;
  uint32_t n = static_cast<uint32_t>(std::min<size_t>(tmp.tokens.size(), 32));
  bool upper = true;
  int letters = 0;
  uint64_t key = kChainSeed;
  for (uint32_t j = 0; j < n; ++j) {
    std::string_view w = tmp.TokenText(j);
    if (tmp.tokens[j].flags & kTokCapitalized) value.capital_mask |= 1u << j;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') upper = false;
      if ((c | 32) >= 'a' && (c | 32) <= 'z') ++letters;
    }
    if (j > 0) prefix_keys_.push_back(key);
    key = ChainKey(key, TokenKey(w));
  }
  value.upper_only = upper && letters >= 2;
  value.title_acronym = value.upper_only && n == 1 && letters >= 4 && value.kind == LexKind::kEntity;
  if (value.kind == LexKind::kTitle) value.capital_mask = 0;
  std::vector<LexValue>& vals = building_[key];
  for (LexValue& v : vals)
    if (v.kind == value.kind && v.index == value.index && v.upper_only == value.upper_only) {
      // The same words written in two cases ("Al-Qaeda", "al-Qaeda"): a
      // capital is needed only where every spelling has one.
      v.capital_mask &= value.capital_mask;
      return;
    }
  vals.push_back(value);
}

Status Lexicon::Finish() {
  for (const PendingRef& r : pending_) {
    const Entry* e = FindAlias(r.target);
    if (e == nullptr)
      return Status::InvalidInput(r.where + ": unknown entity '" + r.target + "' (not a canonical name or alias in any *.actors.tsv)");
    AddPattern(r.word, LexValue{r.kind, false, IndexOf(e), 0});
  }
  // Adjective demonyms: the first demonym of an entry that is not the plural
  // of another of its demonyms.
  adjective_demonym_.assign(entries_.size(), std::string());
  for (const PendingRef& r : pending_) {
    if (r.kind != LexKind::kDemonym) continue;
    uint32_t index = IndexOf(FindAlias(r.target));
    std::string& adj = adjective_demonym_[index];
    if (!adj.empty()) continue;
    bool plural = false;
    if (r.word.size() > 2 && r.word.back() == 's')
      for (const PendingRef& o : pending_)
        plural |= o.kind == LexKind::kDemonym && o.target == r.target &&
                  std::string_view(o.word) == std::string_view(r.word).substr(0, r.word.size() - 1);
    if (!plural) adj = r.word;
  }
  pending_.clear();
  // Surnames: the last word of each person's canonical name, unless it is a
  // common word.
  std::unordered_set<uint64_t> common(building_common_.begin(), building_common_.end());
  by_surname_.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.kind != graph::EntityKind::kPerson) continue;
    size_t sp = e.name.find_last_of(' ');
    std::string_view last = sp == std::string::npos ? std::string_view(e.name) : std::string_view(e.name).substr(sp + 1);
    if (last.size() < 3 || last.back() == '.') continue;
    // A patronymic ("Rashid Ahmed bin Fahd": son of Fahd) is no surname:
    // "King Fahd" must not resolve to the son.
    if (sp != std::string::npos) {
      std::string_view before = std::string_view(e.name).substr(0, sp);
      size_t sp2 = before.find_last_of(' ');
      std::string_view prev = sp2 == std::string_view::npos ? before : before.substr(sp2 + 1);
      if (prev == "bin" || prev == "ibn" || prev == "bint" || prev == "ben" || prev == "Bin" || prev == "Ibn" ||
          prev == "Ben" || prev == "abu" || prev == "Abu" || prev == "ould" || prev == "Ould")
        continue;
    }
    uint64_t key = TokenKey(last);
    if (common.count(key)) continue;
    by_surname_[key].push_back(i);
  }
  // Flatten: values of each key contiguous, the latest added first.
  std::vector<std::pair<uint64_t, uint32_t>> items;
  std::vector<Node>& recs = node_recs_;
  std::unordered_map<uint64_t, uint32_t> rec_of;
  auto rec_for = [&](uint64_t key) -> Node& {
    auto [it, inserted] = rec_of.emplace(key, static_cast<uint32_t>(recs.size()));
    if (inserted) recs.push_back(Node{});
    return recs[it->second];
  };
  for (auto& [key, vals] : building_) {
    Node& r = rec_for(key);
    r.first = static_cast<uint32_t>(values_.size());
    r.count = static_cast<uint16_t>(std::min<size_t>(vals.size(), 65535));
    for (size_t i = vals.size(); i-- > 0;) values_.push_back(vals[i]);
  }
  // "Care", "Mend": an acronym that is also a word keeps its capitals.
  for (uint64_t k : building_common_) {
    auto it = building_.find(ChainKey(kChainSeed, k));
    if (it == building_.end()) continue;
    const Node& r = recs[rec_of.at(it->first)];
    for (uint32_t v = r.first; v < r.first + r.count; ++v) values_[v].title_acronym = false;
  }
  for (uint64_t key : prefix_keys_) rec_for(key).has_children = true;
  // Common words share the table: one probe per token tells both.
  for (uint64_t k : building_common_) rec_for(ChainKey(kChainSeed, k)).common = true;
  for (uint64_t k : building_agent_starts_) rec_for(ChainKey(kChainSeed, k)).agent = true;
  items.reserve(rec_of.size());
  for (auto& [key, idx] : rec_of) items.emplace_back(key, idx);
  nodes_->Build(items);
  items.clear();
  agent_recs_.clear();
  for (const auto& [key, node] : agent_nodes_) {
    items.emplace_back(key, static_cast<uint32_t>(agent_recs_.size()));
    agent_recs_.push_back(node);
  }
  agent_table_->Build(items);
  building_.clear();
  prefix_keys_.clear();
  items.clear();
  building_common_.clear();
  building_agent_starts_.clear();
  finished_ = true;
  return Status::Ok();
}

namespace {

// "Nato": an upper-case letter, then only lower-case ones.
bool IsTitleCaseWord(std::string_view w) {
  if (w.size() < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  for (size_t i = 1; i < w.size(); ++i)
    if (!(w[i] >= 'a' && w[i] <= 'z')) return false;
  return true;
}

}  // namespace

bool Lexicon::CaseOkWord(const LexValue& v, std::string_view w) {
  if (v.upper_only) return IsUpperToken(w) || (v.title_acronym && IsTitleCaseWord(w));
  if ((v.capital_mask & 1) && !(w[0] >= 'A' && w[0] <= 'Z') && static_cast<unsigned char>(w[0]) < 0x80) return false;
  return true;
}

bool Lexicon::CaseOk(const LexValue& v, const DocAnalysis& doc, uint32_t first, uint32_t length) const {
  if (v.upper_only) {
    if (v.title_acronym && length == 1 && IsTitleCaseWord(doc.TokenText(first))) return true;
    for (uint32_t j = first; j < first + length; ++j)
      if (!(doc.tokens[j].flags & kTokPunct) && !IsUpperToken(doc.TokenText(j))) return false;
    return true;
  }
  if (v.kind == LexKind::kTitle) return true;
  uint32_t mask = v.capital_mask;
  for (uint32_t j = first; mask != 0 && j < first + length; ++j, mask >>= 1)
    if ((mask & 1) && !(doc.tokens[j].flags & kTokCapitalized)) return false;
  return true;
}

int32_t Lexicon::FirstNode(uint64_t token_key) const {
  const uint32_t* rec = nodes_->Find(ChainKey(kChainSeed, token_key));
  return rec ? static_cast<int32_t>(*rec) : -1;
}

Lexicon::Match Lexicon::LongestMatch(const DocAnalysis& doc, uint32_t first, uint32_t end, const uint64_t* keys,
                                     const Node* first_nodes) const {
  Match best;
  uint64_t key = kChainSeed;
  for (uint32_t i = first; i < end; ++i) {
    key = ChainKey(key, keys ? keys[i] : TokenKey(doc.TokenText(i)));
    const Node* node_ptr;
    if (i == first && first_nodes != nullptr) {
      node_ptr = &first_nodes[i];  // an empty Node (no values, no children) where none
    } else {
      const uint32_t* rec = nodes_->Find(key);
      if (rec == nullptr) break;
      node_ptr = &node_recs_[*rec];
    }
    const Node& node = *node_ptr;
    if (node.count > 0) {
      const LexValue* vals = &values_[node.first];
      for (uint32_t k = 0; k < node.count; ++k) {
        const LexValue& v = vals[k];
        if (CaseOk(v, doc, first, i - first + 1)) {
          best.length = i - first + 1;
          best.values = vals;
          best.count = node.count;
          break;
        }
      }
    }
    if (!node.has_children) break;
  }
  return best;
}

Lexicon::Match Lexicon::MatchWord(std::string_view word) const {
  Match m;
  if (word.empty()) return m;
  const uint32_t* rec = nodes_->Find(ChainKey(kChainSeed, TokenKey(word)));
  if (rec == nullptr) return m;
  const Node& node = node_recs_[*rec];
  if (node.count == 0) return m;
  m.length = 1;
  m.values = &values_[node.first];
  m.count = node.count;
  return m;
}

bool Lexicon::IsCommonKey(uint64_t key) const {
  int32_t n = FirstNode(key);
  return n >= 0 && node_recs_[n].common;
}
bool Lexicon::IsCommonWord(std::string_view w) const { return IsCommonKey(TokenKey(w)); }

const Lexicon::Entry* Lexicon::FindCanonical(std::string_view name) const {
  auto it = by_name_.find(graph::NormalizeName(name));
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

const Lexicon::Entry* Lexicon::FindAlias(std::string_view name) const {
  auto it = by_alias_.find(graph::NormalizeName(name));
  return it == by_alias_.end() ? nullptr : &entries_[it->second];
}

const std::vector<uint32_t>* Lexicon::PeopleWithSurname(uint64_t surname_key) const {
  auto it = by_surname_.find(surname_key);
  return it == by_surname_.end() ? nullptr : &it->second;
}

std::string_view Lexicon::AdjectiveDemonym(const Entry& e) const {
  uint32_t index = IndexOf(&e);
  return index < adjective_demonym_.size() ? std::string_view(adjective_demonym_[index]) : std::string_view();
}

const Lexicon::Entry* Lexicon::CountryByCode(std::string_view iso3) const {
  auto it = by_code_.find(std::string(iso3));
  return it == by_code_.end() ? nullptr : &entries_[it->second];
}

namespace {

Status LoadDir(const std::string& dir, Lexicon* lex) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": lexicon directory not found");
  std::vector<std::string> files;
  for (const auto& de : std::filesystem::directory_iterator(dir, ec)) {
    if (!de.is_regular_file(ec)) continue;
    files.push_back(de.path().string());
  }
  if (ec) return Status::Storage(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  // Actors first, so that demonyms and metonyms can refer to them in any
  // file order; Finish() resolves references after every directory.
  std::stable_partition(files.begin(), files.end(), [](const std::string& f) { return EndsWith(f, ".actors.tsv"); });
  for (const std::string& f : files) {
    std::string base = BaseName(f);
    if (!(EndsWith(base, ".actors.tsv") || base == "demonyms.tsv" || base == "metonyms.tsv" ||
          base == "titles.tsv" || base == "common-words.txt" || base == "agents.tsv"))
      continue;
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::Storage(f + ": cannot read");
    std::stringstream ss;
    ss << in.rdbuf();
    Status s = lex->AddFile(f, ss.str());
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status LoadLexiconDirs(const std::vector<std::string>& dirs, std::shared_ptr<const Lexicon>* out) {
  auto lex = std::make_shared<Lexicon>();
  for (const std::string& d : dirs) {
    Status s = LoadDir(d, lex.get());
    if (!s.ok()) return s;
  }
  Status s = lex->Finish();
  if (!s.ok()) return s;
  *out = std::move(lex);
  return Status::Ok();
}

Status LoadLexicon(const std::vector<std::string>& extra_dirs, std::shared_ptr<const Lexicon>* out) {
  std::string builtin;
#ifdef GEOKG_DATA_DIR
  builtin = GEOKG_DATA_DIR;
#endif
  if (const char* env = std::getenv("GEOKG_DATA_DIR"); env != nullptr && *env != '\0') builtin = env;
  std::vector<std::string> dirs;
  std::error_code ec;
  if (!builtin.empty() && (std::filesystem::is_directory(builtin, ec) || extra_dirs.empty())) dirs.push_back(builtin);
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  return LoadLexiconDirs(dirs, out);
}

}  // namespace geokg::ingest
