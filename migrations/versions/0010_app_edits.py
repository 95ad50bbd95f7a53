"""Edits made in the app beside the files decks come from: what the file said when a note was
edited, notes deleted in the app, and the deck file a deck was read from.

Revision ID: 0010_app_edits
Revises: 0009_card_flag
Create Date: 2026-11-26 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_app_edits"
down_revision = "0009_card_flag"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edited_at", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("file_version", sa.Text(), nullable=True))
    with op.batch_alter_table("decks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("file", sa.Text(), nullable=True))
    op.create_table(
        "deleted_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deck_id"],
            ["decks.id"],
            name=op.f("fk_deleted_notes_deck_id_decks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deleted_notes")),
        sa.UniqueConstraint("deck_id", "key", name=op.f("uq_deleted_notes_deck_id")),
    )


def downgrade() -> None:
    op.drop_table("deleted_notes")
    with op.batch_alter_table("decks", schema=None) as batch_op:
        batch_op.drop_column("file")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_column("file_version")
        batch_op.drop_column("edited_at")
