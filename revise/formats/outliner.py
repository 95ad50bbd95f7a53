"""Pages of an outliner (Logseq, Roam Research): every line a bullet, and `key:: value` lines that
set a page's or a block's properties (`tags:: biology`, `collapsed:: true`, `id:: 64a1...`).

A property line is written like a one-line flashcard (`front::back`), so it is told apart by the
page it sits in: a key of one lower-case word, in a page whose other lines are nearly all
bullets. Roam Research keeps a key as it was typed (`Tags:: [[Sociology]]`), so a key of one
capitalised word is a property too where it opens the page. Such lines are no cards of a deck and
no text of the notes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

_PROPERTY = re.compile(r"^\s*(?:[-*]\s+)?[a-z][a-z0-9_-]*::(?:[ \t].*)?$")
# A page's own attributes, at its top, as Roam Research writes them: `Status:: in progress`
_PAGE_ATTRIBUTE = re.compile(r"^\s*(?:[-*]\s+)?[A-Z][A-Za-z0-9_-]*::[ \t]+\S.*$")
_BULLET = re.compile(r"^\s*[-*+]\s")
# The share of a page's other lines that are bullets for it to be an outliner's page
OUTLINE_SHARE = 0.75


def property_lines(lines: Sequence[str]) -> frozenset[int]:
    """The indexes of the property lines of an outliner's page; none for any other text."""
    leading = itertools.takewhile(_PAGE_ATTRIBUTE.match, lines)
    opening = range(sum(1 for _ in leading))
    found = frozenset(
        index for index, line in enumerate(lines) if index in opening or _PROPERTY.match(line)
    )
    if not found:
        return found
    others = [line for index, line in enumerate(lines) if line.strip() and index not in found]
    bullets = sum(1 for line in others if _BULLET.match(line))
    return found if others and bullets >= OUTLINE_SHARE * len(others) else frozenset()
