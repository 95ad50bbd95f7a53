"""Pages of an outliner (Logseq, Roam Research): every line a bullet, and `key:: value` lines that
set a page's or a block's properties (`tags:: biology`, `collapsed:: true`, `id:: 64a1...`).

A property line is written like a one-line flashcard (`front::back`), so it is told apart by the
page it sits in: a key of one lower-case word, in a page whose other lines are nearly all
bullets. Roam Research keeps a key as it was typed (`Tags:: [[Sociology]]`), so a key of one
capitalised word is a property too where it opens the page. Such lines are no cards of a deck and
no text of the notes.

A block's field (`Date:: 14 October 1066`, `Key people:: Harold, William`), which Tana, Roam and
Logseq write under a bullet with a key of a word or three, is a fact of the notes but no card
either: a page of such bullets is notes, not a vault of flashcards.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

_PROPERTY = re.compile(r"^\s*(?:[-*]\s+)?[a-z][a-z0-9_-]*::(?:[ \t].*)?$")
# A page's own attributes, at its top, as Roam Research writes them: `Status:: in progress`
_PAGE_ATTRIBUTE = re.compile(r"^\s*(?:[-*]\s+)?[A-Z][A-Za-z0-9_-]*::[ \t]+\S.*$")
# A field of a block: a key of one to three words, a space after the `::`
_FIELD = re.compile(r"^\s*(?:[-*]\s+)?[A-Za-z][\w'-]*(?: [\w'-]+){0,2}::[ \t]+\S")
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
