"""Tables are read and stored a batch of rows at a time: what a user sees is the same as if the
whole file were read at once, and a row that cannot be read, however far down, changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise import Collection, Rating
from revise.errors import FormatError, ReviseError
from revise.formats import csvdeck
from revise.formats.csvdeck import TableReader, read_csv_deck
from revise.formats.model import NoteData, NoteKind
from tests.core_fixtures import ROWS, table

FIXTURES = Path(__file__).parent / "fixtures" / "csv"


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvdeck, "ROWS_PER_BATCH", 3)


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.csv")))
def test_a_table_read_in_small_batches_gives_the_same_notes(name, monkeypatch):
    whole = read_csv_deck(FIXTURES / name)
    monkeypatch.setattr(csvdeck, "ROWS_PER_BATCH", 2)
    assert read_csv_deck(FIXTURES / name) == whole


def test_rows_are_handed_on_before_the_rest_of_the_file_is_read(tmp_path, small_batches):
    path = table(tmp_path / "t.csv", *ROWS[:4], '"{{c1::}}",empty deletion', *ROWS[4:])
    batches = TableReader(path).batches()
    assert [note.front for _, note in next(batches)] == [
        f"What is item {n}?" for n in range(2)
    ]  # and the header
    with pytest.raises(FormatError, match=r"t\.csv:6: cloze text cannot be read"):
        list(batches)


def test_a_table_longer_than_a_batch_imports_every_row_and_skips_repeats(
    col, tmp_path, small_batches
):
    path = table(tmp_path / "items.csv", *ROWS[:8], "what is ITEM 2,answer 2", *ROWS[8:])

    report = col.import_file(path)

    [deck] = report.decks
    assert deck.summary() == "items: 10 added, 0 updated, 0 unchanged, 0 missing, 1 skipped"
    assert deck.skipped == ["line 10: same card as line 4"]
    notes = col.export_deck("items").notes
    assert [note.front for note in notes] == [f"What is item {n}?" for n in range(10)]
    assert col.next_card().prompt == "What is item 0?"


def test_a_large_first_import_is_read_once_its_progress_only_moving_forward(
    col, tmp_path, small_batches, monkeypatch
):
    from revise.storage import merge

    monkeypatch.setattr(merge, "HOLD_AT_MOST", 4)  # the first pass stops after one batch
    path = table(tmp_path / "items.csv", *ROWS)
    passes = []
    read = TableReader.batches
    monkeypatch.setattr(TableReader, "batches", lambda self: passes.append(1) or read(self))
    told: list[tuple[int, int]] = []

    report = col.import_file(path, progress=lambda done, total: told.append((done, total)))

    assert report.decks[0].summary() == "items: 10 added, 0 updated, 0 unchanged, 0 missing"
    assert len(passes) == 1  # the rows the first pass read are stored, not read again
    assert told == sorted(set(told)) and told[-1][0] == told[-1][1]
    assert [note.front for note in col.export_deck("items").notes] == [
        f"What is item {n}?" for n in range(10)
    ]


def test_the_progress_moves_on_while_the_writes_are_made(col, tmp_path, small_batches, monkeypatch):
    from revise.storage import merge

    monkeypatch.setattr(merge, "NOTES_PER_WRITE", 2)
    path = table(tmp_path / "items.csv", *ROWS)
    told: list[tuple[int, int]] = []
    at_writes: list[int] = []  # how far the progress was told as each batch of notes is written
    add_batch = merge._add_batch
    monkeypatch.setattr(
        merge,
        "_add_batch",
        lambda *args: at_writes.append(told[-1][0] if told else 0) or add_batch(*args),
    )

    col.import_file(path, progress=lambda done, total: told.append((done, total)))

    # On SQLite the ten rows are read first and written under the lock, two at a time; on a
    # server they are written as they are read: either way the bar moves between the writes.
    assert len(at_writes) >= 4
    assert at_writes == sorted(set(at_writes)) and at_writes[-1] < told[-1][1]
    assert told == sorted(set(told)) and told[-1][0] == told[-1][1]


def test_rows_held_to_be_matched_as_edits_move_the_progress_as_they_are_written(
    col, tmp_path, small_batches, monkeypatch
):
    from revise.storage import merge

    col.import_file(table(tmp_path / "items.csv", *ROWS[:2]))
    # Rows new to a deck that has notes wait for the end of the file (perhaps edited cards);
    # the file is too large to hold, so the rows it held are stored as they are read.
    monkeypatch.setattr(merge, "HOLD_AT_MOST", 2)
    monkeypatch.setattr(merge, "NOTES_PER_WRITE", 2)
    told: list[tuple[int, int]] = []
    at_writes: list[int] = []
    add_batch = merge._add_batch
    monkeypatch.setattr(
        merge,
        "_add_batch",
        lambda *args: at_writes.append(told[-1][0] if told else 0) or add_batch(*args),
    )
    path = table(tmp_path / "items.csv", *ROWS[:2], *(f"New {n},new answer {n}" for n in range(8)))

    report = col.import_file(path, progress=lambda done, total: told.append((done, total)))

    assert report.decks[0].summary() == "items: 8 added, 0 updated, 2 unchanged, 0 missing"
    assert len(at_writes) >= 4  # the eight new rows written two at a time, the bar moving
    assert at_writes == sorted(set(at_writes)) and at_writes[-1] < told[-1][1]
    assert told == sorted(set(told)) and told[-1][0] == told[-1][1]


def test_reimporting_an_unchanged_table_finds_every_row_unchanged(col, tmp_path, small_batches):
    path = table(tmp_path / "items.csv", *ROWS)
    col.import_file(path)
    col.answer(col.next_card(), Rating.GOOD)

    report = col.import_file(path)

    assert report.decks[0].summary() == "items: 0 added, 0 updated, 10 unchanged, 0 missing"
    assert sum(len(card.reviews) for note in col.export_deck("items").notes
               for card in note.history) == 1  # fmt: skip


def test_a_table_edited_across_batches_keeps_each_cards_history(col, tmp_path, small_batches):
    path = table(tmp_path / "items.csv", *ROWS)
    col.import_file(path)
    studied = col.next_card()
    assert studied.prompt == "What is item 0?"
    col.answer(studied, Rating.GOOD)
    # Item 0 gets a typo fixed and moves to the end, item 5 is deleted, item 1 is repeated.
    rows = [*ROWS[1:5], *ROWS[6:], ROWS[1], "What is item zero?,Answer 0"]
    table(path, *rows)

    report = col.import_file(path)

    [deck] = report.decks
    assert deck.summary() == "items: 0 added, 1 updated, 8 unchanged, 1 missing, 1 skipped"
    assert deck.skipped == ["line 10: same card as line 2"]
    notes = col.export_deck("items").notes
    assert [note.front for note in notes][-1] == "What is item zero?"
    assert [len(card.reviews) for card in notes[-1].history] == [1]
    assert "What is item 5?" not in {note.front for note in notes}


def test_a_bad_row_in_a_later_batch_changes_nothing(col, tmp_path, small_batches):
    col.import_file(table(tmp_path / "items.csv", *ROWS[:2]))
    before = col.export_deck("items").notes
    bad = table(tmp_path / "items.csv", *ROWS, '"{{c1::}}",empty deletion')

    with pytest.raises(ReviseError, match=r"items\.csv:12: cloze text cannot be read"):
        col.import_file(bad)

    assert col.export_deck("items").notes == before
    assert [deck.name for deck in col.decks()] == ["items"]


def test_a_wider_row_far_down_is_found_as_if_the_file_were_read_at_once(
    col: Collection, tmp_path, small_batches
):
    path = tmp_path / "plain.csv"
    path.write_text("".join(f"front {n},back {n}\n" for n in range(7)) + "a,b,c\n", "utf-8")

    with pytest.raises(ReviseError, match="3 text columns and no header naming them"):
        col.import_file(path)
    assert col.decks() == []


def test_a_dry_run_of_a_table_lists_its_changes_and_stores_nothing(col, tmp_path, small_batches):
    path = table(tmp_path / "items.csv", *ROWS[:5])

    report = col.import_file(path, dry_run=True)

    assert [(change, note.front) for change, note in report.decks[0].changes] == [
        ("added", f"What is item {n}?") for n in range(5)
    ]
    assert col.decks() == []


def test_a_table_with_a_deck_column_fills_each_deck_in_file_order(col, tmp_path, small_batches):
    path = tmp_path / "decks.csv"
    path.write_text(
        "front,back,deck\n" + "".join(f"q{n},a{n},{'AB'[n % 2]}\n" for n in range(8)), "utf-8"
    )

    report = col.import_file(path)

    assert [deck.summary() for deck in report.decks] == [
        "A: 4 added, 0 updated, 0 unchanged, 0 missing",
        "B: 4 added, 0 updated, 0 unchanged, 0 missing",
    ]
    assert [note.front for note in col.export_deck("B").notes] == ["q1", "q3", "q5", "q7"]


def test_a_table_in_batches_keeps_app_edits_added_and_deleted_cards(col, tmp_path, small_batches):
    path = table(tmp_path / "items.csv", *ROWS)
    col.import_file(path)
    first = col.next_card()
    col.editing.edit_note(first.id, back="Answer zero")
    col.answer(col.next_card(), Rating.GOOD)
    deleted = col.next_card()
    assert deleted.prompt == "What is item 1?"
    col.editing.delete_notes([deleted.id])
    col.editing.add_notes("items", [NoteData(NoteKind.BASIC, "Added in the app", "yes")])
    table(path, "What is item 0?,Answer 0 changed", *ROWS[1:-1], "What is item 9?,Answer nine")

    report = col.import_file(path)

    [deck] = report.decks
    assert deck.summary() == (
        "items: 0 added, 1 updated, 7 unchanged, 0 missing, "
        "1 changed in the app and in the file, 1 deleted in the app (not restored)"
    )
    fronts = {note.front: note.back for note in col.export_deck("items").notes}
    assert fronts["What is item 0?"] == "Answer zero"  # the app's edit stays
    assert fronts["What is item 9?"] == "Answer nine"
    assert fronts["Added in the app"] == "yes"  # not missing from the file
    assert "What is item 1?" not in fronts
    assert col.import_file(path, restore=True).decks[0].added == 1


# --- other encodings, decoded as they are read ---------------------------------------------------

ENCODINGS = ["cp1252", "utf-16"]


def reencoded(source: Path, folder: Path, encoding: str) -> Path:
    """`source` (UTF-8) written in `encoding`, under the same name in `folder`."""
    target = folder / source.name
    target.write_bytes(source.read_text("utf-8-sig").encode(encoding))
    return target


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(
    "name", ["ultimate-history-cloze.csv", "ultimate-history-qa.csv"]
)  # the event table holds letters Windows-1252 lacks
def test_a_table_in_another_encoding_read_in_small_batches_gives_the_same_notes(
    name, encoding, tmp_path, monkeypatch
):
    whole = read_csv_deck(FIXTURES / name)
    monkeypatch.setattr(csvdeck, "ROWS_PER_BATCH", 2)
    assert read_csv_deck(reencoded(FIXTURES / name, tmp_path, encoding)) == whole


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_table_in_another_encoding_hands_on_rows_before_the_rest_is_decoded(
    encoding, tmp_path, small_batches
):
    path = tmp_path / "t.csv"
    rows = "".join(f"Qu'est-ce que l'élément {n} ?,Réponse {n}\n" for n in range(2000))
    path.write_bytes(("front,back\n" + rows).encode(encoding))
    batches = TableReader(path).batches()  # the file is checked whole here
    with path.open("ab") as out:  # ... and damaged after: the damage is met only when read
        out.write(b"\x81\n" if encoding == "cp1252" else b"\x00\xd8\x41\x00")
    first = [note.front for _, note in next(batches)]
    assert first == ["Qu'est-ce que l'élément 0 ?", "Qu'est-ce que l'élément 1 ?"]  # the header
    with pytest.raises(FormatError, match="save the file as UTF-8"):
        list(batches)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_table_in_another_encoding_imports_and_reimports_unchanged(
    encoding, col, tmp_path, small_batches
):
    path = tmp_path / "items.csv"
    path.write_bytes(("front,back\n" + "".join(f"{row}\n" for row in ROWS)).encode(encoding))
    assert col.import_file(path).decks[0].added == 10
    report = col.import_file(path)
    assert report.decks[0].summary() == "items: 0 added, 0 updated, 10 unchanged, 0 missing"


def test_a_table_mixing_encodings_far_down_names_its_first_line_not_utf8(tmp_path):
    path = tmp_path / "mixed.csv"
    head = "".join(f"q{n},a{n}\n" for n in range(100_000)).encode()  # over a megabyte
    path.write_bytes(head + "thé,tea\n".encode("cp1252") + "café,coffee\n".encode())
    with pytest.raises(FormatError, match=r"mixed\.csv:100001: text is not UTF-8 here"):
        TableReader(path)


def test_a_legacy_table_with_a_byte_windows_1252_lacks_is_refused(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("front,back\ncaf\xe9,coffee\n".encode("latin-1") + b"bad \x81,byte\n")
    with pytest.raises(FormatError, match=r"legacy\.csv:2: text is not UTF-8; save the file"):
        TableReader(path)
