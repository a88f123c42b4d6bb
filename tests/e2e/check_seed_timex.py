#!/usr/bin/env python3
"""The dated seed article's temporal expressions against the table of
../shared/corpus/seed/README.md (document date 2022-01-14): every expression found, in text
order, with its type and one of the values the table accepts.

usage: check_seed_timex.py ANNOTATE_OUTPUT.jsonl   (storyline annotate on the seed's text)
"""
import json
import sys

# (text, type, accepted values), in the order the article says them. Spans follow the TimeML
# rule of the README of ../shared/corpus/timex: "du 19 janvier" is tagged "19 janvier".
WANT = [
    ("plus tôt dans la semaine", "DATE", {"2022-W02"}),
    ("dans les deux jours", "DURATION", {"P2D"}),
    ("jeudi", "DATE", {"2022-01-13"}),
    ("jeudi", "DATE", {"2022-01-13"}),
    ("d’une semaine", "DURATION", {"P1W"}),
    ("le 19 janvier", "DATE", {"2022-01-19"}),
    ("la semaine dernière", "DATE", {"2022-W01"}),
    ("jeudi", "DATE", {"2022-01-13"}),
    ("Aujourd’hui", "DATE", {"2022-01-13", "PRESENT_REF"}),  # inside Zas's quotation
    ("plusieurs jours", "DURATION", {"PXD"}),
    ("19 janvier", "DATE", {"2022-01-19"}),
    ("la semaine dernière", "DATE", {"2022-W01"}),
    ("il y a quelques jours", "DATE", {"PAST_REF"}),
    ("la semaine dernière", "DATE", {"2022-W01"}),
    ("vendredi dernier", "DATE", {"2022-01-07"}),
]


def main():
    doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
    got = [(t["text"], t["type"], t["value"]) for t in doc["timex"]]
    failures = []
    if len(got) != len(WANT):
        failures.append("%d expressions, the README lists %d: %r" % (len(got), len(WANT), got))
    for (text, typ, value), (wtext, wtyp, wvalues) in zip(got, WANT):
        if text != wtext or typ != wtyp or value not in wvalues:
            failures.append("%r %s %s, want %r %s %s" % (text, typ, value, wtext, wtyp, "|".join(sorted(wvalues))))
    for f in failures:
        print("FAIL seed timex:", f, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("seed timexes: all %d values as in the seed README" % len(WANT))


if __name__ == "__main__":
    main()
