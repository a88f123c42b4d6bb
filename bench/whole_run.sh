#!/usr/bin/env bash
# Whole-import benchmark: imports the Reuters-21578 set (unpacked from ../shared) and the French
# giletsjaunes set, and prints MB/s of article text, articles/s, peak RSS and database size; with
# --scale, also 1x, 2x and 4x copies of Reuters (copies get changed titles, hence new ids) to show
# how time and memory grow; -r R runs each import R times and prints every run and the median
# (this VM's runs spread by ±15 %, so one run is no figure), after one untimed import that brings
# the files back into memory; --cold empties the page cache before each import (root only), as for
# an archive read for the first time. The machine's state is printed before and after the runs
# (bench/machine_probe.cpp, compiled on first use), and the shared cache left to us before each
# run: on a shared VM it moves the figures more than most changes do. Each run also shows what
# the import read from the disk, which a warm run should not. --export then times the three
# exports (GraphML, GEXF, timeline) of each corpus's last database, R runs each: wall, CPU,
# peak RSS and output size (the graph is rebuilt from the store by every export). Usage:
# bench/whole_run.sh [--scale] [--cold] [--export] [-j N] [-r R]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="$(cd .. && pwd)/shared"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/storyline-bench"
scale=0; threads=""; repeat=1; cold=0; exports=0
while [ $# -gt 0 ]; do
  case "$1" in --scale) scale=1 ;; --cold) cold=1 ;; --export) exports=1 ;; -j) threads="-j $2"; shift ;; -r) repeat="$2"; shift ;;
    *) echo "usage: $0 [--scale] [--cold] [--export] [-j N] [-r R]" >&2; exit 2 ;; esac
  shift
done
dir="${STORYLINE_BUILD_DIR:-$(bash scripts/build.sh default)}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac   # an absolute build folder is taken as it is
BIN="$dir/cli/storyline"
mkdir -p "$CACHE"
if [ ! -d "$CACHE/reuters/articles" ]; then
  python3 "$SHARED/tools/unpack_corpus.py" "$SHARED/corpus/articles/reuters21578-en/reuters21578.jsonl.gz" "$CACHE/reuters" --format txt >/dev/null
fi

PROBE="$CACHE/machine_probe"
if [ ! -x "$PROBE" ] || [ bench/machine_probe.cpp -nt "$PROBE" ]; then
  c++ -O2 -std=c++20 -o "$PROBE" bench/machine_probe.cpp
fi
probe() {   # the core's and the memory's speed now, and the shared cache left to us
  "$PROBE"
}

measure() {   # name input-folder: R runs, each printed, then the median by wall time
  local r walls=()
  # This VM pages out file pages left idle for a minute (a DAMON "pageout" scheme): after a
  # build or a pause, a quarter to two thirds of Reuters' files, the binary and its data came
  # from the disk again in the first run. One import first, not timed, so that warm runs are
  # warm (--cold measures the other case on purpose); for a new build it also writes the
  # gazetteer's cached image, which every later run reads (docs/gazetteer.md).
  if [ "$cold" = 0 ]; then
    rm -f "$CACHE/$1.db" "$CACHE/$1.db-wal" "$CACHE/$1.db-shm"
    "$BIN" import "$2" --db "$CACHE/$1.db" -q $threads >/dev/null 2>&1 || true
  fi
  for ((r = 1; r <= repeat; r++)); do
    measure_once "$@"
    walls+=("$(cat "$CACHE/$1.wall")")
  done
  if [ "$repeat" -gt 1 ]; then
    printf '%s\n' "${walls[@]}" | sort -n | awk -v name="$1" -v n="$repeat" '{w[NR] = $1; mb = $2}
      END {m = (n % 2) ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2
           printf "%-16s median of %d runs: %.2f s, %.2f MB/s (min %.2f s, max %.2f s)\n", name, n, m, mb / m, w[1], w[n]}'
  fi
}

measure_once() {   # name input-folder
  local name="$1" input="$2" db="$CACHE/$1.db" log="$CACHE/$1.log"
  rm -f "$db" "$db-wal" "$db-shm"
  if [ "$cold" = 1 ]; then   # the articles, the binary and its data all come from the disk again
    sync
    echo 3 >/proc/sys/vm/drop_caches || { echo "whole_run.sh: --cold needs root (/proc/sys/vm/drop_caches)" >&2; exit 2; }
  fi
  # The shared cache the VM's neighbours leave us just before the run (0.3 s). Over minutes it
  # tells the slow periods from the fast ones; it moves within a run, so one run's reading is
  # only a hint (docs/performance-history.md, the seventeenth session).
  local cache_mb
  cache_mb=$("$PROBE" --cache)
  # %I: the blocks of 512 bytes the import read from the disk (not from the page cache): this
  # VM pages out idle file pages, so a "warm" run may still read some of its files cold.
  /usr/bin/time -f "%e %M %U %S %I" -o "$CACHE/$name.time" "$BIN" import "$input" --db "$db" -q $threads >"$log" 2>"$CACHE/$name.err" || true
  read -r wall rss_kb user sys blocks_in < <(tail -n 1 "$CACHE/$name.time")   # time prefixes a line when the exit status is not 0
  local articles mb
  articles=$(sed -n 's/.*articles \([0-9]*\) new.*/\1/p' "$log")
  mb=$(sed -n 's/^Annotated \([0-9.e+]*\) MB.*/\1/p' "$log")
  echo "$wall ${mb:-0}" >"$CACHE/$name.wall"
  python3 - "$name" "$wall" "$rss_kb" "$articles" "${mb:-0}" "$(stat -c %s "$db")" "$user" "$sys" "$cache_mb" "$blocks_in" <<'PY'
import sys
name, wall, rss, arts, mb, size = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4] or 0), float(sys.argv[5]), int(sys.argv[6])
cpu = float(sys.argv[7]) + float(sys.argv[8])
print("%-16s %7d articles %7.1f MB text %7.2f s  %6.2f MB/s  %8.0f articles/s  CPU %7.2f s  peak RSS %5.0f MB  db %6.1f MB  cache left %2s MB  from disk %5.1f MB"
      % (name, arts, mb, wall, mb / wall if wall else 0, arts / wall if wall else 0, cpu, rss / 1024, size / 1e6, sys.argv[9],
         int(sys.argv[10] or 0) * 512 / 1e6))
PY
}

measure_exports() {   # name: each export of the corpus's database, R runs each
  local name="$1" db="$CACHE/$1.db" format r
  for format in graphml gexf timeline; do
    for ((r = 1; r <= repeat; r++)); do
      /usr/bin/time -f "%e %M %U %S" -o "$CACHE/$name.export.time" "$BIN" export "$format" --db "$db" -o "$CACHE/$name.$format" \
        >/dev/null 2>"$CACHE/$name.export.err" || { tail -3 "$CACHE/$name.export.err" >&2; echo "whole_run.sh: export $format of $name failed" >&2; exit 1; }
      read -r wall rss_kb user sys < <(tail -n 1 "$CACHE/$name.export.time")
      awk -v n="$name" -v f="$format" -v w="$wall" -v r="$rss_kb" -v c="$user $sys" -v s="$(stat -c %s "$CACHE/$name.$format")" \
        'BEGIN {split(c, t, " "); printf "%-16s export %-8s %7.2f s  CPU %7.2f s  peak RSS %5.0f MB  output %7.1f MB\n", n, f, w, t[1] + t[2], r / 1024, s / 1e6}'
    done
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); storyline $($BIN --version)"
echo "before the runs: $(probe)"
measure reuters "$CACHE/reuters/articles"
measure giletsjaunes "$SHARED/corpus/articles/giletsjaunes-fr-en/articles"
if [ "$exports" = 1 ]; then
  measure_exports reuters
  measure_exports giletsjaunes
fi
if [ "$scale" = 1 ]; then
  for k in 2 4; do
    if [ ! -d "$CACHE/reuters-x$k" ]; then
      # Copy c of each file gets the first line "Copy c: <title>", hence a new content id.
      python3 - "$CACHE/reuters/articles" "$CACHE/reuters-x$k" "$k" <<'PY'
import os, sys
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
for c in range(1, k + 1):
    out = os.path.join(dst, "copy%d" % c)
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), "rb") as f:
            data = f.read()
        with open(os.path.join(out, name), "wb") as f:
            f.write(b"Copy %d: " % c + data)
PY
    fi
    measure "reuters-x$k" "$CACHE/reuters-x$k"
  done
fi
echo "after the runs: $(probe)"
