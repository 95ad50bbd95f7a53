"""Broken and hostile files end in a one-line error naming the file, and nothing is written."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

import pytest

from revise.errors import FormatError
from revise.formats import safezip
from revise.formats.anki import read_anki_package
from revise.formats.csvdeck import read_csv_deck
from revise.formats.detect import read_decks

FIXTURES = Path(__file__).parent / "fixtures" / "anki"


@pytest.fixture
def untouched(tmp_path, monkeypatch):
    """Fails the test if a reader leaves any file behind, in its folder or the temp folder."""
    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    work = tmp_path / "work"
    work.mkdir()
    yield work
    assert list(temp.iterdir()) == []


def _one_line_error(call, path: Path) -> str:
    with pytest.raises(FormatError) as error:
        call(path)
    message = str(error.value)
    assert message.startswith(str(path))
    assert "\n" not in message
    return message


def _after(work: Path, expected: set[str]) -> None:
    assert {entry.name for entry in work.iterdir()} == expected


def test_zip_bomb_is_refused_without_filling_memory(untouched, monkeypatch):
    monkeypatch.setattr(safezip, "MAX_TOTAL_BYTES", 4 * safezip.MIB)
    bomb = untouched / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\x00" * (16 * safezip.MIB))
    assert bomb.stat().st_size < 100_000
    message = _one_line_error(read_anki_package, bomb)
    assert "zip bomb" in message
    _after(untouched, {"bomb.apkg"})


def test_size_that_lies_in_the_zip_header_is_caught(untouched, monkeypatch):
    monkeypatch.setattr(safezip, "MAX_COLLECTION_BYTES", safezip.MIB)
    monkeypatch.setattr("revise.formats.anki.MAX_COLLECTION_BYTES", safezip.MIB)
    liar = untouched / "liar.apkg"
    payload = b"SQLite format 3\x00" + b"\x00" * (8 * safezip.MIB)
    with zipfile.ZipFile(liar, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", payload)
    data = bytearray(liar.read_bytes())
    # Rewrite the declared uncompressed size (local header and central directory) to 100 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        data[start + offset : start + offset + 4] = (100).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    message = _one_line_error(read_anki_package, liar)
    assert "damaged or incomplete" in message or "zip bomb" in message


def test_media_name_escaping_the_media_folder(untouched):
    package = untouched / "escape.apkg"
    with zipfile.ZipFile(FIXTURES / "palaeontology-genanki.apkg") as source:
        collection = source.read("collection.anki2")
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", collection)
        archive.writestr("media", json.dumps({"0": "../../x"}))
        archive.writestr("0", b"payload")
    message = _one_line_error(read_anki_package, package)
    assert "'../../x' points outside the media folder" in message
    _after(untouched, {"escape.apkg"})
    assert not (untouched.parent.parent / "x").exists()


def test_archive_member_escaping_its_folder(untouched):
    package = untouched / "slip.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", b"x")
        archive.writestr("../../evil.sh", b"rm -rf")
    message = _one_line_error(read_anki_package, package)
    assert "'../../evil.sh' points outside its folder" in message
    _after(untouched, {"slip.apkg"})


def test_not_a_zip(untouched):
    fake = untouched / "deck.apkg"
    fake.write_text("this is a web page saying 404 not found", encoding="utf-8")
    message = _one_line_error(read_decks, fake)
    assert "not a zip archive" in message


def test_not_a_sqlite_database_inside(untouched):
    package = untouched / "junk.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", b"definitely not sqlite" * 10)
    message = _one_line_error(read_anki_package, package)
    assert "collection.anki2 inside is not a SQLite database" in message


def test_sqlite_that_is_not_an_anki_collection(untouched):
    import sqlite3

    database = untouched / "other.db"
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE people (name)")
    conn.commit()
    conn.close()
    package = untouched / "other.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.write(database, "collection.anki2")
    message = _one_line_error(read_anki_package, package)
    assert "not an Anki collection" in message


def test_truncated_download(untouched):
    whole = (FIXTURES / "french-words-and-phrases.apkg").read_bytes()
    partial = untouched / "partial.apkg"
    partial.write_bytes(whole[: len(whole) // 2])
    message = _one_line_error(read_decks, partial)
    assert "damaged or incomplete" in message
    _after(untouched, {"partial.apkg"})


def test_damaged_database_inside(untouched):
    with zipfile.ZipFile(FIXTURES / "french-words-and-phrases.apkg") as source:
        collection = source.read("collection.anki21")
    package = untouched / "cut.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki21", collection[: len(collection) // 3])
    message = _one_line_error(read_anki_package, package)
    assert "damaged" in message


def test_csv_with_a_ten_megabyte_field(untouched):
    huge = untouched / "huge.csv"
    huge.write_text('front,back\nok,fine\n"' + "x" * (10 * 1024 * 1024) + '",b\n', "utf-8")
    message = _one_line_error(read_csv_deck, huge)
    assert message.startswith(f"{huge}:3: a field longer than 128 KB")


def test_csv_with_mixed_encodings(untouched):
    mixed = untouched / "mixed.csv"
    mixed.write_bytes("front,back\ncafé,coffee\n".encode() + "thé,tea\n".encode("cp1252"))
    message = _one_line_error(read_csv_deck, mixed)
    assert message.startswith(f"{mixed}:3: text is not UTF-8 here")
    assert "save the file as UTF-8" in message


def test_missing_file_and_folder(untouched):
    message = _one_line_error(read_decks, untouched / "nope.apkg")
    assert "no such file" in message
    folder = untouched / "folder.csv"
    os.mkdir(folder)
    assert "is a folder" in _one_line_error(read_decks, folder)


@pytest.mark.parametrize(
    ("name", "text", "extra", "where"),
    [
        ("deck.md", '---\nname: "A::"\n---\nchat :: cat\n', [], ":2: "),
        ("deck.md", '---\nname: "::"\n---\nchat :: cat\n', [], ":2: "),
        ("deck.md", "chat :: cat\n\n<!-- deck: A::::B -->\nchien :: dog\n", [], ":3: "),
        ("table.csv", "front,back,deck\nchat,cat,French\nchien,dog,French::\n", [], ":3: "),
        ("table.csv", "#deck:A::\nchat,cat\n", [], ": "),
        ("X::.md", "chat :: cat\n", [], ": "),  # the deck takes the file's name
        ("deck.md", "chat :: cat\n", ["--deck", "::B"], ": "),
        ("table.csv", "front,back\nchat,cat\n", ["--deck", "A::"], ": "),
        ("deck.md", f"---\nname: {'x' * 501}\n---\nchat :: cat\n", [], ":2: "),
    ],
)
def test_a_deck_name_with_an_empty_part_is_refused_naming_the_file(
    tmp_path, monkeypatch, capsys, name, text, extra, where
):
    """`A::` and `::` came in as decks no deck list could place (`revise deck create` refuses
    them): an import names the file, and the line, and stores nothing."""
    from revise.cli import main

    monkeypatch.setenv("REVISE_DB", str(tmp_path / "revise.db"))
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    assert main(["import", *extra, str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"revise: {source}{where}") and err.count("\n") == 1
    assert "has an empty part (write Parent::Child)" in err or "longer than 500" in err
    assert not (tmp_path / "revise.db").exists()  # not even an empty collection
