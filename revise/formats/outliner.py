"""Pages of an outliner (Logseq, Roam Research, Tana): every line a bullet, and `key:: value`
lines that set a page's or a block's properties.

A property line is written like a one-line flashcard (`front::back`), so it is told apart by the
page it sits in, one whose other lines are nearly all bullets. The properties that open the page
(`title:: Photosynthesis`, `tags:: biology`, Roam's `Status:: in progress`) and the app's own
settings of a block (`collapsed:: true`, `id:: 64a1...`) are no cards of a deck and no text of the
notes. Any other field of a block (`Date:: 14 October 1066`, `winner:: William`) is a fact of the
notes but no card either: a page of such bullets is notes, not a vault of flashcards.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

# A property or field: a key of one to three words, then `::`
_FIELD = re.compile(r"^\s*(?:[-*]\s+)?(?P<key>[A-Za-z][\w.'-]*(?: [\w'-]+){0,2})::(?:[ \t].*)?$")
# What Logseq and Roam keep in a block's properties for themselves
_SETTING = re.compile(
    r"id|collapsed|heading|background-color|created-at|updated-at|icon|public|template"
    r"|template-including-parent|filters|exclude-from-graph-view|alias|aliases|title|tags"
    r"|ls-type|(?:card|hl|query)-[\w-]+|logseq\.[\w.-]+"
)
_BULLET = re.compile(r"^\s*[-*+]\s")
# `::roughly 800 houses::`: a phrase highlighted between double colons (Ulysses, iA Writer), the
# colons against its first and last letters, no card's question and answer
_HIGHLIGHT = re.compile(r"(?<!\S)::(?=\S)[^:]*?(?<=\S)::(?![\w:])")
# The share of a page's other lines that are bullets for it to be an outliner's page
OUTLINE_SHARE = 0.75


def property_lines(lines: Sequence[str]) -> frozenset[int]:
    """The indexes of the property lines of an outliner's page: those that open it, and the
    app's own settings of a block; none for any other text."""
    matches = [_FIELD.match(line) for line in lines]
    opening = range(sum(1 for _ in itertools.takewhile(bool, matches)))
    found = frozenset(
        index
        for index, match in enumerate(matches)
        if match and (index in opening or _SETTING.fullmatch(match["key"].casefold()))
    )
    return found if _outliners_page(lines, found) else frozenset()


def field_lines(lines: Sequence[str]) -> frozenset[int]:
    """The indexes of the lines of an outliner's page that set a block's field (properties
    included); none for any other text."""
    found = frozenset(index for index, line in enumerate(lines) if _FIELD.match(line))
    fields = found if _outliners_page(lines, found) else frozenset()
    return fields | property_lines(lines)


def _outliners_page(lines: Sequence[str], found: frozenset[int]) -> bool:
    """Whether lines beside the `found` ones are nearly all bullets (and there are some)."""
    if not found:
        return False
    others = [line for index, line in enumerate(lines) if line.strip() and index not in found]
    bullets = sum(1 for line in others if _BULLET.match(line))
    return bool(others) and bullets >= OUTLINE_SHARE * len(others)


def without_highlights(line: str) -> str:
    """The line with its phrases highlighted between double colons blanked: the `::` left in it
    are a card's or a field's."""
    return _HIGHLIGHT.sub(" ", line) if "::" in line else line
