"""Fixtures for core tests: a collection with a clock the test moves, on each backend.

`db` is a collection's database: a temporary SQLite file, or a fresh database on a PostgreSQL
server the tests start once per session (tests/pg_server.py). Tests taking `db` or `col` run on
both backends.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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


BACKENDS = ["sqlite", "postgresql"]
_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A PostgreSQL server for the whole test run; missing PostgreSQL fails the run in CI."""
    from tests.pg_server import PostgresUnavailable, running_server

    try:
        server = running_server()
        yield server.__enter__()
    except PostgresUnavailable as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"no PostgreSQL: {error}")
    else:
        server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def pg_admin(pg_server):  # type: ignore[no-untyped-def]
    engine = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def new_pg_database(pg_server, pg_admin):  # type: ignore[no-untyped-def]
    """A function making empty databases on the test server, dropped after the test."""
    made: list[str] = []

    def make() -> str:
        name = f"test_{os.getpid()}_{next(_database_numbers)}"
        with pg_admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return pg_server.url(name)

    yield make
    with pg_admin.connect() as connection:
        for name in made:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """A new, empty collection database: a file path (SQLite) or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(db_path)
    return request.getfixturevalue("new_pg_database")()


@pytest.fixture
def col(db: str, clock: Clock) -> Iterator[Collection]:
    collection = Collection.open(db, config=Config(fuzz=False), clock=clock)
    yield collection
    collection.close()


def basic_deck(name: str = "Deck", count: int = 3) -> DeckData:
    return DeckData(
        name,
        [NoteData(NoteKind.BASIC, f"Question {i}?", f"Answer {i}") for i in range(count)],
    )


@pytest.fixture
def pg_url(new_pg_database) -> str:  # type: ignore[no-untyped-def]
    """An empty database on the test server."""
    return new_pg_database()


def computers(url: str, clock: Clock, count: int = 2) -> list[Collection]:
    """`count` collections on one database, each with its own connections: several computers."""
    return [Collection.open(url, config=Config(fuzz=False), clock=clock) for _ in range(count)]


@pytest.fixture
def two(pg_url: str, clock: Clock) -> Iterator[tuple[Collection, Collection]]:
    """Two computers on one database on the test server."""
    laptop, desktop = computers(pg_url, clock)
    yield laptop, desktop
    laptop.close()
    desktop.close()


# A CSV table of ten cards, and the file it is written to.
ROWS = [f"What is item {n}?,Answer {n}" for n in range(10)]


def table(path: Path, *rows: str) -> Path:
    path.write_text("front,back\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path
