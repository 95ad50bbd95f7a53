"""Fixtures for the terminal app tests: a collection on a temporary file with a fixed clock."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.study.collection import Collection
from revise.tui.app import ReviseApp
from tests.core_fixtures import Clock


@pytest.fixture
def tui_clock() -> Clock:
    return Clock()


@pytest.fixture
def tui_db(tmp_path: Path) -> Path:
    return tmp_path / "tui.db"


@pytest.fixture
def tui_col(tui_db: Path, tui_clock: Clock) -> Iterator[Collection]:
    collection = Collection.open(tui_db, config=Config(fuzz=False), clock=tui_clock)
    yield collection
    collection.close()


def korea_deck() -> DeckData:
    return DeckData(
        "Korea",
        [
            NoteData(
                NoteKind.BASIC,
                "Who led the Soviet Union when the Korean War began?",
                "Joseph Stalin",
                context="Korean War > Origins",
                tags=("ussr", "1950"),
                source=SourceRef("notes/korea.txt", 3, 5),
            ),
            NoteData(
                NoteKind.CLOZE,
                "The Sino-Soviet treaty of friendship was signed in [1950].",
                context="Korean War > Alliances",
            ),
        ],
    )


def treaty_deck() -> DeckData:
    return DeckData(
        "Treaties",
        [NoteData(NoteKind.BASIC, f"Treaty question {i}?", f"Treaty answer {i}") for i in range(3)],
    )


def make_app(col: Collection, clock: Clock, **options: object) -> ReviseApp:
    return ReviseApp(col, clock=clock, **options)  # type: ignore[arg-type]


SETTLE_ROUNDS = 6
SETTLE_PAUSE = 0.02


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the workers have finished and the screen has taken in what they sent."""
    for _ in range(SETTLE_ROUNDS):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(SETTLE_PAUSE)  # a refresh the last message asked for, and its results


async def settle_until(
    pilot: Pilot[object], condition: Callable[[], bool], seconds: float = 20.0
) -> None:
    """Settle until `condition` holds: a chain of workers and messages takes longer than
    `settle`'s rounds on a loaded machine. Gives up after `seconds` (the test then fails)."""
    deadline = time.monotonic() + seconds
    await settle(pilot)
    while not condition() and time.monotonic() < deadline:
        await settle(pilot)


def text_of(pilot: Pilot[object], selector: str) -> str:
    """The plain text a Static shows."""
    return str(pilot.app.screen.query_one(selector, Static).content)


def screen_text(pilot: Pilot[object]) -> str:
    """Every character on the terminal, line by line, as the user sees it."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def drive(
    app: ReviseApp,
    scenario: Callable[[Pilot[object]], Awaitable[None]],
    size: tuple[int, int] = (100, 30),
    *,
    notifications: bool = False,
) -> None:
    """Run `app` headless (at 100x30 unless `size` says) and play `scenario` on it once it
    has settled; `notifications` draws notices as the user sees them (Textual's tests do not)."""

    async def main() -> None:
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())
