"""Which reader a file needs, told by its content as well as its name: the one rule.

Import, `revise generate` and the deck list's import all ask `file_kind`. Anki packages are zips
and bare Anki collections SQLite databases whatever they are called; tables are told from notes
by Anki's `#separator:` headers or a steady column layout. Files the notes reader knows by their
suffix (`.txt`, `.html`, `.org`, a mind map's `.opml` and `.mm`) are notes.
Markdown (and a text file of any other name) is a revise deck file when it uses revise's own
syntax (`Q:`, `C:`, a card metadata comment, `name:` in front matter) or when most of its lines
are `front :: back` cards (one written `front::back` counts half, as code writes `std::vector`
so); Obsidian flashcards when it carries the plugin's `#flashcards` tags,
schedule comments or `?` separators, or mixes `::` cards with more prose than cards; otherwise
notes to generate cards from. The whole file is read to decide, so a long front matter or a large
first part does not change the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from revise.errors import FormatError
from revise.formats.files import UTF16_BOMS, UTF16_WITHOUT_BOM, is_zip, looks_like_utf16
from revise.formats.model import DeckData, deck_name_problem
from revise.generation.reading import NOTES_SUFFIXES as READ_SUFFIXES

if TYPE_CHECKING:
    from revise.formats.model import RowSource

# the notes reader's suffixes, Markdown's aside: a .md file may be a deck
NOTES_SUFFIXES = {suffix for suffix, kind in READ_SUFFIXES.items() if kind != "markdown"}
TABLE_SUFFIXES = {".csv", ".tsv"}
ANKI_SUFFIXES = {".apkg", ".colpkg", ".anki2", ".anki21"}
# Archives that are no Anki package, told by a member only their app writes: what the file is,
# and what to give instead.
OTHER_ARCHIVES = (
    ("word/document.xml", "a Word document", "save it as a Web Page (.htm) or Plain Text (.txt)"),
    ("xl/workbook.xml", "an Excel workbook", "save the sheet as CSV (.csv)"),
    ("ppt/presentation.xml", "a PowerPoint presentation", "copy its text into a .txt or .md file"),
    ("content.json", "an XMind map", "export it as OPML (File > Export > OPML)"),
    ("META-INF/manifest.xml", "an OpenDocument or XMind file", "save or export it as HTML or OPML"),
)
SQLITE_MAGIC = b"SQLite format 3\x00"
BINARY = "a binary file, not a deck, table or notes; check the file"
_SNIFF_BYTES = 64 * 1024  # enough to tell a binary file or a table by its start


class FileKind(StrEnum):
    """What a file holds, so which reader it needs."""

    ANKI_PACKAGE = "an Anki package"
    ANKI_COLLECTION = "an Anki collection"
    TABLE = "a table"
    DECK = "a deck file"
    OBSIDIAN = "Obsidian flashcards"
    NOTES = "notes"


ANKI_KINDS = (FileKind.ANKI_PACKAGE, FileKind.ANKI_COLLECTION)
Known = Callable[[], Mapping[str, str]]  # notes imported from Anki packages: origin -> key


def read_decks(
    path: Path,
    *,
    deck: str | None = None,
    columns: str | None = None,
    known: Known | None = None,
    scratch: Path | None = None,
) -> list[DeckData]:
    """Read every deck a file holds; `deck` renames a single-deck file's deck. An Anki
    package's notes whose origin `known()` holds are read no further (`NoteData.as_imported`);
    its collection is read from a temporary copy in `scratch` (else the system's temporary
    folder)."""
    kind = file_kind(path, columns=columns)
    _check_deck_name(path, deck)
    return _renamed(path, _read_any(path, kind, deck, columns, known, scratch), deck)


def _renamed(path: Path, decks: list[DeckData], deck: str | None) -> list[DeckData]:
    if deck and len(decks) == 1:
        decks[0].name = deck
    _check_deck_names(path, [read.name for read in decks])
    return decks


def _check_deck_names(path: Path, names: Iterable[str]) -> None:
    """The names of the decks a file brings (from its own name too, or as a reader took them),
    checked as `_check_deck_name` does, whether the file is read whole or a batch at a time."""
    for name in names:
        _check_deck_name(path, name)


def _check_deck_name(path: Path, name: str | None) -> None:
    """FormatError if `name` cannot name a deck (`A::`: a deck with an empty part)."""
    problem = None if name is None else deck_name_problem(name)
    if problem is not None:
        raise FormatError(str(path), None, problem)


def read_sources(
    path: Path,
    *,
    deck: str | None = None,
    columns: str | None = None,
    known: Known | None = None,
    scratch: Path | None = None,
    in_batches: bool = False,
) -> tuple[list[DeckData], list[RowSource]]:
    """What a file holds, to import: a table, or an Anki package whose collection is large (any
    package, if `in_batches`), as a reader of its notes a batch at a time (read as it is
    stored); any other file as its decks (see `read_decks`)."""
    kind = file_kind(path, columns=columns)
    _check_deck_name(path, deck)
    if kind is FileKind.TABLE:
        from revise.formats.csvdeck import TableReader

        return [], [TableReader(path, deck=deck, columns=columns)]
    if _in_batches(path, kind) or (in_batches and kind in ANKI_KINDS):
        from revise.formats import anki

        rows = anki.AnkiRows(
            path,
            package=kind is FileKind.ANKI_PACKAGE,
            known=known() if known else None,
            deck_name=deck,
            scratch=scratch,
        )
        try:
            _check_deck_names(path, rows.deck_names)
        except FormatError:
            rows.close()  # its copy of the collection
            raise
        return [], [rows]
    return _renamed(path, _read_any(path, kind, deck, columns, known, scratch), deck), []


def read_in_batches(path: Path, *, columns: str | None = None) -> bool:
    """Whether `read_sources` reads the file as a reader of its notes a batch at a time (a
    table, a large Anki package or collection); FormatError as `file_kind` raises it."""
    return _in_batches(path, file_kind(path, columns=columns))


def _in_batches(path: Path, kind: FileKind) -> bool:
    if kind is FileKind.TABLE:
        return True
    if kind not in ANKI_KINDS:
        return False
    from revise.formats import anki

    package = kind is FileKind.ANKI_PACKAGE
    return anki.collection_size(path, package=package) >= anki.STREAM_COLLECTION_BYTES


def file_kind(path: Path, *, columns: str | None = None) -> FileKind:
    """What `path` holds (`columns` given makes any text file a table).

    Raises FormatError for a missing file, a folder, or a binary file that is none of these.
    """
    if not path.exists():
        raise FormatError(str(path), None, "no such file (check the path)")
    if path.is_dir():
        raise FormatError(str(path), None, "is a folder, not a file (name the files in it)")
    head = _head(path)
    suffix = path.suffix.lower()
    if suffix in (".apkg", ".colpkg"):
        return FileKind.ANKI_PACKAGE
    if is_zip(head):
        _check_anki_archive(path)
        return FileKind.ANKI_PACKAGE
    if head.startswith(SQLITE_MAGIC):
        return FileKind.ANKI_COLLECTION
    if suffix in ANKI_SUFFIXES:
        raise FormatError(str(path), None, "not an Anki collection (not a SQLite database)")
    if suffix in TABLE_SUFFIXES or columns is not None:
        return FileKind.TABLE
    if b"\x00" in head and not head.startswith(UTF16_BOMS):
        problem = UTF16_WITHOUT_BOM if looks_like_utf16(head) else BINARY
        raise FormatError(str(path), None, problem)
    if _looks_like_table(_decoded(head)):
        return FileKind.TABLE
    if suffix in NOTES_SUFFIXES:
        return FileKind.NOTES
    return markdown_kind(_decoded(_whole(path)))


def _check_anki_archive(path: Path) -> None:
    """Raises FormatError, saying what the file is and what to give instead, for a zip archive
    that holds no Anki collection: a Word document, a spreadsheet, a mind map..."""
    from revise.formats.anki import COLLECTIONS
    from revise.formats.safezip import SafeZip

    with SafeZip(path) as archive:
        if archive.names & set(COLLECTIONS):
            return
        for member, what, instead in OTHER_ARCHIVES:
            if member in archive.names:
                said = f"{what}, which revise does not read; {instead}, then give that file"
                raise archive.error(said)
        raise archive.error(
            "a zip archive with no Anki collection inside; unzip it and give the files in it"
        )


def markdown_kind(text: str) -> FileKind:
    """DECK, OBSIDIAN or NOTES for the text of a Markdown file."""
    from revise.formats.deckfile import deck_evidence
    from revise.formats.obsidian import has_obsidian_markers, looks_like_obsidian

    evidence = deck_evidence(text)
    if evidence.own_syntax:
        return FileKind.DECK
    if has_obsidian_markers(text):
        return FileKind.OBSIDIAN
    # Most lines are cards; a `::` without spaces around it counts half, as code has them too.
    cards = 2 * evidence.cards + evidence.tight_cards
    if cards and cards >= 2 * evidence.prose:
        return FileKind.DECK
    if looks_like_obsidian(text):
        return FileKind.OBSIDIAN
    return FileKind.NOTES


def _read_any(
    path: Path,
    kind: FileKind,
    deck: str | None,
    columns: str | None,
    known: Known | None,
    scratch: Path | None,
) -> list[DeckData]:
    if kind is FileKind.ANKI_PACKAGE:
        from revise.formats.anki import read_anki_package

        return read_anki_package(path, known() if known else None, scratch=scratch)
    if kind is FileKind.ANKI_COLLECTION:
        from revise.formats.anki import read_anki_collection

        return read_anki_collection(path, known() if known else None, scratch=scratch)
    if kind is FileKind.TABLE:
        from revise.formats.csvdeck import read_csv_deck

        return read_csv_deck(path, deck=deck, columns=columns)
    if kind is FileKind.DECK:
        from revise.formats.deckfile import read_deck_file_decks

        return read_deck_file_decks(path)
    if kind is FileKind.OBSIDIAN:
        from revise.formats.obsidian import read_obsidian

        return read_obsidian(path, deck=deck)
    from revise.generation import generate_deck

    return [generate_deck(path, allow_empty=False)]


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise FormatError(str(path), None, f"cannot read the file ({exc.strerror})") from exc


def _whole(path: Path) -> bytes:
    from revise.formats.deckfile import MAX_DECK_BYTES
    from revise.formats.files import read_capped

    return read_capped(path, MAX_DECK_BYTES, "deck file")


def _decoded(data: bytes) -> str:
    """The text of a file to judge it by, read as its reader reads it; the reader chosen
    reports any encoding problem."""
    from revise.formats.files import decode_text

    try:
        return decode_text("", data)
    except FormatError:  # a sequence cut at the end of the sample, or text to refuse
        if data.startswith(UTF16_BOMS):
            return data.decode("utf-16", errors="replace")
        return data.decode("utf-8-sig", errors="replace")


_OUTLINE_LEAD = re.compile(r"^[ \t]*(?:[-*+\u2022o]|\d{1,3}[.)])\t")


def _looks_like_table(text: str) -> bool:
    """Anki's text-export headers, or many lines with the same number (>1) of tabs."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    if any(line.lower().startswith(("#separator:", "#columns:", "#html:")) for line in lines):
        return True
    body = [line for line in lines if not line.startswith("#")][:40]
    if len(body) < 2:
        return False
    # Tabs inside a line separate columns; leading tabs only indent an outline, as does the
    # tab after its bullet ("\t*\tGalen - ...", a mind map's export).
    tabs = [_OUTLINE_LEAD.sub("", line).strip(" \t").count("\t") for line in body]
    common = max(set(tabs), key=tabs.count)
    return common >= 1 and tabs.count(common) >= 0.8 * len(body)
