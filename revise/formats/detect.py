"""Which reader a file needs, told by its content as well as its name."""

from __future__ import annotations

from pathlib import Path

from revise.errors import FormatError
from revise.formats.model import DeckData

NOTES_SUFFIXES = {".txt", ".html", ".htm", ".markdown"}


def read_decks(
    path: Path, *, deck: str | None = None, columns: str | None = None
) -> list[DeckData]:
    """Read every deck a file holds; `deck` renames a single-deck file's deck."""
    if not path.exists():
        raise FormatError(str(path), None, "no such file (check the path)")
    if path.is_dir():
        raise FormatError(str(path), None, "is a folder, not a file (name the files in it)")
    del columns  # only tabular files take column choices
    decks = _read_native_or_notes(path)
    if deck and len(decks) == 1:
        decks[0].name = deck
    return decks


def _read_native_or_notes(path: Path) -> list[DeckData]:
    from revise.formats import deckfile

    if path.suffix.lower() in NOTES_SUFFIXES:
        return [_generate(path)]
    head = path.read_bytes()
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [deckfile.read_deck_file(path)]
    if deckfile.looks_like_deck(text):
        return [deckfile.read_deck_file(path)]
    return [_generate(path)]


def _generate(path: Path) -> DeckData:
    from revise.generation import generate_deck

    return generate_deck(path)
