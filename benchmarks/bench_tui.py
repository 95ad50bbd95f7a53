"""How long `revise study` takes to put the first card on screen, on 100,000 cards.

    python benchmarks/bench_tui.py [--runs 5] [--cards 100000]

Builds a collection once through the core API in a temporary folder, then starts a fresh
Python process per run that opens it and runs the app headless (everything a terminal run does
except writing to the terminal) until the first card has been painted. The figure is wall time
from just before the process is started to that paint, so it includes interpreter start-up and
imports. Also printed: the time from an answer key to the next card being painted.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import report_speed

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path
from revise.study.collection import Collection
from revise.tui.app import ReviseApp
from revise.tui.screens.review import ReviewScreen
imported = time.time()


def prompt(app):
    screen = app.screen
    if not isinstance(screen, ReviewScreen) or screen.card is None:
        return None
    return str(screen.query_one("#card-prompt").content)


class TimedApp(ReviseApp):
    # A screen update is built from the widgets and handed to the terminal here: the moment a
    # new prompt is in that update is when the user would see the card.
    previous = None
    painted = None
    painted_event = None

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.painted is None and prompt(self) != self.previous:
            self.painted = time.time()
            self.painted_perf = time.perf_counter()
            self.painted_event.set()


async def next_paint(app, previous):
    app.previous, app.painted = previous, None
    app.painted_event = asyncio.Event()
    await app.painted_event.wait()


async def drive(pilot):
    app = pilot.app
    if app.painted is None:
        await next_paint(app, None)
    first = app.painted
    answer_ms = []
    for _ in range(ANSWERS):
        app.simulate_key("space")
        await asyncio.sleep(0.05)
        waiting = asyncio.create_task(next_paint(app, prompt(app)))
        await asyncio.sleep(0)
        start = time.perf_counter()
        app.simulate_key("3")
        await waiting
        answer_ms.append((app.painted_perf - start) * 1000)
    print(json.dumps({"imported": imported, "painted": first, "answer_ms": answer_ms}))
    app.exit()


col = Collection.open(Path(DB))
app = TimedApp(col, study=True)
app.painted_event = asyncio.Event()
app.run(headless=True, size=(100, 30), auto_pilot=drive)
col.close()
"""


def build(db: Path, cards: int) -> float:
    from revise.formats.model import DeckData, NoteData, NoteKind
    from revise.study.collection import Collection

    per_deck = 10_000
    decks = [
        DeckData(
            f"Deck {d:02d}",
            [
                NoteData(NoteKind.BASIC, f"Question {d}-{i}: what follows {i}?", f"{i + 1}")
                for i in range(min(per_deck, cards - d * per_deck))
            ],
        )
        for d in range((cards + per_deck - 1) // per_deck)
    ]
    start = time.perf_counter()
    with Collection.open(db) as col:
        col.import_decks(decks)
    return time.perf_counter() - start


def run_once(db: Path, answers: int) -> dict[str, float | list[float]]:
    code = CHILD.replace("DB", repr(str(db))).replace("ANSWERS", str(answers))
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"the app failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "imports_s": result["imported"] - started,
        "first_card_s": result["painted"] - started,
        "answer_ms": result["answer_ms"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    report_speed()
    sys.path.insert(0, str(ROOT))
    # An installed package has its bytecode compiled; a working tree may not (or stale).
    compileall.compile_dir(ROOT / "revise", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        print(f"building {args.cards:,} cards through the core API ...", flush=True)
        print(f"  built in {build(db, args.cards):.1f} s")
        runs = [run_once(db, args.answers) for _ in range(args.runs)]
    first = [run["first_card_s"] for run in runs]
    imports = [run["imports_s"] for run in runs]
    answers = [ms for run in runs for ms in run["answer_ms"]]  # type: ignore[union-attr]
    print(f"process start -> imports done:      median {statistics.median(imports):.3f} s")
    print(
        f"process start -> first card painted: median {statistics.median(first):.3f} s "
        f"(min {min(first):.3f}, max {max(first):.3f}, {args.runs} runs)"
    )
    if answers:
        print(
            f"answer key -> next card painted:    median {statistics.median(answers):.1f} ms "
            f"(max {max(answers):.1f}, {len(answers)} answers)"
        )


if __name__ == "__main__":
    main()
