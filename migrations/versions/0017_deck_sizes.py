"""Each deck's count of cards, kept on SQLite in `deck_sizes` by triggers on `cards` in the
transaction of every card added, deleted or moved: the deck list reads a row per deck instead of
counting every card (a million cards: an index of a million entries read at each start, 0.3 s of
it from disk). On PostgreSQL the table is made and left empty: the cards are counted there (see
models.DeckSize).

Revision ID: 0017_deck_sizes
Revises: 0016_queue_indexes_covering
Create Date: 2026-11-26 20:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revise.storage.triggers import SQLITE_DECK_SIZES

revision = "0017_deck_sizes"
down_revision = "0016_queue_indexes_covering"
branch_labels = None
depends_on = None

_TRIGGERS = ("deck_sizes_on_card_added", "deck_sizes_on_card_deleted", "deck_sizes_on_card_moved")


def upgrade() -> None:
    op.create_table(
        "deck_sizes",
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("cards", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deck_id"],
            ["decks.id"],
            name=op.f("fk_deck_sizes_deck_id_decks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("deck_id", name=op.f("pk_deck_sizes")),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    # Counted and then kept in the same transaction: no card can come or go in between.
    op.execute(
        "INSERT INTO deck_sizes (deck_id, cards)"
        " SELECT deck_id, count(*) FROM cards GROUP BY deck_id"
    )
    for statement in SQLITE_DECK_SIZES:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("deck_sizes")
