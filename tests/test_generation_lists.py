"""List items carded with the thing their lead names, so each card is answerable alone."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


GRIEF = """# Psychology: loss and change

## Grief

People react to loss in many ways. The best-known account is a stage model.

**Kübler-Ross model** (Elisabeth Kübler-Ross, 1969) \u2013 stages a grieving person goes through:

- Denial \u2013 refusing to accept the loss has happened
- Anger \u2013 frustration aimed at others, at oneself or at fate
- Bargaining \u2013 trying to make a deal to undo or delay the loss
- Depression \u2013 deep sadness once the loss is accepted as real
- Acceptance \u2013 coming to terms with the loss and planning ahead

Critics point out that many people skip stages or go through them in a different order.
"""


def test_items_of_a_long_list_carry_the_name_their_lead_opens_on(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, GRIEF)
    stages = [note for note in notes if note.back.startswith(("Refusing", "Frustration"))]
    assert stages, [note.front for note in notes]
    for note in stages:
        # "What is denial?" alone asks nothing a student could place: the model it is a stage of
        assert "Kübler-Ross model" in note.context, note.context
    # the paragraph after the list is under its heading again, not under the list's lead
    assert all("Kübler-Ross" not in note.context for note in notes if "Critics" in note.front)


HIERARCHY = """# Business studies: motivation

## Content theories

**Maslow's hierarchy of needs** \u2013 levels a worker satisfies in order:

- Physiological \u2013 food, water, shelter; met by a basic wage
- Safety \u2013 job security, safe working conditions, a pension
- Esteem \u2013 recognition, status, promotion, praise from managers
- Self-actualisation \u2013 reaching full potential through challenging work
"""


def test_a_short_list_is_headed_by_the_name_its_lead_opens_on(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, HIERARCHY)
    items = [note for note in notes if "recognition" in note.front + note.back]
    assert items, [note.front for note in notes]
    # not only "levels a worker satisfies in order": whose levels they are
    assert all("Maslow's hierarchy of needs" in note.context for note in items)


def test_a_one_word_lead_names_no_thing_over_its_items(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        """# Chemistry

## Titanium

Uses:

- Titanium is used in hip replacements because it does not corrode in the body.
- Aircraft frames are made of titanium alloys, which are strong but light.
- Titanium dioxide is the white pigment in most paints.
- Bicycle frames use titanium for its high strength-to-weight ratio.
- Titanium is extracted from its ore by the Kroll process, using magnesium.
""",
    )
    assert ("Why is titanium used in hip replacements?", "It does not corrode in the body") in {
        (note.front, note.back) for note in notes
    }
    assert all(note.context == "Titanium" for note in notes), [note.context for note in notes]


def fronts(tmp_path: Path, text: str) -> list[str]:
    return [note.front for note in deck_notes(tmp_path, text)]


def test_a_thing_that_moves_to_a_level_is_not_asked_what_it_affects(tmp_path: Path) -> None:
    got = fronts(
        tmp_path,
        "# Economics\n\n## Business cycle\n\nUnemployment can fall to very low levels in a boom.\n",
    )
    assert not any("affect" in front for front in got), got


def test_a_label_over_a_remark_about_something_unnamed_is_no_term(tmp_path: Path) -> None:
    got = fronts(
        tmp_path,
        """# Marketing

## Pricing

- Premium pricing \u2013 a high price to signal quality. Danger: shoppers see it as poor value
""",
    )
    # "Danger" is not a term, and "it" (the premium price) is never named in the answer
    assert not any("danger" in front.casefold() for front in got), got


def test_a_body_that_does_something_is_no_meaning_of_the_label_before_it(tmp_path: Path) -> None:
    got = fronts(
        tmp_path,
        """# Business law

## Competition

- Watchdog: the Competition and Markets Authority (CMA) investigates mergers.
""",
    )
    assert "What is watchdog?" not in got, got


def test_a_date_after_an_arrow_is_not_asked_of_the_clause_before_it(tmp_path: Path) -> None:
    got = fronts(
        tmp_path,
        """# An Inspector Calls

## Form

Each act opens like a stage set description \u2192 Priestley meant it for the theatre, it was \
first staged in Moscow in 1945.
""",
    )
    # not "When did each act opens like a stage set description? :: 1945"
    assert not any(front.startswith("When did each act") for front in got), got


def test_a_line_cut_inside_a_bracket_asks_no_when_question(tmp_path: Path) -> None:
    got = fronts(
        tmp_path,
        """# Medicine

## Ideas about disease

The Theory of the Four Humours \u2013 developed by Hippocrates (c.460\u2013c.
370 BC) and built on by Galen. The body contains four humours.
""",
    )
    assert not any(front.startswith("When did )") for front in got), got
    # nor the year hidden in what is left of the line: "[370 BC]) and built on by Galen."
    assert not any(") and built on" in front for front in got), got


def test_a_term_under_a_heading_is_defined_not_asked_as_the_headings_field(
    tmp_path: Path,
) -> None:
    got = {
        (note.front, note.back)
        for note in deck_notes(
            tmp_path,
            """# Economics

## Competition

- Watchdog: the Competition and Markets Authority (CMA) investigates mergers.
- Cartel: a group of firms that agree to fix prices.
""",
        )
    }
    assert ("What is a cartel?", "A group of firms that agree to fix prices") in got, got
    assert not any("of Competition" in front for front, _ in got), got


def test_a_kind_written_by_its_describing_word_is_asked_with_the_thing_it_is_a_kind_of(
    tmp_path: Path,
) -> None:
    got = {
        (note.front, note.back)
        for note in deck_notes(
            tmp_path,
            """# Biology: immunity

## Types of immunity

- active = the body makes its own antibodies after infection or vaccination
- passive = antibodies given from outside the body, short-lived protection
- natural = gained through everyday life, not by medical treatment
""",
        )
    }
    # "What is active?" asks nothing: the heading names what it is a kind of
    assert (
        "What is active immunity?",
        "The body makes its own antibodies after infection or vaccination",
    ) in got, got
    assert (
        "What is passive immunity?",
        "Antibodies given from outside the body, short-lived protection",
    ) in got, got


def test_words_defined_under_a_glossary_heading_are_not_made_kinds_of_it(
    tmp_path: Path,
) -> None:
    got = [
        note.front
        for note in deck_notes(
            tmp_path,
            """# English: poetry terms

## Key words

- ambiguous = having more than one possible meaning
- ironic = saying the opposite of what is meant, for effect
""",
        )
    ]
    assert not any("key word" in front.casefold() for front in got), got


def test_numbered_steps_under_the_name_of_a_process_are_asked_each_from_the_one_before(
    tmp_path: Path,
) -> None:
    got = {
        (note.front, note.back)
        for note in deck_notes(
            tmp_path,
            """# Biology: cells

**Cell division: Cytokinesis**

1. a cleavage furrow forms in the middle of the cell
2. the cell membrane pinches inwards along the furrow
3. the cytoplasm divides into two daughter cells
""",
        )
    }
    assert (
        'Cytokinesis: what happens after "the cell membrane pinches inwards along the furrow"?',
        "The cytoplasm divides into two daughter cells",
    ) in got, got


def test_numbered_routes_that_open_on_a_reagent_are_no_steps(tmp_path: Path) -> None:
    got = [
        note.front
        for note in deck_notes(
            tmp_path,
            """# Chemistry: haloalkanes

## Elimination

1) + KOH in ethanol, heat under reflux -> ALKENE
2) + NaOH in ethanol, hot -> ALKENE (major product)
3) + hot alcoholic base with a tertiary haloalkane -> mostly ALKENE
""",
        )
    ]
    assert not any("what happens" in front for front in got), got


def test_a_thing_needed_for_a_step_is_not_asked_who_needed_it(tmp_path: Path) -> None:
    got = [
        note.front
        for note in deck_notes(
            tmp_path,
            """# Biology: respiration

## Muscle contraction

- ATP needed for the myosin head to detach from actin + for the power stroke
""",
        )
    ]
    assert not any(front.startswith("Who needed") for front in got), got


def test_a_describing_label_over_a_short_list_names_a_kind_of_what_the_heading_names(
    tmp_path: Path,
) -> None:
    got = {
        (note.front, note.back)
        for note in deck_notes(
            tmp_path,
            """# Geography: energy

## Sources of energy

- Renewable: wind, solar (photovoltaic panels on roofs), tidal
- Overall the UK gets about a third of its electricity from renewable sources.
""",
        )
    }
    assert ("What are the renewable sources of energy? (3)", "wind; solar; tidal") in got, got


def test_an_order_under_a_heading_naming_its_aim_hides_what_it_acts_on(tmp_path: Path) -> None:
    got = [
        note.front
        for note in deck_notes(
            tmp_path,
            """# Geography: rivers

## Reducing flood risk

- Build embankments along the river banks (expensive, can move the flood downstream)
- Plant trees in the upper catchment \u2013 more interception, longer lag time
- Restore wetlands beside the river to store water

## Exam technique

- Always name a located example.
- Use the command word to plan your answer.
- Learn the case study facts by heart.
- Check your spelling of key terms.
""",
        )
    ]
    assert (
        "Build [embankments] along the river banks (expensive, can move the flood downstream)"
        in got
    ), got
    assert "Restore [wetlands] beside the river to store water" in got, got
    assert not any("command word" in front for front in got), got


def test_a_meaning_done_in_its_own_way_is_not_asked_what_it_is_done_in(tmp_path: Path) -> None:
    got = [
        note.front
        for note in deck_notes(
            tmp_path,
            """# Music: performance

## Learning a piece

- slow practice = played in its entirety, slowly, for hard passages
- chunking = a long piece broken into short sections learnt one at a time
""",
        )
    ]
    assert not any(front.endswith("played in?") for front in got), got


def cards(tmp_path: Path, text: str, name: str = "notes.md") -> list[tuple[str, str]]:
    return [(note.front, note.back) for note in deck_notes(tmp_path, text, name)]


KINGDOMS = """# Biology: classification

## Five kingdoms of living things

- Animals (multicellular, feed on other organisms)
- Plants (multicellular, photosynthesise)
- Fungi - feed by extracellular digestion
- Protoctists (mostly single-celled, e.g. Amoeba)
- Prokaryotes (bacteria, no nucleus)

Organisms are then divided into phylum, class, order, family, genus and species.
"""


def test_a_counted_list_of_five_is_asked_in_two_halves_each_showing_the_other(
    tmp_path: Path,
) -> None:
    halves = [card for card in cards(tmp_path, KINGDOMS) if "which" in card[0]]
    assert sorted(halves) == [
        (
            "Five kingdoms of living things: Animals, Plants, Fungi and which 2 more?",
            "Protoctists; Prokaryotes",
        ),
        (
            "Five kingdoms of living things: Protoctists, Prokaryotes and which 3 more?",
            "Animals; Plants; Fungi",
        ),
    ], cards(tmp_path, KINGDOMS)


def test_a_list_named_by_its_lead_is_asked_in_halves_but_not_under_a_bare_label(
    tmp_path: Path,
) -> None:
    text = """# Geography: the atmosphere

## Structure

Layers of the atmosphere:

- troposphere (where weather happens)
- stratosphere (holds the ozone layer)
- mesosphere
- thermosphere
- exosphere

Examples:

- Mount Everest
- the Alps
- the Andes
- the Rockies
- the Himalayas
"""
    made = cards(tmp_path, text)
    halves = [front for front, _ in made if "more?" in front]
    assert halves == [
        "Layers of the atmosphere: troposphere, stratosphere, mesosphere and which 2 more?",
        "Layers of the atmosphere: thermosphere, exosphere and which 3 more?",
    ], made


def test_a_count_on_one_line_before_its_items_is_asked_as_a_list(tmp_path: Path) -> None:
    text = """# Economics: the basic problem

- **Resources**
    - 4 factors of production: land, labour, capital, enterprise (the entrepreneur)
    - resources are scarce but wants are unlimited
"""
    assert ("What are the 4 factors of production?", "land; labour; capital; enterprise") in cards(
        tmp_path, text
    )


def test_a_counted_lead_over_items_with_asides_asks_for_the_items(tmp_path: Path) -> None:
    text = """# Sociology of education

- Durkheim - functionalist view of education
    - 2 "key functions" of education:
        - social solidarity (shared norms and values - see the notes on Parsons)
        - specialist skills (for the division of labour in industrial society)
"""
    assert (
        'What are the 2 "key functions" of education?',
        "social solidarity; specialist skills",
    ) in cards(tmp_path, text)


def test_clauses_under_a_lead_ending_if_are_asked_with_the_lead(tmp_path: Path) -> None:
    text = """# Contract law

## Misrepresentation

A contract is voidable for misrepresentation if:

- a false statement of fact was made,
- it induced the other party to enter the contract, and
- the other party relied on the statement.

The remedy is rescission or damages.
"""
    assert (
        "A contract is voidable for misrepresentation if ...? (3 conditions)",
        "a false statement of fact was made; it induced the other party to enter the contract; "
        "the other party relied on the statement",
    ) in cards(tmp_path, text)


def test_a_count_that_is_not_the_lists_asks_no_list(tmp_path: Path) -> None:
    text = """# Biology: classification

## Five kingdoms of living things

- Animals (multicellular, feed on other organisms)
- Plants (multicellular, photosynthesise)
- Fungi - feed by extracellular digestion
- Prokaryotes (bacteria, no nucleus)

## Strategies vs tactics

- Price skimming
- Penetration pricing
- Cost-plus pricing
- Competitive pricing
- Loss leader
"""
    assert not [
        front for front, _ in cards(tmp_path, text) if "more?" in front or "What are" in front
    ]


def test_a_list_its_lead_says_the_members_of_after_a_dash_is_asked_in_halves(
    tmp_path: Path,
) -> None:
    made = cards(tmp_path, GRIEF)
    lead = "Kübler-Ross model (Elisabeth Kübler-Ross, 1969) \u2013 stages a grieving person goes"
    lead += " through"
    assert (
        f"{lead}: Denial, Anger, Bargaining and which 2 more?",
        "Depression; Acceptance",
    ) in made
    assert (
        f"{lead}: Depression, Acceptance and which 3 more?",
        "Denial; Anger; Bargaining",
    ) in made
