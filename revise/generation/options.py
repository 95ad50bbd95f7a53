"""A fact's ways to become a card: each option is one card it could make, best first."""

from __future__ import annotations

from dataclasses import dataclass

from revise.formats.model import NoteData, NoteKind, SourceRef


@dataclass(frozen=True)
class Option:
    """One way to make a card of a fact."""

    note: NoteData
    answer: str
    score: float
    masked: str  # the prompt with its answer hidden, to spot interfering siblings
    # a table cell, asked by its row and column, or a formula's side asked by the other: the
    # answer may recur (der/die/das; "tan 45° = ? :: 1" beside "sin²θ + cos²θ ≡ ? :: 1")
    cell: bool = False
    form: bool = False  # a word's form in a table of forms: each table asks its own
    # the fact asked the other way round ("What happened in Jan 1923?" for "[Jan 1923] - ..."):
    # as good a card, which may stand in for the one the checker refused
    stands_in: bool = False


@dataclass
class Draft:
    options: list[Option]  # best first


ONLY_OPTION_SCORE = 10.0  # a fact with one way to be asked: nothing ranks beside it


def basic_draft(front: str, answer: str, context: str, source: SourceRef) -> Draft:
    """A fact asked one way only, as a question and its answer."""
    note = NoteData(NoteKind.BASIC, front, answer, context=context, source=source)
    return Draft([Option(note, answer, ONLY_OPTION_SCORE, front)])
