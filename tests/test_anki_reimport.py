"""Re-importing an Anki package: notes it says the same of as at the last import are read no
further than a digest of them (their origin); the notes changed in it, in Anki, are read whole;
and whatever changed in the collection meanwhile, the outcome is as if every note were read.
Every test runs twice: the package read whole before it is stored (a small one), and read and
stored a batch of notes at a time (a large one)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
import zstandard
from sqlalchemy import update

from revise import Collection
from revise.formats import anki
from revise.storage.merge import StaleOrigin
from revise.storage.models import Note
from revise.storage.origins import KnownOrigins

FIXTURES = Path(__file__).parent / "fixtures" / "anki"
LEGACY = ("french-words-and-phrases.apkg", "collection.anki21")
GENANKI = ("palaeontology-genanki.apkg", "collection.anki2")
MODERN = ("general-knowledge-modern.apkg", "collection.anki21b")


@pytest.fixture(autouse=True, params=["whole", "in batches"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param == "in batches":
        monkeypatch.setattr(anki, "STREAM_COLLECTION_BYTES", 0)
        monkeypatch.setattr(anki, "NOTES_PER_BATCH", 2)


def package(tmp_path: Path, source: tuple[str, str], sql: str = "", name: str = "deck") -> Path:
    """A copy of a real package, its collection changed by `sql` as Anki would change it."""
    name, member = source[0] if not sql else f"{name}.apkg", source[1]
    path = tmp_path / name
    if not sql:
        shutil.copy(FIXTURES / source[0], path)
        return path
    with zipfile.ZipFile(FIXTURES / source[0]) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    raw = members[member]
    if member.endswith("b"):
        raw = zstandard.ZstdDecompressor().stream_reader(raw).read()
    database = tmp_path / "collection.sqlite"
    database.write_bytes(raw)
    conn = sqlite3.connect(database)
    conn.create_collation(
        "unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold())
    )
    conn.executescript(sql)
    conn.commit()
    conn.close()
    raw = database.read_bytes()
    database.unlink()
    if member.endswith("b"):
        raw = zstandard.ZstdCompressor().compress(raw)
    members[member] = raw
    with zipfile.ZipFile(path, "w") as archive:
        for member_name, data in members.items():
            archive.writestr(member_name, data)
    return path


def notes_read_whole(col: Collection, path: Path) -> int:
    decks, sources = col.read_file(path)
    notes = [note for deck in decks for note in deck.notes]
    for source in sources:  # a large package, read a batch at a time
        notes += [note for batch in source.batches() for _, note in batch]
        source.close()
    return sum(not note.as_imported for note in notes)


def everything(col: Collection) -> list[tuple[object, ...]]:
    """Every deck's notes and cards as the user sees them, reviews included."""
    return [
        (deck.name, note.front, note.back, note.tags, [
            (card.ordinal, card.schedule, [r.ms for r in card.reviews], card.suspended)
            for card in note.history
        ])
        for deck in sorted(col.decks(), key=lambda d: d.name)
        for note in col.export_deck(deck.name).notes
    ]  # fmt: skip


@pytest.mark.parametrize("source", [LEGACY, GENANKI, MODERN], ids=lambda s: s[0])
def test_an_unchanged_package_is_read_no_further_than_its_notes_origins(col, tmp_path, source):
    path = package(tmp_path, source)
    first = col.import_file(path)
    before = everything(col)
    assert notes_read_whole(col, path) == 0

    again = col.import_file(path)

    assert [deck.summary() for deck in again.decks] == [
        f"{deck.name}: 0 added, 0 updated, {deck.added} unchanged, 0 missing"
        for deck in first.decks
    ]
    assert everything(col) == before


def test_a_note_studied_in_anki_since_is_read_again_with_its_new_review(col, tmp_path):
    col.import_file(package(tmp_path, LEGACY))
    studied = package(
        tmp_path,
        LEGACY,
        """
        INSERT INTO revlog SELECT (SELECT max(id) FROM revlog) + 86400000, id, -1, 3, 4, 1, 2500,
            5000, 1 FROM cards WHERE id = (SELECT min(id) FROM cards WHERE type = 2);
        UPDATE cards SET reps = reps + 1, ivl = 4
            WHERE id = (SELECT min(id) FROM cards WHERE type = 2);
        """,
    )
    assert notes_read_whole(col, studied) == 1

    report = col.import_file(studied)

    [deck] = report.decks
    assert (deck.updated, deck.added, deck.missing, deck.reviews) == (0, 0, 0, 1)
    assert notes_read_whole(col, studied) == 0


def test_a_package_imported_before_origins_were_kept_finds_its_notes_unchanged(col, tmp_path):
    path = package(tmp_path, LEGACY)
    col.import_file(path)
    before = everything(col)
    with col._engine.begin() as connection:
        connection.execute(update(Note.__table__).values(origin=None))
    assert notes_read_whole(col, path) > 0

    report = col.import_file(path)

    assert report.total_updated == 0 and report.total_added == 0
    assert everything(col) == before
    assert notes_read_whole(col, path) == 0  # their origins are kept now


def test_a_note_changed_after_the_package_was_read_stops_the_import_and_changes_nothing(
    col, tmp_path
):
    path = package(tmp_path, LEGACY)
    col.import_file(path)
    decks, sources = col.read_file(path)  # read no further than the origins
    without_one = package(
        tmp_path, LEGACY, "DELETE FROM notes WHERE id = (SELECT min(id) FROM notes)", "fewer"
    )
    assert col.import_file(without_one).total_missing == 1
    after_removal = everything(col)

    with pytest.raises(StaleOrigin):
        col.import_decks(decks, tables=sources)
    assert everything(col) == after_removal

    report = col.import_file(path)  # reads the note that is back whole
    assert report.total_missing == 0 and report.total_updated == 1
    assert notes_read_whole(col, path) == 0


def test_a_note_edited_in_the_app_is_read_whole_and_keeps_the_apps_text(col, tmp_path):
    path = package(tmp_path, LEGACY)
    col.import_file(path)
    card = col.next_card()
    col.editing.edit_note(card.id, back="my own answer")

    assert notes_read_whole(col, path) == 1
    report = col.import_file(path)

    assert report.total_updated == 0 and report.total_added == 0
    backs = [note.back for deck in col.decks() for note in col.export_deck(deck.name).notes]
    assert backs.count("my own answer") == 1


# What the origins of each fixture's notes digest to, as every version since origins were kept
# has worked them out: a change would make every package stored before read whole again once.
ORIGINS_DIGEST = {
    LEGACY: "3a23dc1a2fd84e6a",
    GENANKI: "a605d3932e0c83d9",
    MODERN: "d8e51f607ce68182",
}


@pytest.mark.parametrize("source", [LEGACY, GENANKI, MODERN], ids=lambda s: s[0])
def test_the_origins_stored_by_earlier_versions_are_met_again(tmp_path, source):
    decks = anki.read_anki_package(package(tmp_path, source), scratch=tmp_path)
    origins = sorted(note.origin for deck in decks for note in deck.notes)

    digest = hashlib.sha256("\n".join(origins).encode()).hexdigest()[:16]
    assert digest == ORIGINS_DIGEST[source]


def test_stored_origins_are_found_whatever_the_order_they_are_read_in():
    pairs = [(hashlib.blake2b(bytes([i, j]), digest_size=16).hexdigest(), f"k{i}-{j}")
             for i in range(40) for j in range(40)]  # fmt: skip
    expected = dict(pairs)

    for given in (sorted(pairs), pairs, [*pairs, (pairs[0][0].upper(), "upper")]):
        known = KnownOrigins(given)
        assert {origin: known[origin] for origin in expected} == expected
        assert "0" * 32 not in known and "not an origin" not in known
