// Section tags and kinds of the two model files (see model_file.h for the
// container): tagger.gkm holds the tagger and the lemma tables,
// parser.gkm the transition and label models.
#pragma once

#include <cstdint>

namespace geokg::ingest::parse {

inline constexpr char kTaggerFile[] = "tagger.gkm";
inline constexpr char kParserFile[] = "parser.gkm";

inline constexpr uint32_t kTaggerKind = 1;
inline constexpr uint32_t kParserKind = 2;

enum TaggerSection : uint32_t {
  kSecTagPairs = 1,     // TagPair[]
  kSecTagSlots = 2,     // FeatureSlot[]
  kSecTagEntries = 3,   // WeightTable (linear_model.h)
  kSecTagDict = 4,      // MapSlot[]
  kSecLemmaTable = 5,   // MapSlot[]
  kSecLemmaBlob = 6,    // char[]
  kSecTag2Slots = 7,    // FeatureSlot[]: the second pass
  kSecTag2Entries = 8,  // WeightTable
};

enum ParserSection : uint32_t {
  kSecMoveSlots = 1,    // MoveBucket[]
  kSecLabelSlots = 3,   // FeatureSlot[]
  kSecLabelEntries = 4, // WeightTable
  kSecBeam = 5,         // uint32_t[1]: the beam width the parser was trained for (absent: 1)
};

}  // namespace geokg::ingest::parse
