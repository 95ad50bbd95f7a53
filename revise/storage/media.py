"""Pictures and sounds in the collection: one row of bytes per content (SHA-256), and the names
cards mention them by. Stored in the import's own transaction, so a failed import leaves none.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from sqlalchemy import Connection, insert, select, update

from revise.storage.models import MediaBlob, MediaFile

blobs_t = MediaBlob.__table__
files_t = MediaFile.__table__
_NAMES_PER_QUERY = 500  # well under any backend's limit on query parameters


def clean_name(name: str) -> str | None:
    """`name` if it is a bare file name (no folders, not `.` or `..`), else None."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
        return None
    return name if PurePosixPath(name).name == name else None


# A name written out for a viewer (Collection.media_file), with its temporary's `.` and `.part`,
# must fit the file system's 255 bytes.
MAX_VIEWER_NAME_BYTES = 200


def viewer_name(name: str) -> str:
    """The name media file `name` is written out under for a viewer: its own, or where that is
    too long for a file system (from a package revise once took in), a hash of it with its
    suffix, so the viewer still knows the kind of file."""
    try:
        if len(os.fsencode(name)) <= MAX_VIEWER_NAME_BYTES:
            return name
    except UnicodeError:  # a lone surrogate: no file system name
        pass
    suffix = PurePosixPath(name).suffix
    if not (suffix.isascii() and suffix[1:].isalnum() and len(suffix) <= 10):
        suffix = ""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16] + suffix


def store(connection: Connection, media: Mapping[str, bytes]) -> None:
    """Add or replace media files by name; names that are not bare file names are skipped."""
    for name, data in media.items():
        if clean_name(name) is None:
            continue
        digest = hashlib.sha256(data).hexdigest()
        known = connection.execute(
            select(blobs_t.c.sha256).where(blobs_t.c.sha256 == digest)
        ).scalar()
        if known is None:
            connection.execute(insert(blobs_t).values(sha256=digest, data=data))
        current = connection.execute(
            select(files_t.c.sha256).where(files_t.c.name == name)
        ).scalar()
        if current is None:
            connection.execute(insert(files_t).values(name=name, sha256=digest))
        elif current != digest:
            connection.execute(update(files_t).where(files_t.c.name == name).values(sha256=digest))


def read(connection: Connection, names: Iterable[str]) -> dict[str, bytes]:
    """The bytes of each named media file the collection has."""
    wanted = list(dict.fromkeys(names))
    found: dict[str, bytes] = {}
    for start in range(0, len(wanted), _NAMES_PER_QUERY):
        rows = connection.execute(
            select(files_t.c.name, blobs_t.c.data)
            .join(blobs_t, blobs_t.c.sha256 == files_t.c.sha256)
            .where(files_t.c.name.in_(wanted[start : start + _NAMES_PER_QUERY]))
        )
        found.update((name, bytes(data)) for name, data in rows)
    return found


def any_stored(connection: Connection) -> bool:
    """Whether the collection holds any media file."""
    return connection.execute(select(files_t.c.name).limit(1)).first() is not None
