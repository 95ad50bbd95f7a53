"""Give cards their note's place in the deck, indexed: new cards are shown in that order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index(
            "ix_cards_new_order", ["deck_id", "state", "position", "ordinal"], unique=False
        )
    op.execute(
        "UPDATE cards SET position ="
        " (SELECT notes.position FROM notes WHERE notes.id = cards.note_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index("ix_cards_new_order")
        batch_op.drop_column("position")
