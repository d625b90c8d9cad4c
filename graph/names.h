// Name search keys: how a name a user types is compared with the names and
// aliases of entities. Accents, case and punctuation fold away, as a reader
// expects: "Côte d'Ivoire", "COTE D'IVOIRE" and "Cote dIvoire" are one key,
// as are "Türkiye" and "Turkiye", "U.S." and "US", "São Tomé" and "Sao Tome".
// (The store's own alias index keeps NormalizeName keys, graph/ids.h.)
#pragma once

#include <string>
#include <string_view>

namespace geokg::graph {

// Unicode compatibility decomposition with the combining marks stripped and
// case folded (utf8proc), a few letters that do not decompose spelled in
// ASCII ("ø" -> "o", "ł" -> "l", "æ" -> "ae"), punctuation dropped, runs of
// spaces, hyphens and underscores made one space, and a leading "the "
// dropped. Invalid UTF-8 folds by bytes (ASCII letters only).
std::string SearchKey(std::string_view name);

}  // namespace geokg::graph
