"""Which reader a file needs, told by its content as well as its name.

Anki packages are zips and bare Anki collections SQLite databases whatever they are called;
tables are told from notes by Anki's `#separator:` headers or a steady column layout; Markdown
is the native deck format when it reads as one, Obsidian flashcards when it holds their syntax,
and otherwise notes to generate cards from.
"""

from __future__ import annotations

from pathlib import Path

from revise.errors import FormatError
from revise.formats.model import DeckData

NOTES_SUFFIXES = {".txt", ".html", ".htm", ".markdown"}
TABLE_SUFFIXES = {".csv", ".tsv"}
ANKI_SUFFIXES = {".apkg", ".colpkg", ".anki2", ".anki21"}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
SQLITE_MAGIC = b"SQLite format 3\x00"
_SNIFF_BYTES = 64 * 1024


def read_decks(
    path: Path, *, deck: str | None = None, columns: str | None = None
) -> list[DeckData]:
    """Read every deck a file holds; `deck` renames a single-deck file's deck."""
    if not path.exists():
        raise FormatError(str(path), None, "no such file (check the path)")
    if path.is_dir():
        raise FormatError(str(path), None, "is a folder, not a file (name the files in it)")
    decks = _read_any(path, deck, columns)
    if deck and len(decks) == 1:
        decks[0].name = deck
    return decks


def _read_any(path: Path, deck: str | None, columns: str | None) -> list[DeckData]:
    head = _head(path)
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC) or suffix in (".apkg", ".colpkg"):
        from revise.formats.anki import read_anki_package

        return read_anki_package(path)
    if head.startswith(SQLITE_MAGIC):
        from revise.formats.anki import read_anki_collection

        return read_anki_collection(path)
    if suffix in ANKI_SUFFIXES:
        raise FormatError(str(path), None, "not an Anki collection (not a SQLite database)")
    if suffix in TABLE_SUFFIXES or columns is not None:
        from revise.formats.csvdeck import read_csv_deck

        return read_csv_deck(path, deck=deck, columns=columns)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError(
            str(path), None, "a binary file, not a deck, table or notes; check the file"
        )
    text = _text_sample(head)
    if text is not None and _looks_like_table(text):
        from revise.formats.csvdeck import read_csv_deck

        return read_csv_deck(path, deck=deck, columns=columns)
    return _read_markdown_or_notes(path, suffix, text, deck)


def _read_markdown_or_notes(
    path: Path, suffix: str, text: str | None, deck: str | None
) -> list[DeckData]:
    from revise.formats import deckfile
    from revise.formats.obsidian import looks_like_obsidian, read_obsidian

    if suffix in NOTES_SUFFIXES:
        return [_generate(path)]
    if text is None:
        return [deckfile.read_deck_file(path)]
    if deckfile.looks_like_deck(text):
        return [deckfile.read_deck_file(path)]
    if looks_like_obsidian(text):
        return read_obsidian(path, deck=deck)
    return [_generate(path)]


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise FormatError(str(path), None, f"cannot read the file ({exc.strerror})") from exc


def _text_sample(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return head[: exc.start].decode("utf-8-sig")  # cut mid-character by the sample
        return None


def _looks_like_table(text: str) -> bool:
    """Anki's text-export headers, or many lines with the same number (>1) of tabs."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    if any(line.lower().startswith(("#separator:", "#columns:", "#html:")) for line in lines):
        return True
    body = [line for line in lines if not line.startswith("#")][:40]
    if len(body) < 2:
        return False
    # Tabs inside a line separate columns; leading tabs only indent an outline.
    tabs = [line.strip(" \t").count("\t") for line in body]
    common = max(set(tabs), key=tabs.count)
    return common >= 1 and tabs.count(common) >= 0.8 * len(body)


def _generate(path: Path) -> DeckData:
    from revise.generation import generate_deck

    return generate_deck(path)
