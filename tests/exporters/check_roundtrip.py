#!/usr/bin/env python3
"""Round trip: the GraphML read back by networkx must have the node and edge counts, and the
per-kind / per-relation counts, that `storyline stats` prints on its line
"graph: N nodes (a article, b event, ...), M edges (c agent, ...)".

usage: check_roundtrip.py FILE.graphml STATS.txt"""
import re
import sys
from collections import Counter

import networkx as nx


def parse_stats(path):
    for line in open(path, encoding="utf-8"):
        m = re.match(r"graph: (\d+) nodes \((.*?)\), (\d+) edges \((.*?)\)\s*$", line)
        if m:
            def breakdown(text):
                out = Counter()
                for part in filter(None, (p.strip() for p in text.split(","))):
                    n, name = part.split(" ", 1)
                    out[name] = int(n)
                return out
            return int(m.group(1)), breakdown(m.group(2)), int(m.group(3)), breakdown(m.group(4))
    sys.exit(f"FAIL: no 'graph: N nodes (...), M edges (...)' line in {path}")


def main():
    graphml, stats = sys.argv[1], sys.argv[2]
    nodes, kinds, edges, relations = parse_stats(stats)
    # A MultiDiGraph: two relations between the same pair of nodes are two edges.
    g = nx.read_graphml(graphml, force_multigraph=True)
    got_kinds = Counter(d.get("kind") for _, d in g.nodes(data=True))
    got_relations = Counter(d.get("relation") for _, _, d in g.edges(data=True))
    failures = []
    if g.number_of_nodes() != nodes:
        failures.append(f"nodes: networkx {g.number_of_nodes()}, stats {nodes}")
    if g.number_of_edges() != edges:
        failures.append(f"edges: networkx {g.number_of_edges()}, stats {edges}")
    if got_kinds != kinds:
        failures.append(f"node kinds: networkx {dict(got_kinds)}, stats {dict(kinds)}")
    if got_relations != relations:
        failures.append(f"edge relations: networkx {dict(got_relations)}, stats {dict(relations)}")
    # Typed values come back typed: weights as floats, sources as ints.
    for _, d in g.nodes(data=True):
        if not isinstance(d.get("sources", 0), int) or not isinstance(d.get("weight", 1.0), float):
            failures.append(f"untyped node values: {d}")
            break
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print(f"roundtrip: ok ({nodes} nodes, {edges} edges, {len(kinds)} kinds, {len(relations)} relations)")


if __name__ == "__main__":
    main()
