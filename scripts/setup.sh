#!/usr/bin/env bash
# Installs what geokg needs on Debian 12 (as root, or with sudo) and builds it
# into build/. Safe to run again: apt-get skips what is there, CMake rebuilds
# only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make pkg-config
  libboost-graph-dev liblmdb-dev lmdb-utils libcereal-dev
  libgraphviz-dev graphviz fonts-liberation2 catch2 libreadline-dev nlohmann-json3-dev libutf8proc-dev
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
