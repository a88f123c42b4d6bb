#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from fixtures/ and fuzz/seeds/.

Usage: make_seeds.py SOURCE_DIR OUT_DIR  -> OUT_DIR/<session>/ for each fuzz session.
The input formats follow the targets: fuzz_import_bytes and fuzz_pipeline read a selector
byte before the data (see their sources)."""
import hashlib
import gzip
import json
import pathlib
import sys

# Must match the extensions table of fuzz_import_bytes.cpp.
EXTENSIONS = ["", "txt", "md", "json", "jsonl", "ndjson", "html", "htm", "xml", "rss", "atom", "gz"]
LANGS = ["fr", "en", ""]   # fuzz_pipeline.cpp: first byte % 4 -> fr, en, "", de


def write(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def records(path: pathlib.Path):
    """The JSON records of a fixture (one for .json, one per line for .jsonl)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        yield json.loads(text)
    elif path.suffix == ".jsonl":
        for line in text.splitlines():
            if line.strip():
                yield json.loads(line)


def main() -> int:
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    inputs = sorted(p for p in (src / "fixtures").rglob("*") if p.is_file() and p.name != "README.md")
    inputs += sorted(p for p in (src / "fuzz" / "seeds").iterdir() if p.is_file())
    texts, dates = [], []
    for p in inputs:
        data = p.read_bytes()
        ext = p.suffix.lstrip(".")
        ext = "txt" if ext not in EXTENSIONS else ext
        write(out / "import_bytes", bytes([EXTENSIONS.index(ext)]) + data)
        write(out / "import_bytes", bytes([0x30]) + data)   # no extension, --lang fr --date
        write(out / "importer", data)
        if p.suffix == ".jsonl":   # in pieces of 1, 7 and 6,112 bytes, and gzip-compressed
            for selector in (0x00, 0x06, 0x7F):
                write(out / "jsonl_stream", bytes([selector]) + data)
            write(out / "jsonl_stream", bytes([0x40]) + gzip.compress(data, mtime=0))
        if p.suffix == ".json":    # as the items of an array, a large .json file streamed
            write(out / "jsonl_stream", bytes([0x06]) + b"[" + data + b",\n" + data + b"]")
        if p.suffix in (".json", ".jsonl"):
            for r in records(p):
                text = r.get("text") or r.get("maintext") or ""
                texts.append((r.get("lang", "en"), text))
                date = r.get("date") or r.get("date_publish") or ""
                dates.append(date)
                line = json.dumps({"id": r.get("id", p.stem), "lang": r.get("lang", ""), "dct": date, "text": text},
                                  ensure_ascii=False)
                write(out / "annotate_line", line.encode("utf-8"))
        elif p.name == "dates.txt":
            dates += p.read_text(encoding="utf-8").splitlines()
        elif p.suffix in (".txt", ".md"):
            texts.append((p.parent.name, p.read_text(encoding="utf-8")))   # fixtures/articles/<lang>/
    for lang, text in texts:
        write(out / "pipeline", bytes([0x10 | LANGS.index(lang if lang in LANGS else "")]) + text.encode("utf-8"))
        write(out / "annotate_line", json.dumps({"id": "t", "text": text}, ensure_ascii=False).encode("utf-8"))
    for d in dates:
        if d:
            write(out / "publication_date", d.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
