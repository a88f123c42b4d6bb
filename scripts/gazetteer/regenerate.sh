#!/usr/bin/env bash
# Rebuilds data/gazetteer/*.tsv from pinned npm packages and Debian's libgeonames-common.
# The packages go to a cache outside the repository; nothing downloaded is committed.
# Usage: scripts/gazetteer/regenerate.sh [CACHE_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/storyline-gazetteer}"
mo=/usr/share/locale/fr/LC_MESSAGES/geonames.mo

if [ ! -f "$mo" ]; then
  echo "libgeonames-common is missing: apt-get install libgeonames-common" >&2
  exit 1
fi
mkdir -p "$cache"
cp "$here/package.json" "$cache/package.json"
(cd "$cache" && npm install --no-audit --no-fund --no-package-lock --silent)
NODE_PATH="$cache/node_modules" node "$here/build_gazetteer.js" "$repo/data/gazetteer" "$mo" /usr/share/locale/en/LC_MESSAGES/geonames.mo
echo "gazetteer written to $repo/data/gazetteer"
if [ -f /usr/share/dict/american-english ]; then
  python3 "$here/common_words.py" /usr/share/dict/american-english "$repo/lang/en/entities/common_words.txt"
else
  echo "wamerican is missing (apt-get install wamerican): lang/en/entities/common_words.txt left as is" >&2
fi
