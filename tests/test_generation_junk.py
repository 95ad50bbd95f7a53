"""Cards a reader marks as junk: the generator does not draft them, and the checker flags them
where another route would. Each example is a short line of the shape that produced one."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.generation import generate_deck
from revise.generation.checker import check_deck

PATH = "notes/junk.md"


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def flagged(notes: str, note: NoteData) -> set[int]:
    """The checks a card drawn from `notes` fails."""
    deck = DeckData("Revision", [note], source=PATH)
    return {finding.check for finding in check_deck(deck, {PATH: notes})}


def cloze(front: str, line: int, context: str = "Notes") -> NoteData:
    return NoteData(NoteKind.CLOZE, front, context=context, source=SourceRef(PATH, line, line))


def basic(front: str, back: str, line: int, context: str = "Notes") -> NoteData:
    source = SourceRef(PATH, line, line)
    return NoteData(NoteKind.BASIC, front, back, context=context, source=source)


def test_a_label_over_a_point_is_never_the_answer(tmp_path: Path) -> None:
    text = (
        "# The Cold War\n\n## Containment\n\n"
        "**Key point:** the Marshall Plan gave about $13 billion of aid to rebuild Western "
        "Europe – partly to stop communism spreading.\n\n## Detente\n\n"
        "**Key point:** arms control often means limiting the number of missiles – e.g. "
        "SALT I in 1972.\n"
    )
    notes = deck_notes(tmp_path, text)
    assert notes
    assert not any("Key point" in note.front for note in notes)
    assert not any("often means" in note.front for note in notes if note.back)
    line = "**Key point:** arms control often means limiting the number of missiles.\n"
    card = cloze("[Key point]: arms control often means limiting the number of missiles", 1)
    assert 4 in flagged(line, card)
    kept = cloze("Arms control often means limiting the number of [missiles]", 1)
    assert 4 not in flagged(line, kept)


def test_a_verb_with_no_object_is_not_asked_what_it_acts_on(tmp_path: Path) -> None:
    text = (
        "# Succession\n\n## Stages\n\nPioneer species colonise bare rock. "
        "Species diversity generally increases and the soil depth increases too. "
        "The final stage is woodland.\n"
    )
    notes = deck_notes(tmp_path, text)
    assert not any(note.back and note.back.startswith("And ") for note in notes)
    line = "Species diversity generally increases and the soil depth increases too.\n"
    card = basic("What does species diversity generally increase?", "And the soil depth", 1)
    assert 14 in flagged(line, card)
