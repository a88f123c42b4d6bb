#!/usr/bin/env python3
"""The story of the dated seed article plus the English fixtures (fixtures/README.md, the nine
events of ../shared/corpus/seed/README.md), read from `storyline run`'s events.jsonl and
timeline.json as a client would:

  1. protests and riots in week 1 of 2022          6. the withdrawal begins on 13 January,
  2. security forces killed and injured, week 1        merged from a French and an English article
  3. the CSTO votes to send troops, not after the   7. Putin's statement on 13 January
     deployment                                     8. Tokayev on the crackdown; Zas ends the mission
  4. Blinken's statement on 7 January               9. all troops out by 19 January: planned
  5. the withdrawal announced earlier in week 2

Each must exist, and the nine must be in that order: none may lie wholly after one that comes
later in the list, and the timeline must show them in that order where their days differ.
usage: check_seed_story.py EVENTS.jsonl TIMELINE.json
"""
import json
import sys
from datetime import date


def day(s):
    return date.fromisoformat(s)


def names(event, *roles):
    return {p["label"] for p in event["participants"] if not roles or p["role"] in roles}


def mentions(event, *labels):
    everyone = names(event) | {p["label"] for p in event["places"]}
    return any(label in n for n in everyone for label in labels)


def in_week1(e):
    return e["start"] >= "2022-01-03" and e["end"] <= "2022-01-09"


def langs(e):
    return {s["lang"] for s in e["sources"]}


STORY = [
    ("protests and riots (2022-W01)",
     lambda e: e["type"] == "protest" and e["modality"] == "asserted" and in_week1(e)),
    ("security forces killed or injured (2022-W01)",
     lambda e: e["type"] in ("kill", "injure") and in_week1(e)),
    ("the CSTO votes to send troops",
     lambda e: e["type"] == "election" and mentions(e, "Collective Security Treaty Organization", "CSTO")),
    ("Blinken's statement (2022-01-07)",
     lambda e: e["type"] == "statement" and e["date"] == "2022-01-07" and mentions(e, "Blinken")),
    ("the withdrawal announced earlier this week (2022-W02)",
     lambda e: e["type"] == "statement" and e["date"] == "2022-W02"),
    ("the withdrawal begins (2022-01-13), French and English sources",
     lambda e: e["type"] == "withdraw" and e["date"] == "2022-01-13" and e["modality"] == "asserted"
     and e["source_count"] >= 2 and {"fr", "en"} <= langs(e)),
    ("Putin's statement (2022-01-13)",
     lambda e: e["type"] == "statement" and e["date"] == "2022-01-13" and "Vladimir Putin" in names(e, "agent")),
    ("Tokayev on the crackdown, Zas ends the mission",
     lambda e: e["date"] == "2022-01-13" and (mentions(e, "Tokayev") or mentions(e, "Zas"))
     and e["type"] in ("statement", "appeal", "coerce", "end")),
    ("all troops out by 2022-01-19 (planned)",
     lambda e: e["type"] == "withdraw" and e["date"] == "2022-01-19" and e["modality"] == "planned"),
]


def main():
    events = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    dated = [e for e in events if e.get("start")]
    slides = [e["unique_id"] for e in json.load(open(sys.argv[2], encoding="utf-8"))["events"]]
    position = {uid: i for i, uid in enumerate(slides)}
    failures = []
    chosen = []
    for what, matches in STORY:
        candidates = [e for e in dated if matches(e)]
        # The earliest match that keeps the story in order after the ones already chosen.
        previous = chosen[-1][1] if chosen else None
        fitting = [e for e in candidates if previous is None or day(previous["start"]) <= day(e["end"])]
        fitting.sort(key=lambda e: (e["start"], e["end"], e["id"]))
        if not fitting:
            failures.append("missing: %s (%d candidates, none in order)" % (what, len(candidates)))
            continue
        chosen.append((what, fitting[0]))
        print("%-62s %-10s %s sources=%d %s" % (what, fitting[0]["date"], fitting[0]["type"],
                                                fitting[0]["source_count"], fitting[0]["id"]))
    for what, e in chosen:
        if e["id"] not in position:
            failures.append("not on the timeline: %s (%s)" % (what, e["id"]))
    for i, (what_a, a) in enumerate(chosen):
        for what_b, b in chosen[i + 1:]:
            if day(a["start"]) > day(b["end"]):
                failures.append("out of order: '%s' lies after '%s'" % (what_a, what_b))
            elif day(a["end"]) < day(b["start"]) and position.get(a["id"], -1) > position.get(b["id"], -1):
                failures.append("timeline shows '%s' after '%s'" % (what_a, what_b))
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("seed story: the nine events, in order")


if __name__ == "__main__":
    main()
