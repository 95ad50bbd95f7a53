"""What options per deck cost on the answer path: prints figures, asserts nothing.

    python benchmarks/bench_deck_options.py [--cards 20000] [--rounds 5] [--answers 100]

Two collections of the same N cards in ten decks, one with no deck options and one with options
set on half its decks (daily limits, retention, steps, maximum interval), studied in turns
(rounds interleaved, so both see the same machine load): next card + intervals + answer +
commit per card, and the deck list's counts. The ratio is the price of the options lookups.
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
from revise.formats.model import DeckData, NoteData, NoteKind

DECKS = 10


def make_deck(name: str, count: int) -> DeckData:
    return DeckData(
        name, [NoteData(NoteKind.BASIC, f"{name} item {i}?", f"Answer {i}") for i in range(count)]
    )


def per_answer_ms(col: Collection, answers: int) -> float:
    start = time.perf_counter()
    for _ in range(answers):
        card = col.next_card()
        assert card is not None
        col.preview(card)
        col.answer(card, Rating.GOOD)
    return (time.perf_counter() - start) * 1000 / answers


def counts_ms(col: Collection) -> float:
    start = time.perf_counter()
    col.decks()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--answers", type=int, default=100)
    args = parser.parse_args()
    report_speed()
    config = Config(new_per_day=100_000, collection_new_per_day=100_000)
    with tempfile.TemporaryDirectory() as folder:
        collections = {}
        for label in ("no deck options", "options on 5 of 10 decks"):
            col = Collection.open(Path(folder) / f"{len(collections)}.db", config=config)
            col.import_decks([make_deck(f"Deck {n}", args.cards // DECKS) for n in range(DECKS)])
            collections[label] = col
        with_options = collections["options on 5 of 10 decks"]
        for n in range(0, DECKS, 2):
            with_options.set_deck_options(
                f"Deck {n}",
                {
                    "new_per_day": "50000",
                    "desired_retention": "0.85",
                    "learning_steps": "2m 15m",
                    "maximum_interval_days": "365",
                },
            )
        answers: dict[str, list[float]] = {label: [] for label in collections}
        counts: dict[str, list[float]] = {label: [] for label in collections}
        for _ in range(args.rounds):
            for label, col in collections.items():
                answers[label].append(per_answer_ms(col, args.answers))
                counts[label].append(counts_ms(col))
        print(f"{args.cards:,} cards in {DECKS} decks, {args.rounds} rounds of {args.answers}")
        for label in collections:
            print(
                f"{label:<28} next card + answer {statistics.median(answers[label]):6.2f} ms"
                f"   deck counts {statistics.median(counts[label]):7.1f} ms"
            )
        base, options = (statistics.median(answers[label]) for label in collections)
        print(f"ratio with options / without: {options / base:.2f}")
        for col in collections.values():
            col.close()


if __name__ == "__main__":
    main()
