"""An index of the answers whose leech tag was put off while an import on a server held the note
(revise/study/leeches.py): whoever opens the collection or imports next finds them at once and
tags the note, also when the process that answered was killed first. It holds no row but those.

Revision ID: 0018_reviews_put_off
Revises: 0017_deck_sizes
Create Date: 2026-11-26 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_reviews_put_off"
down_revision = "0017_deck_sizes"
branch_labels = None
depends_on = None

_PUT_OFF = "leech >= 8"  # revise.storage.values.PUT_OFF_REVIEWS when this was written


def upgrade() -> None:
    op.create_index(
        "ix_reviews_put_off",
        "reviews",
        ["card_id"],
        sqlite_where=sa.text(_PUT_OFF),
        postgresql_where=sa.text(_PUT_OFF),
    )


def downgrade() -> None:
    op.drop_index("ix_reviews_put_off", table_name="reviews")
