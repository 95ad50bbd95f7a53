"""Cards from sentences of prose whose fact sits in a clause of a common shape: what an adjective
ties its subject to, a deed told in a trailing "with X doing Y", what drew two things together, an
outcome after ", leading to"."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str) -> list[NoteData]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def asked(notes: list[NoteData]) -> dict[str, str]:
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


def hidden(notes: list[NoteData]) -> list[str]:
    return [note.front for note in notes if note.kind is NoteKind.CLOZE]


def test_what_an_adjective_ties_its_subject_to_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nThe Hanseatic League controlled much of the trade in northern "
        "Europe for two centuries. The league's power was evident in its hold over the herring "
        "and timber trades. Its last king was powerless for the rest of his reign.\n",
    )
    assert asked(notes)["What was the league's power evident in?"] == (
        "Its hold over the herring and timber trades"
    )
    assert not any("powerless" in front for front in asked(notes))  # how long, not what


def test_a_deed_told_in_a_trailing_with_clause_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nAfter the wars of the 1620s trade recovered slowly, with "
        "Danzig exporting grain to feed the growing towns of Holland.\n",
    )
    assert asked(notes)["What did Danzig export to feed the growing towns of Holland?"] == "Grain"


def test_what_drew_two_things_together_is_asked_for_the_cause(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nThe rising costs of war at sea have pushed the merchant towns "
        "and their princes closer together.\n",
    )
    assert asked(notes) == {
        "What has pushed the merchant towns and their princes closer together?": (
            "The rising costs of war at sea"
        )
    }


def test_an_outcome_or_field_singled_out_at_a_sentence_end_is_asked(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Trade in the Baltic\n\nThe merchants lost their grip on the eastern routes, leading "
        "to a slow decline of the league. The city invested its profits heavily, particularly "
        "in new warehouses and harbour walls.\n",
    )
    assert asked(notes) == {
        "The merchants lost their grip on the eastern routes. What did this lead to?": (
            "A slow decline of the league"
        )
    }
    assert hidden(notes) == [
        "The city invested its profits heavily, particularly in [new warehouses and harbour walls]."
    ]
