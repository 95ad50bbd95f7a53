"""Tables in plain text: columns aligned with spaces or tabs, or cells between `|` without
Markdown's `|---|` rule under the header.

A table is found by its lines' shape alone: at least a header and two rows with the same
number of cells, the header's cells short names in capitals or starting with one (or in any
case, between "|"). Its rows become the same ROW blocks a Markdown or HTML table gives, so
each cell is asked with its row and column header.
"""

from __future__ import annotations

import html
import itertools
import re

from revise.generation.document import Block, BlockKind
from revise.generation.patterns import lazy_regex

MIN_ROWS = 2
MAX_HEADER_WORDS = 4
ALIGN_SLACK = 1  # a column may start a character off where the header's starts
_GAP = lazy_regex(r"\t+|\s{2,}")
_TWO_SPACES = lazy_regex(r"\s\s")  # a gap, once tabs are spaces (found sooner than `_GAP`)
_RULE = lazy_regex(r"^[\s|+:=-]+$")


def _aligned_cells(line: str) -> tuple[list[str], list[int]]:
    """The cells of a line whose columns are set apart by two spaces or a tab, with where each
    starts; ([], []) for a line with one cell."""
    text = line.expandtabs(8).rstrip()
    stripped = text.strip()
    if not _TWO_SPACES.search(stripped):
        return [], []  # (most lines: one cell, nothing to split)
    indent = len(text) - len(text.lstrip())
    cells: list[str] = []
    starts: list[int] = []
    position = indent
    for piece in _GAP.split(stripped):
        at = text.index(piece, position)
        cells.append(piece.strip())
        starts.append(at)
        position = at + len(piece)
    return (cells, starts) if len(cells) >= 2 else ([], [])


def is_table_rule(line: str) -> bool:
    """ "+-------+------+", "|-----|-----|": a rule drawn between a table's rows, never across
    the page."""
    text = line.strip()
    return bool(text) and bool(_RULE.match(text)) and bool(re.search(r"[|+]", text))


def _piped_cells(line: str) -> list[str]:
    text = line.strip()
    if text.count("|") < 1 or _RULE.match(text):
        return []
    cells = [cell.strip() for cell in text.strip("|").split("|")]
    return cells if len(cells) >= 2 and all(cells) else []


def _is_header(cells: list[str]) -> bool:
    """ "Quantity | Symbol | Unit", "Person | -AR ending": short names, each opening on a
    capital."""
    return all(
        next((char for char in cell if char.isalpha()), "a").isupper()
        and len(cell.split()) <= MAX_HEADER_WORDS
        and not any(char.isdigit() for char in cell)
        for cell in cells
    )


def _names_columns(cells: list[str]) -> bool:
    """ "| alg | best | worst |": short names in any case, no number among them (a row of
    values, such as "| bubble | n | n^2 |", has some)."""
    return all(
        len(cell.split()) <= MAX_HEADER_WORDS and not any(char.isdigit() for char in cell)
        for cell in cells
    )


def find_tables(lines: list[str]) -> dict[int, list[Block]]:
    """The tables among the notes' lines, by the index of their first line: each table's rows
    as ROW blocks (line numbers count from 1)."""
    tables: dict[int, list[Block]] = {}
    index = 0
    while index < len(lines):
        found = _table_at(lines, index)
        if found:
            tables[index] = found[0]
            index = found[1]
            continue
        index += 1
    return tables


def _tabbed_cells(line: str) -> list[str]:
    """Cells a tab sets apart: tabs need not line up on screen."""
    cells = [cell.strip() for cell in re.split(r"\t+", line.strip())]
    return cells if len(cells) >= 2 and all(cells) else []


def _table_at(lines: list[str], index: int) -> tuple[list[Block], int] | None:
    header = _piped_cells(lines[index])
    piped = bool(header)
    tabbed = not piped and "\t" in lines[index].strip()
    starts: list[int] = []
    if tabbed:
        header = _tabbed_cells(lines[index])
    elif not header:
        header, starts = _aligned_cells(lines[index])
    # (cells between "|" are a table's however they are typed; columns set apart by spaces
    # are one only under a header of names in capitals)
    if not header or not (_is_header(header) or (piped and _names_columns(header))):
        return None
    rows: list[tuple[int, list[str]]] = []
    last: dict[int, int] = {}  # the last line of each row that a cell wraps onto more lines
    end = index + 1
    while end < len(lines):
        line = lines[end]
        if (piped or end == index + 1) and _RULE.match(line.strip()) and line.strip():
            end += 1
            continue  # "----+-----" or "-----   -----" under a header drawn by hand
        if piped:
            cells = _piped_cells(line)
        else:
            cells = _tabbed_cells(line) if tabbed else _aligned(line, starts)
        if len(cells) != len(header):
            wrapped = _wrapped_cells(line, starts) if starts and rows else {}
            if not wrapped:
                break
            # ("                 growth hormone      stimulates other glands": the cells of the
            # row above go on onto this line, its first column empty)
            for column, text in wrapped.items():
                rows[-1][1][column] = f"{rows[-1][1][column]} {text}".strip()
            last[rows[-1][0]] = end
            end += 1
            continue
        rows.append((end, cells))
        end += 1
    if len(rows) < MIN_ROWS:
        return None
    blocks = [
        Block(
            BlockKind.ROW,
            " | ".join(cells),
            number + 1,
            last.get(number, number) + 1,
            0,
            ((0, number + 1),),
            (),
            tuple(cells),
            tuple(header),
        )
        for number, cells in rows
    ]
    return blocks, end


def _wrapped_cells(line: str, header_starts: list[int]) -> dict[int, str]:
    """The cells of a line that goes on with the row above, by their column: each starts under
    a column's header, and the first column, which names the row, is empty. {} for any other
    line."""
    text = line.expandtabs(8).rstrip()
    if not text.strip():
        return {}
    found: dict[int, str] = {}
    position = len(text) - len(text.lstrip())
    for piece in _GAP.split(text.strip()):
        at = text.index(piece, position)
        position = at + len(piece)
        column = next(
            (col for col, start in enumerate(header_starts) if abs(at - start) <= ALIGN_SLACK),
            None,
        )
        if column is None or column == 0 or column in found:
            return {}
        found[column] = piece.strip()
    return found


def _aligned(line: str, header_starts: list[int]) -> list[str]:
    """A row's cells where each starts under its column's header."""
    cells, starts = _aligned_cells(line)
    if len(cells) != len(header_starts):
        return []
    if any(abs(a - b) > ALIGN_SLACK for a, b in zip(starts, header_starts, strict=True)):
        return []
    return cells


# The student's own cards ------------------------------------------------------------------------

# What parts a typed card's front from its back: " | ", a run of tabs (a Quizlet or Anki export:
# term, tab, definition) or, in plain text, " :: ".
_CARD_SEPARATOR = lazy_regex(r"[ \t]+\|[ \t]+|\t+|[ \t]+::[ \t]+")
_CARD_STRAYS = lazy_regex(r"\||\t|::")  # a second separator, however it is spaced
_CARD_BULLET = lazy_regex(r"^(?:[-*+\u2022]|\d{1,3}[.)])\s+(?=\S)")
# "o<TAB>Fixed costs ...", "1.1<TAB>Fixed costs", "§<TAB>...": a word processor's bullet or
# section number before its text, no card's front
_LIST_MARK = lazy_regex(r"^(?:\W|o|\d{1,2}(?:\.\d{1,2})*\.?|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$")
_CARD_MARKUP = lazy_regex(r"\*\*|__|`+|<br\s*/?>")
# "Q: ... | A: ...", "Cue: ... | Notes: ...": a question the student's questions are read from
_MARKED_QUESTION = lazy_regex(r"^(?:Q(?:uestion)?\s*\d{0,3}|Cues?)\s*[:.)]", re.I)
# ("3.75 kcal per gram" is a value and its unit, no section number)
_NUMBERED_POINT = lazy_regex(
    r"^(?:\(?[a-hA-H]\)|\d{1,2}(?:\.\d{1,2})+\.?(?!\s+[a-z%])|\d{1,2}[.)])\s"
)
MAX_FRONT_WORDS = 10
MIN_CARD_LINES = 2


def card_sides(line: str) -> tuple[str, str] | None:
    """ "puella | girl (1st decl, f)", "protein<TAB>needed for growth ...": the front and back
    of a card the student typed one a line, tidied of stray markup; None for any other line
    (no separator or more than one, an empty side, a front too long to be a card's)."""
    if "|" not in line and "\t" not in line and "::" not in line:
        return None  # (most lines: no separator, nothing to split)
    text = _CARD_BULLET.sub("", line.strip(), count=1)
    found = list(_CARD_SEPARATOR.finditer(text))
    if len(found) != 1:
        return None
    parted = found[0]
    front, back = (_tidy_side(side) for side in (text[: parted.start()], text[parted.end() :]))
    if _CARD_STRAYS.search(front) or _CARD_STRAYS.search(back):
        return None
    if not _has_words(front) or not _has_words(back) or _LIST_MARK.match(front):
        return None
    if _MARKED_QUESTION.match(front) or _NUMBERED_POINT.match(back):
        # (a cue beside the notes it heads, "1.1 Henry VIII reigned ...", is a Cornell page's)
        return None
    if len(front.split()) > MAX_FRONT_WORDS:
        return None
    return front, back


def row_cards(line: str) -> list[tuple[str, str]]:
    """ "| Like charges | repel |", "<td>Like charges</td><td>repel</td>": each two cells side by
    side on a line of a table, as a card typed in a table of questions and answers holds them."""
    if _HTML_CELL.search(line):
        found = [html.unescape(_HTML_TAG.sub("", cell)) for cell in _HTML_CELL.findall(line)]
        cells = [" ".join(cell.split()) for cell in found]
    else:
        cells = _piped_cells(line) if line.strip().startswith("|") else []
    sides = [_tidy_side(cell) for cell in cells]
    return [
        (front, back)
        for front, back in itertools.pairwise(sides)
        if _has_words(front) and _has_words(back)
    ]


_HTML_CELL = lazy_regex(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.I | re.S)
_HTML_TAG = lazy_regex(r"<[^>]+>")


def _tidy_side(side: str) -> str:
    return " ".join(_CARD_MARKUP.sub("", side).split())


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def own_cards(lines: list[str], colons: bool = True) -> dict[int, tuple[str, str]]:
    """The cards the student typed into the notes, by the index of their line: runs of at least
    two lines (blank lines between them allowed) that each hold one card. A run that is a table
    stays one: a rule drawn under its first line, or a first line of column names ("Term |
    Definition") over rows that are not. `colons` reads " :: " as a separator too (Markdown's
    "::" cards are read as a deck of their own)."""
    cards: dict[int, tuple[str, str]] = {}
    run: dict[int, tuple[str, str]] = {}
    ruled = False
    for index, line in enumerate([*lines, "."]):
        sides = card_sides(line)
        if sides and not colons and "::" in line:
            sides = None
        if sides:
            run[index] = sides
            continue
        if not line.strip():
            continue
        if run and _RULE.match(line.strip()):
            ruled = True  # "-----|-----" under a header: a table's
            continue
        if len(run) >= MIN_CARD_LINES and not ruled and not _headed_table(list(run.values())):
            cards.update(run)
        run, ruled = {}, False
    return cards


def _headed_table(run: list[tuple[str, str]]) -> bool:
    """ "Term | Definition" over "osmosis | the movement of water ...": a first line of column
    names over rows that are not names, so a table's header."""
    return _is_header(list(run[0])) and not all(_is_header(list(sides)) for sides in run[1:])


def card_block(index: int, sides: tuple[str, str]) -> Block:
    """The card the student typed on line `index` (from 0): its line as a paragraph, its front
    and back as its cells."""
    front, back = sides
    return Block(BlockKind.TEXT, f"{front}: {back}", index + 1, index + 1, cells=sides)
