#!/usr/bin/env bash
# Times the ingest of the synthetic corpus as 1, 2 and 4 shards (geokg ingest
# --shard K/N, the shards run one after another on this machine, each on all
# its cores) and the merge of each set of shards (geokg merge), and checks that
# every merged store exports the same relations as the single ingest.
#
#   scripts/bench-shards.sh [BUILD_DIR [MB [SHARD_COUNTS]]]
#   scripts/bench-shards.sh build 200 "1 2 4"
#
# Prints one line per run: wall seconds, CPU seconds (user + sys), peak RSS
# and the kernel's count of bytes written (/usr/bin/time %O, the write_bytes
# counter, which overstates disk traffic on kernels with large page-cache
# folios: docs/ingest-benchmarks.md), then per shard count the wall
# time N machines would take (the slowest shard + the merge) and the merge's
# throughput. WORK=DIR keeps the corpus and stores there (default: a folder
# under /tmp, removed at the end unless KEEP=1); INGEST_FLAGS adds flags to
# every geokg ingest (e.g. INGEST_FLAGS=--no-parse). Needs /usr/bin/time.
set -euo pipefail
build=${1:-build}
mb=${2:-200}
counts=${3:-1 2 4}
geokg="$build/tools/geokg"
bench="$build/tools/bench_ingest"
[ -x "$geokg" ] && [ -x "$bench" ] || { echo "bench-shards.sh: no $geokg or $bench (build first)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-shards.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
work=${WORK:-$(mktemp -d /tmp/geokg-bench-shards.XXXXXX)}
mkdir -p "$work"
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

if [ ! -f "$work/corpus.list" ]; then
  "$bench" --mb "$mb" --keep "$work/gen" --corpus-only | grep '\.jsonl$' > "$work/corpus.list"
fi
mapfile -t corpus < "$work/corpus.list"
input_mb=$(du -cm "${corpus[@]}" | tail -1 | cut -f1)
echo "corpus: ${#corpus[@]} files, $input_mb MB ($work)"

# run LABEL CMD...: runs CMD under /usr/bin/time, prints and records
# "wall cpu rss_mb written_mb".
run() {
  local label=$1
  shift
  /usr/bin/time -o "$work/time.out" -f "%e %U %S %M %O" "$@" > /dev/null 2> "$work/cmd.err" ||
    { cat "$work/cmd.err" >&2; echo "bench-shards.sh: $label failed" >&2; exit 1; }
  read -r wall user sys rss blocks < "$work/time.out"
  last=$(awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$blocks" \
    'BEGIN { printf "%.1f %.1f %.0f %.0f", w, u + s, r / 1024, b * 512 / 1e6 }')
  read -r lwall lcpu lrss lwritten <<< "$last"
  printf '%-28s wall %7.1f s  cpu %7.1f s  peak RSS %5.0f MB  write_bytes %7.0f MB\n' \
    "$label" "$lwall" "$lcpu" "$lrss" "$lwritten"
}

"$geokg" --help > /dev/null
reference=""
for n in $counts; do
  dir="$work/shards-$n"
  rm -rf "$dir"
  mkdir -p "$dir"
  slowest=0
  total_cpu=0
  for ((k = 0; k < n; k++)); do
    if [ "$n" = 1 ]; then
      run "ingest (1 process)" "$geokg" ingest --db "$dir/shard-0" ${INGEST_FLAGS:-} "${corpus[@]}"
    else
      run "ingest --shard $k/$n" "$geokg" ingest --db "$dir/shard-$k" --shard "$k/$n" ${INGEST_FLAGS:-} "${corpus[@]}"
    fi
    slowest=$(awk -v a="$slowest" -v b="$lwall" 'BEGIN { print (b > a) ? b : a }')
    total_cpu=$(awk -v a="$total_cpu" -v b="$lcpu" 'BEGIN { print a + b }')
  done
  if [ "$n" = 1 ]; then
    merged="$dir/shard-0"
    merge_wall=0
  else
    shards=()
    for ((k = 0; k < n; k++)); do shards+=("$dir/shard-$k"); done
    run "merge of $n shards" "$geokg" merge --quiet --db "$dir/merged" "${shards[@]}"
    merged="$dir/merged"
    merge_wall=$lwall
    evidence=$("$geokg" stats --db "$merged" --format json | sed -n 's/.*"evidence": *\([0-9]*\).*/\1/p' | head -1)
    awk -v mb="$input_mb" -v w="$merge_wall" -v e="${evidence:-0}" \
      'BEGIN { printf "  merge throughput: %.1f input MB/s, %.0f evidence records/s\n", mb / w, e / w }'
  fi
  "$geokg" export --db "$merged" --format jsonl -o "$dir/export.jsonl"
  if [ -z "$reference" ]; then
    reference="$dir/export.jsonl"
  elif cmp -s "$reference" "$dir/export.jsonl"; then
    echo "  merged export identical to the single ingest's"
  else
    echo "bench-shards.sh: the merge of $n shards exports differently from the single ingest" >&2
    exit 1
  fi
  awk -v n="$n" -v s="$slowest" -v m="$merge_wall" -v c="$total_cpu" -v mb="$input_mb" \
    'BEGIN { printf "  %d shard(s): on %d machines %.1f s (slowest shard %.1f + merge %.1f); ingest cpu %.1f s in all (%.2f cpu s per input MB)\n", n, n, s + m, s, m, c, c / mb }'
done
