"""Notes written for a documentation site (MkDocs Material, Docusaurus): boxes, folded
questions and tabs hold notes like any other lines."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck

SITE_NOTES = """\
---
title: Rocks
---

# Rocks

!!! note "Molten rock"
    **Magma** - molten rock found beneath the surface of the Earth.

    **Lava** - the name for magma once it has erupted onto the surface.

!!! todo
    Add the rock cycle diagram from the textbook.

=== "Intrusive"

    - **Granite** cools slowly underground, so it has large crystals[^1]

=== "Extrusive"

    - **Basalt** cools quickly at the surface, so it has small crystals

??? question "Why does limestone weather in acid rain?"
    It is mostly calcium carbonate, which reacts with acids.

:::info Metamorphic rock
**Marble** is formed when limestone is changed by heat and pressure.
:::

[^1]: seen in Dartmoor's tors.

*[SiO2]: silica
"""


def site_deck(tmp_path: Path) -> list[NoteData]:
    path = tmp_path / "rocks.md"
    path.write_text(SITE_NOTES, encoding="utf-8")
    return generate_deck(path).notes


def line_of(text: str) -> int:
    return next(n for n, line in enumerate(SITE_NOTES.splitlines(), 1) if text in line)


def test_a_box_of_definitions_is_read_under_its_title(tmp_path: Path) -> None:
    notes = site_deck(tmp_path)
    magma = next(note for note in notes if "beneath the surface" in f"{note.front} {note.back}")
    assert "magma" in f"{magma.front} {magma.back}".lower()
    assert magma.context.endswith("Molten rock")
    assert magma.source.start == line_of("**Magma**")
    assert any("erupted onto the surface" in f"{note.front} {note.back}" for note in notes)


def test_tabs_folded_questions_and_fenced_boxes_give_cards(tmp_path: Path) -> None:
    notes = site_deck(tmp_path)
    said = {note.front: note for note in notes}
    assert any(
        "large crystals" in f"{n.front} {n.back}" and "Intrusive" in n.context for n in notes
    )
    assert any(
        "small crystals" in f"{n.front} {n.back}" and "Extrusive" in n.context for n in notes
    )
    why = said["Why does limestone weather in acid rain?"]
    assert why.kind is NoteKind.BASIC and "calcium carbonate" in why.back
    assert any("Marble" in f"{n.front} {n.back}" for n in notes)


def test_a_to_do_box_and_footnote_marks_give_nothing(tmp_path: Path) -> None:
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in site_deck(tmp_path))
    for residue in ("textbook", "[^1]", "^1", "!!!", "???", "===", ":::", "silica", "Dartmoor"):
        assert residue not in said
