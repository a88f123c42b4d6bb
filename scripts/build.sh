#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds with the given CMake preset
# (default: "default"; CI uses "ci", where warnings are errors). Prints the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
bash scripts/install-deps.sh "${STORYLINE_DEPS:-build}" >&2
case "$preset" in default) dir=build ;; *) dir="build-$preset" ;; esac
cmake --preset "$preset" >&2   # every time: a changed preset reaches an existing build folder
cmake --build --preset "$preset" -j "$(nproc)" >&2
echo "$dir"
