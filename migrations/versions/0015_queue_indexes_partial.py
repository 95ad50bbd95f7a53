"""The queue's indexes on due (ix_cards_queue, ix_cards_state_due) hold only the cards that have a
due date: a new card has none, so answering it adds an entry to each instead of moving one (two
pages fewer written per answer), and the indexes are smaller by the new cards.

Revision ID: 0015_queue_indexes_partial
Revises: 0014_parameters_removed
Create Date: 2026-11-26 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_queue_indexes_partial"
down_revision = "0014_parameters_removed"
branch_labels = None
depends_on = None

_INDEXES = {"ix_cards_queue": ["deck_id", "state", "due"], "ix_cards_state_due": ["state", "due"]}
_SCHEDULED = "due IS NOT NULL"  # revise.storage.values.SCHEDULED_CARDS when this was written


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.drop_index(name, table_name="cards")
        op.create_index(
            name,
            "cards",
            columns,
            sqlite_where=sa.text(_SCHEDULED),
            postgresql_where=sa.text(_SCHEDULED),
        )


def downgrade() -> None:
    for name, columns in _INDEXES.items():
        op.drop_index(name, table_name="cards")
        op.create_index(name, "cards", columns)
