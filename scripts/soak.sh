#!/usr/bin/env bash
# Kill -9 soak: N random SIGKILLs of geokg while it writes a store (ingest,
# reextract --all, and merge when this geokg has it), checking after each
# kill that the store opens, `geokg stats` works and every exported
# relation counts exactly the evidence it lists; then the interrupted work
# is finished and the store's JSONL export must be byte-identical to that of
# one clean, uninterrupted ingest of the same corpus.
#
#   scripts/soak.sh [-n KILLS] [-b BUILD_DIR] [-d DOCS] [-s SEED] [-k]
#
#   -n KILLS      kills to make (default 20)
#   -b BUILD_DIR  where tools/geokg is (default build)
#   -d DOCS       documents in the corpus (default 300): copies of
#                 samples/articles, each made distinct by a closing line
#   -s SEED       random seed (default: the time), printed so a run can be repeated
#   -k            keep the work folder
#
# Exit status 0 when every check passed, 1 otherwise (the first failing
# check is printed). CTest runs it with a few kills (label "soak");
# docs/robustness.md has a long run.
set -euo pipefail
cd "$(dirname "$0")/.."

kills=20 build=build docs=300 seed=$(date +%s) keep=0
while getopts "n:b:d:s:k" opt; do
  case $opt in
    n) kills=$OPTARG ;;
    b) build=$OPTARG ;;
    d) docs=$OPTARG ;;
    s) seed=$OPTARG ;;
    k) keep=1 ;;
    *) sed -n '2,20p' "$0" >&2; exit 1 ;;
  esac
done
geokg=$(realpath "$build/tools/geokg")
[ -x "$geokg" ] || { echo "soak: no $geokg (build first)" >&2; exit 1; }
RANDOM=$seed
work=$(mktemp -d "${TMPDIR:-/tmp}/geokg-soak.XXXXXX")
cleanup() { [ "$keep" = 1 ] && echo "soak: work folder kept: $work" || rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "soak: FAILED (seed $seed): $*" >&2; exit 1; }

# The corpus, and a shard of a third of it for merge.
mkdir -p "$work/corpus" "$work/shard-corpus"
mapfile -t articles < <(ls samples/articles/* | sort)
for ((i = 0; i < docs; i++)); do
  f=$(printf "%s/corpus/doc%05d.txt" "$work" "$i")
  { cat "${articles[i % ${#articles[@]}]}"; printf "\n\nArchive copy number %d.\n" "$i"; } > "$f"
  ((i % 3 == 0)) && cp "$f" "$work/shard-corpus/"
done
batch=16  # small batches: many commits to be killed between

# The reference: one clean ingest, timed to pick kill delays.
start=$(date +%s%N)
"$geokg" ingest --db "$work/ref" --batch $batch "$work/corpus" 2>/dev/null
ingest_ms=$((($(date +%s%N) - start) / 1000000))
"$geokg" export --db "$work/ref" --format jsonl --all-modalities > "$work/ref.jsonl"

ops=(ingest reextract)
if "$geokg" merge --help >/dev/null 2>&1; then
  "$geokg" ingest --db "$work/shard" --batch $batch "$work/shard-corpus" 2>/dev/null
  ops+=(merge)
fi
echo "soak: seed $seed, $docs documents, clean ingest ${ingest_ms} ms, operations: ${ops[*]}"

run_op() {
  case $1 in
    ingest) "$geokg" ingest --db "$work/db" --batch $batch "$work/corpus" ;;
    reextract) "$geokg" reextract --db "$work/db" --all --batch $batch ;;
    merge) "$geokg" merge --db "$work/db" "$work/shard" ;;
  esac
}

# Every relation of an export counts the evidence it lists.
check_store() {
  local what=$1
  [ -d "$work/db" ] || return 0  # killed before the store was created
  "$geokg" stats --db "$work/db" > "$work/stats.out" 2>&1 || fail "$what: geokg stats: $(cat "$work/stats.out")"
  "$geokg" export --db "$work/db" --format jsonl --all-modalities > "$work/check.jsonl" 2> "$work/export.err" ||
    fail "$what: geokg export: $(cat "$work/export.err")"
  local bad=""
  if command -v jq >/dev/null; then
    bad=$(jq -c 'select(.count != (.evidence | length)) | [.source.name, .type, .target.name, .count, (.evidence | length)]' \
      "$work/check.jsonl" | head -3)
  elif command -v python3 >/dev/null; then
    bad=$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    j = json.loads(l)
    if j["count"] != len(j["evidence"]): print(j["source"]["name"], j["type"], j["target"]["name"], j["count"], len(j["evidence"]))' \
      "$work/check.jsonl" | head -3)
  fi
  [ -z "$bad" ] || fail "$what: counts differ from evidence: $bad"
  ls -d "$work"/db.creating.* >/dev/null 2>&1 && rm -rf "$work"/db.creating.*  # a killed creation's leftover
  return 0
}

done_kills=0 completed=0 n=0
while ((done_kills < kills)); do
  n=$((n + 1))
  op=${ops[RANDOM % ${#ops[@]}]}
  # reextract and merge need a store; before one exists, ingest.
  [ -d "$work/db" ] || op=ingest
  delay_ms=$((RANDOM % (ingest_ms + 50) + 5))
  run_op "$op" > /dev/null 2> "$work/op.err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    done_kills=$((done_kills + 1))
    check_store "kill $done_kills ($op after ${delay_ms} ms)"
    ((done_kills % 50 == 0)) && echo "soak: $done_kills kills, store checked after each"
  else
    rc=0
    wait "$pid" || rc=$?
    [ "$rc" = 0 ] || fail "$op (not killed) exited $rc: $(tail -1 "$work/op.err")"
    completed=$((completed + 1))
    check_store "$op run to completion"
  fi
done

# Finish the job: what an ingest would have stored, merged in, re-extracted.
run_op ingest > /dev/null 2> "$work/op.err" || fail "final ingest: $(tail -1 "$work/op.err")"
check_store "final ingest"
"$geokg" export --db "$work/db" --format jsonl --all-modalities > "$work/final.jsonl"
cmp -s "$work/ref.jsonl" "$work/final.jsonl" ||
  fail "the final export differs from a clean ingest's ($(diff "$work/ref.jsonl" "$work/final.jsonl" | head -c 300))"
echo "soak: OK: $done_kills kills, $completed runs completed unkilled, final export identical" \
  "($(wc -l < "$work/final.jsonl") relations)"
