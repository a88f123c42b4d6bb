#!/usr/bin/env python3
"""Near-duplicates (fixtures/near-duplicates/): two outlets' copies of one wire story are one
article node carrying both sources, and the graph's events are those of one copy, not two.
usage: check_near_duplicates.py FOLDED.graphml KEPT.graphml REF_A.graphml REF_B.graphml
REF_X = the graph of copy X and the follow-up story alone."""
import sys

from check_fixture_graph import load_nodes


def articles_and_events(path):
    nodes, _ = load_nodes(path)
    arts = [n for n in nodes if n.get("kind") == "article"]
    events = {n["id"]: (n.get("sources"), n.get("mentions"), n.get("date")) for n in nodes if n.get("kind") == "event"}
    return arts, events


def main():
    folded, kept, ref_a, ref_b = sys.argv[1:5]
    failures = []
    arts, events = articles_and_events(folded)
    if len(arts) != 2:
        failures.append("expected 2 article nodes (the wire story once, the follow-up), got %d" % len(arts))
    story = [a for a in arts if a.get("sources") == "2"]
    if len(story) != 1:
        failures.append("expected one article node with 2 sources, got %s" % [(a["id"], a.get("sources")) for a in arts])
    else:
        aliases = story[0].get("aliases", "")
        for name in ("outlet-a-harbour-bridge.md", "outlet-b-tarrow-bridge.json"):
            if name not in aliases:
                failures.append("the story's node does not list %s: %r" % (name, aliases))
    # Events counted once: exactly the graph of one copy plus the follow-up (ids, sources, dates).
    refs = [articles_and_events(r)[1] for r in (ref_a, ref_b)]
    if events not in refs:
        failures.append("events differ from one copy's: %d events, references %s" % (len(events), [len(r) for r in refs]))
    kept_arts, kept_events = articles_and_events(kept)
    if len(kept_arts) != 3:
        failures.append("--keep-near-duplicates: expected 3 article nodes, got %d" % len(kept_arts))
    if len(kept_events) <= len(events):
        failures.append("--keep-near-duplicates: expected more event nodes than folded (%d vs %d)" % (len(kept_events), len(events)))
    print("near-duplicates: %d article nodes, %d events (kept apart: %d articles, %d events)"
          % (len(arts), len(events), len(kept_arts), len(kept_events)))
    if failures:
        for f in failures:
            print("FAIL:", f, file=sys.stderr)
        sys.exit(1)
    print("near-duplicates: ok")


if __name__ == "__main__":
    main()
