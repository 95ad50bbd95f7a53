"""Which stored note an edited note was, so that its cards keep their review history.

Notes whose key (explicit id, or normalised meaning) is unchanged are matched before this runs;
what is left is notes whose text changed. Each side of a note is compared on its own (an edited
card usually keeps one side and extends or fixes the other), with rapidfuzz's token-set ratio so
that adding words to a side (`der Bruder` -> `der Bruder (pl. Brüder)`) still reads as the same
side, and the sides are weighted by their length. Pairs are then taken best score first across the
whole file, each note at most once: every pair made is the best still open for both its notes, so
a new card added above an edited one cannot take the edited card's history by coming first.

A note left unpaired whose front is that of a stored note left unpaired is that note however much
its back changed (Anki's rule for notes without a guid: the first field names the note), where no
other note on either side has that front (two would say nothing of which is which). A note whose
front was rewritten, and that resembles no stored note, is a new one, as in Anki.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from revise.formats.model import normalise

SIMILAR_ENOUGH = 85.0  # score (0-100) at which an edited note is the same note
MAX_FUZZY_PAIRS = 4_000_000  # beyond this many comparisons an import skips typo matching
_CANDIDATES_PER_SIDE = 20  # stored notes considered per way of finding them, per edited note
_NEAR_ENOUGH = 70.0  # whole-text ratio worth scoring side by side


@dataclass(frozen=True)
class Text:
    """A note as compared: its kind and its two sides, normalised."""

    kind: str
    front: str
    back: str

    @classmethod
    def of(cls, kind: str, front: str, back: str) -> Text:
        return cls(kind, normalise(front), normalise(back))


def side_score(old: str, new: str) -> float:
    if not old and not new:
        return 100.0
    return fuzz.token_set_ratio(old, new)


def similarity(old: Text, new: Text) -> float:
    """How alike two notes are (0-100): each side's score weighted by the side's length."""
    if old.kind != new.kind:
        return 0.0
    total = weights = 0.0
    for before, after in ((old.front, new.front), (old.back, new.back)):
        weight = max(len(before), len(after))
        total += weight * side_score(before, after)
        weights += weight
    return total / weights if weights else 100.0


def match_edited(stored: Sequence[Text], incoming: Sequence[Text]) -> dict[int, int]:
    """Pairs {incoming index: stored index} of notes similar enough to be the same note, then
    of the notes left whose front only they have (see the module's note).

    Each incoming note is scored against the stored notes that share one side with it exactly
    (the usual edit: one side kept, the other fixed or extended) and those closest to it as a
    whole, found at rapidfuzz's C speed; scoring every pair would be quadratic in Python.
    """
    if not stored or not incoming:
        return {}
    pairs = _alike(stored, incoming) if len(stored) * len(incoming) <= MAX_FUZZY_PAIRS else {}
    taken = set(pairs.values())
    old = _unique_fronts(stored, taken)
    new = _unique_fronts(incoming, set(pairs))
    pairs.update((index, old[front]) for front, index in new.items() if front in old)
    return pairs


def _unique_fronts(texts: Sequence[Text], paired: set[int]) -> dict[tuple[str, str], int]:
    """(kind, front) -> index, of the texts not `paired` whose front no other such text has."""
    seen: dict[tuple[str, str], int | None] = {}
    for index, text in enumerate(texts):
        if index not in paired and text.front:
            front = (text.kind, text.front)
            seen[front] = None if front in seen else index
    return {front: index for front, index in seen.items() if index is not None}


def _alike(stored: Sequence[Text], incoming: Sequence[Text]) -> dict[int, int]:
    """The pairs of notes similar enough, best first, each note at most once."""
    by_side: dict[tuple[int, str], list[int]] = {}
    for index, text in enumerate(stored):
        for side, value in enumerate((text.front, text.back)):
            if value:
                by_side.setdefault((side, value), []).append(index)
    wholes = [f"{text.front} {text.back}" for text in stored]
    scored: list[tuple[float, int, int]] = []
    for new_index, new in enumerate(incoming):
        near: set[int] = set()
        for side, value in enumerate((new.front, new.back)):
            same = by_side.get((side, value), [])
            if value and len(same) <= _CANDIDATES_PER_SIDE:
                near.update(same)
        found = process.extract(
            f"{new.front} {new.back}",
            wholes,
            scorer=fuzz.ratio,
            score_cutoff=_NEAR_ENOUGH,
            limit=_CANDIDATES_PER_SIDE,
        )
        near.update(index for _, _, index in found)
        for old_index in near:
            score = similarity(stored[old_index], new)
            if score >= SIMILAR_ENOUGH:
                scored.append((-score, new_index, old_index))
    scored.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, new_index, old_index in scored:
        if new_index not in pairs and old_index not in taken:
            pairs[new_index] = old_index
            taken.add(old_index)
    return pairs
