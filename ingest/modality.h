// The order of modalities, strongest non-assertion first: negated >
// hypothetical > future > reported > asserted. When two things qualify one
// statement (a negator and a claim, a condition and a schedule), the
// statement takes the further from asserted of the two. A claim that an
// act will happen ("Iran said it will attack Israel") is a future act, not
// a reported one: "reported" says that someone claims it was done. Shared
// by the trigger rules (relate*.cc) and the tree pass (events/tree_events.cc).
#pragma once

#include "graph/model.h"

namespace geokg::ingest {

inline int Rank(graph::Modality m) {
  switch (m) {
    case graph::Modality::kAsserted: return 0;
    case graph::Modality::kReported: return 1;
    case graph::Modality::kFuture: return 2;
    case graph::Modality::kHypothetical: return 3;
    case graph::Modality::kNegated: return 4;
  }
  return 0;
}

// The one of a and b that asserts less.
inline graph::Modality Weaker(graph::Modality a, graph::Modality b) {
  return Rank(a) >= Rank(b) ? a : b;
}

}  // namespace geokg::ingest
