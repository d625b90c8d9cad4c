#include "tools/entity/suggest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

#include "graph/ids.h"
#include "graph/names.h"
#include "graph/ontology.h"

namespace geokg::tools::entity {
namespace {

using graph::Entity;
using graph::EntityKind;

// Words dropped from compared names: generational suffixes, and Arabic
// articles written apart inside a name ("Rafik al-Hariri" is "Rafik
// Hariri"; a name's first word stays: "El-Baradei" is "ElBaradei").
constexpr std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii", "iv"};
constexpr std::string_view kArticles[] = {"al", "el", "ul"};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
// "May" is left out: it ends real names ("Theresa May").
constexpr std::string_view kMonths[] = {"january", "february",  "march",   "april",    "june",    "july",
                                        "august",  "september", "october", "november", "december"};
// Titles that news writes after a name ("..., Smith spokesman said").
constexpr std::string_view kTrailingTitles[] = {
    "president", "minister",   "secretary",  "spokesman", "spokeswoman", "spokesperson", "chairman",
    "leader",    "envoy",      "ambassador", "governor",  "senator",     "mayor",        "chief",
    "premier",   "chancellor", "commander",  "official",  "said",        "says"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Transliteration rewrites of one lower-case ASCII word (see FoldName).
std::string FoldWord(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size();) {
    auto at = [&](std::string_view s) { return w.substr(i, s.size()) == s; };
    if (at("tsch")) {
      out += "ch";
      i += 4;
    } else if (at("tch")) {
      out += "ch";
      i += 3;
    } else if (at("ch")) {
      out += "ch";
      i += 2;
    } else if (at("kh")) {
      out += 'h';
      i += 2;
    } else if (at("ph")) {
      out += 'f';
      i += 2;
    } else if (at("ou")) {
      out += 'u';
      i += 2;
    } else if (at("ck")) {
      out += 'k';
      i += 2;
    } else {
      char c = w[i++];
      switch (c) {
        case 'y':
        case 'j':
          c = 'i';
          break;
        case 'w':
          c = 'v';
          break;
        case 'q':
        case 'c':
          c = 'k';
          break;
        default:
          break;
      }
      out += c;
    }
  }
  // Runs of one letter become one ("Allawi", "Hariri" / "Harriri").
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Shared by NameWords and FoldName: the SearchKey words, with suffixes and
// articles dropped and a fused article before a consonant split off a later word
// ("Mohamed ElBaradei" is "Mohamed Baradei").
std::vector<std::string> SplitName(std::string_view name) {
  std::string key = graph::SearchKey(name);
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string w = key.substr(start, end - start);
    start = end + 1;
    if (w.empty() || InList(kSuffixes, w) || (!words.empty() && InList(kArticles, w))) continue;
    if (!words.empty() && w.size() >= 6 && (w.starts_with("el") || w.starts_with("al")) && !IsVowel(w[2]) &&
        w[2] != w[1] && w[2] != 'h')
      w.erase(0, 2);
    words.push_back(std::move(w));
  }
  return words;
}

// Strength of two given words agreeing: 1 equal, 0.75 an initial or a
// prefix of three or more letters, 0 otherwise.
double WordsAgree(const std::string& a, const std::string& b) {
  if (a == b) return 1;
  const std::string& s = a.size() <= b.size() ? a : b;
  const std::string& l = a.size() <= b.size() ? b : a;
  if (s.size() == 1 && l[0] == s[0]) return 0.75;
  if (s.size() >= 3 && l.compare(0, s.size(), s) == 0) return 0.75;
  return 0;
}

// Variants keep each word's first sound: the first letters of the words
// agree pairwise (vowels with vowels: "Ayad" / "Iyad"), so "Western
// Europe" is no variant of "Eastern Europe". Names of different word
// counts compare their first letters only.
bool InitialsAgree(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = SplitName(a), wb = SplitName(b);
  if (wa.empty() || wb.empty()) return false;
  if (wa.size() != wb.size()) {
    wa.resize(1);
    wb.resize(1);
  }
  for (size_t k = 0; k < wa.size(); ++k) {
    char x = FoldWord(wa[k])[0], y = FoldWord(wb[k])[0];
    if (x != y && !(IsVowel(x) && IsVowel(y))) return false;
  }
  return true;
}

bool CountriesCompatible(const Entity& a, const Entity& b) {
  return a.country.empty() || b.country.empty() || a.country == b.country;
}

// Which of two entities the other should fold into: the one the lexicon
// knows (it has a country; a name found in text has none), then, for the
// surname signal, the fuller name, then more mentions, more aliases, the
// longer name and name order, so the choice is deterministic.
bool PreferFirst(const Entity& a, const Entity& b, bool fuller_name_first) {
  if (a.country.empty() != b.country.empty()) return !a.country.empty();
  if (fuller_name_first) {
    size_t wa = NameWords(a.name).size(), wb = NameWords(b.name).size();
    if (wa != wb) return wa > wb;
  }
  if (a.mentions != b.mentions) return a.mentions > b.mentions;
  if (a.aliases.size() != b.aliases.size()) return a.aliases.size() > b.aliases.size();
  if (a.name.size() != b.name.size()) return a.name.size() > b.name.size();
  return a.name < b.name;
}

class Suggester {
 public:
  Suggester(const graph::GraphData& data, const SuggestOptions& options) : data_(data), options_(options) {
    const auto& es = data_.entities;
    std::unordered_map<graph::EntityId, uint32_t> index;
    index.reserve(es.size());
    for (uint32_t i = 0; i < es.size(); ++i) index.emplace(es[i].id, i);
    neighbours_.resize(es.size());
    for (const auto& r : data_.relations) {
      auto s = index.find(r.key.source), t = index.find(r.key.target);
      if (s == index.end() || t == index.end() || s->second == t->second) continue;
      neighbours_[s->second].push_back(t->second);
      neighbours_[t->second].push_back(s->second);
    }
    for (auto& n : neighbours_) {
      std::sort(n.begin(), n.end());
      n.erase(std::unique(n.begin(), n.end()), n.end());
    }
  }

  std::vector<MergeCandidate> Run() {
    SameSurname();
    Transliterations();
    TrailingWords();
    std::vector<MergeCandidate> out;
    out.reserve(best_.size() + renames_.size());
    for (auto& [pair, c] : best_) out.push_back(std::move(c));
    for (auto& c : renames_) out.push_back(std::move(c));
    for (auto& c : out) Score(&c);
    const auto& es = data_.entities;
    std::sort(out.begin(), out.end(), [&](const MergeCandidate& a, const MergeCandidate& b) {
      if (a.score != b.score) return a.score > b.score;
      const std::string& ka = a.keep ? es[*a.keep].name : a.clean_name;
      const std::string& kb = b.keep ? es[*b.keep].name : b.clean_name;
      if (ka != kb) return ka < kb;
      return es[a.drop].name < es[b.drop].name;
    });
    return out;
  }

 private:
  bool Wanted(const Entity& a, const Entity& b) const {
    if (!KindsCompatible(a.kind, b.kind) || !CountriesCompatible(a, b)) return false;
    return !options_.kind || a.kind == *options_.kind || b.kind == *options_.kind;
  }

  // Records the pair (i, j) unless it already has a stronger signal.
  void Offer(uint32_t i, uint32_t j, MergeSignal signal, double strength, std::string reason,
             bool fuller_first) {
    const auto& es = data_.entities;
    if (!PreferFirst(es[i], es[j], fuller_first)) std::swap(i, j);
    auto key = std::minmax(i, j);
    auto it = best_.find(key);
    if (it != best_.end() && it->second.strength >= strength) return;
    MergeCandidate c;
    c.keep = i;
    c.drop = j;
    c.signal = signal;
    c.strength = strength;
    c.reason = std::move(reason);
    best_[key] = std::move(c);
  }

  void SameSurname() {
    const auto& es = data_.entities;
    std::unordered_map<std::string, std::vector<uint32_t>> by_surname;
    std::vector<std::vector<std::string>> words(es.size());
    for (uint32_t i = 0; i < es.size(); ++i) {
      if (es[i].kind != EntityKind::kPerson) continue;
      words[i] = NameWords(es[i].name);
      for (auto& w : words[i]) w = FoldWord(w);
      if (words[i].empty() || words[i].back().size() < 3) continue;
      by_surname[words[i].back()].push_back(i);
    }
    for (auto& [surname, block] : by_surname) {
      if (block.size() < 2 || block.size() > options_.max_block) continue;
      // A bare surname shared by several full names is ambiguous: its
      // strength is divided among them.
      size_t full_names = 0;
      for (uint32_t i : block) full_names += words[i].size() > 1;
      for (size_t x = 0; x < block.size(); ++x)
        for (size_t y = x + 1; y < block.size(); ++y) {
          const uint32_t i = block[x], j = block[y];
          if (!Wanted(es[i], es[j])) continue;
          std::vector<std::string> gi(words[i].begin(), words[i].end() - 1);
          std::vector<std::string> gj(words[j].begin(), words[j].end() - 1);
          if (gi == gj) continue;  // one folded name: the transliteration signal's
          double s = GivenNamesCompatible(gi, gj);
          if (s == 0) continue;
          std::string reason;
          if (gi.empty() || gj.empty()) {
            const std::string& bare = gi.empty() ? es[i].name : es[j].name;
            reason = "surname only";
            if (full_names > 1) {
              s /= static_cast<double>(full_names);
              reason += "; " + std::to_string(full_names) + " people named " + bare;
            }
          } else {
            reason =
                s >= 0.9 ? "same surname, a middle name missing" : "same surname, first name abbreviated";
          }
          if (!es[i].country.empty() && es[i].country == es[j].country) reason += ", both " + es[i].country;
          Offer(i, j, MergeSignal::kSameSurname, s, std::move(reason), true);
        }
    }
  }

  void Transliterations() {
    const auto& es = data_.entities;
    std::vector<std::string> keys(es.size());
    std::unordered_map<std::string, std::vector<uint32_t>> blocks;
    for (uint32_t i = 0; i < es.size(); ++i) {
      if (options_.kind && !KindsCompatible(es[i].kind, *options_.kind)) continue;
      keys[i] = FoldName(es[i].name);
      const std::string& k = keys[i];
      if (k.size() < 3) continue;
      blocks[k].push_back(i);
      if (AllowedEdits(k.size()) == 0) continue;
      // One deletion each side finds every pair one edit apart (and some
      // two apart); AllowedEdits decides.
      for (size_t d = 0; d < k.size(); ++d) {
        std::string v = k;
        v.erase(d, 1);
        if (d > 0 && k[d] == k[d - 1]) continue;  // same variant as d - 1
        blocks[v].push_back(i);
      }
    }
    for (auto& [variant, block] : blocks) {
      if (block.size() < 2 || block.size() > options_.max_block) continue;
      std::sort(block.begin(), block.end());
      block.erase(std::unique(block.begin(), block.end()), block.end());
      for (size_t x = 0; x < block.size(); ++x)
        for (size_t y = x + 1; y < block.size(); ++y) {
          const uint32_t i = block[x], j = block[y];
          if (!Wanted(es[i], es[j])) continue;
          const std::string &ki = keys[i], &kj = keys[j];
          const size_t allowed = AllowedEdits(std::min(ki.size(), kj.size()));
          const size_t d = EditDistance(ki, kj, allowed);
          if (d > allowed) continue;
          // Persons: one word count, or an article apart; a different
          // surname is a different person ("Ali Allawi" / "Ayad Allawi" is
          // for the surname signal to weigh).
          if (d > 0 && !InitialsAgree(es[i].name, es[j].name)) continue;
          if (es[i].kind == EntityKind::kPerson &&
              NameWords(es[i].name).size() != NameWords(es[j].name).size())
            continue;
          double s = d == 0 ? 0.95 : d == 1 ? 0.8 : 0.6;
          std::string reason = d == 0 ? "spellings fold alike (" + ki + ")"
                                      : "spellings " + std::to_string(d) + (d == 1 ? " edit" : " edits") +
                                            " apart (" + ki + " / " + kj + ")";
          Offer(i, j, MergeSignal::kTransliteration, s, std::move(reason), false);
        }
    }
  }

  void TrailingWords() {
    const auto& es = data_.entities;
    std::unordered_map<std::string, std::vector<uint32_t>> by_name;
    for (uint32_t i = 0; i < es.size(); ++i) {
      by_name[graph::NormalizeName(es[i].name)].push_back(i);
      for (const auto& a : es[i].aliases) by_name[graph::NormalizeName(a)].push_back(i);
    }
    for (uint32_t j = 0; j < es.size(); ++j) {
      std::string word;
      auto clean = StripTrailingWord(es[j].name, es[j].kind == EntityKind::kPerson, &word);
      if (!clean) continue;
      if (options_.kind && es[j].kind != *options_.kind) continue;
      std::string reason = "trailing '" + word + "'";
      std::optional<uint32_t> into;
      if (auto it = by_name.find(graph::NormalizeName(*clean)); it != by_name.end())
        for (uint32_t i : it->second)
          if (i != j && KindsCompatible(es[i].kind, es[j].kind) && CountriesCompatible(es[i], es[j]) &&
              (!into || PreferFirst(es[i], es[*into], false)))
            into = i;
      if (into) {
        auto key = std::minmax(*into, j);
        auto it = best_.find(key);
        if (it != best_.end() && it->second.strength >= 0.95) continue;
        MergeCandidate c;
        c.keep = *into;
        c.drop = j;
        c.signal = MergeSignal::kTrailingWord;
        c.strength = 0.95;
        c.reason = reason;
        best_[key] = std::move(c);
        continue;
      }
      MergeCandidate c;
      c.drop = j;
      c.clean_name = *clean;
      c.signal = MergeSignal::kTrailingWord;
      c.strength = 0.7;
      c.reason = reason + "; no '" + *clean + "' in the store";
      renames_.push_back(std::move(c));
    }
  }

  // Signal strength, weighed by the mentions the merge would unite (log)
  // and by the neighbours the two share (up to doubling).
  void Score(MergeCandidate* c) const {
    const auto& es = data_.entities;
    uint64_t mentions = es[c->drop].mentions;
    if (c->keep) {
      mentions += es[*c->keep].mentions;
      const auto &a = neighbours_[*c->keep], &b = neighbours_[c->drop];
      size_t shared = 0;
      for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
        if (a[x] == b[y]) {
          ++shared;
          ++x;
          ++y;
        } else if (a[x] < b[y]) {
          ++x;
        } else {
          ++y;
        }
      }
      c->shared_neighbours = shared;
    }
    const double n = static_cast<double>(c->shared_neighbours);
    c->score = c->strength * std::log2(2.0 + static_cast<double>(mentions)) * (1.0 + n / (n + 2.0));
  }

  const graph::GraphData& data_;
  const SuggestOptions& options_;
  std::vector<std::vector<uint32_t>> neighbours_;
  std::map<std::pair<uint32_t, uint32_t>, MergeCandidate> best_;
  std::vector<MergeCandidate> renames_;
};

}  // namespace

std::vector<MergeCandidate> SuggestMerges(const graph::GraphData& data, const SuggestOptions& options) {
  return Suggester(data, options).Run();
}

std::vector<std::string> NameWords(std::string_view name) { return SplitName(name); }

double GivenNamesCompatible(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  if (a.empty() || b.empty()) return 0.5;
  double first = WordsAgree(a[0], b[0]);
  if (first == 0) return 0;
  const size_t ma = a.size() - 1, mb = b.size() - 1;
  double middle = 1;
  if (ma > 0 && mb > 0) {
    if (ma != mb) return 0;
    for (size_t k = 1; k < a.size(); ++k) {
      double w = WordsAgree(a[k], b[k]);
      if (w == 0) return 0;
      middle = std::min(middle, w);
    }
  }
  double s = std::min(first, middle);
  if (s >= 1) return ma == mb ? 1.0 : 0.9;
  return 0.75;
}

std::string FoldName(std::string_view name) {
  std::string out;
  for (const auto& w : SplitName(name)) out += FoldWord(w);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > max_distance) return max_distance + 1;
  std::vector<size_t> row(a.size() + 1);
  for (size_t x = 0; x <= a.size(); ++x) row[x] = x;
  for (size_t y = 1; y <= b.size(); ++y) {
    size_t diag = row[0], best = ++row[0];
    for (size_t x = 1; x <= a.size(); ++x) {
      size_t up = row[x];
      row[x] = std::min({row[x] + 1, row[x - 1] + 1, diag + (a[x - 1] == b[y - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[x]);
    }
    if (best > max_distance) return max_distance + 1;
  }
  return std::min(row[a.size()], max_distance + 1);
}

size_t AllowedEdits(size_t folded_length) { return folded_length < 5 ? 0 : folded_length < 10 ? 1 : 2; }

std::optional<std::string> StripTrailingWord(std::string_view name, bool person, std::string* word) {
  std::string_view trimmed = name;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  const size_t space = trimmed.rfind(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view last = trimmed.substr(space + 1);
  std::string lower;
  for (char c : last) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  std::string_view rest = trimmed.substr(0, space);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == ',')) rest.remove_suffix(1);
  if (rest.empty()) return std::nullopt;
  const bool one_word_left = rest.find(' ') == std::string_view::npos;
  bool strip = InList(kWeekdays, lower) || (InList(kMonths, lower) && !one_word_left) ||
               (person && InList(kTrailingTitles, lower));
  if (!strip) return std::nullopt;
  if (word != nullptr) *word = std::string(last);
  return std::string(rest);
}

bool KindsCompatible(EntityKind a, EntityKind b) {
  auto group = [](EntityKind k) {
    switch (k) {
      case EntityKind::kPerson:
        return 0;
      case EntityKind::kCountry:
        return 1;
      case EntityKind::kLocation:
      case EntityKind::kFacility:
        return 2;
      case EntityKind::kGroup:
        return 3;
      default:
        return 4;  // bodies, organisations, armed groups, units, media
    }
  };
  return group(a) == group(b);
}

std::string ShellQuote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

}  // namespace geokg::tools::entity
