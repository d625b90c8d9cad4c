#include "ingest/parse/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "ingest/parse/hash.h"

namespace geokg::ingest::parse {

namespace {

// Seeds of the key spaces in the table.
constexpr uint64_t kTreebankSeed = 1000;  // + xpos: (lower form, tag) -> lemma
constexpr uint64_t kExcSeed = 2000;       // + WordNet pos: exception -> lemma
constexpr uint64_t kIndexSeed = 3000;     // + WordNet pos: a lemma WordNet knows
enum WnPos { kWnNoun = 0, kWnVerb = 1, kWnAdj = 2, kWnAdv = 3 };

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

struct Rule {
  std::string_view suffix, replacement;
};
constexpr Rule kNounRules[] = {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
                               {"men", "man"}, {"ies", "y"}, {"s", ""}};
constexpr Rule kVerbRules[] = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"},
                               {"ed", ""}, {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"}};

// A stem without WordNet's help: undouble a final consonant ("planned"),
// restore a silent e after c, v, z, u and consonant + l ("forced",
// "argued", "handled").
std::string GuessVerbStem(std::string_view stem) {
  std::string s(stem);
  size_t n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && !IsVowel(s[n - 1]) && s[n - 1] != 'l' && s[n - 1] != 's' &&
      s[n - 1] != 'f' && s[n - 1] != 'z')
    s.pop_back();
  else if (n >= 2 && (s[n - 1] == 'c' || s[n - 1] == 'v' || s[n - 1] == 'z' || s[n - 1] == 'u' ||
                      (s[n - 1] == 'l' && !IsVowel(s[n - 2]) && s[n - 2] != 'l')))
    s.push_back('e');
  return s;
}

// Plurals that are their own lemma in meaning.
bool IsRegularPlural(std::string_view w) {
  static constexpr std::string_view kOwnLemma[] = {
      "species", "series", "means", "news", "politics", "headquarters", "clothes", "goods", "thanks", "arms",
      "whereabouts", "proceedings", "pants", "jeans", "regards", "manners", "physics", "economics",
      "mathematics", "ethics", "crossroads", "barracks", "glasses", "savings", "earnings", "belongings",
      "outskirts", "surroundings", "premises", "remains", "authorities", "media", "data"};
  if (w.size() < 4 || w.back() != 's' || EndsWith(w, "ss")) return false;
  for (std::string_view x : kOwnLemma)
    if (x == w) return false;
  return true;
}

}  // namespace

bool Lemmatizer::Lookup(std::string_view word, uint64_t seed, std::string_view* lemma) const {
  const MapSlot* s = table_.Find(HashString(word, seed) | 1);
  if (s == nullptr || s->value + s->extra > blob_.size()) return false;
  *lemma = blob_.substr(s->value, s->extra);
  return true;
}

bool Lemmatizer::Known(std::string_view lemma, int wn_pos) const {
  return table_.Find(HashString(lemma, kIndexSeed + wn_pos) | 1) != nullptr;
}

uint32_t Lemmatizer::WordClasses(std::string_view form, std::string* low) const {
  NormalizeWord(form, low);
  const std::string_view w = *low;
  // Every key the answer depends on, prefetched before any is read: up to
  // ~20 lookups in a table too big for the cache.
  struct Probe {
    uint64_t key;
    uint32_t bit;
    bool lemma;  // an exception list entry (a lemma in the blob), else a known lemma
  };
  Probe probes[48];
  int n = 0;
  auto add = [&](std::string_view word, uint64_t seed, uint32_t bit, bool lemma) {
    probes[n] = Probe{HashString(word, seed) | 1, bit, lemma};
    table_.Prefetch(probes[n].key);
    ++n;
  };
  add(w, kIndexSeed + kWnNoun, kWcNoun, false);
  add(w, kIndexSeed + kWnVerb, kWcVerb, false);
  add(w, kIndexSeed + kWnAdj, kWcAdj, false);
  add(w, kIndexSeed + kWnAdv, kWcAdv, false);
  add(w, kExcSeed + kWnNoun, kWcNounExc, true);
  add(w, kExcSeed + kWnVerb, kWcVerbExc, true);
  add(w, kExcSeed + kWnAdj, kWcAdjExc, true);
  // A regular inflection: a rule's stem (for verbs also undoubled) is a lemma.
  std::string cand;
  auto inflected = [&](const Rule* rules, size_t n_rules, int wn, uint32_t bit) {
    for (size_t r = 0; r < n_rules; ++r) {
      if (!EndsWith(w, rules[r].suffix) || w.size() <= rules[r].suffix.size() + 1) continue;
      cand.assign(w.substr(0, w.size() - rules[r].suffix.size()));
      cand.append(rules[r].replacement);
      add(cand, kIndexSeed + wn, bit, false);
      if (wn == kWnVerb && cand.size() >= 3 && cand[cand.size() - 1] == cand[cand.size() - 2])
        add(std::string_view(cand).substr(0, cand.size() - 1), kIndexSeed + wn, bit, false);
    }
  };
  inflected(kNounRules, std::size(kNounRules), kWnNoun, kWcInflectedNoun);
  inflected(kVerbRules, std::size(kVerbRules), kWnVerb, kWcInflectedVerb);
  inflected(kAdjRules, std::size(kAdjRules), kWnAdj, kWcInflectedAdj);
  uint32_t c = 0;
  for (int i = 0; i < n; ++i) {
    if ((c & probes[i].bit) != 0) continue;
    const MapSlot* s = table_.Find(probes[i].key);
    if (s != nullptr && (!probes[i].lemma || s->value + s->extra <= blob_.size())) c |= probes[i].bit;
  }
  return c;
}

void Lemmatizer::Lemmatize(std::string_view form, uint8_t xpos, std::string* out, std::string* low) const {
  NormalizeWord(form, low);
  std::string_view tag = XposName(xpos);
  std::string_view lemma;
  if (Lookup(*low, kTreebankSeed + xpos, &lemma)) {
    // EWT keeps some plurals as their own lemma ("troops", "supplies");
    // extraction wants the singular, as WordNet gives it, for those.
    if (!(tag == "NNS" && lemma == *low && IsRegularPlural(*low))) {
      out->append(lemma);
      return;
    }
  }
  if (tag == "NNP" || tag == "NNPS") {
    std::string_view f = form;
    if (tag == "NNPS" && f.size() > 3 && f.back() == 's' && f[f.size() - 2] != 's') f.remove_suffix(1);
    out->append(f);
    return;
  }
  // A compound on a name ("Iran-backed", "U.S.-led") is its own lemma.
  if (form.size() > 2 && form[0] >= 'A' && form[0] <= 'Z' && low->find('-') != std::string::npos &&
      (tag == "VBN" || tag == "VBD" || tag == "JJ" || tag == "VBG")) {
    out->append(*low);
    return;
  }
  int wn = -1;
  const Rule* rules = nullptr;
  size_t n_rules = 0;
  if (tag == "VB" || tag == "VBP") {
    // A base form the tagger gave to an inflected unknown word ("freed").
    if (Known(*low, kWnVerb) || !(EndsWith(*low, "ed") || EndsWith(*low, "ing"))) {
      out->append(*low);
      return;
    }
    wn = kWnVerb, rules = kVerbRules, n_rules = std::size(kVerbRules);
  } else if (tag == "NNS") wn = kWnNoun, rules = kNounRules, n_rules = std::size(kNounRules);
  else if (tag == "VBD" || tag == "VBN" || tag == "VBG" || tag == "VBZ") wn = kWnVerb, rules = kVerbRules, n_rules = std::size(kVerbRules);
  else if (tag == "JJR" || tag == "JJS" || tag == "RBR" || tag == "RBS") wn = kWnAdj, rules = kAdjRules, n_rules = std::size(kAdjRules);
  if (wn < 0) {
    out->append(*low);
    return;
  }
  std::string_view w = *low;
  if (Lookup(w, kExcSeed + wn, &lemma)) {
    out->append(lemma);
    return;
  }
  // A hyphenated word inflects its last part ("re-elected").
  size_t hyphen = w.rfind('-');
  std::string_view head = hyphen == std::string_view::npos ? std::string_view() : w.substr(0, hyphen + 1);
  std::string_view last = hyphen == std::string_view::npos ? w : w.substr(hyphen + 1);
  if (!head.empty() && Lookup(last, kExcSeed + wn, &lemma)) {
    out->append(head);
    out->append(lemma);
    return;
  }
  std::string cand;
  for (size_t r = 0; r < n_rules; ++r) {
    if (!EndsWith(last, rules[r].suffix) || last.size() <= rules[r].suffix.size() + 1) continue;
    cand.assign(last.substr(0, last.size() - rules[r].suffix.size()));
    cand.append(rules[r].replacement);
    // Verbs: undoubled stems ("planned" -> "plan") before the rule's own.
    if (wn == kWnVerb && (rules[r].suffix == "ed" || rules[r].suffix == "ing") && rules[r].replacement.empty() &&
        cand.size() >= 3 && cand[cand.size() - 1] == cand[cand.size() - 2] && Known(cand.substr(0, cand.size() - 1), wn)) {
      cand.pop_back();
    }
    if (Known(cand, wn)) {
      out->append(head);
      out->append(cand);
      return;
    }
  }
  // Unknown to WordNet: plain rules.
  std::string_view s = last;
  cand.clear();
  if (wn == kWnNoun) {
    if (EndsWith(s, "ies") && s.size() > 4) cand = std::string(s.substr(0, s.size() - 3)) + "y";
    else if (EndsWith(s, "sses") || EndsWith(s, "ches") || EndsWith(s, "shes") || EndsWith(s, "xes")) cand = s.substr(0, s.size() - 2);
    else if (EndsWith(s, "s") && !EndsWith(s, "ss") && !EndsWith(s, "us") && !EndsWith(s, "is") && s.size() > 2) cand = s.substr(0, s.size() - 1);
    else cand = s;
  } else if (wn == kWnVerb) {
    if (EndsWith(s, "ied") && s.size() > 4) cand = std::string(s.substr(0, s.size() - 3)) + "y";
    else if (EndsWith(s, "eed") || EndsWith(s, "ee")) cand = EndsWith(s, "eed") ? std::string(s.substr(0, s.size() - 1)) : std::string(s);
    else if (EndsWith(s, "ed") && s.size() > 3) cand = GuessVerbStem(s.substr(0, s.size() - 2));
    else if (EndsWith(s, "ing") && s.size() > 4) cand = GuessVerbStem(s.substr(0, s.size() - 3));
    else if (EndsWith(s, "ies") && s.size() > 4) cand = std::string(s.substr(0, s.size() - 3)) + "y";
    else if (EndsWith(s, "sses") || EndsWith(s, "ches") || EndsWith(s, "shes") || EndsWith(s, "xes") || EndsWith(s, "zes")) cand = s.substr(0, s.size() - 2);
    else if (EndsWith(s, "s") && !EndsWith(s, "ss") && s.size() > 2) cand = s.substr(0, s.size() - 1);
    else cand = s;
  } else {
    if (EndsWith(s, "iest") && s.size() > 5) cand = std::string(s.substr(0, s.size() - 4)) + "y";
    else if (EndsWith(s, "ier") && s.size() > 4) cand = std::string(s.substr(0, s.size() - 3)) + "y";
    else if (EndsWith(s, "est") && s.size() > 4) cand = s.substr(0, s.size() - 3);
    else if (EndsWith(s, "er") && s.size() > 3) cand = s.substr(0, s.size() - 2);
    else cand = s;
  }
  out->append(head);
  out->append(cand);
}

void LemmaTableBuilder::AddTreebank(const std::vector<TreebankSentence>& sentences) {
  // The most frequent lemma of each (lower-case form, tag); ties to the
  // lexicographically smallest, so the table is deterministic.
  std::map<std::pair<std::string, int>, std::map<std::string, int>> counts;
  std::string low;
  for (const TreebankSentence& s : sentences)
    for (const TreebankToken& t : s.tokens) {
      NormalizeWord(t.form, &low);
      std::string lemma = t.lemma;
      std::string_view tag = XposName(t.xpos);
      if (tag != "NNP" && tag != "NNPS" && lemma != "I") NormalizeWord(t.lemma, &lemma);
      ++counts[{low, t.xpos}][lemma];
    }
  for (const auto& [key, lemmas] : counts) {
    const std::string* best = nullptr;
    int best_n = 0;
    for (const auto& [lemma, n] : lemmas)
      if (n > best_n) best = &lemma, best_n = n;
    // Proper nouns: the rule (keep the form) is right unless the table says otherwise.
    entries_.emplace_back(HashString(key.first, kTreebankSeed + key.second) | 1, *best);
  }
}

bool LemmaTableBuilder::AddWordNet(const std::string& dir) {
  const char* names[] = {"noun", "verb", "adj", "adv"};
  bool any = false;
  for (int p = 0; p < 4; ++p) {
    std::ifstream exc(dir + "/" + names[p] + ".exc");
    std::string line;
    while (std::getline(exc, line)) {
      std::istringstream ss(line);
      std::string word, lemma;
      if (!(ss >> word >> lemma)) continue;
      std::replace(word.begin(), word.end(), '_', ' ');
      std::replace(lemma.begin(), lemma.end(), '_', ' ');
      entries_.emplace_back(HashString(word, kExcSeed + p) | 1, lemma);
      any = true;
    }
    std::ifstream index(dir + "/index." + names[p]);
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::string lemma = line.substr(0, line.find(' '));
      known_.push_back(HashString(lemma, kIndexSeed + p) | 1);
      any = true;
    }
  }
  return any;
}

void LemmaTableBuilder::Build(std::vector<MapSlot>* table, std::string* blob) const {
  blob->clear();
  std::vector<MapSlot> items;
  std::map<std::string, uint32_t> offsets;
  for (const auto& [key, lemma] : entries_) {
    auto it = offsets.find(lemma);
    if (it == offsets.end()) {
      it = offsets.emplace(lemma, static_cast<uint32_t>(blob->size())).first;
      blob->append(lemma);
    }
    items.push_back(MapSlot{key, it->second, static_cast<uint32_t>(lemma.size())});
  }
  for (uint64_t k : known_) items.push_back(MapSlot{k, 0, 0});
  *table = FrozenMap::Build(std::move(items));
}

}  // namespace geokg::ingest::parse
