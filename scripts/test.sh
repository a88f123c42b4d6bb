#!/usr/bin/env bash
# The whole test suite: installs missing Debian packages, builds with warnings as errors, and runs
# every test through ctest (GoogleTest unit tests, then the end-to-end CLI tests with the real
# clients of ../shared/tools when ../shared is present).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(STORYLINE_DEPS=test bash scripts/build.sh ci)"
cd "$dir"
ctest --output-on-failure -j "$(nproc)" --timeout 1200
