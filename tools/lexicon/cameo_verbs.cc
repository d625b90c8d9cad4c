#include "tools/lexicon/cameo_verbs.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <tuple>

#include "graph/ontology.h"

namespace geokg::tools::lexicon {
namespace {

// Words after a verb that belong to it ("step UP", "call OFF") when they are
// not followed by the target.
const std::set<std::string, std::less<>> kParticles = {
    "up", "down", "out", "off", "away", "back", "aside", "forward", "together", "apart", "around",
    "over", "in"};

// Prepositions.
const std::set<std::string, std::less<>> kPrepositions = {
    "about", "across", "after", "against", "along", "alongside", "amid", "among", "around", "as",
    "at", "before", "behind", "beside", "between", "beyond", "by", "despite", "during", "for",
    "from", "in", "inside", "into", "near", "of", "on", "onto", "over", "through", "to", "toward",
    "towards", "under", "upon", "via", "with", "within", "without"};

// Prepositions that, alone in a pattern's phrase ("* (AGAINST)"), introduce
// the target. Others ("accuse X (OF) ...", "call (FOR) ...") introduce a
// thing or a reason: such a pattern cannot be stated in our columns.
const std::set<std::string, std::less<>> kTargetPrepositions = {
    "against", "alongside", "among", "at", "between", "from", "into", "on", "onto", "to",
    "toward", "towards", "upon", "with"};

// Words that are never the head noun of an object.
const std::set<std::string, std::less<>> kFunctionWords = {
    "a", "again", "all", "also", "an", "and", "any", "but", "her", "his", "if", "it", "its",
    "more", "no", "not", "or", "so", "some", "than", "that", "the", "their", "then", "there",
    "these", "this", "those", "too", "when", "while", "who", "yet"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> Words(std::string_view s) {  // split on blanks and '_'
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// A plain English word: letters, inner hyphens or apostrophes.
bool IsWord(std::string_view w) {
  if (w.empty() || !std::isalpha(static_cast<unsigned char>(w.front()))) return false;
  for (char c : w)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'') return false;
  return std::isalpha(static_cast<unsigned char>(w.back()));
}

// The columns a synonym or a pattern sets.
struct Cols {
  std::string particle;
  std::vector<std::string> objects;  // alternatives (an expanded synonym set); empty: none
  std::string prep;
  bool exact = true;  // no modifier of the object phrase and no synonym set was dropped
};

struct Synonym {
  std::string lemma;
  Cols cols;
  std::string code;  // own code, "" to use the block's
};

struct Pattern {
  Cols cols;
  std::string code;
};

struct Candidate {
  int weight = 0;
  std::map<std::string, int> codes;
};

class Converter {
 public:
  explicit Converter(size_t max_synset) : max_synset_(max_synset) {}

  CameoVerbConversion Run(std::string_view text) {
    std::istringstream in{std::string(text)};
    bool in_synset = false;
    std::string synset;
    for (std::string raw; std::getline(in, raw);) {
      std::string_view line = StripComment(raw);
      if (line.empty()) {
        in_synset = false;
        continue;
      }
      if (in_synset && line.front() == '+') {
        AddSynsetMember(synset, line.substr(1));
        continue;
      }
      in_synset = false;
      if (line.front() == '&') {
        synset = std::string(Trim(line));
        bool no_plural = !synset.empty() && synset.back() == '_';
        if (no_plural) synset.pop_back();
        synsets_[synset];  // defined, possibly empty
        in_synset = true;
      } else if (line.rfind("---", 0) == 0) {
        Flush();
        in_block_ = true;
        ++out_.blocks;
        block_code_ = CodeOf(line);
        if (block_code_.empty()) block_code_ = "---";
      } else if (!in_block_) {
        continue;  // text before the first block
      } else if (line.front() == '-') {
        ++out_.patterns;
        ParsePattern(line.substr(1));
      } else {
        ++out_.synonyms;
        ParseSynonym(line);
      }
    }
    Flush();
    Finish();
    return std::move(out_);
  }

 private:
  static std::string_view StripComment(std::string_view s) {
    if (size_t p = s.find('#'); p != std::string_view::npos) s = s.substr(0, p);
    if (size_t p = s.find("<!--"); p != std::string_view::npos) s = s.substr(0, p);
    if (size_t p = s.find(';'); p != std::string_view::npos) s = s.substr(0, p);
    while (!s.empty() && (s.back() == '\r' || std::isspace(static_cast<unsigned char>(s.back()))))
      s.remove_suffix(1);
    return Trim(s).empty() ? std::string_view() : s;
  }

  // The code in "[...]" (the first code of a pair "a:b" is kept as written).
  static std::string CodeOf(std::string_view line) {
    size_t open = line.find('['), close = line.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
    return std::string(Trim(line.substr(open + 1, close - open - 1)));
  }

  void Drop(const std::string& reason, int n = 1) { out_.dropped[reason] += n; }

  void AddSynsetMember(const std::string& name, std::string_view member) {
    std::string m(Trim(member));
    if (!m.empty() && m.back() == '_') m.pop_back();
    std::vector<std::string> words = Words(m);
    if (words.empty()) return;
    std::string head = SingularNoun(Lower(words.back()));
    auto& members = synsets_[name];
    if (std::find(members.begin(), members.end(), head) == members.end()) members.push_back(head);
  }

  // Sorts the words after a verb into particle, object and preposition.
  // Returns false (after counting why) if they do not fit these columns.
  bool SortTail(const std::vector<std::string>& words, Cols* cols, const char* what) {
    for (const std::string& raw : words) {
      std::string w = Lower(raw);
      if (!IsWord(w)) return Drop(std::string(what) + ": odd word"), false;
      if (kFunctionWords.count(w)) return Drop(std::string(what) + ": function word"), false;
      if (kPrepositions.count(w) && (&raw == &words.back() || !cols->objects.empty())) {
        if (!cols->prep.empty()) return Drop(std::string(what) + ": two prepositions"), false;
        cols->prep = w;
      } else if (kParticles.count(w) && cols->objects.empty() && cols->particle.empty()) {
        cols->particle = w;
      } else if (cols->objects.empty() && cols->prep.empty()) {
        cols->objects.push_back(SingularNoun(w));
      } else {
        return Drop(std::string(what) + ": too many words"), false;
      }
    }
    return true;
  }

  void ParseSynonym(std::string_view line) {
    std::string code = CodeOf(line);
    std::string_view form = line;
    if (size_t p = form.find_first_of("{["); p != std::string_view::npos) form = form.substr(0, p);
    form = Trim(form);
    Synonym syn;
    syn.code = code;
    std::vector<std::string> words = Words(form);
    if (words.empty()) return;
    size_t verb = 0;
    for (size_t i = 0; i < words.size(); ++i)
      if (!words[i].empty() && words[i][0] == '+') verb = i;
    for (std::string& w : words)
      if (!w.empty() && w[0] == '+') w.erase(0, 1);
    if (verb > 0) {
      // "RE_+ARREST": a prefix word; anything else is not a verb lemma.
      if (verb == 1 && words.size() == 2 && Lower(words[0]) == "re") {
        syn.lemma = "re" + Lower(words[1]);
      } else {
        Drop("synonym: verb after other words");
        return;
      }
    } else {
      syn.lemma = Lower(words[0]);
      std::vector<std::string> tail(words.begin() + 1, words.end());
      if (!SortTail(tail, &syn.cols, "synonym")) return;
    }
    if (!IsWord(syn.lemma)) {
      Drop("synonym: odd word");
      return;
    }
    synonyms_.push_back(std::move(syn));
  }

  // Splits a pattern body into tokens: "(...)" and "{...}" groups whole.
  static std::vector<std::string> Tokens(std::string_view body) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < body.size()) {
      char c = body[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '(' || c == '{') {
        char close = c == '(' ? ')' : '}';
        size_t end = body.find(close, i);
        if (end == std::string_view::npos) end = body.size() - 1;
        out.emplace_back(body.substr(i, end - i + 1));
        i = end + 1;
      } else {
        size_t end = i;
        while (end < body.size() && !std::isspace(static_cast<unsigned char>(body[end])) &&
               body[end] != '(' && body[end] != '{')
          ++end;
        out.emplace_back(body.substr(i, end - i));
        i = end;
      }
    }
    return out;
  }

  void ParsePattern(std::string_view line) {
    size_t bracket = line.find('[');
    std::string code = CodeOf(line);
    std::string body(Trim(line.substr(0, bracket)));
    for (size_t p; (p = body.find("_ ")) != std::string::npos;) body.replace(p, 2, " ");
    std::vector<std::string> toks = Tokens(body);
    auto star = std::find(toks.begin(), toks.end(), "*");
    if (star == toks.end()) {
      Drop(body.find('*') != std::string::npos ? "pattern: verb joined to a word" : "pattern: no verb");
      return;
    }
    for (auto it = toks.begin(); it != star; ++it) {
      if (*it == "$") continue;
      Drop(*it == "+" ? "pattern: target before the verb" : "pattern: words before the verb");
      return;
    }
    Pattern pat;
    pat.code = code;
    Cols& cols = pat.cols;
    for (auto it = star + 1; it != toks.end(); ++it) {
      const std::string& t = *it;
      bool last = it + 1 == toks.end();
      if (t == "+") {
        if (!last) return Drop("pattern: words after the target");
        continue;  // the target as direct object, or after a bare preposition
      }
      if (t == "$") return Drop("pattern: source after the verb");
      if (t.find_first_of("^%/") != std::string::npos)
        return Drop("pattern: skip, compound or alternative marker");
      if (t.front() == '(') {
        std::vector<std::string> inner = Words(t.substr(1, t.size() - 2));
        if (inner.empty()) return Drop("pattern: empty phrase");
        std::string prep = Lower(inner[0]);
        if (!kPrepositions.count(prep) && !kParticles.count(prep))
          return Drop("pattern: phrase without a preposition");
        if (inner.size() > 2 || (inner.size() == 2 && inner[1] != "+"))
          return Drop("pattern: fixed prepositional phrase");
        if (!kTargetPrepositions.count(prep))
          return Drop("pattern: preposition that does not introduce the target");
        if (!cols.prep.empty()) return Drop("pattern: two prepositions");
        cols.prep = prep;
        continue;
      }
      std::string word = Lower(t);
      bool group = t.front() == '{';
      if (!group && t.front() != '&' && t.find('_') == std::string::npos) {
        // "* TOWARD +", or a bare preposition ending the pattern ("* ALONGSIDE").
        bool next_is_target = last || (*(it + 1) == "+" && it + 2 == toks.end());
        if (kTargetPrepositions.count(word) && next_is_target) {
          if (!cols.prep.empty()) return Drop("pattern: two prepositions");
          cols.prep = word;
          continue;
        }
        if (kParticles.count(word) && cols.objects.empty() && cols.particle.empty() &&
            cols.prep.empty()) {
          cols.particle = word;
          continue;
        }
        if (kPrepositions.count(word)) return Drop("pattern: fixed words after a preposition");
      }
      // An object phrase: its head is the last word.
      if (!cols.objects.empty()) return Drop("pattern: two objects");
      if (!cols.prep.empty()) return Drop("pattern: object after the preposition");
      std::vector<std::string> words = Words(group ? t.substr(1, t.size() - 2) : t);
      if (words.empty()) return Drop("pattern: empty phrase");
      if (words.size() > 1) cols.exact = false;
      // "{NO TROOP &PKO}" (refuse peacekeepers) would read as its opposite
      // once the modifiers are dropped.
      for (const std::string& w : words) {
        const std::string lw = Lower(w);
        if (lw == "no" || lw == "not" || lw == "never" || lw == "without")
          return Drop("pattern: negated object");
      }
      const std::string& head = words.back();
      if (head.front() == '&') {
        auto s = synsets_.find(head);
        if (s == synsets_.end()) return Drop("pattern: undefined synonym set");
        if (s->second.size() > max_synset_) return Drop("pattern: large synonym set");
        cols.objects = s->second;
        cols.exact = false;
      } else {
        std::string h = Lower(head);
        if (!IsWord(h)) return Drop("pattern: odd word");
        if (h.size() > 2 && h.compare(h.size() - 2, 2, "ly") == 0) return Drop("pattern: adverb");
        if (kFunctionWords.count(h)) return Drop("pattern: function word");
        cols.objects.push_back(SingularNoun(h));
      }
    }
    patterns_.push_back(std::move(pat));
  }

  void Emit(const std::string& lemma, const Cols& cols, const std::string& code, const char* what) {
    size_t colon = code.find(':');
    std::string first = code.substr(0, colon);
    if (first.empty() && colon != std::string::npos && code.substr(colon + 1) != "---") {
      Drop(std::string(what) + ": reverse-only code [:b]");
      return;
    }
    if (first.empty() || first == "---") {
      Drop(std::string(what) + ": null code");
      return;
    }
    std::optional<graph::RelationType> type = graph::TypeForCameo(first);
    if (!type) {
      Drop(std::string(what) + ": no geokg type for the code");
      return;
    }
    std::vector<std::string> objects = cols.objects;
    if (objects.empty()) objects.push_back("");
    for (const std::string& object : objects) {
      Key key{lemma, cols.particle, object, cols.prep};
      Candidate& c = candidates_[key][std::string(graph::NameOf(*type))];
      c.weight += cols.exact ? 2 : 1;
      ++c.codes[first];
    }
  }

  static bool Merge(const Cols& a, const Cols& b, Cols* out) {
    auto one = [](const std::string& x, const std::string& y, std::string* r) {
      if (!x.empty() && !y.empty() && x != y) return false;
      *r = x.empty() ? y : x;
      return true;
    };
    if (!one(a.particle, b.particle, &out->particle) || !one(a.prep, b.prep, &out->prep))
      return false;
    if (!a.objects.empty() && !b.objects.empty()) {
      if (a.objects != b.objects) return false;
    }
    out->objects = a.objects.empty() ? b.objects : a.objects;
    out->exact = a.exact && b.exact;
    return true;
  }

  void Flush() {
    for (const Synonym& syn : synonyms_) {
      Emit(syn.lemma, syn.cols, syn.code.empty() ? block_code_ : syn.code, "verb");
      for (const Pattern& pat : patterns_) {
        Cols merged;
        if (!Merge(syn.cols, pat.cols, &merged)) {
          Drop("entry: pattern clashes with a multi-word verb");
          continue;
        }
        Emit(syn.lemma, merged, pat.code, "entry");
      }
    }
    synonyms_.clear();
    patterns_.clear();
    in_block_ = false;
  }

  void Finish() {
    for (auto& [key, types] : candidates_) {
      // The type with the most (exact) evidence; ties go to the lowest code.
      const std::string* best = nullptr;
      const Candidate* best_c = nullptr;
      for (const auto& [type, c] : types) {
        if (!best_c || c.weight > best_c->weight ||
            (c.weight == best_c->weight && c.codes.begin()->first < best_c->codes.begin()->first)) {
          best = &type;
          best_c = &c;
        }
      }
      for (const auto& [type, c] : types)
        if (&c != best_c) {
          int n = 0;
          for (const auto& [code, count] : c.codes) n += count;
          Drop("entry: conflict, another type kept for the same columns", n);
        }
      std::string code;
      int most = 0;
      for (const auto& [cd, count] : best_c->codes)
        if (count > most) {
          most = count;
          code = cd;
        }
      auto& [lemma, particle, object, prep] = key;
      out_.entries.push_back({lemma, particle, object, prep, code, *best});
    }
  }

  using Key = std::tuple<std::string, std::string, std::string, std::string>;

  size_t max_synset_;
  CameoVerbConversion out_;
  std::map<std::string, std::vector<std::string>> synsets_;
  bool in_block_ = false;
  std::string block_code_;
  std::vector<Synonym> synonyms_;
  std::vector<Pattern> patterns_;
  std::map<Key, std::map<std::string, Candidate>> candidates_;  // sorted: output order
};

}  // namespace

std::string SingularNoun(std::string_view word) {
  std::string w = Lower(word);
  static const std::map<std::string, std::string, std::less<>> kIrregular = {
      {"men", "man"}, {"women", "woman"}, {"children", "child"}, {"ties", "tie"},
      {"lies", "lie"}, {"dies", "die"}, {"people", "people"}, {"police", "police"},
      {"news", "news"}, {"series", "series"}, {"species", "species"}, {"chiefs", "chief"},
      {"lives", "life"}, {"wives", "wife"}, {"thieves", "thief"}, {"headquarters", "headquarters"},
      {"data", "data"}, {"media", "media"}, {"criteria", "criterion"}, {"analyses", "analysis"},
      {"crises", "crisis"}, {"bases", "base"}, {"hostages", "hostage"}, {"ceasefires", "ceasefire"}};
  if (auto it = kIrregular.find(w); it != kIrregular.end()) return it->second;
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() + 1 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("ies")) return w.substr(0, w.size() - 3) + "y";
  if (ends("sses") || ends("ches") || ends("shes") || ends("xes") || ends("zzes"))
    return w.substr(0, w.size() - 2);
  if (ends("ss") || ends("us") || ends("is") || ends("ous")) return w;
  if (ends("s")) return w.substr(0, w.size() - 1);
  return w;
}

CameoVerbConversion ConvertCameoVerbs(std::string_view text, size_t max_synset) {
  return Converter(max_synset).Run(text);
}

std::string FormatVerbLexicon(const std::vector<VerbLexEntry>& entries, std::string_view header) {
  std::string out(header);
  out += "#\n# columns: lemma<TAB>particle<TAB>object<TAB>prep<TAB>code<TAB>type ('-': none)\n";
  auto col = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  for (const VerbLexEntry& e : entries)
    out += e.lemma + '\t' + col(e.particle) + '\t' + col(e.object) + '\t' + col(e.prep) + '\t' +
           e.code + '\t' + e.type + '\n';
  return out;
}

}  // namespace geokg::tools::lexicon
