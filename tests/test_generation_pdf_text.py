"""Notes copied out of a PDF revision guide: running headers and footers, words broken across
lines, ligatures, symbol-font bullets and tip boxes between the sections."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteKind
from revise.generation import generate_deck
from revise.generation.pagetext import as_letters, without_page_furniture

GUIDE = """\
A-level Biology Revision Guide                                   Cells
Topic 2: Transport across membranes

\uf0b7 Diffusion is the net movement of particles from a region of higher concen-
tration to a region of lower concentration, down a gradient.
\uf0b7 Factors affecting the rate of diffusion include temperature, surface area,
thickness of the exchange surface and the concentration gradient.

2.1 Osmosis
Osmosis is the diffusion of water molecules across a partially permeable mem-
brane, from a higher water potential to a lower water potential.

EXAM TIP
Learn this deﬁnition word for word: examiners want "water potential".

34                                                 © Bright Sparks Publishing
A-level Biology Revision Guide                                   Cells

2.2 Active transport
Active transport is the movement of molecules against a concentration gradient
using ATP released by respiration.
\uf0b7 Root hair cells take up mineral ions from the soil by active transport.

35                                                 © Bright Sparks Publishing
"""


def test_page_furniture_and_broken_words_are_undone_line_for_line() -> None:
    lines = without_page_furniture(as_letters(GUIDE).split("\n"))
    assert len(lines) == len(GUIDE.split("\n"))  # every line keeps its number
    text = "\n".join(lines[1:])
    assert lines[0].startswith("A-level Biology Revision Guide")  # the guide's title, once
    assert "Revision Guide" not in text and "Bright Sparks" not in text
    assert "higher concentration\nto a region" in text
    assert "partially permeable membrane,\nfrom a higher" in text
    assert "definition" in text and "\u2022 Root hair cells" in text
    # a hyphen of the word's own stays: "long-" over "term" is "long-term"
    assert without_page_furniture(["the long-", "term effects"]) == ["the long-", "term effects"]


def test_a_pdf_guide_gives_cards_from_every_section(tmp_path: Path) -> None:
    path = tmp_path / "transport.txt"
    path.write_text(GUIDE, encoding="utf-8")
    notes = generate_deck(path).notes
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in notes)
    assert "concentration to a region" in said  # the word broken across two lines is whole
    assert "membrane" in said and "mem- brane" not in said
    # the sections after the tip box are carded: the box heads its own lines only
    assert any("against a concentration gradient" in f"{n.front} {n.back}" for n in notes)
    for residue in ("Revision Guide", "Bright Sparks", "word for word", "\uf0b7", "\ufb01"):
        assert residue not in said
    assert generate_deck(path).name.startswith("A-level Biology Revision Guide")
    assert all(note.kind in (NoteKind.BASIC, NoteKind.CLOZE) for note in notes)


def test_a_decimal_section_number_titles_the_paragraph_below_it(tmp_path: Path) -> None:
    # a handout's "1.1 Title" over its paragraph: the title is the card's context
    path = tmp_path / "economy.txt"
    path.write_text(
        "THE UK ECONOMY\n\n1. Changes\n\n1.1 De-industrialisation\n"
        "Since the 1960s the UK has lost most of its manufacturing jobs.\n\n"
        "1.2 Science parks\n"
        "A science park is a group of technical businesses on one site, near a university.\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    lost = next(note for note in notes if "manufacturing jobs" in f"{note.front} {note.back}")
    assert lost.context.endswith("De-industrialisation")
    park = next(note for note in notes if "technical businesses" in f"{note.front} {note.back}")
    assert park.context.endswith("Science parks")


def test_a_bullet_left_mid_phrase_goes_on_onto_a_line_that_opens_on_a_year(tmp_path: Path) -> None:
    path = tmp_path / "surgery.txt"
    path.write_text(
        "SURGERY\n\n\u2022 Antiseptics \u2013 Joseph Lister used carbolic acid on wounds from\n"
        "1865, and deaths after amputation fell sharply.\n\u2022 Anaesthetics \u2013 James Simpson "
        "discovered chloroform in 1847.\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    said = [f"{note.front} {note.back}" for note in notes]
    assert any("from 1865" in card or "from [1865]" in card for card in said)
    assert not any(card.startswith(("1865", "[1865]")) for card in said)
