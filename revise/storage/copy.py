"""Copying a whole collection between backends (a SQLite file, a PostgreSQL database): every
deck, note, card, review and media file, row for row, at the source's schema revision.

`revise copy` moves a collection to or from a server; `revise backup` (and the automatic copy
before a schema upgrade of a server collection) writes one to a SQLite file. A copy into a file
is written under a temporary name and renamed when complete; a copy into a server database is
one transaction for the rows, and the tables it created are dropped again if it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, MetaData, insert, inspect, select, text

from revise.errors import ReviseError
from revise.storage import engine as storage
from revise.storage.migrate import current_revision, upgrade
from revise.storage.triggers import KEPT_BY_TRIGGERS

ROWS_PER_BATCH = 2000  # rows read and written at a time: bounded memory on big collections
SCHEMA_TABLE = "alembic_version"  # written by the migrations themselves


def copy_collection(
    source: str | Path, target: str | Path, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy the collection at `source` into `target`, a new file or an empty database.

    Returns the number of rows copied per table.
    """
    source_url, target_url = storage.database_url(source), storage.database_url(target)
    if source_url == target_url:
        raise ReviseError(f"{_shown(target_url)}: the copy must go somewhere else than its source")
    target_path = storage.sqlite_path(target_url)
    if target_path is not None:
        if target_path.exists():
            raise ReviseError(
                f"{target_path}: already exists (copy to a new file, or remove it first)"
            )
        from revise.formats.files import atomic_target

        target_path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_target(target_path) as temporary:
            return _copy_into(source_url, storage.database_url(temporary), progress, target_path)
    return _copy_into(source_url, target_url, progress, _shown(target_url))


def backup_to_file(source: str | Path, path: Path) -> Path:
    """A SQLite file holding the whole collection at `source` (either backend)."""
    copy_collection(source, path)
    return path


def backup_before_upgrade(engine: Engine, revision: str) -> Path:
    """The copy of a server collection taken before its schema is upgraded: a SQLite file in
    the data folder, `NAME.backup-REVISION-TIME.db`."""
    from revise.config import default_database_path

    url = engine.url.render_as_string(hide_password=False)
    target = backup_path(default_database_path().parent, collection_name(url), revision)
    return backup_to_file(url, target)


def backup_path(folder: Path, name: str, revision: str | None = None) -> Path:
    """`NAME.backup[-REVISION]-TIME.db` in `folder`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    middle = f"-{revision}" if revision else ""
    return folder / f"{name}.backup{middle}-{stamp}.db"


def collection_name(url: str) -> str:
    """A short name for a collection: its file's stem or its database's name."""
    path = storage.sqlite_path(url)
    if path is not None:
        return path.stem
    from sqlalchemy.engine import make_url

    return make_url(url).database or "revise"


@contextmanager
def _writing(target: str | Path) -> Iterator[None]:
    """A database failure while writing the copy (a full disk, a limit on file size) is told
    naming the copy being written, not the collection it is copied from."""
    from revise.storage.diagnose import explain, is_database_error

    try:
        yield
    except Exception as error:
        if not is_database_error(error):
            raise
        raise explain(error, target) from None


def _copy_into(
    source_url: str,
    target_url: str,
    progress: Callable[[str, int], None] | None,
    shown_target: str | Path,
) -> dict[str, int]:
    source = storage.create(source_url)
    target = storage.create(target_url)
    try:
        revision = current_revision(source)
        if revision is None:
            raise ReviseError(f"{_shown(source_url)}: not a revise collection (nothing to copy)")
        with _writing(shown_target), target.connect() as connection:
            if inspect(connection).get_table_names():
                raise ReviseError(
                    f"{_shown(target_url)}: already holds tables (copy into an empty database)"
                )
        with _writing(shown_target):
            upgrade(target, revision)
        try:
            counts = _copy_rows(source, target, progress, shown_target)
        except BaseException:
            _drop_everything(target)
            raise
        # A server's planner sees the rows at once, not when its own analyze comes a minute
        # later: until then it guessed a third of the reviews logged today, and read them all.
        with _writing(shown_target):
            storage.refresh_statistics(target)
        return counts
    finally:
        source.dispose()
        target.dispose()


def _copy_rows(
    source: Engine,
    target: Engine,
    progress: Callable[[str, int], None] | None,
    shown_target: str | Path,
) -> dict[str, int]:
    tables = MetaData()
    tables.reflect(source)
    counts: dict[str, int] = {}
    with _writing(shown_target):
        writer = target.connect()
    with writer, storage.reading(source) as reader:
        with _writing(shown_target):
            transaction = writer.begin()  # rolled back on leaving unless committed below
        for table in tables.sorted_tables:
            if table.name == SCHEMA_TABLE or table.name in KEPT_BY_TRIGGERS:
                continue
            counts[table.name] = 0
            order = list(table.primary_key.columns) or list(table.columns)
            rows = reader.execution_options(yield_per=ROWS_PER_BATCH).execute(
                select(table).order_by(*order)
            )
            for batch in rows.partitions():
                with _writing(shown_target):
                    writer.execute(insert(table), [row._asdict() for row in batch])
                counts[table.name] += len(batch)
                if progress:
                    progress(table.name, counts[table.name])
        with _writing(shown_target):
            if writer.dialect.name == "postgresql":
                _restart_id_sequences(writer, tables)
            transaction.commit()
    return counts


def _restart_id_sequences(connection, tables: MetaData) -> None:  # type: ignore[no-untyped-def]
    """Rows came with their ids: new rows must be numbered after them."""
    for table in tables.sorted_tables:
        if "id" not in table.columns or not table.c.id.primary_key:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                f" COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def _drop_everything(engine: Engine) -> None:
    """Leave a target database as empty as it was before a failed copy."""
    with suppress(Exception):
        tables = MetaData()
        tables.reflect(engine)
        tables.drop_all(engine)


def _shown(url: str) -> str:
    return describe(url)


def describe(url: str) -> str:
    """A collection as a user names it: its file's path, or its URL without the password."""
    path = storage.sqlite_path(url)
    if path is not None:
        return str(path)
    from revise.storage.server import shown

    return shown(url)
