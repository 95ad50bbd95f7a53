"""Each deck's count of cards, kept on SQLite by the database (`deck_sizes`, filled by triggers
on `cards`): it stays the true count through every way cards come, go and move, the upgrade that
brings it in counts the cards already there, and a copy between backends counts them again. On
PostgreSQL the deck list counts the cards and the table stays empty."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, select, text

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.storage import engine as storage
from revise.storage.copy import copy_collection
from revise.storage.migrate import alembic_config
from revise.storage.models import Card, Deck, DeckSize
from tests.core_fixtures import basic_deck


def kept_and_counted(col: Collection) -> tuple[dict[str, int], dict[str, int]]:
    """deck name -> cards, as kept in deck_sizes and as counted from the cards (decks that hold
    none left out of both)."""
    with storage.reading(col._engine) as connection:
        kept = connection.execute(select(Deck.name, DeckSize.cards).join_from(DeckSize, Deck)).all()
        counted = connection.execute(
            select(Deck.name, func.count()).join_from(Card, Deck).group_by(Deck.name)
        ).all()
    return {name: n for name, n in kept if n}, dict(counted)


def assert_kept(col: Collection, expected: dict[str, int]) -> None:
    """The deck list's totals are `expected`; on SQLite the kept counts are too, on PostgreSQL
    none is kept."""
    kept, counted = kept_and_counted(col)
    assert counted == expected
    assert kept == (expected if col._engine.dialect.name == "sqlite" else {})
    totals = {deck.name: deck.total for deck in col.decks()}
    assert {name: total for name, total in totals.items() if total} == expected


def test_every_change_to_a_decks_cards_keeps_its_count(col: Collection):
    col.import_decks([basic_deck("Bio", count=5), basic_deck("Chem", count=2)])
    assert_kept(col, {"Bio": 5, "Chem": 2})

    col.editing.add_notes("Chem", [NoteData(NoteKind.REVERSED, "H2O", "water")])  # two cards
    assert_kept(col, {"Bio": 5, "Chem": 4})

    bio = [row.id for row in col.search("deck:Bio").rows]
    col.actions.move(bio[:2], "Physics")  # a new deck
    assert_kept(col, {"Bio": 3, "Chem": 4, "Physics": 2})
    col.actions.undo()
    assert_kept(col, {"Bio": 5, "Chem": 4})

    # A suspended card is kept in the count; the deck list leaves it out of its total.
    col.actions.set_suspended(bio[:1], True)
    _, counted = kept_and_counted(col)
    assert counted["Bio"] == 5
    assert {deck.name: deck.total for deck in col.decks()}["Bio"] == 4
    col.actions.undo()

    assert col.editing.delete_notes(bio[-1:]) == 1
    col.actions.delete(bio[-2:-1])  # a deletion that can be undone
    assert_kept(col, {"Bio": 3, "Chem": 4})
    col.actions.undo()
    assert_kept(col, {"Bio": 4, "Chem": 4})

    col.answer(col.next_card("Chem"), Rating.GOOD)  # an answer changes no count
    deletion = col.editing.delete_deck("Chem")
    assert deletion.cards == 4
    assert_kept(col, {"Bio": 4})
    col.editing.undo_delete_deck()
    assert_kept(col, {"Bio": 4, "Chem": 4})

    col.import_decks([basic_deck("Bio", count=2)])  # a re-import: three notes go missing
    kept, counted = kept_and_counted(col)
    assert counted == {"Bio": 4, "Chem": 4}
    assert kept == (counted if col._engine.dialect.name == "sqlite" else {})


def test_a_whole_deck_file_imported_at_once_is_counted(db: str, clock):
    decks = [
        DeckData(
            f"Deck {d}",
            [NoteData(NoteKind.BASIC, f"Q{d}-{i}?", f"A{i}") for i in range(1200 + d)],
        )
        for d in range(3)
    ]
    with Collection.open(db, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks(decks)
        assert_kept(col, {"Deck 0": 1200, "Deck 1": 1201, "Deck 2": 1202})


def test_a_first_import_into_a_new_file_is_counted(tmp_path: Path, clock):
    """A new file's first import is written without SQLAlchemy (storage/quick_import.py)."""
    from revise.cli import main

    deck = tmp_path / "bio.md"
    deck.write_text("".join(f"Q{i}? :: A{i}\n" for i in range(40)), "utf-8")
    path = tmp_path / "new.db"
    assert main(["--db", str(path), "import", str(deck)]) == 0
    with Collection.open(path, config=Config(fuzz=False), clock=clock) as col:
        assert_kept(col, {"bio": 40})


def test_the_upgrade_counts_the_cards_already_there(tmp_path: Path, clock):
    path = tmp_path / "old.db"
    with Collection.open(path, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck("Bio", count=3), basic_deck("Chem", count=2)])
    engine = storage.create(f"sqlite:///{path}")
    # As a collection made before the counts were kept.
    command.downgrade(alembic_config(engine), "0016_queue_indexes_covering")
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM sqlite_master")).scalars().all()
        assert not [name for name in names if name.startswith("deck_sizes")]
    engine.dispose()

    with Collection.open(path, config=Config(fuzz=False), clock=clock) as col:
        assert col.backup is not None and col.backup.exists()
        assert_kept(col, {"Bio": 3, "Chem": 2})
        col.editing.add_notes("Bio", [NoteData(NoteKind.BASIC, "new", "card")])
        assert_kept(col, {"Bio": 4, "Chem": 2})


def test_a_copy_between_backends_counts_the_cards_again(tmp_path: Path, new_pg_database, clock):
    source = tmp_path / "source.db"
    with Collection.open(source, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck("Bio", count=3), basic_deck("Chem", count=2)])
    on_server = new_pg_database()
    copy_collection(str(source), on_server)
    back = tmp_path / "back.db"
    copy_collection(on_server, str(back))
    for target in (on_server, str(back)):
        with Collection.open(target, config=Config(fuzz=False), clock=clock) as col:
            assert_kept(col, {"Bio": 3, "Chem": 2})
