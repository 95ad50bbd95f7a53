"""Markdown flashcards in the Obsidian Spaced Repetition plugin's syntax."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from revise.errors import FormatError
from revise.formats.model import NoteKind, card_faces
from revise.formats.obsidian import looks_like_obsidian, read_obsidian

VAULT_NOTE = """\
---
title: Cells
tags: [biology, flashcards/bio/cells]
---
# Cells

The powerhouse of the cell::mitochondria
<!--SR:!2024-08-16,51,230-->

Nucleus:::holds the DNA <!--SR:!2024-08-10,5,250!2024-08-12,7,270-->

## Membranes
What does the
cell membrane do?
?
Controls what
enters and leaves

Osmosis
??
Diffusion of water across a membrane

The first female ==prime minister==^[job] of Australia was ==Julia Gillard==.

This is ==in group 1==[^1], this ==in group 2==[^2]
and this also ==in group 1==[^1]

Prose mentioning a ratio 3:2 is not a card.

```python
key::value inside code is not a card
```

#flashcards/chemistry
H2O::water

#flashcards/physics Speed of light::299,792 km/s
"""


@pytest.fixture
def decks(tmp_path):
    path = tmp_path / "cells.md"
    path.write_text(VAULT_NOTE, encoding="utf-8")
    return {deck.name: deck for deck in read_obsidian(path)}


def test_cards_of_every_style_and_their_decks(decks):
    assert set(decks) == {"bio::cells", "chemistry", "physics"}
    notes = decks["bio::cells"].notes
    assert [(note.kind, note.front, note.back) for note in notes[:4]] == [
        (NoteKind.BASIC, "The powerhouse of the cell", "mitochondria"),
        (NoteKind.REVERSED, "Nucleus", "holds the DNA"),
        (NoteKind.BASIC, "What does the\ncell membrane do?", "Controls what\nenters and leaves"),
        (NoteKind.REVERSED, "Osmosis", "Diffusion of water across a membrane"),
    ]
    assert notes[2].context == "Cells > Membranes"
    assert notes[2].line == 13
    assert [(n.front, n.back) for n in decks["chemistry"].notes] == [("H2O", "water")]
    assert [(n.front, n.back) for n in decks["physics"].notes] == [
        ("Speed of light", "299,792 km/s")
    ]


def test_cloze_cards_with_hints_and_groups(decks):
    hinted, grouped = decks["bio::cells"].notes[4:6]
    assert hinted.kind is NoteKind.CLOZE
    assert [face.prompt for face in card_faces(hinted)] == [
        "The first female [job] of Australia was Julia Gillard.",
        "The first female prime minister of Australia was [...].",
    ]
    assert [face.answer for face in card_faces(grouped)] == [
        "in group 1, in group 1",
        "in group 2",
    ]
    assert len(decks["bio::cells"].notes) == 6


def test_scheduling_comments_become_review_states(decks):
    powerhouse, nucleus = decks["bio::cells"].notes[:2]
    schedule = powerhouse.history[0].schedule
    assert schedule.state == 2
    assert schedule.due == datetime(2024, 8, 16, tzinfo=UTC)
    assert schedule.last_review == schedule.due - timedelta(days=51)
    assert schedule.stability == 51
    assert 1 <= schedule.difficulty <= 10
    assert [h.schedule.due.date().isoformat() for h in nucleus.history] == [
        "2024-08-10",
        "2024-08-12",
    ]
    assert decks["bio::cells"].notes[2].history == []


def test_detection_and_errors(tmp_path):
    assert looks_like_obsidian(VAULT_NOTE)
    assert not looks_like_obsidian("# Notes\n\nThe Treaty of Portsmouth ended the war in 1905.\n")
    empty = tmp_path / "empty.md"
    empty.write_text("Just prose.\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"empty\.md: no flashcards found"):
        read_obsidian(empty)
    one_sided = tmp_path / "one.md"
    one_sided.write_text("intro\n\nQuestion::\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"one\.md:3: a flashcard with an empty side"):
        read_obsidian(one_sided)


@pytest.mark.parametrize(
    "schedule",
    ["<!--SR:!9999-99-99,51,230-->", "<!--SR:!2024-01-01,99999999999999,250-->"],
)
def test_a_schedule_no_calendar_holds_is_one_line_naming_the_card(tmp_path, schedule):
    """A month 99 or an interval past the year 9999 gave a ValueError or OverflowError
    traceback."""
    source = tmp_path / "cards.md"
    source.write_text(f"#flashcards\n\nchat::cat\n\nchien::dog\n{schedule}\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"cards\.md:5: the card's <!--SR:...--> schedule"):
        read_obsidian(source)
