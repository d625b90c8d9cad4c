// The Relater's tree pass: sentences that can hold an event (two actors and
// a verb or noun of the event lexicon) are tagged and parsed, and their
// events read from the tree (events/tree_events.h) are emitted through the
// same checks as the trigger rules' (relate_emit.cc).
#include "ingest/relater.h"

namespace geokg::ingest::relate_internal {

// Longer sentences are lists, tables or run-ons the parser reads poorly.
inline constexpr uint32_t kMaxParsedTokens = 100;

void Relater::TreeEvents(uint32_t first_mention, uint32_t end_mention) {
  const uint32_t n = v_.size();
  if (n < 3 || n > kMaxParsedTokens) return;
  // Two distinct actors at least.
  bool two = false;
  for (uint32_t m = first_mention + 1; m < end_mention && !two; ++m)
    two = doc_.mentions[m].entity != doc_.mentions[first_mention].entity;
  if (!two) return;

  s_.words.clear();
  for (uint32_t i = 0; i < n; ++i) s_.words.push_back(doc_.TokenText(v_.first_token() + i));
  const parse::Model& model = *events_->parser;
  model.Tag(s_.words, &s_.parse);
  if (!HasEventCandidate(s_.parse, *events_->lexicon)) return;
  model.Parse(s_.words, &s_.parse);

  s_.tree_mention_at.resize(n);
  for (uint32_t i = 0; i < n; ++i) s_.tree_mention_at[i] = v_.MentionAt(i);
  TreeInput in;
  in.doc = &doc_;
  in.first_token = v_.first_token();
  in.words = s_.words;
  in.mention_at = s_.tree_mention_at;
  in.parse = &s_.parse;
  in.lexicon = events_->lexicon;
  s_.tree_events.clear();
  FindTreeEvents(in, &s_.tree_events, &s_.tree);
  for (const TreeEvent& e : s_.tree_events) {
    Modality modality = e.modality;
    if (v_.Quoted(e.trigger_begin)) modality = Weaker(modality, Modality::kReported);
    EmitOne(e.source, e.type, e.target, modality, e.confidence * caps_factor_, e.trigger_begin,
            e.trigger_end);
  }
}

}  // namespace geokg::ingest::relate_internal
