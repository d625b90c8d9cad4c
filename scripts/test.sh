#!/usr/bin/env bash
# The README's test command: install, build, and run the whole test suite
# through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"

# The libFuzzer harnesses (tests/fuzz) for a few seconds each, in their own
# ASan/UBSan build (build-fuzz/), when clang is there; GEOKG_SKIP_FUZZ=1 leaves
# them out.
if [ -n "${GEOKG_SKIP_FUZZ:-}" ]; then
  echo "test.sh: SKIPPED fuzz smoke runs (GEOKG_SKIP_FUZZ is set)"
elif command -v clang++-14 >/dev/null 2>&1 || command -v clang++ >/dev/null 2>&1; then
  bash scripts/fuzz.sh --smoke
else
  echo "test.sh: SKIPPED fuzz smoke runs: no clang++ (apt-get install clang-14 to run them)"
fi
