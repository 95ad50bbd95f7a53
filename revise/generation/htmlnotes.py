"""Web pages saved as HTML: the article's headings, paragraphs, lists and tables.

Menus, headers, footers, sidebars, share bars, newsletter boxes, forms and scripts are skipped by
element and by the class, id or role that marks them. Every text node keeps its line in the file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from revise.generation.card_limits import MAX_ANSWER_WORDS, MAX_LIST_ITEMS
from revise.generation.document import (
    Block,
    BlockKind,
    Document,
    TextBuilder,
    label_end,
    scope_end,
    toggle_level,
)
from revise.generation.maths import sub_text, super_text
from revise.generation.pagetext import SYMBOL_FONT_BULLETS
from revise.generation.patterns import lazy_regex
from revise.maths import inline_latex_text

_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form",
        "button", "iframe", "select", "textarea", "canvas", "object", "video", "audio", "dialog",
        "pre", "code", "figure", "menu",
    }
)  # fmt: skip
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_TEXT_BLOCKS = frozenset({"p", "blockquote", "dd", "figcaption", "caption", "summary"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "body"})
_BLOCK_TAGS = frozenset(
    {"div", "p", "ul", "ol", "li", "table", "blockquote", "dl", "section", "article", "details",
     "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip
_BOILERPLATE_MARK = lazy_regex(
    r"nav|menu|breadcrumb|share|sharing|social|newsletter|subscribe|signup|sign-up|footer"
    r"|sidebar|cookie|consent|related|comment|advert|\bads?\b|promo|popup|modal|banner|masthead"
    r"|site-header|msoheader|toolbar|pagination|byline|author-bio|skip-link|screen-reader"
    r"|\btoc\b|table-of-contents|editsection|\breferences\b|reflist|backlink|jump-link|\bnoprint\b",
    re.I,
)
# "{\\displaystyle \\rho =m/V}": the LaTeX a wiki writes as the alt text of a formula's picture
_TEX_ALT = lazy_regex(r"^\{\\(?:display|text)style\s+(.+)\}$", re.S)
HIDDEN_STYLE = lazy_regex(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# "infobox", "fact-box", "quick-facts": a box of facts about the page's subject, beside the lead
_FACT_BOX_MARK = lazy_regex(r"info-?box|facts?-?(?:box|file|sheet)|quick-?facts|key-?facts", re.I)
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_TITLE_SUFFIX = lazy_regex(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]+$")
# ".c3{font-weight:700;...}": a class a word processor's export styles its text with (bold,
# larger, a colour), not <b>
_CSS_RULE = lazy_regex(r"([^{}]+)\{([^{}]*)\}")
_CLASS_NAME = lazy_regex(r"\.([\w-]+)")
_EMPHASIS = ("strong", "b", "em", "i", "dfn", "mark")
# How a notes app (OneNote, Evernote, Word) marks text in an element's own style attribute
_STYLE_WEIGHT = lazy_regex(r"font-weight\s*:\s*([\w-]+)", re.I)
_BOLD_WEIGHT = lazy_regex(r"bold|bolder|[6-9]00", re.I)
_UNDERLINED = lazy_regex(r"text-decoration(?:-line)?\s*:\s*underline", re.I)
_STYLE_SIZE = lazy_regex(r"font-size\s*:\s*([\d.]+)\s*(pt|px|em|rem|%)", re.I)
_STYLE_COLOUR = lazy_regex(r"(?:^|;)\s*color\s*:\s*([^;]+)", re.I)
_PX_PER_PT = 4 / 3
DEFAULT_SIZE = 12.0  # points: a browser's text size where the page gives none
LARGER = 1.15  # text this much larger than the page's is written larger on purpose
_FONT_SIZES = {"1": 7.5, "2": 10.0, "3": 12.0, "4": 13.5, "5": 18.0, "6": 24.0, "7": 36.0}
_ACHROMATIC = frozenset(
    ["black", "white", "gray", "grey", "silver", "dimgray", "dimgrey", "darkgray", "darkgrey",
     "lightgray", "lightgrey", "gainsboro", "whitesmoke", "windowtext", "inherit", "initial",
     "currentcolor", "auto"]
)  # fmt: skip
MIN_COLOUR_SPREAD = 64  # of 255 between a colour's channels: a hue, not a shade of grey
MAX_STYLED_HEADING_WORDS = 12


def _style_size(style: str, inherited: float) -> float:
    """The font size in points an element's style gives (its last), or the one it inherits."""
    found = _STYLE_SIZE.findall(style)
    if not found:
        return inherited
    value, unit = float(found[-1][0]), found[-1][1].casefold()
    if unit == "px":
        return value / _PX_PER_PT
    if unit in ("em", "rem"):
        return value * inherited
    if unit == "%":
        return value / 100 * inherited
    return value


def _is_hue(colour: str) -> bool:
    """A colour that stands out from the text (red, blue), not black, white or a grey."""
    colour = colour.strip().casefold().removesuffix("!important").strip()
    channels: list[int] = []
    if colour.startswith("#") and len(colour) in (4, 7):
        digits = colour[1:]
        if len(digits) == 3:
            digits = "".join(digit * 2 for digit in digits)
        try:
            channels = [int(digits[i : i + 2], 16) for i in (0, 2, 4)]
        except ValueError:
            return False
    elif colour.startswith("rgb"):
        channels = [int(float(n)) for n in re.findall(r"[\d.]+", colour)[:3]]
    elif re.fullmatch(r"[a-z]+", colour):
        return colour not in _ACHROMATIC
    return len(channels) == 3 and max(channels) - min(channels) >= MIN_COLOUR_SPREAD


# Word's list paragraphs ("MsoListParagraphCxSpFirst", "MsoListBullet", "MsoListNumber2"), the
# comment before the mark it draws, and the glyphs Symbol and Wingdings draw bullets with
_WORD_LIST_ITEM = lazy_regex(r"mso(?:listparagraph|listbullet|listnumber)", re.I)
_WORD_LIST_LEVEL = lazy_regex(r"mso-list:\s*\w+\s+level(\d)", re.I)
_WORD_LIST_MARK = lazy_regex(r"\s*\[if !supportLists\]", re.I)
# Google Docs writes every list flat and gives its depth in a class: "lst-kix_7gq2m1x0k3ab-1"
# is a list one level in, under the item of "lst-kix_7gq2m1x0k3ab-0" before it
_DOCS_LIST_LEVEL = lazy_regex(r"(?<![\w-])lst-kix_\w+-(\d)(?![\w-])")
_DRAWN_BULLETS = frozenset(f"\u00b7\u00a7o\u00d8\u00fc\u00a8\u2022-{SYMBOL_FONT_BULLETS}")


def parse_html(text: str) -> Document:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    blocks = parser.styled_blocks()
    title = ""
    first_h1 = next(
        (i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING and b.level == 1), None
    )
    if first_h1 is not None and all(b.kind is BlockKind.HEADING for b in blocks[:first_h1]):
        title = blocks[first_h1].text
        blocks = blocks[:first_h1] + blocks[first_h1 + 1 :]
    if not title:
        title = _TITLE_SUFFIX.sub("", parser.page_title.strip())
    return Document(title, blocks)


# tags a word processor wraps the text of a sub- or superscript in
_INLINE_IN_SCRIPT = frozenset(["span", "b", "strong", "i", "em", "font"])


@dataclass
class _SeenRow:
    """A table row as the page wrote it: its cells, and which of them are header cells."""

    cells: tuple[str, ...]
    heads: tuple[bool, ...]
    start: int
    end: int


@dataclass
class _Table:
    """An open table: where its blocks start, whether its class marks a box of facts, its
    caption and every row read so far."""

    first: int
    marked: bool
    caption: str = ""
    rows: list[_SeenRow] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.page_title = ""
        self._stack: list[str] = []
        self._skip_depth = 0  # > 0 inside an element whose content is not notes
        self._article_depth = 0
        self._in_title = False
        self._builder: TextBuilder | None = None
        self._kind = BlockKind.TEXT
        self._level = 0
        self._start = 0
        self._terms: list[str] = []
        self._emphasis: list[list[str]] = []
        self._list_depth = 0
        self._numbered: list[bool] = []  # for each open list, whether it is an <ol>
        self._docs_levels: list[int | None] = []  # for each open list, the depth its class gives
        self._header: tuple[str, ...] = ()
        self._row: list[str] | None = None
        self._row_start = 0
        self._row_is_header = False
        self._row_plain = False  # text in the row that no bold or emphasis marks
        self._table_rows = 0  # rows of the open table read so far
        self._cell: TextBuilder | None = None
        self._term_open = False  # a <dt> read, waiting for its <dd>
        self._class_styles: dict[str, str] = {}  # each class's declarations in the style sheet
        self._in_style = False
        self._spans: list[bool] = []  # for each open <span>, whether its class makes it bold
        self._heading_level = 1  # the level of the last heading of the page's own
        # for each open <details> (a toggle), the heading level of its <summary>, 0 before it
        self._toggles: list[int] = []
        # for each open element, whether its text is set off (bold, a hue, larger) and its size
        self._looks: list[tuple[bool, float]] = []
        self._base_size = DEFAULT_SIZE  # the size the page declares for its text
        self._text_sizes: Counter[float] = Counter()  # how much of the page's text is each size
        self._plain = False  # text in the open block that nothing sets off
        self._least_size = 0.0  # the smallest text in the open block
        self._has_headings = False  # the page marks its headings as headings (<h2>)
        self._least: dict[int, float] = {}  # a line's smallest text, for each line of text
        # for each open <div> or <p>: its first block, and whether a block element is inside it
        self._boxes: list[tuple[int, bool]] = []
        # a box of lines (a <div> parted by <br>): its first line, and where it ends
        self._box_ends: dict[int, int] = {}
        self._blanks: set[int] = set()  # blocks the writer left a blank line above
        self._item_divs: list[bool] = []  # for each open <div>, whether it is a list item's line
        self._tables: list[_Table] = []  # the open tables, the innermost last
        self._row_heads: list[bool] = []  # for each cell of the open row, whether it is a <th>
        # for each open list: its first block, its items, and whether each is a link to a place
        # on the page itself ("<a href="#Background">"): a contents box, not notes
        self._lists: list[tuple[int, int, bool]] = []
        self._items_linked: list[bool] = []  # for each open item, whether all its text is one
        self._in_page_links = 0  # open <a> elements that lead to a place on the page
        self._contents_titles: set[int] = set()  # headings right over a contents list
        self._drawn_mark = False  # inside the bullet or number Word draws before a list item

    # Structure ------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self._line_break()
            formula = _TEX_ALT.match((dict(attrs).get("alt") or "").strip())
            if tag == "img" and formula and not self._skip_depth:
                # an encyclopedia's formula: a picture, its LaTeX in the alt text
                text = inline_latex_text(formula[1].strip())
                if text:
                    self.handle_data(text)
            return
        self._stack.append(tag)
        classes = set((dict(attrs).get("class") or "").split())
        above = self._looks[-1] if self._looks else (False, self._base_size)
        look = self._look(tag, dict(attrs), classes, above)
        self._looks.append(look)
        if tag == "body":
            self._base_size = look[1]
        if tag == "style":
            self._in_style = True
        if self._skip_depth or self._is_boilerplate(tag, dict(attrs)):
            self._skip_depth += 1
            return
        if tag in _BLOCK_TAGS and self._boxes:
            self._boxes[-1] = (self._boxes[-1][0], True)
        if tag in ("span", "font"):
            set_off = look[0] and not above[0]
            self._spans.append(set_off)
            if set_off:
                self._emphasis.append([])
            return
        if tag in ("li", "p", "div") and self._cell is not None and not self._cell.empty:
            self._cell.separate()  # "<td><ul><li>Physics</li><li>Philosophy</li></ul></td>"
        if tag == "p" and "title" in classes:
            self._open(BlockKind.HEADING, 1)  # a word processor's Title paragraph
            return
        if tag == "p" and any(_WORD_LIST_ITEM.match(name) for name in classes):
            # Word's bullet, a paragraph of its own: "mso-list:l0 level2 lfo1" is its depth
            depth = _WORD_LIST_LEVEL.search(dict(attrs).get("style") or "")
            self._open(BlockKind.ITEM, int(depth[1]) - 1 if depth else 0)
            return
        if tag in ("article", "main"):
            self._article_depth += 1
        if tag == "title":
            self._in_title = True
        elif tag in _HEADINGS:
            self._has_headings = True
            self._heading_level = _HEADINGS[tag]
            self._toggles = [
                0 if level >= self._heading_level else level for level in self._toggles
            ]
            self._open(BlockKind.HEADING, _HEADINGS[tag])
        elif tag == "details":
            self._flush()
            self._toggles.append(0)
        elif tag == "summary" and self._toggles and not self._toggles[-1]:
            # a toggle's title, a heading over what it folds away, below the heading it is in
            above = [level for level in self._toggles if level] or [self._heading_level]
            self._toggles[-1] = toggle_level(above[-1])
            self._open(BlockKind.HEADING, self._toggles[-1])
        elif tag == "dt":
            self._open(BlockKind.ITEM, 0)  # "<dt>Plasma</dt><dd>the liquid ...</dd>": one item
        elif tag == "dd" and self._term_open and self._builder is not None:
            self._term_open = False
            self._builder.add(" - ", self.getpos()[0])
        elif tag in _TEXT_BLOCKS:
            self._open(BlockKind.TEXT, 0)
            if tag == "p":
                self._boxes.append((len(self.blocks), False))
        elif tag in ("ul", "ol"):
            self._flush()
            self._list_depth += 1
            self._numbered.append(tag == "ol")
            depth = _DOCS_LIST_LEVEL.search(dict(attrs).get("class") or "")
            self._docs_levels.append(int(depth[1]) if depth else None)
            self._lists.append((len(self.blocks), 0, True))
        elif tag == "li":
            given = self._docs_levels[-1] if self._docs_levels else None
            nested = max(self._list_depth - 1, 0)
            self._open(BlockKind.ITEM, nested if given is None else nested + given)
            self._items_linked.append(True)
        elif tag == "a":
            in_page = (dict(attrs).get("href") or "").startswith("#")
            self._in_page_links += in_page
            self._stack[-1] = "a#" if in_page else "a"

        elif tag == "table":
            self._flush()
            self._header, self._table_rows = (), 0
            marks = f"{dict(attrs).get('class') or ''} {dict(attrs).get('id') or ''}"
            self._tables.append(_Table(len(self.blocks), bool(_FACT_BOX_MARK.search(marks))))
        elif tag == "tr":
            self._flush()
            self._row, self._row_start, self._row_is_header = [], self.getpos()[0], False
            self._row_plain, self._row_heads = False, []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = TextBuilder()
            self._row_is_header = self._row_is_header or tag == "th"
            self._row_heads.append(tag == "th")

        elif tag in _EMPHASIS:
            self._emphasis.append([])
        elif tag == "div" and self._in_item():
            # "<li><div>...</div></li>", as Evernote writes a list: the item's own line
            self._item_divs.append(True)
            if self._builder is not None and not self._builder.empty:
                self._builder.separate()
        elif tag in _CONTAINERS:
            self._flush()
            if tag == "div":
                self._item_divs.append(False)
                self._boxes.append((len(self.blocks), False))

    def _in_item(self) -> bool:
        """Whether the element just opened is inside a list item's own text (not in a list
        nested in it): the item's builder is open."""
        return self._builder is not None and self._kind is BlockKind.ITEM

    def _look(
        self, tag: str, attrs: dict[str, str | None], classes: set[str], above: tuple[bool, float]
    ) -> tuple[bool, float]:
        """Whether an element's text is set off from the page's, and its size: by its tag, its
        class or its own style, as a notes app or word processor writes a heading or a key
        word (<span style="font-weight:bold">, <font color="red">, font-size:16pt)."""
        # (the element's own style after its classes', so that it wins)
        ranked = sorted(classes & self._class_styles.keys(), key=list(self._class_styles).index)
        given = [self._class_styles[name] for name in ranked]
        style = ";".join([*given, attrs.get("style") or ""])
        size = _style_size(style, above[1])
        if tag in ("html", "body"):
            return False, size  # the page's own text
        if tag == "font" and (attrs.get("size") or "").strip() in _FONT_SIZES:
            size = _FONT_SIZES[(attrs.get("size") or "").strip()]
        colours = _STYLE_COLOUR.findall(style) or (
            [attrs.get("color") or ""] if tag == "font" else []
        )
        weights = _STYLE_WEIGHT.findall(style)
        set_off = (
            above[0]
            or tag in _EMPHASIS
            or tag == "u"
            or bool(weights and _BOLD_WEIGHT.fullmatch(weights[-1]))
            # (a link's colour, underlined, is the browser's or the app's, not the writer's)
            or (
                bool(colours)
                and _is_hue(colours[-1])
                and not {"a", "a#"} & set(self._stack)
                and not _UNDERLINED.search(style)
            )
        )
        return set_off, size

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and "a#" in self._stack and "a" not in self._stack:
            tag = "a#"  # (the link to a place on the page, so marked when it opened)
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if self._looks:
                self._looks.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag == "a#":
            self._in_page_links = max(self._in_page_links - 1, 0)
        elif tag == "li" and self._items_linked:
            item_linked = self._items_linked.pop()
            if self._lists:
                first, items, linked = self._lists[-1]
                self._lists[-1] = (first, items + 1, linked and item_linked)
        elif tag in ("ul", "ol") and self._lists:
            self._flush()
            first, items, linked = self._lists.pop()
            if linked and items >= 2:
                self._drop_blocks(first)  # a contents box: "1 Background", "2 The laws, ..."
                above = self.blocks[-1] if self.blocks else None
                if above and above.kind is BlockKind.HEADING and above.text and above.level > 1:
                    self._contents_titles.add(len(self.blocks) - 1)
        if tag in ("span", "font"):
            if self._spans and self._spans.pop():
                self._end_emphasis()
            return
        if tag in ("article", "main"):
            self._article_depth -= 1
        if tag == "title":
            self._in_title = False
        elif tag == "dt" and self._builder is not None and not self._builder.empty:
            term = " ".join(self._builder.build()[0].split())
            if term not in self._terms:
                self._terms.insert(0, term)  # the term a definition list defines, as if bold
            self._term_open = True
        elif tag == "div" and self._item_divs and self._item_divs.pop():
            pass  # the item goes on to its own end
        elif tag in _HEADINGS or tag in _TEXT_BLOCKS or tag == "li" or tag in _CONTAINERS:
            self._flush()
            if tag in ("div", "p") and self._boxes:
                self._end_box(*self._boxes.pop())
        elif tag == "details" and self._toggles:
            self._flush()
            level = self._toggles.pop()
            if level:  # the toggle ends: what follows is under the heading above it again
                line = self.getpos()[0]
                self.blocks.append(scope_end(line, level))
        if tag in ("ul", "ol"):
            self._list_depth = max(self._list_depth - 1, 0)
            if self._numbered:
                self._numbered.pop()
            if self._docs_levels:
                self._docs_levels.pop()
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(self._cell.build()[0])
            self._cell = None
        elif tag == "tr":
            self._end_row()
        elif tag in _EMPHASIS:
            self._end_emphasis()
        if tag == "caption" and self._tables and len(self.blocks) > self._tables[-1].first:
            self._tables[-1].caption = self.blocks[-1].text
        elif tag == "table" and self._tables:
            self._end_table(self._tables.pop())

    def _end_emphasis(self) -> None:
        if not self._emphasis:
            return
        term = " ".join("".join(self._emphasis.pop()).split())
        if term and term not in self._terms and self._builder is not None:
            self._terms.append(term)

    def _is_boilerplate(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in _SKIPPED:
            return True
        if tag == "header" and not self._article_depth:
            return True
        if (attrs.get("role") or "").casefold() in _BOILERPLATE_ROLES:
            return True
        if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
            return True
        if HIDDEN_STYLE.search(attrs.get("style") or ""):
            return True  # text the page never shows: "(1907-02-02)" kept for search engines
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        return bool(marks.strip()) and bool(_BOILERPLATE_MARK.search(marks))

    # Text -----------------------------------------------------------------------------------

    def handle_comment(self, data: str) -> None:
        """Word draws each list item's bullet or number itself, between "<!--[if !supportLists]-->"
        and "<!--[endif]-->": the paragraph is a list item and the drawn mark no text of it."""
        if _WORD_LIST_MARK.match(data):
            self._drawn_mark = True
            if self._builder is not None and self._kind is BlockKind.TEXT and self._builder.empty:
                self._kind = BlockKind.ITEM
        elif data.strip().startswith("[endif]"):
            self._drawn_mark = False

    def handle_data(self, data: str) -> None:
        if self._drawn_mark or (
            self._kind is BlockKind.ITEM
            and self._builder is not None
            and self._builder.empty
            and data.strip() in _DRAWN_BULLETS
        ):
            return  # (a bullet in the Symbol or Wingdings font, as a filtered Word page has it)
        if self._in_style:
            for selector, declarations in _CSS_RULE.findall(data):
                for name in _CLASS_NAME.findall(selector):
                    # (a later rule wins: the class moves to the end of the order)
                    earlier = self._class_styles.pop(name, "")
                    self._class_styles[name] = f"{earlier};{declarations}"
        if self._skip_depth:
            return
        script_tag = self._script()
        if script_tag and data.strip():
            # H<sub>2</sub>O reads as "H₂O", as the Markdown notes write it with $H_2O$.
            script = sub_text if script_tag == "sub" else super_text
            data = script(data.strip()) or data
        if self._in_title:
            self.page_title += data
            return
        if data.strip() and self._items_linked and not self._in_page_links:
            self._items_linked[-1] = False
        if self._cell is not None:
            self._cell.add(data, self.getpos()[0])
            self._row_plain = self._row_plain or bool(data.strip() and not self._emphasis)
            return
        if not data.strip() and self._builder is None:
            return
        if self._builder is None:
            self._open(BlockKind.TEXT, 0)
        if data.strip():
            look = self._looks[-1] if self._looks else (False, self._base_size)
            self._plain = self._plain or not look[0]
            self._least_size = min(self._least_size or look[1], look[1])
            self._text_sizes[look[1]] += len(data.strip())
        line = self.getpos()[0]
        for offset, piece in enumerate(data.split("\n")):
            if offset:
                self._builder.space()  # type: ignore[union-attr]
            self._builder.add(piece, line + offset)  # type: ignore[union-attr]
        for open_term in self._emphasis:
            open_term.append(data)

    def _script(self) -> str:
        """ "sub" or "sup" where the text stands in one, through the spans a word processor
        wraps its text in (2<sup><span class="c0">n</span></sup>), else ""."""
        for tag in reversed(self._stack):
            if tag in ("sub", "sup"):
                return tag
            if tag not in _INLINE_IN_SCRIPT:
                return ""
        return ""

    def _line_break(self) -> None:
        """<br>: the writer's own line end. A page saved from a notes app (OneNote, Evernote)
        writes each line of a note this way, so a line of text stands alone; inside a table
        cell or a list item it parts the cell's or item's facts."""
        if self._cell is not None:
            self._cell.separate()
        elif self._builder is None:
            self._blanks.add(len(self.blocks))
        elif self._builder is not None and self._kind is BlockKind.TEXT and not self._emphasis:
            self._flush()
        elif self._builder is not None and self._kind is BlockKind.ITEM:
            self._builder.separate()
        elif self._builder is not None:
            self._builder.space()

    def _open(self, kind: BlockKind, level: int) -> None:
        self._flush()
        self._term_open = False
        self._builder = TextBuilder()
        self._kind, self._level, self._start = kind, level, self.getpos()[0]
        self._terms = []
        self._plain, self._least_size = False, 0.0

    def _flush(self) -> None:
        builder, self._builder = self._builder, None
        if builder is not None and builder.empty and self._kind is BlockKind.TEXT:
            self._blanks.add(len(self.blocks))  # <p>&nbsp;</p>: a blank line
        if builder is None or builder.empty:
            return
        text, breaks = builder.build()
        start = breaks[0][1] if breaks else self._start
        end = max(line for _, line in breaks) if breaks else start
        terms = tuple(self._terms)
        short = len(text.split()) <= MAX_STYLED_HEADING_WORDS
        if self._kind is BlockKind.TEXT and not self._plain and short and text not in terms:
            terms = (text, *terms)  # the whole line set off, as a notes app writes a heading
        if self._kind is BlockKind.TEXT and len(text.split()) <= MAX_STYLED_HEADING_WORDS:
            self._least[len(self.blocks)] = self._least_size
        block = Block(self._kind, text, start, end, self._level, breaks, terms)
        if self._kind is BlockKind.ITEM and self._numbered and self._numbered[-1]:
            block = replace(block, ordered=True)
        self.blocks.append(block)

    def _end_row(self) -> None:
        cells, self._row = self._row, None
        if not cells or not any(cells):
            return
        if self._tables:
            heads = tuple(self._row_heads[: len(cells)])
            seen = _SeenRow(tuple(cells), heads, self._row_start, self.getpos()[0])
            self._tables[-1].rows.append(seen)
        first = self._table_rows == 0
        self._table_rows += 1
        # (a word processor writes its header row as bold cells, not <th>: a first row all bold)
        bold_header = first and not self._row_plain and len(cells) > 1
        if (self._row_is_header or bold_header) and not self._header:
            self._header = tuple(cells)
            return
        line = self._row_start
        text = " | ".join(cells)
        self.blocks.append(
            Block(BlockKind.ROW, text, line, self.getpos()[0], 0, ((0, line),), (), tuple(cells),
                  self._header)
        )  # fmt: skip

    def _end_table(self, table: _Table) -> None:
        """A box of facts about one thing ("<caption>Apartheid</caption>" over rows of
        "<th>Period</th><td>1948 - 1994</td>") is read as a table that describes that one
        thing, its column headed by the thing's name over a row for each label: each label
        asks its value of the thing ("Apartheid: what is the period?"). A value too long for
        an answer asks nothing. Rows of "<th>term</th><td>meaning</td>" under no title are a
        table of terms without a header."""
        labelled = [row for row in table.rows if row.heads == (True, False) and all(row.cells)]
        wide = [row for row in table.rows if len(row.cells) > 2 or row.heads == (True, True)]
        if len(labelled) < 2 or wide or len(labelled) * 2 < len(table.rows):
            return
        first = table.rows[0]
        titled = len(first.cells) == 1 and first.heads == (True,) and first is not labelled[0]
        subject = " ".join((table.caption or (first.cells[0] if titled else "")).split())
        if not subject and table.marked:
            subject = self._subject_above()
        if subject and not self._one_thing(subject):
            subject = ""  # "Key terms" over "Osmosis | diffusion of water ...": terms
        self._drop_blocks(table.first)
        for row in labelled:
            label, value = (" ".join(cell.split()) for cell in row.cells)
            if subject:
                if len(value.split()) > MAX_ANSWER_WORDS or value.count(";") >= MAX_LIST_ITEMS:
                    continue  # a list of six prime ministers: no answer to recall
                cells, header = (label, value), ("", subject)
            else:
                cells, header = (label, value), ()
            self.blocks.append(
                Block(BlockKind.ROW, f"{label} | {value}", row.start, row.end, 0,
                      ((0, row.start),), (), cells, header)
            )  # fmt: skip

    def _drop_blocks(self, first: int) -> None:
        """Forget the blocks from `first` on, and what was marked of them."""
        del self.blocks[first:]
        for index in [*self._blanks, *self._least, *self._box_ends, *self._contents_titles]:
            if index >= first:
                self._blanks.discard(index)
                self._least.pop(index, None)
                self._box_ends.pop(index, None)
                self._contents_titles.discard(index)

    def _one_thing(self, title: str) -> bool:
        """Whether a box's title names the one thing its rows describe ("Apartheid", "Iceland"),
        not a kind of many things each row names ("Key terms", "Alkali metals"), unless the page
        is about those ("United States" on its own page)."""
        from revise.generation.fields import head_noun, plural_noun

        if not plural_noun(head_noun(title)):
            return True
        headings = [block.text for block in self.blocks if block.kind is BlockKind.HEADING]
        above = set(re.findall(r"\w{3,}", " ".join([self.page_title, *headings]).casefold()))
        return bool(set(re.findall(r"\w{3,}", title.casefold())) & above)

    def _subject_above(self) -> str:
        """What the page is about: its last heading, else its title."""
        heading = next(
            (b.text for b in reversed(self.blocks) if b.kind is BlockKind.HEADING and b.text), ""
        )
        return heading or _TITLE_SUFFIX.sub("", self.page_title.strip())

    def _end_box(self, first: int, nested: bool) -> None:
        """A <div> or <p> of lines parted by line breaks: where it ends is marked, for a label
        on its first line ("<b>Krebs cycle:</b><br>acetyl CoA + ...<br>...") heads those
        lines only, not the paragraphs after the box."""
        inside = self.blocks[first:]
        if nested or len(inside) < 2 or any(block.kind is not BlockKind.TEXT for block in inside):
            return
        self._box_ends[first] = len(self.blocks)
        self.blocks.append(scope_end(inside[-1].end, 0))

    def styled_blocks(self) -> list[Block]:
        """The blocks with the headings the page shows by style made headings: a line written
        larger than the page's text, on a page without heading elements, at a level by its
        size (the largest is 1); a box's label line one level below the heading it is under;
        and a blank line after what a label line is over ends the label's reach."""
        from revise.generation.structure import is_label

        # the page's own text is the size most of it is written in, whatever the page declares
        common = self._text_sizes.most_common(1)
        base = common[0][0] if common else self._base_size
        sized = {index: size for index, size in self._least.items() if size >= base * LARGER}
        ranks = sorted(set(sized.values()), reverse=True)
        box_ends = set(self._box_ends.values())
        blocks: list[Block] = []
        outer = 1  # the level of the last heading of the page's own
        ends: dict[int, int] = {}  # a section's end: its level
        labelled = 0  # 1 after a label line, 2 once a block is under it
        for index, block in enumerate(self.blocks):
            if index in box_ends and index not in ends:
                continue  # a box with no label over its lines
            if index in self._contents_titles and self._heads_nothing(index):
                continue  # "Contents", "On this page": the title of a contents list
            if index in self._blanks and labelled == 2:
                blocks.append(label_end(block.start))
            labelled = 2 if labelled else 0
            if index in sized and block.text not in block.terms:
                block = replace(block, terms=(block.text, *block.terms))  # written larger
            if index in sized and not self._has_headings:
                outer = ranks.index(sized[index]) + 1
                block = replace(block, kind=BlockKind.HEADING, level=outer)
                block = replace(block, text=block.text.rstrip(" :"))
            elif index in self._box_ends and is_label(block):
                level = toggle_level(outer)
                ends[self._box_ends[index]] = level
                block = replace(block, kind=BlockKind.HEADING, level=level)
                block = replace(block, text=block.text.rstrip(" :"))
            elif index in ends:
                block = scope_end(block.start, ends.pop(index))
            elif block.kind is BlockKind.HEADING and block.text:
                outer = block.level
            if block.kind is BlockKind.HEADING:
                labelled = 0
            elif is_label(block):
                labelled = 1
            blocks.append(block)
        return blocks

    def _heads_nothing(self, index: int) -> bool:
        """Whether a heading has nothing under it: the next block is a heading no deeper."""
        level = self.blocks[index].level
        after = self.blocks[index + 1 : index + 2]
        return not after or (after[0].kind is BlockKind.HEADING and after[0].level <= level)

    def close(self) -> None:
        super().close()
        self._flush()
