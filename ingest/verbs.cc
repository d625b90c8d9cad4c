#include "ingest/verbs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "graph/ontology.h"
#include "ingest/data_file.h"
#include "ingest/text.h"
#include "ingest/triggers.h"

namespace geokg::ingest {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(Trim(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

// One word: no blank inside, not empty.
bool IsOneWord(std::string_view w) {
  return !w.empty() && w.find(' ') == std::string_view::npos;
}

// The key of an optional word column: 0 for '-'.
uint64_t OptionalKey(std::string_view w) { return w == "-" ? 0 : TokenKey(w); }

uint64_t Mix(uint64_t key) {
  key ^= key >> 31;
  key *= 0x9E3779B97F4A7C15ull;
  return key ^ (key >> 29);
}

// The regular inflections of a lemma ("attack": attacks, attacked,
// attacking; "seize": seized, seizing; "ban": banned; "deny": denies,
// denied), each as (TokenKey(form), lemma key).
void AddForms(std::string_view lemma, uint64_t lemma_key, bool noun,
              std::vector<std::pair<uint64_t, uint64_t>>* out) {
  std::string l(lemma);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto add = [&](const std::string& form) { out->emplace_back(TokenKey(form), lemma_key); };
  add(l);
  if (l.size() < 2) return;
  const char last = l.back(), before = l[l.size() - 2];
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  if (last == 'y' && !vowel(before)) {
    const std::string stem = l.substr(0, l.size() - 1);
    add(stem + "ies");
    if (!noun) add(stem + "ied");
  } else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (before == 's' || before == 'c'))) {
    add(l + "es");
  } else {
    add(l + "s");
  }
  if (noun) return;
  if (last == 'e') {
    add(l + "d");
    add(l.substr(0, l.size() - 1) + "ing");
  } else {
    add(l + "ed");
    add(l + "ing");
    // "ban": banned, banning; "commit": committed.
    if (!vowel(last) && last != 'w' && last != 'x' && last != 'y' && vowel(before) &&
        (l.size() < 3 || !vowel(l[l.size() - 3]))) {
      add(l + last + "ed");
      add(l + last + "ing");
    }
  }
}

}  // namespace

Status EventLexicon::AddIrregularForms(std::string_view text, std::string_view source) {
  std::vector<std::pair<uint64_t, uint64_t>> added;
  Status status = ForEachDataLine(text, [&](size_t line_no, std::string_view line) -> Status {
    // A comment may also end a line.
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (Trim(line).empty()) return Status::Ok();
    std::vector<std::string_view> cols = SplitTabs(Trim(line));
    if (cols.size() < 2 || !IsOneWord(cols[0]))
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line_no) +
                                  ": expected a lemma and its irregular forms, tab-separated");
    const uint64_t lemma = TokenKey(cols[0]);
    for (size_t i = 1; i < cols.size(); ++i) added.emplace_back(TokenKey(cols[i]), lemma);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  forms_.insert(forms_.end(), added.begin(), added.end());
  return Status::Ok();
}

Status EventLexicon::Add(std::string_view text, std::string_view source, FileKind kind) {
  const bool noun = kind == FileKind::kNouns;
  const size_t want = noun ? 4 : 6;
  std::vector<VerbPattern> added;
  std::vector<std::pair<uint64_t, uint64_t>> added_forms;
  Status status = ForEachDataLine(text, [&](size_t line_no, std::string_view line) -> Status {
    // A comment may also end a line.
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (Trim(line).empty()) return Status::Ok();
    auto fail = [&](const std::string& reason) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line_no) + ": " + reason);
    };
    std::vector<std::string_view> cols = SplitTabs(Trim(line));
    bool flags_allowed = kind != FileKind::kCameoVerbs;
    if (cols.size() != want && !(flags_allowed && cols.size() == want + 1)) {
      return fail("expected " + std::to_string(want) + " tab-separated columns (" +
                  (noun ? "lemma prep code type" : "lemma particle object prep code type") +
                  (flags_allowed ? " [flags]" : "") + "), got " + std::to_string(cols.size()));
    }
    VerbPattern p;
    p.own = kind != FileKind::kCameoVerbs;
    if (!IsOneWord(cols[0]) || cols[0] == "-") return fail("the lemma must be one word");
    p.lemma_key = TokenKey(cols[0]);
    size_t k = 1;
    if (!noun) {
      for (uint64_t* key : {&p.particle_key, &p.object_key}) {
        if (!IsOneWord(cols[k])) return fail("column " + std::to_string(k + 1) + " must be one word or '-'");
        *key = OptionalKey(cols[k++]);
      }
    }
    if (!IsOneWord(cols[k])) return fail("the preposition must be one word or '-'");
    p.prep_key = OptionalKey(cols[k++]);
    std::string_view code = cols[k++];
    if (code != "-") {
      bool digits = code.size() >= 2 && code.size() <= 4 &&
                    std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) return fail("the CAMEO code must be 2 to 4 digits or '-', got '" + std::string(code) + "'");
      std::copy(code.begin(), code.end(), p.cameo_text);
      p.cameo = static_cast<uint16_t>(std::stoi(std::string(code)));
    }
    std::string_view type = cols[k++];
    if (type == "-") {
      auto t = code == "-" ? std::nullopt : graph::TypeForCameo(code);
      if (!t) return fail("no type given and none for CAMEO code '" + std::string(code) + "'");
      p.type = *t;
    } else {
      auto t = graph::ParseRelationType(type);
      if (!t) {
        std::string s = graph::SuggestRelationType(type);
        return fail("unknown relation type '" + std::string(type) + "'" +
                    (s.empty() ? "" : " (did you mean '" + s + "'?)"));
      }
      p.type = *t;
    }
    if (k < cols.size()) {
      std::string_view flags = cols[k];
      size_t b = 0;
      while (b <= flags.size()) {
        size_t e = flags.find(',', b);
        std::string_view f = Trim(flags.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (f == "weak") {
          p.weak = true;
        } else if (f == "inverse") {
          p.inverse = true;
        } else if (!f.empty() && f != "-") {
          return fail("unknown flag '" + std::string(f) + "' (known: weak, inverse)");
        }
        if (e == std::string_view::npos) break;
        b = e + 1;
      }
    }
    added.push_back(p);
    AddForms(cols[0], p.lemma_key, noun, &added_forms);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  forms_.insert(forms_.end(), added_forms.begin(), added_forms.end());
  std::vector<VerbPattern>& to = noun ? nouns_.patterns : verbs_.patterns;
  to.insert(to.end(), added.begin(), added.end());
  return Status::Ok();
}

void EventLexicon::BuildTable(Table* t) {
  std::vector<VerbPattern>& v = t->patterns;
  // Lookup order within a lemma: more specific first, ours first, then file order.
  std::stable_sort(v.begin(), v.end(), [](const VerbPattern& a, const VerbPattern& b) {
    if (a.lemma_key != b.lemma_key) return a.lemma_key < b.lemma_key;
    if (a.specificity() != b.specificity()) return a.specificity() > b.specificity();
    return a.own > b.own;
  });
  // The same requirements and type twice (a --lexicon file repeating a
  // built-in line): the first is kept.
  auto same = [](const VerbPattern& a, const VerbPattern& b) {
    return a.lemma_key == b.lemma_key && a.particle_key == b.particle_key &&
           a.object_key == b.object_key && a.prep_key == b.prep_key && a.type == b.type &&
           a.own == b.own && a.inverse == b.inverse;
  };
  std::vector<VerbPattern> kept;
  kept.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    bool dup = false;
    for (size_t j = kept.size(); j-- > 0 && kept[j].lemma_key == v[i].lemma_key;)
      if (same(kept[j], v[i])) {
        dup = true;
        break;
      }
    if (!dup) kept.push_back(v[i]);
  }
  v.swap(kept);
  // CAMEO codes "attack insurgents" (and "battle", "hammer", "clash" with
  // militants, rebels, ...) as fighting alongside them (062), a reading of
  // its "ALONGSIDE" phrases the conversion keeps without the phrase: a
  // CAMEO object pattern that makes a verb whose bare reading is hostile
  // into cooperation is dropped.
  kept.clear();
  for (size_t i = 0; i < v.size();) {
    size_t j = i;
    while (j < v.size() && v[j].lemma_key == v[i].lemma_key) ++j;
    bool hostile = false;
    for (size_t k = i; k < j; ++k)
      if (v[k].specificity() == 0)
        hostile |= v[k].type == graph::RelationType::kAttacked || v[k].type == graph::RelationType::kFought ||
                   v[k].type == graph::RelationType::kKilled;
    // Whoever dies, perishes or succumbs is the victim: CAMEO's hostile
    // reading of "die" ("died in an attack") makes the dead the attacker.
    static const uint64_t kVictimSubject[] = {TokenKey("die"), TokenKey("perish"), TokenKey("succumb")};
    const bool victim_subject =
        std::find(std::begin(kVictimSubject), std::end(kVictimSubject), v[i].lemma_key) != std::end(kVictimSubject);
    for (size_t k = i; k < j; ++k) {
      const VerbPattern& p = v[k];
      if (hostile && !p.own && p.object_key != 0 && p.particle_key == 0 && p.prep_key == 0 &&
          p.type == graph::RelationType::kCooperatedWith)
        continue;
      if (victim_subject && !p.own &&
          (p.type == graph::RelationType::kAttacked || p.type == graph::RelationType::kKilled))
        continue;
      kept.push_back(p);
    }
    i = j;
  }
  v.swap(kept);

  size_t lemmas = 0;
  for (size_t i = 0; i < v.size(); ++i) lemmas += i == 0 || v[i].lemma_key != v[i - 1].lemma_key;
  size_t cap = 16;
  while (cap < lemmas * 2) cap <<= 1;
  t->slots.assign(cap, Slot{});
  for (size_t i = 0; i < v.size();) {
    size_t j = i;
    while (j < v.size() && v[j].lemma_key == v[i].lemma_key) ++j;
    size_t h = Mix(v[i].lemma_key) & (cap - 1);
    while (t->slots[h].count != 0) h = (h + 1) & (cap - 1);
    t->slots[h] = Slot{v[i].lemma_key, static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)};
    i = j;
  }
}

std::span<const VerbPattern> EventLexicon::Find(const Table& t, uint64_t key) {
  if (t.slots.empty()) return {};
  size_t mask = t.slots.size() - 1;
  for (size_t h = Mix(key) & mask;; h = (h + 1) & mask) {
    const Slot& s = t.slots[h];
    if (s.count == 0) return {};
    if (s.key == key) return std::span<const VerbPattern>(t.patterns.data() + s.begin, s.count);
  }
}

bool EventLexicon::MaybeTrigger(uint64_t token_key, uint64_t* lemma_key) const {
  if (form_slots_.empty()) return false;
  const size_t mask = form_slots_.size() - 1;
  for (size_t h = Mix(token_key) & mask;; h = (h + 1) & mask) {
    const FormSlot& s = form_slots_[h];
    if (!s.used) return false;
    if (s.form == token_key) {
      if (lemma_key) *lemma_key = s.lemma;
      return true;
    }
  }
}

void EventLexicon::Build() {
  std::sort(forms_.begin(), forms_.end());
  forms_.erase(std::unique(forms_.begin(), forms_.end()), forms_.end());
  size_t size = 16;
  while (size < 2 * forms_.size()) size *= 2;
  form_slots_.assign(size, FormSlot{});
  for (size_t i = 0; i < forms_.size(); ++i) {
    if (i > 0 && forms_[i].first == forms_[i - 1].first) continue;  // the form's first lemma only
    size_t h = Mix(forms_[i].first) & (size - 1);
    while (form_slots_[h].used) h = (h + 1) & (size - 1);
    form_slots_[h] = FormSlot{forms_[i].first, forms_[i].second, true};
  }
  BuildTable(&verbs_);
  BuildTable(&nouns_);
}

std::span<const VerbPattern> EventLexicon::Verb(uint64_t lemma_key) const {
  return Find(verbs_, lemma_key);
}

std::span<const VerbPattern> EventLexicon::Noun(uint64_t lemma_key) const {
  return Find(nouns_, lemma_key);
}

Status EventLexicon::Load(const std::string& data_dir, const std::vector<std::string>& extra_dirs,
                          EventLexicon* out) {
  struct File {
    const char* name;
    FileKind kind;
  };
  static constexpr File kFiles[] = {{"verbs.cameo.tsv", FileKind::kCameoVerbs},
                                    {"verbs.geokg.tsv", FileKind::kOwnVerbs},
                                    {"nouns.geokg.tsv", FileKind::kNouns}};
  EventLexicon lex;
  std::string dir = data_dir.empty() ? Triggers::DefaultDataDir() : data_dir;
  std::string text;
  for (const File& f : kFiles) {
    std::string path = dir + "/" + f.name;
    if (Status s = ReadDataFile(path, &text); !s.ok()) return s;
    if (Status s = lex.Add(text, path, f.kind); !s.ok()) return s;
  }
  // Irregular verb forms (optional in a folder: without them only the
  // regular inflections are known before tagging).
  for (const std::string& folder : [&] {
         std::vector<std::string> all{dir};
         all.insert(all.end(), extra_dirs.begin(), extra_dirs.end());
         return all;
       }()) {
    std::string path = folder + "/verb-forms.tsv";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    if (Status s = ReadDataFile(path, &text); !s.ok()) return s;
    if (Status s = lex.AddIrregularForms(text, path); !s.ok()) return s;
  }
  for (const std::string& extra : extra_dirs) {
    for (const File& f : kFiles) {
      std::string path = extra + "/" + f.name;
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) continue;
      if (Status s = ReadDataFile(path, &text); !s.ok()) return s;
      if (Status s = lex.Add(text, path, f.kind); !s.ok()) return s;
    }
  }
  lex.Build();
  *out = std::move(lex);
  return Status::Ok();
}

}  // namespace geokg::ingest
