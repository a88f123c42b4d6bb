#!/usr/bin/env python3
"""Asserts what the fixture articles must yield (issue 3's proof), reading the exports as a
client would: GraphML with xml.etree, the timeline as JSON."""
import json
import sys
import xml.etree.ElementTree as ET

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def load_nodes(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    nodes = []
    for n in root.findall(".//g:node", NS):
        attrs = {keys[d.get("key")]: (d.text or "") for d in n.findall("g:data", NS)}
        attrs["id"] = n.get("id")
        nodes.append(attrs)
    edges = root.findall(".//g:edge", NS)
    return nodes, edges


def main():
    graphml, timeline = sys.argv[1], sys.argv[2]
    nodes, edges = load_nodes(graphml)
    kinds = {}
    for n in nodes:
        kinds.setdefault(n.get("kind"), []).append(n)
    print("nodes by kind:", {k: len(v) for k, v in sorted(kinds.items())}, "edges:", len(edges))
    failures = []
    for kind in ("article", "event"):
        if not kinds.get(kind):
            failures.append("no %s nodes" % kind)
    events = kinds.get("event", [])
    for n in events:
        if n.get("date", "").startswith("XXXX") is False and n.get("time_source") == "none" and n.get("start"):
            failures.append("undated event with a start day: %s" % n["id"])
    tl = json.load(open(timeline))
    dated = [n for n in events if n.get("start")]
    if len(tl["events"]) != len(dated):
        failures.append("timeline has %d slides for %d dated events" % (len(tl["events"]), len(dated)))
    ids = [e["unique_id"] for e in tl["events"]]
    if len(set(ids)) != len(ids):
        failures.append("duplicate timeline ids")
    # Issue 3's proof: the actors and places of the seed story, whatever their surface form.
    def has(kind, *names):
        for n in kinds.get(kind, []):
            forms = {n.get("label", "")} | set(filter(None, (n.get("aliases") or "").split(" | ")))
            if any(name in forms for name in names):
                return True
        return False
    for kind, names in (("person", ("Poutine", "Putin", "Vladimir Putin")),
                        ("person", ("Tokayev", "Kassym-Jomart Tokayev")),
                        ("person", ("Zas", "Stanislav Zas")),
                        ("person", ("Blinken", "Antony Blinken")),
                        ("location", ("Kazakhstan",)),
                        ("location", ("Almaty",))):
        if not has(kind, *names):
            failures.append("no %s node for %s" % (kind, names[0]))
    # Putin/Poutine must be one node.
    putin = [n for n in kinds.get("person", []) if {"Poutine", "Putin"} & (set((n.get("aliases") or "").split(" | ")) | {n.get("label")})]
    if len(putin) != 1:
        failures.append("Poutine/Putin are %d person nodes, expected 1" % len(putin))
    dates = {n.get("date") for n in events}
    for d in ("2022-01-13", "2022-01-19", "2022-01-07"):
        if d not in dates:
            failures.append("no event dated %s" % d)
    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print("fixture graph: ok")


if __name__ == "__main__":
    main()
