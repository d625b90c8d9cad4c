#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang (ASan + UBSan) into
# build-fuzz/ and runs each for SECONDS (default 60), starting from the seed
# corpus in tests/fuzz/corpus/<harness>/. New inputs go to
# build-fuzz/corpus/<harness>/ (copy the interesting ones into the seeds by
# hand); a crash leaves build-fuzz/crash-<harness>-* and ends the script
# with status 1.
#
#   bash scripts/fuzz.sh                 # every harness, 60 s each
#   bash scripts/fuzz.sh 600 query       # the query harness, 10 minutes
#   JOBS=1 bash scripts/fuzz.sh 30       # build with one job
#   bash scripts/fuzz.sh --smoke         # build, then the fuzz-smoke CTest label
#                                        # (what scripts/test.sh runs when clang is there)
#
# The fuzz-smoke CTest label runs each harness for 10 s in the same build:
#   ctest --test-dir build-fuzz -L fuzz-smoke
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [ "${1:-}" = "--smoke" ]; then smoke=1; shift; fi
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(query repl readers decoders extractor)

cxx=${CXX_FUZZ:-}
if [ -z "$cxx" ]; then
  for c in clang++-14 clang++; do
    if command -v "$c" >/dev/null 2>&1; then cxx=$c; break; fi
  done
fi
if [ -z "$cxx" ]; then
  echo "fuzz.sh: no clang++ found (install clang-14); the harnesses need libFuzzer" >&2
  exit 1
fi

cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DGEOKG_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build build-fuzz -j"${JOBS:-$(nproc)}" --target "${targets[@]}"

if [ $smoke -eq 1 ]; then
  # Each harness for GEOKG_FUZZ_SMOKE_SECONDS (10) over a scratch copy of its seeds.
  exec ctest --test-dir build-fuzz -L fuzz-smoke --output-on-failure
fi

status=0
for h in "${harnesses[@]}"; do
  mkdir -p "build-fuzz/corpus/$h"
  echo "fuzz.sh: $h for $seconds s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "build-fuzz/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="build-fuzz/crash-$h-" \
      "build-fuzz/corpus/$h" "tests/fuzz/corpus/$h" 2>"build-fuzz/fuzz-$h.log"; then
    echo "fuzz.sh: $h found a problem; see build-fuzz/fuzz-$h.log and build-fuzz/crash-$h-*" >&2
    tail -n 40 "build-fuzz/fuzz-$h.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/fuzz-$h.log" | sed "s/^/  $h: /"
  fi
done
exit $status
