#!/usr/bin/env python3
"""Samples event relations from a `geokg export --format jsonl` file for a hand
spot-check: N relations with asserted evidence, drawn with a fixed seed, each
with its first asserted evidence sentence and trigger.

usage: spotcheck.py EXPORT.jsonl [N] [SEED]
"""
import json
import random
import sys

STRUCTURAL = {"part-of", "member-of", "leader-of", "located-in", "allied-with", "backed-by"}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip())
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    events, asserted = 0, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["type"] in STRUCTURAL:
                continue
            events += 1
            if r.get("counts", {}).get("asserted", 0) > 0:
                asserted.append(r)
    print(f"event relations (any modality): {events}, with asserted evidence: {len(asserted)}")
    random.seed(seed)
    for i, r in enumerate(random.sample(asserted, min(n, len(asserted))), 1):
        e = next(x for x in r["evidence"] if x["modality"] == "asserted")
        print(f"{i}. {r['source']['name']} -[{r['type']}]-> {r['target']['name']} :: "
              f"{e['sentence'][:200]} [trigger: {e['trigger']}]")


if __name__ == "__main__":
    main()
