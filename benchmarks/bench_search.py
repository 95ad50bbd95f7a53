"""Search speed on a large collection: prints figures, asserts nothing.

    python benchmarks/bench_search.py [--cards 100000]

Builds a collection of N cards in 10 decks (three in four studied, one in ten with accented
words, tags on every other note, a review each in the last month), written straight into the
tables as the app writes them (the notes' folded text too). Then times `Collection.search` as
the browser calls it (every matching id counted, the first SHOWN_ROWS cards in full, sorted) for
a range of queries: the best of three runs each, and how many cards matched.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from machine import report_speed

from revise import Collection
from revise.config import Config
from revise.storage.folding import folded
from revise.study.search import SHOWN_ROWS

DAY_MS = 86_400_000
WORDS = ("river", "mountain", "treaty", "empire", "cell", "enzyme", "über", "café", "naïve")
QUERIES = (
    ("", "added"),
    ("treaty", "added"),
    ("uber", "added"),
    ('"mountain 4"', "added"),
    ("front:*enzyme*", "front"),
    ("deck:Deck*", "due"),
    ('"deck:Deck 03"', "due"),
    ("tag:verb -tag:irregular", "added"),
    ("is:due", "due"),
    ("is:new", "added"),
    ("is:suspended or is:buried", "added"),
    ("flag:1", "added"),
    ("prop:ivl>10", "interval"),
    ("prop:lapses>3", "lapses"),
    ("prop:due<=2", "due"),
    ("added:7", "added"),
    ("rated:7", "added"),
    ("rated:7:1", "added"),
    ("(river or café) deck:Deck* -is:new prop:ivl>5", "stability"),
)


def build(db: Path, cards: int, now_ms: int) -> None:
    Collection.open(db).close()  # the schema
    rng = random.Random(11)
    connection = sqlite3.connect(db)
    decks = 10
    connection.executemany(
        "INSERT INTO decks (id, name, description, tags, created_at) VALUES (?, ?, '', '', 0)",
        [(d + 1, f"Deck {d:02}") for d in range(decks)],
    )
    notes = []
    for i in range(cards):
        words = " ".join(rng.choice(WORDS[:6] if i % 10 else WORDS) for _ in range(6))
        tags = "verb irregular" if i % 4 == 0 else "verb" if i % 2 == 0 else ""
        text = {"front": f"{words} {i}?", "back": f"The answer to {i}", "context": "Topic > Part"}
        text["tags"] = tags
        notes.append((i + 1, i % decks + 1, f"k{i}", *text.values(), i, *folded(text).values()))
    connection.executemany(
        "INSERT INTO notes (id, deck_id, key, explicit_key, kind, front, back, context, tags,"
        " media, position, missing, created_at, updated_at, folded_front, folded_back,"
        " folded_context, folded_tags)"
        " VALUES (?, ?, ?, 0, 'basic', ?, ?, ?, ?, '', ?, 0, 0, 0, ?, ?, ?, ?)",
        notes,
    )
    rows, reviews = [], []
    for i in range(cards):
        studied = i % 4 != 0
        stability = rng.lognormvariate(2.5, 1.2) if studied else None
        last = now_ms - int(rng.uniform(0, 30) * DAY_MS) if studied else None
        due = (last + int(stability * DAY_MS)) if studied else None  # type: ignore[operator]
        added = now_ms - rng.randrange(0, 400) * DAY_MS
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
                rng.randrange(1, 20) if studied else 0,
                rng.randrange(0, 6) if studied else 0,
                1 if i % 50 == 0 else 0,
                i % 7 if i % 7 <= 4 else 0,
                added,
            )
        )
        if studied:
            reviews.append((i + 1, last, rng.choice((1, 3, 3, 3)), 5000))
    connection.executemany(
        "INSERT INTO cards (id, note_id, deck_id, ordinal, position, state, stability,"
        " difficulty, due, last_review, reps, lapses, suspended, flag, created_at)"
        " VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.executemany(
        "INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, origin)"
        " VALUES (?, ?, ?, ?, 'revise')",
        reviews,
    )
    connection.commit()
    connection.close()


def best_of_three(col: Collection, query: str, order: str) -> tuple[float, int]:
    times, total = [], 0
    for _ in range(3):
        start = time.perf_counter()
        total = col.search(query, order=order, limit=SHOWN_ROWS).total
        times.append(time.perf_counter() - start)
    return min(times), total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    args = parser.parse_args()
    report_speed()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        start = time.perf_counter()
        build(db, args.cards, int(time.time() * 1000))
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{f'build {args.cards:,} cards':<48} {elapsed:9.1f} ms")
        col = Collection.open(db, config=Config())
        for query, order in QUERIES:
            elapsed, total = best_of_three(col, query, order)
            label = f"{query or '(every card)'} [{order}]"
            print(f"{label:<48} {elapsed * 1000:9.1f} ms  {total:>7,} cards")
        col.close()


if __name__ == "__main__":
    main()
