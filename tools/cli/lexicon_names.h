// Names the graph does not hold, read through the built-in lexicon: a user
// may type any alias the lexicon knows ("Türkiye", "Côte d'Ivoire",
// "Burma") even when the articles used another.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace geokg::tools {

// A function from a name to the canonical name of the lexicon entry it is an
// alias of ("" when none). The lexicon is loaded on the first call (a few
// hundred milliseconds), not before: most lookups never need it.
std::function<std::string(std::string_view)> LexiconCanonicalName();

}  // namespace geokg::tools
