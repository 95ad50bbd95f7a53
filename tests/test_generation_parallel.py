"""Long notes are drafted on two cores, and give the deck drafting in order gives: a fact the
later half repeats from the earlier is carded once, and where the second core's work fails the
first does it; many cards are checked on two cores, with the findings checking in order gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from revise.generation import cards, checker, draft_deck, parallel
from revise.generation.checker import check_deck
from tests.generated_notes import deck_notes

NOTES = """# Revision notes

## Enzymes
Enzymes are biological catalysts made of protein.
The active site is the part of an enzyme where the substrate binds.
Amylase breaks down starch into maltose.

## The Cold War
The Berlin Blockade began in June 1948.
NATO was founded in 1949 as a military alliance.
The Cuban Missile Crisis took place in October 1962.

## Respiration
Aerobic respiration releases energy from glucose using oxygen.
Anaerobic respiration in muscles produces lactic acid.
Mitochondria are the site of aerobic respiration.

## Digestion
Bile is made in the liver and stored in the gall bladder.
Amylase breaks down starch into maltose.
Protease enzymes break down proteins into amino acids.
"""

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="no second core to fork onto")


def in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    with monkeypatch.context() as patch:
        patch.setattr(cards, "can_fork", lambda: False)
        return [(note.front, note.back) for note in deck_notes(tmp_path, NOTES, "notes.md")]


def counted(copies: list[object]) -> type[parallel.Forked[object]]:
    """Forked, noting each copy of the process it makes in `copies`."""

    class Counted(parallel.Forked[object]):
        def __init__(self, work: Callable[[], object]) -> None:
            copies.append(work)
            super().__init__(work)

    return Counted


def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The deck with the later half drafted by a copy of the process (checked to be made)."""
    copies: list[object] = []
    with monkeypatch.context() as patch:
        patch.setattr(cards, "MIN_CHARS_TO_SHARE", 0)
        patch.setattr(cards, "Forked", counted(copies))
        cards_made = [(note.front, note.back) for note in deck_notes(tmp_path, NOTES, "notes.md")]
    assert len(copies) == 1
    return cards_made


@needs_fork
def test_notes_drafted_on_two_cores_give_the_deck_drafted_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = shared(tmp_path, monkeypatch)
    assert made == in_order(tmp_path, monkeypatch)
    # the later half's copy of a line carded in the earlier half gives no second card
    assert sum("Amylase" in front for front, _ in made) == 1
    assert "What are enzymes?" in {front for front, _ in made}


@needs_fork
def test_where_the_second_core_fails_the_first_drafts_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*_: object) -> list[object]:
        raise MemoryError

    expected = in_order(tmp_path, monkeypatch)
    monkeypatch.setattr(cards, "_later_drafts", fails)
    assert shared(tmp_path, monkeypatch) == expected


def test_one_core_or_a_threaded_process_drafts_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert not parallel.can_fork()


@needs_fork
def test_cards_checked_on_two_cores_get_the_findings_checked_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    draft, _ = draft_deck(notes)
    # the drafts, and each again with its answer run on past what a card may ask
    cards_drafted = [*draft.notes, *(replace(note, back=note.back * 12) for note in draft.notes)]
    deck = replace(draft, notes=cards_drafted)
    sources = {draft.notes[0].source.path: NOTES}
    in_order = check_deck(deck, sources)
    monkeypatch.setattr(checker, "MIN_CARDS_TO_SHARE", 0)
    copies: list[object] = []
    monkeypatch.setattr(checker, "Forked", counted(copies))
    assert check_deck(deck, sources) == in_order
    assert len(copies) == 1
    assert any(finding.check == 2 for finding in in_order)  # the long answers are found
