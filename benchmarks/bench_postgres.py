"""The study loop on PostgreSQL beside SQLite, on the same collection: prints figures, asserts
nothing.

    python benchmarks/bench_postgres.py [--cards 100000] [--answers 500] [--url URL]

Without --url a throwaway local PostgreSQL server is started (initdb in a temporary folder, fsync
and synchronous_commit on, as a real server commits) and removed afterwards; --url names an empty
database to use. Measures, on each backend: building a collection of N cards, opening it and
showing the first card, the deck list's counts, and next card + answer + commit per card: as the
study screen does it (the answer, then the next card read with its commit) and as two calls,
and the intervals the screen shows under the grades of each card, with the round trips to the
server each takes, counted at the driver. Beside them, interleaved with them, the floor: one
durable commit of a one-row write straight on the driver (the disk's sync and one round trip),
and one round trip alone; what is above the floor is revise's own time.
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
from machine import report_load, report_speed, time_limit

from revise import Collection, Rating
from revise.config import Config
from revise.storage.engine import create, database_url
from tests.pg_server import round_trips

PER_DECK = 10_000
COUNT_RUNS = 20  # the deck list's counts are timed this many times; the median is shown
STEP_LIMIT_S = 900  # a step that takes longer is named, and the benchmark stops


def milliseconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    return (
        f"{statistics.median(ordered):.2f} ms median, {ordered[int(len(ordered) * 0.95)]:.2f} p95"
    )


def durable_commit(target: str) -> tuple[Callable[[], None], Callable[[], None]]:
    """One durable commit of a one-row write that changes nothing (a deck's name set to
    itself), straight on the driver, on a connection of its own: on a server BEGIN, the write
    and COMMIT go in one round trip. The floor under any answer: one sync to disk and one round
    trip. Returns it and what closes its connection."""
    engine = create(database_url(target))
    driver = engine.raw_connection().driver_connection
    write = "UPDATE decks SET name = name WHERE id = (SELECT min(id) FROM decks)"
    if engine.dialect.name == "postgresql":
        driver.autocommit = True

        def commit() -> None:
            with driver.pipeline():
                driver.execute("BEGIN")
                driver.execute(write)
                driver.execute("COMMIT")

    else:  # the engine's connections: WAL, synchronous = FULL, transactions begun by hand

        def commit() -> None:
            driver.execute("BEGIN IMMEDIATE")
            driver.execute(write)
            driver.execute("COMMIT")

    def close() -> None:
        driver.close()
        engine.dispose()

    return commit, close


def one_round_trip(target: str) -> tuple[Callable[[], None], Callable[[], None]] | None:
    """`SELECT 1` on a server connection of its own (None on SQLite: no server)."""
    engine = create(database_url(target))
    if engine.dialect.name != "postgresql":
        engine.dispose()
        return None
    driver = engine.raw_connection().driver_connection
    driver.autocommit = True

    def close() -> None:
        driver.close()
        engine.dispose()

    return (lambda: driver.execute("SELECT 1").fetchone()), close


def generic_plans(col: Collection, target: str) -> list[str]:
    """What the server plans for each statement the study loop (on the collection's kept
    connection) and the deck list (on a pooled one) prepared: how often it used its generic plan
    and how often a custom one, and the scans of the generic plan (a statement prepared by the
    driver is planned for its values five times, then generically when that costs no more).
    Each is planned generically again on a connection of its own: PREPARE, EXPLAIN EXECUTE
    under plan_cache_mode = force_generic_plan. A `Seq Scan on cards` is what to look for."""
    engine = create(database_url(target))
    explaining = engine.raw_connection().driver_connection
    explaining.autocommit = True
    explaining.prepare_threshold = None  # its own statements are not prepared
    explaining.execute("SET plan_cache_mode = force_generic_plan")
    prepared: dict[str, tuple[int, int]] = {}
    kept = col._kept.taken()  # the study loop's own connection
    with col._engine.connect() as pooled:
        for connection in (kept, pooled):
            for statement, generic, custom in connection.exec_driver_sql(
                "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
            ):
                was = prepared.get(statement, (0, 0))
                prepared[statement] = (was[0] + generic, was[1] + custom)
            connection.rollback()
    lines = []
    try:
        for number, (statement, (generic, custom)) in enumerate(sorted(prepared.items())):
            words = statement.split()
            if words[0].upper() not in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"):
                continue
            explaining.execute(f"PREPARE p{number} AS {statement}")
            count = explaining.execute(
                "SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = %s",
                (f"p{number}",),
            ).fetchone()[0]
            arguments = f"({', '.join(['NULL'] * count)})" if count else ""
            plan = [row[0] for row in explaining.execute(f"EXPLAIN EXECUTE p{number}{arguments}")]
            scans = sorted({line.split("(cost")[0].strip(" ->") for line in plan if " on " in line})
            lines.append(
                f"  generic {generic:4d}, custom {custom:4d}  {' '.join(words)[:70]}"
                f"\n      {'; '.join(scans) or plan[0].split('(cost')[0].strip()}"
            )
    finally:
        explaining.close()
        engine.dispose()
    return lines


def server_settings(target: str) -> str:
    engine = create(database_url(target))
    try:
        if engine.dialect.name != "postgresql":
            return "-"
        with engine.connect() as connection:
            shown = [
                f"{name}={connection.exec_driver_sql(f'SHOW {name}').scalar()}"
                for name in ("fsync", "synchronous_commit", "wal_sync_method")
            ]
        return ", ".join(shown)
    finally:
        engine.dispose()


def build_and_count(target: str, cards: int) -> dict[str, str]:
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
    return figures


class StudyLoop:
    """Answering card after card on one backend, in both ways, with the floor beside them."""

    def __init__(self, target: str, stack: ExitStack) -> None:
        # No daily new-card limit, so the loop never runs out of cards to answer.
        config = Config(new_per_day=1_000_000, collection_new_per_day=1_000_000)
        self.col = stack.enter_context(Collection.open(target, config=config))
        self.floor, close_floor = durable_commit(target)
        stack.callback(close_floor)
        self.bare = one_round_trip(target)
        if self.bare is not None:
            stack.callback(self.bare[1])
        self.session = self.col.session()
        self.card = self.session.next_card()
        self.times: dict[str, list[float]] = {
            way: [] for way in ("together", "apart", "preview", "floor", "trip")
        }
        self.trips = {"together": 0, "apart": 0, "preview": 0}
        self.above: list[float] = []

    def turn(self, counted: list[int]) -> None:
        """One card each way, each followed by the floor and a bare round trip."""
        for way in ("together", "apart"):
            before = sum(counted)
            start = time.perf_counter()
            if way == "together":  # as the study screen: the next card read with the commit
                self.card = self.session.answer_then_next(self.card, Rating.GOOD, 3000)
            else:
                self.session.answer(self.card, Rating.GOOD, 3000)
                self.card = self.session.next_card()
            took = (time.perf_counter() - start) * 1000
            self.trips[way] += sum(counted) - before
            self.times[way].append(took)
            if way == "together" and self.card is not None:  # as the screen shows each card
                before = sum(counted)
                self.times["preview"].append(milliseconds(lambda: self.col.preview(self.card)))
                self.trips["preview"] += sum(counted) - before
            floor = milliseconds(self.floor)
            self.times["floor"].append(floor)
            if way == "together":
                self.above.append(took - floor)
            if self.bare is not None:
                self.times["trip"].append(milliseconds(self.bare[0]))

    def figures(self, answers: int) -> dict[str, str]:
        figures = {
            "next card + answer + commit": percentiles(self.times["together"]),
            "  the same as two calls (answer, next card)": percentiles(self.times["apart"]),
            "the next card's intervals (under the grades)": percentiles(self.times["preview"]),
            "floor: one durable commit (1-row write)": percentiles(self.times["floor"]),
            "above the floor (paired, median)": f"{statistics.median(self.above):.2f} ms",
        }
        if self.times["trip"]:
            figures["one round trip (SELECT 1), median"] = (
                f"{statistics.median(self.times['trip']):.3f} ms"
            )
            figures["round trips per card"] = f"{self.trips['together'] / answers:.1f}"
            figures["  as two calls"] = f"{self.trips['apart'] / answers:.1f}"
            figures["  the next card's intervals"] = (
                f"{self.trips['preview'] / len(self.times['preview']):.1f}"
            )
        figures["undo"] = f"{milliseconds(self.col.undo):.2f} ms"
        return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: start a server)")
    args = parser.parse_args()
    report_speed()
    report_load()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url = args.url
        if url is None:
            from tests.pg_server import running_server

            with time_limit("starting a PostgreSQL server", STEP_LIMIT_S):
                server = stack.enter_context(running_server(durable=True))
            url = server.url()
        targets = {"SQLite": str(folder / "bench.db"), "PostgreSQL": url}
        results = {}
        for name, target in targets.items():
            with time_limit(f"building and counting on {name}", STEP_LIMIT_S):
                results[name] = build_and_count(target, args.cards)
        # The two backends take turns card by card too.
        with time_limit("answering cards", STEP_LIMIT_S):
            loops = {name: StudyLoop(target, stack) for name, target in targets.items()}
            with round_trips() as counted:
                for _ in range(args.answers):
                    for loop in loops.values():
                        loop.turn(counted)
            for name, loop in loops.items():
                results[name].update(loop.figures(args.answers))
            settings = server_settings(url)
            loops["PostgreSQL"].col.decks()  # the deck list's statements, on a pooled connection
            plans = generic_plans(loops["PostgreSQL"].col, url)
    labels = list(results["PostgreSQL"])
    width = max(len(label) for label in labels) + 2
    print(f"{'':<{width}}{'SQLite':>28}{'PostgreSQL (local)':>28}")
    for label in labels:
        sqlite, postgres = results["SQLite"].get(label, "-"), results["PostgreSQL"][label]
        print(f"{label:<{width}}{sqlite:>28}{postgres:>28}")
    print(f"PostgreSQL server: {settings}")
    print("PostgreSQL plans of the statements prepared by the study loop and the deck list:")
    print("\n".join(plans))
    report_load()


if __name__ == "__main__":
    main()
