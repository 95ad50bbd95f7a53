"""One collection on a PostgreSQL server, opened by several computers at once: real races between
connections, the server's own settings, and what a user sees when the server is not there."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import Engine, create_engine, text

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind
from tests.core_fixtures import Clock, basic_deck, computers


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


def test_two_computers_answering_two_cards_of_one_note_at_once_keep_both_answers(
    pg_url, pg_admin, clock
):
    laptop, desktop = computers(pg_url, clock)
    try:
        laptop.import_decks([DeckData("Words", [NoteData(NoteKind.REVERSED, "Hund", "dog")])])
        with laptop._engine.connect() as connection:
            first, second = connection.execute(text("SELECT id FROM cards ORDER BY id")).scalars()
        database = pg_url.rsplit("/", 1)[1]
        # A third connection holds the note's first card: both answers are under way at once,
        # each resting the other's card. Neither may wait for the other forever.
        holder = create_engine(pg_url)
        try:
            with holder.connect() as connection, connection.begin():
                connection.execute(
                    text("SELECT id FROM cards WHERE id = :id FOR UPDATE"), {"id": first}
                )
                one, one_errors = in_thread(lambda: laptop.answer(first, Rating.GOOD))
                wait_until(lambda: waiting_for_locks(pg_admin, database) == 1, "one waits")
                other, other_errors = in_thread(lambda: desktop.answer(second, Rating.GOOD))
                wait_until(lambda: waiting_for_locks(pg_admin, database) == 2, "both wait")
            one.join()
            other.join()
        finally:
            holder.dispose()
        assert one_errors == other_errors == []
        with laptop._engine.connect() as connection:
            answered = connection.execute(
                text("SELECT card_id FROM reviews ORDER BY card_id")
            ).scalars()
            assert list(answered) == [first, second]
    finally:
        laptop.close()
        desktop.close()


def test_an_answer_and_the_next_card_take_two_round_trips_and_its_intervals_one(pg_url, clock):
    from tests.pg_server import round_trips

    with Collection.open(pg_url, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([DeckData("Words", [NoteData(NoteKind.REVERSED, "Hund", "dog")])])
        col.import_decks([basic_deck(count=20)])
        session = col.session()
        card = session.next_card()
        with round_trips() as counted:
            for _ in range(10):
                card = session.answer_then_next(card, Rating.GOOD, 2000)
        # The card and its siblings read and locked with BEGIN; the review, the card's state,
        # the siblings put to rest, the commit and the next card's reads.
        assert sum(counted) == 2 * 10
        with round_trips() as counted:
            assert col.next_card() == card
        assert sum(counted) == 1
        with round_trips() as counted:  # the intervals shown under the grades
            assert col.preview(card)[Rating.GOOD] > col.preview(card)[Rating.AGAIN]
        assert sum(counted) == 2


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


def one_line_error(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    from revise.cli import main

    assert main(list(args)) == 1
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_a_server_that_is_down_wrong_password_or_missing_database_is_one_line(
    pg_server, capsys, monkeypatch, tmp_path
):
    from tests.pg_server import _free_port

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    down = f"postgresql+psycopg://revise:secret@127.0.0.1:{_free_port()}/revise"
    err = one_line_error(capsys, "--db", down, "decks")
    assert "cannot reach the database server at 127.0.0.1" in err and "is it running?" in err
    assert "secret" not in err  # the password is never printed

    wrong = pg_server.url("postgres", password="not-the-password")
    err = one_line_error(capsys, "--db", wrong, "decks")
    assert "refused the password of user 'revise'" in err and "not-the-password" not in err

    err = one_line_error(capsys, "--db", pg_server.url("no_such_collection"), "decks")
    assert "has no database 'no_such_collection'" in err and "createdb" in err
    assert pg_server.password not in err


def test_an_answer_cut_off_by_a_dropped_connection_is_retried_and_stored_once(
    pg_url, pg_admin, clock
):
    with Collection.open(pg_url, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck(count=1)])
        card = col.next_card()
        session = col.session()
        waits = []
        database = pg_url.rsplit("/", 1)[1]
        holder = create_engine(pg_url)
        try:
            with holder.connect() as connection, connection.begin():
                connection.execute(
                    text("SELECT id FROM cards WHERE id = :id FOR UPDATE"), {"id": card.id}
                )
                thread, errors = in_thread(
                    lambda: session.answer(card, Rating.GOOD, on_wait=lambda: waits.append(1))
                )
                wait_until(lambda: waiting_for_locks(pg_admin, database) == 1, "the answer waits")
                with pg_admin.connect() as admin:  # the server drops the answering connection
                    admin.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            " WHERE datname = :name AND wait_event_type = 'Lock'"
                        ),
                        {"name": database},
                    )
                wait_until(lambda: bool(waits), "the answer is tried again")
            thread.join()
        finally:
            holder.dispose()
        assert errors == []
        assert col.progress().done_today == 1
        assert col.card(card.id).reps == 1


def connections_to(admin: Engine, database: str) -> int:
    with admin.connect() as connection:
        return connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": database},
        ).scalar_one()


def test_a_connection_dropped_between_answers_is_replaced(pg_url, pg_admin, clock):
    database = pg_url.rsplit("/", 1)[1]
    with Collection.open(pg_url, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck(count=8)])
        col.answer(col.next_card(), Rating.GOOD)
        pooled = connections_to(pg_admin, database)
        assert pooled >= 1
        with pg_admin.connect() as admin:  # a server restart, a network change
            admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": database},
            )
        wait_until(lambda: connections_to(pg_admin, database) == 0, "the server closed them")
        for _ in range(pooled + 1):  # every pooled connection it closed is replaced, in turn
            col.answer(col.next_card(), Rating.GOOD)
        assert col.progress().done_today == pooled + 2


def table_rows(target: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in key order: what a copy must carry over (not the tables the
    database fills itself from the others, as each deck's count of cards on SQLite)."""
    from sqlalchemy import MetaData, select

    from revise.storage.engine import create, database_url
    from revise.storage.triggers import KEPT_BY_TRIGGERS

    engine = create(database_url(target))
    try:
        tables = MetaData()
        tables.reflect(engine)
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*(table.primary_key.columns or table.columns))
                    )
                ]
                for table in tables.sorted_tables
                if table.name not in KEPT_BY_TRIGGERS
            }
    finally:
        engine.dispose()


def studied_collection(target: str, clock: Clock) -> None:
    deck = basic_deck(count=4)
    deck.notes[0].media = ("map.png",)
    deck.media = {"map.png": b"\x89PNG map"}
    with Collection.open(target, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([deck, basic_deck("Other", count=2)])
        for rating in (Rating.GOOD, Rating.AGAIN, Rating.EASY):
            col.answer(col.next_card(), rating, duration_ms=3000)


def test_copy_moves_a_whole_collection_to_a_server_and_back(
    tmp_path, new_pg_database, clock, capsys
):
    from revise.cli import main

    original = str(tmp_path / "laptop.db")
    studied_collection(original, clock)
    server = new_pg_database()
    assert main(["copy", "--from", original, "--to", server]) == 0
    out = capsys.readouterr().out
    assert "2 decks, 6 cards, 3 reviews, 1 media files" in out and "***" in out
    back = str(tmp_path / "back.db")
    assert main(["copy", "--from", server, "--to", back]) == 0
    expected = table_rows(original)
    assert expected["reviews"] and expected["media_blobs"]
    assert table_rows(server) == expected
    assert table_rows(back) == expected
    with Collection.open(server, clock=clock) as col:  # and the copy carries on from there
        assert col.media_file("map.png").read_bytes() == b"\x89PNG map"
        col.import_decks([basic_deck("Third", count=1)])
        col.answer(col.next_card(), Rating.GOOD)
        assert col.progress().done_today == 4


def test_copy_refuses_a_target_that_is_not_empty(tmp_path, new_pg_database, clock, capsys):
    from revise.cli import main

    original = str(tmp_path / "laptop.db")
    studied_collection(original, clock)
    server = new_pg_database()
    assert main(["copy", "--from", original, "--to", server]) == 0
    capsys.readouterr()
    err = one_line_error(capsys, "copy", "--from", original, "--to", server)
    assert "already holds tables" in err
    err = one_line_error(capsys, "copy", "--from", server, "--to", original)
    assert "already exists" in err


def test_backup_writes_a_sqlite_file_from_a_server(tmp_path, new_pg_database, clock, capsys):
    from revise.cli import main

    server = new_pg_database()
    studied_collection(server, clock)
    target = tmp_path / "saved.db"
    assert main(["--db", server, "backup", "-o", str(target)]) == 0
    assert table_rows(str(target)) == table_rows(server)
    capsys.readouterr()
    assert main(["--db", str(target), "decks", "--json"]) == 0
    assert "Other" in capsys.readouterr().out


def test_a_server_collection_is_backed_up_to_a_file_before_an_upgrade(
    new_pg_database, tmp_path, monkeypatch, clock
):
    from revise.storage.engine import create
    from revise.storage.migrate import upgrade

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    server = new_pg_database()
    engine = create(server)
    upgrade(engine, "0003_review_uid")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO decks (id, name, description, tags, created_at)"
                " VALUES (1, 'Old', '', '', 0)"
            )
        )
    engine.dispose()
    with Collection.open(server, clock=clock) as col:
        assert col.backup is not None and col.backup.parent == tmp_path / "data" / "revise"
        assert col.deck_names() == ["Old"]
    saved = table_rows(str(col.backup))
    assert saved["alembic_version"] == [("0003_review_uid",)]
    assert saved["decks"] == [(1, "Old", None, "", "", 0)]


def test_upgrades_of_a_server_collection_keep_its_newest_three_backups(
    new_pg_database, tmp_path, monkeypatch, clock
):
    """Each upgrade of a server collection left one more SQLite copy in the data folder."""
    from sqlalchemy.engine import make_url

    from revise.storage.engine import create
    from revise.storage.migrate import upgrade

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "revise"
    folder.mkdir(parents=True)
    server = new_pg_database()
    name = make_url(server).database
    older = [folder / f"{name}.backup-000{day}-2025010{day}T120000Z.db" for day in (1, 2, 3)]
    kept_apart = folder / f"{name}.backup-20250101T120000Z.db"  # `revise backup` wrote it
    for path in [*older, kept_apart]:
        path.write_bytes(b"a copy")
    engine = create(server)
    upgrade(engine, "0003_review_uid")
    engine.dispose()
    with Collection.open(server, clock=clock) as col:
        assert col.backup is not None
    assert sorted(folder.iterdir()) == sorted([*older[1:], col.backup, kept_apart])


def test_the_collection_can_be_named_in_the_config_file(
    new_pg_database, tmp_path, capsys, monkeypatch
):
    from revise.cli import main

    monkeypatch.delenv("REVISE_DB", raising=False)
    server = new_pg_database()
    config = tmp_path / "config.toml"
    config.write_text(f'database = "{server}"\n\n[limits]\nnew_per_day = 5\n')
    deck = tmp_path / "d.md"
    deck.write_text("Q: one?\nA: 1\n", encoding="utf-8")
    assert main(["--config", str(config), "import", str(deck)]) == 0
    with Collection.open(server) as col:
        assert col.deck_names() == ["d"]
    config.write_text("database = 5\n")
    err = one_line_error(capsys, "--config", str(config), "decks")
    assert "database must be a file path or a URL" in err


def test_a_postgresql_url_without_a_driver_name_opens_with_psycopg(pg_url, clock):
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with Collection.open(plain, clock=clock) as col:
        col.import_decks([basic_deck(count=1)])
    with Collection.open(pg_url, clock=clock) as col:
        assert col.deck_names() == ["Deck"]


def test_two_computers_opening_a_new_server_database_at_once_make_its_tables_once(pg_url, clock):
    opened: list[Collection] = []
    threads = [
        in_thread(lambda: opened.append(Collection.open(pg_url, clock=clock))) for _ in range(3)
    ]
    for thread, errors in threads:
        thread.join()
        assert errors == []
    try:
        assert sorted(col.is_new for col in opened) == [False, False, True]
        opened[0].import_decks([basic_deck(count=1)])
        assert all(col.deck_names() == ["Deck"] for col in opened)
    finally:
        for col in opened:
            col.close()
