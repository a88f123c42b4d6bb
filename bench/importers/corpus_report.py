#!/usr/bin/env python3
"""Import report over real article folders (no database touched).

usage: corpus_report.py [--storyline BIN] FOLDER [FOLDER ...]

Runs `storyline import --dry-run --tsv FOLDER` on each folder and prints, per folder: files,
articles, files that failed (with their reasons, grouped), crashes (a signal or an exit
status other than 0/1), articles per language, per format and per date source. When the
folder's parent holds a meta.jsonl with {file, lang}, the language agreement is printed too.
The last line is machine-readable: corpus_crashes=N articles=N failed_files=N
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--storyline", default=os.path.join(os.path.dirname(__file__), "../../build-ci/cli/storyline"))
    args = ap.parse_args()

    total_crashes = total_articles = total_failed = 0
    for folder in args.folders:
        proc = subprocess.run([args.storyline, "import", "--dry-run", "--tsv", folder],
                              capture_output=True, text=True, errors="replace")
        crashed = proc.returncode not in (0, 1)
        total_crashes += crashed
        rows = [l.split("\t") for l in proc.stdout.splitlines() if l.strip()]
        reasons = collections.Counter()
        failed = 0
        for line in proc.stderr.splitlines():
            if line.startswith("storyline import:"):
                m = re.match(r"storyline import: (.*?)(?: \((?:line|item) \d+\))?: (.*?)(?: \(skipped\))?$", line)
                reasons[m.group(2) if m else line] += 1
                failed += "(line " not in line and "(item " not in line
        by_lang = collections.Counter(r[2] or "?" for r in rows)
        by_format = collections.Counter(r[3] for r in rows)
        by_source = collections.Counter((r[4] if len(r) > 4 and r[4] else "none") for r in rows)
        total_articles += len(rows)
        total_failed += failed
        print(f"== {folder}")
        print(f"exit status {proc.returncode}{' (CRASH)' if crashed else ''}; articles {len(rows)}; failed files {failed}")
        for reason, n in reasons.most_common(8):
            print(f"  problem x{n}: {reason}")
        print("  languages:    " + ", ".join(f"{k} {v}" for k, v in by_lang.most_common()))
        print("  formats:      " + ", ".join(f"{k} {v}" for k, v in by_format.most_common()))
        print("  date sources: " + ", ".join(f"{k} {v}" for k, v in by_source.most_common()))
        meta = os.path.join(os.path.dirname(os.path.normpath(folder)), "meta.jsonl")
        if os.path.exists(meta):
            gold = {}
            with open(meta, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        r = json.loads(line)
                        if r.get("lang") in ("fr", "en"):
                            gold[r["file"]] = r["lang"]
            agree = seen = 0
            confusion = collections.Counter()
            for r in rows:
                g = gold.get(os.path.basename(r[0].split("#")[0]))
                if g:
                    seen += 1
                    agree += r[2] == g
                    if r[2] != g:
                        confusion[f"{g}->{r[2] or '?'}"] += 1
            if seen:
                print(f"  language vs meta.jsonl (fr/en pages): {agree}/{seen} = {agree / seen:.4f}"
                      + ("; " + ", ".join(f"{k} {v}" for k, v in confusion.most_common(4)) if confusion else ""))
    print(f"corpus_crashes={total_crashes} articles={total_articles} failed_files={total_failed}")


if __name__ == "__main__":
    main()
