"""Bringing a database to the current schema: created at head, upgraded after a backup copy.

When the schema is already current Alembic is not imported at all: the version is read with one
query and compared with SCHEMA_HEAD. A brand-new database is made from the models' metadata in
one transaction and stamped with SCHEMA_HEAD, as Alembic stamps it, instead of running every
migration in turn (a test keeps the two schemas the same); upgrades always run the migrations.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Column, Engine, MetaData, PrimaryKeyConstraint, String, Table, inspect, text

from revise.errors import ReviseError
from revise.formats.files import atomic_target
from revise.storage.values import SCHEMA_HEAD

# Alembic's own version table, as it creates it.
_VERSION_TABLE = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine, path: Path | None) -> tuple[bool, Path | None]:
    """Create or upgrade the schema: (whether it was created now, the backup made first)."""
    if current_revision(engine) == SCHEMA_HEAD:
        return False, None
    from revise.storage.engine import schema_lock

    with schema_lock(engine):  # a second computer starting now waits, then finds it done
        return _bring_to_head(engine, path)


def _bring_to_head(engine: Engine, path: Path | None) -> tuple[bool, Path | None]:
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return False, None
    if revision is not None and revision not in known_revisions(engine):
        # Checked before any backup: each run would otherwise leave another copy behind.
        raise ReviseError(
            f"{path or engine.url}: made by a newer revise (database schema {revision}; this "
            f"version knows up to {SCHEMA_HEAD}); upgrade revise, or open another with --db"
        )
    if revision is None:
        if _has_user_tables(engine):
            raise ReviseError(
                f"{path or engine.url}: this database was not made by revise "
                "(open another file with --db)"
            )
        create_at_head(engine)
        return True, None
    if path is not None:
        backup = backup_copy(path, revision)
    else:
        from revise.storage.copy import backup_before_upgrade

        backup = backup_before_upgrade(engine, revision)
    upgrade(engine)
    prune_upgrade_backups(backup)
    return False, backup


def create_at_head(engine: Engine) -> None:
    """Make the schema of an empty database from the models and stamp it with SCHEMA_HEAD."""
    from revise.storage import triggers
    from revise.storage.models import Base

    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        triggers.create(connection)
        _VERSION_TABLE.create(connection)
        connection.execute(_VERSION_TABLE.insert().values(version_num=SCHEMA_HEAD))


def sqlite_schema_source() -> str:
    """The text of revise/storage/sqlite_schema.py: the statements `create_at_head` runs on a
    new SQLite file, as SQLite keeps them, for a first import made without SQLAlchemy
    (revise/storage/quick_import.py). Written by `python -m revise.storage.migrate`; a test
    keeps the file equal to this."""
    import json

    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        create_at_head(engine)
        with engine.connect() as connection:
            # Tables in the order they were made (those referred to first), then their
            # indexes by name (made in no set order), then the triggers in their order.
            statements = list(
                connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY"
                    " CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END,"
                    " CASE type WHEN 'index' THEN name END, rowid"
                ).scalars()
            )
    finally:
        engine.dispose()
    listed = "".join(
        "".join(f"\n    {json.dumps(line)}" for line in statement.splitlines(keepends=True)) + ","
        for statement in statements
    )
    return (
        f"{_GENERATED_DOCSTRING}\n# ruff: noqa: E501\n\nHEAD = {json.dumps(SCHEMA_HEAD)}\n"
        f"# fmt: off\nSTATEMENTS = ({listed}\n)\n# fmt: on\n"
    )


_GENERATED_DOCSTRING = '''"""A new SQLite collection's schema at HEAD, as `create_at_head` makes
it from the models (revise/storage/models.py, the schema's one definition) and SQLite keeps it.
Written by `python -m revise.storage.migrate` after a change to the models or a new migration,
never by hand: tests/test_quick_import.py fails while it is out of date."""'''


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def known_revisions(engine: Engine) -> set[str]:
    """Every schema revision this version of revise can upgrade from."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(engine))
    return {script.revision for script in scripts.walk_revisions()}


def backup_copy(path: Path, revision: str) -> Path:
    """A consistent copy of the database (SQLite's backup API), taken before an upgrade.

    It is written under a temporary name and renamed when complete, so a file named like a
    backup is a whole one; older backups of the same revision (from upgrades that failed and
    were retried) are then removed, as the new copy holds everything they did.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    with atomic_target(target) as temporary:
        source = sqlite3.connect(path)
        try:
            destination = sqlite3.connect(temporary)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
    for older in path.parent.glob(f"{glob.escape(path.name)}.backup-{glob.escape(revision)}-*"):
        if older != target:
            older.unlink(missing_ok=True)
    return target


KEPT_UPGRADE_BACKUPS = 3  # pre-upgrade copies of a collection kept, the newest first

# A pre-upgrade copy's name: the collection's, the schema it held, when it was taken; on a
# server, `.db` after (copy.backup_path). Copies of other kinds (`revise backup`, a deck
# deletion's) carry no schema revision and are never pruned.
_UPGRADE_BACKUP = re.compile(
    r"(?P<name>.+)\.backup-\d{4}(?:_\w+)?-(?P<stamp>\d{8}T\d{6}Z)(?P<end>(?:\.db)?)"
)


def prune_upgrade_backups(made: Path) -> None:
    """After an upgrade succeeded: remove the collection's pre-upgrade copies beside `made`, the
    one taken for it, but the newest KEPT_UPGRADE_BACKUPS (`made` among them, whatever its
    time); each upgrade would otherwise leave one more copy of the whole collection."""
    this = _UPGRADE_BACKUP.fullmatch(made.name)
    if this is None:
        return
    others = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(made.parent):
            match = _UPGRADE_BACKUP.fullmatch(entry.name)
            if (
                match is not None
                and entry.name != made.name
                and match["name"] == this["name"]
                and match["end"] == this["end"]
            ):
                others.append((match["stamp"], entry.name))
    others.sort(reverse=True)
    for _, name in others[KEPT_UPGRADE_BACKUPS - 1 :]:
        with contextlib.suppress(OSError):
            (made.parent / name).unlink()


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("revise._migrations")))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


if __name__ == "__main__":  # write revise/storage/sqlite_schema.py again (see sqlite_schema_source)
    Path(__file__).with_name("sqlite_schema.py").write_text(sqlite_schema_source(), "utf-8")
