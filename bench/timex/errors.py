#!/usr/bin/env python3
"""Error listing for the temporal tagger: missed gold, spurious system, wrong values.
Usage: errors.py GOLD.jsonl SYS.jsonl [miss|spur|value|all] [N]"""
import collections, json, sys

gold = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[1])}
syst = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[2])}
what = sys.argv[3] if len(sys.argv) > 3 else "all"
top = int(sys.argv[4]) if len(sys.argv) > 4 else 40
miss, spur, val = collections.Counter(), collections.Counter(), collections.Counter()
for gid, g in gold.items():
    s = syst.get(gid, {"timex": []})["timex"]
    used = set()
    for gt in g["timex"]:
        hit = None
        for i, st in enumerate(s):
            if i not in used and st["start"] < gt["end"] and gt["start"] < st["end"]:
                hit = i
                break
        if hit is None:
            text = g["text"].encode()
            ctx = text[max(0, gt["start"] - 30):gt["end"] + 30].decode(errors="replace").replace("\n", " ")
            miss[(gt["text"].lower(), gt["value"].replace(g["dct"], "DCT"))] += 1
        else:
            used.add(hit)
            st = s[hit]
            if st["value"] != gt["value"]:
                val[(gt["text"], gt["value"], st["text"], st["value"], g["dct"])] += 1
    for i, st in enumerate(s):
        if i not in used:
            spur[(st["text"].lower(), st["value"])] += 1
for name, c in (("miss", miss), ("spur", spur), ("value", val)):
    if what in (name, "all"):
        print(f"== {name}: {sum(c.values())}")
        for k, v in c.most_common(top):
            print(v, k)
