"""Several windows answering at once in one SQLite collection: prints figures, asserts nothing.

    python benchmarks/bench_answers.py [--windows 4] [--answers 10000]

Each window is a process of its own with its own deck of `--answers` new cards, answering them
as fast as it can (every third Again, the rest Good) while the others do the same. It prints how
many answers each window stored, how many raised an error to the caller (the aim is none: a
window waits for another's write, it never fails), and how many reviews the collection holds at
the end (the aim: every answer, none lost and none counted twice).
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from pathlib import Path

from machine import report_load, report_speed

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind


def config(answers: int) -> Config:
    """No daily limit in the way: every card of a window's deck is served today."""
    return Config(new_per_day=answers, collection_new_per_day=answers * 100)


def window(db: Path, deck: str, answers: int, results: multiprocessing.Queue) -> None:
    collection = Collection.open(db, config=config(answers))
    stored = failed = 0
    errors: dict[str, int] = {}
    try:
        session = collection.session(deck)
        while stored < answers:
            card = session.next_card()
            if card is None:
                break
            try:
                session.answer(card, Rating.AGAIN if stored % 3 == 0 else Rating.GOOD)
                stored += 1
            except Exception as error:  # what the window's user would be shown
                failed += 1
                said = f"{type(error).__name__}: {str(error)[:80]}"
                errors[said] = errors.get(said, 0) + 1
                if failed > 100:
                    break
    finally:
        collection.close()
    results.put((deck, stored, failed, errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=4)
    parser.add_argument("--answers", type=int, default=10_000, help="per window")
    args = parser.parse_args()
    report_speed()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "collection.db"
        collection = Collection.open(db, config=config(args.answers))
        collection.import_decks(
            [
                DeckData(
                    name=f"Window {w}",
                    notes=[
                        NoteData(kind=NoteKind.BASIC, front=f"{w}: question {n}?", back=f"{n}")
                        for n in range(args.answers)
                    ],
                )
                for w in range(args.windows)
            ]
        )
        collection.close()
        results: multiprocessing.Queue = multiprocessing.Queue()
        windows = [
            multiprocessing.Process(target=window, args=(db, f"Window {w}", args.answers, results))
            for w in range(args.windows)
        ]
        start = time.perf_counter()
        for process in windows:
            process.start()
        outcomes = [results.get() for _ in windows]
        for process in windows:
            process.join()
        elapsed = time.perf_counter() - start
        collection = Collection.open(db, config=config(args.answers))
        reviews = len(collection.review_records())
        collection.close()
    stored = sum(outcome[1] for outcome in outcomes)
    failed = sum(outcome[2] for outcome in outcomes)
    label = f"{args.windows} windows answering at once"
    print(f"{label:<48} {elapsed:9.1f} s  {stored / elapsed:8.0f} answers/s")
    print(f"{'answers stored':<48} {stored:9,d}")
    print(f"{'answers that raised an error (aim: 0)':<48} {failed:9,d}")
    print(f"{'reviews in the collection (aim: answers stored)':<48} {reviews:9,d}")
    for deck, _, _, errors in outcomes:
        for said, count in errors.items():
            print(f"  {deck}: {count} x {said}")
    report_load()


if __name__ == "__main__":
    main()
