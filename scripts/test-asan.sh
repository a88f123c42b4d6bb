#!/usr/bin/env bash
# Builds the `asan` preset (Debug, AddressSanitizer + UndefinedBehaviorSanitizer, gcc) and runs
# the whole test suite with it: any leak, memory error or undefined behaviour fails the test
# that hit it. Usage: scripts/test-asan.sh [extra ctest arguments, e.g. -R reliability]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="${JOBS:-2}"
cmake --preset asan -S "$root" >/dev/null
cmake --build "$root/build-asan" -j"$jobs"
# Leaks and UB abort the process (a plain warning would let the test pass).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/fuzz/ubsan.supp${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
cd "$root/build-asan"
ctest -j"$jobs" --output-on-failure "$@"
