"""The triggers a SQLite collection depends on (the review days' sums, each deck's count of cards)
survive every migration: after each one the database holds exactly the triggers the revisions
it reached brought in, and a migration that rebuilds `cards` in Alembic's batch mode (which
drops the triggers on it) fails the upgrade, changing nothing, unless it makes them again; and
rebuilding `cards` keeps every review (dropping the old table with the foreign keys' actions on
would delete them, ON DELETE CASCADE)."""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import text

from revise import Collection, Rating
from revise.config import Config
from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind
from revise.storage import engine as storage
from revise.storage import triggers
from revise.storage.migrate import alembic_config, current_revision
from revise.storage.values import SCHEMA_HEAD
from tests.core_fixtures import basic_deck
from tests.test_deck_sizes import assert_kept


def trigger_names(engine) -> set[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return set(
            connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ).scalars()
        )


def test_each_migration_leaves_exactly_the_triggers_of_the_revisions_it_reached(tmp_path: Path):
    engine = storage.create(f"sqlite:///{tmp_path / 'stepped.db'}")
    try:
        config = alembic_config(engine)
        scripts = ScriptDirectory.from_config(config)
        in_order = [script.revision for script in reversed(list(scripts.walk_revisions()))]
        assert in_order[-1] == SCHEMA_HEAD
        for number, revision in enumerate(in_order):
            command.upgrade(config, revision)
            expected = triggers.expected_on_sqlite(in_order[: number + 1])
            assert trigger_names(engine) == set(expected), revision
        # At the head: the triggers a new collection is made with, no more and no fewer.
        assert set(triggers.expected_on_sqlite(in_order)) == {
            triggers.name_of(statement)
            for statement in triggers.SQLITE_TRIGGERS + triggers.SQLITE_DECK_SIZES
        }
    finally:
        engine.dispose()


# A later migration that rebuilds `cards` (a column's type changed, say): batch mode makes a new
# table, copies the rows and drops the old one, and its triggers with it.
_REBUILDS_CARDS = '''
"""Rebuild cards.

Revision ID: 9999_rebuild_cards
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

from revise.storage import triggers

revision = "9999_rebuild_cards"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cards", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("rebuilt", sa.Integer(), nullable=True))
{restore}

def downgrade() -> None:
    pass
'''


def _with_a_migration_that_rebuilds_cards(tmp_path: Path, restore: bool) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(
        str(files("revise._migrations")), folder, ignore=shutil.ignore_patterns("__pycache__")
    )
    ending = "    triggers.restore(op.get_bind(), revision)\n" if restore else ""
    (folder / "versions" / "9999_rebuild_cards.py").write_text(
        _REBUILDS_CARDS.format(head=SCHEMA_HEAD, restore=ending), "utf-8"
    )
    return folder


def _upgrade_with(folder: Path, engine) -> None:  # type: ignore[no-untyped-def]
    config = AlembicConfig()
    config.set_main_option("script_location", str(folder))
    config.attributes["engine"] = engine
    command.upgrade(config, "head")


def _collection(tmp_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    """Two decks, one card of them answered twice."""
    path = tmp_path / "kept.db"
    with Collection.open(path, config=Config(fuzz=False), clock=clock) as col:
        col.import_decks([basic_deck("Bio", count=3), basic_deck("Chem", count=2)])
        card = col.next_card("Bio")
        assert card is not None
        col.answer(card, Rating.AGAIN)
        col.answer(card, Rating.GOOD)
    return path


def _rows(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return {
            table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in ("cards", "notes", "reviews", "review_days", "deck_sizes")
        }


def test_a_migration_that_rebuilds_cards_and_drops_their_triggers_changes_nothing(
    tmp_path: Path, clock
):
    path = _collection(tmp_path, clock)
    engine = storage.create(f"sqlite:///{path}")
    try:
        before, rows = trigger_names(engine), _rows(engine)
        with pytest.raises(ReviseError) as failed:
            _upgrade_with(_with_a_migration_that_rebuilds_cards(tmp_path, restore=False), engine)
        message = str(failed.value)
        for lost in ("deck_sizes_on_card_added", "deck_sizes_on_card_moved"):
            assert lost in message
        assert "review_days_on_card_moved" in message
        assert "triggers.restore" in message
        # Rolled back whole: the revision, the table and its triggers as they were.
        assert current_revision(engine) == SCHEMA_HEAD
        assert trigger_names(engine) == before
        assert _rows(engine) == rows
        with engine.connect() as connection:
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(cards)")]
        assert "rebuilt" not in columns
    finally:
        engine.dispose()
    with Collection.open(path, config=Config(fuzz=False), clock=clock) as col:
        col.editing.add_notes("Bio", [NoteData(NoteKind.BASIC, "one more", "card")])
        assert_kept(col, {"Bio": 4, "Chem": 2})


def test_a_migration_that_rebuilds_cards_and_restores_the_triggers_keeps_every_row_and_count(
    tmp_path: Path, clock
):
    path = _collection(tmp_path, clock)
    engine = storage.create(f"sqlite:///{path}")
    try:
        before, rows = trigger_names(engine), _rows(engine)
        assert rows["reviews"] == 2
        _upgrade_with(_with_a_migration_that_rebuilds_cards(tmp_path, restore=True), engine)
        assert current_revision(engine) == "9999_rebuild_cards"
        assert trigger_names(engine) == before
        # Dropping the old `cards` deleted none of its cards' reviews (ON DELETE CASCADE).
        assert _rows(engine) == rows
        # The keys' actions are on again for what the connection does next.
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO cards (note_id, deck_id, position, ordinal, state, reps, lapses,"
                " suspended, flag, created_at) SELECT note_id, deck_id, position, ordinal + 1,"
                " 0, 0, 0, 0, 0, created_at FROM cards WHERE id = (SELECT min(id) FROM cards)"
            )
            sizes = dict(
                connection.exec_driver_sql(
                    "SELECT decks.name, cards FROM deck_sizes JOIN decks ON decks.id = deck_id"
                ).all()
            )
        assert sizes == {"Bio": 4, "Chem": 2}
    finally:
        engine.dispose()
