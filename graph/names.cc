#include "graph/names.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <memory>

namespace geokg::graph {
namespace {

// Letters with no decomposition, in the ASCII a reader types for them.
struct Spelling {
  std::string_view letter;  // UTF-8, already case-folded
  std::string_view ascii;
};
constexpr Spelling kSpellings[] = {
    {"\u00f8", "o"},  {"\u0142", "l"}, {"\u0111", "d"},  {"\u00e6", "ae"}, {"\u0153", "oe"},
    {"\u0131", "i"},  {"\u00fe", "th"}, {"\u00f0", "d"}, {"\u0127", "h"},  {"\u0138", "k"},
};

bool IsSeparator(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_'; }

}  // namespace

std::string SearchKey(std::string_view name) {
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()), static_cast<utf8proc_ssize_t>(name.size()),
                   &folded, static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                           UTF8PROC_CASEFOLD));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(folded, &std::free);
  std::string_view text = n >= 0 ? std::string_view(reinterpret_cast<const char*>(folded), static_cast<size_t>(n))
                                 : name;
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSeparator(c)) {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    std::string_view piece;
    size_t len = 1;
    if (c < 0x80) {
      // ASCII punctuation folds away ("d'Ivoire", "U.S.", "Korea, North").
      if (!std::isalnum(c)) {
        ++i;
        continue;
      }
    } else {
      len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (i + len > text.size()) len = text.size() - i;
      std::string_view letter = text.substr(i, len);
      // General punctuation (U+2010..U+205E: dashes, quotes) folds away too.
      if (len == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        i += len;
        continue;
      }
      for (const Spelling& s : kSpellings)
        if (letter == s.letter) piece = s.ascii;
      if (piece.empty()) piece = letter;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (c < 0x80) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    else out.append(piece);
    i += len;
  }
  if (out.compare(0, 4, "the ") == 0) out.erase(0, 4);
  return out;
}

}  // namespace geokg::graph
