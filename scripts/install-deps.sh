#!/usr/bin/env bash
# Installs the Debian packages Storyline builds and tests with, only those missing.
# Idempotent and quiet when everything is present. Usage: scripts/install-deps.sh [build|test|all|fuzz|bench]
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake pkg-config ninja-build
  libboost-graph-dev rapidjson-dev libhowardhinnant-date-dev
  libsqlitecpp-dev libsqlite3-dev libgtest-dev libgmock-dev
  libicu-dev libgumbo-dev libpugixml-dev libcli11-dev
  libuchardet-dev libexttextcat-dev zlib1g-dev libxxhash-dev
  libpqxx-dev libmimalloc-dev
)
# What the test suite needs on top of the build; python3 runs our scorers. The real-client
# checkers in ../shared/tools would install their own packages, but ctest runs them in parallel:
# on a fresh machine two of them ran apt-get at once and one failed on dpkg's lock. So their
# packages are installed here, before any test starts.
TEST_PKGS=(python3 libbenchmark-dev postgresql-15
  libxml2-utils python3-networkx python3-igraph python3-jsonschema chromium fonts-dejavu-core)
# node and npm as the checkers want them: from Debian only when the commands are missing.
command -v node >/dev/null 2>&1 || TEST_PKGS+=(nodejs npm)
command -v npm >/dev/null 2>&1 || TEST_PKGS+=(npm)
# Optional, not part of build/test/all: clang and its sanitizer + libFuzzer runtimes for the
# fuzz preset (scripts/fuzz.sh).
FUZZ_PKGS=(clang libclang-rt-14-dev)
# Optional too: callgrind for bench/instructions.sh.
BENCH_PKGS=(valgrind)
# postgresql-15 (in TEST_PKGS): the throw-away server of tests/postgres (its binaries, not a running service).

what="${1:-all}"
case "$what" in
  build) pkgs=("${BUILD_PKGS[@]}") ;;
  test|all) pkgs=("${BUILD_PKGS[@]}" "${TEST_PKGS[@]}") ;;
  fuzz) pkgs=("${BUILD_PKGS[@]}" "${FUZZ_PKGS[@]}") ;;
  bench) pkgs=("${BUILD_PKGS[@]}" "${BENCH_PKGS[@]}") ;;
  *) echo "usage: $0 [build|test|all|fuzz|bench]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  $SUDO apt-get update -q >>"$log" 2>&1 || true
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
    || { tail -30 "$log" >&2; echo "install-deps: apt-get install failed" >&2; exit 1; }
fi
