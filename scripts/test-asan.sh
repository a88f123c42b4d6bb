#!/usr/bin/env bash
# Builds the `asan` preset (Debug, AddressSanitizer + UndefinedBehaviorSanitizer, gcc) and runs
# the whole test suite with it: any leak, memory error or undefined behaviour fails the test
# that hit it. scripts/test.sh (CI) does the same at -O1; this Debug (-O0) one gives
# exact stack traces. Usage: scripts/test-asan.sh [extra ctest arguments, e.g. -R reliability]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="${JOBS:-2}"
cmake --preset asan -S "$root" >/dev/null
cmake --build "$root/build-asan" -j"$jobs"
. "$root/scripts/sanitizer-env.sh"
cd "$root/build-asan"
ctest -j"$jobs" --output-on-failure "$@"
