"""Statistics and fitting speed on a large history: prints figures, asserts nothing.

    python benchmarks/bench_stats.py [--cards 100000] [--reviews 1000000] [--optimize]

Builds a collection of N cards (three in four studied, with FSRS states and due dates spread over
the next months) and M reviews over the last 400 days, written straight into the tables.
Then measures: the statistics of all decks (`Collection.statistics`; the first call sums the
past year of reviews per deck and day, later ones read those sums), of one deck, and the
statistics screen from the key press to the charts on screen, for one deck (`t`) and for all
decks (`a`) (headless, 100x30): to the screen's outline, to its first figures (the reviews) and
to every figure drawn. `--optimize` also times `revise optimize --dry-run` on all
those reviews.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from machine import report_speed

from revise import Collection
from revise.config import Config

DAY_MS = 86_400_000
TIME_LIMIT = 60  # seconds from a key to the screen drawn whole, before the benchmark gives up


def timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    print(f"{label:<48} {(time.perf_counter() - start) * 1000:9.1f} ms")
    return result


def build(db: Path, cards: int, reviews: int, now_ms: int) -> None:
    Collection.open(db).close()  # the schema
    rng = random.Random(7)
    connection = sqlite3.connect(db)
    decks = max(1, cards // 10_000)
    connection.executemany(
        "INSERT INTO decks (id, name, description, tags, created_at) VALUES (?, ?, '', '', 0)",
        [(d + 1, f"Deck {d:02}") for d in range(decks)],
    )
    connection.executemany(
        "INSERT INTO notes (id, deck_id, key, explicit_key, kind, front, back, context, tags,"
        " media, position, missing, created_at, updated_at)"
        " VALUES (?, ?, ?, 0, 'basic', ?, 'answer', '', '', '', ?, 0, 0, 0)",
        [(i + 1, i % decks + 1, f"k{i}", f"Question {i}?", i) for i in range(cards)],
    )
    rows = []
    for i in range(cards):
        studied = i % 4 != 0
        stability = rng.lognormvariate(2.5, 1.2) if studied else None
        last = now_ms - int(rng.uniform(0, 60) * DAY_MS) if studied else None
        due = (last + int(stability * DAY_MS)) if studied else None  # type: ignore[operator]
        rows.append(
            (
                i + 1,
                i + 1,
                i % decks + 1,
                2 if studied else 0,
                stability,
                rng.uniform(1, 10) if studied else None,
                due,
                last,
                10 if studied else 0,
                1 if i % 20 == 0 else 0,
            )
        )
    connection.executemany(
        "INSERT INTO cards (id, note_id, deck_id, ordinal, position, state, stability, difficulty,"
        " due, last_review, reps, lapses, suspended, created_at)"
        " VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, 0, ?, 0)",
        rows,
    )
    studied_ids = [row[0] for row in rows if row[3] == 2]
    per_card = max(1, reviews // len(studied_ids))
    review_rows = []
    for card_id in studied_ids:
        moment = now_ms - 400 * DAY_MS + rng.randrange(0, 300 * DAY_MS)
        interval = 1
        for n in range(per_card):
            rating = 1 if rng.random() < 0.12 else rng.choice((2, 3, 3, 3, 4))
            review_rows.append(
                (
                    card_id,
                    moment,
                    rating,
                    rng.randrange(2000, 20000),
                    0 if n == 0 else 2,
                    moment + interval * DAY_MS,
                    moment - interval * DAY_MS,
                )
            )
            interval = 1 if rating == 1 else min(30, interval * 2)
            moment += interval * DAY_MS // 3 + rng.randrange(0, DAY_MS)
            if moment > now_ms:
                break
    connection.executemany(
        "INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, origin, state_before,"
        " due_before, last_review_before) VALUES (?, ?, ?, ?, 'revise', ?, ?, ?)",
        review_rows,
    )
    connection.commit()
    connection.close()
    print(f"{'built: cards / reviews':<48} {cards:>9} / {len(review_rows)}")


class Paints:
    """When the statistics screen was handed to the terminal: first, with the first figures
    (the reviews), with every figure. Headless, the frame is composed and drawn as for a
    terminal and then not written: the times are those of drawing the frame. Also the CPU
    time the app's own thread spent until every figure was drawn (the counting runs in
    another thread): on a busy machine it moves less than the time on the clock."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        from revise.tui.screens.stats import StatsScreen

        self.screen_type = StatsScreen
        self.start = 0.0
        self.cpu_start = 0.0
        self.times: dict[str, float] = {}
        display = app._display

        def timed_display(screen, update) -> None:  # type: ignore[no-untyped-def]
            display(screen, update)
            if update is None or not isinstance(screen, StatsScreen) or not self.start:
                return
            elapsed = time.perf_counter() - self.start
            self.times.setdefault("outline", elapsed)
            if "reviews" in screen.counted:
                self.times.setdefault("figures", elapsed)
            if screen.complete and "complete" not in self.times:
                self.times["complete"] = elapsed
                self.times["cpu"] = time.thread_time() - self.cpu_start

        app._display = timed_display

    async def after(self, pilot, key: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
        self.times = {}
        self.start = time.perf_counter()
        self.cpu_start = time.thread_time()
        await pilot.press(key)
        while "complete" not in self.times:
            if time.perf_counter() - self.start > TIME_LIMIT:
                raise SystemExit(
                    f"the statistics screen was not drawn whole {TIME_LIMIT} s after {key!r}"
                )
            await asyncio.sleep(0.002)
        self.start = 0.0
        return self.times


async def screen_times(col: Collection) -> list[tuple[str, dict[str, float]]]:
    """Seconds from `t` on the deck list to the statistics of the first deck on screen, then
    from `a` to those of all decks."""
    from revise.tui.app import ReviseApp

    app = ReviseApp(col)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        paints = Paints(app)
        deck = await paints.after(pilot, "t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        everything = await paints.after(pilot, "a")
        return [("t, one deck", deck), ("a, all decks", everything)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--optimize", action="store_true")
    args = parser.parse_args()
    report_speed()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        now_ms = int(time.time() * 1000)
        timed("build the collection", lambda: build(db, args.cards, args.reviews, now_ms))
        col = Collection.open(db, config=Config())
        timed("statistics, all decks (first: sums the year)", col.statistics)
        for run in (1, 2, 3):
            timed(f"statistics, all decks ({run})", col.statistics)
        timed("statistics, one deck", lambda: col.statistics("Deck 00"))
        for run in (1, 2, 3):
            for label, times in asyncio.run(screen_times(col)):
                for what, name in (
                    ("outline", "outline"),
                    ("figures", "first figures"),
                    ("complete", "every figure"),
                    ("cpu", "app thread's CPU"),
                ):
                    print(f"{f'screen {label}: {name} ({run})':<48} {times[what] * 1000:9.1f} ms")
        if args.optimize:
            outcome = timed("optimize --dry-run, all reviews", lambda: col.optimize(dry_run=True))
            result = outcome.result
            print(
                f"{'  reviews / log loss before / after':<48} {result.reviews:>9} / "
                f"{result.before.log_loss:.4f} / {result.after.log_loss:.4f}"
            )
        col.close()


if __name__ == "__main__":
    main()
