"""Facts the notes state in shapes that once gave no card at all: a term with a remark on
it, a term equated with a long meaning."""

from __future__ import annotations

import re
from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from tests.generated_notes import deck_notes, questions


def clozes(tmp_path: Path, text: str, name: str = "notes.md") -> list[str]:
    notes = deck_notes(tmp_path, text, name)
    return [note.front for note in notes if note.kind is NoteKind.CLOZE]


def test_a_term_with_a_remark_on_it_asks_for_the_term(tmp_path: Path) -> None:
    notes = (
        "# Rivers and flooding\n\n"
        "## Flood defences\n"
        "- Levees - raised banks built along the river, expensive to maintain\n"
        "- flood relief channels - water is diverted around a town when levels rise\n"
        "- Afforestation - can slow the flow of water into the river\n\n"
        "## Who did what\n"
        "- Cameron - announced extra funding for defences in 2014\n"
        "- For - they protect homes and businesses\n"
    )
    cards = clozes(tmp_path, notes)
    assert "[Levees] - raised banks built along the river, expensive to maintain" in cards
    assert "[Flood relief channels] - water is diverted around a town when levels rise" in cards
    assert "[Afforestation] - can slow the flow of water into the river" in cards
    # a name is no term to recall from a remark, nor a word that labels a side of an argument
    assert not any(card.startswith(("[Cameron]", "[For]")) for card in cards)


def test_a_remark_never_displaces_the_card_the_line_already_gives(tmp_path: Path) -> None:
    notes = (
        "# Pressure groups\n\n"
        "## Factors in success\n"
        "- size of membership - the National Trust has over 5 million members\n"
    )
    cards = clozes(tmp_path, notes)
    assert cards == ["Size of membership - the National Trust has over [5 million] members"]


def test_a_term_equated_with_a_long_meaning_is_asked(tmp_path: Path) -> None:
    notes = (
        "# Climate\n\n"
        "## Key words\n"
        "- Greenhouse effect = gases in the atmosphere trap heat radiated from the Earth,"
        " keeping the planet about 33 degrees warmer\n"
    )
    asked = questions(tmp_path, notes)
    assert asked["What is the greenhouse effect?"] == (
        "Gases in the atmosphere trap heat radiated from the Earth"
    )


def test_an_arrow_from_a_capitalised_or_described_cause_asks_what_it_leads_to(
    tmp_path: Path,
) -> None:
    notes = (
        "# Rainforests\n\n"
        "## Threats\n"
        "- Deforestation -> loss of habitat, fewer species\n"
        "- cleared land -> soil erosion in heavy rain\n"
        "- Amazon Fund -> grants for protecting the forest\n"
        "- mahogany -> found in the lower canopy\n"
    )
    asked = questions(tmp_path, notes)
    assert asked["What does deforestation lead to?"] == "Loss of habitat, fewer species"
    assert asked["What does cleared land lead to?"] == "Soil erosion in heavy rain"
    # a name is no cause asked this way, and where a thing is found is not what it causes
    assert not any("Amazon Fund" in front or "mahogany" in front for front in asked)


def test_a_describing_word_equated_with_its_meaning_is_asked_what_it_means(tmp_path: Path) -> None:
    notes = (
        "# Chemistry of reactions\n\n"
        "## Key words\n"
        "- Exothermic = gives out heat energy to the surroundings\n"
        "- Endothermic = takes in heat energy from the surroundings\n\n"
        "## Examples\n"
        "- combustion is exothermic, thermal decomposition is endothermic\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["What does exothermic mean?"] == "Gives out heat energy to the surroundings"
    assert asked["What does endothermic mean?"] == "Takes in heat energy from the surroundings"


def test_numbered_steps_under_a_bullet_naming_a_mechanism_are_asked_in_order(
    tmp_path: Path,
) -> None:
    notes = (
        "# Nerves\n\n"
        "## Synapses\n\n"
        "- acetylcholine is broken down by an enzyme in the cleft\n"
        "- transmission mechanism (know the order):\n"
        "  1. action potential arrives at the presynaptic knob and opens calcium channels\n"
        "  2. calcium ions diffuse into the knob\n"
        "  3. vesicles move to the presynaptic membrane, fuse with it and release"
        " acetylcholine by exocytosis into the cleft between the two neurones\n"
        "  4. acetylcholine diffuses across the cleft and binds to receptors\n"
        "  5. sodium channels open and the postsynaptic membrane is depolarised\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["Transmission mechanism: what happens first?"] == (
        "Action potential arrives at the presynaptic knob and opens calcium channels"
    )
    after_arrival = (
        'Transmission mechanism: what happens after "action potential arrives at the'
        ' presynaptic knob and opens calcium channels"?'
    )
    assert asked[after_arrival] == "Calcium ions diffuse into the knob"
    # a step too long to quote whole is quoted by its first clause
    after_vesicles = (
        'Transmission mechanism: what happens after "vesicles move to the presynaptic membrane"?'
    )
    assert asked[after_vesicles] == "Acetylcholine diffuses across the cleft and binds to receptors"


def test_a_sentence_joining_alternatives_with_slashes_is_no_menu(tmp_path: Path) -> None:
    notes = (
        "# Transport in plants\n\n"
        "- sucrose is loaded into the phloem by **active transport** / co-transport with"
        " protons, using ATP made in the companion cells / nearby mesophyll cells\n"
    )
    cards = clozes(tmp_path, notes)
    assert any("loaded into the phloem" in card for card in cards)


def test_an_abbreviation_equated_with_its_words_asks_what_it_stands_for(tmp_path: Path) -> None:
    notes = (
        "# Genetics\n\n"
        "## Protein synthesis\n"
        "- **mRNA** = messenger ribonucleic acid\n"
        "- PCR = polymerase chain reaction, the way labs copy a short piece of DNA millions"
        " of times\n"
        "- CFTR = a channel protein in the cell membrane\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["What does mRNA stand for?"] == "Messenger ribonucleic acid"
    assert asked["What does PCR stand for?"] == "Polymerase chain reaction"
    # the words must spell the letters: a description is no expansion
    assert "What does CFTR stand for?" not in asked


def test_a_happening_and_what_it_leads_to_asks_what_follows(tmp_path: Path) -> None:
    notes = (
        "# Fiscal policy\n\n"
        "## Raising income tax\n"
        "- Disposable income falls → households spend less.\n"
        "- Government revenue rises → budget deficit narrows.\n"
        "- All of this → AD falls.\n"
        "- 'Laffer curve' → higher rates can raise less tax\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["What follows when disposable income falls?"] == "Households spend less"
    assert asked["What follows when government revenue rises?"] == "Budget deficit narrows"
    # a cause the line does not name, or a saying, is no happening to ask about
    assert not any("all of this" in front.casefold() for front in asked)
    assert not any("laffer" in front.casefold() for front in asked)


def test_a_list_written_on_one_line_after_its_label_is_asked_as_a_list(tmp_path: Path) -> None:
    notes = (
        "# Ecology\n\n"
        "## Deforestation\n"
        "- causes: cattle ranching, logging, palm oil plantations, road building\n"
        "- Effects of soil erosion: silted rivers, loss of nutrients (esp. nitrates), flooding\n"
        "- the Amazon lost about 17% of its forest cover in 50 years\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["What are the causes of deforestation? (4)"] == (
        "cattle ranching; logging; palm oil plantations; road building"
    )
    # a line that already gives a card ("What are effects of soil erosion?") is not asked again
    assert not any(front.startswith("What are the effects") for front in asked)


def test_a_bullet_opening_on_its_term_in_lower_case_hides_the_term(tmp_path: Path) -> None:
    notes = (
        "# Plants\n\n"
        "## Leaves\n"
        "- **xylem vessels** carry water up from the roots\n"
        "- **guard cells** (singular guard cell) swell to open the pore\n"
        "- **phloem sieve tubes** (p.s.t.) carry sucrose both ways\n"
    )
    cards = clozes(tmp_path, notes)
    assert "[Xylem vessels] carry water up from the roots" in cards
    # an aside beside the gap that spells the term out gives it away: no card
    assert not any("swell to open" in card or "carry sucrose" in card for card in cards)


def test_a_line_saying_what_a_thing_is_for_asks_its_job(tmp_path: Path) -> None:
    notes = (
        "# Cells\n\n"
        "## Organelles\n"
        "- NUCLEUS (largest organelle)\n"
        "  - function = holds the genetic material and controls the cell's activities\n"
        "- Golgi apparatus\n"
        "  - job: modifies proteins and packages them into vesicles so they can be secreted"
        " from the cell\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["What is the function of the nucleus?"] == (
        "Holds the genetic material and controls the cell's activities"
    )
    assert asked["What is the job of the Golgi apparatus?"] == (
        "Modifies proteins and packages them into vesicles"
    )


def test_a_field_written_under_several_things_is_asked_of_each(tmp_path: Path) -> None:
    notes = (
        "LOGIC GATES\n\n"
        "1) AND\n"
        "   * output 1 only if both inputs are 1\n"
        "   * symbol = D shape (flat back, round front)\n"
        "2) OR\n"
        "   * output 1 if either input is 1\n"
        "   * symbol = curved back, pointed front\n"
    )
    asked = questions(tmp_path, notes, "notes.txt")
    # the gate is in the question, never "What is symbol?" nor "symbol = ?"
    assert asked["What is the symbol of AND?"] == "D shape (flat back, round front)"
    assert asked["What is the symbol of OR?"] == "Curved back, pointed front"
    assert "What is symbol?" not in asked and "symbol = ?" not in asked


def test_a_field_of_two_reactions_names_its_reaction_and_a_term_stays_a_term(
    tmp_path: Path,
) -> None:
    notes = (
        "# Reactions\n\n"
        "## Nucleophilic substitution\n"
        "- haloalkane + NaOH (aq), warm -> alcohol\n"
        "- mechanism: lone pair attacks the delta+ carbon, halide leaves\n\n"
        "## Free radical substitution\n"
        "- alkane + Cl2 in UV light -> chloroalkane\n"
        "- mechanism: initiation, propagation, termination\n\n"
        "## Transport\n"
        "- osmosis: movement of water across a partially permeable membrane\n"
    )
    asked = questions(tmp_path, notes, "notes.md")
    assert asked["What is the mechanism of the free radical substitution?"] == (
        "Initiation, propagation, termination"
    )
    assert "What is mechanism?" not in asked
    assert asked["What is osmosis?"] == "Movement of water across a partially permeable membrane"


def test_a_thing_given_a_value_under_each_quantity_is_no_field_of_the_quantity(
    tmp_path: Path,
) -> None:
    """ "water: c = 4200 ..." under "Specific heat capacity" and "water: l = ..." under "Specific
    latent heat": water is the thing and the heading the quantity, so "What is the water of the
    specific latent heat?" is never asked."""
    notes = (
        "# Thermal physics\n\n"
        "## Specific heat capacity\n"
        "- energy to raise 1 kg by 1 K\n"
        "- water: c ≈ 4200 J kg⁻¹ K⁻¹\n\n"
        "## Specific latent heat\n"
        "- energy to change the state of 1 kg with no change of temperature\n"
        "- water: l = 3.34 × 10⁵ J kg⁻¹ for melting\n"  # noqa: RUF001
    )
    fronts = [note.front.casefold() for note in deck_notes(tmp_path, notes, "notes.md")]
    assert not [front for front in fronts if "the water of" in front]


def test_a_contrasting_pair_gives_a_card_each(tmp_path: Path) -> None:
    notes = (
        "# Electrolysis\n\n"
        "## What happens at the electrodes\n"
        "- Positive ions (cations) move to the cathode.\n"
        "- Negative ions (anions) move to the anode.\n"
        "- At the cathode, positive ions gain electrons - this is reduction.\n"
        "- At the anode, negative ions lose electrons - this is oxidation.\n\n"
        "## Limitation periods\n"
        "- Personal injury claims: 3 years from the injury\n"
        "- Other tort claims: 6 years from the damage\n"
    )
    cards = clozes(tmp_path, notes)
    # each line says what the other does not: two facts, not one run of near-identical clozes
    assert "At the [cathode], positive ions gain electrons - this is reduction." in cards
    assert "At the [anode], negative ions lose electrons - this is oxidation." in cards
    assert "Personal injury claims: [3] years from the injury" in cards
    assert "Other tort claims: [6] years from the damage" in cards


def test_clozes_hiding_places_in_a_run_are_still_siblings() -> None:
    from rapidfuzz import fuzz

    from revise.generation.selection import are_siblings

    def cloze(front: str) -> NoteData:
        return NoteData(NoteKind.CLOZE, front, context="Cold War > Phases")

    def masked(front: str) -> str:
        return re.sub(r"\[[^\]]+\]", "___", front)

    first = "During the [first] phase (1947-53) relations with Moscow worsened"
    second = "During the [second] phase (1953-62) relations with Beijing worsened"
    # the order of the run is all that tells the two apart
    assert are_siblings(cloze(first), masked(first), cloze(second), masked(second), fuzz.ratio)
    # and two hiding the same word
    again = "During the second phase (1953-62) relations with [Moscow] worsened"
    other = "During the third phase (1962-69) relations with [Moscow] worsened"
    assert are_siblings(cloze(again), masked(again), cloze(other), masked(other), fuzz.ratio)


def test_a_plain_term_opening_its_line_begins_the_card(tmp_path: Path) -> None:
    notes = (
        "# Urbanisation\n\n"
        "## Key terms\n"
        "- conurbation - large urban area formed when towns merge as they grow\n"
        "- megacity - urban area with over 10 million people\n\n"
        "## The brain\n"
        "- medulla - brain stem; unconscious activities such as heart rate and breathing\n"
    )
    cards = clozes(tmp_path, notes)
    assert "[Conurbation] - large urban area formed when towns merge as they grow" in cards
    assert (
        "[Medulla] - brain stem; unconscious activities such as heart rate and breathing" in cards
    )


def test_an_answer_already_on_a_card_of_the_section_gives_way_to_another() -> None:
    from revise.generation import generate_deck

    notes = Path(__file__).parent / "notes"
    deck = generate_deck(notes / "henry-viii-reformation-cornell.txt")
    fronts = [note.front for note in deck.notes]
    # "May 1536" is hidden on Anne Boleyn's card: Jane Seymour's asks when Edward was born
    assert "Jane Seymour (m.May 1536) - son Edward b. [Oct 1537], she died 12 days later" in fronts
    deck = generate_deck(notes / "apartheid-south-africa-web-page.html")
    fronts = [note.front for note in deck.notes]
    # "Rivonia" is hidden on the card before: the trial's card asks for the sentence
    assert any("were sentenced to [life imprisonment] in June 1964" in front for front in fronts)
