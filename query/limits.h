// Limits on what one query may ask for, shared by the parser, the binder
// and the command-line flags so that every way of setting a bound checks it
// against the same range.
#pragma once

#include <cstddef>

namespace geokg::query {

// Upper bound of a variable-length relationship, written (`*..1000`) or
// set by OPTIONS {max_hops: N} / QueryOptions::default_max_hops.
constexpr int kMaxHops = 1000;
// OPTIONS {timeout: s} and --timeout: more than about eleven days is a
// mistake, and a bound keeps the deadline arithmetic in range.
constexpr double kMaxTimeLimitSeconds = 1e6;
// OPTIONS {max_memory_mb: N} and --max-memory: 1 MB to 1 TB.
constexpr size_t kMaxMemoryMb = size_t{1} << 20;
constexpr size_t kDefaultMemoryMb = 1024;

}  // namespace geokg::query
