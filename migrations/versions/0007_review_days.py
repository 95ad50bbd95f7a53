"""Reviews summed per deck and study day, kept for the statistics screen.

The database itself notes which days a change touches (triggers on reviews, and on cards moved
to another deck), so every way of changing the review log (answers, undo, imports, deleted
cards or decks) keeps the sums true; those days are summed again when statistics are next read.

Revision ID: 0007_review_days
Revises: 0006_deck_options
Create Date: 2026-11-26 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revise.storage.triggers import POSTGRESQL_TRIGGERS, SQLITE_TRIGGERS

revision = "0007_review_days"
down_revision = "0006_deck_options"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_days",
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.BigInteger(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=False),
        sa.Column("again", sa.Integer(), nullable=False),
        sa.Column("young_kept", sa.Integer(), nullable=False),
        sa.Column("young", sa.Integer(), nullable=False),
        sa.Column("mature_kept", sa.Integer(), nullable=False),
        sa.Column("mature", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("deck_id", "day", name=op.f("pk_review_days")),
    )
    op.create_table(
        "review_days_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phase_ms", sa.BigInteger(), nullable=False),
        sa.Column("done_until", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_days_state")),
    )
    op.create_table(
        "review_days_stale",
        sa.Column("day", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_review_days_stale")),
    )
    triggers = (
        POSTGRESQL_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    )
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS review_days_on_change ON reviews")
        op.execute("DROP TRIGGER IF EXISTS review_days_on_card_moved ON cards")
        op.execute("DROP FUNCTION IF EXISTS review_days_mark_review()")
        op.execute("DROP FUNCTION IF EXISTS review_days_mark_card()")
    else:
        for name in ("insert", "delete", "update", "card_moved"):
            op.execute(f"DROP TRIGGER IF EXISTS review_days_on_{name}")
    op.drop_table("review_days_stale")
    op.drop_table("review_days_state")
    op.drop_table("review_days")
