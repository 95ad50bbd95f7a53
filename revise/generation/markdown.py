"""Markdown notes: headings, nested lists, bold terms, tables, quotes; code is left out.

markdown-it-py (CommonMark, plus tables) parses the file; its block tokens carry line ranges, and
soft line breaks inside a paragraph tell which line each sentence is on.
"""

from __future__ import annotations

import re
from dataclasses import replace

from revise.formats.outliner import field_lines, property_lines
from revise.generation.document import (
    TOGGLE_LEVEL,
    Block,
    BlockKind,
    Document,
    TextBuilder,
    scope_end,
    toggle_level,
)
from revise.generation.maths import display_equations, plain_maths
from revise.generation.patterns import lazy_regex
from revise.generation.plaintables import card_block, find_tables, own_cards
from revise.generation.plaintext import (
    LIST_MARKED,
    MAX_WRAPPED_LINE,
    examples_below,
    pair_shape,
    path_outline,
    with_paths,
)
from revise.generation.questions import is_plural

_FRONT_MATTER = lazy_regex(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
LINKED_SHARE = 0.6  # a block whose text is mostly links is navigation, not notes
MAX_FORMULA_NAME_WORDS = 6  # "Area of a triangle:" over a display formula names it
_FRONT_TITLE = lazy_regex(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.M)
_FRONT_MATTER_TAGS = lazy_regex(r"\A---[ \t]*\n(?:(?!---).*\n)*?tags\s*:", re.I)


def parse_markdown(text: str) -> Document:
    from markdown_it import MarkdownIt

    tagged = bool(_FRONT_MATTER_TAGS.match(text))
    text, meta_title = _strip_front_matter(text)
    text, page_title, outliner = _without_outliner_marks(text)
    tagged = tagged or outliner  # an outliner's `#tags` file a block, as a note app's do
    meta_title = meta_title or page_title
    # A note-taking app shows each line of a paragraph as a line of its own, and notes whose
    # author never wraps a line by hand are read so
    app = tagged or bool(page_title or _NOTE_LINK.search(text) or _CALLOUT_ANYWHERE.search(text))
    by_line = app and any(
        len(line) > MAX_WRAPPED_LINE and not line.lstrip().startswith("|")
        for line in text.split("\n")
    )
    text = _without_note_app_marks(_without_callout_marks(text), app)
    text, toggles, closes = _without_wrappers(text)
    text = mind_map_as_outline(text)
    text, paths = _paths_apart(text)
    text, cards = _own_cards_apart(text)
    paths = sorted([*paths, *cards], key=lambda block: block.start)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks = _Walker(tokens, text.split("\n"), toggles, closes, by_line).blocks()
    title = meta_title
    if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1:
        title = title or blocks[0].text
        blocks = blocks[1:]
    return Document(title, examples_below(with_paths(blocks, paths)))


_INLINE_MARKS = lazy_regex(r"\*\*|__|`")


def _paths_apart(text: str) -> tuple[str, list[Block]]:
    """A mind map typed up a path a line (`OCD -> what it is -> ...`) as its outline's blocks,
    and the text without those lines (blank, so that every other line keeps its number)."""
    lines = text.split("\n")
    paths = path_outline([_INLINE_MARKS.sub("", line) for line in _outside_code(lines)])
    if not paths:
        return text, []
    pathed = {block.start for block in paths if block.text}
    kept = ["" if number in pathed else line for number, line in enumerate(lines, start=1)]
    return "\n".join(kept), paths


def _outside_code(lines: list[str]) -> list[str]:
    """The lines, with a code block's (its fences too) and headings' left blank: the lines a
    student's own typed shapes can be on."""
    plain: list[str] = []
    fenced = False
    for line in lines:
        fence = bool(_FENCE.match(line))
        fenced ^= fence
        plain.append("" if fenced or fence or _ATX.match(line) else line)
    return plain


def _own_cards_apart(text: str) -> tuple[str, list[Block]]:
    """The cards the student typed one a line ("puella | girl (1st decl, f)") as blocks, and the
    text without those lines (blank, so that every other line keeps its number). A "::" card is
    the flashcard syntax of a deck file or an Obsidian vault, read as one of those, not here."""
    lines = text.split("\n")
    cards = own_cards(_outside_code(lines), colons=False)
    if not cards:
        return text, []
    kept = ["" if index in cards else line for index, line in enumerate(lines)]
    return "\n".join(kept), [card_block(index, sides) for index, sides in cards.items()]


def _strip_front_matter(text: str) -> tuple[str, str]:
    """YAML front matter is metadata, not notes; its lines are blanked to keep line numbers."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, ""
    title = _FRONT_TITLE.search(match[1])
    blank = "\n" * match[0].count("\n")
    return blank + text[match.end() :], title[1] if title else ""


# An outliner's page title ("title:: Plate tectonics"), a reference to another block by its id
# ("((64a1f2c3-...))") and a highlight ("^^Richter scale^^")
_PAGE_TITLE = lazy_regex(r"^title::[ \t]*(.*?)\s*$")
# (Logseq's ids are UUIDs, Roam's nine letters and digits: "((Xp09aaQwe))")
_BLOCK_REFERENCE = lazy_regex(r"[ \t]?\(\((?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{6,36}\)\)")
_OUTLINER_HIGHLIGHT = lazy_regex(r"\^\^(?=\S)([^\n]+?)(?<=\S)\^\^")


def _without_outliner_marks(text: str) -> tuple[str, str, bool]:
    """An outliner's page (Logseq, Roam, Tana) without its property lines, block references and
    highlight marks (a highlight read as bold), a block's field (`Date:: 1066`) read as a label
    (`Date: 1066`), each line staying where it was; the title its properties give, if any; and
    whether it is such a page."""
    text = _BLOCK_REFERENCE.sub("", text)  # (a page exported without its properties has them too)
    lines = text.split("\n")
    fields = field_lines(lines)
    if not fields:
        return text, "", False
    properties = property_lines(lines)
    titled = (_PAGE_TITLE.match(lines[index]) for index in sorted(properties))
    title = next((found[1] for found in titled if found), "")
    kept = (
        "" if index in properties else line.replace("::", ":", 1) if index in fields else line
        for index, line in enumerate(lines)
    )
    return _OUTLINER_HIGHLIGHT.sub(_as_bold, "\n".join(kept)), title, True


# Marks of note-taking apps (Obsidian, Logseq, Typora) that CommonMark leaves as text: a
# highlight "==...==" and a link to another note "[[Note]]" or "[[Note|shown as]]".
_HIGHLIGHT = lazy_regex(r"==(?=\S)([^\n]+?)(?<=\S)==")
_NOTE_LINK = lazy_regex(r"\[\[(?:[^\]|\n]*\|)?([^\]|\n]+)\]\]")


# "Back to [[Physics MOC]] · related: [[Capacitors]]": what is left of a line of links to other
# notes once the links are gone
_NAVIGATION = lazy_regex(
    r"[\W_]*(?:(?:back\s+to|up|see(?:\s+also)?|related(?:\s+notes)?|next|prev(?:ious)?|parent"
    r"|index|home|links?|moc)\b[\W_]*)*",
    re.I,
)


# "#biology/paper1", "#keypoint": a note app's tag, which files the note and says nothing in it
_NOTE_TAG = lazy_regex(r"(?:^|(?<=\s))#[A-Za-z][\w/-]*(?=\s|$)")


def _without_note_app_marks(text: str, tagged: bool = False) -> str:
    """The text a reader sees of a highlight or a link to another note (without its tags, in
    `tagged` notes); a line of nothing but links to other notes is left blank, each line
    staying where it was."""
    if tagged:
        text = "\n".join(
            line if _HEADING_LINE.match(line) else _NOTE_TAG.sub("", line).rstrip()
            for line in text.split("\n")
        )
    lines = [
        "" if _NOTE_LINK.search(line) and _NAVIGATION.fullmatch(_NOTE_LINK.sub("", line)) else line
        for line in text.split("\n")
    ]
    return _NOTE_LINK.sub(r"\1", _HIGHLIGHT.sub(_as_bold, "\n".join(lines)))


def _as_bold(highlight: re.Match[str]) -> str:
    """A highlight marks what the student means to learn, as bold does: it is read as bold
    (the same length, so every column stays put), unless it holds bold or maths of its own."""
    inner = highlight[1]
    return inner if re.search(r"[*_$`]", inner) else f"**{inner}**"


# An Obsidian callout: "> [!note] Scope", "> [!tip]- Worked example" (folded) over its quoted
# lines. Its type is a mark, not text; its title labels the lines under it. A to-do or a question
# to look into is an aside of the writer, not subject matter, and so is an example that works a
# case through ("= 0.50 A"); an example that describes a thing ("> [!example] Optical fibres"
# over what they are made of) holds facts. A tip or a warning may hold facts too: its lines are
# read like any others, advice among them left out.
_CALLOUT = lazy_regex(r"^(\s*(?:>\s*)+)\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*?)\s*$")
_CALLOUT_ANYWHERE = lazy_regex(r"^\s*(?:>\s*)+\[![A-Za-z][\w-]*\]", re.M)
_HEADING_LINE = lazy_regex(r"^\s{0,3}#{1,6}\s")
_ASIDE_CALLOUTS = frozenset({"todo", "question", "help", "faq"})
_EXAMPLE_CALLOUTS = frozenset({"example"})
# "Km = 2 mM", "= \frac{1.5}{3.0}", "P(Z > 1.667)": a number worked out or put into a formula
_WORKED = lazy_regex(r"=\s*[$\\{(]*\s*[-\u2212]?\d|\(\s*\w\s*[<>]\s*\d")


def _without_callout_marks(text: str) -> str:
    """Each callout's type mark gone: its title a bold label over its lines (or its one line),
    and an aside's lines blank; each line stays where it was."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opener = _CALLOUT.match(lines[index])
        if not opener:
            index += 1
            continue
        prefix, kind, title = opener[1], opener[2].casefold(), opener[3]
        depth = prefix.count(">")
        end = index + 1
        while end < len(lines) and lines[end].lstrip().startswith(">" * depth):
            end += 1
        if kind in _ASIDE_CALLOUTS or (
            kind in _EXAMPLE_CALLOUTS
            and (title.endswith("?") or any(_WORKED.search(line) for line in lines[index:end]))
        ):
            lines[index:end] = [""] * (end - index)
        elif end == index + 1:  # "> [!important] Mitochondria = ...": a callout of one line
            lines[index] = f"{prefix}{title}"
        else:
            lines[index] = f"{prefix}**{title}**" if title else prefix.rstrip()
        index = end
    return "\n".join(lines)


# A note app's HTML around Markdown (Notion): a toggle "<details><summary>Title</summary>" over
# its lines up to "</details>", and a callout "<aside>" ... "</aside>". Each tag on a line of its
# own; the lines between are Markdown.
_WRAPPER_TAG = lazy_regex(r"^\s*</?(?:details|aside)\b[^>]*>\s*$", re.I)
_SUMMARY = lazy_regex(r"^(\s*)(?:<details\b[^>]*>\s*)?<summary\b[^>]*>(.*?)</summary>\s*$", re.I)
_TAG = lazy_regex(r"<[^>]*>")


# A documentation site's box (MkDocs Material, Python-Markdown): "!!! note "Title"" over lines
# indented under it, "??? question "Why ...?"" folded over its answer, "=== "Tab"" over a tab's
# lines; Docusaurus writes ":::note Title" ... ":::" without the indent. Each reads as a toggle:
# its title a heading over its lines, its kind a mark; one with no title heads nothing.
_ADMONITION = lazy_regex(
    r"^(?P<indent>[ \t]*)(?:(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*"
    r"|===\+?)(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$"
)
_FENCED_BOX = lazy_regex(r"^[ \t]*:::[ \t]*(?P<kind>[\w-]+)(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_FENCED_BOX_END = lazy_regex(r"^[ \t]*:::[ \t]*$")
BOX_INDENT = 4  # the indent of a box's lines under its opener
_ASIDE_BOXES = frozenset({"todo"})
# "[^1]" where a footnote is cited, and a footnote's or an abbreviation's definition line
_FOOTNOTE_MARK = lazy_regex(r"(?<=\S)\[\^[^\]\s]+\]")
_DEFINITION_LINE = lazy_regex(r"^ {0,3}(?:\[\^[^\]]+\]|\*\[[^\]]+\]):")


def _without_boxes(lines: list[str]) -> tuple[set[int], list[int]]:
    """Each box's opener made a toggle's title (a heading) or blank, the lines under it taken
    out of their indent, in place; the lines (from 1) of the titles and of the boxes' last
    lines. Footnote marks and the lines defining footnotes and abbreviations are left out."""
    toggles: set[int] = set()
    closes: list[int] = []
    fence_opened: list[int] = []  # the title line of each ":::" box still open, or 0
    for index, line in enumerate(lines):
        if _DEFINITION_LINE.match(line):
            lines[index] = ""
            continue
        lines[index] = line = _FOOTNOTE_MARK.sub("", line)
        box = _ADMONITION.match(line)
        fenced = _FENCED_BOX.match(line) if not box else None
        if fence_opened and _FENCED_BOX_END.match(line):
            opened = fence_opened.pop()
            lines[index] = ""
            if opened:
                closes.append(index + 1)
            continue
        if not box and not fenced:
            continue
        found = box or fenced
        aside = (found["kind"] or "").casefold() in _ASIDE_BOXES
        title = "" if aside else (found["title"] or "").strip()
        indent = box["indent"] if box else ""
        lines[index] = _toggle_title(indent, title)
        if title:
            toggles.add(index + 1)
        if fenced:
            fence_opened.append(index + 1 if title else 0)
            continue
        column = len(indent.expandtabs())
        end = _box_end(lines, index, column)
        for inside in range(index + 1, end):
            lines[inside] = "" if aside else _dedented(lines[inside], column)
        if title:
            closes.append(end)
    return toggles, closes


def _toggle_title(indent: str, title: str) -> str:
    """A toggle's or a box's title as a heading the walker puts in its place; none, blank."""
    return f"{indent}{'#' * TOGGLE_LEVEL} {title}" if title else ""


def _box_end(lines: list[str], opener: int, indent: int) -> int:
    """The index after a box's last line: its lines are indented under the opener."""
    end = last = opener + 1
    while end < len(lines):
        line = lines[end]
        if line.strip():
            if len(line.expandtabs()) - len(line.expandtabs().lstrip()) < indent + BOX_INDENT:
                break
            last = end + 1
        end += 1
    return last


def _dedented(line: str, indent: int) -> str:
    expanded = line.expandtabs(BOX_INDENT)
    cut = min(indent + BOX_INDENT, len(expanded) - len(expanded.lstrip()))
    return expanded[:indent] + expanded[cut:] if cut >= indent else expanded


def _without_wrappers(text: str) -> tuple[str, frozenset[int], tuple[int, ...]]:
    """The text with each toggle's title a heading over its lines and the tags around a toggle
    or a callout blank, each line staying where it was; with the lines (from 1) of the toggles'
    titles and of the tags that close toggles."""
    lines = text.split("\n")
    toggles, closes = _without_boxes(lines)
    for index, line in enumerate(lines):
        summary = _SUMMARY.match(line)
        if summary:
            lines[index] = _toggle_title(summary[1], " ".join(_TAG.sub(" ", summary[2]).split()))
            toggles.add(index + 1)
        elif _WRAPPER_TAG.match(line):
            if re.match(r"\s*</details", line, re.I):
                closes.append(index + 1)
            lines[index] = ""
    return "\n".join(lines), frozenset(toggles), tuple(sorted(closes))


# A mind map exported from a mind-mapping app (MindNode, XMind) makes every node a heading, a
# heading per level, and most of its leaves are nodes with no text of their own. A file whose
# leaf headings are mostly bare so is an outline: its title and main branches stay headings, and
# the nodes below them are the nested points they are in the map.
_ATX = lazy_regex(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = lazy_regex(r"^ {0,3}(?:`{3,}|~{3,})")
MIND_MAP_BARE_LEAVES = 4  # at least this many bare leaf headings,
MIND_MAP_BARE_SHARE = 0.5  # and at least this share of the leaves


def mind_map_as_outline(text: str) -> str:
    """The text with a mind map's nodes below its main branches written as nested points, each
    line staying where it was (a node's own text indented under its point); other notes as
    they were."""
    lines = text.split("\n")
    headings: list[tuple[int, int]] = []  # (line index, level)
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := _ATX.match(line)):
            headings.append((index, len(match[1])))
    bodied: set[int] = set()
    leaves: list[int] = []
    for place, (index, level) in enumerate(headings):
        end, next_level = headings[place + 1] if place + 1 < len(headings) else (len(lines), 0)
        if any(line.strip() for line in lines[index + 1 : end]):
            bodied.add(index)
        if next_level <= level:
            leaves.append(index)
    bare = [index for index in leaves if index not in bodied]
    if len(bare) < MIND_MAP_BARE_LEAVES or len(bare) < MIND_MAP_BARE_SHARE * len(leaves):
        return text
    levels = sorted({level for _, level in headings})
    kept = levels[:2] if sum(level == levels[0] for _, level in headings) == 1 else levels[:1]
    stack: list[int] = []  # levels of the points that enclose the next one
    for place, (index, level) in enumerate(headings):
        end = headings[place + 1][0] if place + 1 < len(headings) else len(lines)
        if level <= kept[-1]:
            stack = []
            continue
        while stack and stack[-1] >= level:
            stack.pop()
        indent = 2 * len(stack)
        stack.append(level)
        lines[index] = " " * indent + "- " + _ATX.match(lines[index])[2]  # type: ignore[index]
        for below in range(index + 1, end):
            if lines[below].strip():
                lines[below] = " " * (indent + 2) + lines[below].lstrip()
    return "\n".join(lines)


# ": energy needed to raise the temperature ..." under "Specific heat capacity (c)": a definition
# list (Markdown Extra, Pandoc, Typora), its term on a line of its own, what it means below it
_DEFINITION_OPENER = lazy_regex(r"^ {0,3}:[ \t]+\S")
MAX_LISTED_TERM_WORDS = 8  # "Specific heat capacity (c)": a term, perhaps with its symbol


def _listed_term(text: str, lines: list[str], first: int) -> str:
    """The term of a paragraph that is one entry of a definition list ("Internal energy" over
    ": the sum of ..."), read as "Internal energy : the sum of ..."; "" for any other."""
    below = lines[first] if first < len(lines) else ""
    term, colon, _ = text.partition(" : ")
    if not colon or not _DEFINITION_OPENER.match(below) or term.strip() != lines[first - 1].strip():
        return ""
    return term if len(term.split()) <= MAX_LISTED_TERM_WORDS else ""


def _formula_name(line: str) -> str:
    """ "The power rule:", "Area of a triangle:": a short line that leads into a formula, as the
    name of what the formula gives; "" for any other line."""
    text = line.strip()
    if not text.endswith(":") or len(text.split()) > MAX_FORMULA_NAME_WORDS:
        return ""
    name = re.sub(r"^(?:the|a|an)\s+", "", text[:-1].strip(), flags=re.I)
    # ("Interesting relationships:" heads several formulas, and names none of them)
    return "" if not name or is_plural(name.split()[-1]) else name


def _closed_form(equation: str, side: str) -> bool:
    """A right-hand side that neither sums, runs on ("⋯") nor uses the symbol it defines."""
    right = equation.split("=", 1)[1]
    symbol = side[:1]
    return bool(symbol) and symbol not in right and not re.search(r"[∑⋯…]|\.\.\.", right)


_STEP = lazy_regex(r"\S\s*[+\-\u2212]\s*\S")  # "sₙ - rsₙ": a left-hand side worked on


class _Walker:
    def __init__(
        self,
        tokens: list,  # type: ignore[type-arg]
        lines: list[str],
        toggles: frozenset[int] = frozenset(),
        closes: tuple[int, ...] = (),
        by_line: bool = False,
    ) -> None:
        self.tokens = tokens
        self.by_line = by_line  # each line of a paragraph is a line of its own
        self.lines = lines
        self.toggles = toggles  # lines of toggles' titles, read as headings below the last one
        self.closes = list(closes)  # lines where a toggle ends
        self.heading_level = 1  # the level of the last heading of the notes' own
        self.open_toggles: list[int] = []  # the heading level of each toggle still open
        self.result: list[Block] = []
        self.list_depth = 0
        self.item_paragraphs: list[int] = []  # paragraphs seen in each open list item
        self.header: tuple[str, ...] = ()
        self.in_head = False
        self.cells: list[str] = []
        self.numbered: list[bool] = []  # for each open list, whether it is numbered
        self.row_start = 0

    def blocks(self) -> list[Block]:
        index = 0
        tokens = self.tokens
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if token.map and self.closes:
                self._close_toggles(token.map[0] + 1)
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
                self.numbered.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_depth -= 1
                self.numbered.pop()
            elif kind == "list_item_open":
                self.item_paragraphs.append(0)
            elif kind == "list_item_close":
                self.item_paragraphs.pop()
            elif kind == "heading_open":
                level = self._heading_level(token)
                self._add(tokens[index + 1], BlockKind.HEADING, level)
                index += 1
            elif kind == "paragraph_open":
                self._paragraph(tokens[index + 1])
                index += 1
            elif kind == "thead_open":
                self.in_head = True
            elif kind == "thead_close":
                self.in_head = False
            elif kind == "tr_open":
                self.cells = []
                self.row_start = token.map[0] + 1 if token.map else 0
            elif kind in ("th_open", "td_open"):
                text, _, _, _ = _render_inline(tokens[index + 1], self.row_start, cell=True)
                self.cells.append(text)
                index += 1
            elif kind == "tr_close":
                self._row()
            index += 1
        return self.result

    def _heading_level(self, token) -> int:  # type: ignore[no-untyped-def]
        """A heading's level; a toggle's title is one below the heading or toggle it is in."""
        level = int(token.tag[1:])
        if token.map and token.map[0] + 1 in self.toggles:
            level = toggle_level((self.open_toggles or [self.heading_level])[-1])
            self.open_toggles.append(level)
            return level
        self.heading_level = level
        self.open_toggles = [open_ for open_ in self.open_toggles if open_ < level]
        return level

    def _close_toggles(self, line: int) -> None:
        """Toggles that ended before `line`: each an empty heading at its title's level, so
        what follows it is under the heading above the toggle again."""
        while self.closes and self.closes[0] < line:
            closed = self.closes.pop(0)
            if self.open_toggles:
                level = self.open_toggles.pop()
                self.result.append(scope_end(closed, level))

    def _paragraph(self, inline) -> None:  # type: ignore[no-untyped-def]
        if self.item_paragraphs and self.item_paragraphs[-1] == 0:
            self.item_paragraphs[-1] += 1
            self._add(inline, BlockKind.ITEM, self.list_depth - 1)
        else:
            self._add(inline, BlockKind.TEXT, 0)

    def _add(self, inline, kind: BlockKind, level: int) -> None:  # type: ignore[no-untyped-def]
        first = inline.map[0] + 1 if inline.map else 1
        if kind is BlockKind.TEXT and _DISPLAY_START.match(inline.content):
            named = self._lead_in(first)
            chunks = _displays(inline.content)
            for offset, chunk in chunks:
                # ("$$\\sin^2\\theta ...$$" over "$$\\tan\\theta ...$$": one formula a line)
                self._formulas(chunk, first + offset, named if len(chunks) == 1 else "")
            return
        if kind is BlockKind.TEXT and _headerless_rows(inline.content):
            self._pipe_rows(inline.content, first)
            return
        if kind is BlockKind.TEXT and self._tabbed_table(inline.content, first):
            return
        if kind is BlockKind.TEXT and self._display_under_label(inline.children or [], first):
            return
        if kind is BlockKind.TEXT:
            for children, line in _separate_lines(inline.children or [], first, self.by_line):
                self._add_children(children, kind, level, line)
            return
        children = inline.children or []
        if kind is BlockKind.ITEM:
            children, after = self._lazy_lines(children, first)
            if not self._display_in_item(children, level, first):
                self._add_children(children, kind, level, first)
            if after:
                self._add(after, BlockKind.TEXT, 0)
            return
        self._add_children(children, kind, level, first)

    def _lazy_lines(self, children: list, first: int):  # type: ignore[no-untyped-def,type-arg]
        """A bullet's own lines, and the lines after it that are not indented under it, as an
        inline token of their own: "- gabions - wire cages" over "**Soft engineering**: works
        with ..." or "benefit: tourism increased" at the left margin is a bullet and a line
        below it, not one run-on bullet (CommonMark's lazy continuation). A line that opens on
        no term of its own, or follows one left mid-phrase ("... signed in"), goes on, and so
        does a bullet as long as a hard-wrapped line: the author wraps at the margin."""
        from types import SimpleNamespace

        opening = self.lines[first - 1] if 0 < first <= len(self.lines) else ""
        if len(opening.strip()) >= WRAPPED_WIDTH:
            return children, None
        margin = len(opening) - len(opening.lstrip()) + 2  # where the bullet's text starts
        number = first
        text = ""
        for index, child in enumerate(children):
            if child.type not in ("softbreak", "hardbreak"):
                text += child.content if child.type == "text" else ""
                continue
            number += 1
            source = self.lines[number - 1] if number <= len(self.lines) else ""
            indent = len(source) - len(source.lstrip())
            # ("resources is denied ..." under "- if a process holding certain": wrapped)
            own = _opens_on_bold(children[index + 1 :]) or pair_shape(source.strip())
            if indent < margin and own and not _CONTINUED.search(text.rstrip()):
                rest = SimpleNamespace(children=children[index + 1 :], map=[number - 1, 0])
                rest.content = source
                return children[:index], rest
            text = ""
        return children, None

    def _display_under_label(self, children: list, first: int) -> bool:  # type: ignore[type-arg]
        """ "**Cosine rule**" over "$$a^2 = b^2 + c^2 - 2bc\\cos A$$" over what follows, with no
        blank line between: the label names the formula and heads the lines after it, as a
        bullet would. False where the paragraph is anything else."""
        head: list = []  # type: ignore[type-arg]
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                break
            head.append(child)
        below = self.lines[first] if first < len(self.lines) else ""
        if not _all_bold(head) or not _DISPLAY_START.match(below):
            return False
        return self._display_in_item(children, 0, first)

    def _display_in_item(self, children: list, level: int, first: int) -> bool:  # type: ignore[type-arg]
        """A bullet with a display formula on lines of its own ("- **critical angle** C: ..."
        over "$$\\sin C = \\frac{n_2}{n_1}$$" over "where ..."): the bullet, the formula named
        by the bullet's term, and what follows it as a point under the bullet. False where
        the bullet holds no display formula."""
        lines: list[list] = [[]]  # type: ignore[type-arg]
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                lines.append([child])
            else:
                lines[-1].append(child)
        source = self.lines[first - 1 : first - 1 + len(lines)]
        opening = next(
            (i for i, line in enumerate(source) if i and _DISPLAY_START.match(line)), None
        )
        if opening is None or len(source) < len(lines):
            return False
        closing = next(
            (
                i
                for i in range(opening, len(source))
                if display_equations("\n".join(source[opening : i + 1]))
            ),
            None,
        )
        if closing is None:
            return False
        before = [child for line in lines[:opening] for child in line]
        lead, _, terms, _ = _render_children(before, first)
        self._add_children(before, BlockKind.ITEM, level, first)
        content = "\n".join(line.strip() for line in source[opening : closing + 1])
        named = terms[-1] if terms else _formula_name(lead)
        self._formulas(content, first + opening, named, level + 1)
        after = [child for line in lines[closing + 1 :] for child in line][1:]
        if after:
            self._add_children(after, BlockKind.ITEM, level + 1, first + closing + 1)
        return True

    def _lead_in(self, first: int) -> str:
        """ "The power rule:", "- Area of a triangle:" on the line before a display block
        (a blank line between): the name of what the formula gives."""
        above = self.result[-1] if self.result else None
        if above is None or above.kind not in (BlockKind.TEXT, BlockKind.ITEM):
            return ""
        return _formula_name(above.text) if above.end >= first - 2 else ""

    def _add_children(self, children: list, kind: BlockKind, level: int, first: int) -> None:  # type: ignore[type-arg]
        text, breaks, terms, linked = _render_children(children, first)
        if not text:
            return
        if kind is not BlockKind.HEADING and linked >= LINKED_SHARE * len(text.replace(" ", "")):
            return  # a line of links: a table of contents, a reading list, navigation
        last = breaks[-1][1] if breaks else first
        ordered = kind is BlockKind.ITEM and bool(self.numbered) and self.numbered[-1]
        marked = LIST_MARKED.match(text) if kind is BlockKind.TEXT else None
        if marked:
            # "a) the act itself is good", "(ii) ...": a list Markdown does not know, by its marks
            cut = marked.end()
            text = text[cut:]
            breaks = tuple((max(offset - cut, 0), line) for offset, line in breaks)
            kind, ordered = BlockKind.ITEM, True
        text, breaks, terms = _without_box_words(text, breaks, terms)
        defined = _listed_term(text, self.lines, first) if kind is BlockKind.TEXT else ""
        if defined and defined not in terms:
            terms = (defined, *terms)  # the term a definition list defines, as if bold
        self.result.append(Block(kind, text, first, last, level, breaks, terms, ordered=ordered))

    def _formulas(self, content: str, first: int, named: str = "", level: int = 0) -> None:
        """A display block: each of its equations, named where the author named it. A block of
        working gives its result, not its steps: a left-hand side that is itself a sum or a
        difference ("sₙ - rsₙ = ...") is a step, and of unnamed lines with the same left-hand
        side the last is the result."""
        last = first + content.strip().count("\n")
        equations = display_equations(content)
        kept: dict[str, tuple[str, str]] = {}
        opening: dict[str, tuple[str, str]] = {}  # each unnamed side's first line
        for equation, name in equations:
            side = equation.split("=")[0].strip()
            if len(equations) > 1 and _STEP.search(side):
                continue
            key = side if not name else f"{side}\x00{name}"
            opening.setdefault(key, (equation, name))
            kept.pop(key, None)
            kept[key] = (equation, name)
        for key, (equation, name) in list(kept.items()):
            start = opening[key]
            if start[0] != equation and not name and _closed_form(equation, key):
                # "Fₙ = Fₙ₋₁ + Fₙ₋₂" then "Fₙ = (φⁿ-ψⁿ)/(φ-ψ)": the recurrence and its closed
                # form are two facts, and the second is named so they ask two questions.
                kept[key] = start
                kept[f"{key}\x00closed"] = (equation, "closed form")
        for equation, name in kept.values():
            name = name or (named if len(kept) == 1 else "")
            names = (name,) if name else ()
            block = Block(BlockKind.FORMULA, equation, first, last, level, ((0, first),), names)
            self.result.append(block)

    def _tabbed_table(self, content: str, first: int) -> bool:
        """A paragraph whose lines are a table's header and rows set apart by tabs (pasted
        from a spreadsheet), which Markdown reads as one run-on line: its rows, as a plain
        text's table gives them. False where the paragraph is anything else."""
        count = content.strip().count("\n") + 1
        lines = self.lines[first - 1 : first - 1 + count]
        if len(lines) < count or not all("\t" in line.strip() for line in lines):
            return False
        found = find_tables(lines)
        rows = found.get(0, [])
        if len(found) != 1 or not rows or rows[-1].end != count:
            return False
        shift = first - 1
        for row in rows:
            breaks = tuple((offset, line + shift) for offset, line in row.breaks)
            self.result.append(
                replace(row, start=row.start + shift, end=row.end + shift, breaks=breaks)
            )
        return True

    def _pipe_rows(self, content: str, first: int) -> None:
        """Rows of a table written without its header and rule line ("| Spit | long ridge of
        sand ... |"), which Markdown reads as a paragraph."""
        for number, line in enumerate(content.split("\n"), start=first):
            cells = tuple(" ".join(plain_maths(cell).split()) for cell in _cells(line))
            if not any(cells):
                continue
            text = " | ".join(cells)
            breaks = ((0, number),)
            self.result.append(Block(BlockKind.ROW, text, number, number, 0, breaks, cells=cells))

    def _row(self) -> None:
        cells = tuple(self.cells)
        if self.in_head:
            self.header = cells
            return
        if not any(cells):
            return
        text = " | ".join(cells)
        self.result.append(
            Block(
                BlockKind.ROW,
                text,
                self.row_start,
                self.row_start,
                breaks=((0, self.row_start),),
                cells=cells,
                header=self.header,
            )
        )


_DISPLAY_START = lazy_regex(r"\s*(?:\$\$|\\\[)")
_DISPLAY_BLOCK = lazy_regex(r"\$\$.+?\$\$|\\\[.+?\\\]", re.S)


def _displays(content: str) -> list[tuple[int, str]]:
    """A paragraph of display blocks one under another ("$$a^2 + b^2 = c^2$$" over "$$\\tan
    \\theta = ...$$"), each with its line in the paragraph; the paragraph whole where it is one
    block, or has text outside its blocks."""
    found = list(_DISPLAY_BLOCK.finditer(content))
    if len(found) < 2 or _DISPLAY_BLOCK.sub("", content).strip():
        return [(0, content)]
    return [(content[: match.start()].count("\n"), match[0]) for match in found]


_PIPE_ROW = lazy_regex(r"^\s*\|.*\|\s*$")
MIN_PIPE_ROWS = 2


def _headerless_rows(content: str) -> bool:
    """A paragraph of two or more lines each set between pipes with cells between them."""
    lines = content.strip().split("\n")
    return len(lines) >= MIN_PIPE_ROWS and all(
        _PIPE_ROW.match(line) and len(_cells(line)) >= 2 for line in lines
    )


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


MIN_SEPARATE_LINES = 2
WRAPPED_WIDTH = 72  # a line this long may be wrapped at the margin; a bullet of its own is shorter
# a line left mid-phrase ("... signed in", "... the"); a capital "A" ends a name ("coenzyme A")
_CONTINUED = lazy_regex(r"(?:[,(/&+]|\b(?:(?i:the|an|and|or|of|to|in|by|with|for)|a))$")


def _separate_lines(children: list, first: int, by_line: bool = False) -> list[tuple[list, int]]:  # type: ignore[type-arg]
    """A paragraph's lines, grouped into the blocks they make, each with its first line.

    CommonMark joins lines not parted by a blank line into one paragraph, but notes written
    line by line ("**IV**: the variable changed" over "**DV**: the variable measured", or
    "Fetch - the distance ..." over "Mass movement = ...") mean each line as a fact of its
    own: where at least two lines open on a bold term or pair a short term with what it is,
    each line stands alone unless the one above it stops mid-phrase (on a comma, "the", "of").
    So does each line of notes written `by_line` in an app that shows them so.
    """
    lines: list[list] = [[]]  # type: ignore[type-arg]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([child])  # the break opens the line it leads to
        else:
            lines[-1].append(child)
    if len(lines) < MIN_SEPARATE_LINES:
        return [(children, first)]
    texts = ["".join(child.content for child in line if child.type == "text") for line in lines]
    pairs = zip(lines, texts, strict=True)
    separate = [
        _opens_on_bold(line) or bool(pair_shape(text) or LIST_MARKED.match(text))
        for line, text in pairs
    ]
    if sum(separate) < MIN_SEPARATE_LINES and not by_line:
        if _all_bold(lines[0]):
            # "**Case study: Lyme Regis**" over its first line: the label of what follows
            return [(lines[0], first), *_rest(lines[1:], first + 1)]
        return [(children, first)]
    groups: list[tuple[list, int]] = [(lines[0], first)]  # type: ignore[type-arg]
    for number, line in enumerate(lines[1:], start=1):
        if _CONTINUED.search(texts[number - 1].rstrip()):
            groups[-1][0].extend(line)
        else:
            groups.append((line[1:], first + number))
    return groups


def _all_bold(line: list) -> bool:  # type: ignore[type-arg]
    """A line set wholly in bold ("**Case study: Mt St Helens 1980**")."""
    shown = [child for child in line if child.type not in ("softbreak", "hardbreak")]
    shown = [child for child in shown if child.type != "text" or child.content.strip()]
    return len(shown) >= 3 and shown[0].type == "strong_open" and shown[-1].type == "strong_close"


def _rest(lines: list, first: int) -> list[tuple[list, int]]:  # type: ignore[type-arg]
    """Lines that go on as one paragraph, the breaks between them kept."""
    joined = [child for line in lines for child in line][1:]
    return [(joined, first)] if joined else []


def _opens_on_bold(line: list) -> bool:  # type: ignore[type-arg]
    opening = [child for child in line if child.type not in ("softbreak", "hardbreak")]
    opening = [child for child in opening if child.type != "text" or child.content]
    return bool(opening) and opening[0].type == "strong_open"


def _render_inline(inline, first_line: int, cell: bool = False):  # type: ignore[no-untyped-def]
    """What `_render_children` gives for a whole inline token."""
    return _render_children(inline.children or [], first_line, cell)


_LINE_BREAK_TAG = lazy_regex(r"<br\s*/?>", re.I)


# "**Nutrient cycle in a box:**", "**Photosynthesis in a nutshell:**": words that say a line is
# set apart as a summary, no part of what it is about
_BOXED_LABEL = lazy_regex(
    r"^(?P<label>.+?)\s+(?:in\s+a\s+(?:box|nutshell)|at\s+a\s+glance)\s*(?=:)", re.I
)


def _without_box_words(
    text: str, breaks: tuple[tuple[int, int], ...], terms: tuple[str, ...]
) -> tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]:
    """A bold label over a boxed line without the words that box it: "Nutrient cycle in a
    box: hot + wet = ..." -> "Nutrient cycle: hot + wet = ..."."""
    if not terms or not text.startswith(terms[0]):
        return text, breaks, terms
    found = _BOXED_LABEL.match(terms[0])
    if found:
        start, end = found.end("label"), found.end()
        text = text[:start] + text[end:]
        breaks = tuple((at - (end - start) if at > start else at, line) for at, line in breaks)
        terms = (terms[0][:start] + terms[0][end:], *terms[1:])
    return text, breaks, terms


def _render_children(children: list, first_line: int, cell: bool = False):  # type: ignore[no-untyped-def,type-arg]
    """Plain text of an inline token's children, its line breaks, the terms set in bold or
    italics, and how many of its characters are link text. In a table `cell`, a `<br>` parts
    two facts."""
    builder = TextBuilder()
    line = first_line
    terms: list[str] = []
    emphasis: list[list[str]] = []
    links = 0
    linked = 0
    for child in children:
        kind = child.type
        if kind == "link_open":
            links += 1
        elif kind == "link_close":
            links = max(0, links - 1)
        if kind in ("text", "code_inline"):
            content = plain_maths(child.content) if kind == "text" else child.content
            if links:
                linked += len(content.replace(" ", ""))
            builder.add(content, line)
            for open_term in emphasis:
                open_term.append(content)
        elif kind in ("softbreak", "hardbreak"):
            line += 1
            builder.space()
            for open_term in emphasis:
                open_term.append(" ")
        elif kind in ("strong_open", "em_open"):
            emphasis.append([])
        elif kind in ("strong_close", "em_close") and emphasis:
            term = " ".join("".join(emphasis.pop()).split())
            if term and term not in terms:
                terms.append(term)
        elif kind == "html_inline" and cell and _LINE_BREAK_TAG.fullmatch(child.content.strip()):
            builder.separate()
        elif kind == "html_inline":
            builder.space()
    text, breaks = builder.build()
    return text, breaks, tuple(terms), linked
