"""How long `revise study` takes to put the first card on screen, and `revise` the deck list,
against a minimal Textual app, and how long an answer key takes to put the next card on screen.

    python benchmarks/bench_tui.py [--runs 5] [--cards 20000] [--answers 20]

Builds a collection once through the core API in a temporary folder. Start-up: a minimal
Textual app that paints one Static, `revise study` and `revise` are started in turn, each in a
100x30 tmux pane, from the moment the pane is told to start the command to the moment the
Static's text (the first card, the deck list's table) has been written to the terminal
(benchmarks/paint.py). Answers: a fresh Python process opens the collection as `revise study`
does and runs the app headless; the figure is the time from an answer key to the next card
being handed to the terminal.

Every step has a timeout and a step that does not finish is named, with the process's output.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from machine import report_speed
from paint import StepTimeout, TmuxPanes, minimal_app_command

ROOT = Path(__file__).resolve().parent.parent
STEP_TIMEOUT_S = 30  # for one paint, one answer, or opening the collection
DECK = "Deck 00"  # the first deck's name: in the deck list's table, which comes with its counts
BUILD_TIMEOUT_S = 600

# Run from ROOT: `revise` is this working tree's, with its own migrations even when an editable
# install maps `revise._migrations` to another checkout.
WITH_MIGRATIONS = f"""
import importlib.util as _u, sys as _s
_s.path.insert(0, {str(ROOT)!r})
_spec = _u.spec_from_file_location(
    "revise._migrations", {str(ROOT / "migrations" / "__init__.py")!r},
    submodule_search_locations=[{str(ROOT / "migrations")!r}],
)
_m = _u.module_from_spec(_spec); _s.modules[_spec.name] = _m; _spec.loader.exec_module(_m)
"""

BUILD = r"""
import sys
from pathlib import Path
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.study.collection import Collection

cards, per_deck = CARDS, 10_000
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
with Collection.open(Path(DB)) as col:
    col.import_decks(decks)
    print(col.next_card().prompt)
"""

ANSWERS_CHILD = r"""
import asyncio, json, os, sys, time
from datetime import UTC, datetime
from pathlib import Path
from revise.config import Config
from revise.study.first_card import read_first_card
from revise.study.opening import OpeningCollection
from revise.tui.app import ReviseApp
from revise.tui.screens.review import ReviewScreen


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
    painted_event = asyncio.Event()

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.painted is None and prompt(self) != self.previous:
            self.painted = time.perf_counter()
            self.painted_event.set()


async def step(name, awaitable):
    try:
        return await asyncio.wait_for(awaitable, STEP_TIMEOUT_S)
    except TimeoutError:
        print(json.dumps({"unfinished": name}), flush=True)
        os._exit(3)


async def settled(pilot):
    for _ in range(3):
        await pilot.pause()
        await asyncio.sleep(0.1)


async def next_paint(app, previous):
    app.previous, app.painted = previous, None
    app.painted_event = asyncio.Event()
    await app.painted_event.wait()


async def drive(pilot):
    app = pilot.app
    if app.painted is None:  # else it was painted before the pilot started
        await step("the first card painted", next_paint(app, None))
    await step("opening the collection", asyncio.to_thread(app.collection.opened))
    await step("the workers after opening", app.workers.wait_for_complete())
    answer_ms = []
    for number in range(1, ANSWERS + 1):
        app.simulate_key("space")
        # As a reader would: the answer is read (the screen has settled) before a grade.
        await step(f"the workers before answer {number}", app.workers.wait_for_complete())
        await step(f"the screen before answer {number}", settled(pilot))
        waiting = asyncio.create_task(next_paint(app, prompt(app)))
        await asyncio.sleep(0)
        start = time.perf_counter()
        app.simulate_key("3")
        await step(f"the card after answer {number} painted", waiting)
        answer_ms.append((app.painted - start) * 1000)
        await step(f"the workers after answer {number}", app.workers.wait_for_complete())
    print(json.dumps({"answer_ms": answer_ms}), flush=True)
    app.exit()


# Limits lifted: every answer is followed by a new card, however many answers are timed.
path, config = Path(DB), Config(**{f"{kind}_per_day": 1_000_000 for kind in LIMITS})
first = read_first_card(path, None, config, datetime.now(UTC))
col = OpeningCollection(path, config, first)
app = TimedApp(col, study=True)
try:
    app.run(headless=True, size=(100, 30), auto_pilot=drive)
finally:
    col.close()
"""


def python_code(body: str, **values: object) -> list[str]:
    for name, value in values.items():
        body = body.replace(name, repr(value) if isinstance(value, (str, tuple)) else str(value))
    return [sys.executable, "-c", WITH_MIGRATIONS + body]


def run_step(name: str, command: list[str], timeout_s: float) -> str:
    """Run a process to its end; a failure or a timeout names the step."""
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout or b""
        if isinstance(output, bytes):
            output = output.decode(errors="replace")
        sys.exit(f"bench_tui: {name} did not finish within {timeout_s:.0f} s: {output[-2000:]!r}")
    lines = done.stdout.strip().splitlines()
    unfinished = [json.loads(line)["unfinished"] for line in lines if '"unfinished"' in line]
    if unfinished:
        sys.exit(f"bench_tui: {name}: {unfinished[0]} did not finish within {STEP_TIMEOUT_S} s")
    if done.returncode:
        sys.exit(f"bench_tui: {name} failed:\n{done.stderr[-3000:]}")
    return lines[-1]


def _kept(folder: Path, files: int) -> bool:
    """Whether `files` files are kept in `folder` (renamed into place: not hidden)."""
    return (
        sum(path.is_file() and not path.name.startswith(".") for path in folder.rglob("*")) >= files
    )


def start_up(
    db: Path, first_prompt: str, runs: int
) -> tuple[list[float], list[float], list[float]]:
    """Seconds to the first card painted by `revise study`, to the deck list painted by
    `revise`, and to a minimal app's paint, taken in turn."""
    # As a user runs it (the collection is at the current schema: no migration is loaded), with
    # the stylesheet the app keeps between runs in a cache folder of its own (a file for each
    # first screen), filled by a start of each that is not timed: another checkout's runs in the
    # user's cache folder would replace it.
    study = [sys.executable, "-m", "revise", "--db", str(db), "study"]
    deck_list = [sys.executable, "-m", "revise", "--db", str(db)]
    cache = db.parent / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    marker = "minimal app painted"
    study_s, deck_list_s, minimal_s = [], [], []
    with TmuxPanes(100, 30) as panes:
        for kept, (command, text) in enumerate(((study, first_prompt), (deck_list, DECK)), 1):
            try:  # kept once the first frame is written: a file renamed into place (not hidden)
                panes.time_to_text(
                    command, text, cwd=ROOT, env=env, then_until=partial(_kept, cache, kept)
                )
            except StepTimeout as error:
                sys.exit(f"bench_tui: the start that fills the cache folder: {error}")
        for run in range(1, runs + 1):
            try:
                minimal_s.append(panes.time_to_text(minimal_app_command(marker), marker, cwd=ROOT))
                study_s.append(panes.time_to_text(study, first_prompt, cwd=ROOT, env=env))
                deck_list_s.append(panes.time_to_text(deck_list, DECK, cwd=ROOT, env=env))
            except StepTimeout as error:
                sys.exit(f"bench_tui: start-up run {run}: {error}")
    return study_s, deck_list_s, minimal_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    report_speed()
    print(f"{'load average (1, 5, 15 min)':<48} {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    # An installed package has its bytecode compiled; a working tree may not (or stale).
    compileall.compile_dir(ROOT / "revise", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        print(f"building {args.cards:,} cards through the core API ...", flush=True)
        started = time.perf_counter()
        first_prompt = run_step(
            "building the collection",
            python_code(BUILD, DB=str(db), CARDS=args.cards),
            BUILD_TIMEOUT_S,
        )
        print(f"  built in {time.perf_counter() - started:.1f} s")
        revise_s, deck_list_s, minimal_s = start_up(db, first_prompt, args.runs)
        answers = json.loads(
            run_step(
                "the answer runs",
                python_code(
                    ANSWERS_CHILD,
                    DB=str(db),
                    ANSWERS=args.answers,
                    STEP_TIMEOUT_S=STEP_TIMEOUT_S,
                    LIMITS=("new", "reviews", "collection_new", "collection_reviews"),
                ),
                STEP_TIMEOUT_S * (args.answers * 3 + 3),
            )
        )["answer_ms"]
    revise_median, minimal_median = statistics.median(revise_s), statistics.median(minimal_s)
    print(
        f"{'revise study -> first card painted (tmux)':<48} median {revise_median:.3f} s "
        f"(min {min(revise_s):.3f}, max {max(revise_s):.3f}, {args.runs} runs)"
    )
    print(
        f"{'minimal Textual app -> Static painted (tmux)':<48} median {minimal_median:.3f} s "
        f"(min {min(minimal_s):.3f}, max {max(minimal_s):.3f}, {args.runs} runs)"
    )
    print(f"{'ratio, revise / minimal app':<48} {revise_median / minimal_median:.2f}x")
    deck_list_median = statistics.median(deck_list_s)
    print(
        f"{'revise -> deck list painted (tmux)':<48} median {deck_list_median:.3f} s "
        f"(min {min(deck_list_s):.3f}, max {max(deck_list_s):.3f}, {args.runs} runs)"
    )
    print(f"{'ratio, deck list / minimal app':<48} {deck_list_median / minimal_median:.2f}x")
    print(f"{'load average now':<48} {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if answers:
        print(
            f"{'answer key -> next card painted (headless)':<48} median "
            f"{statistics.median(answers):.1f} ms (max {max(answers):.1f}, {len(answers)} answers)"
        )


if __name__ == "__main__":
    main()
