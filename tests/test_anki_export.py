"""Decks written as .apkg are valid schema-11 Anki collections that read back the same."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from revise.errors import ReviseError
from revise.formats.anki import read_anki_package
from revise.formats.anki_export import anki_cloze_text, write_apkg
from revise.formats.export import export_decks
from revise.formats.model import (
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ReviewData,
    ScheduleData,
    card_faces,
)

FIXTURES = Path(__file__).parent / "fixtures" / "anki"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _deck() -> DeckData:
    reviewed = CardHistory(
        0,
        ScheduleData(
            state=2,
            due=NOW + timedelta(days=9),
            stability=11.5,
            difficulty=4.25,
            last_review=NOW - timedelta(days=2),
            reps=3,
            lapses=1,
        ),
        [
            ReviewData(NOW - timedelta(days=20), 3, 4000),
            ReviewData(NOW - timedelta(days=10), 1, 9000),
            ReviewData(NOW - timedelta(days=10) + timedelta(minutes=10), 3, 3000),
            ReviewData(NOW - timedelta(days=2), 4, None),
        ],
    )
    learning = CardHistory(
        1,
        ScheduleData(state=1, due=NOW + timedelta(minutes=10), stability=0.4, difficulty=7.0,
                     step=1, last_review=NOW, reps=1),
        [ReviewData(NOW, 3, 2000)],
        suspended=True,
    )  # fmt: skip
    return DeckData(
        name="History::Russia",
        description="Dates & treaties",
        notes=[
            NoteData(NoteKind.REVERSED, "Treaty of Portsmouth", "1905 <end of war>",
                     tags=("russia", "japan"), history=[reviewed, learning]),
            NoteData(NoteKind.CLOZE, "In [1896] Russia set up a legation in [Seoul].",
                     "Extra line\n  indented", id="explicit-id"),
            NoteData(NoteKind.BASIC, "Map of Korea (image: korea.png)", "Korea",
                     media=("korea.png",)),
        ],
        media={"korea.png": b"\x89PNG-bytes"},
    )  # fmt: skip


def test_apkg_reads_back_with_the_same_notes_states_and_reviews(tmp_path):
    deck = _deck()
    target = tmp_path / "russia.apkg"
    write_apkg([deck], target, now=NOW)
    [again] = read_anki_package(target)
    assert again.name == "History::Russia"
    assert again.description == "Dates & treaties"
    assert again.media == {"korea.png": b"\x89PNG-bytes"}
    for before, after in zip(deck.notes, again.notes, strict=True):
        assert after.kind is before.kind
        assert after.key == before.key
        assert after.tags == before.tags
        assert after.back == before.back
        assert [f.answer for f in card_faces(after)] == [f.answer for f in card_faces(before)]
    assert again.notes[2].media == ("korea.png",)
    reviewed, learning = again.notes[0].history
    original = deck.notes[0].history[0]
    assert reviewed.reviews == original.reviews
    schedule = reviewed.schedule
    assert (schedule.state, schedule.stability, schedule.difficulty) == (2, 11.5, 4.25)
    assert (schedule.reps, schedule.lapses) == (3, 1)
    assert schedule.last_review == original.schedule.last_review
    assert abs(schedule.due - original.schedule.due) < timedelta(days=1)
    assert learning.suspended
    assert learning.schedule.state == 1
    assert learning.schedule.step == 1
    assert learning.schedule.due == NOW + timedelta(minutes=10)
    new_card = again.notes[1].history
    assert [card.schedule.state for card in new_card] == [0, 0]


def test_apkg_is_a_valid_schema_11_collection(tmp_path):
    target = tmp_path / "russia.apkg"
    write_apkg([_deck()], target, now=NOW)
    with zipfile.ZipFile(target) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media", "0"}
        assert json.loads(archive.read("media")) == {"0": "korea.png"}
        database = tmp_path / "collection.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(database)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"col", "notes", "cards", "revlog", "graves"}
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    ver, models, decks, dconf, conf = conn.execute(
        "SELECT ver, models, decks, dconf, conf FROM col"
    ).fetchone()
    assert ver == 11
    models, decks, dconf = json.loads(models), json.loads(decks), json.loads(dconf)
    for model_id, model in models.items():
        assert int(model_id) == model["id"]
        assert {"flds", "tmpls", "css", "type", "sortf", "req"} <= model.keys()
    assert {deck["name"] for deck in decks.values()} == {"Default", "History", "History::Russia"}
    assert all(deck["conf"] in map(int, dconf) for deck in decks.values())
    assert json.loads(conf)["schedVer"] == 2
    # Every card belongs to an existing note, deck and note-type template.
    orphans = conn.execute(
        "SELECT count(*) FROM cards WHERE nid NOT IN (SELECT id FROM notes)"
    ).fetchone()[0]
    assert orphans == 0
    for mid, ordinal in conn.execute(
        "SELECT n.mid, c.ord FROM cards c JOIN notes n ON n.id = c.nid"
    ):
        model = models[str(mid)]
        assert model["type"] == 1 or ordinal < len(model["tmpls"])
    fields = conn.execute("SELECT flds FROM notes ORDER BY id").fetchall()
    assert fields[0][0] == "Treaty of Portsmouth\x1f1905 &lt;end of war&gt;\x1f\x1f"
    assert fields[1][0].startswith("In {{c1::1896}} Russia set up a legation in {{c2::Seoul}}.")
    assert '<img src="korea.png">' in fields[2][0]
    assert conn.execute("SELECT count(*) FROM revlog").fetchone()[0] == 5
    conn.close()


def faces(note: NoteData) -> list[tuple[str, str]]:
    """What the note's cards show, whichever cloze spelling it uses."""
    return [(face.prompt, face.answer) for face in card_faces(note)]


def test_fixture_packages_survive_a_round_trip(tmp_path):
    for source in sorted(FIXTURES.glob("*.apkg")):
        decks = read_anki_package(source)
        target = tmp_path / source.name
        write_apkg(decks, target, now=NOW)
        again = read_anki_package(target)
        assert [d.name for d in again] == [d.name for d in decks]
        for before, after in zip(decks, again, strict=True):
            assert [(n.kind, faces(n), n.back, n.tags, n.key) for n in after.notes] == [
                (n.kind, faces(n), n.back, n.tags, n.key) for n in before.notes
            ]
            cards = [
                (h.schedule.state, h.suspended, h.reviews) for n in after.notes for h in n.history
            ]
            assert cards == [
                (h.schedule.state, h.suspended, h.reviews) for n in before.notes for h in n.history
            ]


def test_cloze_spellings_convert_to_anki():
    assert anki_cloze_text("In [1896] Russia, [Seoul]") == "In {{c1::1896}} Russia, {{c2::Seoul}}"
    assert anki_cloze_text("{{c2::a::hint}} and {{c2::b}}") == "{{c2::a::hint}} and {{c2::b}}"


def test_export_chooses_format_by_suffix(tmp_path):
    deck = _deck()
    export_decks([deck], tmp_path / "out.apkg")
    export_decks([deck], tmp_path / "out.csv")
    assert zipfile.is_zipfile(tmp_path / "out.apkg")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("#separator:Comma")
    with pytest.raises(ReviseError, match=r"out\.pdf: cannot export to \.pdf; name the file"):
        export_decks([deck], tmp_path / "out.pdf")
    with pytest.raises(ReviseError, match="does not exist"):
        export_decks([deck], tmp_path / "missing" / "out.apkg")
