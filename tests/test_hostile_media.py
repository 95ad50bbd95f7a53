"""Media file names and file names at the file system's limits: a package naming its media as
Anki never would is refused in one line, and a long name a collection already holds is still
written out, for a viewer and into an export."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from revise import Collection
from revise.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "anki" / "palaeontology-genanki.apkg"
LONG = "y" * 246 + ".png"  # 250 bytes: a file name Linux allows


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "media.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def package_naming(tmp_path: Path, name: str) -> Path:
    """The fixture package with a picture named `name`, mentioned by its first note."""
    with zipfile.ZipFile(FIXTURE) as source:
        collection = source.read("collection.anki2")
    scratch = tmp_path / "scratch.anki2"
    scratch.write_bytes(collection)
    raw = sqlite3.connect(scratch)
    note_id, fields = raw.execute("SELECT id, flds FROM notes ORDER BY id LIMIT 1").fetchone()
    raw.execute("UPDATE notes SET flds = ? WHERE id = ?", (f'{fields}<img src="{name}">', note_id))
    raw.commit()
    raw.close()
    package = tmp_path / "pictures.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", scratch.read_bytes())
        archive.writestr("media", json.dumps({"0": name}))
        archive.writestr("0", b"\x89PNG picture")
    scratch.unlink()
    return package


@pytest.mark.parametrize(
    ("name", "shown", "problem"),
    [
        ("x" * 300 + ".png", "x" * 300 + ".png", "is longer than 200 bytes"),
        ("\u00e9" * 120 + ".png", "\u00e9" * 120 + ".png", "is longer than 200 bytes"),
        ("a\x1b]52;c;aGk=\x07.png", "a\u241b]52;c;aGk=\u2407.png", "holds a control character"),
        ("a\nb.png", "a\u240ab.png", "holds a control character"),
    ],
    ids=["300 bytes", "242 bytes of accented letters", "OSC 52", "line feed"],
)
def test_a_package_naming_media_as_anki_never_does_is_refused(
    env, tmp_path, capsys, name, shown, problem
):
    """Taken in, a media name over 255 bytes could never be written out again: the review
    screen crashed showing the card (File name too long, a traceback) and an export stopped;
    Anki cuts names to 120 bytes and takes control characters out of them."""
    package = package_naming(tmp_path, name)
    assert main(["import", str(package)]) == 1
    assert capsys.readouterr().err == (
        f"revise: {package}: media file name '{shown}' {problem}, as no name Anki writes "
        f"{'is' if 'longer' in problem else 'does'}; the package is unsafe and was not imported\n"
    )
    assert not env.exists()


def test_a_long_media_name_already_held_is_written_out_for_a_viewer_and_an_export(
    env, tmp_path, capsys
):
    """A picture of a deck file with a 250-byte name (the file system's limit is 255): written
    out for a viewer as `.NAME.part` first, it failed (File name too long) with a traceback that
    ended the review screen; an export wrote `.revise-PID-...-NAME` first and failed too."""
    deck = tmp_path / "pictures.md"
    deck.write_text(f"What is this? :: A fossil (image: {LONG})\n", encoding="utf-8")
    (tmp_path / "pictures.media").mkdir()
    (tmp_path / "pictures.media" / LONG).write_bytes(b"\x89PNG fossil")
    assert main(["import", str(deck)]) == 0
    with Collection.open(env) as col:
        card = col.next_card()
        assert card.media == (LONG,)
        shown = col.media_file(LONG)
        assert shown.suffix == ".png" and shown.read_bytes() == b"\x89PNG fossil"
    exported = tmp_path / "out" / "pictures.md"
    exported.parent.mkdir()
    assert main(["export", "pictures", "-o", str(exported)]) == 0
    assert (tmp_path / "out" / "pictures.media" / LONG).read_bytes() == b"\x89PNG fossil"
    capsys.readouterr()


@pytest.mark.parametrize("command", ["export", "backup"])
def test_a_file_name_near_the_file_systems_limit_is_written(env, tmp_path, capsys, command):
    """`export -o NAME` and `backup -o NAME` with a 249-byte name failed (File name too long;
    for the backup 'cannot open the database'): the temporary written first added 25 bytes."""
    deck = tmp_path / "words.md"
    deck.write_text("chat :: cat\nchien :: dog\n", encoding="utf-8")
    assert main(["import", str(deck)]) == 0
    target = tmp_path / ("a" * 246 + (".md" if command == "export" else ".db"))
    arguments = (
        ["export", "words", "-o", str(target)]
        if command == "export"
        else ["backup", "-o", str(target)]
    )
    assert main(arguments) == 0
    assert target.stat().st_size > 0
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []
    capsys.readouterr()
