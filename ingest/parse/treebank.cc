#include "ingest/parse/treebank.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace geokg::ingest::parse {

namespace {

// Splits a line on tabs into at most 10 fields.
int SplitTabs(std::string_view line, std::string_view* f) {
  int n = 0;
  size_t b = 0;
  while (n < 10) {
    size_t e = line.find('\t', b);
    f[n++] = line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return n;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 6) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

std::string_view UniversalPart(std::string_view dep) { return dep.substr(0, dep.find(':')); }

}  // namespace

bool ReadConllu(std::istream& in, std::vector<TreebankSentence>* out, std::string* error) {
  std::string line;
  size_t line_no = 0;
  TreebankSentence cur;
  auto flush = [&]() -> bool {
    if (cur.tokens.empty()) {
      cur = TreebankSentence();
      return true;
    }
    for (const TreebankToken& t : cur.tokens)
      if (t.head >= static_cast<int32_t>(cur.tokens.size())) {
        *error = "line " + std::to_string(line_no) + ": head out of range";
        return false;
      }
    out->push_back(std::move(cur));
    cur = TreebankSentence();
    return true;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!flush()) return false;
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) cur.id = line.substr(12);
      if (line.rfind("# text = ", 0) == 0) cur.text = line.substr(9);
      continue;
    }
    std::string_view f[10];
    if (SplitTabs(line, f) != 10) {
      *error = "line " + std::to_string(line_no) + ": expected 10 tab-separated columns";
      return false;
    }
    if (f[0].find_first_of("-.") != std::string_view::npos) continue;
    int id = 0, head = 0;
    if (!ParseInt(f[0], &id) || id != static_cast<int>(cur.tokens.size()) + 1) {
      *error = "line " + std::to_string(line_no) + ": bad token id '" + std::string(f[0]) + "'";
      return false;
    }
    TreebankToken t;
    t.form = f[1];
    t.lemma = f[2];
    if (!ParseUpos(f[3], &t.upos)) t.upos = Upos::kX;
    if (!ParseXpos(f[4], &t.xpos)) ParseXpos("XX", &t.xpos);
    if (f[6] == "_") {
      head = 0;
    } else if (!ParseInt(f[6], &head)) {
      *error = "line " + std::to_string(line_no) + ": bad head '" + std::string(f[6]) + "'";
      return false;
    }
    t.head = head - 1;
    if (!ParseDep(f[7], &t.dep)) {
      Dep d;
      t.dep = ParseDep(UniversalPart(f[7]), &d) ? d : Dep::kDep;
    }
    cur.tokens.push_back(std::move(t));
  }
  return flush();
}

bool ReadConlluFile(const std::string& path, std::vector<TreebankSentence>* out, std::string* error) {
  std::string data;
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".xz") == 0) {
    std::ifstream probe(path);
    if (!probe) {
      *error = path + ": cannot read";
      return false;
    }
    std::string cmd = "xz -dc '" + path + "'";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) {
      *error = path + ": cannot run xz";
      return false;
    }
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) data.append(buf, n);
    if (::pclose(p) != 0) {
      *error = path + ": xz failed";
      return false;
    }
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = path + ": cannot read";
      return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    data = ss.str();
  }
  std::istringstream in(data);
  std::string why;
  if (!ReadConllu(in, out, &why)) {
    *error = path + ":" + why;
    return false;
  }
  return true;
}

void ParseScores::Add(const TreebankSentence& gold, const SentenceParse& got) {
  ++sentences;
  for (size_t i = 0; i < gold.tokens.size() && i < got.size(); ++i) {
    const TreebankToken& g = gold.tokens[i];
    bool punct = g.upos == Upos::kPunct;
    ++tokens;
    if (!punct) ++tokens_nopunct;
    if (got.upos[i] == g.upos) ++upos;
    if (got.xpos[i] == g.xpos) ++xpos;
    if (got.Lemma(i) == g.lemma) ++lemma;
    if (got.head[i] == g.head) {
      ++uas;
      if (!punct) ++uas_nopunct;
      if (UniversalPart(NameOf(got.dep[i])) == UniversalPart(NameOf(g.dep))) {
        ++las;
        if (!punct) ++las_nopunct;
      }
      if (got.dep[i] == g.dep) ++las_full;
    }
  }
}

}  // namespace geokg::ingest::parse
