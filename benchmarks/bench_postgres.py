"""The study loop on PostgreSQL beside SQLite, on the same collection: prints figures, asserts
nothing.

    python benchmarks/bench_postgres.py [--cards 100000] [--answers 500] [--url URL]

Without --url a throwaway local PostgreSQL server is started (initdb in a temporary folder, fsync
on, as a real server commits) and removed afterwards; --url names an empty database to use.
Measures, on each backend: building a collection of N cards, opening it and showing the first
card, the deck list's counts, and next card + answer + commit per card.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.pg_server

from bench_core import make_deck
from machine import report_speed

from revise import Collection, Rating
from revise.config import Config

PER_DECK = 10_000
COUNT_RUNS = 20  # the deck list's counts are timed this many times; the median is shown


def milliseconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(target: str, cards: int, answers: int) -> dict[str, str]:
    figures: dict[str, str] = {}
    decks = [
        make_deck(f"Deck {n:02}", PER_DECK * 3 // 4, offset=n * PER_DECK)
        for n in range(max(1, cards // PER_DECK))
    ]
    total = sum(len(d.notes) + len(d.notes) // 3 for d in decks)
    with Collection.open(target) as col:
        figures[f"build collection ({total:,} cards)"] = (
            f"{milliseconds(lambda: col.import_decks(decks)):,.0f} ms"
        )

    start = time.perf_counter()
    col = Collection.open(target)
    col.next_card()
    figures["open collection + first card"] = f"{(time.perf_counter() - start) * 1000:.1f} ms"
    counts = sorted(milliseconds(col.decks) for _ in range(COUNT_RUNS))
    figures[f"deck list counts ({total:,} cards)"] = f"{statistics.median(counts):.1f} ms median"
    col.close()

    # No daily new-card limit, so the loop never runs out of cards to answer.
    with Collection.open(
        target, config=Config(new_per_day=1_000_000, collection_new_per_day=1_000_000)
    ) as col:
        samples = []
        for _ in range(answers):
            start = time.perf_counter()
            col.answer(col.next_card(), Rating.GOOD, duration_ms=3000)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        figures["next card + answer + commit"] = (
            f"{statistics.median(samples):.2f} ms median, "
            f"{samples[int(len(samples) * 0.95)]:.2f} p95"
        )
        figures["undo"] = f"{milliseconds(col.undo):.2f} ms"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: start a server)")
    args = parser.parse_args()
    report_speed()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url = args.url
        if url is None:
            from tests.pg_server import running_server

            server = stack.enter_context(running_server(durable=True))
            url = server.url()
        results = {
            "SQLite": measure(str(folder / "bench.db"), args.cards, args.answers),
            "PostgreSQL": measure(url, args.cards, args.answers),
        }
    labels = list(results["SQLite"])
    width = max(len(label) for label in labels) + 2
    print(f"{'':<{width}}{'SQLite':>28}{'PostgreSQL (local)':>28}")
    for label in labels:
        print(f"{label:<{width}}{results['SQLite'][label]:>28}{results['PostgreSQL'][label]:>28}")


if __name__ == "__main__":
    main()
