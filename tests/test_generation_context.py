"""Cards that keep their context: table cells that share a value, a term the author bolded."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def cards(tmp_path: Path, text: str, name: str = "notes.md") -> set[tuple[str, str]]:
    return {(note.front, note.back) for note in deck_notes(tmp_path, text, name)}


DECLENSION = """# Latin nouns

## First declension nouns

| | singular | plural |
|---|---|---|
| nominative | puella | puellae |
| genitive | puellae | puellarum |
| dative | puellae | puellis |
| ablative | puella | puellis |

## Second declension nouns

| | singular | plural |
|---|---|---|
| nominative | servus | servi |
| genitive | servi | servorum |
"""


def test_each_cell_of_a_table_of_forms_is_a_card_though_its_value_recurs(tmp_path: Path) -> None:
    got = cards(tmp_path, DECLENSION)
    for case, singular, plural in [
        ("nominative", "puella", "puellae"),
        ("genitive", "puellae", "puellarum"),
        ("dative", "puellae", "puellis"),
        ("ablative", "puella", "puellis"),
    ]:
        assert (f"What is the singular of {case}?", singular) in got
        assert (f"What is the plural of {case}?", plural) in got
    # the second table asks the same questions of its own forms, under its own heading
    second = {
        (note.front, note.back)
        for note in deck_notes(tmp_path, DECLENSION)
        if note.context == "Second declension nouns"
    }
    assert ("What is the singular of nominative?", "servus") in second
    assert ("What is the plural of genitive?", "servorum") in second


def test_a_table_column_whose_values_repeat_keeps_every_row(tmp_path: Path) -> None:
    notes = """# Group 1 and 2 ions

## Flame tests

| Ion | Charge | Flame colour |
|---|---|---|
| Lithium | +1 | crimson |
| Sodium | +1 | yellow |
| Potassium | +1 | lilac |
| Calcium | +2 | orange-red |
"""
    got = cards(tmp_path, notes)
    for ion in ("lithium", "sodium", "potassium"):
        assert (f"What is the charge of {ion}?", "+1") in got
    assert ("What is the charge of calcium?", "+2") in got


def test_a_word_the_author_bolded_is_a_term_however_common(tmp_path: Path) -> None:
    notes = """# Electricity basics

Current carries **charge** around a circuit — NOT energy itself.

A battery pushes charge round by giving it **energy** at the cell.
"""
    clozes = {note.front for note in deck_notes(tmp_path, notes) if note.kind is NoteKind.CLOZE}
    assert "Current carries [charge] around a circuit — NOT energy itself." in clozes
    assert "A battery pushes charge round by giving it [energy] at the cell." in clozes


def test_a_common_word_not_bolded_is_still_no_target(tmp_path: Path) -> None:
    notes = """# Electricity basics

Current carries charge around a circuit — NOT energy itself.
"""
    clozes = {note.front for note in deck_notes(tmp_path, notes) if note.kind is NoteKind.CLOZE}
    assert "Current carries [charge] around a circuit — NOT energy itself." not in clozes
