"""Fixtures for core tests: a collection on a temporary file with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.study.collection import Collection

# Noon UTC: well inside a study day whatever the machine's zone, so counts do not depend on it.
START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@dataclass
class Clock:
    """A clock that stands still unless a test moves it."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "study.db"


@pytest.fixture
def col(db_path: Path, clock: Clock) -> Iterator[Collection]:
    collection = Collection.open(db_path, config=Config(fuzz=False), clock=clock)
    yield collection
    collection.close()


def basic_deck(name: str = "Deck", count: int = 3) -> DeckData:
    return DeckData(
        name,
        [NoteData(NoteKind.BASIC, f"Question {i}?", f"Answer {i}") for i in range(count)],
    )
