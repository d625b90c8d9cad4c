// Tests of ingest/reader.h: text, Markdown, folders and globs, JSONL, bad
// input of every kind, a 50 MB line, and the real corpus.
#include "ingest/reader.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using geokg::ingest::Document;
using geokg::ingest::ReadCounters;
using geokg::ingest::ReaderOptions;

namespace {

using geokg::testing::TempDir;

struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  geokg::Status status;
  uint64_t files = 0, bad_inputs = 0, documents = 0;
};

ReadResult Read(const std::vector<std::string>& paths, const ReaderOptions& options = {}) {
  ReadResult r;
  ReadCounters counters;
  r.status = geokg::ingest::ReadDocuments(
      paths, options,
      [&](Document&& d) {
        r.docs.push_back(std::move(d));
        return true;
      },
      [&](const std::string& e) { r.errors.push_back(e); }, &counters);
  r.files = counters.files;
  r.bad_inputs = counters.bad_inputs;
  r.documents = counters.documents;
  return r;
}

std::vector<std::string> Sources(const ReadResult& r, const std::string& strip) {
  std::vector<std::string> out;
  for (const Document& d : r.docs) out.push_back(d.meta.source.substr(strip.size() + 1));
  return out;
}

}  // namespace

TEST_CASE("a text file is one document with its title, date and id", "[ingest][reader]") {
  geokg::ingest::Document doc;
  std::string text = "US deploys 750 troops after attack\nBAGHDAD, Jan 1 2020 (Reuters) - Troops came.\n";
  REQUIRE(geokg::ingest::ReadTextDocument("dir/a.txt", text, &doc).ok());
  CHECK(doc.text == text);
  CHECK(doc.meta.id == geokg::graph::DocIdFor(text));
  CHECK(doc.meta.bytes == text.size());
  CHECK(doc.meta.source == "dir/a.txt");
  CHECK(doc.meta.title == "US deploys 750 troops after attack");
  CHECK(doc.meta.date == 20200101);

  SECTION("a first line that is a sentence or too long gives the file name as title") {
    REQUIRE(geokg::ingest::ReadTextDocument("dir/b.txt", "This is a sentence.\nMore.", &doc).ok());
    CHECK(doc.meta.title == "b.txt");
    REQUIRE(geokg::ingest::ReadTextDocument("c", std::string(300, 'x'), &doc).ok());
    CHECK(doc.meta.title == "c");
    CHECK(doc.meta.date == 0);
  }
  SECTION("a byte-order mark is dropped") {
    REQUIRE(geokg::ingest::ReadTextDocument("d.txt", "\xEF\xBB\xBFHello", &doc).ok());
    CHECK(doc.text == "Hello");
  }
}

TEST_CASE("Markdown markup is blanked and offsets kept", "[ingest][reader]") {
  std::string md =
      "# Iran rejects *claims*\n"
      "\n"
      "> The [Pentagon](https://defense.gov/x) said **750** troops.\n"
      "- item one with `code`\n"
      "---\n"
      "![photo](img.png) snake_case stays, _emphasis_ goes\n";
  geokg::ingest::Document doc;
  REQUIRE(geokg::ingest::ReadTextDocument("news/a.md", md, &doc).ok());
  REQUIRE(doc.text.size() == md.size());
  CHECK(doc.meta.title == "Iran rejects claims");
  CHECK(doc.text.find("The  Pentagon ") != std::string::npos);
  CHECK(doc.text.find("https") == std::string::npos);
  CHECK(doc.text.find("  750   troops") != std::string::npos);
  CHECK(doc.text.find('#') == std::string::npos);
  CHECK(doc.text.find('*') == std::string::npos);
  CHECK(doc.text.find('`') == std::string::npos);
  CHECK(doc.text.find("---") == std::string::npos);
  CHECK(doc.text.find("img.png") == std::string::npos);
  CHECK(doc.text.find("snake_case stays,  emphasis  goes") != std::string::npos);
  // Every kept byte is where it was.
  size_t pentagon = md.find("Pentagon");
  CHECK(doc.text.substr(pentagon, 8) == "Pentagon");
}

TEST_CASE("globs", "[ingest][reader]") {
  using geokg::ingest::MatchGlob;
  CHECK(MatchGlob("*.txt", "a.txt"));
  CHECK(MatchGlob("*.txt", "sub/deeper/a.txt"));  // no '/': base name at any depth
  CHECK_FALSE(MatchGlob("*.txt", "a.md"));
  CHECK(MatchGlob("**/*.md", "a.md"));
  CHECK(MatchGlob("**/*.md", "x/y/a.md"));
  CHECK(MatchGlob("news/*.md", "news/a.md"));
  CHECK_FALSE(MatchGlob("news/*.md", "news/x/a.md"));
  CHECK(MatchGlob("news/**", "news/x/a.md"));
  CHECK(MatchGlob("file-?.txt", "file-1.txt"));
  CHECK(MatchGlob("file-[0-9].txt", "file-7.txt"));
  CHECK_FALSE(MatchGlob("file-[!0-9].txt", "file-7.txt"));
  CHECK(MatchGlob("drafts", "a/drafts"));
}

namespace {
// The backtracking matcher MatchGlob used before it became an NFA: the
// reference for the differential test below (exponential on many stars).
bool BacktrackingGlob(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.size() >= 2 && p[0] == '*' && p[1] == '*') {
      std::string_view rest = p.substr(2);
      if (!rest.empty() && rest[0] == '/') {
        // "**/" matches zero or more whole folders.
        rest.remove_prefix(1);
        if (BacktrackingGlob(rest, s)) return true;
        for (size_t k = 0; k < s.size(); ++k)
          if (s[k] == '/' && BacktrackingGlob(rest, s.substr(k + 1))) return true;
        return false;
      }
      for (size_t k = 0; k <= s.size(); ++k)
        if (BacktrackingGlob(rest, s.substr(k))) return true;
      return false;
    }
    char c = p[0];
    if (c == '*') {
      for (size_t k = 0; k <= s.size(); ++k) {
        if (BacktrackingGlob(p.substr(1), s.substr(k))) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (c == '?') {
      if (s[0] == '/') return false;
    } else if (c == '[') {
      size_t close = p.find(']', 2);
      if (close == std::string_view::npos) {
        if (s[0] != '[') return false;  // a lone '[' is literal
      } else {
        std::string_view set = p.substr(1, close - 1);
        bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
        if (negate) set.remove_prefix(1);
        bool found = false;
        for (size_t k = 0; k < set.size(); ++k) {
          if (k + 2 < set.size() && set[k + 1] == '-') {
            if (s[0] >= set[k] && s[0] <= set[k + 2]) found = true;
            k += 2;
          } else if (set[k] == s[0]) {
            found = true;
          }
        }
        if (found == negate || s[0] == '/') return false;
        p.remove_prefix(close + 1);
        s.remove_prefix(1);
        continue;
      }
    } else if (c != s[0]) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}
}  // namespace

TEST_CASE("glob matching agrees with the backtracking reference on random cases", "[ingest][reader]") {
  std::mt19937 rng(13);
  const std::string pattern_chars = "ab/*?[]!-";
  const std::string path_chars = "ab/-[";
  auto random_string = [&](const std::string& alphabet, size_t max_len) {
    std::string s(rng() % (max_len + 1), ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int i = 0; i < 20000; ++i) {
    std::string glob = random_string(pattern_chars, 8);
    std::string path = random_string(path_chars, 10);
    INFO("glob '" << glob << "' path '" << path << "'");
    REQUIRE(geokg::ingest::MatchGlob("/" + glob, path) == BacktrackingGlob(glob, path));
  }
}

TEST_CASE("glob matching takes linear time on many stars", "[ingest][reader]") {
  // The backtracking matcher took seconds here (and hours on longer names).
  const std::string name(2000, 'a');
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(geokg::ingest::MatchGlob("*a*a*a*a*a*a*b", name));
  CHECK_FALSE(geokg::ingest::MatchGlob("**a**a**a**a**a**a**b", name + "/" + name));
  CHECK(geokg::ingest::MatchGlob("*a*a*a*a*a*a*", name));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 1.0);
}

TEST_CASE("folders are walked recursively, sorted, filtered by globs", "[ingest][reader]") {
  TempDir dir;
  dir.Write("b.txt", "Bee\nbody b");
  dir.Write("a.md", "# Ay\nbody a");
  dir.Write("sub/c.txt", "Sea\nbody c");
  dir.Write("sub/z/d", "Dee\nbody d");  // no extension: text
  dir.Write("sub/e.html", "<p>skipped unless included</p>");
  dir.Write(".hidden.txt", "hidden");
  dir.Write("drafts/f.txt", "Eff\nbody f");
  dir.Write("c.jsonl", "{\"text\": \"line one\"}\n{\"text\": \"line two\"}\n");

  SECTION("defaults: known types, byte order, hidden skipped") {
    ReadResult r = Read({dir.Path()});
    CHECK(r.errors.empty());
    CHECK(Sources(r, dir.Path()) ==
          std::vector<std::string>{"a.md", "b.txt", "c.jsonl:1", "c.jsonl:2", "drafts/f.txt", "sub/c.txt",
                                   "sub/z/d"});
    CHECK(r.files == 6);
  }
  SECTION("include and exclude") {
    ReaderOptions options;
    options.include = {"*.txt", "*.html"};
    options.exclude = {"drafts"};
    ReadResult r = Read({dir.Path()}, options);
    CHECK(r.errors.empty());
    CHECK(Sources(r, dir.Path()) == std::vector<std::string>{"b.txt", "sub/c.txt", "sub/e.html"});
    options.include = {"sub/**"};
    options.exclude = {"**/z/*"};
    r = Read({dir.Path()}, options);
    CHECK(Sources(r, dir.Path()) == std::vector<std::string>{"sub/c.txt", "sub/e.html"});
  }
  SECTION("paths are read in the order given, files named directly whatever their type") {
    ReadResult r = Read({dir.Path("sub/e.html"), dir.Path("b.txt")});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].meta.source == dir.Path("sub/e.html"));
    CHECK(r.docs[1].meta.source == dir.Path("b.txt"));
  }
}

TEST_CASE("JSONL with custom field names", "[ingest][reader]") {
  TempDir dir;
  std::string path = dir.Write("x.ndjson",
                               "{\"body\": \"Iran rejected it.\", \"headline\": \"Iran rejects\", "
                               "\"when\": \"Jan 2, 2020\", \"link\": \"http://x\", \"uid\": 42}\r\n"
                               "\n"
                               "{\"body\": \"Second.\", \"when\": \"2 January 2020\"}");
  ReaderOptions options;
  options.text_field = "body";
  options.title_field = "headline";
  options.date_field = "when";
  options.url_field = "link";
  options.id_field = "uid";
  ReadResult r = Read({path}, options);
  CHECK(r.errors.empty());
  REQUIRE(r.docs.size() == 2);
  const auto& m = r.docs[0].meta;
  CHECK(r.docs[0].text == "Iran rejected it.");
  CHECK(m.title == "Iran rejects");
  CHECK(m.date == 20200102);
  CHECK(m.url == "http://x");
  CHECK(m.external_id == "42");
  CHECK(m.source == path + ":1");
  CHECK(m.id == geokg::graph::DocIdFor("Iran rejected it."));
  CHECK(r.docs[1].meta.source == path + ":3");  // blank line 2 skipped, last line without newline read
  CHECK(r.docs[1].meta.date == 20200102);
}

TEST_CASE("JSONL fields are decoded of HTML character references", "[ingest][reader]") {
  TempDir dir;
  // The first line takes the fast path, the second (an array field) the full
  // JSON parser: both decode text and title.
  const std::string raw = "Rebels from Sudan #39;s Darfur region want  #36;20bn &amp; talks &#8212; now.";
  std::string path = dir.Write("x.jsonl",
                               "{\"title\": \"Sudan #39;s rebels &lt;b&gt;\", \"text\": \"" + raw + "\"}\n"
                               "{\"tags\": [1], \"text\": \"Iran&#39;s envoy &#x2019;s &#150; &#0; &#55296; #12 "
                               "&copy; &\"}\n");
  ReadResult r = Read({path}, ReaderOptions{});
  CHECK(r.errors.empty());
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].text == "Rebels from Sudan's Darfur region want $20bn & talks \u2014 now.");
  CHECK(r.docs[0].meta.title == "Sudan's rebels <b>");
  CHECK(r.docs[0].meta.bytes == r.docs[0].text.size());
  // The id is the text's as read, so a store made before decoding keeps it.
  CHECK(r.docs[0].meta.id == geokg::graph::DocIdFor(raw));
  // Windows-1252's dash for 150; a NUL, a surrogate, a reference without
  // its ';', an unknown name and a lone '&' stay as written.
  CHECK(r.docs[1].text == "Iran's envoy \u2019s \u2013 &#0; &#55296; #12 &copy; &");
}

TEST_CASE("bad JSONL lines are reported with file:line and the others read", "[ingest][reader]") {
  TempDir dir;
  std::string path = dir.Write("a.jsonl",
                               "{\"text\": \"one\"}\n"
                               "{\"text\": \"two\"\n"
                               "[1, 2]\n"
                               "{\"title\": \"no text\"}\n"
                               "{\"text\": \"  \"}\n"
                               "{\"text\": 5}\n"
                               "{\"text\": \"bad \xff byte\"}\n"
                               "{\"text\": \"eight\"}\n");
  ReadResult r = Read({path});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].text == "one");
  CHECK(r.docs[1].text == "eight");
  REQUIRE(r.errors.size() == 6);
  CHECK(r.errors[0].rfind(path + ":2: malformed JSON: ", 0) == 0);
  CHECK(r.errors[1] == path + ":3: not a JSON object, skipped");
  CHECK(r.errors[2] == path + ":4: no \"text\" field, skipped");
  CHECK(r.errors[3] == path + ":5: empty \"text\" field, skipped");
  CHECK(r.errors[4] == path + ":6: field \"text\" is not a string, skipped");
  CHECK(r.errors[5] == path + ":7:15: invalid UTF-8 (byte 0xff), skipped");
  CHECK(r.bad_inputs == 6);
  CHECK(r.status.ok());
  for (const std::string& e : r.errors) CHECK(e.find('\n') == std::string::npos);
}

TEST_CASE("bad files are reported in one line and skipped", "[ingest][reader]") {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Good\nfine text");
  std::string bin = dir.Write("x.bin", std::string("abcdefghijkl\0mn", 15));
  std::string utf = dir.Write("y.txt", "line one\nline two\nline \xc3\xa9 three \xff four\n");
  std::string empty = dir.Write("empty.txt", "");
  std::string blank = dir.Write("blank.txt", " \n\t\n");
  std::string empty_jsonl = dir.Write("e.jsonl", "\n\n");
  std::string bin_jsonl = dir.Write("b.jsonl", std::string("{\"text\":\0}", 10));
  std::string missing = dir.Path("missing.txt");
  ReadResult r = Read({bin, utf, empty, blank, empty_jsonl, bin_jsonl, missing, good});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].meta.source == good);
  CHECK(r.errors == std::vector<std::string>{
                        bin + ": binary file (NUL byte at offset 12), skipped",
                        utf + ":3:15: invalid UTF-8 (byte 0xff), skipped",
                        empty + ": empty file, skipped",
                        blank + ": empty file (only white space), skipped",
                        empty_jsonl + ": empty file, skipped",
                        bin_jsonl + ": binary file (NUL byte at offset 8), skipped",
                        missing + ": no such file",
                    });
  CHECK(r.bad_inputs == 7);
  CHECK(r.status.ok());

  SECTION("mostly control bytes is binary too") {
    geokg::ingest::Document doc;
    geokg::Status s = geokg::ingest::ReadTextDocument("c.dat", std::string(100, '\x01'), &doc);
    CHECK(s.message() == "c.dat: binary file (mostly non-text bytes), skipped");
  }
}

TEST_CASE("an unreadable folder is reported and the walk goes on", "[ingest][reader]") {
  if (::geteuid() == 0) {
    WARN("running as root: permissions are not enforced, test skipped");
    return;
  }
  TempDir dir;
  dir.Write("a/locked/x.txt", "X\ntext");
  dir.Write("b.txt", "B\ntext");
  ::chmod(dir.Path("a/locked").c_str(), 0);
  ReadResult r = Read({dir.Path()});
  CHECK(r.errors == std::vector<std::string>{dir.Path("a/locked") + "/: permission denied"});
  CHECK(r.docs.size() == 1);
}

TEST_CASE("the walk stops when on_document returns false", "[ingest][reader]") {
  TempDir dir;
  dir.Write("a.txt", "A\na");
  dir.Write("b.txt", "B\nb");
  int seen = 0;
  geokg::Status s = geokg::ingest::ReadDocuments(
      {dir.Path()}, {}, [&](Document&&) { return ++seen < 1; }, nullptr, nullptr);
  CHECK_FALSE(s.ok());
  CHECK(seen == 1);
}

namespace {
long PeakRssKb() {
  struct rusage u;
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}
}  // namespace

TEST_CASE("a 50 MB single line is bounded by max_document_bytes", "[ingest][reader]") {
  TempDir dir;
  const size_t kLine = 50u << 20;
  std::string path = dir.Path("big.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"text\": \"";
    std::string chunk(1 << 20, 'a');
    for (size_t i = 0; i < kLine / chunk.size(); ++i) out << chunk;
    out << "\"}\n{\"text\": \"after\"}\n";
    for (size_t i = 0; i < kLine / chunk.size(); ++i) out << chunk;  // a last line, no newline
  }
  long before = PeakRssKb();
  ReaderOptions options;
  options.max_document_bytes = 1 << 20;
  ReadResult r = Read({path}, options);
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "after");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].rfind(path + ":1: line too long (", 0) == 0);
  CHECK(r.errors[1].rfind(path + ":3: line too long (", 0) == 0);
  // The 50 MB line was never held: the peak grew by far less than it.
  CHECK(PeakRssKb() - before < 16 * 1024);

  SECTION("within the limit it is one document") {
    ReaderOptions big;
    big.max_document_bytes = 64ull << 20;
    ReadResult whole = Read({path}, big);
    REQUIRE(whole.docs.size() == 2);
    CHECK(whole.docs[0].text.size() == kLine);
    CHECK(whole.errors.size() == 1);  // the last line is not JSON
  }
  SECTION("a text file over the limit is rejected before it is read") {
    std::string txt = dir.Path("big.txt");
    fs::copy_file(path, txt);
    ReadResult t = Read({txt}, options);
    CHECK(t.docs.empty());
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].rfind(txt + ": file too large (", 0) == 0);
  }
}

TEST_CASE("ValidateUtf8", "[ingest][reader]") {
  using geokg::ingest::ValidateUtf8;
  size_t bad = 99;
  CHECK(ValidateUtf8("plain ascii text that is longer than eight bytes", &bad));
  CHECK(ValidateUtf8("caf\xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80", &bad));
  CHECK_FALSE(ValidateUtf8("abc\xc0\xafxyz", &bad));  // overlong '/'
  CHECK(bad == 3);
  CHECK_FALSE(ValidateUtf8("\xed\xa0\x80", &bad));  // surrogate
  CHECK(bad == 0);
  CHECK_FALSE(ValidateUtf8("ok\xe2\x80", &bad));  // truncated
  CHECK(bad == 2);
  CHECK_FALSE(ValidateUtf8("\xf4\x90\x80\x80", &bad));  // above U+10FFFF
}

TEST_CASE("the real corpus reads completely and cleanly", "[ingest][reader][corpus]") {
  std::string corpus = std::string(GEOKG_SHARED_DIR) + "/corpus";
  if (!fs::exists(corpus)) {
    WARN("SKIPPED: " << corpus << " is absent (no ../shared); this check did not run");
    return;
  }
  uint64_t reuters = 0, agnews = 0, text = 0, dated = 0, titled = 0;
  std::vector<std::string> errors;
  geokg::Status s = geokg::ingest::ReadDocuments(
      {corpus}, {},
      [&](Document&& d) {
        if (d.meta.source.find("reuters21578.jsonl:") != std::string::npos) {
          ++reuters;
          if (d.meta.date != 0) ++dated;
          if (!d.meta.title.empty() && !d.meta.external_id.empty()) ++titled;
        } else if (d.meta.source.find("ag-news-world.jsonl:") != std::string::npos) {
          ++agnews;
        } else if (d.meta.source.find("000_7358da66aa299e2b.txt") != std::string::npos) {
          ++text;
          CHECK(d.meta.title == "US deploys 750 troops after attack on its embassy in Iraq");
        }
        return true;
      },
      [&](const std::string& e) { errors.push_back(e); }, nullptr);
  CHECK(s.ok());
  CHECK(errors.empty());
  CHECK(reuters == 19043);
  CHECK(agnews == 1900);
  CHECK(text == 1);
  CHECK(dated == 19043);
  CHECK(titled >= 19000);
}
