"""Decks generated from a few lines of notes written in a test's temporary folder."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.txt") -> list[NoteData]:
    """The cards generated from `text`, saved as `name` (its suffix says how it is read)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def questions(tmp_path: Path, text: str, name: str = "notes.txt") -> dict[str, str]:
    """The question cards generated from `text`, each front with its answer."""
    notes = deck_notes(tmp_path, text, name)
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
