#!/usr/bin/env bash
# Builds timex_eval without the rest of the project (fast iteration on the tagger alone).
# Usage: bench/timex/build_standalone.sh [OUT_DIR]   (needs core/lang/resources.cpp)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/build-timex}"
mkdir -p "$out"
res="$root/core/lang/resources.cpp"
[ -f "$res" ] || res="${STORYLINE_MAIN:-/work/main}/core/lang/resources.cpp"
g++ -std=c++20 -O2 -g -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -I"$root" \
  -DSTORYLINE_RESOURCE_DIR="\"$root\"" \
  "$root"/annotators/timex/timex_tokenizer.cpp "$root"/annotators/timex/timex_grammar.cpp \
  "$root"/annotators/timex/timex_tagger.cpp "$res" "$root"/bench/timex/timex_eval.cpp \
  -o "$out/timex_eval"
echo "$out/timex_eval"
