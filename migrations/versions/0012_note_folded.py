"""Give notes a folded copy of their front, back, context and tags (lower case, no accents), so
search compares stored text instead of folding every note while it runs; fill it for every note.

Revision ID: 0012_note_folded
Revises: 0011_suspended_cards_index
Create Date: 2026-11-26 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revise.storage.folding import FOLDED_COLUMNS, folded

revision = "0012_note_folded"
down_revision = "0011_suspended_cards_index"
branch_labels = None
depends_on = None

ROWS_PER_BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("notes", schema=None) as batch_op:
        for name in FOLDED_COLUMNS.values():
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    notes = sa.table(
        "notes",
        sa.column("id"),
        *map(sa.column, FOLDED_COLUMNS),
        *map(sa.column, FOLDED_COLUMNS.values()),
    )
    fill = (
        notes.update()
        .where(notes.c.id == sa.bindparam("note_id"))
        .values({name: sa.bindparam(f"new_{name}") for name in FOLDED_COLUMNS.values()})
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(notes.c.id, *(notes.c[name] for name in FOLDED_COLUMNS))
            .where(notes.c.id > last)
            .order_by(notes.c.id)
            .limit(ROWS_PER_BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            fill,
            [
                {"note_id": row.id}
                | {
                    f"new_{name}": value
                    for name, value in folded(
                        {column: row._mapping[column] or "" for column in FOLDED_COLUMNS}
                    ).items()
                }
                for row in rows
            ],
        )
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("notes", schema=None) as batch_op:
        for name in FOLDED_COLUMNS.values():
            batch_op.drop_column(name)
