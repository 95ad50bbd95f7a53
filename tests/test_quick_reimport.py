"""`revise import` of tables and large Anki packages that are, row for row, what the collection
holds: told so with Python's sqlite3 alone (revise/storage/quick_import.py's
`unchanged_reimport`), with the report the usual import gives and nothing written; anything
else is left to the usual path, which then comes to what it always came to."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from revise import Collection
from revise.config import Config
from revise.storage import quick_import
from tests.test_anki_reimport import GENANKI, LEGACY, MODERN, everything, package
from tests.test_quick_import import contents

ROOT = Path(__file__).resolve().parents[1]
TABLE = "front,back,tags,deck\nchat,cat,animal,French\nchien,dog,animal,French\nHund,dog,,German\n"


def command(db: Path, files: list[Path], *, batches: bool = True) -> tuple[list[str], bool]:
    """`revise --db DB import FILES` in a process of its own, every Anki package read a batch
    of notes at a time as a large one is (unless not `batches`): its output, and whether it
    loaded SQLAlchemy."""
    code = (
        "import sys\n"
        "from revise.formats import anki\n"
        f"anki.STREAM_COLLECTION_BYTES = {0 if batches else 'anki.STREAM_COLLECTION_BYTES'}\n"
        "from revise.cli import main\n"
        f"status = main(['--db', {str(db)!r}, 'import', *{[str(f) for f in files]!r}])\n"
        "print(status, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    *lines, last = done.stdout.splitlines()
    assert last.split()[0] == "0", done.stderr
    return lines, last.split()[1] == "True"


def files(folder: Path) -> list[Path]:
    table = folder / "words.csv"
    table.write_text(TABLE, encoding="utf-8")
    return [table, package(folder, LEGACY), package(folder, MODERN)]


def twin_collections(tmp_path: Path, imported: list[Path]) -> tuple[Path, Path]:
    """Two collections alike, each with `imported` imported the usual way."""
    made = []
    for name in ("quick", "usual"):
        db = tmp_path / f"{name}.db"
        with Collection.open(db, config=Config(fuzz=False)) as col:
            for path in imported:
                col.import_file(path)
        made.append(db)
    return made[0], made[1]


def usual_report(
    db: Path, imported: list[Path], monkeypatch: pytest.MonkeyPatch, *, batches: bool = True
) -> list[str]:
    """The report of importing `imported` into `db` the usual way, in one import."""
    from revise.formats import anki

    if batches:
        monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)
    with Collection.open(db, config=Config(fuzz=False)) as col:  # as the command does
        decks, tables = [], []
        for path in imported:
            found, rows = col.read_file(path)
            decks += found
            tables += rows
        return str(col.import_decks(decks, tables=tables)).splitlines()


def test_unchanged_files_are_told_unchanged_without_loading_sqlalchemy(tmp_path, monkeypatch):
    imported = files(tmp_path)
    quick, usual = twin_collections(tmp_path, imported)
    before = contents(quick)

    lines, loaded = command(quick, imported)

    assert not loaded
    assert lines == usual_report(usual, imported, monkeypatch)
    assert lines[0] == "French: 0 added, 0 updated, 2 unchanged, 0 missing"
    assert all(" 0 added, 0 updated, " in line and " 0 missing" in line for line in lines)
    assert contents(quick) == before


def test_unchanged_small_packages_are_told_unchanged_as_reading_them_whole_reports(
    tmp_path, monkeypatch
):
    imported = [*reversed(files(tmp_path)), package(tmp_path, GENANKI)]  # a table among them
    quick, usual = twin_collections(tmp_path, imported)  # each package read whole
    before = contents(quick)

    lines, loaded = command(quick, imported, batches=False)

    assert not loaded
    assert lines == usual_report(usual, imported, monkeypatch, batches=False)
    assert lines[-2:] == [  # the table's decks last
        "French: 0 added, 0 updated, 2 unchanged, 0 missing",
        "German: 0 added, 0 updated, 1 unchanged, 0 missing",
    ]
    assert all(" 0 added, 0 updated, " in line and " 0 missing" in line for line in lines)
    assert contents(quick) == before


def _table_changed(folder: Path, db: Path) -> None:
    (folder / "words.csv").write_text(TABLE.replace("chien,dog", "chien,hound"), encoding="utf-8")


def _package_changed(folder: Path, db: Path) -> None:
    newest = "UPDATE notes SET tags = ' new ' WHERE id = (SELECT max(id) FROM notes)"
    package(folder, LEGACY, newest)
    shutil.move(folder / "deck.apkg", folder / LEGACY[0])


def _edited_in_the_app(folder: Path, db: Path) -> None:
    with Collection.open(db) as col:
        card = col.next_card()
        assert card is not None
        col.editing.edit_note(card.id, back="my own answer")


def _deleted_in_the_app(folder: Path, db: Path) -> None:
    with Collection.open(db) as col:
        card = col.next_card()
        assert card is not None
        col.editing.delete_notes([card.id])


def _older_schema(folder: Path, db: Path) -> None:
    with sqlite3.connect(db) as raw:  # upgraded by the usual path, after a backup
        raw.execute("UPDATE alembic_version SET version_num = '0013_note_origin'")


SINCE: dict[str, Callable[[Path, Path], None]] = {
    "a row changed in the table": _table_changed,
    "a note changed in the package": _package_changed,
    "a note edited in the app": _edited_in_the_app,
    "a note deleted in the app": _deleted_in_the_app,
}


@pytest.mark.parametrize("batches", [True, False], ids=["large packages", "small packages"])
@pytest.mark.parametrize("since", SINCE)
def test_anything_changed_is_imported_the_usual_way(tmp_path, monkeypatch, since, batches):
    imported = files(tmp_path)
    quick, usual = twin_collections(tmp_path, imported)
    SINCE[since](tmp_path, quick)
    SINCE[since](tmp_path, usual)

    lines, loaded = command(quick, imported, batches=batches)

    assert loaded  # the usual path, which comes to what it comes to on a collection alike
    assert lines == usual_report(usual, imported, monkeypatch, batches=batches)
    with Collection.open(quick) as col, Collection.open(usual) as other:
        assert everything(col) == everything(other)


def test_nothing_is_told_unchanged_where_the_usual_path_is_needed(tmp_path):
    imported = files(tmp_path)
    quick, _ = twin_collections(tmp_path, imported)
    from revise.formats.detect import read_sources

    def told(db: Path) -> object:
        sources = [source for path in imported for source in read_sources(path)[1]]
        try:
            return quick_import.unchanged_reimport(db, sources).report
        finally:
            for source in sources:
                source.close()

    assert told(quick) is not None  # the table; the packages are small, read whole
    [table] = read_sources(imported[0])[1]
    with sqlite3.connect(quick) as raw:  # a card's text changed in the app forgets its origin
        raw.execute("UPDATE notes SET origin = NULL WHERE front = 'chien'")
    try:
        compared = quick_import.unchanged_reimport(quick, [table])
        assert compared.report is None and compared.differs is table
    finally:
        table.close()
    _older_schema(tmp_path, quick)
    before = contents(quick)
    assert told(quick) is None
    assert told(tmp_path / "none.db") is None
    assert not (tmp_path / "none.db").exists()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite" * 100)
    assert told(garbage) is None
    assert contents(quick) == before


def test_a_changed_package_is_opened_once_and_only_its_changed_note_read_whole(
    tmp_path, monkeypatch
):
    from revise.cli import main
    from revise.formats import anki

    monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)  # read a batch at a time
    path = package(tmp_path, LEGACY)
    db = tmp_path / "revise.db"
    assert main(["--db", str(db), "import", str(path)]) == 0
    _package_changed(tmp_path, db)
    opened, read_whole = [], []
    open_package, read_note = anki.AnkiRows.__init__, anki._NoteReader._raw_note
    monkeypatch.setattr(
        anki.AnkiRows, "__init__", lambda self, *a, **k: opened.append(open_package(self, *a, **k))
    )
    monkeypatch.setattr(
        anki._NoteReader, "_raw_note", lambda self, *a: read_whole.append(1) or read_note(self, *a)
    )

    assert main(["--db", str(db), "import", str(path)]) == 0

    assert len(opened) == 1  # compared, then imported, from one copy of its collection
    assert len(read_whole) == 1  # the note changed; the others as stored
    with Collection.open(db) as col:
        assert sum("new" in note.tags for note in col.export_deck(col.decks()[0].name).notes) == 1
