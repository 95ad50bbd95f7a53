"""The database as the issue found it failing: a newer schema, a read-only file or folder, a full
disk, a damaged page, a URL revise cannot use, a reader that stops reading. Each ends in one line
naming the database (or exits quietly, for the reader), never a traceback, and changes nothing."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from revise import Collection
from revise.cli import EXIT_BROKEN_PIPE, main
from revise.errors import ReviseError
from revise.formats.anki_export import write_apkg
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.storage.diagnose import explain

ROOT = Path(__file__).resolve().parents[1]
FRENCH = ROOT / "tests" / "fixtures" / "anki" / "french-words-and-phrases.apkg"
DECK = "Capital of France :: Paris\nCapital of Peru :: Lima\n"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    path = tmp_path / "revise.db"
    monkeypatch.setenv("REVISE_DB", str(path))
    return path


def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "capitals.md"
    path.write_text(DECK, encoding="utf-8")
    return path


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


@pytest.fixture
def make_read_only() -> Iterator:
    """Makes a file or folder read-only even for root (which ignores permission bits): with the
    immutable attribute when running as root, else by its permission bits."""
    changed: list[Path] = []

    def make(path: Path) -> None:
        path.chmod(0o555 if path.is_dir() else 0o444)
        changed.append(path)
        if os.geteuid() == 0:
            chattr = shutil.which("chattr")
            if chattr is None or subprocess.run([chattr, "+i", str(path)]).returncode != 0:
                pytest.skip("running as root without chattr: cannot make a file read-only")

    yield make
    for path in changed:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)])
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_output_piped_into_a_reader_that_stops_ends_quietly(db, tmp_path):
    assert main(["import", str(FRENCH)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` that has already exited
    result = subprocess.run(
        [sys.executable, "-m", "revise", "--db", str(db), "decks"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    os.close(write_end)
    assert result.returncode == EXIT_BROKEN_PIPE
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("mysql://user:secret@localhost/revise", "mysql://user:***@localhost/revise"),
        ("oracle://localhost/revise", "oracle://localhost/revise"),
    ],
)
def test_a_url_revise_cannot_use_says_which_work(db, capsys, url, shown):
    assert main(["--db", url, "decks"]) == 1
    err = one_line(capsys)
    assert err.startswith(f"revise: {shown}: revise cannot keep a collection in")
    assert "a file path, sqlite:///PATH or postgresql://" in err
    assert "secret" not in err


def test_a_database_from_a_newer_revise_is_refused_without_a_new_backup(db, tmp_path, capsys):
    assert main(["import", str(deck_file(tmp_path))]) == 0
    capsys.readouterr()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    for _ in range(2):
        assert main(["decks"]) == 1
        err = one_line(capsys)
        assert err.startswith(f"revise: {db}: made by a newer revise (database schema 0999")
        assert "upgrade revise" in err
    assert sorted(path.name for path in tmp_path.glob("revise.db*")) == [
        "revise.db",
        "revise.db-shm",
        "revise.db-wal",
    ] or sorted(path.name for path in tmp_path.glob("revise.db*")) == ["revise.db"]


def test_a_read_only_database_is_read_but_not_imported_into_or_studied(
    db, tmp_path, capsys, make_read_only
):
    assert main(["import", str(deck_file(tmp_path))]) == 0
    table = tmp_path / "words.csv"
    table.write_text("front,back\nchat,cat\n", encoding="utf-8")
    assert main(["import", str(table)]) == 0
    assert main(["decks"]) == 0  # leaves the write-ahead log files beside it
    capsys.readouterr()
    for name in ("revise.db", "revise.db-wal", "revise.db-shm"):
        if (tmp_path / name).exists():
            make_read_only(tmp_path / name)
    before = db.read_bytes()
    # The table again, unchanged: it would write nothing, but an import is refused all the same.
    for command in (["import", str(FRENCH)], ["import", str(table)], ["study"], []):
        assert main(command) == 1
        err = one_line(capsys)
        assert err == (
            f"revise: {db}: the database is read-only; make the file and its folder writable "
            "(chmod u+w), or open another with --db"
        )
    assert main(["decks"]) == 0
    assert "capitals" in capsys.readouterr().out
    assert db.read_bytes() == before


def test_a_read_only_folder_is_not_called_a_bad_database(tmp_path, capsys, make_read_only):
    folder = tmp_path / "locked"
    folder.mkdir()
    make_read_only(folder)
    assert main(["--db", str(folder / "revise.db"), "import", str(deck_file(tmp_path))]) == 1
    err = one_line(capsys)
    assert "not a revise database" not in err
    assert err == (
        f"revise: {folder / 'revise.db'}: cannot create or open the database: the folder "
        f"{folder} is read-only (make it writable, or choose another place with --db)"
    )


def test_a_damaged_page_stops_an_export_in_one_line(db, tmp_path, capsys):
    assert main(["import", str(FRENCH)]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db.stat().st_size // 4096
    with db.open("r+b") as handle:
        for page in range(pages // 2, pages // 2 + 5):
            handle.seek(page * 4096 + 8)
            handle.write(b"\xde\xad\xbe\xef" * 200)
    capsys.readouterr()
    out = tmp_path / "french.md"
    assert main(["export", "Language French::My french words and phrases", "-o", str(out)]) == 1
    err = one_line(capsys)
    assert err.startswith(f"revise: {db}: the database is damaged (database disk image is")
    assert not out.exists()


def test_a_full_database_names_the_file(tmp_path):
    path = tmp_path / "full.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.OperationalError) as error:
        conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    conn.close()
    message = str(explain(error.value, path))
    assert message.startswith(f"{path}: the disk is full (database or disk is full)")
    assert "\n" not in message


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB file system (tmpfs), where the system allows mounting one."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mount = shutil.which("mount")
    if mount is None or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    result = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip("this system does not allow mounting a file system")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_names_the_file_and_stores_nothing(small_disk, monkeypatch, capsys):
    db = small_disk / "revise.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    assert main(["import", str(FRENCH)]) == 1
    err = one_line(capsys)
    # The database, or the package's collection copied beside it to be read, fills the disk.
    assert err.startswith(f"revise: {db}: the disk is full") or (
        err.startswith(f"revise: {FRENCH}: cannot write a temporary copy of its collection in "
                       f"{small_disk} (the disk is full)")
    )  # fmt: skip
    assert list(small_disk.glob(".revise-*")) == []
    assert main(["decks", "--json"]) in (0, 1)
    assert "Language French" not in capsys.readouterr().out


PICTURES = 6
PICTURE_BYTES = 200 * 1024  # six of them do not fit on the 1 MB disk beside the collection


def pictures_deck() -> DeckData:
    """Cards with pictures that cannot be squeezed (random bytes), too many for the small disk."""
    names = [f"map{n}.png" for n in range(PICTURES)]
    notes = [
        NoteData(NoteKind.BASIC, f"Which country is this? (image: {name})", f"Country {n}",
                 media=(name,))
        for n, name in enumerate(names)
    ]  # fmt: skip
    return DeckData("Maps", notes, media={name: os.urandom(PICTURE_BYTES) for name in names})


def package_with_pictures(folder: Path) -> Path:
    package = folder / "maps.apkg"
    write_apkg([pictures_deck()], package)
    return package


def deck_file_with_pictures(folder: Path) -> Path:
    """`maps.md` with its pictures in `maps.media/` beside it, as the README describes."""
    deck = pictures_deck()
    path = folder / "maps.md"
    path.write_text("".join(f"{note.front} :: {note.back}\n" for note in deck.notes), "utf-8")
    (folder / "maps.media").mkdir()
    for name, data in deck.media.items():
        (folder / "maps.media" / name).write_bytes(data)
    return path


@pytest.mark.parametrize("make_file", [package_with_pictures, deck_file_with_pictures],
                         ids=["apkg", "md"])  # fmt: skip
def test_a_full_disk_during_an_import_with_pictures_stores_no_card_and_no_picture(
    small_disk, tmp_path, monkeypatch, capsys, make_file
):
    db = small_disk / "revise.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    assert main(["import", str(deck_file(tmp_path))]) == 0
    capsys.readouterr()
    source = make_file(tmp_path)

    assert main(["import", str(source)]) == 1
    err = one_line(capsys)
    assert err.startswith(f"revise: {db}: the disk is full")  # the pictures filled it
    assert sorted(path.name for path in small_disk.iterdir()) in (
        ["revise.db"],
        ["revise.db", "revise.db-shm", "revise.db-wal"],
    )  # no picture, no temporary
    assert list(system_temp.iterdir()) == []
    assert main(["decks", "--json"]) == 0
    decks = json.loads(capsys.readouterr().out)
    assert [(deck["name"], deck["total"]) for deck in decks] == [("capitals", 2)]
    col = Collection.open(db)
    try:
        for name in pictures_deck().media:
            with pytest.raises(ReviseError, match="not in the collection"):
                col.media_file(name)
    finally:
        col.close()


def test_a_new_collection_on_a_full_disk_leaves_no_empty_file(small_disk, monkeypatch, capsys):
    """The schema could not be made, and an empty revise.db stayed behind: the next command
    took it for a collection."""
    (small_disk / "filler").write_bytes(b"x" * (1024 * 1024 - 8192))
    db = small_disk / "revise.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    for command in (["import", "--dry-run"], ["import"]):
        assert main([*command, str(deck_file(small_disk.parent))]) == 1
        assert one_line(capsys).startswith(f"revise: {db}: ")  # the disk is full, or I/O
        assert sorted(path.name for path in small_disk.iterdir()) == ["filler"]


READING = [
    ["decks"],
    ["decks", "--json"],
    ["stats"],
    ["cards"],
    ["workload"],
    ["deck-options", "French"],
    ["export", "French", "-o", "out.md"],
    ["optimize", "--dry-run"],
    ["edit", "1"],
    ["deck", "rename", "French", "Spanish"],
    ["backup"],
    ["add", "French", "--front", "a", "--back", "b"],
]


@pytest.mark.parametrize("command", READING, ids=lambda words: " ".join(words))
@pytest.mark.parametrize("how", ["--db", "REVISE_DB"])
def test_a_command_that_reads_a_mistyped_collection_creates_nothing(
    tmp_path, capsys, monkeypatch, command, how
):
    """A typo in --db (or $REVISE_DB) is one line, never a new empty collection or folder."""
    monkeypatch.chdir(tmp_path)
    for missing in (tmp_path / "typo" / "revise.db", tmp_path / "typo.db"):
        if how == "--db":
            status = main([*command, "--db", str(missing)])
        else:
            monkeypatch.setenv("REVISE_DB", str(missing))
            status = main(command)
        line = one_line(capsys)
        assert status == 1 and str(missing) in line, line
        assert not missing.exists() and not missing.parent.with_name("typo").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["config-home"] or not any(
        path.suffix == ".db" for path in tmp_path.iterdir()
    )


@pytest.mark.parametrize(
    "command",
    [["import", "CAPITALS"], ["deck", "create", "Geo"]],
    ids=lambda words: words[0],
)
def test_a_command_that_starts_a_collection_needs_its_folder(tmp_path, capsys, db, command):
    """Importing or creating a deck starts a collection in a new file, but not in a
    folder that is not there: the folder is named and nothing is created."""
    words = [str(deck_file(tmp_path)) if word == "CAPITALS" else word for word in command]
    missing = tmp_path / "typo" / "revise.db"
    assert main([*words, "--db", str(missing)]) == 1
    line = one_line(capsys)
    assert f"no folder {missing.parent}" in line, line
    assert not missing.parent.exists()
    new = tmp_path / "new.db"
    assert main([*words, "--db", str(new)]) == 0
    assert new.exists()


def test_backup_to_a_folder_that_is_not_there_creates_nothing(tmp_path, capsys, db):
    assert main(["import", str(deck_file(tmp_path))]) == 0
    capsys.readouterr()
    missing = tmp_path / "typo" / "copy.db"
    for command in (["backup", "-o", str(missing)], ["copy", "--to", str(missing)]):
        assert main(command) == 1
        assert f"no folder {missing.parent}" in one_line(capsys)
        assert not missing.parent.exists()


def test_a_first_import_that_fails_or_is_a_dry_run_leaves_no_collection(tmp_path, capsys, db):
    """A table refused half-way, or a dry run, into a file that was not there leaves no empty
    collection behind (the next `revise decks` would have found one and said "No decks yet")."""
    bad = tmp_path / "bad.csv"
    bad.write_text("front,back,deck\nchat,cat,French\nchien,dog,French::\n", encoding="utf-8")
    assert main(["import", str(bad)]) == 1
    assert "has an empty part" in one_line(capsys)
    assert main(["import", "--dry-run", str(deck_file(tmp_path))]) == 0
    assert "dry run" in capsys.readouterr().out
    assert main(["import", "--dry-run", str(FRENCH)]) == 0
    capsys.readouterr()
    assert sorted(path.name for path in tmp_path.iterdir() if "revise" in path.name) == []


def test_copying_from_a_collection_that_is_not_there_creates_nothing(tmp_path, capsys, db):
    """`copy --from` a mistyped file left an empty file of that name, and a missing folder was
    called read-only."""
    target = tmp_path / "copy.db"
    for missing, said in (
        (tmp_path / "nope.db", "there is no collection there"),
        (tmp_path / "typo" / "nope.db", f"there is no folder {tmp_path / 'typo'}"),
    ):
        assert main(["copy", "--from", str(missing), "--to", str(target)]) == 1
        assert said in one_line(capsys)
        assert not missing.exists() and not missing.parent.with_name("typo").exists()
        assert not target.exists()


def test_backup_into_a_folder_writes_the_usual_name_there(tmp_path, capsys, db):
    """`backup -o FOLDER/` wrote a file named FOLDER when it was not there, and called a
    folder that was "already exists"."""
    assert main(["import", str(deck_file(tmp_path))]) == 0
    missing = tmp_path / "backups"
    assert main(["backup", "-o", f"{missing}/"]) == 1
    assert "there is no such folder" in one_line(capsys)
    assert not missing.exists()
    missing.mkdir()
    for written in (f"{missing}/", str(missing)):
        assert main(["backup", "-o", written]) == 0
        capsys.readouterr()
        (backup,) = missing.iterdir()
        assert backup.name.startswith("revise.backup-") and backup.suffix == ".db"
        backup.unlink()


EMPTY_NAMES = [
    (["decks", "--db", ""], '--db "": the name is empty (give a file name, or leave --db out)'),
    (["--db="], '--db "": the name is empty'),
    (["study", "--db", ""], '--db "": the name is empty'),
    (["import", "CAPITALS", "--db", ""], '--db "": the name is empty'),
    (["decks", "--config", ""], '--config "": the name is empty'),
    (["export", "capitals", "-o", ""], '-o "": the name is empty (give a file name)'),
    (["backup", "-o", ""], '-o "": the name is empty (give a file name, or leave -o out)'),
    (["generate", "NOTES", "-o", ""], '-o "": the name is empty'),
    (["copy", "--from", "", "--to", "COPY"], '--from "": the name is empty'),
    (["copy", "--to", ""], '--to "": the name is empty (give a file name)'),
    (["decks", "REVISE_DB="], "$REVISE_DB is set but empty (set it to a collection file"),
    (["decks", "REVISE_DB= "], "$REVISE_DB is set but empty"),
    (["decks", "REVISE_CONFIG="], "$REVISE_CONFIG is set but empty (set it to a config file"),
]


@pytest.mark.parametrize(
    ("command", "expected"), EMPTY_NAMES, ids=[" ".join(words) for words, _ in EMPTY_NAMES]
)
def test_an_empty_name_is_refused_not_taken_for_the_default(
    tmp_path, capsys, monkeypatch, db, command, expected
):
    """`--db ""` (a shell variable that was never set) used the default collection without a
    word; `backup -o ""` wrote into the data folder, `generate -o ""` beside the notes and
    `copy --from ""` copied the default collection. Each is one line and changes nothing."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(deck_file(tmp_path))]) == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("# Capitals\n\n- Paris is the capital of France\n", encoding="utf-8")
    capsys.readouterr()
    before = sorted(tmp_path.iterdir())
    replace = {"CAPITALS": str(deck_file(tmp_path)), "NOTES": str(notes)}
    replace["COPY"] = str(tmp_path / "copy.db")
    words = []
    for word in command:
        if word.startswith("REVISE_"):
            name, _, value = word.partition("=")
            monkeypatch.setenv(name, value)
        else:
            words.append(replace.get(word, word))
    assert main(words) == 1
    assert one_line(capsys).startswith(f"revise: {expected}")
    assert sorted(tmp_path.iterdir()) == before  # no data folder, no deck file, no copy


@pytest.mark.parametrize(
    "command",
    [["decks", "--db", "PATH"], ["import", "CAPITALS", "--db", "PATH"], ["copy", "--to", "PATH"]],
    ids=lambda words: words[0],
)
def test_a_collection_named_as_a_folder_or_a_device_says_what_it_is(tmp_path, capsys, db, command):
    """`--db /tmp/x` (a folder) said `cannot open the database (unable to open database file)`
    and `--db /dev/null` `database error (disk I/O error)`: neither said what the path is."""
    assert main(["import", str(deck_file(tmp_path))]) == 0
    capsys.readouterr()
    folder = tmp_path / "folder"
    folder.mkdir()
    for path, expected in (
        (folder, f"is a folder, not a collection (name a file in it, such as {folder}/revise.db)"),
        (Path(os.devnull), "is not a file (name a collection file)"),
    ):
        words = [
            str(path)
            if word == "PATH"
            else str(deck_file(tmp_path))
            if word == "CAPITALS"
            else word
            for word in command
        ]
        assert main(words) == 1
        assert one_line(capsys) == f"revise: {path}: {expected}"
    assert os.listdir(folder) == []


@pytest.mark.parametrize("named", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_a_collection_in_memory_is_refused_not_filled_and_lost(tmp_path, capsys, db, named):
    """`revise import deck.md --db sqlite://` said '2 added' and exit 0 into a collection in
    memory, gone when revise exited (and `--db :memory:` made a file of that name)."""
    for command in (["import", str(deck_file(tmp_path))], ["decks"], ["deck", "create", "Geo"]):
        assert main([*command, "--db", named]) == 1
        assert one_line(capsys) == (
            f"revise: {named}: names no file but a collection in memory, lost when revise "
            "exits (give a file: PATH or sqlite:///PATH)"
        )
    assert not (Path.cwd() / ":memory:").exists()
