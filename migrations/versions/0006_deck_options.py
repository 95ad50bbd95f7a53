"""Options per deck (daily limits, desired retention, steps, maximum interval), inherited by
sub-decks unless set there.

Revision ID: 0006_deck_options
Revises: 0005_fsrs_params
Create Date: 2026-11-26 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_deck_options"
down_revision = "0005_fsrs_params"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deck_options",
        sa.Column("deck", sa.String(length=500), nullable=False),
        sa.Column("new_per_day", sa.Integer(), nullable=True),
        sa.Column("reviews_per_day", sa.Integer(), nullable=True),
        sa.Column("desired_retention", sa.Float(), nullable=True),
        sa.Column("learning_steps", sa.Text(), nullable=True),
        sa.Column("relearning_steps", sa.Text(), nullable=True),
        sa.Column("maximum_interval_days", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("deck", name=op.f("pk_deck_options")),
    )


def downgrade() -> None:
    op.drop_table("deck_options")
