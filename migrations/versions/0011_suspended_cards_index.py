"""Index the suspended cards of each deck (a partial index: only suspended cards are in it), so the
deck list counts a deck's cards without reading every card.

Revision ID: 0011_suspended_cards_index
Revises: 0010_app_edits
Create Date: 2026-11-26 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_suspended_cards_index"
down_revision = "0010_app_edits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_cards_suspended",
        "cards",
        ["deck_id"],
        sqlite_where=sa.text("suspended != 0"),
        postgresql_where=sa.text("suspended != 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_cards_suspended", table_name="cards")
