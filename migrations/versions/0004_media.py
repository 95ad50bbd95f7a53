"""Media files live in the collection, keyed by content hash, so every computer opening it sees
them; the files of an existing `<db>.media/` folder beside a SQLite collection move in (the
folder itself is left in place, untouched).

Revision ID: 0004_media
Revises: 0003_review_uid
Create Date: 2026-11-25 22:45:00
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0004_media"
down_revision = "0003_review_uid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    blobs = op.create_table(
        "media_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_blobs")),
    )
    files = op.create_table(
        "media_files",
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["media_blobs.sha256"],
            name=op.f("fk_media_files_sha256_media_blobs"),
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_media_files")),
    )
    op.create_index(op.f("ix_media_files_sha256"), "media_files", ["sha256"], unique=False)
    folder = _media_folder()
    if folder is None or not folder.is_dir():
        return
    stored: set[str] = set()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest not in stored:
            op.bulk_insert(blobs, [{"sha256": digest, "data": data}])
            stored.add(digest)
        op.bulk_insert(files, [{"name": path.name, "sha256": digest}])


def _media_folder() -> Path | None:
    """The folder revise kept a SQLite collection's media in: `<db stem>.media` beside it."""
    url = op.get_bind().engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    database = Path(url.database)
    return database.with_name(database.stem + ".media")


def downgrade() -> None:
    op.drop_index(op.f("ix_media_files_sha256"), table_name="media_files")
    op.drop_table("media_files")
    op.drop_table("media_blobs")
