"""User text made inert for display: shown as written, never acting on the terminal.

Card text, deck names, tags, file names and the error messages that quote them come from files
anyone can write. Printed raw, an escape sequence in them writes to the clipboard (OSC 52),
clears the screen, leaves the alternate screen or hides a link (OSC 8); a bidi override reorders
the rest of the line and zero-width characters make a line narrower than it is, breaking a
border. The stored text keeps every character; only what is shown changes, as `bat --show-all`
shows a file:

- C0 controls and DEL become their Unicode control pictures: ESC shows as `␛`, DEL as `␡`.
- C1 controls (U+0080-U+009F, such as the one-character CSI U+009B) have no pictures and show
  as `\\x9b`.
- Invisible format characters (zero-width spaces and joiners, bidi marks, embeddings,
  overrides and isolates, the byte-order mark, the soft hyphen, tag characters) are left out.
- A lone surrogate (an undecodable byte in a file name) shows as U+FFFD.

Multi-line text (a card's sides) keeps its tabs and line breaks (CR LF, and the Unicode line
and paragraph separators, become LF); on one line (a name, an error message) they show as
pictures too, so a name cannot split a line or a table row.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# Invisible format characters (Unicode category Cf) with no glyph of their own. The prepended
# concatenation marks (Arabic number signs U+0600-U+0605 and the like) are Cf but visible.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_LINE_SEPARATORS = "\u2028\u2029"
_NEWLINE_PICTURE = "\u2424"  # SYMBOL FOR NEWLINE, for the Unicode line and paragraph separators

_SHOWN_ON_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}{_LINE_SEPARATORS}\ud800-\udfff]")
_SHOWN_ON_LINES = re.compile(
    f"\r\n?|[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}{_LINE_SEPARATORS}\ud800-\udfff]"
)


_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_INVISIBLE}{_LINE_SEPARATORS}\ud800-\udfff]")


# Terminal escape sequences, each whole: CSI (colours, cursor moves, `ESC [2J`), the string
# sequences (OSC: a title, a hidden link, the clipboard; DCS, APC, PM, SOS) up to their BEL or
# ST, and the two-character escapes; in their 7-bit (ESC) and 8-bit (C1) forms, within a line.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P_^X]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line feed


def without_controls(text: str) -> str:
    """`text` with terminal escape sequences and control characters taken out (tabs and line
    feeds kept; a vertical tab or form feed, as between the pages of a PDF's text, becomes a
    space): for text revise writes into a file of its own making, a deck generated from notes,
    which may be shown with `cat` or `less -R` as it is."""
    if not _CONTROLS.search(text):
        return text  # (each escape sequence opens on a control character)
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROLS.sub(lambda match: " " if match[0] in "\x0b\x0c" else "", text)


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # CONTROL PICTURES: U+241B SYMBOL FOR ESCAPE, ...
    if code == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    if code <= 0x9F:
        return f"\\x{code:02x}"
    if char in _LINE_SEPARATORS:
        return _NEWLINE_PICTURE
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ""  # invisible format characters


def _one_line(match: re.Match[str]) -> str:
    return _picture(match[0])


def _on_lines(match: re.Match[str]) -> str:
    text = match[0]
    if text[0] == "\r" or text in _LINE_SEPARATORS:
        return "\n"  # CR LF, a lone CR (old Mac files), U+2028 and U+2029 are line breaks
    return _picture(text)


def inert(text: str, *, lines: bool = False) -> str:
    """`text` as it may be shown on a terminal: no character in it controls the terminal.

    `lines=True` for text shown over several lines, such as a card's front and back: tabs and
    line breaks are kept. Otherwise the result is one line.
    """
    if lines:
        return _SHOWN_ON_LINES.sub(_on_lines, text)
    return _SHOWN_ON_ONE_LINE.sub(_one_line, text)


def quoted(value: object) -> str:
    """`value` in single quotes, as a message names a deck, a file, a key or a value it was
    given: inert as every other output (`repr` would write an ESC as the four characters
    `\\x1b`, and double every backslash of a Windows path)."""
    return f"'{inert(str(value))}'"


def inert_json(text: str) -> str:
    """JSON text (`json.dumps(..., ensure_ascii=False)`) with each character that `inert` would
    change written as a `\\u` escape: the same JSON value, and nothing in it acts on a terminal
    nor is changed by `InertWriter` (JSON escapes C0 controls itself; C1, DEL and invisible
    characters it writes as they are)."""
    import json  # only here: not on the way to the first card

    return _UNSAFE_IN_JSON.sub(lambda match: json.dumps(match[0])[1:-1], text)


class InertWriter:
    """A text stream that passes what is written through `inert(text, lines=True)`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        shown = inert(text, lines=True)
        try:
            self.stream.write(shown)
        except UnicodeEncodeError:  # a terminal that is not UTF-8: escape what it cannot show
            encoding = self.stream.encoding or "ascii"
            self.stream.write(shown.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


@contextmanager
def inert_output() -> Iterator[None]:
    """Everything printed to stdout and stderr meanwhile is made inert (see `InertWriter`)."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = InertWriter(stdout), InertWriter(stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr
