// Evidence for diagrams: the tooltip sentence of an edge and the documents
// behind a drawing, read from a Store.
#pragma once

#include <string>
#include <vector>

#include "graph/date.h"
#include "graph/store.h"
#include "graph/view.h"
#include "tools/render/render.h"

namespace geokg::tools {

// A lookup giving, for an edge of `view`, its first asserted evidence
// sentence dated inside [from, to] (0: unbounded; with neither, undated
// evidence counts too), or the first of any modality when none is asserted,
// followed by " (DATE, MODALITY)". Both `store` and `view` must outlive the
// returned function. Store errors give "" (a tooltip is not worth failing
// a diagram for).
EvidenceLookup StoreEvidenceLookup(const graph::Store& store, const graph::GraphView& view, graph::Date from = 0,
                                   graph::Date to = 0);

// The number of distinct documents behind `edges`: their evidence inside
// [from, to] (as above), asserted only unless `all_modalities`. One chain
// walk per edge.
Status CountDocuments(const graph::Store& store, const graph::GraphView& view,
                      const std::vector<graph::EdgeIndex>& edges, bool all_modalities, graph::Date from,
                      graph::Date to, size_t* documents);

}  // namespace geokg::tools
