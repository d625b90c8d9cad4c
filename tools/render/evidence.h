// Evidence for diagrams: the tooltip sentence of an edge, read from a Store.
#pragma once

#include <string>

#include "graph/store.h"
#include "graph/view.h"
#include "tools/render/render.h"

namespace geokg::tools {

// A lookup giving, for an edge of `view`, its first asserted evidence
// sentence (or the first of any modality when the edge has none asserted),
// followed by " (DATE, MODALITY)". Both `store` and `view` must outlive the
// returned function. Store errors give "" (a tooltip is not worth failing
// a diagram for).
EvidenceLookup StoreEvidenceLookup(const graph::Store& store, const graph::GraphView& view);

}  // namespace geokg::tools
