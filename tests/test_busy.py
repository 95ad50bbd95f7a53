"""A busy collection: while another window or an import holds the write lock, answers and
imports wait, say so, and are stored exactly once; no caller ever sees "database is locked"."""

# ruff: noqa: F811

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from revise import Collection, Rating, cli
from revise.cli import main
from revise.config import Config
from revise.storage import engine
from revise.storage.busy import WAITING, CollectionBusy
from revise.tui.screens.review import ReviewScreen
from tests.core_fixtures import basic_deck
from tests.tui_fixtures import make_app, screen_text, settle, text_of, tui_clock  # noqa: F401

BUSY_TIMEOUT_MS = 100  # short, so that the tests wait through several timeouts quickly


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)


class LockHolder:
    """Another process's write transaction: holds SQLite's write lock until released."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def hold(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")
        self.connection.execute("UPDATE decks SET description = description")

    def release(self) -> None:
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()


def open_col(path: Path, clock, **limits: int) -> Collection:  # type: ignore[no-untyped-def]
    return Collection.open(path, config=Config(fuzz=False, **limits), clock=clock)


def test_answers_from_two_windows_wait_out_a_third_holding_the_lock(db_path, clock):
    setup = open_col(db_path, clock)
    setup.import_decks([basic_deck("A", 40), basic_deck("B", 40)])
    setup.close()
    errors: list[BaseException] = []
    waits = {"A": 0, "B": 0}
    stored = {"A": 0, "B": 0}
    done = threading.Event()

    def answer_all(deck: str) -> None:
        col = open_col(db_path, clock, new_per_day=100, collection_new_per_day=100)
        session = col.session(deck)

        def waiting() -> None:
            waits[deck] += 1

        try:
            while (card := session.next_card()) is not None:
                session.answer(card, Rating.EASY, 1000, on_wait=waiting)
                stored[deck] += 1
        except BaseException as error:  # any error at all reaching the caller fails the test
            errors.append(error)
        finally:
            col.close()

    def hold_the_lock_again_and_again() -> None:
        holder = LockHolder(db_path)
        try:
            while not done.is_set():
                holder.hold()
                time.sleep(3 * BUSY_TIMEOUT_MS / 1000)  # longer than the busy timeout
                holder.release()
                time.sleep(0.02)
        finally:
            holder.close()

    holder = threading.Thread(target=hold_the_lock_again_and_again)
    holder.start()
    answerers = [threading.Thread(target=answer_all, args=(deck,)) for deck in ("A", "B")]
    for thread in answerers:
        thread.start()
    for thread in answerers:
        thread.join(timeout=120)
    done.set()
    holder.join()
    assert errors == []
    assert stored == {"A": 40, "B": 40}
    assert waits["A"] + waits["B"] > 0  # the lock was really in the way
    check = open_col(db_path, clock)
    try:
        assert check.progress().done_today == 80  # each answer stored once
    finally:
        check.close()


def test_an_answer_whose_outcome_was_unknown_is_stored_once(col, monkeypatch):
    col.import_decks([basic_deck("A", 2)])
    answer = col.answer
    failed = []

    def commits_then_reports_busy(*args, **kwargs):  # type: ignore[no-untyped-def]
        review_id = answer(*args, **kwargs)
        if not failed:
            failed.append(review_id)
            raise CollectionBusy()  # the write went through, but the caller cannot know
        return review_id

    monkeypatch.setattr(col, "answer", commits_then_reports_busy)
    session = col.session()
    waited = []
    review_id = session.answer(session.next_card(), Rating.GOOD, on_wait=lambda: waited.append(1))
    assert waited == [1] and failed == [review_id]
    assert col.progress().done_today == 1


def test_without_waiting_a_busy_collection_is_a_one_line_error(db_path, clock):
    col = open_col(db_path, clock)
    col.import_decks([basic_deck("A", 2)])
    holder = LockHolder(db_path)
    holder.hold()
    try:
        with pytest.raises(CollectionBusy, match="another window or an import is writing"):
            col.answer(col.next_card(), Rating.GOOD)
        assert col.next_card() is not None  # reading goes on while another window writes
    finally:
        holder.release()
        holder.close()
        col.close()


def test_cli_import_waiting_for_the_lock_says_so_in_one_line(
    db_path, tmp_path, clock, capsys, monkeypatch
):
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    open_col(db_path, clock).close()
    deck = tmp_path / "korea.md"
    deck.write_text("Capital of North Korea :: Pyongyang\n", encoding="utf-8")
    holder = LockHolder(db_path)
    holder.hold()
    # The lock is let go only once the import has said it waits, and a few busy timeouts later
    # (it tries again meanwhile): however slowly the command starts, it meets the lock held.
    waiting = threading.Event()
    say_once = cli._say_once
    monkeypatch.setattr(
        cli, "_say_once", lambda say: say_once(lambda line: (say(line), waiting.set()))
    )

    def release_once_waited() -> None:
        waiting.wait(60)
        time.sleep(3 * BUSY_TIMEOUT_MS / 1000)
        holder.release()

    releaser = threading.Thread(target=release_once_waited)
    releaser.start()
    try:
        assert main(["import", str(deck), "--db", str(db_path)]) == 0
    finally:
        waiting.set()
        releaser.join()
        holder.close()
    out, err = capsys.readouterr()
    assert err == f"revise: {WAITING}\n"
    assert "1 added" in out


def test_review_screen_waits_for_a_busy_collection_and_stores_the_answer_once(db_path, tui_clock):
    col = open_col(db_path, tui_clock)
    col.import_decks([basic_deck("A", 3)])
    app = make_app(col, tui_clock, study=True)
    holder = LockHolder(db_path)

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert isinstance(pilot.app.screen, ReviewScreen)
            holder.hold()
            await pilot.press("space", "3")
            await pilot.pause(6 * BUSY_TIMEOUT_MS / 1000)
            assert WAITING in screen_text(pilot)
            assert text_of(pilot, "#card-prompt") == "Question 0?"  # nothing moved on yet
            holder.release()
            await settle(pilot)
            assert text_of(pilot, "#card-prompt") == "Question 1?"
            assert "1 done" in screen_text(pilot)
            assert WAITING not in screen_text(pilot)

    try:
        asyncio.run(scenario())
    finally:
        holder.close()
        col.close()
    check = open_col(db_path, tui_clock)
    try:
        assert check.progress().done_today == 1
    finally:
        check.close()


def test_undo_pressed_while_the_answer_waits_is_done_once_the_answer_is_stored(db_path, tui_clock):
    """Again pressed by mistake, then u at once: the u is not dropped because the answer was
    still being stored; it takes the answer back when it is."""
    col = open_col(db_path, tui_clock)
    col.import_decks([basic_deck("A", 3)])
    app = make_app(col, tui_clock, study=True)
    holder = LockHolder(db_path)

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            holder.hold()
            await pilot.press("space", "1")
            await pilot.pause(3 * BUSY_TIMEOUT_MS / 1000)
            await pilot.press("u")
            await pilot.pause(3 * BUSY_TIMEOUT_MS / 1000)
            holder.release()
            await settle(pilot)
            assert text_of(pilot, "#card-prompt") == "Question 0?"
            assert "0 done" in screen_text(pilot)
            await pilot.press("space", "3")  # and the session goes on
            await settle(pilot)
            assert text_of(pilot, "#card-prompt") == "Question 1?"

    try:
        asyncio.run(scenario())
    finally:
        holder.close()
        col.close()
    check = open_col(db_path, tui_clock)
    try:
        assert check.progress().done_today == 1  # the Good answer alone
    finally:
        check.close()


def test_another_window_answers_while_an_import_is_matching(db_path, clock, monkeypatch):
    from revise.storage import merge

    col = open_col(db_path, clock)
    other = open_col(db_path, clock)
    col.import_decks([basic_deck("A", 3)])
    answered = []
    match_edited = merge._match_edited

    def matching_while_another_window_answers(*args):  # type: ignore[no-untyped-def]
        # With the import holding the write lock, this would wait and fail: CollectionBusy.
        answered.append(other.answer(other.next_card(), Rating.GOOD))
        return match_edited(*args)

    monkeypatch.setattr(merge, "_match_edited", matching_while_another_window_answers)
    try:
        report = col.import_decks([basic_deck("A", 4)])
        assert len(answered) == 1
        assert (report.decks[0].added, report.decks[0].unchanged) == (1, 3)
        assert col.progress().done_today == 1
    finally:
        other.close()
        col.close()


def test_an_import_matched_before_another_import_changed_the_deck_matches_again(col, clock):
    from revise.storage import engine as storage
    from revise.storage.merge import DeckReport, plan_deck, store_deck

    col.import_decks([basic_deck("A", 3)])
    wanted = basic_deck("A", 5)
    with storage.reading(col._engine) as connection:
        plan = plan_deck(connection, wanted)  # made from three stored notes
    col.import_decks([basic_deck("A", 4)])  # meanwhile another import adds a fourth
    report = DeckReport("A")
    with storage.writing(col._engine) as connection:
        store_deck(connection, wanted, clock(), report, plan=plan)
    assert (report.added, report.unchanged) == (1, 4)  # not the fourth added twice
    assert col.decks()[0].total == 5


def test_an_import_planned_while_another_window_imported_into_the_deck_plans_again(
    db_path, clock, monkeypatch
):
    """The plan is made without the write lock; a write by another window meanwhile is seen
    under the lock (SQLite: the connection's data_version) and the deck is matched again."""
    from revise.storage import merge

    col = open_col(db_path, clock)
    other = open_col(db_path, clock)
    col.import_decks([basic_deck("A", 3)])
    match_edited = merge._match_edited
    imported: list = []

    def matching_while_another_window_imports(*args):  # type: ignore[no-untyped-def]
        if not imported:
            imported.append(None)  # the other window's import matches too: once only
            imported[0] = other.import_decks([basic_deck("A", 4)])
        return match_edited(*args)

    monkeypatch.setattr(merge, "_match_edited", matching_while_another_window_imports)
    try:
        report = col.import_decks([basic_deck("A", 5)])
        assert imported[0].total_added == 1
        assert (report.decks[0].added, report.decks[0].unchanged) == (1, 4)  # not 2 added
        assert col.decks()[0].total == 5
    finally:
        other.close()
        col.close()


def items_table(path: Path, *changed: str, items: int = 10) -> Path:
    """A table of `items` questions, the last of them replaced by `changed` rows."""
    rows = [f"What is item {n}?,Answer {n}" for n in range(items - len(changed))]
    path.parent.mkdir(exist_ok=True)
    path.write_text("front,back\n" + "".join(f"{row}\n" for row in [*rows, *changed]), "utf-8")
    return path


@pytest.fixture
def small_table_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    from revise.formats import csvdeck

    monkeypatch.setattr(csvdeck, "ROWS_PER_BATCH", 3)


def test_an_unchanged_table_reimports_while_another_window_holds_the_write_lock(
    db_path, clock, tmp_path
):
    col = open_col(db_path, clock)
    path = items_table(tmp_path / "items.csv")
    col.import_file(path)
    holder = LockHolder(db_path)
    holder.hold()
    try:
        report = col.import_file(path)  # no write lock wanted: no CollectionBusy
        assert report.decks[0].summary() == "items: 0 added, 0 updated, 10 unchanged, 0 missing"
    finally:
        holder.release()
        holder.close()
        col.close()


def test_another_window_answers_while_a_changed_table_is_read(
    db_path, clock, tmp_path, monkeypatch, small_table_batches
):
    """A table is read before the write lock is taken: another window's answer meanwhile does
    not wait, and the table is read again under the lock (the collection changed)."""
    from revise.formats.csvdeck import TableReader

    col = open_col(db_path, clock)
    other = open_col(db_path, clock)
    path = items_table(tmp_path / "items.csv")
    col.import_file(path)
    items_table(path, "What is item 9?,Answer nine")
    answered = []
    passes = []
    batches = TableReader.batches

    def batches_while_another_window_answers(reader):  # type: ignore[no-untyped-def]
        passes.append(reader)
        for number, batch in enumerate(batches(reader)):
            if number == 1 and not answered:  # with the import holding the lock: CollectionBusy
                answered.append(other.answer(other.next_card(), Rating.GOOD))
            yield batch

    monkeypatch.setattr(TableReader, "batches", batches_while_another_window_answers)
    try:
        report = col.import_file(path)
        assert len(answered) == 1 and len(passes) == 2
        assert report.decks[0].summary() == "items: 0 added, 1 updated, 9 unchanged, 0 missing"
        assert col.progress().done_today == 1
    finally:
        other.close()
        col.close()


def test_a_changed_table_is_read_once_and_its_writes_made_under_the_lock(
    db_path, clock, tmp_path, monkeypatch, small_table_batches
):
    from revise.formats.csvdeck import TableReader

    col = open_col(db_path, clock)
    path = items_table(tmp_path / "items.csv")
    col.import_file(path)
    col.answer(col.next_card(), Rating.GOOD)
    passes = []
    batches = TableReader.batches
    monkeypatch.setattr(TableReader, "batches", lambda reader: passes.append(1) or batches(reader))
    items_table(path, "What is item 8?,Answer eight", "Capital of Peru?,Lima")

    report = col.import_file(path)

    assert len(passes) == 1
    assert report.decks[0].summary() == "items: 1 added, 1 updated, 8 unchanged, 1 missing"
    notes = {note.front: note for note in col.export_deck("items").notes}
    assert notes["What is item 8?"].back == "Answer eight"
    assert "Capital of Peru?" in notes
    assert sum(len(card.reviews) for card in notes["What is item 0?"].history) == 1


def test_a_table_another_window_imported_into_while_it_was_read_is_stored_once(
    db_path, clock, tmp_path, monkeypatch, small_table_batches
):
    from revise.formats.csvdeck import TableReader

    col = open_col(db_path, clock)
    other = open_col(db_path, clock)
    path = items_table(tmp_path / "items.csv")
    col.import_file(path)
    peru = "Capital of Peru?,Lima"
    longer = items_table(tmp_path / "longer" / "items.csv", peru, items=11)
    imported = []
    batches = TableReader.batches

    def batches_while_another_window_imports(reader):  # type: ignore[no-untyped-def]
        for batch in batches(reader):
            if not imported:
                imported.append(None)
                imported[0] = other.import_file(longer)  # the same new row, stored first
            yield batch

    monkeypatch.setattr(TableReader, "batches", batches_while_another_window_imports)
    items_table(path, peru, "Capital of Chile?,Santiago", items=12)
    try:
        report = col.import_file(path)
        assert imported[0].decks[0].added == 1
        assert report.decks[0].summary() == "items: 1 added, 0 updated, 11 unchanged, 0 missing"
        assert col.decks()[0].total == 12  # Peru stored once
    finally:
        other.close()
        col.close()


def test_a_table_with_more_changes_than_are_held_is_stored_as_it_is_read(
    db_path, clock, tmp_path, monkeypatch, small_table_batches
):
    from revise.storage import merge

    monkeypatch.setattr(merge, "HOLD_AT_MOST", 4)
    col = open_col(db_path, clock)
    told = []
    report = col.import_file(
        items_table(tmp_path / "items.csv"), progress=lambda *p: told.append(p)
    )
    assert report.decks[0].summary() == "items: 10 added, 0 updated, 0 unchanged, 0 missing"
    assert told[-1][0] == told[-1][1]
    assert [note.front for note in col.export_deck("items").notes] == [
        f"What is item {n}?" for n in range(10)
    ]
