#!/usr/bin/env bash
# The README's main-job command: install, build, then run geokg on samples/:
# ingest the sample corpus, ask a few questions, and draw diagrams
# (out/samples.svg, and out/reference.svg for the reference article when
# ../shared/corpus is present).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
geokg=build/tools/geokg
rm -rf out && mkdir -p out

echo "== ingest samples/"
$geokg ingest --db out/samples.db samples/articles samples/jsonl
$geokg stats --db out/samples.db

echo "== who blamed or condemned whom?"
$geokg query --db out/samples.db \
  "MATCH (a)-[r:blamed|condemned]->(b) RETURN a.name AS source, r.type AS type, b.name AS target, r.count AS count ORDER BY count DESC, source LIMIT 20"

echo "== which armed groups are backed by or allied with another actor?"
$geokg query --db out/samples.db \
  "MATCH (g:armed-group)-[r:backed-by|allied-with]->(x) RETURN g.name, r.type, x.name ORDER BY g.name"

$geokg export --db out/samples.db --format jsonl -o out/samples.jsonl
$geokg dot --db out/samples.db --max-nodes 60 -o out/samples.svg
echo "wrote out/samples.jsonl and out/samples.svg"

reference=../shared/corpus/000_7358da66aa299e2b.txt
if [ -f "$reference" ]; then
  echo "== the reference article"
  $geokg ingest --db out/reference.db "$reference"
  $geokg query --db out/reference.db \
    "MATCH (a)-[r]->(b) RETURN a.name AS source, r.type AS type, b.name AS target ORDER BY source, type, target"
  $geokg dot --db out/reference.db -o out/reference.svg
  $geokg dot --db out/reference.db -o out/reference.png
  echo "wrote out/reference.svg and out/reference.png"
fi
