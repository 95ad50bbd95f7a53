"""How long an import holds the collection's write lock: prints figures, asserts nothing.

    python benchmarks/bench_lock.py [--cards 100000] [--rows 100000] [--only deck,csv]

Imports a deck of N cards, then re-imports it unchanged and with 1% of its cards edited, and
prints for each the whole import's time and how long it held SQLite's write lock (from BEGIN
IMMEDIATE to COMMIT): while the lock is held, another window's answers wait. `csv` does the same
with a table file of N rows on disk, imported as `revise import` imports it.

It measures the `revise` Python imports: to compare two checkouts in one run, alternate
`PYTHONPATH=/path/to/checkout python benchmarks/bench_lock.py` between them.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from machine import report_speed
from sqlalchemy import event

import revise
from revise import Collection
from revise.formats.model import DeckData, NoteData, NoteKind


def make_deck(count: int, edited_every: int = 0) -> DeckData:
    notes = []
    for i in range(count):
        back = f"Answer {i}" + (" (edited)" if edited_every and i % edited_every == 0 else "")
        notes.append(NoteData(NoteKind.BASIC, f"What is item {i} of the big deck?", back))
    return DeckData("Big", notes)


class LockTimer:
    """Times each write transaction on a collection's engine."""

    def __init__(self, col: Collection) -> None:
        self.held: list[float] = []
        self._began = 0.0
        engine = col._engine
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._end)
        event.listen(engine, "rollback", self._end)

    def _begin(self, connection) -> None:  # type: ignore[no-untyped-def]
        if connection.info.get("immediate"):
            self._began = time.perf_counter()

    def _end(self, connection) -> None:  # type: ignore[no-untyped-def]
        if self._began:
            self.held.append(time.perf_counter() - self._began)
            self._began = 0.0


def measure(col: Collection, timer: LockTimer, label: str, deck: DeckData) -> None:
    timer.held.clear()
    start = time.perf_counter()
    report = col.import_decks([deck])
    total = time.perf_counter() - start
    held = max(timer.held, default=0.0)
    print(f"{label:<48} {total * 1000:9.1f} ms   write lock held {held * 1000:9.1f} ms")
    print(f"{'':<4}{report}")


def write_table(path: Path, rows: int, edited_every: int = 0) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("front,back\n")
        for i in range(rows):
            edited = " (edited)" if edited_every and i % edited_every == 0 else ""
            out.write(f"What is row {i} of the big table?,Answer {i}{edited}\n")


def measure_file(col: Collection, timer: LockTimer, label: str, path: Path) -> None:
    timer.held.clear()
    start = time.perf_counter()
    report = col.import_file(path)
    total = time.perf_counter() - start
    held = max(timer.held, default=0.0)
    print(f"{label:<48} {total * 1000:9.1f} ms   write lock held {held * 1000:9.1f} ms")
    print(f"{'':<4}{report}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", default="deck,csv")
    args = parser.parse_args()
    only = set(args.only.split(","))
    report_speed()
    print(f"{'revise from':<48} {Path(revise.__file__).parent.parent}")
    with tempfile.TemporaryDirectory() as folder:
        if "deck" in only:
            col = Collection.open(Path(folder) / "bench.db")
            timer = LockTimer(col)
            deck = make_deck(args.cards)
            measure(col, timer, f"first import ({args.cards:,} cards)", deck)
            measure(col, timer, "re-import unchanged", make_deck(args.cards))
            edited = make_deck(args.cards, edited_every=100)
            measure(col, timer, "re-import with 1% of cards edited", replace(edited))
            col.close()
        if "csv" in only:
            col = Collection.open(Path(folder) / "table.db")
            timer = LockTimer(col)
            path = Path(folder) / "table.csv"
            write_table(path, args.rows)
            measure_file(col, timer, f"csv: first import ({args.rows:,} rows)", path)
            measure_file(col, timer, "csv: re-import unchanged", path)
            write_table(path, args.rows, edited_every=100)
            measure_file(col, timer, "csv: re-import with 1% of rows edited", path)
            col.close()


if __name__ == "__main__":
    main()
