// Printing result sets: aligned tables, JSON and CSV. Nodes print as their
// canonical name, relationships as their type, paths as
// "Iran -[backed-by]-> X <-[part-of]- Y" (see ToDisplayString).
#pragma once

#include <ostream>

#include "graph/view.h"
#include "query/engine.h"

namespace geokg::query {

// Columns padded to their widest cell, a header and a rule, then
// "(N rows)", the truncation note if any, and PROFILE's table if any
// (after a line "profile:"). A cell longer than
// `max_cell_width` code points (0: no limit) is cut and ends with "…"; line
// breaks inside a cell print as spaces.
void WriteTable(const graph::GraphView& view, const ResultSet& rs, std::ostream& out,
                size_t max_cell_width = 0);
// One JSON object per row ({"column": value, ...}, JSON Lines), or one array
// of such objects when `as_array`. Numbers, booleans, null and lists are
// native JSON; nodes, edges and paths are their display strings.
void WriteJson(const graph::GraphView& view, const ResultSet& rs, std::ostream& out,
               bool as_array = false);
// Header line then rows, RFC 4180 quoting, CRLF-free ("\n" line ends).
void WriteCsv(const graph::GraphView& view, const ResultSet& rs, std::ostream& out);

}  // namespace geokg::query
