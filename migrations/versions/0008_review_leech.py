"""What an answer did to a card that became a leech (tagged, suspended), so undo takes it back.

Revision ID: 0008_review_leech
Revises: 0007_review_days
Create Date: 2026-11-26 01:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_review_leech"
down_revision = "0007_review_days"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new column with no default: SQLite adds it without copying the review log.
    op.add_column("reviews", sa.Column("leech", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("leech")
