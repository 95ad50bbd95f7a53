"""The database: created at head, upgraded with a backup first, SQLite settings in force."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, Float, create_engine, inspect
from sqlalchemy.types import TypeEngine

from revise import Collection, Rating
from revise.errors import ReviseError
from revise.storage.engine import database_url
from revise.storage.migrate import SCHEMA_HEAD, upgrade
from tests.core_fixtures import basic_deck


def test_schema_head_matches_the_newest_migration():
    from alembic.script import ScriptDirectory

    from revise.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config(None))
    assert script.get_current_head() == SCHEMA_HEAD


def test_new_sqlite_database_is_created_at_head_with_wal_and_foreign_keys(db_path: Path):
    col = Collection.open(db_path)
    try:
        assert col.is_new and col.backup is None
        with col._engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    finally:
        col.close()
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD


def test_answers_are_written_with_a_sync_to_disk_in_wal_mode(db_path: Path):
    """Each answer survives a power cut: the connections answers are written on run in WAL
    with synchronous FULL (NORMAL would let a power cut roll back the latest commits)."""
    from revise.storage.engine import writing

    with Collection.open(db_path) as col:
        col.import_decks([basic_deck(count=2)])
        col.answer(col.next_card(), Rating.GOOD)
        with writing(col._engine) as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert col.progress().done_today == 1


def test_older_database_is_upgraded_after_a_backup_and_keeps_every_row(db_path: Path, clock):
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0001")
    engine.dispose()
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO decks (id, name, description, tags, created_at) VALUES (1, 'Old', '', '', 0)"
    )
    raw.execute(
        "INSERT INTO notes (id, deck_id, key, explicit_key, kind, front, back, context, tags,"
        " media, position, missing, created_at, updated_at)"
        " VALUES (1, 1, 'k', 0, 'basic', 'Old question?', 'Old answer', '', '', '', 0, 0, 0, 0)"
    )
    raw.execute(
        "INSERT INTO cards (id, note_id, deck_id, ordinal, state, reps, lapses, suspended,"
        " created_at) VALUES (1, 1, 1, 0, 0, 0, 0, 0, 0)"
    )
    raw.commit()
    raw.close()

    col = Collection.open(db_path, clock=clock)
    try:
        assert col.backup is not None and col.backup.exists()
        assert not col.is_new
        card = col.next_card()
        assert card.prompt == "Old question?"
        col.answer(card, Rating.GOOD)
    finally:
        col.close()
    backup = sqlite3.connect(col.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert backup.execute("SELECT front FROM notes").fetchall() == [("Old question?",)]


def test_fitted_parameters_stay_in_use_through_the_upgrade_that_lets_decks_take_them(
    db_path: Path, clock
):
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0013_note_origin")
    engine.dispose()
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO scheduler_parameters (id, deck, parameters, reviews, created_at)"
        " VALUES (1, 'Old', ?, 500, 0)",
        (json.dumps([0.5] * 21),),
    )
    raw.commit()
    raw.close()

    col = Collection.open(db_path, clock=clock)
    try:
        in_use = col.parameters("Old::Sub")
        assert (in_use.scope, in_use.version, in_use.reviews) == ("Old", 1, 500)
    finally:
        col.close()


def test_current_database_opens_without_importing_alembic(db: str):
    Collection.open(db).close()
    code = (
        "import sys; from revise import Collection; "
        f"Collection.open({str(db)!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_core_does_not_import_textual():
    code = (
        "import sys, revise\n"
        "from revise import Collection, Rating\n"
        "import revise.study.collection, revise.formats.detect, revise.formats.deckfile\n"
        "import revise.scheduling.queue, revise.storage.merge\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)


def test_a_file_that_is_not_a_revise_database_is_refused(tmp_path: Path):
    other = tmp_path / "other.db"
    raw = sqlite3.connect(other)
    raw.execute("CREATE TABLE things (x)")
    raw.commit()
    raw.close()
    with pytest.raises(ReviseError, match="not made by revise"):
        Collection.open(other)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ReviseError, match="not a revise database"):
        Collection.open(garbage)


def test_reviews_survive_a_killed_process(db: str):
    with Collection.open(db) as col:
        col.import_decks([basic_deck(count=2)])
    code = (
        "import os\n"
        "from revise import Collection, Rating\n"
        f"col = Collection.open({str(db)!r})\n"
        "col.answer(col.next_card(), Rating.GOOD)\n"
        "os._exit(9)  # no close, no cleanup\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    col = Collection.open(db)
    try:
        assert col.progress().done_today == 1
    finally:
        col.close()


def test_an_existing_media_folder_moves_into_the_collection_on_upgrade(db_path: Path, clock):
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0003_review_uid")
    engine.dispose()
    folder = db_path.with_name(db_path.stem + ".media")
    folder.mkdir()
    (folder / "map.png").write_bytes(b"\x89PNG map")
    (folder / "same map.png").write_bytes(b"\x89PNG map")
    (folder / "bell.mp3").write_bytes(b"ID3 ring")
    col = Collection.open(db_path, clock=clock)
    try:
        assert col.backup is not None
        assert col.media_file("map.png").read_bytes() == b"\x89PNG map"
        assert col.media_file("same map.png").read_bytes() == b"\x89PNG map"
        assert col.media_file("bell.mp3").read_bytes() == b"ID3 ring"
    finally:
        col.close()
    assert sorted(path.name for path in folder.iterdir()) == ["bell.mp3", "map.png", "same map.png"]


def generic_type(column_type: TypeEngine[object]) -> str:
    """A column type as both backends can hold it: SQLite's REAL is PostgreSQL's double."""
    generic = column_type.as_generic()
    return "Float" if isinstance(generic, Float) else repr(generic)


def _where(index: dict[str, object]) -> str | None:
    """A partial index's condition as the database shows it (None: every row is indexed)."""
    options: dict[str, object] = index.get("dialect_options") or {}  # type: ignore[assignment]
    found = [str(value) for key, value in options.items() if key.endswith("_where")]
    return found[0] if found else None


def _partial(index: dict[str, object]) -> bool:
    """Whether an index holds only some rows (each backend writes the condition its own way)."""
    return _where(index) is not None


def schema_of(target: str) -> dict[str, object]:
    """Tables with their columns (generic type, nullability), keys, uniques and indexes."""
    from sqlalchemy import inspect

    from revise.storage.engine import create, database_url

    engine = create(database_url(target))
    try:
        inspector = inspect(engine)
        schema: dict[str, object] = {}
        for table in sorted(inspector.get_table_names()):
            columns = {
                column["name"]: (generic_type(column["type"]), column["nullable"])
                for column in inspector.get_columns(table)
            }
            foreign_keys = sorted(
                (tuple(fk["constrained_columns"]), fk["referred_table"], fk["name"])
                for fk in inspector.get_foreign_keys(table)
            )
            uniques = sorted(
                (u["name"], tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            )
            indexes = sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]), _partial(i))
                for i in inspector.get_indexes(table)
                if not i.get("duplicates_constraint")  # PostgreSQL's index behind a unique
            )
            primary_key = tuple(inspector.get_pk_constraint(table)["constrained_columns"])
            schema[table] = (columns, primary_key, foreign_keys, uniques, indexes)
        return schema
    finally:
        engine.dispose()


def test_a_collection_has_the_same_schema_on_both_backends(db_path: Path, new_pg_database):
    on_postgres = new_pg_database()
    for target in (str(db_path), on_postgres):
        Collection.open(target).close()
    sqlite_schema, postgres_schema = schema_of(str(db_path)), schema_of(on_postgres)
    assert "media_blobs" in sqlite_schema and "reviews" in sqlite_schema
    assert sqlite_schema == postgres_schema


def _schema(url: str) -> dict[str, object]:
    """Everything the database says about its tables: columns, keys, indexes, constraints."""
    engine = create_engine(url)
    try:
        found = inspect(engine)
        return {
            table: {
                "columns": [  # in order: a copy or export lists them so
                    (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                    for c in found.get_columns(table)
                ],
                "primary key": found.get_pk_constraint(table),
                "foreign keys": sorted(
                    (
                        fk["name"] or "",
                        fk["constrained_columns"],
                        fk["referred_table"],
                        fk["referred_columns"],
                        sorted(fk.get("options", {}).items()),
                    )
                    for fk in found.get_foreign_keys(table)
                ),
                "indexes": sorted(
                    (i["name"], i["column_names"], bool(i["unique"]), _where(i))
                    for i in found.get_indexes(table)
                ),
                "unique": sorted(
                    (u["name"] or "", u["column_names"])
                    for u in found.get_unique_constraints(table)
                ),
            }
            for table in sorted(found.get_table_names())
        } | {"triggers": _triggers(engine)}
    finally:
        engine.dispose()


def _triggers(engine: Engine) -> list[tuple[str, str]]:
    """Every trigger, and on PostgreSQL every function of ours, as the database shows it."""
    if engine.dialect.name == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    else:
        query = (
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
            " UNION ALL SELECT proname, prosrc FROM pg_proc JOIN pg_namespace n"
            " ON n.oid = pg_proc.pronamespace WHERE n.nspname = 'public' ORDER BY 1"
        )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(query)]


def test_the_models_load_no_postgresql_code_for_a_sqlite_collection():
    """The suspended cards' index names its PostgreSQL condition only when PostgreSQL creates
    the table (the two tests around this one check it is there): loading that dialect cost
    every start-up about 30 ms."""
    code = (
        "import sys\n"
        "import revise.storage.models\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_new_collection_has_exactly_the_schema_the_migrations_make(
    db: str, backend: str, tmp_path: Path, request: pytest.FixtureRequest
):
    """A brand-new collection is made from the models in one step; an old one is upgraded
    migration by migration: both end with the same tables, columns, keys and indexes."""
    Collection.open(db).close()
    if backend == "sqlite":
        migrated = f"sqlite:///{tmp_path / 'migrated.db'}"
    else:
        migrated = request.getfixturevalue("new_pg_database")()
    engine = create_engine(migrated)
    upgrade(engine)
    engine.dispose()
    assert _schema(database_url(db)) == _schema(migrated)


def test_the_upgrade_notice_leaves_a_commands_json_output_whole(db_path: Path, capsys) -> None:
    import json

    from revise.cli import main

    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0001")
    engine.dispose()
    assert main(["--db", str(db_path), "decks", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "upgraded the database" in captured.err
