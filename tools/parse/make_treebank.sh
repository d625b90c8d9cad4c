#!/bin/sh
# Derives the parser's training and test data from UD English-EWT.
#
#   tools/parse/make_treebank.sh [EWT_DIR] [OUT_DIR]
#
# EWT_DIR (default ../shared/treebank/en-ewt beside the repository) holds
# sources/*/*.conllu (the whole treebank) and the official dev and test
# splits. Writes into OUT_DIR (default ingest/data/parser):
#   ewt-train.conllu.xz  every sentence of sources/ whose sent_id is in
#                        neither dev nor test (the official train split)
#   ewt-dev.conllu.xz    the official dev split
#   ewt-test.conllu.xz   the official test split
# keeping only `# sent_id`, `# text` and the columns the trainer reads (ID,
# FORM, LEMMA, UPOS, XPOS, HEAD, DEPREL; the others become `_`), without
# multiword-token ranges (`1-2`) and empty nodes (`1.1`). Deterministic: the
# same treebank gives byte-identical files. Run by hand when the treebank
# changes; the build trains from the files it writes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/../../../shared/treebank/en-ewt}
out=${2:-$here/../../ingest/data/parser}
export LC_ALL=C

[ -f "$src/en_ewt-ud-test.conllu" ] || { echo "make_treebank.sh: $src: no en_ewt-ud-test.conllu" >&2; exit 1; }
mkdir -p "$out"

strip_columns() {
  awk -F'\t' 'BEGIN { OFS = "\t" }
    /^# sent_id = / || /^# text = / { print; next }
    /^#/ { next }
    /^[ \t]*$/ { print ""; next }
    $1 ~ /[-.]/ { next }
    { print $1, $2, $3, $4, $5, "_", $7, $8, "_", "_" }'
}

# Sentences of the files given after the id list whose sent_id is not in it.
train_split() {
  ids=$1; shift
  awk 'FNR == NR { if ($0 ~ /^# sent_id = /) held[substr($0, 13)] = 1; next }
       /^[ \t]*$/ { if (block != "" && !(id in held)) printf "%s\n", block; block = ""; id = ""; next }
       { if ($0 ~ /^# sent_id = /) id = substr($0, 13); block = block $0 "\n" }
       END { if (block != "" && !(id in held)) printf "%s\n", block }' "$ids" "$@"
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat "$src/en_ewt-ud-dev.conllu" "$src/en_ewt-ud-test.conllu" > "$tmp"
# shellcheck disable=SC2046
train_split "$tmp" $(find "$src/sources" -name '*.conllu' | sort) | strip_columns | xz -9e -T1 > "$out/ewt-train.conllu.xz"
strip_columns < "$src/en_ewt-ud-dev.conllu" | xz -9e -T1 > "$out/ewt-dev.conllu.xz"
strip_columns < "$src/en_ewt-ud-test.conllu" | xz -9e -T1 > "$out/ewt-test.conllu.xz"
cp "$src/LICENSE.txt" "$out/LICENSE.EWT.txt"
for f in train dev test; do
  printf '%s: %s sentences\n' "ewt-$f.conllu.xz" "$(xz -dc "$out/ewt-$f.conllu.xz" | grep -c '^# sent_id')"
done
