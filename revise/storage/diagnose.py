"""Database failures told in one line: which file, what went wrong, what to do.

SQLite reports a full disk, a read-only file, a damaged page or a folder it cannot create a file
in by its result code; each becomes a ReviseError naming the database.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from revise.errors import ReviseError
from revise.textsafe import quoted

# Where the collection can live: the URL schemes revise opens, with an example each.
SUPPORTED_URLS = "a file path, sqlite:///PATH or postgresql://USER@HOST/NAME"
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def explain(error: BaseException, where: str | Path) -> ReviseError:
    """A one-line ReviseError for a database failure (a DBAPI error, or SQLAlchemy's wrapper)."""
    if "://" in str(where) and not str(where).startswith("sqlite"):
        from revise.storage import server

        return server.explain(error, str(where)) or server.failure(error, str(where))
    original = getattr(error, "orig", None) or error
    name = getattr(original, "sqlite_errorname", "") or ""
    detail = str(original).strip().splitlines()[0] if str(original).strip() else name
    if name == "SQLITE_FULL":
        return ReviseError(
            f"{where}: the disk is full ({detail}); nothing was changed: free some space and "
            "try again"
        )
    if name.startswith("SQLITE_IOERR"):
        from revise.formats.files import file_size_limit, file_size_limit_advice

        if (limit := file_size_limit()) is not None:  # the likely cause of a write failing
            return ReviseError(
                f"{where}: cannot write the database ({detail}); nothing was changed: "
                f"{file_size_limit_advice(limit)}"
            )
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_PERM":
        return read_only_error(where)
    if name.startswith("SQLITE_CORRUPT"):
        return ReviseError(
            f"{where}: the database is damaged ({detail}); restore a copy of it, or open "
            "another with --db"
        )
    if name == "SQLITE_NOTADB":
        return ReviseError(f"{where}: not a revise database ({detail}); open another with --db")
    if name.startswith("SQLITE_CANTOPEN"):
        folder = Path(where).parent
        if not os.access(folder, os.W_OK):
            return ReviseError(
                f"{where}: cannot create or open the database: the folder {folder} is "
                "read-only (make it writable, or choose another place with --db)"
            )
        return ReviseError(f"{where}: cannot open the database ({detail}); check the path")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ReviseError(
            f"{where}: the database is busy (another revise or program is writing to it); "
            "try again when it has finished"
        )
    return ReviseError(f"{where}: database error ({detail})")


def read_only_error(where: str | Path) -> ReviseError:
    return ReviseError(
        f"{where}: the database is read-only; make the file and its folder writable "
        "(chmod u+w), or open another with --db"
    )


def is_read_only(path: Path) -> bool:
    """Whether SQLite could not write to the database file at `path` (which exists): the file,
    or the folder that must hold its write-ahead log, is not writable."""
    if not os.access(path, os.W_OK):
        return True
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        return not os.access(wal, os.W_OK)
    return not os.access(path.parent, os.W_OK)


def check_url(url: str) -> None:
    """Refuse, in one line, a URL naming a database revise does not store collections in."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        raise ReviseError(f"{url}: not a database URL (use {SUPPORTED_URLS})") from None
    if backend not in SUPPORTED_BACKENDS:
        raise ReviseError(
            f"{_shown(url)}: revise cannot keep a collection in {backend} (use {SUPPORTED_URLS})"
        )


def missing_driver(url: str, module: str) -> ReviseError:
    return ReviseError(
        f"{_shown(url)}: the database driver is not installed (no module named {quoted(module)}); "
        "install it with pip"
    )


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def is_database_error(error: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError

    return isinstance(error, DBAPIError | sqlite3.Error)


def remove_if_empty(path: Path) -> None:
    """Remove a collection file a command made and left empty (with its -wal and -shm), as if
    it had never been made: a failed command creates nothing. A file holding any table, or
    that cannot be read, is left alone."""
    try:
        wal = Path(f"{path}-wal")
        # Without a write-ahead log to read, the file is read as it is, needing no -shm to be
        # written beside it (a full disk may not allow that).
        settled = "&immutable=1" if not wal.exists() or not wal.stat().st_size else ""
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{settled}", uri=True)
        try:
            empty = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        finally:
            connection.close()
        if empty:
            for suffix in ("-wal", "-shm", ""):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    except (sqlite3.Error, OSError):
        pass
