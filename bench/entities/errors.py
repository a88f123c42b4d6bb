#!/usr/bin/env python3
"""Entity error analysis: groups the differences between a gold and a system file.

usage: errors.py GOLD.jsonl SYSTEM.jsonl [--show CLASS] [--n N] [--ctx C]

Classes (each gold/system pair matched by largest overlap, one-to-one, per document):
  missed      gold entity that overlaps no system entity       (by gold type)
  spurious    system entity that overlaps no gold entity       (by system type)
  type        same span, different type                        (gold->sys)
  boundary    overlap, same type, different span               (wider / narrower / shifted)
  bound+type  overlap, different span and type
--show CLASS prints up to N examples of that class with C bytes of context either side.
"""
import collections
import json
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = d
    return out


def main():
    args = sys.argv[1:]
    show, n_show, ctx = None, 40, 40
    if "--show" in args:
        i = args.index("--show"); show = args[i + 1]; del args[i:i + 2]
    if "--n" in args:
        i = args.index("--n"); n_show = int(args[i + 1]); del args[i:i + 2]
    if "--ctx" in args:
        i = args.index("--ctx"); ctx = int(args[i + 1]); del args[i:i + 2]
    gold, sysd = load(args[0]), load(args[1])
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    for did, g in gold.items():
        text = g["text"].encode()
        gs = [(e["start"], e["end"], e["type"]) for e in g["entities"]]
        ss = sorted({(e["start"], e["end"], e["type"]) for e in sysd.get(did, {}).get("entities", [])})
        exact = set(gs) & set(ss)
        gr = [e for e in gs if e not in exact]
        sr = [e for e in ss if e not in exact]
        pairs = []
        for a in gr:
            for b in sr:
                ov = min(a[1], b[1]) - max(a[0], b[0])
                if ov > 0:
                    pairs.append((ov, a, b))
        pairs.sort(reverse=True)
        ug, us = set(), set()

        def snip(s, e):
            left = text[max(0, s - ctx):s].decode(errors="replace").replace("\n", " ")
            mid = text[s:e].decode(errors="replace").replace("\n", " ")
            right = text[e:e + ctx].decode(errors="replace").replace("\n", " ")
            return f"{left}[[{mid}]]{right}"

        for ov, a, b in pairs:
            if a in ug or b in us:
                continue
            ug.add(a); us.add(b)
            if (a[0], a[1]) == (b[0], b[1]):
                cls = f"type {a[2]}->{b[2]}"
            else:
                kind = "wider" if b[0] <= a[0] and b[1] >= a[1] else \
                       "narrower" if b[0] >= a[0] and b[1] <= a[1] else "shifted"
                cls = f"boundary {a[2]} {kind}" if a[2] == b[2] else f"bound+type {a[2]}->{b[2]} {kind}"
            counts[cls] += 1
            sys_txt = text[b[0]:b[1]].decode(errors="replace")
            examples[cls].append(f"{did}: {snip(a[0], a[1])}   sys={sys_txt!r}")
        for a in gr:
            if a not in ug:
                counts[f"missed {a[2]}"] += 1
                examples[f"missed {a[2]}"].append(f"{did}: {snip(a[0], a[1])}")
        for b in sr:
            if b not in us:
                counts[f"spurious {b[2]}"] += 1
                examples[f"spurious {b[2]}"].append(f"{did}: {snip(b[0], b[1])}")
    if show:
        for cls in sorted(examples):
            if cls.startswith(show):
                print(f"== {cls} ({counts[cls]})")
                for x in examples[cls][:n_show]:
                    print("  " + x)
        return
    groups = collections.Counter()
    for cls, n in counts.items():
        groups[cls.split()[0]] += n
    for grp, n in groups.most_common():
        print(f"{grp:11s} {n:5d}")
        for cls, m in counts.most_common():
            if cls.split()[0] == grp:
                print(f"    {cls:32s} {m:5d}")


if __name__ == "__main__":
    main()
