#!/usr/bin/env bash
# Side by side on the same text: chrono-node (npm, installed into a cache outside the repo) and
# Storyline's temporal tagger alone (timex_eval). Prints MB/s of each and the ratio.
# Usage: bench/chrono_compare.sh [JSONL]   (default: the Reuters-21578 texts from ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="$(cd .. && pwd)/shared"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/storyline-bench"
CHRONO_VERSION="${CHRONO_VERSION:-2.7.7}"
dir="${STORYLINE_BUILD_DIR:-$(bash scripts/build.sh default)}"
mkdir -p "$CACHE/chrono"
input="${1:-$CACHE/reuters.jsonl}"
if [ ! -f "$input" ]; then
  python3 - "$SHARED/corpus/articles/reuters21578-en/reuters21578.jsonl.gz" "$input" <<'PY'
import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        d = json.loads(line)
        text = d.get("text") or ""
        if text.strip():
            out.write(json.dumps({"id": d.get("id"), "lang": "en", "dct": (d.get("date") or "")[:10], "text": text}) + "\n")
PY
fi
if [ ! -f "$CACHE/chrono/node_modules/chrono-node/package.json" ]; then
  (cd "$CACHE/chrono" && echo '{"private":true}' >package.json && npm install --no-audit --no-fund --loglevel=error "chrono-node@$CHRONO_VERSION" >/dev/null)
fi
cat >"$CACHE/chrono/run.mjs" <<'JS'
import fs from "node:fs";
import * as chrono from "chrono-node";
const docs = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map(JSON.parse);
let bytes = 0, found = 0;
for (const d of docs) bytes += Buffer.byteLength(d.text);
const t0 = process.hrtime.bigint();
for (const d of docs) {
  const ref = d.dct ? new Date(d.dct) : new Date();
  found += chrono.parse(d.text, ref).length;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`chrono-node: ${docs.length} docs, ${(bytes / 1e6).toFixed(2)} MB in ${s.toFixed(3)} s: ${(bytes / 1e6 / s).toFixed(2)} MB/s (${found} dates)`);
JS
chrono_line=$(cd "$CACHE/chrono" && node run.mjs "$input")
echo "$chrono_line"
ours_line=$("$dir/annotators/timex/timex_eval" "$input" /dev/null --repeat 3 2>&1 >/dev/null | tail -1)
echo "storyline tagger: ${ours_line#timex_eval: }"
python3 - "$chrono_line" "$ours_line" <<'PY'
import re, sys
c = float(re.search(r"([0-9.]+) MB/s", sys.argv[1]).group(1))
o = float(re.search(r"([0-9.]+) MB/s", sys.argv[2]).group(1))
print("ratio storyline/chrono-node = %.1fx" % (o / c))
PY
