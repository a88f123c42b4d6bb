#!/usr/bin/env python3
"""Score main-text extraction of HTML pages.

usage: maintext_score.py SYSTEM.jsonl [--gold gold-text.jsonl] [--snippets SNIPPETS.jsonl ...] [--errors N]

SYSTEM.jsonl is what `storyline import --dry-run --jsonl PAGES/` prints: one record per page
with "path" and "text". Files are matched by their base name.

--gold: records {"file", "articleBody"}; prints token-level precision, recall and F1 of the
  extracted body against the gold body (lower-cased \\w+ tokens, bags of tokens, as the
  article-extraction-benchmark does), averaged over pages, plus micro totals.
--snippets: records {"file", "with": [...], "without": [...]}; a page passes "with" when every
  snippet is in the extracted body (white space squeezed; the title is not part of it) and
  "without" when none is.
Last lines are machine-readable: maintext_f1=... and snippets_with=... snippets_without=...
"""
import argparse
import collections
import json
import os
import re
import sys

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return collections.Counter(TOKEN.findall((text or "").lower()))


def squeeze(text):
    return " ".join((text or "").split())


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("system")
    ap.add_argument("--gold")
    ap.add_argument("--snippets", action="append", default=[])
    ap.add_argument("--errors", type=int, default=0, help="list the N worst pages")
    args = ap.parse_args()

    system = {}
    for r in load_jsonl(args.system):
        system[os.path.basename(r.get("path", "").split("#")[0])] = r

    if args.gold:
        rows = []
        tp_all = sys_all = gold_all = 0
        for g in load_jsonl(args.gold):
            s = system.get(g["file"], {})
            st, gt = tokens(s.get("text", "")), tokens(g.get("articleBody", ""))
            common = sum((st & gt).values())
            ns, ng = sum(st.values()), sum(gt.values())
            p = common / ns if ns else 0.0
            r = common / ng if ng else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((f, p, r, g["file"]))
            tp_all += common
            sys_all += ns
            gold_all += ng
        n = len(rows)
        mp = sum(r[1] for r in rows) / n
        mr = sum(r[2] for r in rows) / n
        mf = sum(r[0] for r in rows) / n
        up = tp_all / sys_all if sys_all else 0
        ur = tp_all / gold_all if gold_all else 0
        uf = 2 * up * ur / (up + ur) if up + ur else 0
        print(f"gold pages: {n}")
        print(f"mean precision {mp:.4f} recall {mr:.4f} f1 {mf:.4f}")
        print(f"micro precision {up:.4f} recall {ur:.4f} f1 {uf:.4f}")
        for f, p, r, name in sorted(rows)[: args.errors]:
            print(f"  worst: {name}\tf1 {f:.3f}\tp {p:.3f}\tr {r:.3f}")
        print(f"maintext_f1={mf:.4f} precision={mp:.4f} recall={mr:.4f}")

    if args.snippets:
        pages = ok_with = ok_without = ok_both = 0
        fails = []
        for path in args.snippets:
            for g in load_jsonl(path):
                s = system.get(g["file"], {})
                text = squeeze(s.get("text", ""))
                missing = [w for w in g.get("with", []) if squeeze(w) not in text]
                present = [w for w in g.get("without", []) if squeeze(w) in text]
                pages += 1
                ok_with += not missing
                ok_without += not present
                ok_both += not missing and not present
                if missing or present:
                    fails.append((g["file"], missing, present))
        print(f"snippet pages: {pages}")
        for name, missing, present in fails[: args.errors]:
            print(f"  fail: {name}\tmissing {missing[:2]}\tpresent {present[:2]}")
        print(f"snippets_with={ok_with / pages:.4f} snippets_without={ok_without / pages:.4f} "
              f"snippets_both={ok_both / pages:.4f}")


if __name__ == "__main__":
    main()
