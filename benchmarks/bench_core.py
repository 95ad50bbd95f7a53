"""Core speed on a large collection: prints figures, asserts nothing.

    python benchmarks/bench_core.py [--cards 100000]

Builds a collection of N cards in a temporary folder, then measures: importing a 10,000-card deck
file into it, re-importing the same file unchanged, the first queue (open + next card), deck
counts, and next card + answer + commit per card.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from machine import report_speed

from revise import Collection, Rating
from revise.config import Config
from revise.formats.deckfile import read_deck_file, write_deck
from revise.formats.model import DeckData, NoteData, NoteKind


def make_deck(name: str, count: int, offset: int = 0) -> DeckData:
    notes = []
    for i in range(offset, offset + count):
        if i % 3 == 0:
            notes.append(
                NoteData(NoteKind.CLOZE, f"Fact {i}: the treaty of [{i}] was signed in [{i % 97}].")
            )
        else:
            notes.append(NoteData(NoteKind.BASIC, f"What is item {i}?", f"Answer {i}"))
    return DeckData(name, notes)


def timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    print(f"{label:<48} {elapsed * 1000:9.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=500)
    args = parser.parse_args()
    report_speed()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        col = Collection.open(db)
        per_deck = 10_000
        decks = [
            make_deck(f"Deck {n:02}", per_deck * 3 // 4, offset=n * per_deck)
            for n in range(max(1, args.cards // per_deck))
        ]
        total = sum(len(d.notes) + len(d.notes) // 3 for d in decks)
        timed(f"build collection ({total:,} cards)", lambda: col.import_decks(decks))
        col.close()

        deck_file = Path(folder) / "big.md"
        big = make_deck("Big import", 7_500, offset=10_000_000)
        deck_file.write_text(write_deck(big), encoding="utf-8")
        cards = len(big.notes) + len(big.notes) // 3

        col = Collection.open(db)
        parsed = timed(f"parse a {cards:,}-card deck file", lambda: read_deck_file(deck_file))
        timed(f"store it ({cards:,} cards, one transaction)", lambda: col.import_decks([parsed]))
        timed("import the same file again (unchanged)", lambda: col.import_file(deck_file))
        col.close()

        first = time.perf_counter()
        col = Collection.open(db)
        col.next_card()
        print(
            f"{'open collection + first card':<48} {(time.perf_counter() - first) * 1000:9.1f} ms"
        )
        timed("deck list counts", col.decks)
        col.close()

        # Lift the daily new-card limit so the loop never runs out of cards to answer.
        col = Collection.open(
            db, config=Config(new_per_day=1_000_000, collection_new_per_day=1_000_000)
        )

        samples = []
        for _ in range(args.answers):
            start = time.perf_counter()
            card = col.next_card()
            col.answer(card, Rating.GOOD, duration_ms=3000)
            samples.append(time.perf_counter() - start)
        samples.sort()
        print(
            f"{'next card + answer + commit, per card':<48} "
            f"{statistics.median(samples) * 1000:9.2f} ms median, "
            f"{samples[int(len(samples) * 0.95)] * 1000:.2f} ms p95 ({args.answers} cards)"
        )
        start = time.perf_counter()
        col.undo()
        print(f"{'undo':<48} {(time.perf_counter() - start) * 1000:9.2f} ms")
        col.close()


if __name__ == "__main__":
    main()
