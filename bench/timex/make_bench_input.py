#!/usr/bin/env python3
"""Turns the giletsjaunes article records into timex_eval input ({id, lang, dct, text} JSONL).
Usage: make_bench_input.py ../shared/corpus/articles/giletsjaunes-fr-en/articles OUT.jsonl"""
import glob, json, os, sys

with open(sys.argv[2], "w") as out:
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        text = d.get("text") or ""
        if not text:
            continue
        out.write(json.dumps({"id": os.path.basename(path), "lang": d.get("lang") or "fr",
                              "dct": (d.get("date") or "")[:10], "text": text}, ensure_ascii=False) + "\n")
