"""What an Anki package said of a note when it was last imported (a digest), so that a
re-import of the package skips the notes it still says the same of.

Revision ID: 0013_note_origin
Revises: 0012_note_folded
Create Date: 2026-11-26 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_note_origin"
down_revision = "0012_note_folded"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_column("origin")
