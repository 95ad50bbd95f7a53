"""An import into a collection on a server reads the file and matches it with the stored notes in
a snapshot, without the import lock: another computer studies and edits meanwhile. Under the lock
the import checks that nothing it read changed, and writes what it worked out or works it out
again. No answer is lost, counted twice or undone, and no edit made in the app is written over."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text

from revise import Collection, Rating
from revise.formats import csvdeck
from revise.formats.csvdeck import TableReader
from revise.formats.model import CardHistory, DeckData, NoteData, NoteKind, ReviewData, ScheduleData
from revise.storage import merge, plan_check
from revise.storage.models import to_ms
from tests.core_fixtures import ROWS, START, table
from tests.test_postgres import in_thread, wait_until, waiting_for_locks


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Small batches; each pass over a table recorded as the sizes of the batches read so far."""
    monkeypatch.setattr(csvdeck, "ROWS_PER_BATCH", 3)
    read: list[list[int]] = []
    batches = TableReader.batches

    def counted(self: TableReader) -> Iterator[list[tuple[str, NoteData]]]:
        read.append([])
        for batch in batches(self):
            read[-1].append(len(batch))
            yield batch

    monkeypatch.setattr(TableReader, "batches", counted)
    return read


def card_of(col: Collection, front: str) -> int:
    with col._engine.connect() as connection:
        return connection.execute(
            text("SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id WHERE n.front = :f"),
            {"f": front},
        ).scalar_one()


def backs(col: Collection) -> dict[str, str]:
    return {note.front: note.back for note in col.export_deck("items").notes}


def test_another_computer_answers_a_card_the_import_changes_while_the_file_is_read(
    two, tmp_path, passes, monkeypatch
):
    laptop, desktop = two
    path = table(tmp_path / "items.csv", *ROWS)
    desktop.import_file(path)
    passes.clear()
    card = card_of(desktop, "What is item 0?")
    # A new row comes first (every card moves down one: item 0's is written in the first
    # batch) and item 5 gets a new answer.
    table(path, "What is item ten?,Answer 10", *ROWS[:5], "What is item 5?,Answer five", *ROWS[6:])
    answered: list[bool] = []
    batches = TableReader.batches

    def answer_while_reading(self: TableReader) -> Iterator[list[tuple[str, NoteData]]]:
        for number, batch in enumerate(batches(self)):
            yield batch
            if number == 1 and not answered:  # the import is half-way through the file
                thread, errors = in_thread(lambda: desktop.answer(card, Rating.GOOD))
                thread.join(timeout=10)
                answered.append(not thread.is_alive() and errors == [])

    monkeypatch.setattr(TableReader, "batches", answer_while_reading)

    report = laptop.import_file(path)

    assert answered == [True]  # the answer did not wait for the import to end
    assert report.decks[0].summary() == "items: 1 added, 1 updated, 9 unchanged, 0 missing"
    assert len(passes) == 1  # what was read before the lock was written: no second reading
    notes = laptop.export_deck("items").notes
    assert [note.front for note in notes][:2] == ["What is item ten?", "What is item 0?"]
    assert backs(laptop)["What is item 5?"] == "Answer five"
    with laptop._engine.connect() as connection:
        reps, reviews = connection.execute(
            text("SELECT reps, (SELECT count(*) FROM reviews) FROM cards WHERE id = :id"),
            {"id": card},
        ).one()
    assert (reps, reviews) == (1, 1)  # the answer stands, once
    assert laptop.progress().done_today == 1


def test_an_edit_made_while_the_file_was_read_is_kept_and_the_file_read_again(
    two, tmp_path, passes, monkeypatch
):
    laptop, desktop = two
    path = table(tmp_path / "items.csv", *ROWS)
    desktop.import_file(path)
    passes.clear()
    # The file changes items 0 and 5; on the desktop, item 5 and item 3 are edited, and item
    # 8 answered, after the laptop's import read the file and before it writes.
    table(path, "What is item 0?,Answer zero", *ROWS[1:5], "What is item 5?,Answer five", *ROWS[6:])
    seen = plan_check.seen

    def edited_meanwhile(connection, decks):  # type: ignore[no-untyped-def]
        planned = seen(connection, decks)
        desktop.editing.edit_note(card_of(desktop, "What is item 5?"), back="Five, edited")
        desktop.editing.edit_note(card_of(desktop, "What is item 3?"), back="Three, edited")
        desktop.answer(card_of(desktop, "What is item 8?"), Rating.GOOD)
        return planned

    monkeypatch.setattr(plan_check, "seen", edited_meanwhile)

    report = laptop.import_file(path)

    assert len(passes) == 2  # what was read no longer held: read again under the lock
    assert report.decks[0].summary() == (
        "items: 0 added, 1 updated, 8 unchanged, 0 missing, 1 changed in the app and in the file"
    )
    stored = backs(laptop)
    assert stored["What is item 0?"] == "Answer zero"
    assert stored["What is item 5?"] == "Five, edited"  # the app's edit wins the conflict
    assert stored["What is item 3?"] == "Three, edited"
    assert laptop.progress().done_today == 1


def test_an_edit_made_while_the_import_writes_waits_for_it_and_is_kept(
    two, tmp_path, passes, pg_url, pg_admin, monkeypatch
):
    laptop, desktop = two
    path = table(tmp_path / "items.csv", *ROWS)
    desktop.import_file(path)
    passes.clear()
    table(path, "What is item 0?,Answer zero", *ROWS[1:])
    card = card_of(desktop, "What is item 0?")
    database = pg_url.rsplit("/", 1)[1]
    holds = plan_check.still_holds
    editing: list[tuple[threading.Thread, list[BaseException]]] = []

    def edited_once_checked(*args):  # type: ignore[no-untyped-def]
        current = holds(*args)
        # Checked, and about to write item 0: an edit of it now waits for the import's commit.
        editing.append(in_thread(lambda: desktop.editing.edit_note(card, back="Zero, edited")))
        wait_until(lambda: waiting_for_locks(pg_admin, database) == 1, "the edit waits")
        return current

    monkeypatch.setattr(plan_check, "still_holds", edited_once_checked)

    report = laptop.import_file(path)

    [(thread, errors)] = editing
    thread.join()
    assert errors == []
    assert report.decks[0].summary() == "items: 0 added, 1 updated, 9 unchanged, 0 missing"
    assert len(passes) == 1
    assert backs(laptop)["What is item 0?"] == "Zero, edited"  # made after the import: it stands


def history(*days: int) -> list[CardHistory]:
    """One card reviewed Good on each of `days` before START, due 30 days after the last."""
    times = [START - timedelta(days=day) for day in days]
    schedule = ScheduleData(
        state=2,
        due=times[-1] + timedelta(days=30),
        stability=30.0,
        difficulty=5.0,
        last_review=times[-1],
        reps=len(times),
    )
    return [CardHistory(0, schedule, [ReviewData(time, 3) for time in times])]


def test_an_answer_made_while_an_import_brings_newer_reviews_of_its_card_is_not_undone(
    two, pg_url, pg_admin, clock
):
    laptop, desktop = two
    laptop.import_decks(
        [DeckData("Words", [NoteData(NoteKind.BASIC, "Hund", "dog", history=history(9))])]
    )
    card = card_of(laptop, "Hund")
    newer = DeckData("Words", [NoteData(NoteKind.BASIC, "Hund", "dog", history=history(9, 2))])
    database = pg_url.rsplit("/", 1)[1]
    # A third connection holds the card: the desktop's answer waits for it, then the laptop's
    # import, which read the card as it was before the answer, waits to write its schedule.
    holder = create_engine(pg_url)
    try:
        with holder.connect() as connection, connection.begin():
            connection.execute(text("SELECT id FROM cards WHERE id = :id FOR UPDATE"), {"id": card})
            answer, answer_errors = in_thread(lambda: desktop.answer(card, Rating.AGAIN))
            wait_until(lambda: waiting_for_locks(pg_admin, database) == 1, "the answer waits")
            reports = []
            importing, import_errors = in_thread(
                lambda: reports.append(laptop.import_decks([newer]))
            )
            wait_until(lambda: waiting_for_locks(pg_admin, database) == 2, "the import waits")
        answer.join()
        importing.join()
    finally:
        holder.dispose()
    assert answer_errors == import_errors == []
    assert reports[0].decks[0].reviews == 1  # the review of two days ago came in
    with laptop._engine.connect() as connection:
        times = connection.execute(
            text("SELECT reviewed_at FROM reviews WHERE card_id = :id ORDER BY reviewed_at"),
            {"id": card},
        ).scalars()
        last_review, lapses = connection.execute(
            text("SELECT last_review, lapses FROM cards WHERE id = :id"), {"id": card}
        ).one()
    days_ago = [START - timedelta(days=9), START - timedelta(days=2), START]
    assert list(times) == [to_ms(time) for time in days_ago]  # each review once
    assert last_review == to_ms(START) and lapses == 1  # the card is as the answer left it


def started_meanwhile(
    action: Callable[[], object],
    pg_admin,
    database: str,  # type: ignore[no-untyped-def]
) -> tuple[threading.Thread, list[BaseException]]:
    """`action` begun on another computer, once it waits for a lock or is done."""
    thread, errors = in_thread(action)
    wait_until(
        lambda: waiting_for_locks(pg_admin, database) == 1 or not thread.is_alive(),
        "it waits or is done",
    )
    return thread, errors


def test_an_edit_of_a_note_read_under_the_import_lock_waits_for_the_import_and_is_kept(
    two, tmp_path, passes, pg_url, pg_admin, monkeypatch
):
    laptop, desktop = two
    path = tmp_path / "items.csv"

    def write(changed: set[int]) -> None:
        lines = [f"{row},{'changed' if n in changed else 'same'}" for n, row in enumerate(ROWS)]
        path.write_text("front,back,tags\n" + "".join(f"{line}\n" for line in lines), "utf-8")

    write(set())
    desktop.import_file(path)
    passes.clear()
    # Items 0 and 1 change: more writes than the plan may hold, so the rest of the file is read
    # under the lock; item 7, changed too, is met there.
    monkeypatch.setattr(merge, "HOLD_AT_MOST", 1)
    write({0, 1, 7})
    card = card_of(desktop, "What is item 7?")
    item_7 = NoteData(NoteKind.BASIC, "What is item 7?", "Answer 7").key
    database = pg_url.rsplit("/", 1)[1]
    looked_up = merge._stored_by_key
    editing: list[tuple[threading.Thread, list[BaseException]]] = []

    def edited_once_read(connection, deck_id, keys, unread, **options):  # type: ignore[no-untyped-def]
        found = looked_up(connection, deck_id, keys, unread, **options)
        if item_7 in found and not editing:  # read, not yet written
            edit = lambda: desktop.editing.edit_note(card, back="Seven, edited")  # noqa: E731
            editing.append(started_meanwhile(edit, pg_admin, database))
        return found

    monkeypatch.setattr(merge, "_stored_by_key", edited_once_read)

    report = laptop.import_file(path)

    [(thread, errors)] = editing
    thread.join()
    assert errors == []
    assert report.decks[0].summary() == "items: 0 added, 3 updated, 7 unchanged, 0 missing"
    assert len(passes) == 1
    assert backs(laptop)["What is item 7?"] == "Seven, edited"  # made after the import: it stands


def test_a_deletion_in_a_deck_met_under_the_import_lock_waits_for_the_import_and_stands(
    two, tmp_path, passes, pg_url, pg_admin, monkeypatch
):
    laptop, desktop = two
    path = tmp_path / "two-decks.csv"

    def write(changed: set[int]) -> None:
        rows = [
            f"{row},{'changed' if n in changed else 'same'},items" for n, row in enumerate(ROWS)
        ]
        rows += [f"More {n}?,More answer {n},same,more" for n in range(3)]
        path.write_text("front,back,tags,deck\n" + "".join(f"{row}\n" for row in rows), "utf-8")

    write(set())
    desktop.import_file(path)
    passes.clear()
    # Items 0 and 1 change: the plan stops there, and the deck "more" is first met under the lock.
    monkeypatch.setattr(merge, "HOLD_AT_MOST", 1)
    write({0, 1})
    card = card_of(desktop, "More 2?")
    database = pg_url.rsplit("/", 1)[1]
    opened = merge._open_streamed
    deleting: list[tuple[threading.Thread, list[BaseException]]] = []

    def deleted_once_opened(connection, info, *rest):  # type: ignore[no-untyped-def]
        deck = opened(connection, info, *rest)
        if info.name == "more":  # its notes read so far: none; More 2 comes last
            delete = lambda: desktop.editing.delete_notes([card])  # noqa: E731
            deleting.append(started_meanwhile(delete, pg_admin, database))
        return deck

    monkeypatch.setattr(merge, "_open_streamed", deleted_once_opened)

    report = laptop.import_file(path)

    [(thread, errors)] = deleting
    thread.join()
    assert errors == []
    assert [deck.summary() for deck in report.decks] == [
        "items: 0 added, 2 updated, 8 unchanged, 0 missing",
        "more: 0 added, 0 updated, 3 unchanged, 0 missing",
    ]
    assert len(passes) == 1
    # Deleted after the import: the card stays deleted (it did not come back as a new card).
    assert [note.front for note in laptop.export_deck("more").notes] == ["More 0?", "More 1?"]
