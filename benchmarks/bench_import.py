"""Bounded work on big and hostile inputs: prints time and peak memory, asserts nothing.

    python benchmarks/bench_import.py [--scale 1.0] [--only csv,apkg,cloze,notes] [--repeat 1]

Each import runs as the command line does (`python -m revise import FILE`) in its own process,
so the peak memory printed is that process's high-water mark (ru_maxrss), also as a multiple of
the input file's size, and of it again above the floor (the peak of a one-row table's import: the
interpreter and the code any import loads; an unchanged re-import, told without SQLAlchemy,
stays below it). Each run's processor time is printed too: other work on the machine slows it
far less than the time. The aims: under 5x the file above the floor, and an unchanged
re-import at least 5x faster than the first import. The inputs are made at run time
and cached in $XDG_CACHE_HOME/revise-bench (else ~/.cache/revise-bench):

- csv:   a 1,000,000-row CSV (about 25 MB): first import, then the same file again unchanged
- apkg:  an Anki package of 100,000 cards with 399,000 reviews: first import, then unchanged
         (its peak memory also against the 22 MB collection inside, decompressed)
- with csv or apkg, a one-row table first: the memory any import takes (the interpreter and
  the code it loads), the floor under every figure
- cloze: one `C:` line with 15,000 deletions (under the field cap), and one of 20,000 (169 KB,
         refused by the cap)
- notes: a notes file that is one 1.6 MB paragraph, turned into a deck (`revise generate`)
- server (only with --only server): on a throwaway local PostgreSQL server, a 50,000-row table
         re-imported with the tags of 1% of its rows changed while another computer answers
         one of those rows' card over and over: how long the import held the import lock
         (watched from a third connection), and the slowest answer meanwhile
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from machine import report_speed

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
floor: list[int] = []  # the peak memory of importing a one-row table, once measured


def cache_folder() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "revise-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run(
    label: str, args: list[str], size: int | None = None, inner: int | None = None
) -> tuple[float, float]:
    """Run `python -m revise ARGS` in a child process; print its time, the processor time it
    took (which other work on the machine slows far less), peak memory (also as a multiple of
    the input file's `size`, of it above the floor if measured, and, for a package, of the
    collection `inner` it holds, decompressed) and status; returns the time and processor time."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "revise", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    ratio = f"  {peak / size:5.1f}x file" if size else ""
    if size and floor:
        above = peak - floor[0]  # below it: an import that needs no SQLAlchemy (unchanged)
        ratio += f" {above / size:4.1f}x above floor" if above >= 0 else "  below the floor"
    if inner:
        ratio += f" {peak / inner:4.1f}x inside"
    code = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace").strip() if process.stderr else ""
    outcome = "" if code == 0 else f"  exit {code}: {error[:70]}"
    print(
        f"{label:<48} {elapsed:7.1f} s {cpu:5.1f} s cpu {peak / MIB:5.0f} MB peak{ratio}{outcome}"
    )
    if not size and not floor:
        floor.append(peak)
    return elapsed, cpu


# --- inputs ------------------------------------------------------------------------------------


def make_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("front,back,tags\n")
        for i in range(rows):
            out.write(f"word{i},meaning {i},t{i % 50}\n")  # 1,000,000 rows: about 25 MB


def make_apkg(path: Path, cards: int, reviews: int) -> None:
    """A legacy (schema 11) Anki package: Basic notes, one card each, review cards with logs."""
    random.seed(7)
    folder = Path(tempfile.mkdtemp(dir=path.parent))
    database = folder / "collection.anki2"
    conn = sqlite3.connect(database)
    conn.executescript(
        """
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
          scm integer not null, ver integer not null, dty integer not null, usn integer not null,
          ls integer not null, conf text not null, models text not null, decks text not null,
          dconf text not null, tags text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
          mod integer not null, usn integer not null, tags text not null, flds text not null,
          sfld integer not null, csum integer not null, flags integer not null,
          data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
          ord integer not null, mod integer not null, usn integer not null, type integer not null,
          queue integer not null, due integer not null, ivl integer not null,
          factor integer not null, reps integer not null, lapses integer not null,
          left integer not null, odue integer not null, odid integer not null,
          flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
          ease integer not null, ivl integer not null, lastIvl integer not null,
          factor integer not null, time integer not null, type integer not null);
        CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
        """
    )
    created = 1_700_000_000
    model = {
        "id": 1,
        "name": "Basic",
        "type": 0,
        "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    }
    decks = {
        "1": {"id": 1, "name": "Default", "conf": 1},
        "2": {"id": 2, "name": "Big", "conf": 1},
    }
    dconf = {"1": {"id": 1, "new": {"delays": [1, 10]}, "lapse": {"delays": [10]}}}
    conn.execute(
        "INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
        (created, json.dumps({"schedVer": 2}), json.dumps({"1": model}), json.dumps(decks),
         json.dumps(dconf)),
    )  # fmt: skip
    per_card = reviews / cards
    review_id = (created + 86400) * 1000
    notes, card_rows, logs = [], [], []
    for i in range(cards):
        note_id = card_id = created * 1000 + i
        notes.append((note_id, f"g{i:08d}", 1, 0, 0, "", f"front {i}\x1fback {i}", 0, 0, 0, ""))
        count = int(per_card * (i + 1)) - int(per_card * i)
        state = 2 if count else 0
        card_rows.append(
            (card_id, note_id, 2, 0, 0, 0, state, state, 400 + i % 300 if state else i,
             30 if state else 0, 2500 if state else 0, count, 0, 0, 0, 0, 0, "")
        )  # fmt: skip
        for _ in range(count):
            review_id += random.randint(1, 5000)
            logs.append((review_id, card_id, 0, 3, 10, 1, 2500, 6000, 1))
    conn.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", notes)
    conn.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
    conn.executemany("INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)", logs)
    conn.commit()
    conn.close()
    partial = path.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(database, "collection.anki2")
        archive.writestr("media", "{}")
    database.unlink()
    folder.rmdir()
    partial.replace(path)


def make_cloze(path: Path, deletions: int) -> None:
    path.write_text("C: " + " ".join(f"[d{i}]" for i in range(deletions)) + "\n", "utf-8")


def make_notes(path: Path, size: int) -> None:
    sentence = "The Treaty of Portsmouth was signed in 1905 by Russia and Japan. "
    path.write_text((sentence * (size // len(sentence) + 1))[:size], "utf-8")


def cached(name: str, make, *args) -> Path:  # type: ignore[no-untyped-def]
    path = cache_folder() / name
    if not path.exists():
        start = time.perf_counter()
        # Made in a process of its own: a child's peak memory (ru_maxrss) counts this process's
        # as it was when the child was started, which making a large input would swell.
        maker = multiprocessing.get_context("fork").Process(target=make, args=(path, *args))
        maker.start()
        maker.join()
        if maker.exitcode != 0:
            raise SystemExit(f"could not make {name}")
        print(f"{'  (made ' + name + ')':<48} {time.perf_counter() - start:7.1f} s")
    return path


# --- scenarios ---------------------------------------------------------------------------------


def bench_import(label: str, path: Path, folder: Path, repeat: int) -> None:
    """First import into a new collection, then the same file again unchanged, `repeat` times
    (each pair one after the other, so that both see the same load); prints the median ratio.
    For a package, the peak memory is also given as a multiple of the collection inside it."""
    size = path.stat().st_size
    inner = None
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            inner = archive.getinfo("collection.anki2").file_size
        print(f"{label}: the collection inside is {inner / MIB:.1f} MB decompressed")
    ratios, cpu_ratios = [], []
    for attempt in range(repeat):
        db = folder / f"{path.stem}-{attempt}.db"
        first = run(
            f"{label}: import ({size / MIB:.1f} MB)",
            ["--db", str(db), "import", str(path)],
            size,
            inner,
        )
        again = run(
            f"{label}: import again, unchanged", ["--db", str(db), "import", str(path)], size, inner
        )
        ratios.append(first[0] / again[0])
        cpu_ratios.append(first[1] / again[1])
        db.unlink()
    shown = ", ".join(f"{ratio:.1f}x" for ratio in ratios)
    print(
        f"{label}: first import / unchanged re-import {statistics.median(ratios):5.1f}x median"
        f" (aim: 5x); in processor time {statistics.median(cpu_ratios):.1f}x"
    )
    print(f"{'':<4}(each run: {shown}; load average {os.getloadavg()[0]:.1f})")


def bench_server(folder: Path, rows: int) -> None:
    """A table re-imported on a server while another computer studies (see the module's note)."""
    import threading

    from sqlalchemy import create_engine, text

    sys.path.insert(0, str(ROOT))  # tests.pg_server
    from revise import Collection, Rating
    from revise.config import Config
    from revise.storage.engine import IMPORT_LOCK_KEY
    from tests.pg_server import running_server

    path = folder / "server-items.csv"

    def write(changed: bool) -> None:
        with path.open("w", encoding="utf-8") as out:
            out.write("front,back,tags\n")
            for i in range(rows):
                tags = "changed" if changed and i % 100 == 0 else "same"
                out.write(f"question {i},answer {i},{tags}\n")

    held = text(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND (classid::bigint << 32 | objid::bigint) = :key"
    )
    with running_server() as server:
        admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_import"))
        url = server.url("bench_import")
        laptop = Collection.open(url, config=Config(fuzz=False))
        desktop = Collection.open(url, config=Config(fuzz=False))
        write(changed=False)
        laptop.import_file(path)
        with desktop._engine.connect() as connection:
            card = connection.execute(
                text(
                    "SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id"
                    " WHERE n.front = 'question 0'"
                )
            ).scalar_one()
        write(changed=True)
        done = threading.Event()
        answers: list[float] = []
        locked: list[float] = []

        def study() -> None:
            while not done.is_set():
                start = time.perf_counter()
                desktop.answer(card, Rating.GOOD)
                answers.append(time.perf_counter() - start)
                time.sleep(0.05)

        def watch() -> None:
            with admin.connect() as connection:
                while not done.is_set():
                    if connection.execute(held, {"key": IMPORT_LOCK_KEY}).scalar():
                        locked.append(time.perf_counter())
                    time.sleep(0.01)

        threads = [threading.Thread(target=study), threading.Thread(target=watch)]
        for thread in threads:
            thread.start()
        start = time.perf_counter()
        report = laptop.import_file(path)
        elapsed = time.perf_counter() - start
        done.set()
        for thread in threads:
            thread.join()
        laptop.close()
        desktop.close()
        admin.dispose()
    lock = locked[-1] - locked[0] if locked else 0.0
    label = f"server: re-import {rows:,} rows, 1% changed"
    print(f"{label:<48} {elapsed:7.1f} s  ({report.decks[0].summary()})")
    print(f"{'server: import lock held (seen every 10 ms)':<48} {lock:7.2f} s")
    slowest = max(answers, default=0.0)
    print(f"{'server: slowest answer meanwhile':<48} {slowest:7.2f} s  ({len(answers)} answers)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="input sizes times this")
    parser.add_argument("--only", default="cloze,notes,csv,apkg")
    parser.add_argument("--repeat", type=int, default=1, help="first and unchanged imports, pairs")
    args = parser.parse_args()
    only = set(args.only.split(","))
    scale = args.scale
    report_speed()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        if "cloze" in only:
            for deletions in (15_000, 20_000):  # not scaled: the cap is fixed
                path = cached(f"cloze-{deletions}.md", make_cloze, deletions)
                size = path.stat().st_size
                run(
                    f"cloze: one C: line, {deletions:,} deletions",
                    ["--db", str(folder / f"cloze{deletions}.db"), "import", str(path)],
                    size,
                )
        if "notes" in only:
            size = int(1_600_000 * scale)
            path = cached(f"paragraph-{size}.txt", make_notes, size)
            out = folder / "paragraph.md"
            run(
                f"notes: generate from one {size / MIB:.1f} MB paragraph",
                ["generate", str(path), "-o", str(out)],
                size,
            )
        if "csv" in only or "apkg" in only:
            # What any import takes: the interpreter, SQLAlchemy and revise's own code.
            path = cached("rows-1.csv", make_csv, 1)
            run(
                "floor: import a one-row table",
                ["--db", str(folder / "one.db"), "import", str(path)],
            )
        if "csv" in only:
            rows = int(1_000_000 * scale)
            path = cached(f"rows-{rows}.csv", make_csv, rows)
            bench_import(f"csv: {rows:,} rows", path, folder, args.repeat)
        if "apkg" in only:
            cards, reviews = int(100_000 * scale), int(399_000 * scale)
            name = f"anki-{cards}-{reviews}.apkg"
            bench_import(
                f"apkg: {cards:,} cards, {reviews:,} reviews",
                cached(name, make_apkg, cards, reviews),
                folder,
                args.repeat,
            )
        if "server" in only:
            bench_server(folder, int(50_000 * scale))


if __name__ == "__main__":
    main()
