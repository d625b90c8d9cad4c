// The contract between recognition (text.h, lexicon.h, recognize.h,
// resolve.h) and relation finding (relate.h): a document's tokens,
// sentences and resolved mentions. Recognition fills a DocAnalysis;
// relate reads it and adds relations. Buffers are reused across documents
// (Clear() keeps capacity) so the hot path does not allocate per token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace geokg::ingest {

// Token flags (bit set in Token::flags).
enum TokenFlag : uint16_t {
  kTokCapitalized = 1 << 0,  // first letter upper-case ("Iran", "US")
  kTokAllCaps = 1 << 1,      // every letter upper-case and >= 2 letters ("PMF")
  kTokNumber = 1 << 2,       // starts with a digit ("750", "82nd", "2020")
  kTokPunct = 1 << 3,        // punctuation or symbol
  kTokQuote = 1 << 4,        // a straight or curly quotation mark
  kTokSentenceStart = 1 << 5,
  kTokHyphenated = 1 << 6,   // contains an inner hyphen ("Iran-backed")
  kTokPossessive = 1 << 7,   // followed by 's or ’s, split off as its own token
  kTokCommonWord = 1 << 8,   // its lower-case form is a known English word
  kTokInQuote = 1 << 9,      // lies inside a quotation (“...”, "...", ‘...’)
  kTokAbbreviation = 1 << 10,  // ends with an abbreviation period ("Mr.", "U.S.", "Gen.")
};

struct Token {
  uint32_t begin = 0;  // byte offsets into the document text
  uint32_t end = 0;
  uint16_t flags = 0;
  uint32_t sentence = 0;
};

struct Sentence {
  uint32_t begin = 0;  // byte span in the document text
  uint32_t end = 0;
  uint32_t first_token = 0;  // [first_token, first_token + token_count)
  uint32_t token_count = 0;
  graph::Section section = graph::Section::kBody;
  bool noise = false;  // navigation, plugs, bylines: produce no relations
  bool quoted = false; // lies inside a quotation (speech)
};

// How a mention names its entity.
enum class MentionForm : uint8_t {
  kName,          // "Iran", "Popular Mobilisation Forces", "PMF", "Mark Esper"
  kModifier,      // demonym or country name used as a modifier: "Iranian", "US troops"
  kMetonym,       // capital or seat standing for a government: "Washington", "Kremlin"
  kCompoundAdj,   // "Iran-backed", "US-led": relation carried in compound_type
  kDescription,   // a group or facility described by type: "protesters", "the embassy"
  kPronoun,       // resolved pronoun or definite description ("it", "the building")
};

struct Mention {
  uint32_t first_token = 0;  // [first_token, last_token)
  uint32_t last_token = 0;
  uint32_t sentence = 0;
  uint32_t entity = 0;  // index into DocAnalysis::entities
  MentionForm form = MentionForm::kName;
  // For kCompoundAdj: the relation from the modified head to this entity
  // ("Iran-backed militia": militia backed-by Iran).
  graph::RelationType compound_type = graph::RelationType::kBackedBy;
  // The mention this one modifies, if it is a modifier/compound ("US" in
  // "US Army" modifies "United States Army"): index into mentions, or -1.
  int32_t head = -1;
  std::string_view role;  // title for a person mention ("Defence Secretary"), else empty
  // A second entity the mention stands for: "both sides", "the two
  // countries" refer back to a pair. Index into entities, or UINT32_MAX.
  uint32_t also = UINT32_MAX;
};

struct DocAnalysis {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<graph::Entity> entities;  // the document's distinct entities
  std::vector<Mention> mentions;        // in text order
  // Structural relations found during recognition (part-of from "US Army's
  // 82nd Airborne Division", member-of from titles, located-in from "Iraqi
  // city of Kirkuk", compound adjectives), with their evidence half-filled
  // (sentence, trigger, confidence); relate completes and emits them.
  struct Structural {
    uint32_t source = 0;  // entity indices
    uint32_t target = 0;
    graph::RelationType type = graph::RelationType::kPartOf;
    uint32_t sentence = 0;
    std::string trigger;
    std::string role;
    float confidence = 0.8f;
  };
  std::vector<Structural> structural;
  // Capitalised names the lexicon does not know ("Disha Ravi", "Art Loss
  // Register", "NHTSA"), in text order: each with an entity of its own
  // (appended to `entities`, kind guessed from its words). They are no
  // actors of the document (no mention, no node) unless the tree pass finds
  // one as the subject or object of an event: candidates.h.
  std::vector<Mention> candidates;

  void Clear() {
    text = {};
    tokens.clear();
    sentences.clear();
    entities.clear();
    mentions.clear();
    structural.clear();
    candidates.clear();
  }
  std::string_view TokenText(uint32_t t) const {
    return text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
  }
};

}  // namespace geokg::ingest
