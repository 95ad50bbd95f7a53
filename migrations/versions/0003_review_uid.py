"""Give each answer the id its window made up for it, so an answer retried after an unknown
outcome (a busy or lost connection) is stored once.

Revision ID: 0003_review_uid
Revises: 0002
Create Date: 2026-11-25 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review_uid"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column and an index: SQLite adds both in place, without copying the log.
    op.add_column("reviews", sa.Column("uid", sa.String(32), nullable=True))
    op.create_index("ix_reviews_uid", "reviews", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_reviews_uid", table_name="reviews")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("uid")
