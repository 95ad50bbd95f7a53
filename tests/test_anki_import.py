"""Real Anki packages import with their notes, decks, tags, card states and review history."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zstandard

from revise.formats.anki import read_anki_collection, read_anki_package
from revise.formats.model import NoteKind, card_faces
from revise.formats.protowire import encode_field

FIXTURES = Path(__file__).parent / "fixtures" / "anki"


def _cards(decks):
    return [history for deck in decks for note in deck.notes for history in note.history]


def test_current_format_package_keeps_notes_kinds_and_deck():
    decks = read_anki_package(FIXTURES / "general-knowledge-modern.apkg")
    assert [deck.name for deck in decks] == ["General knowledge::Mixed"]
    notes = decks[0].notes
    assert len(notes) == 12
    assert len(_cards(decks)) == 17
    assert sum(len(card.reviews) for card in _cards(decks)) == 25
    by_front = {note.front: note for note in notes}
    france = by_front["Capital of France?"]
    assert france.kind is NoteKind.REVERSED
    assert france.back == "Paris"
    assert france.tags == ("history", "imported")
    assert france.id == "ymW*75@qtJ"
    assert by_front["Largest planet"].back == "Jupiter\n(a gas giant)"
    assert by_front["Speed of light (km/s, approx.)"].back == "300 000"
    assert by_front["- List item one\n- two\n— what tag makes a list?"].back == "<ul>"
    cloze = by_front["The {{c1::Treaty of Versailles}} was signed in {{c2::1919}}."]
    assert cloze.kind is NoteKind.CLOZE
    assert [face.answer for face in card_faces(cloze)] == ["Treaty of Versailles", "1919"]
    hinted = by_front["{{c1::Photosynthesis::process}} turns light into chemical energy."]
    assert card_faces(hinted)[0].prompt == "[process] turns light into chemical energy."


def test_current_format_card_states_continue_where_anki_left_them():
    decks = read_anki_package(FIXTURES / "general-knowledge-modern.apkg")
    notes = {note.front: note for note in decks[0].notes}
    gold = notes["Chemical symbol for gold"].history[0].schedule
    # A review card: due two days after the collection's creation day, FSRS memory from `data`.
    created = datetime.fromtimestamp(1795233600, UTC)
    assert (gold.state, gold.due) == (2, created + timedelta(days=2))
    assert (gold.stability, gold.difficulty) == (0.4244, 5.2)
    assert (gold.reps, gold.lapses) == (2, 0)
    france = notes["Capital of France?"].history
    assert [card.ordinal for card in france] == [0, 1]
    learning = france[0].schedule
    # A learning card: due time in epoch seconds, on its last learning step (one step left).
    assert (learning.state, learning.step) == (1, 1)
    assert learning.due == datetime.fromtimestamp(1795295937, UTC)
    assert [review.rating for review in france[1].reviews] == [1, 3]


def test_legacy_anki21_wins_over_the_dummy_anki2_beside_it():
    decks = read_anki_package(FIXTURES / "french-words-and-phrases.apkg")
    assert [deck.name for deck in decks] == ["Language French::My french words and phrases"]
    notes = decks[0].notes
    assert len(notes) == 1639
    cards = _cards(decks)
    assert len(cards) == 1639
    assert sum(len(card.reviews) for card in cards) == 3470
    assert sum(card.suspended for card in cards) == 47
    states = [card.schedule.state for card in cards]
    assert (states.count(0), states.count(1), states.count(2), states.count(3)) == (
        1178,
        13,
        435,
        13,
    )
    first = notes[0]
    assert first.kind is NoteKind.CLOZE
    assert first.front.startswith("Écoute, là, je sors {{c1::de::of}} quelques jours de repos")
    assert first.back.startswith("Sortir de indicates emerging from a specific period")
    assert first.tags == ("2025-07-02",)
    schedule = first.history[0].schedule
    assert (schedule.stability, schedule.difficulty) == (65.221, 1.0)
    assert schedule.last_review == datetime.fromtimestamp(1756212367, UTC)
    assert [r.rating for r in first.history[0].reviews] == [4, 3, 3]
    assert first.history[0].reviews[0].duration_ms == 4000


def test_field_the_templates_never_show_is_left_out():
    notes = read_anki_package(FIXTURES / "french-words-and-phrases.apkg")[0].notes
    # "Frequency" is a field of the note type that no card template displays.
    assert not any("1373020" in note.back for note in notes)


def test_genanki_package_with_mathjax():
    decks = read_anki_package(FIXTURES / "palaeontology-genanki.apkg")
    assert [deck.name for deck in decks] == ["2020_ITPATFR_Benton"]
    notes = decks[0].notes
    assert [note.kind for note in notes] == [NoteKind.BASIC] * 3
    assert notes[2].back == "\\(T = \\frac{0.693}{\\lambda}\\)"
    assert [note.history[0].schedule.state for note in notes] == [0, 0, 0]


def test_bare_collection_file_reads_like_its_package(tmp_path):
    with zipfile.ZipFile(FIXTURES / "french-words-and-phrases.apkg") as archive:
        target = tmp_path / "collection.anki2"
        target.write_bytes(archive.read("collection.anki21"))
    decks = read_anki_collection(target)
    assert len(decks[0].notes) == 1639


# --- packages built here: media, sub-decks, custom note types, SM-2 cards --------------------


def _legacy_collection(path: Path) -> None:
    """A small schema-11 collection with a custom note type, sub-decks and an SM-2 review card."""
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags);
        CREATE TABLE notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data);
        CREATE TABLE cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps,
          lapses, left, odue, odid, flags, data);
        CREATE TABLE revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type);
        """
    )
    model = {
        "id": 7,
        "name": "Vocab",
        "type": 0,
        "flds": [{"name": n, "ord": i} for i, n in enumerate(["Word", "Meaning", "Audio", "Id"])],
        "tmpls": [
            {"name": "Recognise", "ord": 0, "qfmt": "{{Word}}<br>{{Audio}}",
             "afmt": "{{FrontSide}}<hr id=answer>{{Meaning}}"},
        ],
    }  # fmt: skip
    decks = {
        "1": {"id": 1, "name": "Default", "conf": 1},
        "5": {"id": 5, "name": "Languages::Spanish", "desc": "<b>Core</b> words", "conf": 1},
    }
    conf = {"1": {"id": 1, "new": {"delays": [1, 10]}, "lapse": {"delays": [10]}}}
    conn.execute(
        "INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
        (1_700_000_000, json.dumps({"schedVer": 2}), json.dumps({"7": model}),
         json.dumps(decks), json.dumps(conf)),
    )  # fmt: skip
    fields = "\x1f".join(["perro &amp; gato", "dog<br>and cat", "[sound:perro.mp3]", "x1"])
    conn.execute(
        "INSERT INTO notes VALUES (11, 'guid-perro', 7, 0, 0, ?, ?, '', 0, 0, '')",
        (" spanish animals ", fields),
    )
    conn.execute(
        "INSERT INTO cards VALUES (21, 11, 5, 0, 0, 0, 2, 2, 30, 12, 2300, 3, 1, 0, 0, 0, 0, '')"
    )
    for stamp, ease, kind in [
        (1_700_000_000_000, 3, 0),
        (1_700_600_000_000, 1, 1),
        (1_700_600_600_000, 3, 2),
        (1_701_000_000_000, 3, 1),
    ]:
        conn.execute("INSERT INTO revlog VALUES (?, 21, 0, ?, 1, 0, 2500, 5000, ?)",
                     (stamp, ease, kind))  # fmt: skip
    conn.commit()
    conn.close()


def test_custom_note_type_sub_deck_media_and_sm2_card(tmp_path):
    collection = tmp_path / "collection.anki2"
    _legacy_collection(collection)
    package = tmp_path / "spanish.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.write(collection, "collection.anki2")
        archive.writestr("media", json.dumps({"0": "perro.mp3", "1": "unused.png"}))
        archive.writestr("0", b"ID3-audio")
        archive.writestr("1", b"png")
    [deck] = read_anki_package(package)
    assert deck.name == "Languages::Spanish"
    assert deck.description == "Core words"
    assert deck.media == {"perro.mp3": b"ID3-audio"}
    [note] = deck.notes
    assert (note.front, note.back) == ("perro & gato\n(sound: perro.mp3)", "dog\nand cat")
    assert note.media == ("perro.mp3",)
    assert note.tags == ("spanish", "animals")
    assert note.id == "guid-perro"
    schedule = note.history[0].schedule
    assert schedule.state == 2
    assert schedule.due == datetime.fromtimestamp(1_700_000_000, UTC) + timedelta(days=30)
    # No FSRS memory in Anki: worked out from the review log so FSRS can carry on.
    assert schedule.stability is not None and schedule.stability > 1
    assert 1 <= schedule.difficulty <= 10
    assert [review.rating for review in note.history[0].reviews] == [3, 1, 3, 3]


def test_current_format_media_is_decompressed_and_mapped(tmp_path):
    source = FIXTURES / "general-knowledge-modern.apkg"
    compress = zstandard.ZstdCompressor().compress
    package = tmp_path / "with-media.apkg"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(package, "w") as archive:
        raw = zstandard.ZstdDecompressor().stream_reader(original.read("collection.anki21b"))
        database = tmp_path / "col.db"
        database.write_bytes(raw.read())
        conn = sqlite3.connect(database)
        conn.execute(
            "UPDATE notes SET flds = replace(flds, 'Paris', 'Paris <img src=\"eiffel.jpg\">')"
        )
        conn.commit()
        conn.close()
        archive.writestr("meta", original.read("meta"))
        archive.writestr("collection.anki21b", compress(database.read_bytes()))
        entry = encode_field(1, "eiffel.jpg") + encode_field(2, 4)
        archive.writestr("media", compress(encode_field(1, entry)))
        archive.writestr("0", compress(b"jpeg"))
    [deck] = read_anki_package(package)
    france = next(note for note in deck.notes if note.front == "Capital of France?")
    assert france.back == "Paris (image: eiffel.jpg)"
    assert france.media == ("eiffel.jpg",)
    assert deck.media == {"eiffel.jpg": b"jpeg"}


@pytest.mark.parametrize("name", ["french-words-and-phrases.apkg", "general-knowledge-modern.apkg"])
def test_every_reviewed_card_can_be_scheduled_by_fsrs(name):
    import fsrs

    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    for card in _cards(read_anki_package(FIXTURES / name)):
        schedule = card.schedule
        if schedule.state in (2, 3):
            state = fsrs.Card(
                state=fsrs.State(schedule.state),
                step=schedule.step if schedule.state == 3 else None,
                stability=schedule.stability,
                difficulty=schedule.difficulty,
                due=schedule.due,
                last_review=schedule.last_review,
            )
            after, _ = scheduler.review_card(state, fsrs.Rating.Good, schedule.due)
            assert after.due > schedule.due
