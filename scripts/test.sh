#!/usr/bin/env bash
# The whole test suite: installs missing Debian packages, builds the `ci` preset (-O1 with asserts,
# AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors), and runs every test through
# ctest (GoogleTest unit tests, the end-to-end CLI tests with the real clients of ../shared/tools
# when ../shared is present, PostgreSQL, crash safety): any memory error, leak or undefined
# behaviour fails the test that hit it.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
dir="$(STORYLINE_DEPS=test bash scripts/build.sh ci)"
. "$root/scripts/sanitizer-env.sh"
cd "$dir"
ctest --output-on-failure -j "$(nproc)" --timeout 1200
