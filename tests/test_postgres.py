"""One collection on a PostgreSQL server, opened by several computers at once: real races between
connections, the server's own settings, and what a user sees when the server is not there."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import Engine, create_engine, text

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import DeckData
from tests.core_fixtures import Clock, basic_deck


def waiting_for_locks(admin: Engine, database: str) -> int:
    with admin.connect() as connection:
        return connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = :name AND wait_event_type = 'Lock'"
            ),
            {"name": database},
        ).scalar_one()


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.01)


def in_thread(action: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


@pytest.fixture
def pg_url(new_pg_database) -> str:  # type: ignore[no-untyped-def]
    return new_pg_database()


def computers(url: str, clock: Clock, count: int = 2) -> list[Collection]:
    """`count` collections on one database, each with its own connections: several computers."""
    return [Collection.open(url, config=Config(fuzz=False), clock=clock) for _ in range(count)]


def test_the_same_card_answered_on_two_computers_at_once_keeps_both_answers_in_order(
    pg_url, pg_admin, clock
):
    laptop, desktop = computers(pg_url, clock)
    try:
        laptop.import_decks([basic_deck(count=1)])
        card = laptop.next_card()
        database = pg_url.rsplit("/", 1)[1]
        # A third connection holds the card's row, so both answers are in flight at once.
        holder = create_engine(pg_url)
        try:
            with holder.connect() as connection, connection.begin():
                connection.execute(
                    text("SELECT id FROM cards WHERE id = :id FOR UPDATE"), {"id": card.id}
                )
                first, first_errors = in_thread(lambda: laptop.answer(card, Rating.GOOD))
                wait_until(lambda: waiting_for_locks(pg_admin, database) == 1, "one waits")
                second, second_errors = in_thread(lambda: desktop.answer(card, Rating.GOOD))
                wait_until(lambda: waiting_for_locks(pg_admin, database) == 2, "both wait")
            first.join()
            second.join()
        finally:
            holder.dispose()
        assert first_errors == second_errors == []
        with laptop._engine.connect() as connection:
            reviews = connection.execute(
                text("SELECT reps_before, due_after FROM reviews ORDER BY id")
            ).all()
            reps, due = connection.execute(
                text("SELECT reps, due FROM cards WHERE id = :id"), {"id": card.id}
            ).one()
        # Both answers count, the second built on the first, and the card is as the last left it.
        assert [before for before, _ in reviews] == [0, 1]
        assert reps == 2 and due == reviews[-1].due_after
        assert laptop.progress().done_today == desktop.progress().done_today == 2
    finally:
        laptop.close()
        desktop.close()


def test_two_computers_studying_at_once_lose_no_answer_and_count_none_twice(pg_url, clock):
    laptop, desktop = computers(pg_url, clock)
    try:
        laptop.import_decks([basic_deck(count=6)])
        answers_each = 15

        def study(collection: Collection) -> None:
            session = collection.session()
            for _ in range(answers_each):
                session.answer(session.next_card(), Rating.AGAIN)

        threads = [in_thread(lambda c=c: study(c)) for c in (laptop, desktop)]
        for thread, errors in threads:
            thread.join()
            assert errors == []
        with laptop._engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM reviews")).scalar() == 30
            mismatched = connection.execute(
                text(
                    "SELECT c.id FROM cards c WHERE c.reps <> (SELECT count(*) FROM reviews r"
                    " WHERE r.card_id = c.id) OR c.due <> (SELECT r.due_after FROM reviews r"
                    " WHERE r.card_id = c.id ORDER BY r.id DESC LIMIT 1)"
                )
            ).all()
        assert mismatched == []  # every card's state is that of its latest answer
    finally:
        laptop.close()
        desktop.close()


def test_two_computers_importing_the_same_deck_at_once_both_succeed(pg_url, clock):
    laptop, desktop = computers(pg_url, clock)
    try:
        deck = DeckData("Shared", basic_deck(count=200).notes)
        reports = []
        threads = [
            in_thread(lambda c=c: reports.append(c.import_decks([deck]))) for c in (laptop, desktop)
        ]
        for thread, errors in threads:
            thread.join()
            assert errors == []
        assert sorted(report.total_added for report in reports) == [0, 200]
        assert [(d.name, d.total) for d in laptop.decks()] == [("Shared", 200)]
    finally:
        laptop.close()
        desktop.close()


def test_the_servers_time_zone_changes_no_time(pg_url, pg_admin, clock):
    database = pg_url.rsplit("/", 1)[1]
    with pg_admin.connect() as connection:
        connection.execute(
            text(f"ALTER DATABASE \"{database}\" SET timezone = 'Pacific/Kiritimati'")
        )
    with Collection.open(pg_url, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck(count=1)])
        card = col.next_card()
        col.answer(card, Rating.AGAIN)
        exported = col.export_deck("Deck").notes[0].history[0]
        reviewed_at = exported.reviews[0].time
        assert reviewed_at == clock.now and reviewed_at.utcoffset() == timedelta(0)
        assert exported.schedule.due == clock.now + timedelta(minutes=1)  # the first step
