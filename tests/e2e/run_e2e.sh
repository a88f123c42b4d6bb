#!/usr/bin/env bash
# End-to-end: the storyline CLI on fixtures/, then the real clients on every export.
# usage: run_e2e.sh STORYLINE_BINARY SOURCE_DIR
set -euo pipefail
BIN="$1"
SRC="$2"
SHARED="$SRC/../shared"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "run on fixtures/articles"
"$BIN" run "$SRC/fixtures/articles" -o "$WORK/out" -q >"$WORK/run.log" 2>&1 || { cat "$WORK/run.log"; fail "storyline run exited $?"; }
cat "$WORK/run.log"
for f in storyline.db graph.graphml graph.gexf timeline.json timeline.html events.jsonl; do [ -s "$WORK/out/$f" ] || fail "missing $f"; done

step "graph content"
python3 "$SRC/tests/e2e/check_fixture_graph.py" "$WORK/out/graph.graphml" "$WORK/out/timeline.json"

step "near-duplicates: two outlets' copies of one wire story are one article with both sources"
ND="$SRC/fixtures/near-duplicates"
"$BIN" run "$ND" -o "$WORK/nd" -q >"$WORK/nd.log" 2>&1 || { cat "$WORK/nd.log"; fail "storyline run on near-duplicates exited $?"; }
grep -q "Near-duplicates: 2 of 3 articles folded into 1 " "$WORK/nd.log" || { cat "$WORK/nd.log"; fail "no fold line"; }
"$BIN" run "$ND" -o "$WORK/nd-kept" -q --keep-near-duplicates >/dev/null 2>&1 || fail "run --keep-near-duplicates exited $?"
for copy in outlet-a-harbour-bridge.md outlet-b-tarrow-bridge.json; do
  mkdir -p "$WORK/nd-ref-$copy/in" && cp "$ND/$copy" "$ND/outlet-a-bridge-reopens.md" "$WORK/nd-ref-$copy/in/"
  "$BIN" run "$WORK/nd-ref-$copy/in" -o "$WORK/nd-ref-$copy/out" -q >/dev/null 2>&1 || fail "run on $copy exited $?"
done
PYTHONPATH="$SRC/tests/e2e" python3 "$SRC/tests/e2e/check_near_duplicates.py" "$WORK/nd/graph.graphml" "$WORK/nd-kept/graph.graphml" \
  "$WORK/nd-ref-outlet-a-harbour-bridge.md/out/graph.graphml" "$WORK/nd-ref-outlet-b-tarrow-bridge.json/out/graph.graphml"
"$BIN" export graphml --db "$WORK/nd/storyline.db" -o "$WORK/nd-again.graphml" 2>/dev/null
cmp "$WORK/nd/graph.graphml" "$WORK/nd-again.graphml" || fail "near-duplicate graph differs across exports"

step "the seed story: dated seed + English fixtures give its nine events, in order"
mkdir -p "$WORK/story"
cp "$SRC/fixtures/articles/seed/poutine-kazakhstan-retrait.json" "$SRC"/fixtures/articles/en/* "$WORK/story/"
"$BIN" run "$WORK/story" -o "$WORK/story-out" -q >/dev/null 2>&1 || fail "storyline run on the seed story exited $?"
python3 "$SRC/tests/e2e/check_seed_story.py" "$WORK/story-out/events.jsonl" "$WORK/story-out/timeline.json"

step "second import: everything unchanged, exports byte-identical"
"$BIN" import "$SRC/fixtures/articles" --db "$WORK/out/storyline.db" -q >"$WORK/import2.log" 2>&1 || { cat "$WORK/import2.log"; fail "re-import failed"; }
grep -q " 0 new, 0 changed, " "$WORK/import2.log" || { cat "$WORK/import2.log"; fail "re-import was not all unchanged"; }
"$BIN" export graphml --db "$WORK/out/storyline.db" -o "$WORK/again.graphml" 2>/dev/null
"$BIN" export timeline --db "$WORK/out/storyline.db" -o "$WORK/again.json" 2>/dev/null
cmp "$WORK/out/graph.graphml" "$WORK/again.graphml" || fail "graphml differs across runs"
cmp "$WORK/out/timeline.json" "$WORK/again.json" || fail "timeline differs across runs"
"$BIN" run "$SRC/fixtures/articles" -o "$WORK/fresh" -q >/dev/null 2>&1
cmp "$WORK/out/graph.graphml" "$WORK/fresh/graph.graphml" || fail "graphml differs between two fresh databases"
cmp "$WORK/out/timeline.json" "$WORK/fresh/timeline.json" || fail "timeline differs between two fresh databases"
for f in graph.gexf timeline.html events.jsonl; do
  cmp "$WORK/out/$f" "$WORK/fresh/$f" || fail "$f differs between two fresh databases"
done
# Workers take runs of files in whatever order they come to them: one worker, or more workers
# than cores, store the same.
for j in 1 5; do
  "$BIN" import "$SRC/fixtures/articles" --db "$WORK/j$j.db" -q -j "$j" >/dev/null 2>&1 || fail "import -j $j exited $?"
  "$BIN" export graphml --db "$WORK/j$j.db" -o "$WORK/j$j.graphml" 2>/dev/null
  "$BIN" export timeline --db "$WORK/j$j.db" -o "$WORK/j$j.json" 2>/dev/null
  cmp "$WORK/out/graph.graphml" "$WORK/j$j.graphml" || fail "graphml differs with -j $j"
  cmp "$WORK/out/timeline.json" "$WORK/j$j.json" || fail "timeline differs with -j $j"
done

step "one JSON Lines file of many records: its batches go to every worker, the store is the same"
# The worker that reads the file offers the batches beyond its own to the others (cli/import_job.cpp).
DUMP="$SHARED/corpus/articles/reuters21578-en/reuters21578.jsonl.gz"
if [ -f "$DUMP" ]; then
  python3 - "$DUMP" "$WORK/dump.jsonl" <<'PY'
import gzip, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for n, line in enumerate(src):
        if n == 2000: break
        out.write(line)
PY
  for j in 1 2; do
    "$BIN" import "$WORK/dump.jsonl" --db "$WORK/dump$j.db" -q -j "$j" >/dev/null 2>&1 || fail "import of the JSON Lines file -j $j exited $?"
    "$BIN" export timeline --db "$WORK/dump$j.db" -o "$WORK/dump$j.json" 2>/dev/null
    "$BIN" export jsonl --db "$WORK/dump$j.db" -o "$WORK/dump$j.events.jsonl" 2>/dev/null
  done
  cmp "$WORK/dump1.json" "$WORK/dump2.json" || fail "timeline of the JSON Lines file differs with -j 2"
  cmp "$WORK/dump1.events.jsonl" "$WORK/dump2.events.jsonl" || fail "events of the JSON Lines file differ with -j 2"
  [ "$(wc -l <"$WORK/dump2.events.jsonl")" -gt 1000 ] || fail "the JSON Lines file gave too few events"
else
  echo "SKIP: $DUMP not found"
fi

step "the gazetteer's cached image: built, then read, or off, the exports are the same"
# A fresh cache folder: the first run builds the gazetteer from its files and writes the image,
# the second reads it (its tables are views of the mapped file), the third never caches.
for mode in build read off; do
  cache="$WORK/image-cache"
  [ "$mode" = off ] && cache=off
  STORYLINE_CACHE_DIR="$cache" "$BIN" run "$SRC/fixtures/articles" -o "$WORK/cache-$mode" -q >/dev/null 2>&1 \
    || fail "run with the image cache ($mode) exited $?"
  [ "$mode" = build ] && { ls "$WORK/image-cache"/gazetteer-*.bin >/dev/null 2>&1 || fail "no gazetteer image was written"; }
  for f in graph.graphml graph.gexf timeline.json timeline.html events.jsonl; do
    cmp "$WORK/out/$f" "$WORK/cache-$mode/$f" || fail "$f differs with the image cache ($mode)"
  done
done
# A damaged image is ignored (its checksum fails) and the run is the same.
printf 'damage' | dd of="$(ls "$WORK/image-cache"/gazetteer-*.bin | head -1)" bs=1 seek=100000 conv=notrunc 2>/dev/null
STORYLINE_CACHE_DIR="$WORK/image-cache" "$BIN" run "$SRC/fixtures/articles" -o "$WORK/cache-damaged" -q >/dev/null 2>&1 \
  || fail "run with a damaged image exited $?"
cmp "$WORK/out/graph.graphml" "$WORK/cache-damaged/graph.graphml" || fail "graphml differs with a damaged image"

step "bad files are reported by name and skipped, exit 1"
mkdir -p "$WORK/mixed"
cp "$SRC/fixtures/articles/en/csto-withdrawal-begins.md" "$WORK/mixed/good.md"
: >"$WORK/mixed/empty.txt"
head -c 2048 /dev/urandom >"$WORK/mixed/binary.txt"
printf 'Titre\n\nL\xe9gislatives : la r\xe9forme est adopt\xe9e.\n' >"$WORK/mixed/latin1.txt"
set +e
"$BIN" import "$WORK/mixed" --db "$WORK/mixed.db" -q >"$WORK/mixed.out" 2>"$WORK/mixed.err"
code=$?
set -e
cat "$WORK/mixed.err"
[ "$code" = 1 ] || fail "expected exit 1 with bad files, got $code"
for f in empty.txt binary.txt; do grep -q "$f" "$WORK/mixed.err" || fail "$f not reported"; done
# The Latin-1 file is converted, not rejected: the good file and it are the two new articles.
grep -q "2 new" "$WORK/mixed.out" || { cat "$WORK/mixed.out"; fail "the good and the Latin-1 files were not both imported"; }

step "usage errors exit 2"
set +e
"$BIN" import >/dev/null 2>&1; [ $? = 2 ] || fail "import without paths should exit 2"
"$BIN" export nosuchformat >/dev/null 2>&1; [ $? = 2 ] || fail "unknown export format should exit 2"
"$BIN" import "$WORK/mixed" --date 2022-02-31 >/dev/null 2>&1; [ $? = 2 ] || fail "impossible --date should exit 2"
set -e
"$BIN" --help | grep -q "import" || fail "--help lists no verbs"
for verb in run import export annotate stats; do "$BIN" "$verb" --help >/dev/null || fail "$verb --help"; done

step "annotate writes the scorers' format"
printf '{"id":"d1","lang":"fr","dct":"2022-01-14","text":"Poutine a déclaré jeudi que les troupes partiraient."}\n' \
  | "$BIN" annotate >"$WORK/ann.jsonl"
python3 - "$WORK/ann.jsonl" <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1]).readline())
assert doc["id"] == "d1", doc
for k in ("timex", "entities", "events"):
    assert isinstance(doc[k], list), k
text = "Poutine a déclaré jeudi que les troupes partiraient.".encode()
for k in ("timex", "entities", "events"):
    for x in doc[k]:
        assert text[x["start"]:x["end"]].decode() == x["text"], x
print("annotate: ok", {k: len(doc[k]) for k in ("timex", "entities", "events")})
PY

step "the dated seed (2022-01-14) gives the temporal values of its README"
python3 - "$SRC/fixtures/articles/seed/poutine-kazakhstan-retrait.json" >"$WORK/seed.jsonl" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps({"id": "seed", "lang": d["lang"], "dct": d["date"], "text": d["text"]}))
PY
"$BIN" annotate "$WORK/seed.jsonl" >"$WORK/seed-ann.jsonl"
python3 "$SRC/tests/e2e/check_seed_timex.py" "$WORK/seed-ann.jsonl"

step "the raw seed (no document date) gets no invented full dates"
python3 - "$SRC/fixtures/articles/seed/poutine-kazakhstan-retrait.raw.txt" >"$WORK/raw.jsonl" <<'PY'
import json, sys
print(json.dumps({"id": "raw", "lang": "fr", "text": open(sys.argv[1], encoding="utf-8").read()}))
PY
"$BIN" annotate "$WORK/raw.jsonl" >"$WORK/raw-ann.jsonl"
python3 - "$WORK/raw-ann.jsonl" <<'PY'
import json, re, sys
doc = json.loads(open(sys.argv[1]).readline())
full = [t for t in doc["timex"] if re.match(r"^\d{4}-\d{2}-\d{2}", t["value"])]
assert not full, "invented dates without a document date: %r" % full
assert any(t["value"].startswith("XXXX") for t in doc["timex"]), "expected underspecified values"
print("raw seed: %d timexes, none fully specified" % len(doc["timex"]))
PY

if [ -d "$SHARED/tools" ]; then
  step "real clients: GraphML (XSD, networkx, igraph) and TimelineJS3 (schema + headless Chromium)"
  bash "$SHARED/tools/check_graphml.sh" "$WORK/out/graph.graphml"
  bash "$SHARED/tools/check_gexf.sh" --strict "$WORK/out/graph.gexf"
  bash "$SHARED/tools/check_timeline.sh" "$WORK/out/timeline.json" "$WORK/timeline.png"
else
  echo "SKIP: $SHARED/tools not found, real-client checks not run"
fi
echo "e2e: all checks passed"
