#!/usr/bin/env bash
# Runs every libFuzzer target in turn for SECONDS each (default 60), niced ($FUZZ_NICE, default
# 19), one at a time, with seed corpora built from fixtures/ and fuzz/seeds/. Needs the fuzz
# packages:
#   scripts/install-deps.sh fuzz
# Usage: scripts/fuzz.sh [SECONDS] [SESSION...]
#   sessions: import_bytes, jsonl_stream, importer:<name> (one per registered importer), pipeline,
#   annotate_line, publication_date; default all.
# Corpora grow in build-fuzz/fuzz-work/corpus/<session>/ across runs; a crash, leak or timeout
# is saved as build-fuzz/fuzz-work/artifacts/<session>/crash-* (turn it into a regression test:
# docs/reliability.md). Exit status 1 when any session found one.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
seconds="${1:-60}"
shift || true
jobs="${JOBS:-2}"

if [ -z "${FUZZ_NO_BUILD:-}" ]; then   # FUZZ_NO_BUILD=1: use build-fuzz as it is
  cmake --preset fuzz -S "$root" >/dev/null || { echo "fuzz.sh: configure failed (scripts/install-deps.sh fuzz?)" >&2; exit 2; }
  cmake --build "$build" -j"$jobs" >/dev/null || { echo "fuzz.sh: build failed" >&2; exit 2; }
fi

work="$build/fuzz-work"
rm -rf "$work/seeds"
python3 "$root/fuzz/make_seeds.py" "$root" "$work/seeds" || exit 2

sessions=("$@")
if [ ${#sessions[@]} -eq 0 ]; then
  sessions=(import_bytes jsonl_stream)
  while read -r name; do [ -n "$name" ] && sessions+=("importer:$name"); done \
    < <(STORYLINE_FUZZ_IMPORTER=list "$build/fuzz/fuzz_importer" 2>/dev/null)
  sessions+=(pipeline annotate_line publication_date)
fi

# UBSan reports stop the run (as crashes), except the known third-party ones in ubsan.supp.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=0
printf '%-22s %12s %8s %8s %8s  %s\n' session execs cov ft seconds result
for session in "${sessions[@]}"; do
  target="${session%%:*}"
  seeds="$work/seeds/$target"
  binary="$build/fuzz/fuzz_$target"
  env=()
  if [ "$target" = importer ]; then env=(STORYLINE_FUZZ_IMPORTER="${session#importer:}"); fi
  corpus="$work/corpus/${session/:/-}"
  artifacts="$work/artifacts/${session/:/-}"
  log="$work/logs/${session/:/-}.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")" "$seeds"
  start=$(date +%s)
  env "${env[@]}" nice -n "${FUZZ_NICE:-19}" "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1
  status=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ $status -ne 0 ]; then
    result="FAILED (exit $status, see $log)"
    failed=1
  fi
  printf '%-22s %12s %8s %8s %8s  %s\n' "$session" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$elapsed" "$result"
done
exit $failed
