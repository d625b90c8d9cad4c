// ScanFlatJsonObject (json_scan.h): a strict RFC 8259 scanner for one flat
// object. Any doubt is a refusal; the full parser then decides.
#include "ingest/json_scan.h"

#include <cstdint>
#include <cstring>

namespace geokg::ingest {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool AtEnd() const { return p_ == end_; }
  bool Eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  char Peek() const { return p_ < end_ ? *p_ : '\0'; }

  // A string starting at '"'. Sets *raw to the bytes between the quotes and
  // *escaped when they hold a backslash. Validates escapes and rejects
  // control characters.
  bool String(std::string_view* raw, bool* escaped) {
    if (!Eat('"')) return false;
    const char* start = p_;
    *escaped = false;
    while (p_ < end_) {
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        *raw = std::string_view(start, static_cast<size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        *escaped = true;
        if (end_ - p_ < 2) return false;
        p_ += 2;
        if (p_[-1] == 'u') {
          if (end_ - p_ < 4) return false;
          p_ += 4;
        }
        continue;
      }
      ++p_;
    }
    return false;
  }

  // A number, true, false or null (values the scan skips).
  bool Scalar() {
    if (Word("true") || Word("false") || Word("null")) return true;
    const char* start = p_;
    Eat('-');
    if (Eat('0')) {
    } else if (Digits() == 0) {
      return false;
    }
    if (Eat('.') && Digits() == 0) return false;
    if (Eat('e') || Eat('E')) {
      if (!Eat('+')) Eat('-');
      if (Digits() == 0) return false;
    }
    return p_ > start;
  }

 private:
  bool Word(const char* w) {
    size_t n = std::strlen(w);
    if (static_cast<size_t>(end_ - p_) >= n && std::memcmp(p_, w, n) == 0) {
      p_ += n;
      return true;
    }
    return false;
  }
  size_t Digits() {
    const char* start = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return static_cast<size_t>(p_ - start);
  }

  const char* p_;
  const char* end_;
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Hex4(const char* p, uint32_t* out) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    int h = HexValue(p[i]);
    if (h < 0) return false;
    v = v * 16 + static_cast<uint32_t>(h);
  }
  *out = v;
  return true;
}

// Unescapes the raw bytes of a string (as validated by Scanner::String).
// False on an unknown escape or an unpaired surrogate.
bool Unescape(std::string_view raw, std::string* out) {
  out->clear();
  out->reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    size_t slash = raw.find('\\', i);
    if (slash == std::string_view::npos) {
      out->append(raw.data() + i, raw.size() - i);
      break;
    }
    out->append(raw.data() + i, slash - i);
    char e = raw[slash + 1];
    i = slash + 2;
    switch (e) {
      case '"': out->push_back('"'); break;
      case '\\': out->push_back('\\'); break;
      case '/': out->push_back('/'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        uint32_t cp = 0;
        if (i + 4 > raw.size() || !Hex4(raw.data() + i, &cp)) return false;
        i += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low = 0;
          if (i + 6 > raw.size() || raw[i] != '\\' || raw[i + 1] != 'u' || !Hex4(raw.data() + i + 2, &low) ||
              low < 0xDC00 || low > 0xDFFF)
            return false;
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

}  // namespace

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool ScanFlatJsonObject(std::string_view line, JsonField* fields, size_t n) {
  for (size_t f = 0; f < n; ++f) {
    fields[f].present = false;
    fields[f].value.clear();
  }
  Scanner in(line);
  std::string key_buffer, value_buffer;
  in.SkipSpace();
  if (!in.Eat('{')) return false;
  in.SkipSpace();
  if (!in.Eat('}')) {
    for (;;) {
      std::string_view raw_key;
      bool escaped = false;
      if (!in.String(&raw_key, &escaped)) return false;
      std::string_view key = raw_key;
      if (escaped) {
        if (!Unescape(raw_key, &key_buffer)) return false;
        key = key_buffer;
      }
      bool wanted = false;
      for (size_t f = 0; f < n; ++f) wanted |= fields[f].name == key;  // a key may be wanted twice
      in.SkipSpace();
      if (!in.Eat(':')) return false;
      in.SkipSpace();
      if (in.Peek() == '"') {
        std::string_view raw_value;
        if (!in.String(&raw_value, &escaped)) return false;
        if (escaped && !Unescape(raw_value, &value_buffer)) return false;
        std::string_view value = escaped ? std::string_view(value_buffer) : raw_value;
        for (size_t f = 0; wanted && f < n; ++f) {
          if (fields[f].name != key) continue;
          fields[f].present = true;
          fields[f].value.assign(value.data(), value.size());
        }
      } else {
        if (wanted || !in.Scalar()) return false;
      }
      in.SkipSpace();
      if (in.Eat('}')) break;
      if (!in.Eat(',')) return false;
      in.SkipSpace();
    }
  }
  in.SkipSpace();
  return in.AtEnd();
}

}  // namespace geokg::ingest
