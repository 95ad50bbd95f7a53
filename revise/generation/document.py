"""The notes as blocks of plain text that remember their lines in the notes file.

Every reader (plain text, markdown, HTML) turns a file into a `Document`; cleaning, structure and
card extraction work on that alone, so they never see markup.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"  # one with no text ends the section of its level (a toggle's end)
    TEXT = "text"  # a paragraph or a quote
    ITEM = "item"  # a list item (bullet or numbered)
    ROW = "row"  # a table row; `cells` holds its cells and `header` the table's header
    FORMULA = "formula"  # a display formula, as one line of plain text


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item or table row, with the lines it came from.

    `breaks` maps offsets in `text` to line numbers: the text from `breaks[i][0]` on came from
    line `breaks[i][1]`, so a sentence inside a long paragraph gets its own line span.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0  # heading level (1 is the top) or list depth (0 is the outer list)
    breaks: tuple[tuple[int, int], ...] = ()
    terms: tuple[str, ...] = ()  # terms the author emphasised (bold, italic)
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    ordered: bool = False  # an item of a numbered list ("1. State H0 and H1")
    # A heading that is the student's own question ("What were the Four Sights?"): the answer a
    # card asks for, as the notes word it, and the last line it comes from
    answer: str = ""
    answer_end: int = 0
    # ... or, where its answer is a meaning too long to recall word for word, the meaning asked
    # for the term ("Define a covalent bond" over its definition asks what the definition names)
    asked: str = ""

    def line_at(self, offset: int) -> int:
        """The notes line that holds character `offset` of `text`."""
        if not self.breaks:
            return self.start
        index = bisect.bisect_right([where for where, _ in self.breaks], offset) - 1
        return self.breaks[max(index, 0)][1]


def scope_end(line: int, level: int) -> Block:
    """A heading without text: it closes the open headings of its level and below, and opens
    none (the end of a toggle; "Q: ..." over "A: ...", made a heading over its answer, is not
    over the notes after it)."""
    return Block(BlockKind.HEADING, "", line, line, level)


def ends_scope(block: Block) -> bool:
    """Whether the block is a `scope_end`."""
    return block.kind is BlockKind.HEADING and not block.text


TOGGLE_LEVEL = 6  # the deepest heading a toggle's title is read as


def toggle_level(above: int) -> int:
    """The heading level of a toggle's title (a Notion <details><summary>): one below the
    heading or toggle it sits in, at level `above`."""
    return min(above + 1, TOGGLE_LEVEL)


def label_end(line: int) -> Block:
    """A blank line the writer left after the lines a label line ("**Limiting factors**") is
    over: it ends what the label heads, and no heading."""
    return scope_end(line, TOGGLE_LEVEL + 1)


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)


CELL_STOPS = ",;:.!?"  # a cell line ending on one of these is already parted from the next


class TextBuilder:
    """Builds a block's text piece by piece while recording which line each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.breaks: list[tuple[int, int]] = []

    def add(self, text: str, line: int) -> None:
        if not text:
            return
        if not self.breaks or self.breaks[-1][1] != line:
            self.breaks.append((self._length, line))
        self._parts.append(text)
        self._length += len(text)

    def space(self) -> None:
        if self._parts and not self._parts[-1].endswith(" "):
            self._parts.append(" ")
            self._length += 1

    def separate(self) -> None:
        """A line break inside a table cell parts two facts: "Deutschmark<br>Stalin feared ..."
        reads "Deutschmark; Stalin feared ...", not as one run-on phrase."""
        tail = "".join(self._parts[-2:]).rstrip()
        if tail and tail[-1] not in CELL_STOPS:
            self._parts.append("; ")
            self._length += 2
        else:
            self.space()

    def build(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The text with runs of whitespace collapsed; offsets are kept consistent."""
        raw = "".join(self._parts)
        text = " ".join(raw.split())
        breaks: list[tuple[int, int]] = []
        done = 0  # the raw text up to here is collapsed to `length` characters
        length = 0
        after_space = True  # whitespace at the start, or after a space, adds nothing
        for offset, line in self.breaks:
            if offset < len(raw):
                piece = raw[done:offset]
                done = offset
                words = piece.split()
                if words:
                    length += len(" ".join(words)) + (piece[0].isspace() and not after_space)
                    after_space = piece[-1].isspace()
                    length += after_space
                elif piece and not after_space:
                    length += 1
                    after_space = True
                cleaned = length
            else:
                cleaned = len(text)
            if breaks and breaks[-1][0] == cleaned:
                breaks[-1] = (cleaned, line)
            else:
                breaks.append((cleaned, line))
        return text, tuple(breaks)

    @property
    def empty(self) -> bool:
        return not "".join(self._parts).strip()
