#!/usr/bin/env bash
# Installs what geokg needs on Debian 12 (as root, or with sudo) and builds it
# into build/. Safe to run again: apt-get skips what is there, CMake rebuilds
# only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make pkg-config
  libboost-graph-dev liblmdb-dev lmdb-utils libcereal-dev
  libgraphviz-dev graphviz fonts-liberation2 catch2 libreadline-dev nlohmann-json3-dev libutf8proc-dev zlib1g-dev libzstd-dev
  iso-codes wordnet-base hunspell-en-us
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

# Optional: the Kùzu Node.js package, for the test that loads a CSV export into
# Kùzu (tests/e2e/kuzu_test.cc). Installed into build/node-kuzu, never into the
# source tree; without npm or without network the test is skipped with a
# message, and nothing else depends on it.
kuzu_dir=build/node-kuzu
if [ ! -d "$kuzu_dir/node_modules/kuzu" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "setup: installing the kuzu npm package into $kuzu_dir (for the Kùzu load test)"
    mkdir -p "$kuzu_dir"
    timeout 600 npm install --prefix "$kuzu_dir" --no-audit --no-fund --loglevel=error \
        --fetch-retries=1 --fetch-timeout=30000 kuzu@0.11.3 >/dev/null 2>&1 ||
      echo "setup: could not install kuzu from npm (offline?); the Kùzu load test will be skipped"
  else
    echo "setup: npm not found; the Kùzu load test will be skipped"
  fi
fi
