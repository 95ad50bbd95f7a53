"""The upgrade that lets the deck list count a deck's due cards from the queue's index alone
(0016): every card and every count is as it was, on both backends."""

from __future__ import annotations

from sqlalchemy import inspect

from revise import Collection, Rating
from revise.config import Config
from revise.storage.engine import create, database_url
from revise.storage.migrate import alembic_config
from tests.core_fixtures import Clock, basic_deck

BEFORE = "0015_queue_indexes_partial"
COVERING = ("id", "suspended", "buried_until")


def _index_columns(db: str) -> dict[str, list[str]]:
    engine = create(database_url(db))
    try:
        return {
            index["name"]: index["column_names"] for index in inspect(engine).get_indexes("cards")
        }
    finally:
        engine.dispose()


def _downgrade(db: str, revision: str) -> None:
    from alembic import command

    engine = create(database_url(db))
    try:
        command.downgrade(alembic_config(engine), revision)
    finally:
        engine.dispose()


def test_the_upgrade_to_the_covering_indexes_keeps_every_card_and_count(db: str, clock: Clock):
    config = Config(fuzz=False, reviews_per_day=3)
    with Collection.open(db, config=config, clock=clock) as col:
        col.import_decks([basic_deck("Alpha", 8), basic_deck("Beta", 6)])
        for _ in range(5):  # reviews due in a few days
            card = col.next_card("Alpha")
            assert card is not None
            col.answer(card, Rating.EASY)
        clock.advance(days=30)
        due = col.next_card("Alpha")
        assert due is not None and due.reps == 1
        col.actions.set_suspended([due.id], True)
        resting = col.next_card("Beta")
        assert resting is not None
        col.actions.set_buried([resting.id], True)
        before = col.overview()
        cards_before = col.search("")
    # Alpha: 4 reviews due after one was suspended, 3 under the limit, 7 cards not suspended;
    # Beta: 5 new cards after one was buried, all 6 counted.
    assert [(d.name, d.new, d.learning, d.due, d.total) for d in before[0]] == [
        ("Alpha", 3, 0, 3, 7),
        ("Beta", 5, 0, 0, 6),
    ]

    _downgrade(db, BEFORE)
    assert _index_columns(db)["ix_cards_queue"] == ["deck_id", "state", "due"]

    with Collection.open(db, config=config, clock=clock) as col:
        assert col.backup is not None and col.backup.exists()
        assert col.overview() == before
        assert col.search("") == cards_before
    indexes = _index_columns(db)
    assert indexes["ix_cards_queue"] == ["deck_id", "state", "due", *COVERING]


def test_a_copy_to_a_server_leaves_its_planner_knowing_the_tables_sizes(
    tmp_path, new_pg_database, clock: Clock
):
    """Right after `revise copy` to PostgreSQL the server had no statistics of the copied rows
    (its own analyze runs a minute later): it planned today's count of answers as a third of
    every review and read the whole review log on each answer and deck list. The copy ends by
    analyzing the tables."""
    from revise.storage.copy import copy_collection

    source = tmp_path / "source.db"
    with Collection.open(source, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck("Bio", count=40)])
        for _ in range(30):
            card = col.next_card()
            assert card is not None
            col.answer(card, Rating.GOOD)
    on_server = new_pg_database()
    copied = copy_collection(str(source), on_server)
    engine = create(database_url(on_server))
    try:
        with engine.connect() as connection:
            for table in ("notes", "cards", "reviews"):
                known = connection.exec_driver_sql(
                    f"SELECT reltuples FROM pg_class WHERE relname = '{table}'"
                ).scalar_one()
                assert known == copied[table] > 0, table
    finally:
        engine.dispose()
