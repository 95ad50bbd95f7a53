"""A large Anki package is stored a batch of notes at a time as it is read, its collection read
from a temporary copy on disk: what the user finds afterwards is what reading it whole gives,
and the copy is gone however the import ends."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from revise import Collection
from revise.errors import FormatError
from revise.formats import anki
from revise.formats.files import TEMP_PREFIX
from revise.formats.model import DeckData
from revise.storage import media as media_store
from revise.storage import merge
from tests.test_anki_import import _legacy_collection
from tests.test_anki_reimport import GENANKI, LEGACY, MODERN, everything, package


@pytest.fixture
def in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)
    monkeypatch.setattr(anki, "NOTES_PER_BATCH", 2)


def with_media(tmp_path: Path) -> Path:
    """A package with a sub-deck, its description, and a sound file beside an unused picture."""
    collection = tmp_path / "collection.anki2"
    _legacy_collection(collection)
    path = tmp_path / "spanish.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(collection, "collection.anki2")
        archive.writestr("media", json.dumps({"0": "perro.mp3", "1": "unused.png"}))
        archive.writestr("0", b"ID3-audio")
        archive.writestr("1", b"png")
    collection.unlink()
    return path


def exported(col: Collection) -> list[DeckData]:
    return [col.export_deck(deck.name) for deck in sorted(col.decks(), key=lambda d: d.name)]


def stored(col: Collection) -> tuple[object, ...]:
    """Everything the user sees of what was imported: notes, cards, reviews, decks, media."""
    decks = exported(col)
    with col._engine.connect() as connection:
        media = media_store.read(connection, ["perro.mp3", "unused.png"])
    return (
        everything(col),
        [(deck.name, deck.description) for deck in decks],
        [note.media for deck in decks for note in deck.notes],
        media,
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(TEMP_PREFIX))


@pytest.mark.parametrize("hold", [merge.HOLD_AT_MOST, 1], ids=["held to the end", "as read"])
@pytest.mark.parametrize("source", [LEGACY, GENANKI, MODERN, "media"], ids=str)
def test_a_package_stored_in_batches_ends_as_if_read_whole(
    col, tmp_path, monkeypatch, source, hold
):
    path = with_media(tmp_path) if source == "media" else package(tmp_path, source)
    with Collection.open(tmp_path / "whole.db") as whole:
        whole.import_file(path)
        expected = stored(whole)
    monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)
    monkeypatch.setattr(anki, "NOTES_PER_BATCH", 2)
    monkeypatch.setattr(merge, "HOLD_AT_MOST", hold)  # 1: the first pass gives up at once

    report = col.import_file(path)

    assert stored(col) == expected
    assert report.total_added == sum(len(deck.notes) for deck in exported(col))
    assert leftovers(tmp_path) == []


def test_a_single_deck_package_read_in_batches_takes_the_deck_name_given(col, tmp_path, in_batches):
    col.import_file(package(tmp_path, LEGACY), deck="Mine")

    assert [deck.name for deck in col.decks()] == ["Mine"]


def test_a_bad_note_far_into_a_package_changes_nothing_and_leaves_no_copy(
    tmp_path, in_batches, monkeypatch
):
    monkeypatch.setattr(merge, "HOLD_AT_MOST", 1)  # stored as read: earlier batches written
    bad = package(
        tmp_path,
        LEGACY,
        "UPDATE notes SET flds = flds || printf('%.200000c', 'x') WHERE id = (SELECT max(id) "
        "FROM notes)",
    )
    with Collection.open(tmp_path / "c.db") as col:
        with pytest.raises(FormatError, match=r"note \d+: a field longer than 128 KB"):
            col.import_file(bad)

        assert col.decks() == []
    assert leftovers(tmp_path) == []


def test_the_copy_of_a_package_read_but_never_imported_is_removed(tmp_path, in_batches):
    with Collection.open(tmp_path / "c.db") as col:
        _, sources = col.read_file(package(tmp_path, LEGACY))
        assert len(leftovers(tmp_path)) == 1  # the collection, copied beside the database

        del sources  # an import that stops before storing (another file could not be read)

        assert leftovers(tmp_path) == []


@pytest.mark.parametrize("most", [merge.HOLD_BYTES_AT_MOST, 20_000], ids=["16 MB", "20 KB"])
def test_a_first_pass_holds_a_packages_notes_by_their_weight_not_only_their_count(
    tmp_path, monkeypatch, most
):
    path = package(tmp_path, LEGACY)  # 1,639 notes, each with its cards' reviews: about 2 KB
    with Collection.open(tmp_path / "whole.db") as whole:
        whole.import_file(path)
        expected = stored(whole)
    monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)
    monkeypatch.setattr(anki, "NOTES_PER_BATCH", 2)
    monkeypatch.setattr(merge, "HOLD_BYTES_AT_MOST", most)
    held: list[int] = []  # the notes' writes held when the lock is taken
    write_held = merge._write_held
    monkeypatch.setattr(
        merge,
        "_write_held",
        lambda connection, deck, *rest, **more: (
            held.append(len(deck.held or ())) or write_held(connection, deck, *rest, **more)
        ),
    )

    with Collection.open(tmp_path / "c.db") as col:  # SQLite: on a server nothing is held
        col.import_file(path)

        assert stored(col) == expected
    if most > 20_000:
        assert held == [1 + 1639]  # the deck to make, and every note: held to the end
    else:  # the first batch foretells 20 KB: the rest is stored as it is read
        assert 0 < sum(held) <= 1 + 2


@pytest.mark.parametrize("padding", [0, anki.STREAM_COLLECTION_BYTES], ids=["small", "over 4 MB"])
def test_a_package_bringing_a_deck_name_with_an_empty_part_is_refused_whatever_its_size(
    tmp_path, monkeypatch, capsys, padding
):
    """A package read whole and one large enough to be read a batch at a time refuse the same
    deck names, in one line naming the file, and store nothing."""
    from revise.cli import main

    path = package(
        tmp_path,
        GENANKI,
        "UPDATE col SET decks = replace(decks, '2020_ITPATFR_Benton', 'Palaeontology::');"
        # Space Anki freed (deleted notes, say) still counts in the collection's size.
        f"CREATE TABLE freed (data BLOB); INSERT INTO freed VALUES (zeroblob({padding}));"
        "DROP TABLE freed;",
    )
    batches = anki.collection_size(path, package=True) >= anki.STREAM_COLLECTION_BYTES
    assert batches == bool(padding)
    Collection.open(tmp_path / "revise.db").close()  # a collection that has no decks yet
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "revise.db"))

    assert main(["import", str(path)]) == 1

    err = capsys.readouterr().err
    assert err == (
        f"revise: {path}: deck name 'Palaeontology::' has an empty part (write Parent::Child)\n"
    )
    assert main(["decks", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert leftovers(tmp_path) == []
