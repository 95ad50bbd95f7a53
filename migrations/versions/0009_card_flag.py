"""Give cards a flag: 0 none, 1 red, 2 orange, 3 green, 4 blue (Anki's colours and numbers).

Revision ID: 0009_card_flag
Revises: 0008_review_leech
Create Date: 2026-11-26 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_card_flag"
down_revision = "0008_review_leech"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_column("flag")
