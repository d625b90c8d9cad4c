#!/usr/bin/env bash
# Regenerates the diagrams of docs/gallery.md into docs/gallery/: the sample
# corpus (samples/) and, when ../shared/corpus is present, the reference
# article, each in the views geokg dot offers. Needs a build (scripts/setup.sh
# or cmake --build build); prints each picture's size and layout time.
#   bash scripts/gallery.sh
set -euo pipefail
cd "$(dirname "$0")/.."
geokg=${GEOKG:-build/tools/geokg}
[ -x "$geokg" ] || { echo "gallery.sh: no $geokg; build first (bash scripts/setup.sh)" >&2; exit 1; }
out=docs/gallery
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

draw() {  # draw NAME DB [dot flags...]
  local name=$1 db=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  "$geokg" dot --db "$db" "$@" -o "$out/$name.png"
  end=$(date +%s.%N)
  local size
  size=$(od -An -tu1 -j16 -N8 "$out/$name.png" | awk '{printf "%d x %d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  printf '%-28s %-12s %5.2f s\n' "$name.png" "$size" "$(echo "$end - $start" | bc)"
}

"$geokg" ingest --db "$work/samples" --quiet samples/articles samples/jsonl
draw samples-all "$work/samples"
draw samples-around-russia "$work/samples" --around Russia --depth 2
draw samples-conflict "$work/samples" --types attacked,killed,fought,massacred,seized,deployed-to,sanctioned \
  --title "Material conflict in the samples" --caption "geokg sample corpus: 14 articles and 5 wire items"
draw samples-structural "$work/samples" --around Ukraine --types member-of,leader-of,part-of,located-in,allied-with
draw samples-window "$work/samples" --from 2024-01-01 --to 2024-12-31 --max-nodes 40 --layout neato

reference=../shared/corpus/000_7358da66aa299e2b.txt
if [ -f "$reference" ]; then
  "$geokg" ingest --db "$work/reference" --quiet "$reference"
  draw reference-all "$work/reference"
  draw reference-around-iran "$work/reference" --around Iran --depth 2
  draw reference-path "$work/reference" \
    --query "MATCH p = shortestPath((a {name:'Iran'})-[*..4]-(b {name:'United States Embassy in Iraq'})) RETURN p"
  draw reference-structural "$work/reference" --all-modalities --types member-of,leader-of,part-of,located-in,allied-with,backed-by \
    --rankdir TB
else
  echo "gallery.sh: no $reference (a clone without ../shared); the reference article's pictures are left as they are" >&2
fi
