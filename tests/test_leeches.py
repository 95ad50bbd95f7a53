"""Leeches: a card forgotten again and again is tagged `leech` and suspended (or only tagged)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import DeckData
from revise.scheduling.scheduler import REVIEW
from revise.study.leeches import is_leech, leech_note
from tests.core_fixtures import basic_deck


def test_a_card_is_a_leech_at_the_threshold_then_every_half_threshold():
    assert [n for n in range(1, 25) if is_leech(n, 8)] == [8, 12, 16, 20, 24]
    assert [n for n in range(1, 12) if is_leech(n, 5)] == [5, 8, 11]  # half of 5 is 3
    assert [n for n in range(1, 4) if is_leech(n, 1)] == [1, 2, 3]
    assert not any(is_leech(n, 0) for n in range(1, 50))  # 0 turns leeches off


def forget_until(col: Collection, clock, session, lapses: int):  # type: ignore[no-untyped-def]
    """Study the one card of deck "D", answering Again whenever it is in review, until it has
    lapsed `lapses` times; returns the answer of the last lapse."""
    lapsed = 0
    while True:
        due = col.next_due("D")
        assert due is not None
        clock.now = max(clock.now, due)
        card = session.next_card()
        rating = Rating.AGAIN if card.state == REVIEW else Rating.GOOD
        session.answer(card, rating, 1000)
        if rating == Rating.AGAIN:
            lapsed += 1
            if lapsed == lapses:
                return session.answers[-1]


def tags_of(col: Collection) -> tuple[str, ...]:
    return col.export_deck("D").notes[0].tags


@pytest.fixture
def leechy(db, clock):  # type: ignore[no-untyped-def]
    def open_with(**settings):  # type: ignore[no-untyped-def]
        col = Collection.open(
            db, config=Config(fuzz=False, leech_threshold=3, **settings), clock=clock
        )
        col.import_decks([basic_deck("D", 1)])
        opened.append(col)
        return col

    opened: list[Collection] = []
    yield open_with
    for col in opened:
        col.close()


def test_the_lapse_that_makes_a_leech_tags_and_suspends_and_undo_takes_it_back(leechy, clock):
    col = leechy()
    session = col.session("D")
    answer = forget_until(col, clock, session, 2)
    assert answer.leech is None and tags_of(col) == ()
    answer = forget_until(col, clock, session, 1)
    assert answer.leech is not None
    assert (answer.leech.lapses, answer.leech.suspended) == (3, True)
    assert tags_of(col) == ("leech",)
    assert col.next_card("D") is None and col.next_due("D") is None  # suspended
    assert col.decks()[0].total == 0
    assert "forgotten 3 times" in leech_note(answer.leech)
    assert "suspended" in leech_note(answer.leech)

    session.undo()
    assert tags_of(col) == ()
    assert col.next_card("D") is not None  # shown again, to be answered anew
    assert col.decks()[0].total == 1


def test_tag_only_leaves_the_card_in_study_and_tags_once(leechy, clock):
    col = leechy(leech_action="tag")
    session = col.session("D")
    answer = forget_until(col, clock, session, 3)
    assert answer.leech is not None and not answer.leech.suspended
    assert tags_of(col) == ("leech",)
    assert "suspended" not in leech_note(answer.leech)
    # The next leech lapse (3 + 2) tells the user again; the tag is not doubled.
    answer = forget_until(col, clock, session, 2)
    assert answer.leech is not None and answer.leech.lapses == 5
    assert tags_of(col) == ("leech",)
    # Undoing the second leech lapse keeps the tag the first one added.
    session.undo()
    assert tags_of(col) == ("leech",)


def test_leeches_are_counted_in_the_statistics(leechy, clock):
    col = leechy()
    forget_until(col, clock, col.session("D"), 3)
    stats = col.statistics("D")
    assert (stats.leeches, stats.states["suspended"]) == (1, 1)


def test_reimporting_the_file_keeps_the_leech_tag_the_app_gave(leechy, clock):
    """The tag is the app's: the file it came from never had it. Re-importing the unchanged file
    said "1 updated" and took the tag off; a file that changes the note's tags or text keeps it
    too, and a file that writes the tag itself is not given it twice."""
    col = leechy()
    forget_until(col, clock, col.session("D"), 3)
    assert tags_of(col) == ("leech",)

    report = col.import_decks([basic_deck("D", 1)])
    assert report.decks[0].summary() == "D: 0 added, 0 updated, 1 unchanged, 0 missing"
    assert tags_of(col) == ("leech",)

    note = basic_deck("D", 1).notes[0]
    changed = DeckData("D", [replace(note, back="Answer 0, rewritten", tags=("chem",))])
    assert col.import_decks([changed]).decks[0].summary() == (
        "D: 0 added, 1 updated, 0 unchanged, 0 missing"
    )
    assert tags_of(col) == ("chem", "leech")
    assert col.export_deck("D").notes[0].back == "Answer 0, rewritten"

    written = DeckData("D", [replace(note, back="Answer 0, rewritten", tags=("leech", "chem"))])
    col.import_decks([written])
    assert tags_of(col) == ("leech", "chem")


def test_a_leech_made_while_another_computer_imports_its_note_keeps_both_tags(
    db, clock, monkeypatch, request
):
    """On a server the import locks the notes it rewrites, then their cards: an answer that
    made one of them a leech waited for the note with its card locked, a deadlock (a raw
    DeadlockDetected). Now the answer is stored at once (the next card is not held up), and the
    note is tagged and the card suspended once the import is done, on top of the tags the
    import wrote. On SQLite the import holds the whole file and the answer waits as every
    write does."""
    from revise.storage import plan_check
    from tests.test_postgres import in_thread

    config = Config(fuzz=False, leech_threshold=1)
    laptop = Collection.open(db, config=config, clock=clock)
    desktop = Collection.open(db, config=config, clock=clock)
    request.addfinalizer(laptop.close)
    laptop.import_decks([basic_deck("D", 1)])
    session = desktop.session("D")
    while (card := session.next_card()).state != REVIEW:
        session.answer(card, Rating.GOOD, 1000)
        clock.now = max(clock.now, desktop.next_due("D") or clock.now)
    holds = plan_check.still_holds
    answering: list = []
    server = desktop._engine.dialect.name == "postgresql"

    def lapsed_meanwhile(*args):  # type: ignore[no-untyped-def]
        current = holds(*args)
        if not answering:
            answering.append(in_thread(lambda: session.answer(card, Rating.AGAIN, 1000)))
            thread = answering[0][0]
            thread.join(10 if server else 0.5)
            assert thread.is_alive() is not server  # a server: stored without waiting
        return current

    monkeypatch.setattr(plan_check, "still_holds", lapsed_meanwhile)
    note = basic_deck("D", 1).notes[0]
    report = laptop.import_decks([DeckData("D", [replace(note, tags=("chem",))])])

    [(thread, errors)] = answering
    thread.join()
    assert errors == []
    assert report.decks[0].summary() == "D: 0 added, 1 updated, 0 unchanged, 0 missing"
    leech = session.answers[-1].leech
    assert leech is not None and leech.suspended
    desktop.close()  # waits for what was put off until the import was done
    assert tags_of(laptop) == ("chem", "leech")
    assert laptop.next_card("D") is None  # suspended
    assert laptop.decks()[0].total == 0
    if server:  # what was put off is recorded as done, for undo to take back
        from revise.study.leeches import MADE_LEECH, SUSPENDED_NOW, TAGGED

        with laptop._engine.connect() as connection:
            done = connection.exec_driver_sql(
                "SELECT leech FROM reviews ORDER BY id DESC LIMIT 1"
            ).scalar_one()
        assert done == MADE_LEECH | TAGGED | SUSPENDED_NOW


def studied_to_review(url: str, clock, config: Config):  # type: ignore[no-untyped-def]
    """A collection holding deck "D" of one card, studied until it is due in the review state."""
    col = Collection.open(url, config=config, clock=clock)
    col.import_decks([basic_deck("D", 1)])
    session = col.session("D")
    while (card := session.next_card()).state != REVIEW:
        session.answer(card, Rating.GOOD, 1000)
        clock.now = max(clock.now, col.next_due("D") or clock.now)
    return col


def leech_bits(col: Collection) -> int | None:
    return one_value(col, "SELECT leech FROM reviews ORDER BY id DESC LIMIT 1")


def one_value(col: Collection, query: str):  # type: ignore[no-untyped-def]
    with col._engine.connect() as connection:
        return connection.exec_driver_sql(query).scalar_one()


ANSWER_THEN_DIE = """
import sys, time
from datetime import datetime
from revise import Collection, Rating
from revise.config import Config

now = datetime.fromisoformat(sys.argv[2])
col = Collection.open(sys.argv[1], config=Config(fuzz=False, leech_threshold=1), clock=lambda: now)
review = col.answer(col.next_card("D"), Rating.AGAIN, 1000)
print("leech" if col.made_leech(review) else "no leech", flush=True)
time.sleep(60)  # killed here: the note's tag is still put off until the import is done
"""


def answer_in_a_process_killed_after(url: str, clock) -> None:  # type: ignore[no-untyped-def]
    """Another computer answers Again (a leech) and its process is killed at once."""
    from pathlib import Path

    process = subprocess.Popen(
        [sys.executable, "-c", ANSWER_THEN_DIE, url, clock.now.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline() == "leech\n"  # stored while the import holds the note
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()


@pytest.mark.parametrize("import_ends", ["committed", "failed"])
def test_a_leech_tag_put_off_for_an_import_survives_the_answering_process_being_killed(
    pg_url, clock, monkeypatch, import_ends
):
    """The tag put off while an import held the note was written by a thread of the process
    that answered: killed before the import ended, the tag and the suspension were lost. Now
    the answer's mark is found by whoever comes next: the import once it commits, or, if the
    import failed (or was killed) too, the next computer to open the collection."""
    from revise.storage import plan_check
    from revise.study.leeches import MADE_LEECH, SUSPEND_LATER, SUSPENDED_NOW, TAG_LATER, TAGGED

    laptop = studied_to_review(pg_url, clock, Config(fuzz=False, leech_threshold=1))
    holds = plan_check.still_holds

    def answered_on_a_computer_then_killed(*args):  # type: ignore[no-untyped-def]
        current = holds(*args)
        answer_in_a_process_killed_after(pg_url, clock)
        if import_ends == "failed":
            raise OSError("the import stopped")
        return current

    monkeypatch.setattr(plan_check, "still_holds", answered_on_a_computer_then_killed)
    note = basic_deck("D", 1).notes[0]
    changed = DeckData("D", [replace(note, tags=("chem",))])
    try:
        if import_ends == "failed":
            with pytest.raises(OSError):
                laptop.import_decks([changed])
            assert tags_of(laptop) == ()  # nobody has tagged it yet
            assert leech_bits(laptop) == MADE_LEECH | TAG_LATER | SUSPEND_LATER
            laptop.close()
            laptop = Collection.open(pg_url, config=Config(fuzz=False), clock=clock)
            expected: tuple[str, ...] = ("leech",)
        else:
            report = laptop.import_decks([changed])
            assert report.decks[0].summary() == "D: 0 added, 1 updated, 0 unchanged, 0 missing"
            expected = ("chem", "leech")
        assert tags_of(laptop) == expected
        assert laptop.next_card("D") is None  # suspended
        assert leech_bits(laptop) == MADE_LEECH | TAGGED | SUSPENDED_NOW  # for undo
    finally:
        laptop.close()


def test_undoing_a_leech_answer_before_the_import_ends_leaves_no_tag_behind(
    pg_url, clock, monkeypatch
):
    """An answer whose leech tag waits for an import, taken back before the import ends, is
    gone with its mark: the note is not tagged and the card not suspended afterwards."""
    from revise.storage import plan_check
    from tests.test_postgres import in_thread

    config = Config(fuzz=False, leech_threshold=1)
    laptop = studied_to_review(pg_url, clock, config)
    desktop = Collection.open(pg_url, config=config, clock=clock)
    session = desktop.session("D")
    card = session.next_card()
    reviews = one_value(laptop, "SELECT count(*) FROM reviews")
    holds = plan_check.still_holds
    undone: list = []

    def answered_and_undone_meanwhile(*args):  # type: ignore[no-untyped-def]
        current = holds(*args)
        for step in (
            lambda: session.answer(card, Rating.AGAIN, 1000),
            lambda: undone.append(session.undo()),
        ):
            thread, errors = in_thread(step)
            thread.join(10)
            assert not thread.is_alive() and errors == []  # neither waits for the import
        return current

    monkeypatch.setattr(plan_check, "still_holds", answered_and_undone_meanwhile)
    note = basic_deck("D", 1).notes[0]
    try:
        laptop.import_decks([DeckData("D", [replace(note, tags=("chem",))])])
        desktop.close()  # waits for the put-off tag's thread: it finds the answer gone
        assert undone and undone[0].id == card.id
        assert tags_of(laptop) == ("chem",)
        assert one_value(laptop, "SELECT count(*) FROM reviews") == reviews
        again = laptop.next_card("D")
        assert again is not None and (again.id, again.state) == (card.id, REVIEW)
    finally:
        laptop.close()
