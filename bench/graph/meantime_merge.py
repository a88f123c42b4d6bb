#!/usr/bin/env python3
"""Pairwise precision/recall of cross-article merging against MEANTIME's gold cross-document
links: events (gold-xdoc-events.jsonl) or entities (gold-xdoc-entities.jsonl).

usage: meantime_merge.py events|entities CORPUS_DIR DB GRAPHML
  CORPUS_DIR  ../shared/corpus/articles/meantime-wikinews-en
  DB          a SQLite database that imported CORPUS_DIR/articles
  GRAPHML     `storyline export graphml` of that database

Each gold mention (file, sentence number, text) is located in the imported article: the
occurrence of its text nearest to that sentence, then the stored mention (event trigger or
entity span) overlapping it. The graph node of a stored mention comes from the `provenance`
attribute of the GraphML nodes. Recall: gold cross-article pairs whose two mentions landed in
the same node. Precision: among pairs of located gold mentions from different articles that
share a node, those of the same gold instance.
"""
import itertools
import json
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def main():
    what, corpus, db, graphml = sys.argv[1:5]
    table = {"events": "event_mentions", "entities": "entity_mentions"}[what]
    con = sqlite3.connect(db)
    article_of = {key.split("/")[-1]: aid for key, aid in con.execute("SELECT source_key, article_id FROM sources")}
    texts = {aid: (text, title) for aid, text, title in con.execute("SELECT id, text, title FROM articles")}
    sentences = {}
    for aid, s, e in con.execute("SELECT article_id, start, end FROM sentences ORDER BY article_id, idx"):
        sentences.setdefault(aid, []).append((s, e))
    mentions = {}
    for aid, s, e in con.execute(f"SELECT article_id, start, end FROM {table}"):
        mentions.setdefault(aid, []).append((s, e))

    root = ET.parse(graphml).getroot()
    keys = {k.get("attr.name"): k.get("id") for k in root.findall("g:key", NS) if k.get("for") == "node"}
    node_of = {}
    for n in root.iter("{%s}node" % NS["g"]):
        data = {d.get("key"): (d.text or "") for d in n.findall("g:data", NS)}
        is_event = data.get(keys["kind"]) == "event"
        if is_event != (what == "events") or data.get(keys["kind"]) == "article":
            continue
        for p in data.get(keys["provenance"], "").split():
            aid, span = p.rsplit("@", 1)
            b, e = span.split("-")
            node_of[(aid, int(b), int(e))] = n.get("id")

    def locate(file, sentence, words):
        aid = article_of.get(file)
        if aid is None:
            return None
        text, title = texts[aid]
        spans = sentences.get(aid, [])
        shift = 0 if text.startswith(title) or not title else 1   # title outside the stored text
        best = None
        for m in re.finditer(r"\b" + re.escape(words) + r"\b", text):
            b = len(text[:m.start()].encode("utf-8"))
            idx = next((i for i, (s, t) in enumerate(spans) if s <= b < t), 0) + shift
            if best is None or abs(idx - sentence) < best[0]:
                best = (abs(idx - sentence), b, b + len(words.encode("utf-8")))
        if best is None:
            return None
        # Of the stored mentions overlapping it, the one sharing most bytes, then the one ending
        # nearest its end: "Apple CEO Steve Jobs" is a Jobs mention (heads come last in English).
        overlapping = [(min(e, best[2]) - max(b, best[1]), -abs(e - best[2]), b, e)
                       for b, e in mentions.get(aid, []) if max(b, best[1]) < min(e, best[2])]
        if not overlapping:
            return None
        _, _, b, e = max(overlapping)
        return (aid, b, e)

    gold = [json.loads(line) for line in open(f"{corpus}/gold-xdoc-{what}.jsonl", encoding="utf-8")]
    located = {}     # stored mention -> gold instance
    gold_pairs = found = total = hits = 0
    for inst in gold:
        where = []
        for m in inst["mentions"]:
            total += 1
            loc = locate(m["file"], m["sentence"], m["text"])
            if loc:
                hits += 1
                located[loc] = inst["instance_id"]
            where.append((m["file"], loc))
        for (f1, l1), (f2, l2) in itertools.combinations(where, 2):
            if f1 == f2:
                continue
            gold_pairs += 1
            if l1 and l2 and node_of.get(l1) is not None and node_of.get(l1) == node_of.get(l2):
                found += 1
    tp = fp = 0
    for a, b in itertools.combinations(sorted(located), 2):
        if a[0] != b[0] and node_of.get(a) is not None and node_of.get(a) == node_of.get(b):
            if located[a] == located[b]:
                tp += 1
            else:
                fp += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = found / gold_pairs if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"gold {what}: {len(gold)} instances, {total} mentions, {hits} with a stored mention")
    print(f"gold cross-article pairs: {gold_pairs}; in one node: {found}")
    print(f"cross-article pairs of located gold mentions in one node: {tp + fp} (same instance: {tp})")
    print(f"pairwise_precision={precision:.3f} recall={recall:.3f} f1={f1:.3f}")


if __name__ == "__main__":
    main()
