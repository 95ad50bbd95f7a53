"""A version of a deck's fitted parameters that says they were removed with the deck (the scope
has none of its own since): revise/study/tuning.py.

Revision ID: 0014_parameters_removed
Revises: 0013_note_origin
Create Date: 2026-11-26 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_parameters_removed"
down_revision = "0013_note_origin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scheduler_parameters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("removed", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("scheduler_parameters", schema=None) as batch_op:
        batch_op.drop_column("removed")
