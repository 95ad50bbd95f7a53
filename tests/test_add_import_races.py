"""A card added in the app (`revise add`, the app's add screen) or a deck created or renamed
there, on one computer, while another computer imports the same card or deck into the same
collection. The two never surface the database's unique constraint: whichever comes second
sees the first, on SQLite and on a PostgreSQL server alike."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind
from revise.storage import plan_check
from revise.storage.models import Note
from tests.core_fixtures import ROWS, computers, table
from tests.test_postgres import in_thread, wait_until, waiting_for_locks

ITEM_NINE = NoteData(NoteKind.BASIC, "What is item 9?", "Answer 9")


@pytest.fixture
def two_on(db, clock):  # type: ignore[no-untyped-def]
    """Two computers on one collection: a SQLite file or a PostgreSQL database."""
    laptop, desktop = computers(db, clock)
    yield laptop, desktop
    laptop.close()
    desktop.close()


def waits_for_the_import(collection, pg_admin_or_none) -> None:  # type: ignore[no-untyped-def]
    """Until the other computer's write waits on the import's locks (PostgreSQL), or has had
    time to start waiting on the file's write lock (SQLite)."""
    if collection._engine.dialect.name == "postgresql":
        database = collection._engine.url.database
        wait_until(lambda: waiting_for_locks(pg_admin_or_none, database) >= 1, "it waits")
    else:
        time.sleep(0.3)


def while_importing(monkeypatch, action: Callable[[], object], admin, other):  # type: ignore[no-untyped-def]
    """Run `action` on the other computer once the import holds its locks and is about to
    write; the thread and its errors."""
    holds = plan_check.still_holds
    started: list = []

    def meanwhile(*args):  # type: ignore[no-untyped-def]
        current = holds(*args)
        if not started:
            started.append(in_thread(action))
            waits_for_the_import(other, admin)
        return current

    monkeypatch.setattr(plan_check, "still_holds", meanwhile)
    return started


@pytest.fixture
def admin(backend, request):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("pg_admin") if backend == "postgresql" else None


def stored(collection, front: str) -> int:  # type: ignore[no-untyped-def]
    with collection._engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(Note).where(Note.front == front)
        ).scalar_one()


def test_a_card_added_while_another_computer_imports_it_waits_and_is_told_it_is_there(
    two_on, admin, tmp_path, monkeypatch
):
    laptop, desktop = two_on
    path = table(tmp_path / "items.csv", *ROWS[:9])
    laptop.import_file(path)
    table(path, *ROWS)  # item 9 is new in the file
    started = while_importing(
        monkeypatch, lambda: desktop.editing.add_notes("items", [ITEM_NINE]), admin, desktop
    )

    report = laptop.import_file(path)

    [(thread, errors)] = started
    thread.join()
    assert report.decks[0].summary() == "items: 1 added, 0 updated, 9 unchanged, 0 missing"
    assert [type(error) for error in errors] == [ReviseError], errors
    assert "already has the card 'What is item 9?'" in str(errors[0])
    assert stored(laptop, "What is item 9?") == 1


def test_a_card_added_after_an_import_read_its_file_is_matched_not_added_twice(
    two_on, tmp_path, monkeypatch
):
    laptop, desktop = two_on
    path = table(tmp_path / "items.csv", *ROWS[:9])
    laptop.import_file(path)
    table(path, *ROWS)
    seen = plan_check.seen
    added: list = []

    def added_meanwhile(*args):  # type: ignore[no-untyped-def]
        current = seen(*args)
        if not added:  # the import has read the file and the collection; not yet locked
            added.append(desktop.editing.add_notes("items", [ITEM_NINE]))
        return current

    monkeypatch.setattr(plan_check, "seen", added_meanwhile)

    report = laptop.import_file(path)

    assert report.decks[0].summary() == "items: 0 added, 0 updated, 10 unchanged, 0 missing"
    assert stored(laptop, "What is item 9?") == 1
    assert laptop.search("deck:items").total == 10


@pytest.mark.parametrize("how", ["create", "rename"])
def test_a_deck_created_while_another_computer_imports_it_is_told_it_exists(
    two_on, admin, tmp_path, monkeypatch, how
):
    laptop, desktop = two_on
    desktop.editing.create_deck("other")
    path = table(tmp_path / "fresh.csv", *ROWS[:3])
    if how == "create":
        action = lambda: desktop.editing.create_deck("fresh")  # noqa: E731
    else:
        action = lambda: desktop.editing.rename_deck("other", "fresh")  # noqa: E731
    started = while_importing(monkeypatch, action, admin, desktop)

    report = laptop.import_file(path)

    [(thread, errors)] = started
    thread.join()
    assert report.decks[0].summary() == "fresh: 3 added, 0 updated, 0 unchanged, 0 missing"
    assert [type(error) for error in errors] == [ReviseError], errors
    assert "a deck named 'fresh' already exists" in str(errors[0])
    assert sorted(deck.name for deck in laptop.decks()) == ["fresh", "other"]
