"""Org-mode notes (Emacs), read as the Markdown they would be: one line for one line, so every
card's source still names the line of the .org file it came from.

What org writes and Markdown reads otherwise: `* ` headings (their TODO keyword, priority and
tags left out), `#+TITLE:` as the title, `term :: meaning` description items as a bold term and
its meaning, `*bold*`, `/italic/`, `=code=` and `~verbatim~`, `[[target][text]]` links read as
their text, `|---+---|` table rules, and `#+begin_src`, `#+begin_example` and `#+begin_quote`
blocks. Property and logbook drawers, `CLOCK:`, `SCHEDULED:` and `DEADLINE:` lines, `#+` settings
and `#` comments are the file's bookkeeping, not notes, and read as blank lines, as is a
`COMMENT` heading's subtree (org's way to comment one out), a comment or export block, a block
org writes itself (`#+BEGIN: clocktable`) and a footnote's definition; the keywords a file
declares (`#+TODO: TODO REVISE | LEARNT`) are left out of its headings as TODO is; progress
cookies, link targets, the dates the editor inserts and a link to a picture (which org shows as
the picture) are left out of a line, and entities
(`\\times`) and `\\(...\\)` maths are read as what org shows, a LaTeX environment
(`\\begin{equation}`) as display maths.

A parser of org files (orgparse) gives the tree of headings but neither each line's place nor
the inline marks, which are what a card is drafted from, so the translation is made here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from unicodedata import category

from revise.generation.document import Document
from revise.generation.patterns import lazy_regex

MAX_HEADING_LEVEL = 6  # Markdown's deepest heading

_SETTING = lazy_regex(r"^\s*#\+(?P<key>[A-Za-z_]+):\s*(?P<value>.*)$")
_BLOCK = lazy_regex(r"^\s*#\+(?P<edge>begin|end)_(?P<name>\w+)\b", re.I)
_COMMENT = lazy_regex(r"^\s*#(?:\s|$)")
_KEYWORDS = ("TODO", "DONE", "NEXT", "WAITING", "WAIT", "HOLD", "CANCELLED", "CANCELED")
# "#+TODO: TODO REVISE(r) | LEARNT(l!)": the keywords a file's headings may open on
_KEYWORD_SETTING = lazy_regex(r"^\s*#\+(?:SEQ_|TYP_)?TODO:(?P<words>.*)$", re.I)
_DYNAMIC_BLOCK = lazy_regex(r"^\s*#\+BEGIN:\s", re.I)  # a clock table or other generated block
_DYNAMIC_END = lazy_regex(r"^\s*#\+END:\s*$", re.I)
_LEFT_OUT_BLOCKS = frozenset(["comment", "export", "latex", "html"])  # never notes' text
_FOOTNOTE_DEFINITION = lazy_regex(r"^\[fn:[\w-]+\]\s")


def _heading_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in keywords)
    return re.compile(
        rf"^(?P<stars>\*+)\s+(?:(?:{words})\s+)?"
        r"(?:\[#[A-Za-z0-9]\]\s+)?(?P<title>.*?)(?:\s+:[\w@#%:]+:)?\s*$"
    )


_HEADING = _heading_pattern(_KEYWORDS)
_DRAWER_START = lazy_regex(r"^\s*:(?P<name>[A-Za-z][\w-]*):\s*$")
_DRAWER_END = lazy_regex(r"^\s*:END:\s*$", re.I)
_PLANNING = lazy_regex(r"^\s*(?:CLOCK|SCHEDULED|DEADLINE|CLOSED):")
_RULE = lazy_regex(r"^\s*-{5,}\s*$")
_TABLE_RULE = lazy_regex(r"^(\s*)\|[-+:|\s]*-[-+:|\s]*\|?\s*$")
_TABLE_ROW = lazy_regex(r"^\s*\|")
_MARKDOWN_ITEM = lazy_regex(r"^\s*(?:[-*+]|\d+\.)\s")
_FIXED_WIDTH = lazy_regex(r"^(\s*):(?:\s|$)")
_ITEM = lazy_regex(
    r"^(?P<indent>\s*)(?P<mark>[-+]|(?<=\s)\*|\d+[.)])\s+(?:\[[ X-]\]\s+)?(?P<rest>.*)$"
)
_DESCRIBED = lazy_regex(r"^(?P<term>.+?)\s+::(?:\s+(?P<meaning>.*))?$")
_LINK = lazy_regex(r"\[\[(?P<target>[^\]]+)\](?:\[(?P<text>[^\]]+)\])?\]")
_FOOTNOTE = lazy_regex(r"\[fn:[\w-]*\]")
# Org's own marks in a line's text: a heading's or item's progress "[2/3]" or "[50%]"; a link
# target "<<second law>>" (a radio target "<<<inertia>>>" is its text); a date the editor
# inserted with its weekday, "<2026-01-12 Mon>", "[2026-01-10 Sat 10:00]"; a line break "\\".
_COOKIE = lazy_regex(r"\s*\[(?:\d*/\d*|\d*%)\]")
_TARGET = lazy_regex(r"<<(<?)([^<>\s](?:[^<>\n]*[^<>\s])?)>?>>")
_TIMESTAMP = lazy_regex(
    r"\s*[<\[]\d{4}-\d\d-\d\d [A-Za-z]{2,3}\.?(?: [^<>\[\]\n]{1,30})?[>\]]"
    r"(?:--[<\[]\d{4}-\d\d-\d\d [A-Za-z]{2,3}\.?(?: [^<>\[\]\n]{1,30})?[>\]])?"
)
_LINE_BREAK = lazy_regex(r"\s*\\\\\s*$")
# Maths: "\(F = ma\)" as Markdown's "$F = ma$", and an entity, "\times" or "\Delta", outside it
_INLINE_MATHS = lazy_regex(r"\\\((.+?)\\\)")
_ENTITY = lazy_regex(r"(\$[^$\n]+\$)|\\([A-Za-z]+)(?![A-Za-z{])")
_MATHS_EDGE = lazy_regex(
    r"^\s*\\(?P<edge>begin|end)\{(?:equation|align|alignat|gather|multline|eqnarray)\*?\}\s*$"
)
_COMMENTED = lazy_regex(r"^(?P<stars>\*+)\s+COMMENT(?:\s|$)")
# Org's emphasis: a mark with no space inside it, after a start of line, space or opening
# punctuation and before an end of line, space or closing punctuation.
_PRE = r"(?:(?<=^)|(?<=[\s(\[{'\"\u2018\u201c-]))"
_POST = r"(?=$|[\s.,;:!?'\")\]}\u2019\u201d-])"


def _emphasis(mark: str) -> re.Pattern[str]:
    inner = rf"[^\s{re.escape(mark)}](?:[^{re.escape(mark)}\n]*?[^\s{re.escape(mark)}])?"
    return re.compile(rf"{_PRE}{re.escape(mark)}(?P<inner>{inner}){re.escape(mark)}{_POST}")


_BOLD, _ITALIC, _UNDERLINE = _emphasis("*"), _emphasis("/"), _emphasis("_")
_CODE, _VERBATIM, _STRIKE = _emphasis("="), _emphasis("~"), _emphasis("+")


def parse_org(text: str) -> Document:
    """The org notes as blocks, each naming its lines in the .org file."""
    return parse_translated(*_as_markdown(text))


def placed_by_origin(lines: list[str], origins: list[int], count: int) -> str:
    """Translated lines put back on the lines of the notes file they come from (`count` lines):
    a text a card's source lines can be looked up in."""
    read = [""] * count
    for line, origin in zip(lines, origins, strict=True):
        if line.strip() and 0 < origin <= count:
            read[origin - 1] = f"{read[origin - 1]} {line.strip()}" if read[origin - 1] else line
    return "\n".join(read)


def parse_translated(lines: list[str], origins: list[int]) -> Document:
    """Notes translated into Markdown lines read as Markdown, each block naming the lines of
    the notes file (`origins`, one for each Markdown line) it comes from."""
    from revise.generation.markdown import parse_markdown

    document = parse_markdown("\n".join(lines))

    def origin(line: int) -> int:
        return origins[line - 1] if 0 < line <= len(origins) else line

    document.blocks = [
        replace(
            block,
            start=origin(block.start),
            end=origin(block.end),
            breaks=tuple((offset, origin(line)) for offset, line in block.breaks),
            answer_end=origin(block.answer_end) if block.answer_end else 0,
        )
        for block in document.blocks
    ]
    return document


def _as_markdown(text: str) -> tuple[list[str], list[int]]:
    """Markdown lines, and the line of the org file each comes from."""
    lines = text.split("\n")
    titled = any(
        (setting := _SETTING.match(line)) and setting["key"].casefold() == "title" for line in lines
    )
    declared = [
        word.split("(")[0]
        for line in lines
        if (setting := _KEYWORD_SETTING.match(line))
        for word in setting["words"].split()
        if word != "|"
    ]
    heading_at = _heading_pattern((*_KEYWORDS, *declared)) if declared else _HEADING
    read: list[str] = []
    origins: list[int] = []
    drawer = quote = fenced = left_out = dynamic = footnote = False
    listed: int | None = None  # the indent of the open list's outer items

    def add(line: str, number: int) -> None:
        nonlocal listed
        table = bool(_TABLE_ROW.match(line))
        before = read[-1] if read else ""
        item = _MARKDOWN_ITEM.match(line)
        indent = len(line) - len(line.lstrip())
        ends_list = listed is not None and not item and indent <= listed
        if (
            line.strip()
            and before.strip()
            and (
                table != bool(_TABLE_ROW.match(before)) or (ends_list and not line.startswith("#"))
            )
        ):
            read.append("")  # org ends the list or table here; Markdown needs a blank line
            origins.append(number)
        if item and listed is None:
            listed = indent
        elif ends_list and line.strip():
            listed = None
        read.append(line)
        origins.append(number)

    commented = 0  # the level of the heading whose subtree is commented out
    for number, line in enumerate(lines, start=1):
        heading = heading_at.match(line)
        if commented and not (fenced or drawer) and heading and len(heading["stars"]) <= commented:
            commented = 0
        if not commented and not (fenced or drawer) and (out := _COMMENTED.match(line)):
            commented = len(out["stars"])
        if commented:
            add("", number)
            continue
        if left_out or dynamic:  # a comment block, a raw export or a clock table: all of it
            block = _BLOCK.match(line)
            if left_out and block and block["edge"].casefold() == "end":
                left_out = False
            dynamic = dynamic and not _DYNAMIC_END.match(line)
            add("", number)
            continue
        if _DYNAMIC_BLOCK.match(line):
            dynamic = True
            add("", number)
            continue
        # a footnote's definition is left out, as Markdown's are, up to a blank line or heading
        footnote = bool(_FOOTNOTE_DEFINITION.match(line)) or (
            footnote and bool(line.strip()) and not heading
        )
        if footnote:
            add("", number)
            continue
        if fenced:
            block = _BLOCK.match(line)
            fenced = not (block and block["edge"].casefold() == "end")
            add("```" if not fenced else line, number)
            continue
        if drawer:
            drawer = not _DRAWER_END.match(line)
            add("", number)
            continue
        if block := _BLOCK.match(line):
            name = block["name"].casefold()
            opening = block["edge"].casefold() == "begin"
            if name in _LEFT_OUT_BLOCKS and opening:
                left_out = True
                add("", number)
            elif name in ("src", "example") and opening:
                fenced = True
                add("```", number)
            else:
                quote = opening and name == "quote"
                add("", number)
            continue
        if maths := _MATHS_EDGE.match(line):  # a LaTeX environment: Markdown's display maths
            opening = maths["edge"] == "begin"
            if opening:
                add("", number)
                add("$$", number)
            add(line.strip(), number)
            if not opening:
                add("$$", number)
                add("", number)
            continue
        if _DRAWER_START.match(line) and not heading:
            drawer = True
            add("", number)
            continue
        if rule := _TABLE_RULE.match(line):
            # the rule under a table's first row makes it the header; any other rule is drawn
            header = (
                bool(read)
                and _TABLE_ROW.match(read[-1])
                and not (len(read) > 1 and _TABLE_ROW.match(read[-2]))
            )
            cells = line.strip().strip("|").count("+") + 1
            add(rule[1] + "|" + "---|" * cells if header else "", number)
            continue
        add(("> " if quote and line.strip() else "") + _line(line, titled, heading), number)
    return read, origins


def _line(line: str, titled: bool, heading: re.Match[str] | None) -> str:
    if setting := _SETTING.match(line):
        title = setting["key"].casefold() == "title"
        return f"# {_inline(setting['value'])}" if title and setting["value"] else ""
    if _COMMENT.match(line) or _PLANNING.match(line):
        return ""
    if heading:
        level = min(len(heading["stars"]) + titled, MAX_HEADING_LEVEL)
        return f"{'#' * level} {_inline(heading['title'])}"
    if _RULE.match(line):
        return "---"
    if fixed := _FIXED_WIDTH.match(line):
        return fixed[1] + "    " + line[fixed.end() :]
    if item := _ITEM.match(line):
        mark = item["mark"].strip()
        mark = "-" if mark in "+*" else mark.replace(")", ".")
        return f"{item['indent']}{mark} {_item(item['rest'])}"
    indent = line[: len(line) - len(line.lstrip())]  # (what opened the line may have gone)
    return indent + _inline(line.lstrip()).lstrip()


def _item(text: str) -> str:
    """ "term :: meaning", org's description item, as a bold term and its meaning."""
    described = _DESCRIBED.match(text)
    if not described:
        return _inline(text)
    term = _inline(described["term"]).strip("* ")
    meaning = _inline(described["meaning"] or "")
    return f"**{term}**: {meaning}" if meaning else f"**{term}**"


def _inline(text: str) -> str:
    text = _COOKIE.sub("", _TIMESTAMP.sub("", _LINE_BREAK.sub("", text)))
    text = _TARGET.sub(lambda target: target[2] if target[1] else "", text)
    text = _ENTITY.sub(_entity, _INLINE_MATHS.sub(r"$\1$", text))
    text = _LINK.sub(lambda link: link["text"] or _bare(link["target"]), text)
    text = _FOOTNOTE.sub("", text)
    text = _CODE.sub(r"`\g<inner>`", text)
    text = _VERBATIM.sub(r"`\g<inner>`", text)
    text = _BOLD.sub(r"**\g<inner>**", text)
    text = _ITALIC.sub(r"*\g<inner>*", text)
    text = _UNDERLINE.sub(r"\g<inner>", text)
    return _STRIKE.sub(r"~~\g<inner>~~", text)


def _entity(match: re.Match[str]) -> str:
    """ "\\times" or "\\alpha" as the one character org shows for it."""
    if match[1]:
        return match[1]
    from revise.maths import inline_latex_text

    # (a letter's accent alone, or one letter's name, "\\d" as a pattern writes a digit, is not one)
    shown = inline_latex_text(match[0]) if len(match[2]) > 1 else None
    if shown and len(shown) == 1 and not shown.isascii() and category(shown)[0] != "M":
        return shown
    return match[0]


_IMAGE = lazy_regex(r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)$", re.I)


def _bare(target: str) -> str:
    """ "[[Cell membrane]]" is the note's name, "[[file:bio.org::*Osmosis]]" its heading's and
    "[[https://www.bbc.co.uk/bitesize]]" the address."""
    if _IMAGE.search(target):  # a picture, which org shows in the line: no text of it
        return ""
    if "::" in target:
        return target.split("::", 1)[1].lstrip("*#")
    scheme = re.match(r"(?:file|id|attachment):", target)
    return target[scheme.end() :] if scheme else target
