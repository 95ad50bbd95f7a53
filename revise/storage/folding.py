"""A note's text as search compares it (lower case, accents gone), stored beside the text.

Search ignores case and accents. Folding every note's text while a search runs costs a Python
call per note (seconds on a large collection), so each searched column of a note has a folded
copy, written with it by everything that writes notes: `folded(values)` gives the copies for the
columns among `values`. A note whose copies do not match its text is not found as it should be;
tests/test_search.py checks every write path keeps them equal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

# A searched column of the notes table, and the column holding its folded copy.
FOLDED_COLUMNS = {
    "front": "folded_front",
    "back": "folded_back",
    "context": "folded_context",
    "tags": "folded_tags",
}


def fold(text: str) -> str:
    """`text` lower-cased and without accents: what a search compares."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded(values: Mapping[str, object]) -> dict[str, str]:
    """The folded copies of the searched columns among a note's `values` (column: value).
    Tags are kept with a space before and after, so a tag is found as " tag " without
    building that string for every note while searching."""
    return {
        FOLDED_COLUMNS[name]: f" {fold(str(value))} " if name == "tags" else fold(str(value))
        for name, value in values.items()
        if name in FOLDED_COLUMNS
    }
