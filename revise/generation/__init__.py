"""Decks from revision notes: outlines, markdown, prose articles and saved web pages.

`generate_deck` reads a notes file, drops what is not notes (menus, share links, repeats), infers
its headings and lists, and writes the cards a good student would: one fact each, its key term
hidden or asked for, with its heading trail and the lines it came from. The same notes always give
the same deck, so unchanged facts keep their ids when notes are edited and regenerated.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from revise.formats.model import DeckData

__all__ = ["generate_deck"]


def generate_deck(path: Path, *, relative_to: Path | None = None) -> DeckData:
    """A deck of cards from one notes file (.txt, .md, .markdown, .html or .htm).

    Source references name the notes file relative to `relative_to` (default: its own folder),
    the folder the deck file will live in. Raises FormatError for anything that is not notes.
    """
    from revise.generation.cards import build_notes
    from revise.generation.checker import without_flagged_cards
    from revise.generation.document import BlockKind
    from revise.generation.reading import parse_notes, read_notes
    from revise.generation.structure import outline
    from revise.generation.targets import build_vocabulary

    path = Path(path)
    text, kind = read_notes(path)
    document = parse_notes(text, kind)
    source = source_path(path, relative_to)
    document.title = readable_title(document.title, path)
    vocabulary = build_vocabulary(
        [block.text for block in document.blocks if block.kind is not BlockKind.HEADING],
        topic_words(document.title, path),
    )
    notes = build_notes(outline(document), vocabulary, source)
    deck = DeckData(name=document.title, notes=notes, source=source)
    return without_flagged_cards(deck, {source: text})


def source_path(path: Path, relative_to: Path | None) -> str:
    """The notes file's path as a deck in `relative_to` refers to it, with forward slashes."""
    base = Path(relative_to) if relative_to is not None else path.parent
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return path.resolve().as_posix()


def readable_title(title: str, path: Path) -> str:
    """The notes' own title, tidied ("russia north korea history" -> "Russia North Korea
    History"); the file name when the notes have none."""
    from revise.generation.language import is_stopword

    words = title.split()
    # A shouted tail ("... Soviet Union FOREIGN MILITARY RELATIONS") is a section label.
    tail = 0
    while tail < len(words) and words[-1 - tail].isupper() and words[-1 - tail].isalpha():
        tail += 1
    if tail >= 2 and any(ch.islower() for ch in " ".join(words[:-tail])):
        words = words[:-tail]
    text = " ".join(words).strip(" -:|")
    if not text:
        text = re.sub(r"[-_]+", " ", path.stem).strip() or "Notes"
    if text == text.lower():
        pieces = text.split()
        text = " ".join(
            piece if index and is_stopword(piece) else piece[:1].upper() + piece[1:]
            for index, piece in enumerate(pieces)
        )
    return text


def topic_words(title: str, path: Path) -> frozenset[str]:
    """The words that name what the notes are about; hiding them teaches nothing."""
    from revise.formats.model import normalise
    from revise.generation.language import is_stopword

    names = f"{title} {re.sub(r'[-_]+', ' ', path.stem)}"
    return frozenset(
        token
        for token in normalise(names).split()
        if not is_stopword(token) and not token.isdigit() and len(token) > 1
    )
