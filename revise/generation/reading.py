"""Reading a notes file: checks a user can act on, then the reader that fits its kind."""

from __future__ import annotations

import re
from pathlib import Path

from revise.errors import FormatError
from revise.formats.files import (
    UTF16_BOMS,
    UTF16_WITHOUT_BOM,
    decode_text,
    looks_like_utf16,
    read_capped,
)
from revise.generation.document import Document
from revise.generation.mindmaps import MAP_KINDS, MapError, check_mind_map
from revise.generation.pagetext import as_letters
from revise.generation.patterns import lazy_regex
from revise.textsafe import without_controls

MAX_NOTES_BYTES = 10 * 1024 * 1024
NOTES_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html"}
NOTES_SUFFIXES[".htm"] = "html"
NOTES_SUFFIXES[".org"] = "org"
NOTES_SUFFIXES[".opml"] = "opml"  # a mind map or outline (XMind, MindNode, iThoughts, SimpleMind)
NOTES_SUFFIXES[".mm"] = "freemind"  # a FreeMind or Freeplane mind map

_HTML_START = lazy_regex(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_ATX_HEADING = lazy_regex(r"^#{1,6}\s+\S", re.M)
BINARY_NOTES = "binary file, not notes (give a .txt, .md, .org, .html, .opml or .mm)"
_CONTROL = lazy_regex(r"[\x00-\x08\x0e-\x1f]")


def read_notes(path: Path) -> tuple[str, str]:
    """The text of a notes file and its kind ("text", "markdown", "org", "html", "opml" or
    "freemind").

    Raises FormatError with a one-line reason for anything that is not readable notes.
    """
    where = str(path)
    data = read_capped(path, MAX_NOTES_BYTES, "notes file")
    text = decode_notes(data, where)
    kind = notes_kind(path, text)
    if kind == "text":  # a page's running header and footer, and a Cornell page's cues, go
        from revise.generation.chats import chat_messages
        from revise.generation.pagetext import without_page_furniture
        from revise.generation.plaintext import without_cue_column

        lines = text.split("\n")
        lines = chat_messages(lines) or without_cue_column(without_page_furniture(lines))
        text = "\n".join(lines)
    elif kind in MAP_KINDS:
        try:
            check_mind_map(text, kind)
        except MapError as error:
            raise FormatError(where, error.line, error.message) from None
    return text, kind


def decode_notes(data: bytes, where: str) -> str:
    if not data.strip():
        raise FormatError(where, None, "empty file (write some notes first)")
    if not data.startswith(UTF16_BOMS) and b"\x00" in data[:8192]:
        if looks_like_utf16(data[:8192]):
            raise FormatError(where, None, UTF16_WITHOUT_BOM)
        raise FormatError(where, None, BINARY_NOTES)
    text = decode_text(where, data)
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise FormatError(where, None, BINARY_NOTES)
    text = as_letters(without_controls(text.replace("\r\n", "\n").replace("\r", "\n")))
    if not text.strip():
        raise FormatError(where, None, "empty file (write some notes first)")
    return text


def notes_kind(path: Path, text: str) -> str:
    """Markdown and HTML by suffix; a .txt that is really HTML or markdown by its content."""
    kind = NOTES_SUFFIXES.get(path.suffix.casefold(), "text")
    if kind == "text":
        if _HTML_START.match(text[:4096]):
            return "html"
        if len(_ATX_HEADING.findall(text)) >= 2:
            return "markdown"
    return kind


def parse_notes(text: str, kind: str) -> Document:
    """The notes as plain blocks, boilerplate and repeats removed."""
    from revise.generation.cleaning import clean_document, without_heading_numbers
    from revise.generation.qa import answer_lines, asked_questions
    from revise.generation.tables import steps_as_items, typed_card_rows

    if kind == "html":
        from revise.generation.htmlnotes import parse_html

        document = parse_html(text)
    elif kind == "markdown":
        from revise.generation.markdown import parse_markdown

        document = parse_markdown(text)
    elif kind in MAP_KINDS:
        from revise.generation.mindmaps import parse_mind_map

        document = parse_mind_map(text, kind)
    elif kind == "org":
        from revise.generation.orgnotes import parse_org

        document = parse_org(text)
    else:
        from revise.generation.plaintext import parse_plain_text

        document = parse_plain_text(text)
    document = clean_document(answer_lines(steps_as_items(typed_card_rows(document))))
    return without_heading_numbers(asked_questions(document))
