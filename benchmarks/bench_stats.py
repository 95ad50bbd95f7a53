"""Statistics and fitting speed on a large history: prints figures, asserts nothing.

    python benchmarks/bench_stats.py [--cards 100000] [--reviews 1000000] [--optimize]

Builds a collection of N cards (three in four studied, with FSRS states and due dates spread over
the next months) and M reviews over the last 400 days, written straight into the tables.
Then measures: the statistics of all decks (`Collection.statistics`; the first call sums the
past year of reviews per deck and day, later ones read those sums), of one deck, and the
statistics screen from the key press to the charts on screen, for one deck (`t`) and for all
decks (`a`) (headless, 100x30). `--optimize` also times `revise optimize --dry-run` on all
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


async def screen_time(col: Collection) -> tuple[float, float]:
    """Seconds from `t` on the deck list to the charts of the first deck, then from `a` to
    those of all decks."""
    from revise.tui.app import ReviseApp
    from revise.tui.screens.stats import StatsScreen

    app = ReviseApp(col)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("t")
        while not (isinstance(app.screen, StatsScreen) and app.screen.statistics is not None):
            await asyncio.sleep(0.002)
        await pilot.pause()
        deck = time.perf_counter() - start
        start = time.perf_counter()
        await pilot.press("a")
        screen = app.screen
        while not (
            isinstance(screen, StatsScreen)
            and screen.statistics is not None
            and screen.statistics.deck is None
        ):
            await asyncio.sleep(0.002)
        await pilot.pause()
        return deck, time.perf_counter() - start


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
        for run in (1, 2):
            deck, everything = asyncio.run(screen_time(col))
            print(
                f"{f'statistics screen, t to charts, one deck ({run})':<48} {deck * 1000:9.1f} ms"
            )
            print(
                f"{f'statistics screen, a to charts, all decks ({run})':<48} "
                f"{everything * 1000:9.1f} ms"
            )
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
