#!/usr/bin/env python3
"""Pairwise P/R of cross-article event merging against MEANTIME gold-xdoc-events.
usage: meantime_merge.py CORPUS_DIR DB GRAPHML"""
import json, sqlite3, sys, re, itertools, xml.etree.ElementTree as ET
corpus, db, graphml = sys.argv[1:4]
con = sqlite3.connect(db)
src = {}  # file -> article id
for key, aid in con.execute("select source_key, article_id from sources"):
    src[key.split('/')[-1]] = aid
texts = {aid: (t, title) for aid, t, title in con.execute("select id, text, title from articles")}
sents = {}
for aid, s, e in con.execute("select article_id, start, end from sentences order by article_id, idx"):
    sents.setdefault(aid, []).append((s, e))
mentions = {}
for aid, s, e in con.execute("select article_id, start, end from event_mentions"):
    mentions.setdefault(aid, []).append((s, e))
# event node of each mention from the GraphML provenance
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
root = ET.parse(graphml).getroot()
keys = {k.get('attr.name'): k.get('id') for k in root.findall('g:key', ns) if k.get('for') == 'node'}
node_of = {}
for n in root.iter('{http://graphml.graphdrawing.org/xmlns}node'):
    d = {x.get('key'): (x.text or '') for x in n.findall('g:data', ns)}
    if d.get(keys['kind']) != 'event': continue
    for p in d.get(keys['provenance'], '').split():
        a, span = p.rsplit('@', 1)
        b, e = span.split('-')
        node_of[(a, int(b), int(e))] = n.get('id')
gold = [json.loads(l) for l in open(corpus + '/gold-xdoc-events.jsonl')]
def locate(file, sentence, word):
    aid = src.get(file)
    if aid is None: return None
    text, title = texts[aid]
    ss = sents.get(aid, [])
    # the title may be outside the stored text: sentence numbers then shift by one
    shift = 0 if text.startswith(title) or not title else 1
    best = None
    for m in re.finditer(r'\b' + re.escape(word) + r'\b', text.encode('utf-8').decode('utf-8')):
        b = len(text[:m.start()].encode('utf-8')); e = b + len(word.encode('utf-8'))
        idx = next((i for i, (s, t) in enumerate(ss) if s <= b < t), 0) + shift
        d = abs(idx - sentence)
        if best is None or d < best[0]: best = (d, b, e)
    if best is None: return None
    for (b, e) in mentions.get(aid, []):
        if b <= best[1] < e or best[1] <= b < best[2]:
            return (aid, b, e)
    return ('MISS', aid, best[1])
gold_pairs = set(); sys_pairs = set(); matched = {}
found = 0; total = 0
for inst in gold:
    ms = []
    for m in inst['mentions']:
        total += 1
        loc = locate(m['file'], m['sentence'], m['text'])
        if loc and loc[0] != 'MISS':
            found += 1
            matched[loc] = inst['instance_id']
        ms.append((m['file'], loc))
    for (f1, l1), (f2, l2) in itertools.combinations(ms, 2):
        if f1 == f2: continue
        gold_pairs.add(frozenset([(f1, l1 and l1[1:]), (f2, l2 and l2[1:])]))
# system pairs among matched gold mentions, cross-article
locs = list(matched)
tp = fp = 0
for a, b in itertools.combinations(locs, 2):
    if a[0] == b[0]: continue
    if node_of.get(a) is not None and node_of.get(a) == node_of.get(b):
        if matched[a] == matched[b]: tp += 1
        else: fp += 1
gold_cross = 0; found_gold = 0
for inst in gold:
    ls = []
    for m in inst['mentions']:
        ls.append((m['file'], locate(m['file'], m['sentence'], m['text'])))
    for (f1, l1), (f2, l2) in itertools.combinations(ls, 2):
        if f1 == f2: continue
        gold_cross += 1
        if l1 and l2 and l1[0] != 'MISS' and l2[0] != 'MISS' and node_of.get(l1) is not None and node_of.get(l1) == node_of.get(l2):
            found_gold += 1
# all cross-article system pairs (any mention)
groups = {}
for k, v in node_of.items(): groups.setdefault(v, set()).add(k[0])
multi = sum(1 for v in groups.values() if len(v) > 1)
P = tp / (tp + fp) if tp + fp else 0.0
R = found_gold / gold_cross if gold_cross else 0.0
print(f"gold mentions: {total}, with a system event mention: {found}")
print(f"gold cross-article pairs: {gold_cross}; found: {found_gold}")
print(f"system pairs among gold mentions: {tp + fp} (correct {tp})")
print(f"event nodes with sources in >1 article: {multi} of {len(groups)}")
print(f"pairwise precision={P:.3f} recall={R:.3f} f1={(2*P*R/(P+R) if P+R else 0):.3f}")
