"""Text copied out of a PDF or a printed page: what the page's layout left in it.

A revision guide pasted from a PDF repeats its running header and footer on every page
("GCSE Physics Revision Guide      Forces", "12      © Revise Well"), breaks words across
lines ("propor-" / "tional"), draws bullets with a symbol font's private characters (U+F0B7)
and writes "fi" and "fl" as one ligature character. Each is undone here, line for line, so every
card still names the line it came from.
"""

from __future__ import annotations

import re
from collections import Counter

from revise.generation.patterns import lazy_regex

# a symbol font's bullets as a PDF keeps them (Symbol's and Wingdings' private-use characters)
SYMBOL_FONT_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8"
# the letters and the bullet a PDF's ligatures and drawn bullets stand for
_AS_LETTERS = {
    **dict.fromkeys(SYMBOL_FONT_BULLETS, "•"),
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb06": "st",
}
_DRAWN_LETTERS = lazy_regex(f"[{''.join(_AS_LETTERS)}]")
MIN_FURNITURE_REPEATS = 2  # a page's header or footer stands on two pages at least
# A running header or footer: two parts set far apart, or a page number at one end; a table's
# cells are set apart as well
SET_APART = lazy_regex(r"\S\s{3,}\S")
_THREE_SPACES = lazy_regex(r"\s\s\s")
_PAGE_NUMBER = lazy_regex(
    r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s{2,}\S|\S\s{2,}\d{1,4}\s*$", re.I
)
_TWO_SPACES = lazy_regex(r"\s\s")
_BROKEN_WORD = lazy_regex(r"(?P<head>[A-Za-z]{2,})-$")
_WORD_TAIL = lazy_regex(r"^(?P<indent>\s*)(?P<tail>[a-z]{2,})(?P<stop>[,.;:)]?)(?:\s+|$)")
# "┌────┐", "└────┘", "+-----+": the top or the bottom of a box, drawn in lines
_BOX_BORDER = lazy_regex(
    r"^\s*[\u250c\u2514\u251c\u2554\u255a\u2560\u256d\u2570][\u2500-\u257f]*\s*$"
)
# "│ EXAM TIP  Always say ... │": a line of the box, its text between two bars
_BOX_SIDES = lazy_regex(r"^\s*[\u2502\u2503\u2551]\s?(?P<text>.*?)\s*[\u2502\u2503\u2551]?\s*$")
_TABLE_ROW = lazy_regex(r"^\s*\|.*\|\s*$")  # cells between "|", drawn as a table's row
MIN_JOINED_ZIPF = 1.0  # "propor" + "tional": joined, a word a dictionary of English knows


def as_letters(text: str) -> str:
    """Ligatures and a symbol font's bullets as the letters and bullet they stand for."""
    return _DRAWN_LETTERS.sub(lambda drawn: _AS_LETTERS[drawn[0]], text)


def without_page_furniture(lines: list[str]) -> list[str]:
    """The lines with a running header or footer blank (but the header the notes open on, their
    title), and each word broken across two lines whole on the first."""
    like = [_furniture_like(line) for line in lines]
    repeats = Counter(_shape(line) for line, alike in zip(lines, like, strict=True) if alike)
    top = next((index for index, line in enumerate(lines) if line.strip()), -1)

    def furniture(index: int, line: str) -> bool:
        if not like[index] or repeats[_shape(line)] < MIN_FURNITURE_REPEATS:
            return False
        # (the header the notes open on names them, as the guide's title)
        return index != top or bool(_PAGE_NUMBER.search(line))

    gone = {index for index, line in enumerate(lines) if furniture(index, line)}
    gone |= _beside_furniture(lines, gone)
    kept = ["" if index in gone else _unboxed(line) for index, line in enumerate(lines)]
    return _joined_words(kept)


MAX_RUNNING_TITLE_WORDS = 8


def _beside_furniture(lines: list[str], furniture: set[int]) -> set[int]:
    """ "Chapter 23 Transition metals" next to "388      AQA Chemistry" on every page: a
    running title of its own line, said again beside the header or footer each time."""
    beside: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = " ".join(line.split())
        if index in furniture or not text or len(text.split()) > MAX_RUNNING_TITLE_WORDS:
            continue
        if {index - 1, index + 1} & furniture:
            beside.setdefault(text, []).append(index)
        else:
            beside.setdefault(text, []).append(-1)  # said once away from them: the notes' own
    return {
        index
        for found in beside.values()
        if len(found) >= MIN_FURNITURE_REPEATS and -1 not in found
        for index in found
    }


def _unboxed(line: str) -> str:
    """A line of a box drawn round a tip: its border blank, as a blank line ends the text above
    it, and its text without the bars at its sides."""
    if _BOX_BORDER.match(line):
        return ""
    sides = _BOX_SIDES.match(line)
    return sides["text"] if sides else line


def _furniture_like(line: str) -> bool:
    text = line.strip()
    if not _TWO_SPACES.search(text):
        return False  # (most lines: both shapes need a wide gap between two of its words)
    if _TABLE_ROW.match(line):
        return False  # "| 0 | 1 |  1   |": a row of a table, however often its shape comes again
    return set_apart(text) or bool(_PAGE_NUMBER.search(line))


def set_apart(line: str) -> bool:
    """A gap of three spaces or more between two words (looked for only where there are three
    spaces in a row, as in few lines)."""
    return bool(_THREE_SPACES.search(line)) and bool(SET_APART.search(line))


def _shape(line: str) -> str:
    """ "12      © Revise Well" and "13      © Revise Well": one footer, the page aside; and
    "AQA Chemistry      387" and "388      AQA Chemistry": one, its number on the page's outer
    edge."""
    text = re.sub(r"^\d{1,4}\s+|\s+\d{1,4}$", "", " ".join(line.split()))
    return re.sub(r"\d+", "#", text)


def _joined_words(lines: list[str]) -> list[str]:
    from revise.generation.language import is_stopword, zipf

    joined = list(lines)
    for index in range(len(joined) - 1):
        line = joined[index].rstrip()
        broken = _BROKEN_WORD.search(line) if line.endswith("-") else None
        tail = _WORD_TAIL.match(joined[index + 1])
        if not broken or not tail:
            continue
        word = broken["head"] + tail["tail"]
        common = zipf(word.casefold())
        # ("in-" over "to": two little words never make a word with a hyphen of its own)
        little = is_stopword(broken["head"].casefold()) and is_stopword(tail["tail"].casefold())
        hyphened = zipf(f"{broken['head']}-{tail['tail']}".casefold())
        if common < MIN_JOINED_ZIPF or (common < hyphened and not little):
            continue  # "long-" / "term": a hyphen of the word's own
        head = joined[index].rstrip()
        joined[index] = head[: -len(broken["head"]) - 1] + word + tail["stop"]
        joined[index + 1] = tail["indent"] + joined[index + 1][tail.end() :]
    return joined
