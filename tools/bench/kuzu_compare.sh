#!/usr/bin/env bash
# Side-by-side query benchmark: geokg (tools/bench/bench_query) and Kùzu 0.11.3
# (its npm package, through node) on the same generated graph, with every
# answer checked against a plain BFS / count over the graph's CSV
# (kuzu_compare.mjs). Not a test.
#
#   tools/bench/kuzu_compare.sh [ENTITIES RELATIONS]     default 100000 1000000
#
# Settings (environment):
#   BUILD=build                    where bench_query and geokg were built
#   WORK=/tmp/geokg-kuzu-N-M       store, CSV and Kùzu database (kept, so a
#                                  second run reuses them; delete to redo)
#   GEOKG_KUZU_NODE_MODULES=DIR    a node_modules holding kuzu; else
#                                  $BUILD/node-kuzu/node_modules (scripts/setup.sh
#                                  installs it there), else it is installed with
#                                  `npm install kuzu@0.11.3` into
#                                  ${XDG_CACHE_HOME:-~/.cache}/geokg-kuzu
#   SKIP_GEOKG=1                   only the Kùzu side (the geokg store and CSV
#                                  must exist in WORK)
#
# Without node, or when the package cannot be installed, the Kùzu side is
# skipped with a message (exit status 0); the geokg side still runs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
entities=${1:-100000}
relations=${2:-1000000}
build=${BUILD:-build}
work=${WORK:-/tmp/geokg-kuzu-$entities-$relations}
mkdir -p "$work"

if [ -z "${SKIP_GEOKG:-}" ]; then
  echo "== geokg: bench_query $entities $relations (store and CSV in $work)"
  "$build/tools/bench_query" "$entities" "$relations" --store "$work/store" --csv "$work/csv" |
    tee "$work/geokg.txt"
fi

if ! command -v node >/dev/null 2>&1; then
  echo "kuzu_compare: node is not installed: Kùzu side skipped"
  exit 0
fi
modules=${GEOKG_KUZU_NODE_MODULES:-}
if [ -z "$modules" ] && [ -d "$build/node-kuzu/node_modules/kuzu" ]; then
  modules=$build/node-kuzu/node_modules
fi
if [ -z "$modules" ]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/geokg-kuzu
  if [ ! -d "$cache/node_modules/kuzu" ]; then
    echo "kuzu_compare: installing kuzu@0.11.3 from npm into $cache"
    mkdir -p "$cache"
    if ! timeout 600 npm install --prefix "$cache" --no-audit --no-fund --loglevel=error kuzu@0.11.3 >/dev/null 2>&1; then
      echo "kuzu_compare: could not install kuzu@0.11.3 (offline?): Kùzu side skipped"
      exit 0
    fi
  fi
  modules=$cache/node_modules
fi
if ! node -e "require('$modules/kuzu')" >/dev/null 2>&1; then
  echo "kuzu_compare: the kuzu package in $modules does not load: Kùzu side skipped"
  exit 0
fi

if [ ! -e "$work/kuzu.db" ]; then
  node "$here/kuzu_compare.mjs" load "$modules" "$work/kuzu.db" "$work/csv"
fi
# Cold processes: node starting, opening the database and answering one
# 1-hop query (the same as bench_query's), with GNU time's figures.
first=E12345
for run in 1 2; do
  /usr/bin/time -f "kuzu cold process: open + first query: wall %e s, cpu %U + %S s, peak RSS %M KB" \
    node "$here/kuzu_compare.mjs" first "$modules" "$work/kuzu.db" "$first"
done
geokg_args=()
[ -x "$build/tools/geokg" ] && geokg_args=("$build/tools/geokg" "$work/store")
node "$here/kuzu_compare.mjs" run "$modules" "$work/kuzu.db" "$work/csv" "${geokg_args[@]}"
