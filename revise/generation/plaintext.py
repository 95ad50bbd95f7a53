"""Plain-text notes: outlines exported from mind maps, and prose with short heading lines.

Neither kind marks its structure, so it is inferred. In an outline the hierarchy was flattened:
a bullet without a verb ("Confrontation over Taiwan") heads the bullets below it, a bullet ending
in ":" or "... for 2 reasons" introduces the next ones, and a line without a bullet continues the
bullet above. In prose a short title-like line is a heading; a heading directly followed by
another heading opens a section that the second one subdivides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from revise.formats.model import normalise
from revise.generation.cleaning import SECTION_NUMBER, STATED_LINE, is_boilerplate
from revise.generation.document import (
    Block,
    BlockKind,
    Document,
    TextBuilder,
    scope_end,
)
from revise.generation.grammar import states_clause
from revise.generation.language import (
    ARROW,
    EXAMPLE_LINE,
    MONTHS,
    TEXT_CACHE_SIZE,
    counted,
    is_stopword,
    is_verb_form,
    words,
    zipf,
)
from revise.generation.pagetext import SET_APART, set_apart
from revise.generation.patterns import Guarded, lazy_regex
from revise.generation.plaintables import card_block, find_tables, is_table_rule, own_cards
from revise.generation.structure import LIST_COUNT
from revise.generation.targets import OPENING_DATE, TIMELINE_DATE

# "a)", "(b)", "iv)", "(ii)", "(3)": a letter, a roman numeral or a number in brackets marks a
# list item as a bullet or "1." does, and is no part of what the item says
LIST_MARK = r"\(?(?:[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})\)|\(\d{1,2}\)"
# ">> key example": a note the student added beside the points, marked as a bullet is; "o" and
# "§" with a tab after them, or an indented "o", as Word writes its second- and third-level
# bullets in the text it saves, are bullets too ("§ 823 BGB" is a section of a statute)
_MARK = r"[-*•\u2013\u2014▪◦·]|(?<=\s)o|o(?=\t)|§(?=\t)"
_BULLET = lazy_regex(rf"^\s*(?:{_MARK}|>>|\d{{1,2}}[.)]|{LIST_MARK})\s+(\S.*)$")
_MARKED_POINT = lazy_regex(rf"^\s*(?:{_MARK})\s")  # "- ...", "• ...", "o<tab>...": a bullet
_MARKED = lazy_regex(rf"^\s*(?:\d{{1,2}}[.)]|{LIST_MARK})\s")
LIST_MARKED = lazy_regex(rf"^\s*(?:{LIST_MARK})\s+(?=\S)")
_TERMINAL = lazy_regex(r"[.!?;,:]$")
_ENDS_POINT = lazy_regex(r"[.!?;:]$")  # a point's last line, where a comma leaves it going on
GENERIC_SECTIONS = frozenset(
    [
        "introduction",
        "conclusion",
        "conclusions",
        "summary",
        "overview",
        "background",
        "abstract",
        "references",
        "notes",
        "further",
        "reading",
        "bibliography",
        "final",
        "thoughts",
        "key",
        "points",
        "takeaways",
    ]
)
HEADING_WORDS = 12
_BOLD_LINE = lazy_regex(r"^\*\*(.+?)\*\*:?$")


@dataclass
class _Raw:
    """A line or a bullet with its wrapped continuation lines."""

    bullet: bool
    start: int
    pieces: list[tuple[str, int]] = field(default_factory=list)
    indent: int = 0  # columns before the bullet mark
    pair: bool = False  # a line of a list written without bullets ("ayer - yesterday")
    numbered: bool = False  # a numbered item ("1. State H0 and H1")
    child: bool = False  # in a flat export, a point under the label above it
    column: int = 0  # where a bullet's text starts, past its mark

    @property
    def text(self) -> str:
        return " ".join(piece for piece, _ in self.pieces)

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def last(self) -> str:
        """The last line's text: a paragraph's or a bullet's lines are never empty, so its
        whole text ends as this does."""
        return self.pieces[-1][0]

    def block(self, kind: BlockKind, level: int = 0) -> Block:
        builder = TextBuilder()
        for piece, line in self.pieces:
            builder.add(piece, line)
            builder.space()
        text, breaks = builder.build()
        ordered = kind is BlockKind.ITEM and self.numbered
        return Block(kind, text, self.start, self.end, level, breaks, ordered=ordered)


def parse_plain_text(text: str) -> Document:
    lines, ruled = without_rules(text.split("\n"))
    titles = numbered_titles(lines)
    titles.update(ruled)
    points = section_points(lines)
    document = _parse_tables_and_lines(_lists_from_points(lines, points), frozenset(ruled))
    if titles:
        document.blocks = _with_titles(document.blocks, titles, lines, frozenset(ruled))
    document.blocks = examples_below(_without_point_numbers(document.blocks, points))
    document.blocks = _workings_as_formulas(document.blocks, lines)
    document.blocks = [_without_part_label(block) for block in document.blocks]
    return document


# "Topic: elasticity", "Slide 14: Kinase cascades", "Lec 3 - Sorting": the label of a part of the
# course before what the part is on
_PART_LABEL = lazy_regex(
    r"^(?:topic|subtopic|theme|slide\s*\d{1,3}|lecture\s*\d{1,2}|lec\s*\d{1,2}|lesson\s*\d{1,2}"
    r"|week\s*\d{1,2}|wk\s*\d{1,2})\s*(?::|\s[-\u2013\u2014])\s+(?=\S)",
    re.I,
)


def _without_part_label(block: Block) -> Block:
    """A heading without the label of the part it heads: its subject is what follows."""
    label = _PART_LABEL.match(block.text) if block.kind is BlockKind.HEADING else None
    if not label:
        return block
    return replace(block, text=block.text[label.end() :], breaks=((0, block.start),))


# "= A.(B + ¬B)      distributive": a step of a working, then the law it uses after a gap
_STEP = lazy_regex(r"^\s*=\s+(?P<step>\S.*?)\s*$")
_OPERATOR = lazy_regex(r"[-+*/^.()\u00ac\u00d7\u00f7\u221a\u2227\u2228\u2295\u2212]")
MAX_EXPRESSION_CHARS = 60


def _expression(text: str, signed: bool = True) -> bool:
    """ "A.B + A.¬B", "(x + 2)(x + 3)": symbols and signs (`signed`), no words."""
    text = text.strip()
    return (
        0 < len(text) <= MAX_EXPRESSION_CHARS
        and "=" not in text
        and (not signed or bool(_OPERATOR.search(text)))
        and not re.search(r"[^\W\d_]{3,}", text)
    )


def _step(line: str) -> str:
    """What a step of a working ("     = A.1      A + ¬A = 1") makes the expression, without
    the law named beside it; "" for any other line."""
    match = _STEP.match(line)
    if not match:
        return ""
    step = _WIDE_GAP.split(match["step"])[0].strip()
    return step if _expression(step, signed=False) else ""  # ("= A": a step may end on a symbol)


def _workings_as_formulas(blocks: list[Block], lines: list[str]) -> list[Block]:
    """An expression worked through in steps, each line opening on "=" ("A.B + A.¬B" over
    "= A.(B + ¬B)", "= A.1", "= A"), is one formula: the expression and what it comes to
    ("A.B + A.¬B = A"), from its first line to its last. A step alone is no fact, and the
    expression titles no section of its own."""
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        head = blocks[index]
        steps: list[Block] = []
        for block in map(blocks.__getitem__, range(index + 1, len(blocks))):  # (no copy)
            one_line = block.start == block.end and block.kind in (BlockKind.ITEM, BlockKind.TEXT)
            if not one_line or not _step(lines[block.start - 1]):
                break
            steps.append(block)
        if not steps or head.kind is BlockKind.ROW or not _expression(head.text):
            result.append(head)
            index += 1
            continue
        last = steps[-1].start
        text = f"{head.text.strip()} = {_step(lines[last - 1])}"
        breaks = ((0, head.start), (len(head.text.strip()) + 3, last))
        result.append(Block(BlockKind.FORMULA, text, head.start, last, 0, breaks))
        index += len(steps) + 1
    return result


# "2.4 Wolsey fell ...": a decimal number that counts the points of a section, at the margin
_POINT_NUMBER = SECTION_NUMBER


def _follows(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """ "2.4" after "2.3", "2.3.1" after "2.3", "3.1" after "2.7" or "2.3.4": the next number of
    an outline's count."""
    if after == (*before, 1):
        return True
    for depth in range(min(len(before), len(after)), 0, -1):
        if after[:depth] == (*before[: depth - 1], before[depth - 1] + 1) and all(
            part == 1 for part in after[depth:]
        ):
            return True
    return False


def section_points(lines: list[str]) -> dict[int, str]:
    """The lines (from 1) that open on a decimal number counting the notes' points ("1.1",
    "1.2", ... "2.1"), with the number: numbers at the margin that run in sequence down the
    page. "3.5 million people ..." or "1.5 V across ..." opening a line is no count: no line
    before or after it goes on from its number."""
    numbered = [
        (index + 1, match["number"])
        for index, line in enumerate(lines)
        if (match := _POINT_NUMBER.match(line.lstrip()))
    ]
    counts = [tuple(int(part) for part in number.split(".")) for _, number in numbered]
    found: dict[int, str] = {}
    for position in range(1, len(numbered)):
        if _follows(counts[position - 1], counts[position]):
            found.update(numbered[position - 1 : position + 1])
    return found


def _lists_from_points(lines: list[str], points: dict[int, str]) -> list[str]:
    """ "5.5 a) religious ..." over "    b) economic ...": a point that opens straight on its
    lettered list is that list, at the point's margin."""
    result = list(lines)
    for line in points:
        text = lines[line - 1]
        rest = text[_indent(text) + _POINT_NUMBER.match(text.lstrip()).end() :]
        if not LIST_MARKED.match(rest):
            continue
        result[line - 1] = rest
        column = len(text) - len(rest)
        for below in range(line, len(lines)):
            if not lines[below].strip() or _indent(lines[below]) < column:
                break
            result[below] = lines[below][column:]
    return result


def _without_point_numbers(blocks: list[Block], points: dict[int, str]) -> list[Block]:
    """The blocks without the point numbers they open on: the numbers are the notes' outline,
    no part of what a point says."""
    return [
        _without_number(block, points[block.start]) if block.start in points else block
        for block in blocks
    ]


MIN_CUE_COLUMN_LINES = 4
MIN_CUE_COLUMN_WIDTH = 8
CUE_COLUMN_SLACK = 2  # typed by hand, a column's "|" may stray a place or two
MAX_COLUMN_NAME_WORDS = 3
COLUMN_HEADER_REACH = 6  # lines above a run (rules, a section title) where its header may be


def without_cue_column(lines: list[str]) -> list[str]:
    """The lines with a left-hand column of cues taken off, as Cornell notes typed in plain text
    have it: a run of lines whose first "|" stands at about one place, a third of them or more
    with nothing to its left and at least one cue a question. Only the notes right of the "|"
    stay, each on its own line so that line numbers still hold; the cues ask what the notes say."""
    kept = list(lines)
    runs: list[tuple[int, int, int]] = []  # first line, end and column of each run
    index = 0
    while index < len(lines):
        column = lines[index].find("|")
        end = index
        while end < len(lines) and _in_column(lines[end], column):
            end += 1
        runs.append((index, end, column))
        index = max(end, index + 1)
    cue_columns = [column for index, end, column in runs if _is_cue_column(lines[index:end])]
    for index, end, column in runs:
        run = lines[index:end]
        # (a part of the page with no cue beside its notes, "    | 7.1 ...", or too short to
        # tell on its own, is in the column the rest of the page has)
        cues = [line[: line.find("|")].strip() for line in run]
        near = any(abs(column - other) <= CUE_COLUMN_SLACK for other in cue_columns)
        if (near and any(not cue or cue.endswith("?") for cue in cues)) or _is_cue_column(run):
            for offset, line in enumerate(run):
                notes = line[line.find("|") + 1 :]
                kept[index + offset] = notes[1:] if notes.startswith(" ") else notes
            # "CUES | NOTES" at the head of the page or of the run: the columns' names
            for header in range(max(index - COLUMN_HEADER_REACH, 0), index + 1):
                if _names_columns(lines[header], column):
                    kept[header] = ""
    return kept


def _in_column(line: str, column: int) -> bool:
    bar = line.find("|")
    return column >= MIN_CUE_COLUMN_WIDTH and bar >= 0 and abs(bar - column) <= CUE_COLUMN_SLACK


def _names_columns(line: str, column: int) -> bool:
    if not _in_column(line, column):
        return False
    left, _, right = line.partition("|")
    return all(
        0 < len(side.split()) <= MAX_COLUMN_NAME_WORDS and not re.search(r"[\d?]", side)
        for side in (left, right)
    )


def _is_cue_column(run: list[str]) -> bool:
    if len(run) < MIN_CUE_COLUMN_LINES:
        return False
    cues = [line[: line.find("|")].strip() for line in run]
    if 3 * cues.count("") < len(run):
        return False
    asked, cue = False, ""
    for part in cues:  # a cue may wrap onto the lines below it
        cue = f"{cue} {part}".strip() if part else ""
        asked = asked or cue.endswith("?")
    return asked


# "=====", "-----", "* * *", "~~~~", "_____": a line of one mark repeated, drawn across the page
_RULE = lazy_regex(r"^\s*([=\-*~_#+])(?:\s?\1){2,}\s*$")
# "=== THEORIES ===", "--- Part 2 ---": a title set between two short rules on its own line
_FRAMED_TITLE = lazy_regex(r"^\s*([=\-*~#+])\1{2,}\s*(?P<text>[^=\-*~#+\s].*?)\s*\1{3,}\s*$")
MAX_RULED_TITLE_WORDS = 15


def without_rules(lines: list[str]) -> tuple[list[str], dict[int, tuple[int, str, bool]]]:
    """The lines with each rule drawn across the page blank, for a rule ends what is above it,
    and the titles the rules mark: a short line underlined by one, or set between two, after a
    blank line. As in reStructuredText, each way of marking a title (its mark, and whether it
    has a rule above too) is a level below the ways seen before it; a title numbered "2.1" is
    as deep as its number says. The titles are by line number (from 1), with their depth, their
    text without the number and whether the number is the first one."""
    rules = {
        index
        for index, line in enumerate(lines)
        if _RULE.match(line) and not _piped_cells_near(lines, index)
    }
    framed = {
        index: match
        for index, line in enumerate(lines)
        if (match := _FRAMED_TITLE.match(line))
        and len(match["text"].split()) <= MAX_RULED_TITLE_WORDS
    }
    if not rules and not framed:
        return lines, {}
    styles: list[tuple[str, bool]] = []
    titles: dict[int, tuple[int, str, bool]] = {}
    for index in sorted(rules | set(framed)):
        if index in framed:
            # (a framed title's style is its mark written on both sides of it)
            style = (framed[index][1] * 2, False)
            if style not in styles:
                styles.append(style)
            titles[index + 1] = (styles.index(style) + 1, framed[index]["text"], False)
            continue
        title = index - 1
        if title < 0 or title in rules or not lines[title].strip():
            continue
        above = title - 1
        overlined = above in rules
        if not (above < 0 or overlined or not lines[above].strip()):
            continue  # the last line of a paragraph, with a rule under it to end it
        text = lines[title].strip()
        if _BULLET.match(lines[title]) and not _NUMBERED_TITLE.match(lines[title]):
            continue
        if len(text.split()) > MAX_RULED_TITLE_WORDS or text.endswith((".", ",", ";")):
            continue
        if "|" in text:
            continue  # ("CUE COLUMN | NOTES" between rules: a table's header names its columns)
        style = (lines[index].strip()[0], overlined)
        if style not in styles:
            styles.append(style)
        depth = styles.index(style) + 1
        numbered = _NUMBERED_TITLE.match(lines[title])
        first = False
        if numbered:
            text = numbered["text"].rstrip(" :")
            depth = max(depth, _depth(numbered["number"]))
            first = bool(re.fullmatch(r"0?1[.)]?", numbered["number"]))
        titles[title + 1] = (depth, text, first)
    blank = [
        "" if index in rules else framed[index]["text"] if index in framed else line
        for index, line in enumerate(lines)
    ]
    return blank, titles


def _piped_cells_near(lines: list[str], index: int) -> bool:
    """A rule between the rows of a table drawn with "|": the table's, not the page's."""
    near = lines[max(index - 1, 0) : index + 2]
    return sum(1 for line in near if line.count("|") >= 1) >= 2


def examples_below(blocks: list[Block]) -> list[Block]:
    """ "- e.g. the BMA ..." written as the next bullet after "- Insider groups - ...": an
    example of that bullet, one level below it, not a point of the list. After a bullet that
    says something ("DR falls because of clean water, ...") under one that names a thing
    ("Stage 2 - Early expanding"), "eg Afghanistan, Niger" is an example of that thing, and
    stays a point of its list."""
    result: list[Block] = []
    parent: Block | None = None  # the last item that is no example
    open_items: list[Block] = []  # the items, no examples, the current one may sit under
    for index, block in enumerate(blocks):
        below = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind is not BlockKind.ITEM:
            parent = None
            open_items.clear()
            result.append(block)
            continue
        while open_items and open_items[-1].level >= block.level:
            open_items.pop()
        if not EXAMPLE_LINE.match(block.text):
            parent = block
            open_items.append(block)
        elif (
            parent is not None
            and block.level == parent.level
            and not (below and below.kind is BlockKind.ITEM and below.level > block.level)
            and not (open_items and _names_a_thing(open_items[-1].text) and _says(parent.text))
        ):  # (an example worked through in points of its own is a point of the list)
            block = replace(block, level=parent.level + 1)
        result.append(block)
    return result


MAX_THING_WORDS = 6


def _says(text: str) -> bool:
    """A bullet that says something: what leads to what, a reason, or a point too long to name
    a thing; "Insider groups - regular access to ministers" pairs a term with what it means."""
    if re.search(rf"\s{ARROW}\s|\bbecause\b", text) or states_clause(text):
        return True
    bare = re.sub(r"\([^()]*\)", "", text)
    return len(bare.split()) > MAX_THING_WORDS and not re.search(r"\s[-\u2013\u2014=]\s|:\s", bare)


def _names_a_thing(text: str) -> bool:
    """A short bullet that names a thing ("Stage 2 - Early expanding"), saying nothing of it."""
    return (
        len(re.sub(r"\([^()]*\)", "", text).split()) <= MAX_THING_WORDS  # (an aside aside)
        and not re.search(r"[:=]", text)  # ("a priori = before experience": a term's meaning)
        and not _says(text)
    )


# "Irms = I0 / √2     Vrms = V0 / √2": two formulas set apart by a wide gap on one line
_WIDE_GAP = lazy_regex(r"(?<=\S)(?: {3,}|\t+)(?=\S)")
_RELATION = lazy_regex(r"(?<![-=<>])[=<>](?![=<>])")  # "=", "<", ">", never an arrow ("->", "=>")


def _formulas_apart(line: str) -> str:
    """A line of formulas side by side, each kept apart from the next by "; " (the gap between
    them would close up into one formula running into the next); never a formula and the
    bracket that explains its symbols ("B = μ0nI   (n = turns per metre)")."""
    if "   " not in line and "\t" not in line:
        return line  # (most lines: no wide gap)
    parts = _WIDE_GAP.split(line.strip())
    if len(parts) < 2 or not all(_RELATION.search(part) and part[0] != "(" for part in parts):
        return line
    return line[: len(line) - len(line.lstrip())] + "; ".join(parts)


def _parse_tables_and_lines(lines: list[str], ruled: frozenset[int] = frozenset()) -> Document:
    paths = path_outline(lines)
    if paths:
        # A mind map typed up a path a line: its paths read as the outline they are, under the
        # headings of the notes around them, which are read as notes are
        pathed = {block.start for block in paths if block.text}
        kept = ["" if index + 1 in pathed else line for index, line in enumerate(lines)]
        title = _map_title(kept, min(pathed))
        if title:
            kept[title - 1] = ""
        document = _parse_tables_and_lines(kept, ruled)
        document.title = lines[title - 1].strip() if title else document.title
        document.blocks = with_paths(document.blocks, paths)
        return document
    cards = own_cards(lines)
    if cards:
        # The cards the student typed one a line are read as written; the notes around them,
        # tables too, as notes are
        titles = _card_run_titles(lines, cards, ruled)
        kept = [
            "" if index in cards or index in titles else line for index, line in enumerate(lines)
        ]
        document = _parse_tables_and_lines(kept, ruled)
        document.blocks = _merged_in(document.blocks, [card_block(*at) for at in cards.items()])
        document.blocks = _with_card_run_titles(document.blocks, titles)
        return document
    tables = find_tables(lines)
    lines = [_formulas_apart(line) for line in lines]
    if not tables:
        return _parse_lines(lines, ruled)
    # A table's lines are read as its rows, the rest as notes around them; the rules drawn
    # above its header and below its last row are the table's too.
    covered: set[int] = set()
    for first, rows in tables.items():
        last = rows[-1].end
        while first > 0 and is_table_rule(lines[first - 1]):
            first -= 1
        while last < len(lines) and is_table_rule(lines[last]):
            last += 1
        covered.update(range(first, last))
    kept = ["" if index in covered else line for index, line in enumerate(lines)]
    document = _parse_lines(kept, ruled)
    document.blocks = _merged_in(
        document.blocks, [block for found in tables.values() for block in found]
    )
    return document


MAX_RUN_TITLE_WORDS = 6


def _card_run_titles(
    lines: list[str], cards: dict[int, tuple[str, str]], ruled: frozenset[int]
) -> dict[int, str]:
    """ "energy per gram" over "carbohydrate<TAB>3.75 kcal", "protein<TAB>4 kcal": a short line
    with no separator directly above a run of cards typed one a line names what the rows
    under it are about, so it heads them (by the index of its line), even where the line
    above it leaves a sentence unfinished."""
    titles: dict[int, str] = {}
    for index in cards:
        above = index - 1
        if above < 0 or above in cards or above - 1 in titles or above + 1 in ruled:
            continue
        text = lines[above].strip()
        if not text or _BULLET.match(lines[above]) or len(text.split()) > MAX_RUN_TITLE_WORDS:
            continue
        if index + 1 in cards and looks_like_heading(text.rstrip(":").rstrip()):
            titles[above] = text.rstrip(":").rstrip()
    return titles


def _with_card_run_titles(blocks: list[Block], titles: dict[int, str]) -> list[Block]:
    """The blocks with each title of a run of cards as a heading one level below the heading
    the notes had open above it (the notes' own titles set between rules are given their
    levels later, and these sit below them)."""
    if not titles:
        return blocks
    result: list[Block] = []
    outer = 0  # the level of the last heading of the notes' own
    pending = sorted((index + 1, text) for index, text in titles.items())
    for block in [*blocks, None]:
        while pending and (block is None or pending[0][0] < block.start):
            line, text = pending.pop(0)
            breaks = ((0, line),)
            result.append(Block(BlockKind.HEADING, text, line, line, outer + 1, breaks))
        if block is None:
            break
        if block.kind is BlockKind.HEADING and block.text:
            outer = block.level
        result.append(block)
    return result


def _merged_in(blocks: list[Block], more: list[Block]) -> list[Block]:
    """The blocks with `more` (from lines left blank for them) put in where their lines are."""
    more = sorted(more, key=lambda block: block.start)
    merged: list[Block] = []
    for block in blocks:
        while more and more[0].start < block.start:
            merged.append(more.pop(0))
        merged.append(block)
    return merged + more


# Paths ------------------------------------------------------------------------------------------

# "OCD -> what it is -> compulsions = repetitive behaviours ...": a mind map typed up one path a
# line, from the centre to a leaf, each step written out again on every line it leads to
_PATH_SEPARATOR = lazy_regex(r"\s(?:->|\u2192|>)\s")
MAX_STEP_WORDS = 6  # a step the paths go on from names a branch; longer, it says a thing
MIN_PATH_LINES = 3  # lines that open on one step: fewer are arrows that happen to agree
MIN_PATH_SHARE = 0.6  # of a file's or a paragraph's lines: fewer are notes with some arrows
MIN_BRANCHED_SHARE = 0.5  # of the paths: at least this many share a branch below the first step


def _path_steps(line: str) -> list[str]:
    """A line's steps, where it opens on a step short enough to name a branch; [] where it is
    no path. The separator the line first uses is the one its steps are parted by."""
    if ">" not in line and "\u2192" not in line:
        return []  # (most lines: no arrow, no path)
    marked = _BULLET.match(line)
    text = (marked[1] if marked else line).strip()
    separator = _PATH_SEPARATOR.search(text)
    if not separator:
        return []
    steps = [step.strip() for step in text.split(separator[0])]
    if not all(steps) or len(words(steps[0])) > MAX_STEP_WORDS or _TERMINAL.search(steps[0]):
        return []
    return steps


_GLOSS = lazy_regex(r"\s*\([^()]*\)$")


def _step_name(step: str) -> str:
    """A step as what it names: "SERT gene (5-HTT)" is the branch "SERT gene" glossed."""
    return normalise(_GLOSS.sub("", step))


def _shared_steps(steps: list[str], other: list[str]) -> int:
    shared = 0
    for mine, theirs in zip(steps, other, strict=False):
        if _step_name(mine) != _step_name(theirs):
            break
        shared += 1
    return shared


def _path_lines(lines: list[str]) -> dict[int, list[str]]:
    """The lines (from 1) that are paths of one mind map, with their steps: lines that open on
    the same step as at least two others, where such lines are most of the file's lines, or of
    a paragraph's, and most of them share a branch below the first step with another."""
    steps = {number: _path_steps(line) for number, line in enumerate(lines, start=1)}
    openings: dict[str, int] = {}
    for found in steps.values():
        if found:
            opening = normalise(found[0])
            openings[opening] = openings.get(opening, 0) + 1
    paths = {
        number: found
        for number, found in steps.items()
        if found and openings[normalise(found[0])] >= MIN_PATH_LINES
    }

    def mapped(numbers: list[int]) -> bool:
        among = [number for number in numbers if number in paths]
        if len(among) < MIN_PATH_LINES or len(among) < MIN_PATH_SHARE * len(numbers):
            return False
        branched = sum(
            1
            for number in among
            if any(
                _shared_steps(paths[number], paths[other]) >= 2
                for other in among
                if other != number
            )
        )
        return branched >= MIN_BRANCHED_SHARE * len(among)

    filled = [number for number, line in enumerate(lines, start=1) if line.strip()]
    if mapped(filled):
        return paths
    kept: dict[int, list[str]] = {}
    paragraph: list[int] = []
    for number in [*filled, 0]:
        if paragraph and number != paragraph[-1] + 1:
            if mapped(paragraph):
                kept.update((line, paths[line]) for line in paragraph if line in paths)
            paragraph = []
        paragraph.append(number)
    return kept


def _map_title(lines: list[str], first_path: int) -> int:
    """The line (from 1) that titles a mind map typed up a path a line: the first line of the
    notes, where the paths begin below it, as the map's centre does. 0 where there is none."""
    filled = [number for number, line in enumerate(lines, start=1) if line.strip()]
    if not filled or filled[0] > first_path:
        return 0
    return filled[0] if looks_like_heading(_GLOSS.sub("", lines[filled[0] - 1].strip())) else 0


def with_paths(blocks: list[Block], paths: list[Block]) -> list[Block]:
    """The notes' blocks with the paths' blocks among them by line, the paths' headings below
    the notes' heading above them."""
    merged: list[Block] = []
    base = 0  # the level of the notes' last heading
    waiting = list(paths)
    for block in blocks:
        while waiting and waiting[0].start <= block.start:
            found = waiting.pop(0)
            merged.append(replace(found, level=found.level + base) if found.level else found)
        merged.append(block)
        if block.kind is BlockKind.HEADING and block.text:
            base = block.level
    merged.extend(
        replace(found, level=found.level + base) if found.level else found for found in waiting
    )
    return merged


def path_outline(lines: list[str]) -> list[Block]:
    """The paths of a mind map typed up a path a line, as the outline they are. The steps a path
    shares with another are the headings it sits under, each written once where it first opens;
    the rest of the path, arrows and all, is its point ("... -> COMT gene -> regulates the
    production of dopamine" beside "... -> COMT gene -> one variant -> higher levels of
    dopamine": "regulates the production of dopamine" under "COMT gene"). A path that others go
    on from is the heading they sit under. Heading levels count from 1 at the paths' first step."""
    paths = _path_lines(lines)
    blocks: list[Block] = []
    opened: list[str] = []  # the steps open as headings above the next point, outermost first
    for number, line in enumerate(lines, start=1):
        if number not in paths:
            if line.strip() and opened:
                blocks.append(scope_end(number, 1))  # (a line that is no path ends them)
                opened = []
            continue
        steps = paths[number]
        # (every step of a path that others go on from is shared: all of it heads them)
        depth = max(
            (_shared_steps(steps, other) for at, other in paths.items() if at != number),
            default=0,
        )
        still = _shared_steps(steps[:depth], opened)
        if still == depth and len(opened) > depth:
            blocks.append(scope_end(number, depth + 1))
        blocks.extend(
            _Raw(False, number, [(step, number)]).block(BlockKind.HEADING, level)
            for level, step in enumerate(steps[still:depth], start=still + 1)
        )
        opened = steps[:depth]
        if depth < len(steps):
            separator = _PATH_SEPARATOR.search(line)
            point = separator[0].join(steps[depth:]) if separator else steps[-1]
            blocks.append(_Raw(True, number, [(point, number)]).block(BlockKind.ITEM))
    return blocks


# Numbered section titles ------------------------------------------------------------------------

# "2. KANTIAN ETHICS", "3) Virtue ethics", "1.1 Key terms": a number, then what the section is on
_NUMBERED_TITLE = lazy_regex(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)])\s+(?P<text>\S.*?)\s*$"
)
# "PART B - Kantian ethics", "Section 2: Causes", "Unit 3": a part of the notes, by its number
_PART_TITLE = lazy_regex(
    r"^(?:part|section|unit|topic|chapter|module)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})"
    r"(?:\s*[-:.\u2013\u2014]\s+|\s*$)(?P<text>.*?)\s*$",
    re.I,
)
MAX_TITLE_WORDS = 8
MAX_CUE_WORDS = 10  # "1.1 Who started it? Bentham": a question the section answers


def _title_text(text: str, subsection: bool = False) -> str:
    """What a numbered line is on, when it reads as a title: short, no verb unless it asks a
    question over its answers, no term with its meaning ("1. Osmosis = ..."). Under a number
    such as "2.1", which numbers sections and never list items, a title may name its subject
    and its topic ("2.1 Taylor - scientific management")."""
    text = text.rstrip(" :")
    tokens = text.split()
    if not tokens or re.search(r"\s=\s|:\s", text) or LIST_MARKED.match(text):
        return ""  # (nor "4.8 a) money ...", which opens its section's list)
    if "?" in _PARENTHESES.sub("", text):  # ("a) money (main reason?)" asks nothing)
        return text if len(tokens) <= MAX_CUE_WORDS and not text.endswith(".") else ""
    sides = _TITLE_DASH.split(text)
    if len(sides) > (2 if subsection else 1) or len(tokens) > MAX_TITLE_WORDS:
        return ""
    # ("Limited companies", "Developed countries": a participle before its noun describes it)
    described = [
        side.split(maxsplit=1)[-1] if side.split()[0].casefold().endswith("ed") else side
        for side in sides
    ]
    return text if all(looks_like_heading(side) for side in described) else ""


def _depth(number: str) -> int:
    return len([part for part in re.split(r"[.)]", number) if part])


MIN_PARAGRAPH_WORDS = 6


def _opens_paragraph(line: str) -> bool:
    """A sentence at the margin, not a numbered line of its own."""
    text = line.strip()
    return (
        _indent(line) == 0
        and text[:1].isupper()
        and len(text.split()) >= MIN_PARAGRAPH_WORDS
        and not _NUMBERED_TITLE.match(text)
        and not _BULLET.match(line)
    )


def numbered_titles(lines: list[str]) -> dict[int, tuple[int, str, bool]]:
    """Lines that title a numbered section, by line number, with their depth (1 for "2.", 2 for
    "2.1"), their text without the number, and whether the number is the first one ("1.").

    A short title-like line at the margin with its points below it (indented, lettered, bulleted,
    numbered "2.1" under "2.", or in capitals over any line) titles a section; a numbered line
    that states a fact, one of a run of numbered lines without points of their own, and the
    items of a list its lead line announces ("Three causes:") stay items."""
    found: dict[int, tuple[int, str, bool]] = {}
    filled = [index for index, line in enumerate(lines) if line.strip()]
    in_list = False  # the numbered lines are the items of a lead's list
    for position, index in enumerate(filled):
        line = lines[index]
        above = lines[filled[position - 1]] if position else ""
        below = lines[filled[position + 1]] if position + 1 < len(filled) else ""
        numbered = _NUMBERED_TITLE.match(line)
        part = _PART_TITLE.match(line.strip()) if not numbered and _indent(line) == 0 else None
        if part:
            text = part["text"].rstrip(" :")
            if (text and _title_text(text)) or (not text and looks_like_heading(line.strip())):
                found[index + 1] = (0, text or line.strip(), False)
            in_list = False
            continue
        if not numbered or _indent(line) > 0:
            if _indent(line) == 0 and not _BULLET.match(line):
                in_list = False
            continue
        number = numbered["number"]
        depth = _depth(number)
        text = _title_text(numbered["text"], subsection=depth > 1) or _capital_head(
            numbered["text"]
        )
        if re.fullmatch(r"1[.)]?", number) and (
            above.rstrip().endswith(":") or LIST_COUNT.search(above.strip())
        ):
            in_list = True
        if in_list or not text:
            continue
        # ("2.5 CAUSATION" over its indented points, after "2.4 Can be an act ...", titles
        # its section where "2. Osmosis" in a run of numbered lines is an item)
        nested = _indent(below) > _indent(line) or bool(re.match(rf"\s*(?:{LIST_MARK})\s", below))
        if (_sibling(above, depth) or _sibling(below, depth)) and not (
            in_capitals(text) and nested
        ):
            continue
        stem = number.rstrip(".)") + "."
        children = (
            _indent(below) > _indent(line)
            or bool(re.match(rf"\s*(?:{LIST_MARK})\s", below))
            or bool(_MARKED_POINT.match(below))
            or below.strip().startswith(stem)
            or (in_capitals(text) and bool(below.strip()))
            # ("1.1 De-industrialisation" over "Since the 1960s the UK has lost ...": a
            # section number titles the paragraph below it)
            or (depth > 1 and _opens_paragraph(below))
        )
        if children:
            found[index + 1] = (depth, text, bool(re.fullmatch(r"0?1[.)]?", number)))
    return found


def _capital_head(text: str) -> str:
    """ "DIMINISHED RESPONSIBILITY - s.2(1) HA 1957:": a title in capitals before what the
    section opens on, or a title in capitals with its asides in brackets; "" for any other
    line."""
    sides = _TITLE_DASH.split(text.strip(), maxsplit=1)
    head = sides[0].rstrip(" :")
    if len(sides) == 2 and in_capitals(head) and len(head.split()) <= MAX_TITLE_WORDS:
        return head
    # "6) HEAPSORT (v quick, ran out of time)": a title in capitals, an aside in brackets
    return text.strip() if _capitals_heading(text.strip()) else ""


def _title_tail(block: Block, title: str) -> Block | None:
    """What a numbered title's line says after the title ("4.4 LOSS OF CONTROL - s.54 CJA
    2009 (replaced ...)"), as a paragraph of the section it titles."""
    first = block.text
    if block.breaks and len(block.breaks) > 1:
        first = block.text[: block.breaks[1][0]]
    numbered = _NUMBERED_TITLE.match(first.strip())
    first = (numbered["text"] if numbered else first).strip()
    if not first.startswith(title):
        return None
    tail = re.match(r"\s*[-\u2013\u2014:]\s*(\S.*)$", first[len(title) :])
    if not tail:
        return None
    return Block(BlockKind.TEXT, tail[1].strip(), block.start, block.start, 0, ((0, block.start),))


def _sibling(line: str, depth: int) -> bool:
    """A numbered line of the same depth at the margin: the next item of the same list."""
    numbered = _NUMBERED_TITLE.match(line)
    return bool(numbered) and _indent(line) == 0 and _depth(numbered["number"]) == depth


def _with_titles(
    blocks: list[Block],
    titles: dict[int, tuple[int, str, bool]],
    lines: list[str],
    ruled: frozenset[int] = frozenset(),
) -> list[Block]:
    """The blocks with each numbered title as a heading: "1." sections at the top (below a
    "PART B" title where the notes have parts), "1.1" below them, unless the numbering starts
    over under each heading of the notes' own, when they sit below it. The points under a
    title that was read as a list item move up to the outer list.

    A numbered section ends where the next number of its rank or above comes: "1.4 Deflation
    = ..." after "1.3 CAUSES" and its points is back in section 1, so section 1's title heads
    it again; and its number, which only counts the points, is no part of what it says.

    A title the notes mark with a rule (`ruled`) is one of the notes' own headings, at the
    depth its rule gives it: numbered titles below it sit under it, and so does a short line
    that heads a part of its section ("proving De Morgan with a truth table" under "Boolean
    laws\n-----"), which is never above it."""
    parts = any(depth == 0 for depth, _, _ in titles.values())
    firsts = sum(1 for depth, _, first in titles.values() if depth == 1 and first)
    result: list[Block] = []
    outer = 0  # the level of the last heading that is no numbered title
    shift = 0  # how much deeper than the outer list the points under the title were read
    open_titles: list[tuple[int, Block, str]] = []  # depth, heading and number of each
    ruled_level = 0  # the level of the last title marked with a rule
    for block in blocks:
        title = titles.get(block.start) if block.kind is not BlockKind.ROW else None
        rest = _after_first_line(block) if title else None
        if title:
            depth, text, _ = title
            if block.start in ruled:
                level = outer = ruled_level = depth
            elif depth == 0:
                level = outer = 1  # ("PART B": the numbered sections below are its parts)
            elif firsts > 1 or ruled_level:
                level = outer + depth
            else:
                level = depth + parts
            if block.start not in ruled and level <= ruled_level:
                ruled_level = 0  # ("PART B" ends the section of the title above it)
            shift = block.level + 1 if block.kind is BlockKind.ITEM else 0
            breaks = ((0, block.start),)
            heading = Block(BlockKind.HEADING, text, block.start, block.start, level, breaks)
            result.append(heading)
            while open_titles and open_titles[-1][0] >= depth:
                open_titles.pop()
            open_titles.append((depth, heading, _section_number(lines, block.start)))
            tail = _title_tail(block, text)
            if tail is not None:
                result.append(tail)
            if rest is not None:
                result.append(rest)  # "Ltd and plc both have ...:" wrapped onto the title
            continue
        if block.kind is BlockKind.HEADING:
            if ruled_level and block.text:
                block = replace(block, level=ruled_level + block.level)
            outer, shift = block.level, 0
            open_titles.clear()
        elif block.kind is not BlockKind.ROW:
            number = _section_number(lines, block.start)
            depth = _depth(number) if number else 0
            if depth and open_titles and open_titles[-1][0] >= depth:
                while open_titles and open_titles[-1][0] >= depth:
                    open_titles.pop()
                if open_titles:
                    result.append(open_titles[-1][1])
                shift = 0
            if (
                depth > 1
                and open_titles
                and open_titles[-1][2].split(".")[0] == number.split(".")[0]
            ):
                block = _without_number(block, number)
        if block.kind is BlockKind.ITEM and shift:
            if block.level < shift:
                shift = 0  # a point of the outer list: the title had no points under it
            else:
                block = replace(block, level=block.level - shift)
        result.append(block)
    return result


def _section_number(lines: list[str], line: int) -> str:
    """The section number a line at the margin opens on ("2.3" in "2.3 Year and a day ..."),
    or ""."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    numbered = _NUMBERED_TITLE.match(text)
    return numbered["number"].rstrip(".)") if numbered and _indent(text) == 0 else ""


def _without_number(block: Block, number: str) -> Block:
    """The block without the section number it opens on."""
    mark = re.match(rf"{re.escape(number)}[.)]?\s+", block.text)
    if not mark:
        return block
    cut = mark.end()
    breaks = tuple((max(offset - cut, 0), line) for offset, line in block.breaks)
    return replace(block, text=block.text[cut:], breaks=breaks)


def _after_first_line(block: Block) -> Block | None:
    """The lines of a block after its first, as a paragraph of their own."""
    if block.end == block.start:
        return None
    cut = next(offset for offset, line in block.breaks if line > block.start)
    breaks = tuple((offset - cut, line) for offset, line in block.breaks if offset >= cut)
    text = block.text[cut:].strip()
    return Block(BlockKind.TEXT, text, breaks[0][1], block.end, 0, breaks)


def _parse_lines(lines: list[str], ruled: frozenset[int] = frozenset()) -> Document:
    """`ruled`: the lines (from 1) of the titles the notes mark with rules; where they do, no
    other bullet is a title."""
    wrapped = wrapped_lines(lines)
    lines = [unticked(line) for line in lines]
    if _capital_headed(lines):
        return _parse_prose(lines, capitals=True, ruled=ruled, wrapped=wrapped)
    bullets = sum(1 for line in lines if _BULLET.match(line))
    filled = sum(1 for line in lines if line.strip())
    if bullets >= 3 and bullets >= 0.3 * filled:
        return _parse_outline(lines, ruled, wrapped)
    # (a sentence wrapped onto a line indented under its text is no node of a mind map)
    unwrapped = ["" if number in wrapped else line for number, line in enumerate(lines, start=1)]
    if _nested_by_indent_alone(unwrapped, filled - len(wrapped)):
        # A mind map exported as indented lines, no bullet marks: each indented line is a
        # node, as a bullet would be, and a root the whole map hangs from is its title
        # ("Microeconomics - Elasticity & Market Failure (Y12 Econ)").
        root = map_root(lines)
        return _parse_outline(
            [
                line
                if index + 1 == root or index + 1 in wrapped
                else _as_bullet(
                    line, parent=index + 1 < len(lines) and _indent(lines[index + 1]) > 0
                )
                for index, line in enumerate(lines)
            ],
            ruled,
            wrapped,
        )
    return _parse_prose(lines, ruled=ruled, wrapped=wrapped)


MIN_INDENT_LEVELS = 2  # prose may indent each paragraph's first line; an outline nests deeper


def map_root(lines: list[str]) -> int:
    """The line (from 1) the whole of the notes hangs from, indented below it, as a mind map's
    root does ("Tort of Nuisance (LLB Tort - wk 9/10)" over every branch): their title. 0 where
    there is none."""
    margin = [index for index, line in enumerate(lines) if line.strip() and not _indent(line)]
    filled = sum(1 for line in lines if line.strip())
    if len(margin) != 1 or filled < MIN_MAP_LINES:
        return 0
    first = next(index for index, line in enumerate(lines) if line.strip())
    return first + 1 if margin[0] == first else 0


MIN_MAP_LINES = 4


def _nested_by_indent_alone(lines: list[str], filled: int) -> bool:
    indented = [_indent(line) for line in lines if line.strip() and _indent(line)]
    if len(indented) < 3 or len(indented) < 0.4 * filled:
        return False
    return len(set(indented)) >= MIN_INDENT_LEVELS or _indented_under_parents(lines)


def _indented_under_parents(lines: list[str]) -> bool:
    """ "1948 - Berlin Blockade" over lines indented below it, one level deep: each indented
    line sits right under its parent or a sibling, where a paragraph's indented first line
    follows a blank line."""
    under = [
        index > 0 and bool(lines[index - 1].strip())
        for index, line in enumerate(lines)
        if line.strip() and _indent(line)
    ]
    return sum(under) >= MIN_UNDER_PARENT * len(under)


MIN_UNDER_PARENT = 0.8


def _as_bullet(line: str, parent: bool = False) -> str:
    """A node of a mind map as a bullet: an indented line, or a line that says something
    ("1948 - Berlin Blockade") with lines indented below it."""
    if not line.strip() or _BULLET.match(line):
        return line
    if not _indent(line) and not (parent and not looks_like_heading(line.strip())):
        return line  # (a title over its nodes stays a heading)
    content = line.lstrip()
    return f"{line[: len(line) - len(content)]}- {content}"


def is_foreign(line: str) -> bool:
    """An export header in another language ("Zusammenfassung der Ressource")."""
    tokens = words(line)
    unknown = [token for token in tokens if zipf(token.casefold()) < 2.0]
    return bool(tokens) and len(unknown) * 2 > len(tokens)


_BRACKETED_LINE = lazy_regex(r"^\s*\([^()]*\)\s*$")


_LEADS_TO = lazy_regex(rf"\w\W*\s{ARROW}\s*\W*\w")


# "Break-even = 6000 ÷ 2", "margin = 1,000": a value worked out (where "Applications of F = BQv"
# names a formula)
_WORKED = lazy_regex(r"\s=\s*[£$€]?\d")


def looks_like_heading(text: str) -> bool:
    """A short line without a verb or closing punctuation: a title, not a fact. A line wholly
    in brackets ("(. = AND, + = OR, ¬ = NOT)", "(see the diagram)") is an aside to what is
    around it, never a title."""
    from revise.generation.clauses import quoted_line

    tokens = words(text)
    if not tokens or len(text.split()) > HEADING_WORDS or _TERMINAL.search(text.strip()):
        return False
    if _BRACKETED_LINE.match(text):
        return False
    if " - " in text or quoted_line(text):
        return False  # ('"Fair is foul" (1.1) the Witches': a line someone says, over its notes)
    if _LEADS_TO.search(text):
        return False  # ("MAPK pathway: Ras -> Raf -> MEK": what leads to what, a fact)
    if _WORKED.search(text) or text.count("=") > 1:
        return False  # ("Contribution = £3 - £1 = £2", "FC = £6,000": a sum or a value, a fact)
    if states_clause(text):
        return False  # ("Chloroplasts absorb light for photosynthesis": a fact without its stop)
    # "-ing" words in headings are nouns ("Diplomatic Balancing"), so only finite forms count.
    return not any(is_verb_form(token) and not token.casefold().endswith("ing") for token in tokens)


# "1789", "1790-91", "1792 - war + republic": a year or a span of years, alone or with a few words
# naming the period
_YEAR_TITLE = lazy_regex(
    r"^(?P<first>1\d{3}|20\d{2})(?:\s*[-\u2013/]\s*(?P<last>\d{4}|\d{2}))?"
    r"(?:\s*[-\u2013\u2014:]?\s+(?P<name>[^\d\s].*))?$"
)
MAX_PERIOD_WORDS = 5


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # asked of each line several times
def year_title(line: str, below: str) -> bool:
    """ "1789" or "1792 - war + republic" over "20 april 1792 - France declares war": a year or
    a span of years (and a name for the period, without a verb) over a line dated by its day or
    month within it, heads the part of a timeline the days below it fall in. ("1797 - coup of
    Fructidor" over "9 Nov 1799 - ..." is a dated line of its own.)"""
    match = _YEAR_TITLE.match(line.strip().rstrip(":"))
    dated = TIMELINE_DATE.match(_BULLET.sub(r"\1", below).strip())
    if not match or not dated:
        return False
    name = match["name"] or ""
    if len(name.split()) > MAX_PERIOD_WORDS or (name and not looks_like_heading(name)):
        return False
    first = int(match["first"])
    last = match["last"] or match["first"]
    last_year = int(match["first"][: 4 - len(last)] + last)
    return not dated["year"] or first <= int(dated["year"]) <= last_year


# Outlines ---------------------------------------------------------------------------------------


def _indent(line: str) -> int:
    if "\t" in line:
        line = line.expandtabs(4)
    return len(line) - len(line.lstrip())


def is_indented_outline(lines: list[str]) -> bool:
    """An outline that shows its nesting by indenting sub-bullets, unlike a flat export."""
    return len({_indent(line) for line in lines if _BULLET.match(line)}) >= 2


DATED_ENTRY = lazy_regex(
    r"^(?:c\.\s?)?\d{3,4}s?(?:\s?(?:BC|AD))?\s*(?:[-\u2013\u2014:]|->|\u2192)\s+\S"
)


def _outline_raws(
    lines: list[str], points: dict[int, str], wrapped: frozenset[int] = frozenset()
) -> list[_Raw]:
    raws: list[_Raw] = []
    current: _Raw | None = None
    indented = is_indented_outline(lines)
    unwrapped = any(len(line) > MAX_WRAPPED_LINE for line in lines)
    owner: _Raw | None = None  # the bullet whose lines below it are points of their own
    titled = False  # the lines at the margin are the points of a numbered title above them
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            current = None
            titled = False
            continue
        if number in wrapped and raws and raws[-1].end == number - 1:
            raws[-1].pieces.append((line.strip(), number))  # a sentence wrapped at the margin
            current = raws[-1] if raws[-1].bullet else None
            continue
        if number in points:
            # "    1.3.2 Discharge = ..." in an outline counted 1.1, 1.1.1, 1.2 ...: a point of
            # its own, however the line above ends
            current = _Raw(True, number, [(line.strip(), number)], _indent(line), numbered=True)
            current.column = _indent(line) + len(points[number]) + 1
            raws.append(current)
            continue
        match = _BULLET.match(line)
        if match:
            titled = False
            content = match[1].strip()
            above = raws[-1].pieces[0][0] if raws and raws[-1].bullet else ""
            if (
                content[:1].islower()
                and above[:1].isupper()
                and not indented
                and not EXAMPLE_LINE.match(content)
                and not (_is_label(raws[-1]) or raws[-1].child)
                and _goes_on_from_above(content)
            ):
                # In a flat export a bullet starting in lower case that goes on with the one
                # above ("- Persuaded Kim Il-Sung to attack" over "- promising Soviet backing")
                # is a sub-point of it; where the author indents sub-bullets, or the bullet
                # above starts in lower case too ("- hier - yesterday"), it is a bullet of its
                # own, and so is an example ("- e.g. the BMA ..."), which goes below it, and a
                # point that says a thing of its own ("- believed in divine right" under "-
                # Nicholas II tsar from 1894").
                raws[-1].pieces.append(("- " + content, number))
                current = raws[-1]
                continue
            numbered = bool(_MARKED.match(line))
            current = _Raw(True, number, [(content, number)], _indent(line), numbered=numbered)
            marked = _BULLET.match(line.expandtabs(4))
            current.column = marked.start(1) if marked else _indent(line)
            # "- one man one vote ..." below "- Demands": a point under the label, not its text
            current.child = (
                content[:1].islower()
                and not indented
                and bool(raws)
                and (_is_label(raws[-1]) or raws[-1].child)
            )
            raws.append(current)
        elif (
            DATED_ENTRY.match(line.strip())
            and (current is None or current.bullet)
            and not year_title(line, next((below for below in lines[number:] if below.strip()), ""))
        ):
            # "    1955 - bus boycott begins" under "- timeline": an entry of its own, not the
            # bullet above wrapped onto a new line
            current = _Raw(True, number, [(line.strip(), number)], _indent(line))
            raws.append(current)
        elif (
            current is not None
            and current.bullet
            and _indent(line) <= current.indent
            and _OPENING_LABEL.match(line.strip())
            and line.strip()[:1].isupper()
        ):
            current = None  # "SUMMARY: ..." at the bullets' margin: no part of the last one
            raws.append(_Raw(False, number, [(line.strip(), number)], _indent(line)))
        elif current is not None and current.bullet and _indent(line) < current.indent:
            current = None  # "1.3 Sentence: ..." at the margin after "    b) ...": no part of it
            raws.append(_Raw(False, number, [(line.strip(), number)], _indent(line)))
        elif titled and _OPENS_ON_ARROW.match(line):
            raws[-1].pieces.append((line.strip(), number))  # "=> ...": what the point gives
        elif titled or (current is not None and current.bullet and _titles_lines_below(current)):
            # "cAMP made from ATP" under "3. SECOND MESSENGERS": a point of the title, no
            # part of it, and so is each line at the margin below it
            titled = True
            current = None
            raws.append(_Raw(True, number, [(line.strip(), number)], _indent(line), child=True))
        elif current is not None and current.bullet and _FLAGGED.match(line):
            # "   !! + means OR here, NOT addition" under "* like 2 switches in PARALLEL": a
            # warning flagged on a line of its own is a point of its own, not the bullet's
            # next line
            flagged = _FLAGGED.sub("", line)
            current = _Raw(True, number, [(flagged, number)], _indent(line))
            current.child = True
            raws.append(current)
        elif current is not None and current.bullet:
            if owner is not current and _points_under(line, current, unwrapped):
                owner = current
            goes_on = bool(_GOES_ON.match(line.strip()))
            if (
                owner is not None
                and not goes_on
                and (current is owner or _indent(line) <= current.indent)
            ):
                # "    1st 1906 - ..." under "- 4 Dumas:": a point under the bullet
                current = _Raw(True, number, [(line.strip(), number)], _indent(line))
                current.child = True
                raws.append(current)
                continue
            current.pieces.append((line.strip(), number))
        elif (
            current is None
            and raws
            and not raws[-1].bullet
            and raws[-1].end == number - 1
            and re.search(r"[A-Za-z]{2}", raws[-1].text)
            and _OPENS_ON_ARROW.match(line)
        ):
            # ("=> amplification: ..." below "Ca2+ released from the ER": what it gives)
            raws[-1].pieces.append((line.strip(), number))
        else:
            current = None  # lines outside bullets (a title, a header) stand alone
            raws.append(_Raw(False, number, [(line.strip(), number)], _indent(line)))
    return raws


# "promising ...", "and ...", "with ...", "-> ...": a phrase that goes on from the line above
_GOES_ON_PHRASE = lazy_regex(
    rf"^(?:[+&(]|{ARROW}|vs?\.?\s|[a-z]+ing\b|(?:and|or|but|so|then|which|who|whose|whom|with"
    r"|without|by|for|to|of|in|into|from|as|at|on|after|before|until|because)\b)"
)


def _goes_on_from_above(content: str) -> bool:
    return bool(_GOES_ON_PHRASE.match(content))


_FLAGGED = lazy_regex(r"^\s*!{1,3}\s+(?=\S)")  # "!! + means OR here": a warning of its own
# "+ Putilov works lock-out", "=> destroyed the tsar's image", "vs PETROGRAD SOVIET": a line that
# goes on from the one above it
_GOES_ON = lazy_regex(rf"^(?:[+&(]|{ARROW}|vs?\.?\s|(?:and|or|but|so|then|which|who)\b)", re.I)


def _titles_lines_below(bullet: _Raw) -> bool:
    """ "3. SECOND MESSENGERS": a numbered title in capitals, which the lines below it go on
    from as their section's, never as its own text wrapped."""
    return bullet.numbered and len(bullet.pieces) == 1 and _capitals_heading(bullet.text)


def _points_under(line: str, bullet: _Raw, unwrapped: bool) -> bool:
    """A line without a mark indented past the text of a one-line bullet, under a bullet that
    ends in ":" or in notes whose author never wraps a line by hand, is a point of its own
    under the bullet, unless it goes on from the line above."""
    if len(bullet.pieces) > 1 or _indent(line) <= bullet.column or _GOES_ON.match(line.strip()):
        return False
    if bullet.last.rstrip().endswith(":"):
        return True
    return unwrapped and not _left_mid_phrase(bullet.last)


MAX_LABEL_WORDS = 5


def _is_label(raw: _Raw) -> bool:
    """ "- Demands" over the points of its list: a short bullet without a verb, in capitals."""
    text = raw.text
    return (
        raw.bullet
        and len(raw.pieces) == 1
        and text[:1].isupper()
        and len(text.split()) <= MAX_LABEL_WORDS
        and looks_like_heading(text)
    )


def _points_of_titles(raws: list[_Raw], points: dict[int, str]) -> set[int]:
    """The bullets (by their index) at the margin right under a numbered title ("4.4 Improving
    cash flow" over "§ Arrange an overdraft", "§ Sell off unused assets"): its points, none a
    heading of its own, where none has points of its own below it."""
    listed: set[int] = set()
    titled = False
    for index, raw in enumerate(raws):
        if raw.start in points:
            titled = True
        elif not raw.bullet or raw.child or raw.indent > 0:
            titled = False
        elif titled and not (index + 1 < len(raws) and raws[index + 1].child):
            listed.add(index)
    return listed


def _parse_outline(
    lines: list[str], ruled: frozenset[int] = frozenset(), wrapped: frozenset[int] = frozenset()
) -> Document:
    points = section_points(lines)
    raws = [
        _unshouted(raw)
        for raw in _outline_raws(lines, points, wrapped)
        if not _page_furniture(raw, ruled)
    ]
    title_parts: list[str] = []
    title_end = 0
    while raws and not raws[0].bullet and not (title_parts and _BOLD_LINE.match(raws[0].text)):
        if title_parts and raws[0].start > title_end + 1:
            break  # a title wraps onto the next line; after a blank line comes a heading
        raw = raws.pop(0)
        if not title_parts and is_foreign(raw.text):
            continue
        title_parts.append(raw.text)
        title_end = raw.end
    if is_indented_outline(lines):
        return Document(" ".join(title_parts), _indented_blocks(raws, ruled))
    periods = [
        not raw.bullet and index + 1 < len(raws) and year_title(raw.text, raws[index + 1].text)
        for index, raw in enumerate(raws)
    ]
    period_level = 0
    listed = _points_of_titles(raws, points)
    candidates = [
        raw.start in ruled
        or periods[index]
        or (
            not (ruled and raw.bullet)
            and raw.start not in points
            and index not in listed
            and not (raw.bullet and raw.text[:1].islower())  # "- in the stroma": a point
            and looks_like_heading(raw.text)
            and not EXAMPLE_LINE.match(raw.text)
            and not raw.child
            and not (index + 1 < len(raws) and raws[index + 1].child)
            and not _stated_line(raws, index)
        )  # a label over its points
        for index, raw in enumerate(raws)
    ]
    blocks: list[Block] = []
    open_top = False
    shouted_level = 0  # the level of the first heading in capitals
    pending_children = 0  # items still expected under a lead such as "for 2 reasons"
    open_list = False  # a lead ending in ":" takes every item up to the next heading
    # the indent of the last line without a mark, where no bullet has come after it
    plain_indent: int | None = None
    for index, raw in enumerate(raws):
        text = raw.text
        heading = (candidates[index] and pending_children == 0) or raw.start in ruled
        if heading and open_list and raw.start not in ruled:
            # Inside a list a verbless item ("Increase trade with China") is still an item;
            # a real heading has a section of facts below it.
            heading = candidates[index + 1 : index + 3] == [False, False]
        if heading:
            short = len(text.split()) <= 2
            level = 2 if short and open_top else 1
            if _capitals_heading(text):
                # ("QUICKSORT" then "LOWER BOUND": headings in capitals are of one rank)
                level = shouted_level = shouted_level or level
            if periods[index]:
                # "1961" after "1948 - Berlin crisis": one period after another, of one rank
                level = period_level = period_level or level
            open_top = open_top or level == 1
            open_list = False
            blocks.append(raw.block(BlockKind.HEADING, level))
            continue
        # ("  exposition: ..." indented under "Sonata form = exposition, ...": a point of it)
        under_plain = not raw.bullet and plain_indent is not None and raw.indent > plain_indent
        depth = 1 if (pending_children or open_list or raw.child or under_plain) else 0
        if not raw.bullet and not under_plain:
            plain_indent = raw.indent
        elif raw.bullet:
            plain_indent = None
        blocks.append(raw.block(BlockKind.ITEM, depth))
        if pending_children:
            pending_children -= 1
            continue
        count = LIST_COUNT.search(text)
        if text.rstrip().endswith(":"):
            # (where the points under it are marked as its own, the list ends with them)
            open_list = not (index + 1 < len(raws) and raws[index + 1].child)
        elif count and not open_list:
            pending_children = counted(count[1])
    return Document(" ".join(title_parts), blocks)


def _stated_line(raws: list[_Raw], index: int) -> bool:
    """ "Rondo form: ABACA, main theme keeps coming back" right over another line without a
    mark: a thing and what it is, a line of the notes; a title heads points, or a table."""
    below = raws[index + 1] if index + 1 < len(raws) else None
    return bool(
        STATED_LINE.match(raws[index].text)
        and below is not None
        and not below.bullet
        and below.start <= raws[index].end + 2
    )


def _indented_blocks(raws: list[_Raw], ruled: frozenset[int] = frozenset()) -> list[Block]:
    """An outline that indents its sub-bullets: lines without a bullet are headings (a bold
    `**label**` one level below a plain one), and a bullet's depth is its indentation."""
    blocks: list[Block] = []
    open_plain = False
    indents: list[int] = []  # indentation of the open bullets, outermost first
    for index, raw in enumerate(raws):
        if raw.start in ruled:
            blocks.append(raw.block(BlockKind.HEADING, 1))
            indents.clear()
            continue
        if not raw.bullet:
            bold = _BOLD_LINE.match(raw.text)
            text = bold[1].strip() if bold else raw.text
            # (an indented line, or "3.2 Direct intention = ..." that titles no section, is
            # inside a section: it heads none)
            inside = raw.indent > 0 or bool(_NUMBERED_TITLE.match(text))
            below = raws[index + 1].text if index + 1 < len(raws) else ""
            titled = (
                looks_like_heading(text.rstrip(":")) or year_title(text, below)
            ) and not _stated_line(raws, index)
            if not text or inside or not titled:
                if _has_children(raws, index):
                    # "1948 - Berlin Blockade" over its indented lines: their parent
                    blocks.append(raw.block(BlockKind.ITEM, 0))
                    indents[:] = [raw.indent]
                    continue
                blocks.append(_Raw(False, raw.start, raw.pieces).block(BlockKind.TEXT))
                indents.clear()
                continue
            level = 2 if bold and open_plain else 1
            open_plain = open_plain or not bold
            pieces = [(text.rstrip(":"), raw.start)]
            blocks.append(_Raw(False, raw.start, pieces).block(BlockKind.HEADING, level))
            indents.clear()
            continue
        while indents and indents[-1] >= raw.indent:
            indents.pop()
        blocks.append(raw.block(BlockKind.ITEM, len(indents)))
        indents.append(raw.indent)
    return blocks


def _has_children(raws: list[_Raw], index: int) -> bool:
    """A line right above bullets indented further than it."""
    raw = raws[index]
    below = raws[index + 1] if index + 1 < len(raws) else None
    return bool(below and below.bullet and below.start == raw.end + 1 and below.indent > raw.indent)


# Prose ------------------------------------------------------------------------------------------


MIN_CAPITAL_LETTERS = 4
MIN_CAPITAL_HEADINGS = 2
MAX_LEAD_WORDS = 6
_DEFINED_TERM = lazy_regex(r"^[A-Z][^=]{0,40}?\s=\s+\S")


def in_capitals(text: str) -> bool:
    """ "PRODUCT LIFE CYCLE": a short line in capitals, the way plain notes mark a heading
    ("MONGABAY.COM", a site's name, is none)."""
    if "." in text or len(text.split()) > HEADING_WORDS:
        return False
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= MIN_CAPITAL_LETTERS and not any(char.islower() for char in letters)


def _capital_headed(lines: list[str]) -> bool:
    """Notes that head their sections with lines in capitals, below their title."""
    found = 0
    for line in lines[1:]:
        if not _BULLET.match(line) and in_capitals(line.strip()):
            found += 1
            if found >= MIN_CAPITAL_HEADINGS:
                return True
    return False


def starts_own_line(line: str) -> bool:
    """In notes headed in capitals, a line that is no part of the paragraph above it: a heading,
    a short lead ("Disadvantages:") or a term with its meaning ("Extension strategies = ...")."""
    text = line.strip()
    if in_capitals(text):
        return True
    if not text[:1].isupper():
        return False
    lead = text.endswith(":") and len(text.split()) <= MAX_LEAD_WORDS and "," not in text
    return lead or bool(_DEFINED_TERM.match(text))


_OPENING_LABEL = lazy_regex(r"^([A-Za-z][\w.]{0,15}):\s")


def _same_opening(line: str, above: str) -> bool:
    """ "Eg: Rolex - ..." below "Eg: Primark - ...": lines that open on the same label are
    parallel lines, not one wrapped paragraph."""
    label = _OPENING_LABEL.match(line)
    return bool(label) and above.startswith(label[0])


def _prose_raws(
    lines: list[str], capitals: bool = False, continued: frozenset[int] = frozenset()
) -> list[_Raw]:
    """Paragraphs of wrapped lines; runs of short unpunctuated lines stay separate lines, and
    so do bullets and lines that each state one fact in the same shape (a list written
    without bullets: `ayer - yesterday`, `anoche - last night`)."""
    unwrapped = any(len(line) > MAX_WRAPPED_LINE for line in lines)
    one_a_line = unwrapped or _unpunctuated(lines)
    points = section_points(lines)
    groups: list[list[tuple[str, int]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if line.strip():
            groups[-1].append((line.rstrip(), number))
        elif groups[-1]:
            groups.append([])
    raws: list[_Raw] = []
    for group in groups:
        if not group:
            continue
        items = _line_items(group, capitals, unwrapped, continued)
        paragraph: _Raw | None = None
        item: _Raw | None = None
        for index, (full, number) in enumerate(group):
            line = full.strip()
            if number in continued and raws and raws[-1].end == number - 1:
                # a sentence wrapped at the margin, whatever the indent of the line it goes
                # on onto: no item, heading or line of its own
                raws[-1].pieces.append((line, number))
                item, paragraph = (raws[-1], None) if raws[-1].bullet else (None, raws[-1])
                continue
            if index in items:
                pair = not _BULLET.match(full)
                numbered = bool(_MARKED.match(full))
                item = _Raw(True, number, [(items[index], number)], _indent(full), pair, numbered)
                raws.append(item)
                paragraph = None
                continue
            if item is not None and (_under_item(full, item) or _FLAGGED.match(full)):
                # "e.g. courage = ..." below "- DOCTRINE OF THE MEAN: ...", the lines under
                # "- Hedonic calculus = 7 factors:", a warning flagged "!!": points of the
                # item, not its wrapped text
                line = _FLAGGED.sub("", line)
                item = _Raw(True, number, [(line, number)], _indent(full))
                raws.append(item)
                paragraph = None
                continue
            if item is not None and _continues_item(full, item):
                item.pieces.append((line, number))
                continue
            item = None
            following = group[index + 1][0].strip() if index + 1 < len(group) else ""
            above = group[index - 1][0].strip() if index else ""
            below = group[index + 1][0] if index + 1 < len(group) else ""
            # ("Bigod's Rising gave H8 an excuse" over "    -> 200 executed": wrapped)
            wrapped = (
                _indent(below) > _indent(full)
                and bool(_goes_on_below(following, line))
                and not (_heads_section(line, capitals) and not _POINT_NUMBER.match(line))
            ) or bool(
                (_OPEN_RANGE.search(line) and following[:1].isdigit())
                or (_indent(below) > _indent(full) and _explains_event(following, line))
            )
            separate = not wrapped and (
                _is_separate_line(line, following, paragraph)
                or (capitals and (starts_own_line(line) or _same_opening(line, above)))
            )
            if separate:
                raws.append(_Raw(False, number, [(line, number)]))
                paragraph = None
            elif (
                paragraph is None
                or number in points
                or bool(_ASKED_AND_ANSWERED.match(line))
                or (paragraph.start in points and _indent(full) <= paragraph.indent)
                or (one_a_line and _opens_own_fact(line, paragraph.text))
                or (
                    one_a_line
                    and _dated(line)
                    and _dated(paragraph.text)
                    and not _OPEN_RANGE.search(paragraph.last)
                )
                or (
                    one_a_line
                    and not _left_mid_phrase(paragraph.text)
                    and not (
                        _indent(full) > paragraph.indent and _goes_on_below(line, paragraph.text)
                    )
                    and not _OPENS_ON_ARROW.match(line)
                )
            ):
                # (each numbered point is a note of its own, wrapped onto the lines indented
                # under its text; in notes whose author never wraps a line, or never ends one
                # with a full stop, a line after one that ends on a whole phrase is a note of
                # its own, unless it is indented below it and goes on from it: "    (Fidei
                # Defensor) in 1521", "    w/o royal consent")
                paragraph = _Raw(False, number, [(line, number)], _indent(full))
                raws.append(paragraph)
            elif _OPEN_RANGE.search(paragraph.last):
                paragraph.pieces[-1] = (_date_range(paragraph.last, line), number)
            else:
                paragraph.pieces.append((line, number))
    return raws


# "30 Jul Protestant wind ...", "3rd Sept - ...": a day and its month
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_AND_MONTH = lazy_regex(rf"^\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})\.?\s", re.I)


def _goes_on_below(line: str, above: str) -> bool:
    """A line indented under another that goes on from it: "-> 200 executed", "w/o royal
    consent", and under an event of a timeline, "= start of open war"."""
    return bool(_GOES_ON.match(line) or line[:1].islower() or _explains_event(line, above))


def _explains_event(line: str, above: str) -> bool:
    """ "= start of open war" under "22 Aug 1642 Charles raises his standard": what an event of
    a timeline amounts to, no point of its own."""
    return line.startswith("= ") and _dated(above)


def _dated(line: str) -> bool:
    """ "27 Jul Armada anchors off Calais", "1787-88 Federalist Papers": a line of a timeline,
    opening on its date."""
    return bool(TIMELINE_DATE.match(line) or OPENING_DATE.match(line) or _DAY_AND_MONTH.match(line))


_SAME_MONTH = lazy_regex(r"^(\d{1,2})\s+([A-Za-z]{3,9}\.?)\s*[-\u2013\u2014]\s*(\d{1,2})\s+\2\b")


def _date_range(opened: str, closed: str) -> str:
    """ "21 Jul-" over "25 Jul running battles": one range of dates, "21-25 Jul running
    battles"."""
    joined = opened.rstrip(" -\u2013\u2014") + "-" + closed
    return _SAME_MONTH.sub(r"\1-\3 \2", joined)


MIN_LINE_LIST = 2
MAX_PAIR_TERM_WORDS = 6  # "el billete de ida y vuelta - return ticket"
MAX_PAIR_LINE_WORDS = 20
# A term and what it is, one to a line: "ayer - yesterday", "g = 9.8 N/kg", "date: 1914".
# The separator is the line's shape, so a run of lines is one list only where they all use the
# same one.
_PAIR_LINE = lazy_regex(
    r"^(?P<term>\S.*?)(?P<sep>\s+[-\u2013\u2014]\s+|\s+=\s+|(?<=\w):\s+)(?P<meaning>\S.*)$"
)


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # asked of each line several times
def pair_shape(line: str) -> str:
    """The separator of a line that pairs a short term with what it is; "" for any other line."""
    if len(line.split()) > MAX_PAIR_LINE_WORDS:
        return ""
    match = _PAIR_LINE.match(line.strip())
    if not match or _BULLET.match(line):
        return ""
    term = match["term"]
    if len(term.split()) > MAX_PAIR_TERM_WORDS or _TERMINAL.search(term):
        return ""  # "Ayer fui al cine. - Yesterday I went ...": a sentence and its gloss
    if _SHOUTED_ASIDE.search(line):
        return ""  # "irregular participles - LEARN!!": a title, no term and its meaning
    sep = match["sep"].strip()
    return "-" if sep in ("\u2013", "\u2014") else sep


def _line_items(
    group: list[tuple[str, int]],
    capitals: bool = False,
    unwrapped: bool = False,
    continued: frozenset[int] = frozenset(),
) -> dict[int, str]:
    """The lines of a paragraph that are list items, by their index, with their text: each
    bullet, and each line of a run of lines that pair a term with what it is in the same way
    (a pair's meaning wrapped onto the next line leaves the run going on)."""
    items: dict[int, str] = _indented_items(group, capitals, unwrapped)
    shapes = [pair_shape(line) for line, _ in group]
    for index in range(len(group) - 1):
        if year_title(group[index][0], group[index + 1][0]):
            shapes[index] = ""  # "1792 - war + republic" over its days: no pair, a title
    if len(group) > 1 and shapes[1] and _list_title(group[0][0], group[1][0]):
        shapes[0] = ""  # "VOCAB - las vacaciones" over "la playa - beach": the list's title
    index = 0
    while index < len(group):
        bullet = _BULLET.match(group[index][0])
        if bullet:
            items[index] = bullet[1].strip()
            index += 1
            continue
        end = index
        while end < len(group) and (
            (shapes[end] and shapes[end] == shapes[index])
            or (end > index and group[end][1] in continued)
        ):
            end += 1
        pairs = [where for where in range(index, end) if group[where][1] not in continued]
        if len(pairs) >= MIN_LINE_LIST:
            items.update((where, group[where][0].strip()) for where in pairs)
        index = max(end, index + 1)
    return items


def _list_title(line: str, below: str) -> bool:
    """ "VOCAB - las vacaciones" over "la playa - beach": a word in capitals and what the list
    below it is about, where the lines below do not open in capitals ("NATO - North Atlantic
    Treaty Organisation" over "USSR - ..." is a term of its own)."""
    sides = _TITLE_DASH.split(line.strip(), maxsplit=1)
    if len(sides) != 2 or not in_capitals(sides[0]) or not sides[1][:1].islower():
        return False
    if re.search(r"\d", line) or len(line.split()) > MAX_LIST_TITLE_WORDS:
        return False
    return not in_capitals(_TITLE_DASH.split(below.strip(), maxsplit=1)[0])


MAX_LIST_TITLE_WORDS = 8


def _titles_list(raws: list[_Raw], index: int) -> bool:
    """A line that is the title of the list of pairs right below it ("VOCAB - das Wetter")."""
    raw, below = raws[index], raws[index + 1] if index + 1 < len(raws) else None
    if below is None or not below.pair or below.start != raw.end + 1 or len(raw.pieces) != 1:
        return False
    return _list_title(raw.text, below.text)


MAX_PARENT_WORDS = 15
_MID_PHRASE = lazy_regex(r"(?:[,(/&+]|\b(?:the|a|an|and|or|of|to|in|by|with|for))$", re.I)


def _indented_items(
    group: list[tuple[str, int]], capitals: bool, unwrapped: bool = False
) -> dict[int, str]:
    """Lines indented under a short line without bullet marks ("1918 - Kaiser abdicates" over
    "    armistice signed 11 Nov 1918"): each line under it is an item, and so is the line
    itself unless it is a title. A line that stops mid-phrase is wrapped, not a parent. In
    notes whose author never wraps a line (`unwrapped`), a long line is a parent too: the line
    indented under it is its own point ("    e.g. Dharavi, Mumbai - ..."), not its text."""
    items: dict[int, str] = {}
    for index, (line, _) in enumerate(group[:-1]):
        below = group[index + 1][0]
        if _BULLET.match(line) or _BULLET.match(below) or _indent(below) <= _indent(line):
            continue
        text = line.strip()
        if (
            (len(text.split()) > MAX_PARENT_WORDS and not unwrapped)
            or _MID_PHRASE.search(text)
            or _left_mid_phrase(text)
        ):
            continue
        heads = _heads_section(text, capitals) and not _POINT_NUMBER.match(text)
        children: dict[int, str] = {}
        for deeper in range(index + 1, len(group)):
            under = group[deeper][0]
            if _indent(under) <= _indent(line) or _BULLET.match(under):
                break
            # ("    -> adjourned in July", a point's text wrapped: the line above goes on)
            if deeper == index + 1 and (
                (not heads and _GOES_ON.match(under.strip()))
                or _explains_event(under.strip(), text)
            ):
                continue
            if not children and _wraps_point(line, under):
                continue
            children[deeper] = under.strip()
        if children and not heads:
            items[index] = text  # ("Effects" over its points stays their heading)
        items.update(children)
    return items


MAX_WRAPPED_LINE = 100  # characters: notes with a longer line are not wrapped by hand
WRAP_SLACK = 6  # characters a line may fall short of the width and still be full (a PDF's text)
MIN_WRAPPED_SHARE = 0.15  # of the lines: fewer full lines going on are lines that happen to
MIN_WRAPPED_LINES = 6  # be long, not a page wrapped at a width
_WIDTH_SHARE = 0.95  # the width lines are wrapped at: all but the longest few stay within it
_BOX_DRAWING = lazy_regex("[\u2500-\u257f]")
_LABELLED_LINE = lazy_regex(r"^[A-Z][\w'-]*(?:\s[\w'-]+){0,2}:\s")
_ENDS_SENTENCE = lazy_regex(r"[.!?;:][\"'\u201d\u2019)\]]*$")


def _in_columns(line: str) -> bool:
    """A table's row or a page's header: parts set apart by wide gaps, but for a term set apart
    from its meaning ("medulla         - brain stem; ...")."""
    gaps = SET_APART.findall(line.strip())
    return len(gaps) > 1 or (len(gaps) == 1 and gaps[0][-1] not in "-=:\u2013\u2014")


def wrapped_lines(lines: list[str]) -> frozenset[int]:
    """The lines (from 1) that go on with the sentence of the line above, in notes hard-wrapped
    at a width (a teacher's handout, text copied out of a PDF): the line above is full (the
    first word of the line below would not have fitted on it) and stops mid-sentence, or the
    line below goes on in lower case; the line below opens on no bullet, letter or number of
    a point of its own. Whatever its indent, such a line is the text above it going on. Notes
    with few such lines, or lines longer than anyone wraps at, are not wrapped: none."""
    plain = [line.expandtabs(4).rstrip() for line in lines]
    lengths = sorted(len(line) for line in plain if line.strip() and not set_apart(line))
    if not lengths:
        return frozenset()
    width = lengths[int(_WIDTH_SHARE * (len(lengths) - 1))]
    if width > MAX_WRAPPED_LINE:
        return frozenset()
    found = set()
    broken = _unpunctuated(lines)  # (notes broken every few words, no sentence ended)
    for number in range(2, len(plain) + 1):
        above, line = plain[number - 2], plain[number - 1]
        text = line.strip()
        if (
            not text
            or not re.search(r"[A-Za-z]{2}", above)
            or _in_columns(above)
            or _BOX_DRAWING.search(above + line)
        ):
            continue  # (a box drawn round a tip keeps its lines apart)
        if (
            _BULLET.match(line)
            or _POINT_NUMBER.match(text)
            or _NUMBERED_TITLE.match(text)
            or _LABELLED_LINE.match(text)
            or (pair_shape(line) and pair_shape(above))
        ):
            # ("Control variables: same ..." opens a line of its own, and "negative feedback -
            # a change ..." under "Def = keeping ..." is the next term of a list)
            continue
        if len(above) + 1 + len(text.split()[0]) <= width - WRAP_SLACK:
            continue  # the line above stops short of the width: it ends there
        if (broken and _opens_own_fact(text, above.strip())) or (
            in_capitals(above) and not in_capitals(text)
        ):
            continue  # ("CONDENSATION POLYMERS" over "monomers join + a small": a title)
        if _ENDS_SENTENCE.search(above) and not text[:1].islower() and not _unclosed(above):
            continue
        found.add(number)
    filled = sum(1 for line in plain if line.strip())
    if len(found) < max(MIN_WRAPPED_LINES, MIN_WRAPPED_SHARE * filled):
        return frozenset()
    return frozenset(found)


# "propene → poly(propene)", "HDPE = little branching,", "addition polymerisation -": a line
# that names a term of a few words and then what it is, gives or becomes
_OWN_FACT = lazy_regex(
    rf"^(?:[^\s=;:]*[^\s=,;:.!?-]\s+){{0,3}}[^\s=;:]*[^\s=,;:.!?-]"
    rf"(?:\s*=|\s*{ARROW}|\s[-\u2013\u2014])(?:\s|$)"
)
# "addition polymers are", "proteins are also polyamides": a subject in the plural and its
# verb, a clause of its own
_OWN_CLAUSE = lazy_regex(r"^(?:[\w()-]+\s+){0,2}[\w()-]*[a-z]s\s+(?:are|were)\b")
_TICK = lazy_regex(r"^\s*[\u2713\u2714\u2717\u2718]\s*")  # a tick or a cross before a point
_CROSS = lazy_regex(r"^\s*[\u2717\u2718]")
_NEGATIVE = lazy_regex(r"\b(?:not|no|never|cannot|none)\b|n'?t\b", re.I)
# (a word a clause cannot stop on: it leads to the words after it)
_LEADS_ON = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "so", "because", "as", "than", "that", "which",
        "who", "whose", "of", "to", "in", "into", "on", "at", "by", "with", "for", "from", "is",
        "are", "was", "were", "be", "been", "being", "has", "have", "had", "can", "will",
        "would", "not", "no", "their", "its", "his", "her", "this", "these", "those", "more",
        "less", "fewer", "higher", "lower", "greater", "smaller", "larger", "bigger", "stronger",
        "weaker", "faster", "slower", "better", "worse", "longer", "shorter",
    }
)  # fmt: skip


def _mid_clause(text: str) -> bool:
    """ "energy for electricity BUT", "chains pack closely → stronger", "combustion →": a line
    that stops where its clause cannot, on a word or a sign that leads on to the next line."""
    tokens = text.split()
    if not tokens:
        return False
    last = tokens[-1]
    return (
        last.casefold() in _LEADS_ON
        or last in {"-", "\u2013", "\u2014", "=", "+", "&"}
        or bool(re.fullmatch(ARROW, last))
        or last.endswith((",", "/", "("))
        or _unclosed(text)
    )


def _opens_own_fact(line: str, above: str) -> bool:
    """In notes broken every few words (a handwriting export), a line after one that ends on a
    whole phrase starts a fact of its own where it is ticked or crossed ("✓ only one product")
    or names a new term and then what it is or becomes ("propene → poly(propene)" under
    "ethene → poly(ethene)", "PVC burning → HCl gas" under "releases CO2 + toxic gases"); a
    line that goes on from the one above ("= PVC", "→ atom economy 100%", "but ...") does not."""
    if _mid_clause(above) or _GOES_ON.match(line) or line.split()[0].casefold() in _LEADS_ON:
        return False
    term = _OWN_FACT.match(line)
    # ("instead of the acid → lose HCl" goes on: a term is named without an article)
    if term and not {"a", "an", "the"} & set(term.group().casefold().split()):
        return True
    return bool(_TICK.match(line) or _OWN_CLAUSE.match(line))


def unticked(line: str) -> str:
    """A line without the tick or cross before it ("✓ they are biodegradable" is "they are
    biodegradable"); a cross on a line that says no "not" of its own means one ("✗ reversible"
    is "not reversible")."""
    if not _TICK.match(line):
        return line
    rest = _TICK.sub("", line)
    if _CROSS.match(line) and not _NEGATIVE.search(rest):
        rest = "not " + rest
    return line[: len(line) - len(line.lstrip())] + rest


MAX_SENTENCE_SHARE = 0.1  # of the lines that are no bullet: notes that end so few with a full
MIN_UNPUNCTUATED_LINES = 4  # stop write a note a line, not sentences wrapped over lines


def _unpunctuated(lines: list[str]) -> bool:
    """Notes typed as fragments, one to a line ("cAMP made from ATP by adenylyl cyclase" over
    "Ca2+ released from the ER"), where hardly a line ends a sentence: a line that stops on a
    whole phrase is a note of its own, not a sentence going on onto the next."""
    plain = [line.strip() for line in lines if line.strip() and not _BULLET.match(line)]
    if len(plain) < MIN_UNPUNCTUATED_LINES:
        return False
    ended = sum(1 for line in plain if re.search(r"[.!?][\"'\u201d\u2019)\]]*$", line))
    return ended <= MAX_SENTENCE_SHARE * len(plain)


def _wraps_point(line: str, below: str) -> bool:
    """ "6.5 Act of Six Articles -> confirmed" over "    transubstantiation, clerical ...": a
    numbered point wrapped onto the next line, which goes on in lower case under its text."""
    number = _POINT_NUMBER.match(line.lstrip())
    return (
        bool(number)
        and _indent(below) == _indent(line) + number.end()
        and below.strip()[:1].islower()
    )


def _left_mid_phrase(text: str) -> bool:
    """ "... the Treaty of", "... France," or "... (Defence of the Seven": text that stops where
    its phrase cannot."""
    last = text.split()[-1] if text.split() else ""
    return (
        last.endswith((",", "-", "\u2013", "&", "+"))
        or is_stopword(last.casefold())
        or _unclosed(text)
    )


def _unclosed(text: str) -> bool:
    """A bracket or a quotation opened and not closed."""
    return (
        text.count("(") > text.count(")")
        or text.count('"') % 2 == 1
        or text.count("\u201c") > text.count("\u201d")
    )


def _under_item(line: str, item: _Raw) -> bool:
    """A line under a bullet that is a point of its own: an example of it, or a line indented
    under a bullet that ends in ":"."""
    if not item.bullet or item.pair:
        return False
    if EXAMPLE_LINE.match(line.strip()):
        return True
    return item.text.endswith(":") and _indent(line) > item.indent


def _continues_item(line: str, item: _Raw) -> bool:
    """A bullet's text wrapped onto the next line: indented past its mark, or going on in lower
    case from a bullet left mid-sentence."""
    if not item.bullet or pair_shape(line):
        return False
    if _indent(line) > item.indent:
        return True
    # ("  - govt printed more money" over "printing money -> ...": a line left of the mark is
    # back at the margin, past the bullets)
    if _indent(line) < item.indent:
        return False
    # ("e.g. speed, distance," over "mass and temperature.": a list left mid-way goes on;
    # "... as an antiseptic from" over "1865 (published 1867), ...": so does a phrase)
    opening = line.strip()[:1]
    numbered = _POINT_NUMBER.match(line.strip()) or _NUMBERED_TITLE.match(line.strip())
    goes_on = opening.islower() or (
        opening.isdigit() and not numbered and _left_mid_phrase(item.last)
    )
    return not item.pair and goes_on and not _ENDS_POINT.search(item.last)


def _is_separate_line(line: str, following: str, paragraph: _Raw | None) -> bool:
    """A heading or menu line stands alone even when no blank line surrounds it."""
    if paragraph is not None and (
        not _TERMINAL.search(paragraph.last) or _left_mid_phrase(paragraph.text)
    ):
        return False  # the paragraph is still mid-sentence: this line continues it
    count = len(line.split())
    if _SHOUT.search(line) and looks_like_heading(_unshout(line)):
        return True  # "IRREGULARS !!!"
    if count > HEADING_WORDS or _TERMINAL.search(line):
        return False
    if _OPENS_ON_ARROW.match(following) and _QUOTATION.search(line):
        return False  # '"girls of that class" - Mrs Birling' over '-> dehumanises ...'
    # A wrapped sentence goes on in lower case; a heading is followed by a new sentence.
    return count <= 4 or not following[:1].islower()


_OPENS_ON_ARROW = lazy_regex(rf"\s*{ARROW}")
# "21 Jul-" over "25 Jul running battles ...": a range of dates broken after its dash
_OPEN_RANGE = lazy_regex(r"^\d{1,4}(?:\s+[A-Za-z]{3,9}\.?)?(?:\s+\d{3,4})?\s*[-\u2013\u2014]$")
# "What is a spit? -> a ridge of sand ...": a question and its answer, one to a line
_ASKED_AND_ANSWERED = lazy_regex(rf"^[A-Z][^?]{{2,}}\?\s*(?:{ARROW}|[-\u2013\u2014:=])\s*\w")
_QUOTATION = lazy_regex(r'"[^"]{3,}"|\u201c[^\u201d]{3,}\u201d')
_SHOUT = Guarded(lazy_regex(r"\s*!{2,}$"))
# "irregular participles - LEARN!!": an order to the reader after the title it shouts
_SHOUTED_ASIDE = lazy_regex(r"\s+[-\u2013\u2014]\s+[A-Z][A-Z\s]*!{2,}$")
# "LOWER BOUND  ** this will be on the exam **": a note to self between stars after a title
_STARRED_ASIDE = lazy_regex(r"\s+(\*{1,3})[^*]+\1$")


def _unshout(text: str) -> str:
    if "!" not in text and "*" not in text:
        return text  # (most lines: no mark to take off)
    return _SHOUT.sub("", _SHOUTED_ASIDE.sub("", _STARRED_ASIDE.sub("", text)))


def _unshouted(raw: _Raw) -> _Raw:
    """ "IRREGULARS !!!", "LOWER BOUND ** on the exam **": a one-line title the author shouts,
    or marks with a note to self, is a title without its marks."""
    if len(raw.pieces) != 1 or raw.bullet or _unshout(raw.text) == raw.text:
        return raw
    text = _unshout(raw.text)
    return _Raw(False, raw.start, [(text, raw.start)]) if looks_like_heading(text) else raw


def _is_title_like(text: str) -> bool:
    if not looks_like_heading(text):
        return False
    bare = re.sub(r"\([^()]*\)", "", text)  # "TIME PHRASES (trigger words for ...)"
    content = [token for token in words(bare) if not is_stopword(token)]
    capitalised = sum(1 for token in content if token[:1].isupper() or token[:1].isdigit())
    return len(content) <= 4 or capitalised * 10 >= len(content) * 6


def _parse_prose(
    lines: list[str],
    capitals: bool = False,
    ruled: frozenset[int] = frozenset(),
    wrapped: frozenset[int] = frozenset(),
) -> Document:
    """Paragraphs, bullets and short title lines; in notes that head their sections with lines
    in capitals, a line that defines a term or leads a list is a line of its own, and a line
    that reads as a fact ("E-commerce = selling online", "Eg: Amazon, ASOS") is no heading."""
    raws = [raw for raw in _prose_raws(lines, capitals, wrapped) if not _page_furniture(raw, ruled)]
    raws = _without_slide_numbers(_drop_repeated_short_lines(raws))
    raws = [_unshouted(raw) for raw in raws]
    points = section_points(lines)  # ("2.3 Legatine court at Blackfriars": a point)
    headings = [
        raw.start in ruled
        or (
            not raw.bullet
            and raw.start not in points
            and (
                (_heads_section(raw.text, capitals) and not _dated_among_dated(raws, index))
                or _titles_list(raws, index)
                or _titles_period(raws, index)
                or _subject_and_topic(raws, index)
                or (capitals and bool(_capital_lead_title(raws, index)))
            )
        )
        for index, raw in enumerate(raws)
    ]
    headings = _first_lines_of_sections(raws, headings, ruled)
    if capitals:
        raws = [
            _Raw(False, raw.start, [(title, raw.start)])
            if heading and (title := _capital_lead_title(raws, index))
            else raw
            for index, (raw, heading) in enumerate(zip(raws, headings, strict=True))
        ]
    periods = [_titles_period(raws, index) for index in range(len(raws))]
    # "1789" among "1793-94 TERROR" and "KEY GROUPS": the notes' parts are periods, of one rank
    shouted_period = any(
        period and _capitals_heading(raw.text) for period, raw in zip(periods, raws, strict=True)
    )
    title = ""
    first_line = next((number for number, line in enumerate(lines, start=1) if line.strip()), 0)
    if raws and (
        headings[0]
        or (len(raws[0].pieces) == 1 and raws[0].start == map_root(lines))
        or _dashed_title(raws[0], first_line)
        or _shouted_title(raws[0], first_line)
    ):
        title = raws[0].text
        raws, headings, periods = raws[1:], headings[1:], periods[1:]
    blocks: list[Block] = []
    section_open = False
    indents: list[int] = []  # indentation of the open items, outermost first
    for index, raw in enumerate(raws):
        if raw.bullet and raw.start not in ruled:
            while indents and indents[-1] >= raw.indent:
                indents.pop()
            blocks.append(raw.block(BlockKind.ITEM, len(indents)))
            indents.append(raw.indent)
            continue
        indents.clear()
        if not headings[index]:
            blocks.append(raw.block(BlockKind.TEXT))
            continue
        next_is_heading = index + 1 < len(raws) and headings[index + 1]
        generic = normalise(raw.text) in GENERIC_SECTIONS
        if capitals:
            # "HYPERINFLATION 1923" and "STRESEMANN & THE GOLDEN AGE" head sections of one
            # rank; "Causes of hyperinflation" below one is a part of it.
            shouted = in_capitals(re.sub(r"\([^()]*\)", "", raw.text)) or bool(
                _CAPITAL_LEAD.match(raw.text)
            )
            level = 1 if shouted or (periods[index] and shouted_period) else 2
        elif next_is_heading or generic or not section_open:
            level = 1
            section_open = next_is_heading
        else:
            level = 2
            # ("5 levels, bottom to top" under "Maslow's hierarchy": the lead of a list, no
            # part of the section that the next title would sit in)
            section_open = not _OPENING_COUNT.match(raw.text)
        blocks.append(raw.block(BlockKind.HEADING, level))
    return Document(title, blocks)


# "5 levels, bottom to top", "3 types of ...": a count of what the list below it holds
_OPENING_COUNT = lazy_regex(r"^(?:\d{1,2}|two|three|four|five|six|seven|eight)\s+[a-z]+s\b", re.I)


# "CASE STUDY 1 Typhoon Haiyan", "CLIMATE CHANGE link": two or more words in capitals, then
# words in any case
_CAPITAL_LEAD = lazy_regex(
    r"^(?P<lead>[A-Z][A-Z&'-]+(?:\s+(?:[A-Z][A-Z&'-]+|\d{1,2}))+)\s+(?=.*[a-z])\S"
)


_LONG_ASIDE = lazy_regex(r"\s*\((?:[^()\s]+\s+){4,}[^()]*\)")


def _capital_lead_title(raws: list[_Raw], index: int) -> str:
    """ "CASE STUDY 1 Typhoon Haiyan, Philippines (LIC/NEE)" at the head of a paragraph, in notes
    headed in capitals: a line of its own that opens on words in capitals and names what the
    lines right below it are about is their heading, without what a dash adds after it
    ("CASE STUDY 2 Hurricane Katrina, USA (HIC) - compare w Haiyan"). "" for any other line."""
    raw = raws[index]
    if raw.bullet or len(raw.pieces) != 1 or not _CAPITAL_LEAD.match(raw.text):
        return ""
    if not index or raws[index - 1].end + 1 == raw.start or _heads_section(raw.text, True):
        # (the notes' first line is their title; "PREDICTION - satellites track ..." is a line
        # of its paragraph; "HOW THEY FORM (learn the sequence!!)" is a heading as it stands)
        return ""
    below = raws[index + 1] if index + 1 < len(raws) else None
    if below is None or below.start != raw.end + 1:
        return ""
    title = _TITLE_DASH.split(raw.text, maxsplit=1)[0].strip()
    if not looks_like_heading(_PARENTHESES.sub("", title)):
        return ""
    # ("(LIC/NEE, AQA calls it a developing country I think)": an aside, no part of the title)
    return " ".join(_LONG_ASIDE.sub("", title).split())


def _subject_and_topic(raws: list[_Raw], index: int) -> bool:
    """ "F.W. Taylor - Scientific Management", "Taylor - evaluation": a short line of its own
    naming a subject and its topic, over lines that are not of its shape, heads them (a slide's
    title). Among lines of one shape ("Bonus - lump sum for ...", "Commission - % of ...")
    it is a term with its meaning."""
    raw = raws[index]
    if raw.bullet or len(raw.pieces) != 1 or not raw.text[:1].isupper():
        return False
    if len(_TITLE_DASH.split(raw.text)) != 2 or not _title_text(raw.text, subsection=True):
        return False
    below = raws[index + 1] if index + 1 < len(raws) else None
    if below is None or below.start != raw.end + 1:
        return False  # (a title has the lines it heads right below it)
    return not any(_dashed_term(raws[at]) for at in (index - 1, index + 1) if 0 <= at < len(raws))


def _dashed_term(raw: _Raw) -> bool:
    """A line opening on a short term and a dash: one of a list of terms and their meanings."""
    sides = _TITLE_DASH.split(raw.text, maxsplit=1)
    return len(sides) == 2 and len(sides[0].split()) <= MAX_PAIR_TERM_WORDS


def _first_lines_of_sections(
    raws: list[_Raw], headings: list[bool], ruled: frozenset[int]
) -> list[bool]:
    """ "Hawthorne studies at the Western Electric Company factory in Chicago (1920s-1930s)"
    right below "Elton Mayo - Human Relations": a line longer than a title, under a title and
    over lines that are no titles, is the first thing the section says, not a heading."""
    kept = list(headings)
    for index in range(1, len(raws) - 1):
        raw = raws[index]
        if not headings[index] or raw.start in ruled or not headings[index - 1]:
            continue
        if headings[index + 1] or raws[index - 1].end + 1 != raw.start:
            continue
        if len(_PARENTHESES.sub("", raw.text).split()) > MAX_TITLE_WORDS:
            kept[index] = False
    return kept


# "Slide 4", "Slide 4:", "Page 12": where a part of a deck or a printout begins
_SLIDE_NUMBER = lazy_regex(r"^(?:slide|page)\s*\d{1,3}\s*[:.]?$", re.I)


def _without_slide_numbers(raws: list[_Raw]) -> list[_Raw]:
    """ "Slide 4" over "Mitochondria" and its lines: the number only says where a slide begins;
    the line right below it is the slide's title, which heads what follows as the titles of
    the other slides do (a number over a line of a paragraph stays)."""
    kept = []
    for index, raw in enumerate(raws):
        below = raws[index + 1] if index + 1 < len(raws) else None
        numbered = not raw.bullet and len(raw.pieces) == 1 and _SLIDE_NUMBER.match(raw.text)
        titled = (
            below is not None
            and below.start == raw.end + 1
            and len(below.pieces) == 1
            and not below.bullet
            and looks_like_heading(below.text)
        )
        if not (numbered and titled):
            kept.append(raw)
    return kept


def _page_furniture(raw: _Raw, ruled: frozenset[int]) -> bool:
    """A line of the page around the notes (a menu, a share button), but never a title the
    notes set between rules: "GENDER / MASCULINITY / LADY MACBETH" framed by "=====" lines
    heads a section, where "Home / Blog / Contact" is a site's menu."""
    return raw.start not in ruled and is_boilerplate(raw.text)


def _titles_period(raws: list[_Raw], index: int) -> bool:
    """A line of its own that names a year or a span of years over the days of it below."""
    raw, below = raws[index], raws[index + 1] if index + 1 < len(raws) else None
    if below is None or raw.bullet or len(raw.pieces) != 1:
        return False
    return year_title(raw.text, below.text)


def _dated_among_dated(raws: list[_Raw], index: int) -> bool:
    """ "2 July 1776 Congress votes for independence" between "17 Mar 1776 ..." and "4 July
    1776 ...": a line of a timeline, opening on its date as the lines beside it do, is an entry
    of it, not a heading over the next."""
    if not OPENING_DATE.match(raws[index].text):
        return False
    beside = [raws[at] for at in (index - 1, index + 1) if 0 <= at < len(raws)]
    return any(OPENING_DATE.match(raw.text) for raw in beside)


def _dashed_title(raw: _Raw, first_line: int) -> bool:
    """ "SPANISH - el pretérito indefinido (yr 11, unit 4)": the notes' first line, a subject
    and its topic joined by a dash, is their title."""
    if raw.bullet or len(raw.pieces) != 1 or raw.start != first_line:
        return False
    joined = _TITLE_DASH.sub(" ", raw.text)
    return joined != raw.text and looks_like_heading(joined)


def _shouted_title(raw: _Raw, first_line: int) -> bool:
    """ "HISTORY - PAPER 2: THE REFORMATION (1527-1547)": the notes' first line, in capitals, is
    their title, even where it reads as a term and its meaning."""
    return (
        (not raw.bullet or raw.pair)
        and len(raw.pieces) == 1
        and raw.start == first_line
        and _capitals_heading(raw.text)
    )


_TITLE_DASH = lazy_regex(r"\s[-\u2013\u2014]\s")


@lru_cache(maxsize=TEXT_CACHE_SIZE)  # asked of each line several times
def _heads_section(text: str, capitals: bool) -> bool:
    if text.startswith("(") and text.endswith(")"):
        return False  # "(Sra Lopez says learn these by Friday!!)": an aside, no heading
    if EXAMPLE_LINE.match(text):
        return False  # "e.g. a local plumber": an example of the line above
    if not capitals:
        # ("PED = % change in Qd / % change in P": a formula, however short, is no title)
        return _is_title_like(text) and not re.search(r"\s=\s", text)
    if _capitals_heading(text):
        return True  # "WHAT IS THE MARKETING MIX": a heading, verb or not
    return _is_title_like(text) and not re.search(r":\s|\s=\s", text)


_PARENTHESES = lazy_regex(r"\s*\([^()]*\)")


def _capitals_heading(text: str) -> bool:
    """A line in capitals, its asides in any case ('BIRMINGHAM (1963) -> "PROJECT C" (C =
    confrontation)')."""
    return in_capitals(text) or in_capitals(_PARENTHESES.sub("", text))


def _drop_repeated_short_lines(raws: list[_Raw]) -> list[_Raw]:
    """Saved pages repeat their title and buttons; keep the first of each short line (but
    every "Disadvantages:" leads a list of its own, and a point such as "- not stable" says
    it again of the thing each section is on)."""
    seen: set[str] = set()
    kept = []
    for raw in raws:
        key = normalise(raw.text)
        if (
            len(key.split()) <= HEADING_WORDS
            and not raw.text.rstrip().endswith(":")
            and not raw.bullet
        ):
            if key in seen:
                continue
            seen.add(key)
        kept.append(raw)
    return kept
