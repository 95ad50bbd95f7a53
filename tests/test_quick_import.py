"""A first import with Python's sqlite3 alone (revise/storage/quick_import.py): the same rows
and schema as the usual import, without loading SQLAlchemy; anything else left to the usual path
with nothing written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from revise import Collection
from revise.cli import main
from revise.formats.detect import read_decks
from revise.formats.model import CardHistory, NoteData, NoteKind
from revise.storage import quick_import, sqlite_schema
from revise.storage.migrate import sqlite_schema_source, upgrade
from tests.test_storage import _schema

NOW = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)

RUSSIA = """---
name: Russia and Korea
tags: [history, cold-war]
source: notes/russia.txt
description: Cards from my notes on Russian-Korean relations.
---

# Tsarist era
## Legations

<!-- id: k3f9a2; source: notes/russia.txt:14-16; tags: treaty -->
Q: When did Russia establish a legation in Seoul?
A: 1896

C: Japan's victory in the Russo-Japanese War led to the [Treaty of Portsmouth] in [1905].

Capital of North Korea :: Pyongyang
Pyongyang ::: capital of North Korea

#
<!-- kind: reversed; tags: war, [red] -->
Q: Écrit à Séoul [bold]?
A: Ünïcode answer

capital of north korea :: Pyongyang!
"""
PLAIN = "\n\n".join(f"Question {i}? :: Answer {i}" for i in range(30)) + "\n"


def deck_files(folder: Path) -> list[Path]:
    files = [folder / "russia.md", folder / "plain.md"]
    files[0].write_text(RUSSIA, encoding="utf-8")
    files[1].write_text(PLAIN, encoding="utf-8")
    return files


def read(files: list[Path]):  # type: ignore[no-untyped-def]
    return [deck for file in files for deck in read_decks(file)]


def contents(path: Path) -> dict[str, object]:
    """Every row of every table, and the schema as SQLite keeps it."""
    db = sqlite3.connect(path)
    try:
        master = db.execute(  # indexes are made in no set order
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [name for kind, name, _, _ in master if kind == "table"]
        return {
            "schema": master,
            "journal": db.execute("PRAGMA journal_mode").fetchone(),
            **{
                table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in tables
            },
        }
    finally:
        db.close()


def existing_collection(path: Path) -> None:
    """A collection with decks and answers already in it."""
    from tests.core_fixtures import basic_deck

    with Collection.open(path, clock=lambda: NOW) as col:
        col.import_decks([basic_deck("History", 5), basic_deck("Maths", 4)])


@pytest.mark.parametrize("start", ["new file", "existing collection"])
def test_a_first_import_writes_exactly_what_the_usual_import_writes(tmp_path: Path, start: str):
    files = deck_files(tmp_path)
    usual, quick = tmp_path / "usual.db", tmp_path / "quick.db"
    if start == "existing collection":
        existing_collection(usual)
        existing_collection(quick)
    with Collection.open(usual, clock=lambda: NOW) as col:
        usual_report = col.import_decks(read(files))
    quick_report = quick_import.import_new_decks(quick, read(files), NOW)
    assert quick_report is not None  # the quick path was taken
    assert str(quick_report) == str(usual_report)
    assert "Russia and Korea: 5 added" in str(quick_report)
    assert "skipped: line 25: same card as line 17" in str(quick_report)
    assert contents(quick) == contents(usual)
    with Collection.open(quick) as col, Collection.open(usual) as other:
        assert col.decks() == other.decks()  # and it studies as one made the usual way
        assert col.next_card() == other.next_card()


def test_the_command_imports_new_decks_without_loading_sqlalchemy(tmp_path: Path):
    files = deck_files(tmp_path)
    db = tmp_path / "sub" / "folder" / "revise.db"
    db.parent.mkdir(parents=True)  # a folder --db names must exist; the file is made
    code = (
        "import sys\n"
        "from revise.cli import main\n"
        f"status = main(['--db', {str(db)!r}, 'import', *{[str(f) for f in files]!r}])\n"
        "print(status, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines() == [
        "Russia and Korea: 5 added, 0 updated, 0 unchanged, 0 missing, 1 skipped",
        "plain: 30 added, 0 updated, 0 unchanged, 0 missing",
        "  skipped: line 25: same card as line 17",
        "0 False",
    ], done.stderr
    with Collection.open(db) as col:
        assert {deck.name: deck.total for deck in col.decks()} == {
            "Russia and Korea": 8,
            "plain": 30,
        }


def test_a_deck_the_collection_has_is_imported_the_usual_way(tmp_path: Path, capsys):
    files = deck_files(tmp_path)
    db = str(tmp_path / "revise.db")
    assert main(["--db", db, "import", str(files[1])]) == 0
    files[1].write_text(PLAIN.replace("Answer 3", "Answer three"), encoding="utf-8")
    capsys.readouterr()
    assert quick_import.import_new_decks(Path(db), read(files), NOW) is None
    assert main(["--db", db, "import", *map(str, files)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Russia and Korea: 5 added, 0 updated, 0 unchanged, 0 missing, 1 skipped",
        "plain: 0 added, 1 updated, 29 unchanged, 0 missing",
        "  skipped: line 25: same card as line 17",
    ]


def test_nothing_is_written_where_the_usual_path_is_needed(tmp_path: Path):
    files = deck_files(tmp_path)
    # Notes carrying reviews (an Anki package's): the usual path works out their memory.
    decks = read(files)
    decks[1].notes[0].history.append(CardHistory(0, []))
    assert quick_import.import_new_decks(tmp_path / "new.db", decks, NOW) is None
    assert not (tmp_path / "new.db").exists()
    # Two decks of one name: the usual path merges the second into the first.
    twice = read([files[1], files[1]])
    assert quick_import.import_new_decks(tmp_path / "new.db", twice, NOW) is None
    # A file at an older schema is upgraded, after a backup, by the usual path.
    old = tmp_path / "old.db"
    existing_collection(old)
    with sqlite3.connect(old) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0013_note_origin'")
    before = contents(old)
    assert quick_import.import_new_decks(old, read(files), NOW) is None
    assert contents(old) == before
    # A database revise did not make.
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    assert quick_import.import_new_decks(other, read(files), NOW) is None
    assert main(["--db", str(other), "import", str(files[0])]) == 1
    # Not a database at all.
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite" * 100)
    assert quick_import.import_new_decks(garbage, read(files), NOW) is None
    assert garbage.read_bytes() == b"not sqlite" * 100


def test_a_collection_busy_in_another_window_is_left_to_the_usual_path(tmp_path: Path, capsys):
    files = deck_files(tmp_path)
    db = tmp_path / "revise.db"
    existing_collection(db)
    before = contents(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert quick_import.import_new_decks(db, read(files), NOW) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert contents(db) == before


def test_the_notes_kinds_make_their_cards(tmp_path: Path):
    deck = read(deck_files(tmp_path))[0]
    deck.notes.append(NoteData(NoteKind.BASIC, "One more?", "Yes"))
    report = quick_import.import_new_decks(tmp_path / "new.db", [deck], NOW)
    assert report is not None and report.total_added == 6
    with sqlite3.connect(tmp_path / "new.db") as raw:
        ordinals = raw.execute(
            "SELECT notes.kind, group_concat(cards.ordinal) FROM notes"
            " JOIN cards ON cards.note_id = notes.id GROUP BY notes.id ORDER BY notes.position"
        ).fetchall()
    assert ordinals == [
        ("basic", "0"),
        ("cloze", "0,1"),  # a card per deletion
        ("basic", "0"),
        ("reversed", "0,1"),  # both ways
        ("reversed", "0,1"),
        ("basic", "0"),
    ]


def test_a_new_collection_made_without_sqlalchemy_has_the_schema_the_migrations_make(
    tmp_path: Path,
):
    made = tmp_path / "quick.db"
    assert quick_import.import_new_decks(made, read(deck_files(tmp_path)), NOW) is not None
    migrated = tmp_path / "migrated.db"
    engine = create_engine(f"sqlite:///{migrated}")
    upgrade(engine)
    engine.dispose()
    assert _schema(f"sqlite:///{made}") == _schema(f"sqlite:///{migrated}")


def test_the_stored_sqlite_schema_is_the_models():
    """Out of date after a change to the models or a new migration: run
    `python -m revise.storage.migrate` to write revise/storage/sqlite_schema.py again."""
    stored = Path(sqlite_schema.__file__).read_text(encoding="utf-8")
    assert stored == sqlite_schema_source(), (
        "revise/storage/sqlite_schema.py is out of date: run python -m revise.storage.migrate"
    )
