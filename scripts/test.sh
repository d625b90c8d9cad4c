#!/usr/bin/env bash
# The README's test command: install, build, and run the whole test suite
# through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
