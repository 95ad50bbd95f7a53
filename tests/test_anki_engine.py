"""Anki itself reads revise's .apkg exports, and revise reads every package Anki writes.

These tests drive the real Anki engine (the `anki` package): Anki's own importer, exporters,
scheduler and database check. Every Anki collection lives in the test's temporary folder, and
Anki's scheduler runs on the real clock while revise's runs on the test's fixed one.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from revise import Collection, Rating
from revise.config import DEFAULT_DAY_STARTS_AT
from revise.errors import FormatError
from revise.formats.detect import read_decks
from revise.formats.export import export_decks
from revise.formats.model import (
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ReviewData,
    ScheduleData,
    SourceRef,
    card_faces,
)
from revise.scheduling.day import day_bounds
from tests.core_fixtures import Clock

pytest.importorskip("anki")

# anki.collection first: importing anki.scheduler before it is a circular import.
from anki.collection import Collection as AnkiCollection
from anki.collection import (
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.consts import CARD_TYPE_LRN, CARD_TYPE_NEW, CARD_TYPE_REV, MODEL_CLOZE
from anki.import_export_pb2 import ImportResponse
from anki.notes import Note
from anki.scheduler.v3 import CardAnswer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
# Anki's answer buttons; its review log records them as 1-4, like revise's ratings.
ANKI_BUTTONS = {
    Rating.AGAIN: CardAnswer.AGAIN,
    Rating.HARD: CardAnswer.HARD,
    Rating.GOOD: CardAnswer.GOOD,
    Rating.EASY: CardAnswer.EASY,
}
FISH = "Fish &amp; chips&nbsp;&lt;3"  # entities, as Anki's editor stores them
VERSAILLES = "The {{c1::Treaty of Versailles}} was signed in {{c2::1919::year}}."


@pytest.fixture
def anki(tmp_path: Path) -> Iterator[AnkiCollection]:
    """A fresh Anki collection in its own folder of the test's temporary folder."""
    yield from _anki_collection(tmp_path / "anki")


@pytest.fixture
def other_anki(tmp_path: Path) -> Iterator[AnkiCollection]:
    """A second, separate Anki collection (another profile or another machine)."""
    yield from _anki_collection(tmp_path / "other-anki")


def _anki_collection(folder: Path) -> Iterator[AnkiCollection]:
    folder.mkdir()
    collection = AnkiCollection(str(folder / "collection.anki2"))
    try:
        yield collection
    finally:
        collection.close()


def import_into_anki(
    anki: AnkiCollection, package: Path, *, merge_notetypes: bool = False
) -> ImportResponse.Log:
    """Import a package as Anki's Import dialog does, with scheduling; returns Anki's log."""
    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, merge_notetypes=merge_notetypes
        ),
    )
    return anki.import_anki_package(request).log


def answer_in_anki(anki: AnkiCollection, rating: Rating) -> tuple[str, int]:
    """Answer the next card Anki's scheduler shows; returns the card's note guid and template
    ordinal, so a test knows which card got the answer whatever Anki's order."""
    queued = anki.sched.get_queued_cards().cards[0]
    card = anki.get_card(queued.card.id)
    card.start_timer()
    answer = anki.sched.build_answer(card=card, states=queued.states, rating=ANKI_BUTTONS[rating])
    anki.sched.answer_card(answer)
    return card.note().guid, card.ord


def anki_notes_by_first_field(anki: AnkiCollection) -> dict[str, Note]:
    return {note.fields[0]: note for note in map(anki.get_note, anki.find_notes(""))}


# --- revise -> Anki ----------------------------------------------------------------------------


def revise_decks() -> list[DeckData]:
    return [
        DeckData(
            "Geography",
            [
                NoteData(
                    NoteKind.BASIC,
                    "Capital of France?",
                    "Paris",
                    tags=("europe", "capitals"),
                    context="Europe > Capitals",
                    source=SourceRef("notes/geography.txt", 3, 4),
                ),
                NoteData(NoteKind.REVERSED, "der Hund", "the dog", tags=("german",)),
                NoteData(
                    NoteKind.BASIC,
                    "Flag of Japan (image: japan.png)",
                    "Japan",
                    media=("japan.png",),
                ),
            ],
            media={"japan.png": PNG},
        ),
        DeckData(
            "Geography::History",
            [NoteData(NoteKind.CLOZE, VERSAILLES, "Ended the First World War", tags=("history",))],
        ),
    ]


def study_in_revise(col: Collection, clock: Clock) -> None:
    """Learn one card to review (Good, then Good at the next step) and fail a new one."""
    answers = [
        ("Capital of France?", Rating.GOOD),
        ("Capital of France?", Rating.GOOD),
        ("der Hund", Rating.AGAIN),
    ]
    for expected, rating in answers:
        card = col.next_card("Geography")
        assert card is not None and card.prompt == expected
        col.answer(card, rating, duration_ms=5000)
        clock.advance(minutes=10)


def test_anki_imports_a_revise_export_with_notes_decks_media_and_progress(
    col, clock, tmp_path, anki
):
    col.import_decks(revise_decks())
    study_in_revise(col, clock)
    package = tmp_path / "geography.apkg"
    export_decks(col.export_decks("Geography"), package)

    log = import_into_anki(anki, package)
    assert len(log.new) == 4
    assert not (log.conflicting or log.missing_notetype or log.empty_first_field)

    notes = anki_notes_by_first_field(anki)
    france = notes["Capital of France?"]
    dog = notes["der Hund"]
    flag = notes['Flag of Japan <img src="japan.png">']
    versailles = notes[VERSAILLES]
    assert (france.note_type()["name"], france.fields) == (
        "Basic (revise)",
        ["Capital of France?", "Paris", "Europe &gt; Capitals", "notes/geography.txt:3-4"],
    )
    assert "Europe &gt; Capitals" in france.cards()[0].question()  # shown above the question
    assert (dog.note_type()["name"], dog.fields) == (
        "Basic and reversed (revise)",
        ["der Hund", "the dog", "", ""],
    )
    assert versailles.note_type()["type"] == MODEL_CLOZE
    assert versailles.fields == [VERSAILLES, "Ended the First World War", "", ""]
    assert flag.fields[1] == "Japan"
    assert sorted(france.tags) == ["capitals", "europe"]
    assert dog.tags == ["german"] and versailles.tags == ["history"] and flag.tags == []
    assert [len(note.cards()) for note in (france, dog, versailles, flag)] == [1, 2, 2, 1]

    deck_names = {deck.name for deck in anki.decks.all_names_and_ids()}
    assert {"Geography", "Geography::History"} <= deck_names
    assert {anki.decks.name(card.did) for card in versailles.cards()} == {"Geography::History"}
    assert Path(anki.media.dir(), "japan.png").read_bytes() == PNG

    # Anki shows the cloze hint and answer as revise does.
    second_deletion = next(card for card in versailles.cards() if card.ord == 1)
    assert "[year]" in second_deletion.question()
    assert "1919" in second_deletion.answer()

    [reviewed] = france.cards()
    assert (reviewed.type, reviewed.ivl > 0, reviewed.reps) == (CARD_TYPE_REV, True, 2)
    assert reviewed.memory_state is not None and reviewed.memory_state.stability > 0
    forward, backward = sorted(dog.cards(), key=lambda card: card.ord)
    assert (forward.type, backward.type) == (CARD_TYPE_LRN, CARD_TYPE_NEW)
    assert {card.type for card in versailles.cards() + flag.cards()} == {CARD_TYPE_NEW}
    ratings = anki.db.all("SELECT cid, ease FROM revlog ORDER BY id")
    assert ratings == [[reviewed.id, 3], [reviewed.id, 3], [forward.id, 1]]

    # Anki's check database finds nothing to repair, and its scheduler studies the deck.
    _message, ok = anki.fix_integrity()
    assert ok
    assert not anki.get_empty_cards().notes
    anki.decks.select(anki.decks.id_for_name("Geography"))
    queued = anki.sched.get_queued_cards()
    assert (queued.new_count, queued.learning_count, queued.review_count) == (4, 1, 1)
    answer_in_anki(anki, Rating.GOOD)
    assert anki.db.scalar("SELECT count() FROM revlog") == 4


def test_review_cards_fall_due_in_anki_on_the_study_day_revise_shows_them(tmp_path, anki):
    # Whatever the machine's time zone and the time of day, a card due before the next study
    # day starts is due today in Anki, and one due after it tomorrow.
    now = datetime.now(UTC)
    start, end = day_bounds(now, DEFAULT_DAY_STARTS_AT)
    due_dates = {
        "yesterday": start - timedelta(hours=1),
        "today": end - timedelta(hours=2),
        "tomorrow": end + timedelta(hours=1),
    }
    notes = [
        NoteData(NoteKind.BASIC, name, "answer", history=[_review_card(due)])
        for name, due in due_dates.items()
    ]
    package = tmp_path / "due.apkg"
    export_decks([DeckData("Due", notes)], package)
    import_into_anki(anki, package)
    days_from_today = {
        name: note.cards()[0].due - anki.sched.today
        for name, note in anki_notes_by_first_field(anki).items()
    }
    assert days_from_today == {"yesterday": -1, "today": 0, "tomorrow": 1}


def _review_card(due: datetime) -> CardHistory:
    reviewed = due - timedelta(days=5)
    schedule = ScheduleData(
        state=2, due=due, stability=5.0, difficulty=5.0, last_review=reviewed, reps=1
    )
    return CardHistory(0, schedule, [ReviewData(reviewed, 3)])


# --- Anki -> revise ----------------------------------------------------------------------------


def fill_anki(anki: AnkiCollection) -> dict[tuple[str, int], Rating]:
    """Notes of Anki's stock types with HTML fields, media and a sub-deck, some of them studied
    with Anki's scheduler; returns the rating given to each answered (note guid, ordinal)."""
    top = anki.decks.id("Languages")
    german = anki.decks.id("Languages::German")
    anki.media.write_data("seine.png", PNG)
    _add_anki_note(
        anki,
        "Basic",
        top,
        ["geo"],
        "Capital of <b>France</b>?",
        'Paris<br>on the Seine <img src="seine.png">',
    )
    _add_anki_note(
        anki, "Basic (and reversed card)", german, ["german", "vocab"], "der Hund", "the dog"
    )
    _add_anki_note(
        anki,
        "Cloze",
        german,
        ["history"],
        VERSAILLES,
        "<ul><li>ended the war</li><li>signed at Versailles</li></ul>",
    )
    _add_anki_note(anki, "Basic", german, [], FISH, "<div>line one</div><div>line two</div>")
    anki.decks.select(top)
    ratings = [Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.EASY]
    return {answer_in_anki(anki, rating): rating for rating in ratings}


def _add_anki_note(
    anki: AnkiCollection, note_type: str, deck_id: int, tags: list[str], *fields: str
) -> None:
    note = anki.new_note(anki.models.by_name(note_type))
    for index, text in enumerate(fields):
        note.fields[index] = text
    note.tags = tags
    anki.add_note(note, deck_id)


def anki_apkg(legacy: bool) -> Callable[[AnkiCollection, Path], None]:
    """Anki's deck package export, in the legacy (collection.anki21) or current format."""

    def export(anki: AnkiCollection, path: Path) -> None:
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy
        )
        anki.export_anki_package(out_path=str(path), options=options, limit=None)

    return export


def anki_colpkg(legacy: bool) -> Callable[[AnkiCollection, Path], None]:
    """Anki's whole-collection backup package, in the legacy or current format."""

    def export(anki: AnkiCollection, path: Path) -> None:
        anki.export_collection_package(str(path), include_media=True, legacy=legacy)
        anki.reopen()  # exporting a collection package closes the collection

    return export


# Anki 26 writes its legacy format as collection.anki21 (beside a dummy collection.anki2 that
# older versions would read instead); the current one as zstd-compressed collection.anki21b.
ANKI_FORMATS = [
    pytest.param(anki_apkg(legacy=True), ".apkg", "collection.anki21", id="apkg-legacy"),
    pytest.param(anki_apkg(legacy=False), ".apkg", "collection.anki21b", id="apkg-current"),
    pytest.param(anki_colpkg(legacy=True), ".colpkg", "collection.anki21", id="colpkg-legacy"),
    pytest.param(anki_colpkg(legacy=False), ".colpkg", "collection.anki21b", id="colpkg-current"),
]


@pytest.mark.parametrize(("export", "suffix", "member"), ANKI_FORMATS)
def test_revise_imports_every_package_anki_writes(export, suffix, member, tmp_path, anki, col):
    answered = fill_anki(anki)
    package = tmp_path / f"languages{suffix}"
    export(anki, package)
    assert member in zipfile.ZipFile(package).namelist()

    decks = read_decks(package)
    assert [deck.name for deck in decks] == ["Languages", "Languages::German"]
    notes = {note.front: note for deck in decks for note in deck.notes}
    assert set(notes) == {"Capital of France?", "der Hund", VERSAILLES, "Fish & chips <3"}
    france = notes["Capital of France?"]
    assert (france.kind, france.back) == (NoteKind.BASIC, "Paris\non the Seine (image: seine.png)")
    assert decks[0].media == {"seine.png": PNG}
    assert notes["Fish & chips <3"].back == "line one\nline two"
    assert (notes["der Hund"].kind, notes["der Hund"].back) == (NoteKind.REVERSED, "the dog")
    versailles = notes[VERSAILLES]
    assert versailles.kind is NoteKind.CLOZE
    assert versailles.back == "- ended the war\n- signed at Versailles"
    assert [(face.prompt, face.answer) for face in card_faces(versailles)] == [
        ("The [...] was signed in 1919.", "Treaty of Versailles"),
        ("The Treaty of Versailles was signed in [year].", "1919"),
    ]
    assert (france.tags, notes["der Hund"].tags) == (("geo",), ("german", "vocab"))

    report = col.import_decks(decks)
    assert (report.total_added, sum(deck.reviews for deck in report.decks)) == (4, 4)
    stored = stored_cards(col, "Languages")
    assert len(stored) == 6  # the reversed note and the cloze (one per deletion) make two each
    for key, card in stored.items():
        if key in answered:
            assert [review.rating for review in card.reviews] == [answered[key]]
            assert card.schedule.state != 0 and card.schedule.due is not None
        else:
            assert (card.schedule.state, card.reviews) == (0, [])


def stored_cards(col: Collection, deck: str) -> dict[tuple[str, int], CardHistory]:
    """Each card revise holds in a deck, by its note's Anki guid and its ordinal."""
    return {
        (note.key, card.ordinal): card
        for data in col.export_decks(deck)
        for note in data.notes
        for card in note.history
    }


def test_a_newer_anki_export_updates_the_notes_revise_already_has(tmp_path, anki, col):
    fill_anki(anki)
    first = tmp_path / "first.apkg"
    anki_apkg(legacy=False)(anki, first)
    col.import_decks(read_decks(first))

    dog = anki.get_note(anki.find_notes('"der Hund"')[0])
    dog.fields[1] = "the hound"
    anki.update_note(dog)
    studied = answer_in_anki(anki, Rating.GOOD)
    newer = tmp_path / "newer.apkg"
    anki_apkg(legacy=True)(anki, newer)
    report = col.import_decks(read_decks(newer))

    assert (report.total_added, report.total_updated, report.total_unchanged) == (0, 1, 3)
    assert sum(deck.reviews for deck in report.decks) == 1
    notes = {note.front: note for deck in col.export_decks("Languages") for note in deck.notes}
    assert notes["der Hund"].back == "the hound"
    assert stored_cards(col, "Languages")[studied].reviews[-1].rating == Rating.GOOD


def test_revise_reads_the_anki_collection_file_once_anki_has_closed_it(tmp_path):
    folder = tmp_path / "profile"
    folder.mkdir()
    path = folder / "collection.anki2"
    anki = AnkiCollection(str(path))
    try:
        fill_anki(anki)
        with pytest.raises(FormatError, match=r"Anki has this collection open.*close Anki"):
            read_decks(path)
    finally:
        anki.close()
    decks = read_decks(path)
    assert [deck.name for deck in decks] == ["Languages", "Languages::German"]
    assert sum(len(deck.notes) for deck in decks) == 4


# --- Anki -> revise -> Anki --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("merge_notetypes", "reported_as"),
    [
        # Anki's default: its own note types differ from revise's, so it keeps its version.
        pytest.param(False, ("conflicting",), id="keep-note-types"),
        # Updated if revise's copy is newer by the second, else already there as it is.
        pytest.param(True, ("updated", "duplicate"), id="merge-note-types"),
    ],
)
def test_a_round_trip_through_revise_keeps_anki_note_identity(
    merge_notetypes, reported_as, tmp_path, anki, other_anki, col
):
    fill_anki(anki)
    original = tmp_path / "from-anki.apkg"
    anki_apkg(legacy=False)(anki, original)
    col.import_decks(read_decks(original))
    back = tmp_path / "from-revise.apkg"
    export_decks(col.export_decks("Languages"), back)
    guids = {anki.get_note(note_id).guid for note_id in anki.find_notes("")}
    notes_before, cards_before = anki.note_count(), anki.card_count()

    # Into a new collection: the same notes, known by the same guids.
    import_into_anki(other_anki, back)
    assert {other_anki.get_note(note_id).guid for note_id in other_anki.find_notes("")} == guids

    # Back into the collection they came from: recognised, never duplicated.
    log = import_into_anki(anki, back, merge_notetypes=merge_notetypes)
    recognised = sum(len(getattr(log, outcome)) for outcome in reported_as)
    assert (len(log.new), recognised) == (0, notes_before)
    assert (anki.note_count(), anki.card_count()) == (notes_before, cards_before)
