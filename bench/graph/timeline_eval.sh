#!/usr/bin/env bash
# SemEval-2015 Task 4 style entity timelines on ../shared/corpus/timelines/<topic>/: imports the
# topic's docs.jsonl, writes the timelines of its gold target entities with
# `storyline timeline --format semeval`, and prints timeline_score.py's last line per topic.
# usage: bench/graph/timeline_eval.sh STORYLINE_BINARY [TOPIC...]   (default: every topic)
set -euo pipefail
bin="$(realpath "$1")"; shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$root/../shared/corpus/timelines"
tools="$root/../shared/tools"
topics=("$@")
[ ${#topics[@]} -gt 0 ] || mapfile -t topics < <(find "$corpus" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for topic in "${topics[@]}"; do
  python3 -c 'import json, sys, glob
names = sorted({json.load(open(f))["target_entity"] for f in glob.glob(sys.argv[1] + "/*.json")})
print("\n".join(names))' "$corpus/$topic/gold" >"$work/$topic.entities"
  "$bin" import "$corpus/$topic/docs.jsonl" --db "$work/$topic.db" -q >/dev/null 2>&1
  "$bin" timeline --db "$work/$topic.db" --entities "$work/$topic.entities" --format semeval -o "$work/$topic" >/dev/null 2>&1
  printf '%-8s %s\n' "$topic" "$(python3 "$tools/timeline_score.py" "$corpus/$topic/gold" "$work/$topic" | tail -1)"
done
