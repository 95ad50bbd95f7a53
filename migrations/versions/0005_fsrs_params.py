"""FSRS parameters fitted to the user's reviews, per deck or for all, versioned.

Revision ID: 0005_fsrs_params
Revises: 0004_media
Create Date: 2026-11-25 22:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_fsrs_params"
down_revision = "0004_media"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduler_parameters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deck", sa.String(length=500), nullable=True),
        sa.Column("parameters", sa.Text(), nullable=True),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("log_loss", sa.Float(), nullable=True),
        sa.Column("rmse_bins", sa.Float(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduler_parameters")),
    )
    with op.batch_alter_table("scheduler_parameters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scheduler_parameters_deck"), ["deck"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scheduler_parameters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scheduler_parameters_deck"))
    op.drop_table("scheduler_parameters")
