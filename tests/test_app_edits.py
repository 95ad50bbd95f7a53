"""Edits in the app and the files decks come from: re-imports keep app edits, list conflicts,
leave deleted cards deleted; a deck is written back into its file, keeping the file's layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise import Collection, Rating
from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind

DECK = """\
---
name: Capitals
---

<!-- my own note: check these against the atlas -->
# Europe

France :: Paris

Q: Capital of
Germany?
A: Berlin

# Asia
Japan :: Tokio
Korea :: Seoul
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def card_with(col: Collection, prompt: str) -> int:
    for card_id in range(1, 100):
        try:
            if col.card(card_id).prompt == prompt:
                return card_id
        except ReviseError:
            break
    raise AssertionError(prompt)


def fronts(col: Collection) -> dict[str, str]:
    return {note.front: note.back for note in col.export_deck("Capitals").notes}


def test_reimporting_an_unchanged_file_keeps_the_apps_edit(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    japan = card_with(col, "Japan")
    col.answer(japan, Rating.GOOD)
    col.editing.edit_note(japan, back="Tokyo")

    report = col.import_file(path)

    assert report.decks[0].summary() == "Capitals: 0 added, 0 updated, 4 unchanged, 0 missing"
    assert fronts(col)["Japan"] == "Tokyo"
    assert col.card(japan).reps == 1


def test_a_card_changed_in_both_is_a_conflict_the_app_wins_unless_prefer_file(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    japan = card_with(col, "Japan")
    col.answer(japan, Rating.GOOD)
    col.editing.edit_note(japan, back="Tokyo")
    write(path, DECK.replace("Japan :: Tokio", "Japan :: Tokio city"))

    dry = col.import_file(path, dry_run=True)
    assert dry.decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 3 unchanged, 0 missing, 1 changed in the app and in the file"
    )
    assert "  conflict: Japan: changed in the app and in the file; kept the app's " in str(dry)
    assert fronts(col)["Japan"] == "Tokyo"

    col.import_file(path)
    assert fronts(col)["Japan"] == "Tokyo"
    # Still open: importing the file again lists it, and --prefer-file then takes the file's.
    again = str(col.import_file(path))
    assert "kept the app's (revise import FILE --prefer-file takes the file's)" in again
    report = col.import_file(path, prefer_file=True)
    assert "took the file's" in str(report)
    assert fronts(col)["Japan"] == "Tokio city"
    assert col.card(japan).reps == 1  # the same card, with its review
    assert col.import_file(path).decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 4 unchanged, 0 missing"
    )


@pytest.mark.parametrize("prefer_file", [False, True])
@pytest.mark.parametrize("dry_run", [False, True])
def test_each_card_of_the_file_is_counted_once_a_conflict_as_a_conflict(
    col, tmp_path, prefer_file, dry_run
):
    deck = write(tmp_path / "capitals.md", DECK)
    table = write(tmp_path / "rivers.csv", "front,back\nNile,Egypt\nRhine,Germany\nLoire,France\n")
    col.import_file(deck)
    col.import_file(table)
    col.editing.edit_note(card_with(col, "Japan"), back="Tokyo")
    col.editing.edit_note(card_with(col, "Rhine"), back="Germany, the Netherlands")
    write(deck, DECK.replace("Japan :: Tokio", "Japan :: Tokio city"))
    write(table, "front,back\nNile,Egypt\nRhine,Germany and Switzerland\nLoire,France\n")

    for path, name, unchanged in ((deck, "Capitals", 3), (table, "rivers", 2)):
        report = col.import_file(path, dry_run=dry_run, prefer_file=prefer_file)
        (counts,) = report.decks
        assert counts.summary() == (
            f"{name}: 0 added, 0 updated, {unchanged} unchanged, 0 missing, "
            "1 changed in the app and in the file"
        )
        kept = "file" if prefer_file else "app"
        assert [conflict.kept for conflict in counts.conflicts] == [kept]


def test_the_file_is_taken_for_the_conflicts_named_and_no_other(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    japan, korea = card_with(col, "Japan"), card_with(col, "Korea")
    col.answer(korea, Rating.GOOD)
    col.editing.edit_note(japan, back="Tokyo")
    col.editing.edit_note(korea, back="Seoul (서울)")
    write(path, DECK.replace("Tokio", "Tokio city").replace(":: Seoul", ":: Seoul city"))
    conflicts = {c.app.front: c for c in col.import_file(path).decks[0].conflicts}
    assert sorted(conflicts) == ["Japan", "Korea"]

    report = col.import_file(path, prefer_file=frozenset({conflicts["Korea"].key}))

    assert sorted((c.app.front, c.kept) for c in report.decks[0].conflicts) == [
        ("Japan", "app"),
        ("Korea", "file"),
    ]
    assert fronts(col)["Korea"] == "Seoul city"
    assert fronts(col)["Japan"] == "Tokyo"
    assert col.card(korea).reps == 1
    again = col.import_file(path).decks[0]
    assert [c.app.front for c in again.conflicts] == ["Japan"]
    assert again.summary() == (
        "Capitals: 0 added, 0 updated, 3 unchanged, 0 missing, 1 changed in the app and in the file"
    )


def test_a_conflict_the_app_won_is_closed_by_writing_the_deck_back(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    col.editing.edit_note(card_with(col, "Japan"), back="Tokyo")
    write(path, DECK.replace("Japan :: Tokio", "Japan :: Tokio city"))
    assert col.import_file(path).decks[0].conflicts

    col.editing.write_back("Capitals")

    assert "Japan :: Tokyo\n" in path.read_text(encoding="utf-8")
    assert col.import_file(path).decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 4 unchanged, 0 missing"
    )


def test_cards_added_in_the_app_are_not_missing_from_the_file(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    col.editing.add_notes("Capitals", [NoteData(NoteKind.BASIC, "Italy", "Rome")])

    report = col.import_file(path)

    assert report.decks[0].missing == 0
    assert col.decks()[0].total == 5


def test_cards_deleted_in_the_app_do_not_come_back_unless_restore(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    col.editing.delete_notes([card_with(col, "Korea")])

    report = col.import_file(path)
    assert report.decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 3 unchanged, 0 missing, 1 deleted in the app (not restored)"
    )
    assert "Korea" not in fronts(col)
    assert "--restore brings back the cards deleted in the app" in str(report)

    report = col.import_file(path, restore=True)
    assert report.decks[0].added == 1
    assert fronts(col)["Korea"] == "Seoul"
    assert col.import_file(path).decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 4 unchanged, 0 missing"
    )


def test_writing_back_keeps_the_files_layout_and_takes_the_apps_changes(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    col.editing.edit_note(card_with(col, "Japan"), back="Tokyo")
    col.editing.delete_notes([card_with(col, "Korea")])
    col.editing.add_notes("Capitals", [NoteData(NoteKind.BASIC, "Italy", "Rome")])

    done = col.editing.write_back("Capitals")

    assert (done.kept, done.changed, done.added, done.removed) == (2, 1, 1, 1)
    assert path.read_text(encoding="utf-8") == (
        "---\n"
        "name: Capitals\n"
        "---\n"
        "\n"
        "<!-- my own note: check these against the atlas -->\n"
        "# Europe\n"
        "\n"
        "France :: Paris\n"
        "\n"
        "Q: Capital of\n"
        "Germany?\n"
        "A: Berlin\n"
        "\n"
        "# Asia\n"
        "Japan :: Tokyo\n"
        "\n"
        "#\n"
        "\n"
        "Italy :: Rome\n"
    )
    # The file and the collection now agree: a re-import changes nothing and brings nothing back.
    assert col.import_file(path).decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 4 unchanged, 0 missing"
    )
    assert not list(tmp_path.glob(".revise-*"))


def test_a_renamed_deck_is_written_back_under_its_new_name(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    col.editing.rename_deck("Capitals", "Geography::Capitals")

    col.editing.write_back("Geography::Capitals")

    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nname: Geography::Capitals\n---\n\n<!-- my own note")
    assert col.import_file(path).decks[0].summary() == (
        "Geography::Capitals: 0 added, 0 updated, 4 unchanged, 0 missing"
    )


def test_a_deck_from_elsewhere_cannot_be_written_back(col):
    col.editing.create_deck("Typed in")
    with pytest.raises(ReviseError) as error:
        col.editing.write_back("Typed in")
    assert str(error.value) == (
        "deck 'Typed in' was not imported from a revise deck file; write it to one with "
        "revise export 'Typed in' -o FILE.md"
    )


def test_writing_back_over_a_file_changed_since_its_import_is_refused(col, tmp_path):
    path = write(tmp_path / "capitals.md", DECK)
    col.import_file(path)
    col.editing.edit_note(card_with(col, "Japan"), back="Tokyo")
    changed = DECK.replace("Korea :: Seoul", "Korea :: Seoul\nSpain :: Madrid")
    write(path, changed)

    with pytest.raises(ReviseError) as error:
        col.editing.write_back("Capitals")

    assert str(error.value) == (
        f"{path}:17: this card changed in the file since it was imported; import the file "
        f"first (revise import {path}), then write the deck back"
    )
    assert path.read_text(encoding="utf-8") == changed
    col.import_file(path)
    col.editing.write_back("Capitals")
    assert "Japan :: Tokyo\nKorea :: Seoul\nSpain :: Madrid\n" in path.read_text(encoding="utf-8")
