"""The study loop on PostgreSQL beside SQLite, on the same collection: prints figures, asserts
nothing.

    python benchmarks/bench_postgres.py [--cards 100000] [--answers 500] [--url URL]

Without --url a throwaway local PostgreSQL server is started (initdb in a temporary folder, fsync
on, as a real server commits) and removed afterwards; --url names an empty database to use.
Measures, on each backend: building a collection of N cards, opening it and showing the first
card, the deck list's counts, and next card + answer + commit per card (on PostgreSQL with the
round trips to the server it takes, counted at the driver).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
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


@contextmanager
def waits_for_the_server() -> Iterator[list[int]]:
    """Counts the round trips to the server as the driver makes them: each time psycopg has
    sent what it had and must wait for the server's answer (a query, a pipeline's results, a
    commit, a ping). SQLite has none: the list stays empty."""
    import psycopg
    from psycopg.waiting import Wait

    counted: list[int] = []
    wait = psycopg.Connection.wait

    def counting(self, gen, *args, **kwargs):  # type: ignore[no-untyped-def]
        def passed_on():  # type: ignore[no-untyped-def]
            try:
                state = next(gen)
                while True:
                    if state == Wait.R:
                        counted.append(1)
                    state = gen.send((yield state))
            except StopIteration as done:
                return done.value

        return wait(self, passed_on(), *args, **kwargs)

    psycopg.Connection.wait = counting  # type: ignore[method-assign]
    try:
        yield counted
    finally:
        psycopg.Connection.wait = wait  # type: ignore[method-assign]


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
        with waits_for_the_server() as waits:
            for _ in range(answers):
                start = time.perf_counter()
                col.answer(col.next_card(), Rating.GOOD, duration_ms=3000)
                samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        figures["next card + answer + commit"] = (
            f"{statistics.median(samples):.2f} ms median, "
            f"{samples[int(len(samples) * 0.95)]:.2f} p95"
        )
        if waits:
            figures["round trips to the server per card"] = f"{sum(waits) / answers:.1f}"
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
    labels = list(results["PostgreSQL"])
    width = max(len(label) for label in labels) + 2
    print(f"{'':<{width}}{'SQLite':>28}{'PostgreSQL (local)':>28}")
    for label in labels:
        sqlite, postgres = results["SQLite"].get(label, "-"), results["PostgreSQL"][label]
        print(f"{label:<{width}}{sqlite:>28}{postgres:>28}")


if __name__ == "__main__":
    main()
