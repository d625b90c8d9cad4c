// The documents that mention an actor: the table behind the REPL's :docs
// and `geokg docs`, so that both resolve names and print rows alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "graph/status.h"
#include "graph/store.h"
#include "graph/view.h"
#include "query/engine.h"

namespace geokg::tools {

// Rows per :docs / `geokg docs` unless told otherwise.
inline constexpr size_t kDefaultDocsLimit = 20;

struct DocsResult {
  // Columns doc (16 hex digits), date (YYYY-MM-DD or null), title, url (null
  // when unknown), mentions; with a leading `entity` column when the name
  // matched several entities. Newest first per entity.
  query::ResultSet rows;
  // One line per matched entity: "Iran: 12 mentions in 5 documents".
  std::string summary;
};

// The documents of the store that mention the entity named `name`,
// resolved as queries resolve {name: '...'} (ResolveName: canonical names
// and aliases by graph::SearchKey, else `canonical_name`'s answer), at most
// `limit` (0: all). NotFound "no entity named 'X' (did you mean 'Y'?)" for
// an unknown name, InvalidInput listing the candidates for an ambiguous one;
// a storage error from the store.
Status DocumentsMentioning(const graph::GraphView& view, const graph::Store& store, std::string_view name,
                           size_t limit, DocsResult* out,
                           const std::function<std::string(std::string_view)>& canonical_name = {});

}  // namespace geokg::tools
