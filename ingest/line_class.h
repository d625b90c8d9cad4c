// Line shapes and line classes of a document, used by the sentence
// splitter (text.cc): is the text hard-wrapped, which line is a headline,
// which lines are scraped-page noise or a list of related headlines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace geokg::ingest {

struct LineInfo {
  uint32_t begin = 0;  // byte span of the line without its break
  uint32_t end = 0;
  uint32_t indent = 0;       // leading spaces (a tab counts 4)
  uint32_t words = 0;        // whitespace-separated chunks
  bool blank = false;        // only white space
  bool final_punct = false;  // ends with . ! ? : ; or those plus closing quotes/brackets
  bool lower_start = false;  // first visible character is an ASCII lower-case letter
  graph::Section section = graph::Section::kBody;
  bool noise = false;
};

// Shape of text[begin, end).
LineInfo DescribeLine(std::string_view text, size_t begin, size_t end);

// True if the text is hard-wrapped mid-sentence: lines often continue with
// a lower-case word, or nearly all lines are 40..80 columns.
bool IsHardWrapped(const std::vector<LineInfo>& lines);

// Sets section and noise on every line: the first line of a page that is
// not hard-wrapped is a title when it looks like a headline; navigation,
// plugs, bylines, separators, copyright and link-only lines are noise; the
// lines after a "More from X"/"Related"/"Read more" header are related
// headlines until a line of prose (ending in final punctuation) returns.
void ClassifyLines(std::string_view text, bool wrapped, std::vector<LineInfo>* lines);

}  // namespace geokg::ingest
