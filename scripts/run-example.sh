#!/usr/bin/env bash
# The main job on the bundled example articles: builds Storyline if needed, imports
# fixtures/articles into out/storyline.db, writes out/graph.graphml (Gephi) and
# out/timeline.json (TimelineJS3), and says what they hold.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(bash scripts/build.sh default)"
rm -rf out
"$dir/cli/storyline" run fixtures/articles -o out
echo
echo "Open out/graph.graphml (or out/graph.gexf, with time) in Gephi; open out/timeline.html in a browser, or load out/timeline.json with TimelineJS3."
