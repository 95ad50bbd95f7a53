"""The queue's index by deck and due date (ix_cards_queue) also holds each card's `suspended` and
`buried_until`: the deck list counts a deck's due and learning cards from the index alone, without
reading each counted card's row. On a million cards read from disk, the due counts read about 200
scattered pages of the table per deck (0.7-1.0 s); now a few pages of the index.

The new columns come after `id`: cards due at the same moment stay in the order of their ids, as
the queue takes them (`ORDER BY due, id`), so SQLite still picks a deck's next review from this
index rather than from ix_cards_state_due.

Revision ID: 0016_queue_indexes_covering
Revises: 0015_queue_indexes_partial
Create Date: 2026-11-26 19:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_queue_indexes_covering"
down_revision = "0015_queue_indexes_partial"
branch_labels = None
depends_on = None

_SCHEDULED = "due IS NOT NULL"  # revise.storage.values.SCHEDULED_CARDS when this was written
_BEFORE = ["deck_id", "state", "due"]
_AFTER = [*_BEFORE, "id", "suspended", "buried_until"]


def _index_queue(columns: list[str]) -> None:
    op.drop_index("ix_cards_queue", table_name="cards")
    op.create_index(
        "ix_cards_queue",
        "cards",
        columns,
        sqlite_where=sa.text(_SCHEDULED),
        postgresql_where=sa.text(_SCHEDULED),
    )


def upgrade() -> None:
    _index_queue(_AFTER)


def downgrade() -> None:
    _index_queue(_BEFORE)
