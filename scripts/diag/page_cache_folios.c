// page_cache_folios: the sizes of the page-cache folios holding a file
// (e.g. a store's data.mdb), to tell what the kernel's write_bytes counter
// charges: dirtying one 4 KiB page of a large folio charges the whole folio
// (docs/ingest-benchmarks.md, issue 15). A diagnostic, not part of the build:
//
//   cc -O2 -o page_cache_folios scripts/diag/page_cache_folios.c
//   page_cache_folios DIR/data.mdb        (as root: /proc/kpageflags)
//
// Maps the file read-only, touches each page that is cached (mincore), and
// reads the flags of its physical page (/proc/self/pagemap, then
// /proc/kpageflags: compound tail or not). Prints the share of the cached
// pages that sit in folios of each size. It does not change the folios.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
int main(int argc, char** argv) {
  int fd = open(argv[1], O_RDONLY); struct stat st; fstat(fd, &st);
  size_t n = st.st_size / 4096;
  unsigned char* base = mmap(0, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  unsigned char* inc = malloc(n); mincore(base, st.st_size, inc);
  int pm = open("/proc/self/pagemap", O_RDONLY), kf = open("/proc/kpageflags", O_RDONLY);
  uint64_t hist[20] = {0}, cached = 0, run = 0; volatile unsigned char sink;
  for (size_t i = 0; i < n; ++i) {
    if (!(inc[i] & 1)) continue;
    ++cached;
    sink = base[i * 4096];  // maps the cached page
    (void)sink;
    uint64_t e; pread(pm, &e, 8, (off_t)((uintptr_t)(base + i * 4096) / 4096) * 8);
    if (!(e >> 63)) continue;
    uint64_t pfn = e & ((1ull << 55) - 1), f; pread(kf, &f, 8, pfn * 8);
    int head = (f >> 15) & 1, tail = (f >> 16) & 1;
    if (!tail) {  // a new folio starts: count the previous one
      if (run) { int o = 0; while ((1ull << o) < run) ++o; hist[o] += run; }
      run = 1;
    } else ++run;
    (void)head;
  }
  if (run) { int o = 0; while ((1ull << o) < run) ++o; hist[o] += run; }
  printf("%s: %zu pages, %llu cached\n", argv[1], n, (unsigned long long)cached);
  for (int o = 0; o < 20; ++o) if (hist[o]) printf("  folios of %4d KiB: %5.1f%% of cached pages\n", 4 << o, 100.0 * hist[o] / cached);
}
