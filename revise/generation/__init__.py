"""Decks from revision notes: outlines, markdown, prose articles and saved web pages.

`generate_deck` reads a notes file, drops what is not notes (menus, share links, repeats), infers
its headings and lists, and writes the cards a good student would: one fact each, its key term
hidden or asked for, with its heading trail and the lines it came from. The same notes always give
the same deck, so unchanged facts keep their ids when notes are edited and regenerated.
"""

from __future__ import annotations

import gc
import os
import re
import shlex
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from revise.errors import FormatError, ReviseError
from revise.formats.model import DeckData, NoteData
from revise.generation.patterns import lazy_regex

if TYPE_CHECKING:
    from revise.generation.checker import CardChecks

__all__ = [
    "Generator",
    "Notes",
    "StructureGenerator",
    "draft_deck",
    "generate_deck",
    "no_cards_error",
]


@dataclass(frozen=True)
class Notes:
    """A notes file as read: its text, its kind ("text", "markdown", "org" or "html"), the path a
    deck beside `relative_to` names it by, and the card checker's verdicts on cards from it."""

    path: Path
    text: str
    kind: str
    source: str
    checks: CardChecks


class Generator(Protocol):
    """Anything that turns notes into a deck. `generate_deck` reads the file, hands it to the
    generator, and keeps only the cards that pass the card checker (`notes.checks`, which the
    generator may ask first)."""

    def generate(self, notes: Notes) -> DeckData: ...


class StructureGenerator:
    """Cards from the notes' own structure: headings and bullets give context, the sentence's
    shape picks the question (definition, why, what it led to, which case), and a cloze hides
    the key term where the sentence itself is the fact."""

    def generate(self, notes: Notes) -> DeckData:
        from revise.generation.cards import build_notes
        from revise.generation.clauses import speaker
        from revise.generation.document import BlockKind
        from revise.generation.reading import parse_notes
        from revise.generation.structure import outline
        from revise.generation.targets import build_vocabulary

        document = parse_notes(notes.text, notes.kind)
        document.title = readable_title(document.title, notes.path)
        texts = [block.text for block in document.blocks if block.kind is not BlockKind.HEADING]
        speakers = frozenset(filter(None, map(speaker, texts)))
        topic = topic_words(document.title, notes.path) | theme_owner(document.title, texts[:1])
        vocabulary = build_vocabulary(texts, topic, speakers)

        def refused(cards: list[NoteData]) -> set[int]:
            return notes.checks.refused(
                DeckData(name=document.title, notes=cards, source=notes.source)
            )

        cards = build_notes(outline(document), vocabulary, notes.source, refused)
        return DeckData(name=document.title, notes=cards, source=notes.source)


def generate_deck(
    path: Path,
    *,
    relative_to: Path | None = None,
    generator: Generator | None = None,
    allow_empty: bool = True,
) -> DeckData:
    """A deck of cards from one notes file (.txt, .md, .markdown, .html or .htm).

    Source references name the notes file relative to `relative_to` (default: its own folder),
    the folder the deck file will live in. Raises FormatError for anything that is not notes,
    and for notes that give no card unless `allow_empty`. Cards the checker finds fault with
    are left out: a deck holds only cards worth studying.
    """
    with fewer_collections():
        draft, checks = draft_deck(path, relative_to=relative_to, generator=generator)
        deck = kept_cards(path, draft, checks)
    if not deck.notes and not allow_empty:
        raise no_cards_error(path, draft)
    return deck


def no_cards_error(path: Path, draft: DeckData) -> FormatError:
    """Why notes gave no card, and what to do, given every card drafted from them."""
    if not draft.notes:
        why = (
            "the notes gave no cards: no fact found to ask about (a definition, a term in bold, "
            "a list under a heading, a date)"
        )
    else:
        drafted = (
            "the one card drafted"
            if len(draft.notes) == 1
            else (f"all {len(draft.notes)} cards drafted")
        )
        why = (
            f"the notes gave no cards: {drafted} failed the quality check "
            f"(see why: revise generate --check {shlex.quote(str(path))})"
        )
    return FormatError(str(path), None, why)


def draft_deck(
    path: Path, *, relative_to: Path | None = None, generator: Generator | None = None
) -> tuple[DeckData, CardChecks]:
    """Every card the generator drafts, before the checker has its say, and the checker's
    verdicts on cards from these notes (their text is `checks.sources`)."""
    from revise.generation.checker import CardChecks
    from revise.generation.reading import read_notes

    path = Path(path)
    text, kind = read_notes(path)
    source = source_path(path, relative_to)
    notes = Notes(path, text, kind, source, CardChecks({source: text}))
    with fewer_collections(), _failure_named(path):
        return (generator or StructureGenerator()).generate(notes), notes.checks


def kept_cards(path: Path, draft: DeckData, checks: CardChecks) -> DeckData:
    """The drafted deck without the cards the checker flags, as it is written."""
    from revise.generation.checker import without_flagged_cards

    with _failure_named(path):
        return without_flagged_cards(draft, checks)


@contextmanager
def _failure_named(path: Path) -> Iterator[None]:
    """A fault of the generator's own on these notes, said in one line that names the notes
    file (its cause kept for whoever reads the traceback of a test), never a traceback: the
    caller writes nothing, as for any notes that cannot be read."""
    try:
        yield
    except (ReviseError, MemoryError):
        raise
    except Exception as error:
        last = traceback.extract_tb(error.__traceback__)[-1:]  # the line that failed
        place = "".join(f" at {Path(frame.filename).name}:{frame.lineno}" for frame in last)
        raise FormatError(
            str(path),
            None,
            f"cards could not be made from these notes: the generator failed "
            f"({type(error).__name__}{place}); please report it with this notes file",
        ) from error


# Objects made before the garbage collector looks at its youngest ones again: drafting makes and
# drops hundreds of thousands of matches, tuples and strings, and looking every 700 (Python's
# default) took about a tenth of a large file's time.
YOUNG_OBJECTS_PER_COLLECTION = 10_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often while a deck is drafted and checked, as before afterwards."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_OBJECTS_PER_COLLECTION), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def source_path(path: Path, relative_to: Path | None) -> str:
    """The notes file's path as a deck in `relative_to` refers to it, with forward slashes."""
    base = Path(relative_to) if relative_to is not None else path.parent
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return path.resolve().as_posix()


MAX_TITLE_CHARS = 100


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
    if not text or len(text) > MAX_TITLE_CHARS:
        # No title, or a first line so long it is text: the file's name says more.
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
    years = {match[0] for match in _LONE_YEAR.finditer(names)}
    if len(years) > 1:
        years = set()  # ("OLA 1957 + 1984": two Acts, which of them a card may ask)
    return frozenset(
        token
        for token in normalise(names).split()
        if not is_stopword(token) and (not token.isdigit() or token in years) and len(token) > 1
    )


# "The Spanish Armada 1588", "spanish-armada-1588.txt": a year the title names on its own is
# what the notes are about, as much as their topic words ("[1588]" in them asks nothing); the
# years of a span ("Germany 1918-1939", "cold-war-1945-1991", "1905 and after", "Britain since
# 1945") each mark an event of their own, and two years ("1957 + 1984") tell two things apart
_LONE_YEAR = lazy_regex(
    r"(?<![\d.,/\u2013-])(?<!\d\s)(?<!\bto\s)(?<!since\s)(?<!from\s)(?<!after\s)"
    r"(?<!before\s)(?<!until\s)(?<!post\s)(?<!pre\s)\b(?:1\d{3}|20\d{2})\b"
    r"(?![.,/\u2013-]?\d)(?!\s*(?:[-/\u2013]|to\b)?\s*\d)"
    r"(?!\s+(?:and\s+(?:after|before|beyond)|onwards?\b))",
    re.I,
)


# "P'yongyang's relations ...", "Henry VIII's foreign policy ...": a name of up to three words
# owning the word after it.
_OWNER_OPENING = lazy_regex(r"((?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)['\u2019]s\s+(\w+)")


def theme_owner(title: str, opening: list[str]) -> frozenset[str]:
    """ "P'yongyang's relations with Beijing and Moscow have changed ..." opening notes titled
    "North Korea - Relations with China and the Soviet Union": the name that owns the title's
    theme as the notes begin is their subject named another way (a capital for its country, a
    ruler for the realm), and hiding it or asking for it teaches nothing."""
    from revise.formats.model import normalise
    from revise.generation.language import is_stopword

    match = _OWNER_OPENING.match(opening[0]) if opening else None
    if not match or normalise(match[2]) not in topic_words(title, Path()):
        return frozenset()
    return frozenset(token for token in normalise(match[1]).split() if not is_stopword(token))
