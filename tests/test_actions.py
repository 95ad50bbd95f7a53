"""Card actions on one card or a selection, each one transaction and undoable; card info."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from revise.errors import ReviseError
from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.scheduling.scheduler import NEW, REVIEW, Rating
from revise.storage.models import Card, Deck, Note, Review
from revise.study.collection import Collection


def deck() -> DeckData:
    return DeckData(
        "Korea",
        [
            NoteData(
                NoteKind.BASIC,
                "Who led the USSR in 1950?",
                "Stalin",
                tags=("ussr",),
                source=SourceRef("notes/korea.txt", 3, 5),
                context="Korean War > Origins",
            ),
            NoteData(NoteKind.CLOZE, "The treaty was signed in [1950] by [Mao]."),
            NoteData(NoteKind.BASIC, "Capital of North Korea?", "Pyongyang"),
        ],
    )


@pytest.fixture
def korea(col: Collection) -> Collection:
    col.import_decks([deck()])
    return col


def ids(col: Collection, query: str = "") -> list[int]:
    return [row.id for row in col.search(query).rows]


def questions(col: Collection, query: str) -> list[str]:
    return [row.question for row in col.search(query).rows]


def count(col: Collection, table) -> int:  # type: ignore[no-untyped-def]
    with col._engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table.__table__)).scalar_one()


def test_suspend_and_unsuspend_leave_the_queue_and_undo(korea):
    first, second = ids(korea)[:2]
    assert korea.actions.set_suspended([first, second], True) == "Suspended 2 cards"
    assert set(ids(korea, "is:suspended")) == {first, second}
    assert korea.next_card().id not in (first, second)
    assert korea.actions.undo() == "Suspended 2 cards"
    assert ids(korea, "is:suspended") == []
    assert korea.actions.undo() is None


def test_bury_card_and_note_until_tomorrow(korea, clock):
    cloze = ids(korea, "treaty")
    assert len(cloze) == 2
    assert korea.actions.bury_notes(cloze[:1]) == "Buried 1 note (2 cards)"
    assert sorted(ids(korea, "is:buried")) == sorted(cloze)
    clock.advance(days=1)
    assert ids(korea, "is:buried") == []
    capital = ids(korea, "capital")
    korea.actions.set_buried(capital, True)
    assert ids(korea, "is:buried") == capital
    korea.actions.undo()
    assert ids(korea, "is:buried") == []


def test_flags_four_colours_and_none(korea):
    every = ids(korea)
    assert korea.actions.flag(every[:2], 1) == "Flagged 2 cards red"
    korea.actions.flag(every[2:3], 4)
    assert ids(korea, "flag:1") == every[:2] and ids(korea, "flag:4") == every[2:3]
    assert korea.actions.flag(every[:1], 0) == "Removed the flag of 1 card"
    assert ids(korea, "is:flagged") == every[1:3]
    with pytest.raises(ReviseError, match="no flag 5"):
        korea.actions.flag(every, 5)
    korea.actions.undo()
    korea.actions.undo()
    korea.actions.undo()
    assert ids(korea, "is:flagged") == []


def test_tags_added_and_removed_on_the_notes(korea):
    stalin = ids(korea, "stalin")
    cloze = ids(korea, "treaty")
    assert korea.actions.add_tags(stalin + cloze, ["cold-war", "ussr"]) == (
        "Tagged 2 notes cold-war ussr"
    )
    assert sorted(questions(korea, "tag:cold-war")) == sorted(
        ["Who led the USSR in 1950?", *questions(korea, "treaty")]
    )
    assert len(questions(korea, "tag:ussr")) == 3  # not added twice to the note that had it
    assert korea.actions.remove_tags(stalin, ["USSR"]) == "Removed USSR from 1 note"
    assert questions(korea, "tag:ussr") == questions(korea, "treaty")
    korea.actions.undo()
    korea.actions.undo()
    assert questions(korea, "tag:ussr") == ["Who led the USSR in 1950?"]
    assert questions(korea, "tag:cold-war") == []
    with pytest.raises(ReviseError, match="no tags given"):
        korea.actions.add_tags(stalin, ["  "])


def test_move_to_a_new_deck_and_undo_removes_it(korea):
    capital = ids(korea, "capital")
    assert korea.actions.move(capital, "Geography::Asia") == "Moved 1 card to Geography::Asia"
    assert questions(korea, "deck:Geography") == ["Capital of North Korea?"]
    assert [d.name for d in korea.decks()] == ["Geography::Asia", "Korea"]
    korea.import_decks([deck()])  # a re-import of its file leaves it where it was moved
    assert questions(korea, "deck:Geography") == ["Capital of North Korea?"]
    korea.actions.undo()
    assert questions(korea, "deck:Geography") == []
    assert [d.name for d in korea.decks()] == ["Korea"]
    with pytest.raises(ReviseError, match="want a name such as"):
        korea.actions.move(capital, "A:: ")


def test_reset_makes_cards_new_and_keeps_their_reviews(korea):
    stalin = ids(korea, "stalin")[0]
    korea.answer(stalin, Rating.EASY)
    assert ids(korea, "is:review") == [stalin]
    assert korea.actions.reset([stalin]) == "Reset 1 card to new"
    assert stalin in ids(korea, "is:new")
    assert count(korea, Review) == 1
    korea.actions.undo()
    assert ids(korea, "is:review") == [stalin]


def test_set_due_date_moves_studied_cards_and_leaves_new_ones(korea, clock):
    stalin, capital = ids(korea, "stalin")[0], ids(korea, "capital")[0]
    korea.answer(stalin, Rating.AGAIN)  # learning
    result = korea.actions.set_due([stalin, capital], "3")
    assert result == "Set the due date of 1 card (1 new card left new: study them first)"
    row = korea.search(f"cid:{stalin}").rows[0]
    assert row.state == REVIEW and stalin in ids(korea, "prop:due=3")
    assert korea.search(f"cid:{capital}").rows[0].state == NEW
    korea.actions.set_due([stalin], "0")
    assert ids(korea, "is:due") == [stalin]
    korea.actions.set_due([stalin], "1-7")
    assert stalin in ids(korea, "prop:due>=1 prop:due<=7")
    with pytest.raises(ReviseError, match="want days from today"):
        korea.actions.set_due([stalin], "soon")
    with pytest.raises(ReviseError, match="from low to high"):
        korea.actions.set_due([stalin], "7-1")
    for _ in range(3):
        korea.actions.undo()
    assert ids(korea, "is:learn") == [stalin]


def test_delete_removes_notes_with_their_cards_and_reviews_and_undo_restores_all(korea):
    cloze = ids(korea, "treaty")
    korea.answer(cloze[0], Rating.GOOD)
    korea.answer(cloze[0], Rating.GOOD)
    notes, cards, reviews = count(korea, Note), count(korea, Card), count(korea, Review)
    assert korea.actions.deletion_size(cloze[:1]) == (1, 2, 2)
    assert korea.actions.delete(cloze[:1]) == "Deleted 1 note (2 cards, 2 reviews)"
    assert ids(korea, "treaty") == []
    assert (count(korea, Note), count(korea, Card), count(korea, Review)) == (
        notes - 1,
        cards - 2,
        reviews - 2,
    )
    assert korea.actions.undo() == "Deleted 1 note (2 cards, 2 reviews)"
    assert (count(korea, Note), count(korea, Card), count(korea, Review)) == (
        notes,
        cards,
        reviews,
    )
    assert ids(korea, "treaty") == cloze
    assert korea.card_info(cloze[0]).card.reviews == 2


def test_a_card_deleted_in_the_browser_stays_deleted_when_its_file_is_imported_again(korea):
    korea.actions.delete(ids(korea, "capital"))

    report = korea.import_decks([deck()])

    assert ids(korea, "capital") == []
    assert report.decks[0].summary() == (
        "Korea: 0 added, 0 updated, 2 unchanged, 0 missing, 1 deleted in the app (not restored)"
    )
    report = korea.import_decks([deck()], restore=True)
    assert report.total_added == 1 and len(ids(korea, "capital")) == 1


def test_undoing_a_deletion_forgets_it_so_the_card_is_the_files_again(korea):
    capital = ids(korea, "capital")
    korea.actions.delete(capital)
    korea.actions.undo()

    report = korea.import_decks([deck()])

    assert ids(korea, "capital") == capital
    assert report.decks[0].summary() == "Korea: 0 added, 0 updated, 3 unchanged, 0 missing"
    korea.actions.delete(capital)  # deleted again: remembered again
    assert korea.import_decks([deck()]).decks[0].kept_deleted


def test_undo_keeps_an_answer_given_since(korea):
    capital = ids(korea, "capital")[0]
    korea.actions.flag([capital], 2)
    korea.answer(capital, Rating.GOOD)
    korea.actions.undo()
    row = korea.search(f"cid:{capital}").rows[0]
    assert row.flag == 0 and row.reviews == 1


def test_undo_belongs_to_the_collection_object_that_acted(korea, db, clock):
    other = Collection.open(db, clock=clock)
    try:
        other.actions.set_suspended(ids(other, "capital"), True)
        assert korea.actions.undo() is None
        assert len(ids(korea, "is:suspended")) == 1
    finally:
        other.close()


def test_card_info_lists_every_review_and_the_memory_now(korea, clock):
    stalin = ids(korea, "stalin")[0]
    assert korea.card_info(stalin).reviews == []
    assert korea.card_info(stalin).retrievability is None
    korea.answer(stalin, Rating.AGAIN, duration_ms=8000)
    clock.advance(minutes=2)
    korea.answer(stalin, Rating.GOOD, duration_ms=4000)
    clock.advance(minutes=11)
    korea.answer(stalin, Rating.GOOD, duration_ms=3000)
    clock.advance(days=2)
    info = korea.card_info(stalin)
    assert [(r.kind, r.rating_name, r.duration_ms) for r in info.reviews] == [
        ("Learn", "Again", 8000),
        ("Learn", "Good", 4000),
        ("Learn", "Good", 3000),
    ]
    assert info.reviews[0].interval is not None and info.reviews[0].interval < timedelta(hours=1)
    assert info.reviews[-1].interval >= timedelta(days=1)
    assert info.total_ms == 15000
    assert info.card.source == "notes/korea.txt:3-5" and info.card.tags == ("ussr",)
    assert info.card.context == "Korean War > Origins"
    assert info.front == "Who led the USSR in 1950?" and info.back == "Stalin"
    assert info.card.stability is not None and info.card.difficulty is not None
    assert info.retrievability is not None and 0 < info.retrievability < 1
    assert info.first_review == info.reviews[0].when
    with pytest.raises(ReviseError, match="no longer exists"):
        korea.card_info(99999)


def test_an_action_that_fails_changes_nothing(korea):
    every = ids(korea)
    with korea._engine.begin() as connection:
        assert connection.execute(select(func.count()).select_from(Deck.__table__)).scalar() == 1
    with pytest.raises(ReviseError):
        korea.actions.set_due(every, "-3")
    assert korea.actions.can_undo() is False
