// PrefetchLine: asks for the cache line holding p, as __builtin_prefetch
// does, but as a volatile asm statement on x86, which the optimiser keeps:
// GCC 12 at -O2/-O3 deletes a guarded loop whose only effect is
// __builtin_prefetch (as in LinearModel::PrefetchSlots).
#pragma once

namespace geokg::ingest::parse {

// REQUIRES: p points into (or one past) a live object.
inline void PrefetchLine(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

}  // namespace geokg::ingest::parse
