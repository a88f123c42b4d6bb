#!/usr/bin/env python3
"""Crash safety of `storyline import`: SIGKILL at random points, re-run, check the database.

First an uninterrupted import gives the reference: its duration, the files it stores and those
it refuses. Kills then land while the import is writing (a run that ends first is not counted).
After every kill: PRAGMA integrity_check is ok, no source or annotation is stored twice, every
source points at a stored article, and every source committed before the kill is still there.
At the end a full run imports the rest (the reference's exit status), exactly the reference's
files are stored, each once, with as many articles, and a second full run reports everything
unchanged. Then a second process on the same database while
the first is writing must either wait and succeed or fail with a clear "database is busy"
message; the database stays intact.

Usage: kill_test.py --storyline BIN --kills N (--generate FILES | --folder DIR) [--seed S]
"""
import argparse
import os
import pathlib
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

PLACES = ["Almaty", "Astana", "Moscow", "Paris", "Geneva", "Bishkek", "Minsk", "Yerevan", "Dushanbe", "Berlin"]
PEOPLE = ["Kassym-Jomart Tokayev", "Vladimir Putin", "Emmanuel Macron", "Olaf Scholz", "Nikol Pashinyan"]
VERBS = ["met", "visited", "left", "criticised", "signed an agreement with", "called"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def generate(folder: pathlib.Path, count: int, rng: random.Random) -> None:
    """Unique, varied news-like articles, 500 per sub-folder, with dates, people and places."""
    for i in range(count):
        sub = folder / f"batch{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        place, person, verb = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(VERBS)
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1995, 2023)
        body = [f"{person} {verb} officials in {place} on {day} {month} {year}, the ministry said in report {i}."]
        for k in range(rng.randint(2, 6)):
            body.append(f"Talks in {rng.choice(PLACES)} continued on {rng.randint(1, 28)} {rng.choice(MONTHS)}; "
                        f"{rng.choice(PEOPLE)} said the next meeting would follow within {k + 2} weeks.")
        (sub / f"article-{i:05d}.txt").write_text(f"Report {i} from {place}\n\n" + "\n\n".join(body) + "\n",
                                                  encoding="utf-8")


def input_files(folder: pathlib.Path) -> set:
    return {str(p) for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}


def check_db(db: pathlib.Path) -> set:
    """Structural checks; returns the set of stored source keys."""
    if not db.exists():   # killed before the run created its database: nothing committed yet
        return set()
    # Read-write, as every storyline command opens it: a first import into a new database writes
    # through a rollback journal (docs/store.md), and after a kill the next connection rolls the
    # hot journal back, which a read-only one cannot do ("attempt to write a readonly database").
    con = sqlite3.connect(str(db), timeout=30)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], f"integrity_check: {integrity}"
        keys = [r[0] for r in con.execute("SELECT source_key FROM sources")]
        assert len(keys) == len(set(keys)), "a source is stored twice"
        orphans = con.execute("SELECT count(*) FROM sources WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0, f"{orphans} sources point at no article"
        sourceless = con.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sources)").fetchone()[0]
        assert sourceless == 0, f"{sourceless} articles have no source"
        dangling = con.execute("SELECT count(*) FROM layers WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert dangling == 0, f"{dangling} annotation rows belong to no article"
        bare = con.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM layers)").fetchone()[0]
        assert bare == 0, f"{bare} articles stored without their annotations"
        return set(keys)
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return set()
        raise
    finally:
        con.close()


def summary_counts(stdout: str):
    m = re.search(r"articles (\d+) new, (\d+) changed, (\d+) unchanged", stdout)
    assert m, f"no summary line in: {stdout!r}"
    return tuple(int(x) for x in m.groups())


def import_cmd(args, db, folder):
    return [args.storyline, "import", "-q", "--db", str(db), str(folder)]


def reference_phase(args, work, folder, files):
    """One uninterrupted import: how long a whole run takes, which files it stores, and which it
    refuses (a real folder has a few: an empty Reuters record is reported and skipped)."""
    db = work / "reference.db"
    start = time.monotonic()
    run = subprocess.run(import_cmd(args, db, folder), capture_output=True, text=True, timeout=args.timeout)
    duration = time.monotonic() - start
    stored = check_db(db)
    refused = {line.split(": ")[1] for line in run.stderr.splitlines() if line.endswith("(skipped)")}
    assert run.returncode == (1 if refused else 0), f"reference import exit {run.returncode}: {run.stderr[-2000:]}"
    assert stored | refused == files and not stored & refused, "reference import: stored + refused != input files"
    print(f"reference: whole import {duration:.1f} s, {len(stored)} files stored, {len(refused)} refused")
    return duration, stored, refused


def kill_phase(args, db, folder, expected, duration, rng) -> None:
    """Kills that land while the import is writing: each delay is drawn over the time the run
    still needs (estimated from the reference run and what is already stored). A run that ends
    before its kill does not count, and a database close to complete is started afresh, so that
    every counted kill interrupts real work."""
    committed: set = set()
    kills = attempts = cycles = writing = 0
    lead = 0.0   # a re-run first skips what is stored: no commit comes before this (learnt)
    while kills < args.kills:
        attempts += 1
        assert attempts <= 5 * args.kills, f"only {kills} of {args.kills} kills landed mid-import"
        remaining = len(expected - committed) / len(expected)
        delay = lead + rng.uniform(0.05, 0.95) * max(duration * remaining, 0.3)
        start = time.monotonic()
        proc = subprocess.Popen(import_cmd(args, db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            finished = False
        elapsed = time.monotonic() - start
        now = check_db(db)
        lost = committed - now
        assert not lost, f"kill {kills + 1}: {len(lost)} committed sources lost, e.g. {sorted(lost)[:3]}"
        assert now <= expected, f"kill {kills + 1}: unexpected sources {sorted(now - expected)[:3]}"
        if finished:
            print(f"  run ended before its kill at {delay:.2f} s (exit {proc.returncode}), {len(now)} stored: not counted")
            # The reference ran slower than the runs do now (a machine busy with other tests
            # then): later delays are drawn over what a whole run really takes.
            duration = min(duration, elapsed / max(remaining, 0.1))
        else:
            kills += 1
            writing += len(now) > len(committed)
            print(f"kill {kills}: SIGKILL after {elapsed:.2f} s, {len(now)}/{len(expected)} stored "
                  f"(+{len(now) - len(committed)}), integrity ok, nothing committed lost")
        # Nothing new after `elapsed` seconds: this state's first commit comes later than that.
        lead = max(lead, elapsed) if len(now) == len(committed) else 0.0
        committed = now
        if finished or len(committed) > 0.9 * len(expected):
            db.unlink(missing_ok=True)   # start a fresh database: the next kills interrupt real work again
            # A first import writes through a rollback journal: one left by a kill must go too,
            # or the fresh database's first open would roll the old one's pages into it.
            for extra in ("-wal", "-shm", "-journal"):
                pathlib.Path(str(db) + extra).unlink(missing_ok=True)
            committed = set()
            lead = 0.0
            cycles += 1
    print(f"{kills} kills landed mid-import, {writing} of them after the run had committed new articles "
          f"({attempts} attempts, {cycles} fresh databases)")


def final_phase(args, db, folder, expected, refused) -> None:
    run = subprocess.run(import_cmd(args, db, folder), capture_output=True, text=True, timeout=args.timeout)
    assert run.returncode == (1 if refused else 0), f"final import exit {run.returncode}: {run.stderr[-2000:]}"
    new, changed, unchanged = summary_counts(run.stdout)
    assert new + changed + unchanged == len(expected), f"summary {new}+{changed}+{unchanged} != {len(expected)} files"
    keys = check_db(db)
    assert keys == expected, f"stored {len(keys)} sources, expected {len(expected)}: missing {sorted(expected - keys)[:3]}"
    con = sqlite3.connect(str(db))
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    reference = sqlite3.connect(str(db.parent / "reference.db")).execute("SELECT count(*) FROM articles").fetchone()[0]
    # A first import builds the index of the sources by article at its end; a killed one leaves
    # it out, and the next open builds it again: the database ends with the schema's indexes.
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
    con.close()
    assert articles == reference, f"{articles} articles, the uninterrupted import stored {reference}"
    assert "sources_article" in indexes, f"the sources' article index is missing: {sorted(indexes)}"
    again = subprocess.run(import_cmd(args, db, folder), capture_output=True, text=True, timeout=args.timeout)
    assert again.returncode == run.returncode, again.stderr[-2000:]
    assert summary_counts(again.stdout) == (0, 0, len(expected)), again.stdout
    print(f"final: {new} new, {changed} changed, {unchanged} unchanged; {len(expected)} files stored once each "
          f"({articles} articles, as without kills; {len(refused)} refused as without kills), integrity ok; "
          f"re-run all unchanged")


def busy_phase(args, work, folder) -> None:
    """A second writer while the first one writes: waits or says busy, never corrupts."""
    db = work / "busy.db"
    other = work / "other"
    other.mkdir()
    (other / "second.txt").write_text("Second writer\n\nThe second process imported this on 3 March 2022.\n",
                                      encoding="utf-8")
    first = subprocess.Popen(import_cmd(args, db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    second = subprocess.run(import_cmd(args, db, other), capture_output=True, text=True, timeout=args.timeout)
    first_done = first.poll() is not None
    if not first_done:
        first.send_signal(signal.SIGKILL)
    first.wait()
    keys = check_db(db)
    if second.returncode == 0:
        assert str(other / "second.txt") in keys, "second writer reported success but its article is missing"
        outcome = "waited and imported"
    else:
        err = second.stderr.strip()
        assert "busy" in err, f"second writer failed without saying the database is busy: {err[-1000:]}"
        assert len(err.splitlines()) == 1, f"more than one line: {err}"
        outcome = f"refused: {err}"
    print(f"busy: second process {outcome}; first {'finished' if first_done else 'killed'}; integrity ok")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--storyline", required=True)
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--generate", type=int, help="generate this many articles")
    ap.add_argument("--folder", help="import this folder instead")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--no-busy", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print(f"seed {args.seed}")
    work = pathlib.Path(tempfile.mkdtemp(prefix="storyline-kill-"))
    try:
        if args.folder:
            folder = pathlib.Path(args.folder).resolve()
        else:
            folder = work / "in"
            generate(folder, args.generate or 3000, rng)
        files = input_files(folder)
        duration, expected, refused = reference_phase(args, work, folder, files)
        db = work / "kill.db"
        kill_phase(args, db, folder, expected, duration, rng)
        final_phase(args, db, folder, expected, refused)
        if not args.no_busy:
            busy_phase(args, work, folder)
    except AssertionError as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
