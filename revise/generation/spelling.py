"""Slips of the pen: a word written once that is one letter from a much commoner word."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from revise.generation import frequency
from revise.generation.grammar import lemmas
from revise.generation.language import is_stopword, zipf

TYPO_ZIPF = 3.0  # a misspelt word is rarer than this ...
COMMON_WORDS = 50_000  # ... and one letter away from one of this many commonest words
WORD_TYPO_GAIN = 1.5  # ... that is this much commoner (zipf)
NAME_TYPO_GAIN = 1.3  # a name is a slip only next to a name this much commoner ...
NAME_TYPO_FLOOR = 3.5  # ... and at least this common itself
MIN_CHECKED_LENGTH = 4
MIN_CUT_LENGTH = 6  # a word cut short ("Internation") is at least this long ...
CUT_LETTERS = 3  # ... and lacks at most this many letters of a common word
CUT_WORD_ZIPF = 4.0  # ... that is at least this common
SLIP_NEIGHBOUR_USES = 3  # a word written once beside one the notes use this often is a slip


@lru_cache(maxsize=16384)
def looks_misspelt(token: str, name: bool) -> bool:
    """ "Issac" for Isaac, "Permanance", "Carribean": rare, in no dictionary, and one edit
    from a much commoner word of its kind. A name is spelt as its owner likes unless the
    commoner one is a well-known name too; a rare dictionary word ("radii") is never a slip."""
    if (
        not token.isalpha()
        or len(token) < MIN_CHECKED_LENGTH
        or any(c.isupper() for c in token[1:])
    ):
        return False
    lower = token.casefold()
    rarity = zipf(lower)
    if rarity >= TYPO_ZIPF or lemmas(lower):
        return False
    if any(
        "VERB" in lemmas(lower[: -len(ending)]) for ending in ("r", "er") if lower.endswith(ending)
    ):
        return False  # "decomposer", "absorber": who or what does what a verb says, no slip
    gain, floor = (NAME_TYPO_GAIN, NAME_TYPO_FLOOR) if name else (WORD_TYPO_GAIN, 0.0)
    common = _common_words()
    if not name and len(lower) >= MIN_CUT_LENGTH and _cut_short(lower, rarity):
        return True  # "Internation" for "International"
    return any(
        other in common
        and zipf(other) >= max(rarity + gain, floor)
        and _same_kind(lower, other, name)
        for other in _one_edit(lower)
    )


def _same_kind(lower: str, other: str, name: bool) -> bool:
    """A word's slip is near a word ("permanance", "permanence"); a name's near a name that
    starts as it does ("Issac", "Isaac") and is no stem of it: "Cady" beside "candy", "Crédit"
    beside "credit", "Pauli" beside "Paul" or "constantan" beside the name "Constantin" are
    words of their own."""
    if not name:
        return bool(lemmas(other))
    return (
        other[0] == lower[0]
        and not lower.startswith(other)
        and not lemmas(other)
        and not is_stopword(other)
    )


def slip_in_notes(token: str, uses: Callable[[str], int]) -> bool:
    """ "deprecation" once in notes that say "depreciation" ten times: a real word, but one
    letter from the word the notes are about, so a slip of the pen there. `uses(word)` counts
    a word in the notes."""
    lower = token.casefold()
    if not lower.isalpha() or len(lower) < MIN_CHECKED_LENGTH or uses(lower) > 1:
        return False
    if zipf(lower) >= TYPO_ZIPF:
        return False  # "affect" beside "effect": both words any writer means
    return any(
        uses(other) >= SLIP_NEIGHBOUR_USES
        for other in _one_edit(lower)
        if not (other.startswith(lower) or lower.startswith(other))  # "lipase", "lipases"
    )


def _cut_short(lower: str, rarity: float) -> bool:
    return any(
        word.startswith(lower)
        and len(word) - len(lower) <= CUT_LETTERS
        and zipf(word) >= max(CUT_WORD_ZIPF, rarity + WORD_TYPO_GAIN)
        for word in _common_by_start().get(lower[:3], ())
    )


@lru_cache(maxsize=1)
def _common_by_start() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for word in _common_words():
        groups.setdefault(word[:3], []).append(word)
    return {start: tuple(words) for start, words in groups.items()}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English words at least this common (wordfreq's list is ranked by use)."""
    return frozenset(frequency.common_words(COMMON_WORDS))


def _one_edit(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]),
        *(a + c + b for a, b in splits for c in letters),
    } - {word}
