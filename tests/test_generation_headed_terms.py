"""Cards from a paragraph whose heading names the term it defines: the term asked with its heading
left out of the card's context, and a meaning written without its term asked as what the heading's
thing is."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str) -> list[NoteData]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def asked(notes: list[NoteData]) -> dict[str, str]:
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


def test_a_long_meaning_under_the_heading_naming_its_term_hides_the_term(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Macroeconomics\n\n## Inflation\n\nInflation is the sustained rise in the general price "
        "level of goods and services in an economy over a period of time.\n",
    )
    [card] = notes
    assert card.kind is NoteKind.CLOZE
    assert card.front.startswith("[Inflation] is the sustained rise in the general price level")
    assert card.context == "Macroeconomics"  # the heading would give the term away


def test_a_meaning_without_its_term_under_the_heading_is_asked_as_what_it_is(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Markets\n\n## Equilibrium price\n\nThe price at which the quantity demanded equals "
        "the quantity supplied.\n\n## Deflation\n\nThe prices of most imported goods fall while "
        "wages stay the same.\n\n## Scarcity\n\nAn economy has limited resources but unlimited "
        "wants.\n",
    )
    assert asked(notes)["What is equilibrium price?"] == (
        "The price at which the quantity demanded equals the quantity supplied"
    )
    # a sentence with a verb of its own says something of another thing: no "What is ...?"
    assert not any(
        front.startswith(("What is deflation", "What is scarcity")) for front in asked(notes)
    )


def test_a_sentence_whose_verb_could_be_a_noun_is_no_meaning_of_the_heading(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Biology and history\n\n## Photosynthesis\n\nThe plant uses light energy to make "
        "glucose in its chloroplasts.\n\n## Feudalism\n\nThe king rules with the support of "
        "the nobles.\n\n## Rationing\n\nThe government controls prices of bread and fuel.\n",
    )
    # "uses", "rules", "controls" are verbs here: the sentences say what a thing does
    assert not any(
        front.startswith(("What is photosynthesis", "What is feudalism", "What is rationing"))
        for front in asked(notes)
    )
    assert asked(notes)["What does the government control?"] == "Prices of bread and fuel"


def test_a_term_a_paragraph_opens_on_is_hidden_without_the_heading_naming_it(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Titrations\n\n## Indicators\n\nAn **indicator** dye changes colour over a narrow range "
        "of pH, showing the end point of a titration.\n",
    )
    [card] = notes
    assert card.front.startswith("An [indicator] dye changes colour over a narrow range of pH")
    assert card.context == "Titrations"


def test_a_name_for_a_method_under_a_heading_is_no_meaning_of_the_heading(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Separating mixtures\n\n## Chromatography\n\nThe paper method. A spot of ink is placed "
        "on a pencil line and the paper is dipped in a solvent such as ethanol.\n",
    )
    assert not any(front.casefold().startswith("what is chromatography") for front in asked(notes))


def test_a_line_without_a_subject_is_asked_of_the_thing_its_heading_names(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Enzymes and drugs\n\n## Pepsin\n\n- works best when the pH is about 2\n\n"
        "## Penicillin\n\n- discovered by Alexander Fleming 1928\n"
        "- kills bacteria by breaking down their cell walls\n",
    )
    cards = asked(notes)
    assert cards["When does pepsin work best?"] == "When the pH is about 2"
    assert cards["Who discovered penicillin in 1928?"] == "Alexander Fleming"
    assert cards["How does penicillin kill bacteria?"] == "By breaking down their cell walls"
    assert {note.context for note in notes} == {"Pepsin", "Penicillin"}


def test_a_gate_in_capitals_is_the_subject_of_the_lines_under_its_numbered_heading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gates.txt"
    path.write_text(
        "LOGIC GATES\n===========\n\nThe gates\n---------\n\n"
        "1) AND\n   * output 1 only if BOTH inputs are 1\n   * symbol = D shape\n\n"
        "2) NOR  (NOT OR)\n   * output 1 only when both inputs are 0, i.e. neither is on\n"
        "   * symbol = OR with a bubble\n",
        encoding="utf-8",
    )
    cards = asked(generate_deck(path).notes)
    assert cards["When does AND output 1?"] == "Only if BOTH inputs are 1"
    assert cards["When does NOR output 1?"] == "Only when both inputs are 0"


def test_a_heading_naming_a_kind_of_point_lends_no_subject(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Civil rights\n\n## Demands\n\n- end to segregation in public schools and buses\n\n"
        "## Criticisms\n\n- ignores the part played by ordinary people in the South\n\n"
        "## High-mass stars\n\n- become red supergiants (e.g. Betelgeuse in Orion)\n",
    )
    fronts = [note.front for note in notes]
    assert not any(front.startswith(("Demands end", "Criticisms ignore")) for front in fronts)
    assert any(front.startswith("High-mass stars become red supergiants") for front in fronts)


def test_a_likeness_under_a_heading_is_asked_as_what_its_thing_is_like(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Sorting and charges\n\n## Insertion sort\n\n- like sorting a hand of cards\n\n"
        "## Static electricity\n\n- like charges repel, unlike charges attract\n",
    )
    cards = asked(notes)
    assert cards["What is insertion sort like?"] == "Sorting a hand of cards"
    # "like charges" are charges of one sign: no likeness of static electricity
    assert not any(front.startswith("What is static electricity like") for front in cards)


def test_a_line_opening_on_its_verb_in_a_note_is_said_of_the_note_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Zettelkasten - Particles\n\none idea per card. links = [[ID]]\n---\n"
        "ID: 202611021805\n## Specific charge\nspecific charge = charge / mass, units C kg^-1\n"
        "electron has the biggest specific charge of any particle we need: 1.76 x 10^11 C kg^-1, "
        "about 1800 times the proton's\n"
        "links: [[202611021810]]\n---\nID: 202611021810\n## Strong nuclear force\n"
        "holds nucleons together, overcomes electrostatic repulsion between protons\n"
        "repulsive below about 0.5 fm, attractive up to about 3 fm, no effect beyond that\n"
        "links: [[202611021805]]\n",
    )
    fronts = [note.front for note in notes]
    assert (
        "Strong nuclear force holds nucleons together, overcomes [electrostatic repulsion] "
        "between protons" in fronts
    )
    assert (
        "Strong nuclear force is repulsive below about [0.5] fm, attractive up to about 3 fm, "
        "no effect beyond that" in fronts
    )


def test_a_line_typed_with_a_capital_is_said_of_its_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Accounts and policy\n\n## Income statement\n\n"
        "Shows revenue, costs and profit over a trading period.\n\n"
        "## Quantitative Easing (QE)\n\n"
        "Used when Bank Rate is already close to zero.\n",
    )
    cards = asked(notes)
    assert cards["What does income statement show?"] == (
        "Revenue, costs and profit over a trading period"
    )
    assert cards["When is quantitative easing used?"] == "When Bank Rate is already close to zero"


def test_a_heading_of_two_things_or_an_order_lends_no_subject(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Particles and deadlock\n\n## Annihilation + pair production\n\n"
        "usually happens near a nucleus (so momentum can be conserved)\n\n"
        "## Avoid deadlock\n\n"
        "Allows the three necessary conditions but checks each request in advance\n\n"
        "## Context\n\n- shortest of the tragedies\n\n"
        "## Henry VIII\n\n- arrested for treason 1530, died at Leicester on way to London\n\n"
        "## Demography\n\n- reasons birth rate fell: changes in position of women, fall in "
        "infant mortality rate, children now an economic liability\n\n"
        "## Phenolphthalein\n\ncolourless in acid → pink in alkali\n",
    )
    fronts = " ".join(note.front for note in notes)
    assert "Annihilation" not in fronts and "pair production usually" not in fronts
    assert "Avoid deadlock allows" not in fronts
    assert "Context is" not in fronts
    assert "Henry VIII is arrested" not in fronts
    # a label over what follows, and a change from one state to another, are no verb of the thing
    assert "Demography reasons" not in fronts
    assert "Phenolphthalein colourless" not in fronts and "Phenolphthalein is" not in fronts


def test_a_sentence_without_a_subject_after_a_term_and_its_meaning_is_said_of_the_term(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Zettelkasten - Particles\n\none idea per card. links = [[ID]]\n---\n"
        "ID: 202611031930\n## Antiparticles\n"
        "every particle has an antiparticle with the same mass (rest energy) but opposite charge "
        "(and opposite baryon/lepton number)\n"
        "positron = antielectron. predicted by Dirac (1928), found by Anderson in cosmic rays\n"
        "links: [[202611051620]]\n---\nID: 202611051620\n## Classifying particles\n"
        "hadrons - feel the strong force. made of quarks\n"
        "links: [[202611031930]]\n",
    )
    assert asked(notes)["Who predicted positron?"] == "Dirac"
    assert "Hadrons are made of [quarks]" in [note.front for note in notes]
