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


# A chemistry guide's pages as text copied out of the PDF: a tip drawn in a box between sections
BOXED_TIP_GUIDE = """\
GCSE Chemistry Revision Guide                         Rates of Reaction
Measuring the rate of reaction
The rate of a chemical reaction can be found by measuring the amount
of a reactant used or the amount of a product formed over time. The
mean rate is the quantity used or formed divided by the time taken.
• Gas syringe: the volume of gas given off is recorded every ten sec-
onds, for example when magnesium reacts with hydrochloric acid.
• Mass loss: the flask is placed on a balance and the mass falls as
carbon dioxide escapes, as in the reaction of marble chips with acid.
• Disappearing cross: sodium thiosulfate reacts with acid to form a
yellow precipitate of sulfur, and the time taken for the cross to
vanish is measured.
Factors affecting the rate
• Temperature \u2013 particles move faster and collide more often and with
more energy, so a greater proportion of collisions are successful.
• Concentration \u2013 there are more particles in the same volume, so
collisions happen more frequently.
• Catalysts \u2013 a catalyst provides a different reaction pathway with a
lower activation energy and is not used up in the reaction.
┌──────────────────────────────────────────────────────────────┐
│ EXAM TIP  Always say 'more frequent collisions', not just     │
│ 'more collisions' \u2013 the mark is for the frequency.            │
└──────────────────────────────────────────────────────────────┘
Reversible reactions
Some reactions can go in both directions. When ammonium chloride is
heated it breaks down into ammonia and hydrogen chloride; on cooling
they react to form ammonium chloride again. In a closed system a re-
versible reaction reaches equilibrium, where the forward and reverse
reactions happen at exactly the same rate.
24                                                  Rates of Reaction
GCSE Chemistry Revision Guide                         Rates of Reaction
Le Chatelier's principle
If a system at equilibrium is changed, the position of equilibrium
shifts to counteract the change. Increasing the pressure shifts it
towards the side with fewer molecules of gas, and raising the tempera-
ture shifts it in the direction of the endothermic reaction.
25                                                  Rates of Reaction
"""


def test_a_box_drawn_round_a_tip_leaves_no_border_in_the_cards(tmp_path: Path) -> None:
    path = tmp_path / "rates.txt"
    path.write_text(BOXED_TIP_GUIDE, encoding="utf-8")
    notes = generate_deck(path).notes
    said = [f"{note.front} {note.back} {note.context}" for note in notes]
    assert not any(char in card for card in said for char in "\u2502\u250c\u2514\u2500")
    assert not any("more collisions" in card for card in said)  # the tip is advice, no fact
    # the sections on both sides of the box are carded, each under its own heading
    assert any("Factors affecting the rate" in note.context for note in notes)
    assert any(
        "Le Chatelier" in note.context and "equilibrium" in f"{note.front} {note.back}"
        for note in notes
    )
    lines = without_page_furniture(BOXED_TIP_GUIDE.split("\n"))
    assert len(lines) == len(BOXED_TIP_GUIDE.split("\n"))  # every line keeps its number
    assert "EXAM TIP  Always say 'more frequent collisions', not just" in lines
    assert "" in lines[19:24] and not any("\u2500" in line for line in lines)


def test_two_little_words_broken_across_lines_are_one_word() -> None:
    # "in-" over "to": the word "into" broken at the line end, which no hyphen belongs in
    lines = ["The nurse poured the solution in-", "to a sterile flask with-", "in a minute."]
    assert without_page_furniture(lines) == [
        "The nurse poured the solution into",
        "a sterile flask within",
        "a minute.",
    ]
    # ("long-" over "term": a hyphen of the word's own stays)
    assert without_page_furniture(["the long-", "term effects"]) == ["the long-", "term effects"]


def test_a_running_title_beside_page_numbers_on_either_edge_is_no_heading(tmp_path: Path) -> None:
    """A textbook's pages number on their outer edge ("AQA Chemistry      387", then "388
    AQA Chemistry") with the chapter's title on a line of its own beside them: all of it is the
    page's, none of it a heading of the cards below it."""
    path = tmp_path / "chapter.txt"
    path.write_text(
        "Transition metals\n\n"
        "Complex ions\n"
        "A ligand is a molecule or ion that forms a co-ordinate bond with a transition metal by\n"
        "donating a pair of electrons.\n"
        "Bidentate ligands form two co-ordinate bonds, e.g. ethane-1,2-diamine.\n"
        "AQA Chemistry                                                    387\n"
        "Chapter 23 Transition metals\n"
        "Multidentate ligands form more than two co-ordinate bonds; EDTA4- forms six.\n\n"
        "Catalysts\n"
        "Vanadium(V) oxide is the catalyst in the Contact process.\n"
        "Chapter 23 Transition metals\n"
        "388                                                    AQA Chemistry\n"
        "Iron is the catalyst in the Haber process.\n",
        encoding="utf-8",
    )
    deck = generate_deck(path)
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    assert "Haber process" in said and "ligand" in said
    assert "AQA" not in said and "Chapter 23" not in said
