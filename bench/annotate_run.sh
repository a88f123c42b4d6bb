#!/usr/bin/env bash
# Throughput of the temporal tagger alone and of the whole `storyline annotate` on the same
# news text (issue 5: tagger >= 50 MB/s on one core, annotate >= 10 MB/s). Each is run R times;
# every run is printed (this VM's wall times vary by +-30 %, so one run says little).
# Usage: bench/annotate_run.sh [-r R] [-j N] [JSONL]   (default: the Reuters-21578 texts, 2 threads, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/storyline-bench"
runs=5; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift ;;
    -j) threads="$2"; shift ;;
    -*) echo "usage: $0 [-r R] [-j N] [JSONL]" >&2; exit 2 ;;
    *) break ;;
  esac
  shift
done
dir="${STORYLINE_BUILD_DIR:-$(bash scripts/build.sh default)}"
input="${1:-$CACHE/reuters.jsonl}"
if [ ! -f "$input" ]; then
  # bench/chrono_compare.sh writes the default input (the Reuters texts as {id, lang, dct, text}).
  echo "no $input: run bench/chrono_compare.sh once, or give a JSONL file" >&2
  exit 2
fi
mb=$(python3 -c 'import json, sys; print("%.2f" % (sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()) / 1e6))' "$input")
echo "input: $input, $mb MB of text; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$runs"); do
  line=$("$dir/annotators/timex/timex_eval" "$input" /dev/null --repeat 3 2>&1 >/dev/null | tail -1)
  echo "tagger alone, run $r: ${line#timex_eval: }"
done
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for r in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$out.time" "$dir/cli/storyline" annotate -j "$threads" "$input" -o "$out"
  read -r wall user sys <"$out.time"
  python3 -c 'import sys; mb, w, u, s = map(float, sys.argv[1:5]); print("annotate -j %s, run %s: %.2f s wall, %.2f s CPU, %.2f MB/s" % (sys.argv[5], sys.argv[6], w, u + s, mb / w))' \
    "$mb" "$wall" "$user" "$sys" "$threads" "$r"
  rm -f "$out.time"
done
