"""Notes written as plain lines: one fact a line without bullets, plain-text tables, steps."""

from __future__ import annotations

import re
from pathlib import Path

from revise.formats.model import NoteKind
from revise.generation import generate_deck
from revise.generation.plaintext import parse_plain_text
from revise.generation.reading import read_notes
from tests.generated_notes import deck_notes, questions


def test_a_glossary_of_one_term_a_line_gives_each_term_its_card(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Cell biology revision\n\nKey terms\n"
        "osmosis - diffusion of water across a partially permeable membrane\n"
        "active transport - movement of particles against a concentration gradient using ATP\n"
        "diffusion - net movement of particles from high to low concentration\n",
    )
    asked = {note.front: (note.back, note.source.start, note.source.end) for note in notes}
    assert asked == {
        "What is osmosis?": ("Diffusion of water across a partially permeable membrane", 4, 4),
        "What is active transport?": (
            "Movement of particles against a concentration gradient using ATP",
            5,
            5,
        ),
        "What is diffusion?": ("Net movement of particles from high to low concentration", 6, 6),
    }
    assert all(note.context == "Key terms" for note in notes)


def test_a_glossary_line_that_goes_on_past_its_meaning_still_asks_the_meaning(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "RIVERS - KEY TERMS\n\n=== THE DRAINAGE BASIN ===\n"
        "watershed - the boundary of high land between two drainage basins. usually follows"
        " a ridge of hills, so rain falling either side ends up in a different river\n"
        "floodplain - land that is flooded when the river overtops its banks, either side of"
        " the channel in the lower course. good farmland b/c of fertile silt left behind\n"
        "confluence: the point where two rivers or streams join together, e.g. the Thames and"
        " the Kennet at Reading, or the Ouse and the Foss in York\n",
    )
    # Each term is asked for its meaning: the sentence after it ("usually follows a ridge
    # ...") is no part of the answer, and "land that is flooded" names land, no order to land.
    assert asked["What is watershed?"] == "The boundary of high land between two drainage basins"
    assert asked["What is floodplain?"] == "Land that is flooded when the river overtops its banks"
    assert asked["What is confluence?"] == "The point where two rivers or streams join together"


def test_a_meaning_too_long_for_a_short_answer_is_asked_whole_never_cut(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "WEATHER AND CLIMATE - KEY TERMS\n\n=== ASIA ===\n"
        "monsoon - seasonal reversal of the prevailing wind bringing heavy rain to south Asia"
        " in summer months\n"
        "cyclone - area of low pressure where air rises and spirals inwards\n",
    )
    asked = {note.front: note.back for note in notes}
    # The meaning is asked whole, a sentence long, never without "in summer months"
    assert asked["What is monsoon?"] == (
        "Seasonal reversal of the prevailing wind bringing heavy rain to south Asia in summer"
        " months"
    )


def test_an_example_indented_under_a_long_glossary_line_is_its_own_point(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "TECTONIC HAZARDS - KEY TERMS\n\n=== VOLCANOES ===\n"
        "composite volcano - steep-sided cone built from alternate layers of ash and lava, found"
        " at destructive plate margins where eruptions are explosive\n"
        "  e.g. Mount St Helens, USA - erupted in 1980, 57 people killed\n"
        "shield volcano - gently sloping cone of runny basalt lava, found at constructive margins"
        " + hotspots\n",
    )
    # The example is asked as one of the term above it, not read as more of that term's line
    example = [note for note in notes if note.front == "What is an example of composite volcano?"]
    assert [(note.back, note.source.start, note.source.end) for note in example] == [
        ("Mount St Helens, USA - erupted in 1980, 57 people killed", 4, 5)
    ]
    assert not any("St Helens" in note.front for note in notes)


def test_a_glossary_meaning_of_two_clauses_is_shown_whole_around_its_term(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "ECOLOGY - KEY TERMS\n\n=== FEEDING ===\n"
        "decomposer - organism that breaks down dead material + waste and releases nutrients"
        " back into the soil, e.g. bacteria, fungi\n"
        "producer - an organism that makes its own food by photosynthesis\n",
    )
    asked = {note.front: note.back for note in notes}
    # never "What is decomposer? :: Organism that breaks down dead material + waste", which
    # leaves out half of what a decomposer does; nor is "decomposer" taken for a misspelling
    # of "decompose": the meaning is asked whole, its examples left off
    assert asked["What is decomposer?"] == (
        "Organism that breaks down dead material + waste and releases nutrients back into the soil"
    )


def test_each_line_of_a_vocabulary_list_asks_its_meaning(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "FRENCH - holidays, unit 3\n\nNotes from class on holiday vocabulary.\n\n"
        "AT THE HOTEL\n"
        "la chambre double - double room\n"
        "loger chez des amis - to stay with friends\n"
        "le séjour - stay\n"
        "bronzer - to sunbathe\n",
    )
    # One card a line, each asked the same way: no line merged into the one above.
    assert asked == {
        'What does "la chambre double" mean?': "Double room",
        'What does "loger chez des amis" mean?': "To stay with friends",
        'What does "le séjour" mean?': "Stay",
        'What does "bronzer" mean?': "To sunbathe",
    }


def test_a_phrase_and_its_meaning_with_slashes_is_no_menu(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "ITALIAN - time words\n\nPAST\nieri - yesterday\nieri sera - last night\n"
        "poi / dopo - then / afterwards\n",
    )
    assert asked['What does "poi / dopo" mean?'] == "Then / afterwards"


def test_a_shouted_title_heads_the_lines_below_it(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "GERMAN - unit 5\n\nSome words change a lot in the past tense.\n\n"
        "IRREGULARS !!!\nsein - war, warst, war, waren, wart, waren\n"
        "gehen - ging, gingst, ging, gingen, gingt, gingen\n\n"
        "TRAVEL WORDS (for the trip)\nder Flughafen - airport\n"
        "die Reise - journey\nverreisen - to go away\n",
    )
    contexts = {note.front: note.context for note in notes}
    assert contexts['What does "der Flughafen" mean?'] == "TRAVEL WORDS (for the trip)"
    assert contexts['What does "verreisen" mean?'] == "TRAVEL WORDS (for the trip)"
    # The title is no fact: it is not hidden in a cloze run on into the lines below it.
    assert not any("IRREGULARS" in note.front for note in notes)
    assert all(note.context != "IRREGULARS" or note.source.start > 5 for note in notes)


def test_bullets_in_prose_notes_are_items_not_one_paragraph() -> None:
    from revise.generation.document import BlockKind
    from revise.generation.plaintext import parse_plain_text

    document = parse_plain_text(
        "Market failure\n\n"
        "Market failure happens when the free market allocates resources inefficiently.\n"
        "Governments step in with taxes, subsidies and regulation to correct it.\n"
        "Arthur Pigou proposed taxing pollution in 1920.\n"
        "The Clean Air Act of 1956 banned smoke in London.\n\n"
        "WHEN GOVERNMENTS STEP IN\n"
        "- when a factory pollutes a river used by farmers downstream\n"
        "- when a good such as street lighting cannot be sold to each user\n"
        "  (a public good)\n"
    )
    items = [(b.text, b.start, b.end) for b in document.blocks if b.kind is BlockKind.ITEM]
    assert items == [
        ("when a factory pollutes a river used by farmers downstream", 9, 9),
        ("when a good such as street lighting cannot be sold to each user (a public good)", 10, 11),
    ]


def test_a_table_cell_too_long_for_an_answer_hides_its_row_name(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Coasts\n\n## Landforms\n\n| Landform | How it forms |\n|---|---|\n"
        "| Spit | longshore drift carries sand past a bend in the coast |\n"
        "| Stack | waves widen a crack in a headland into a cave, then an arch, which "
        "collapses to leave a pillar of rock |\n",
        "coasts.md",
    )
    fronts = {note.front: note.back for note in notes}
    assert fronts["How does spit form?"] == "longshore drift carries sand past a bend in the coast"
    clozes = [note for note in notes if note.kind is NoteKind.CLOZE]
    assert [(note.front, note.context, note.source.start) for note in clozes] == [
        (
            "[Stack] - waves widen a crack in a headland into a cave, then an arch, which "
            "collapses to leave a pillar of rock",
            "Landforms",
            8,
        )
    ]


def test_a_long_cell_that_gives_its_row_away_is_reported_by_the_check(tmp_path: Path) -> None:
    from revise.generation import draft_deck
    from revise.generation.checker import check_deck

    path = tmp_path / "rivers.md"
    path.write_text(
        "# Rivers\n\n| Process | What happens |\n|---|---|\n"
        "| Solution | some rocks such as limestone dissolve in river water and are carried "
        "along in solution |\n",
        encoding="utf-8",
    )
    deck, checks = draft_deck(path)
    findings = check_deck(deck, checks)
    assert any("answer has 15 words" in finding.message for finding in findings)
    assert generate_deck(path).notes == []  # left out, and said so, not dropped without a word


def test_numbered_steps_of_a_method_are_asked_one_from_the_one_before(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Titration (Chemistry)\n\n## Method\n"
        "1. rinse the burette with the acid, then fill it\n"
        "2. pipette 25 cm³ of alkali into a conical flask (use a pipette filler)\n"
        "3. add a few drops of indicator e.g. phenolphthalein\n"
        "4. add acid from the burette until the indicator changes colour\n"
        "5. repeat until two titres agree within 0.10 cm³\n",
        "titration.md",
    )
    asked = {note.front: note.back for note in notes}
    assert asked == {
        "Titration method: what is the first step?": (
            "Rinse the burette with the acid, then fill it"
        ),
        'Titration method: what is the next step after "rinse the burette with the acid, then '
        'fill it"?': "Pipette 25 cm³ of alkali into a conical flask",
        'Titration method: what is the next step after "pipette 25 cm³ of alkali into a conical '
        'flask"?': "Add a few drops of indicator e.g. phenolphthalein",
        'Titration method: what is the next step after "add a few drops of indicator e.g. '
        'phenolphthalein"?': "Add acid from the burette until the indicator changes colour",
        'Titration method: what is the next step after "add acid from the burette until the '
        'indicator changes colour"?': "Repeat until two titres agree within 0.10 cm³",
    }
    assert all(note.context == "Method" for note in notes)


def test_a_few_short_numbered_steps_are_one_list_card(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "# Baking bread\n\n## How to make the dough\n1. mix flour and yeast\n2. add warm water\n"
        "3. knead for ten minutes\n4. leave to rise\n",
        "bread.md",
    )
    assert asked == {
        "How to make the dough? (4)": (
            "mix flour and yeast; add warm water; knead for ten minutes; leave to rise"
        )
    }


def test_numbered_rules_are_no_steps(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Revision\n\n## Five rules of good revision\n1. Test yourself often\n"
        "2. Space your sessions out\n3. Mix topics together\n4. Sleep well\n"
        "5. Explain ideas aloud\n",
        "rules.md",
    )
    assert not any("step" in note.front or "after" in note.front for note in notes)


def test_a_mind_map_exported_as_indented_lines_without_bullets_is_an_outline(
    tmp_path: Path,
) -> None:
    text = (
        "The Water Cycle\n"
        "\tProcesses\n"
        "\t\tEvaporation\n"
        "\t\t\twater heated by the Sun turns into water vapour\n"
        "\t\t\tmost happens over the oceans\n"
        "\t\tCondensation\n"
        "\t\t\tvapour cools and forms clouds in 1 of 3 ways\n"
        "\tStores\n"
        "\t\toceans hold about 97% of the Earth's water\n"
    )
    path = tmp_path / "water.txt"
    path.write_text(text, encoding="utf-8")
    notes = generate_deck(path).notes
    # each line is a card of its own, with its branch as context, not one merged paragraph
    sun = [note for note in notes if "by the [Sun]" in note.front]
    assert [note.front for note in sun] == ["Water heated by the [Sun] turns into water vapour"]
    assert sun[0].context == "Processes > Evaporation"


ECOLOGY_NOTES = (
    "BIOLOGY - PAPER 2 - ECOLOGY REVISION\n\n"
    "FEEDING RELATIONSHIPS\n"
    "Producer = an organism that makes its own food by photosynthesis.\n"
    "- food chains always start with a producer\n"
    "Consumer = an organism that gets its energy by eating other organisms\n"
    "Feeding strategies:\n"
    "- Grazing = feeding on grass or other low plants close to the ground\n"
    "- Browsing = feeding on leaves, shoots and twigs of trees and shrubs\n\n"
    "ENERGY TRANSFER\n"
    "Biomass = the mass of living material in an organism or a trophic level.\n"
    "Trophic level = the position an organism occupies in a food chain\n"
)


def test_term_lines_under_capital_headings_are_each_a_definition(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, ECOLOGY_NOTES)
    asked = {note.front.casefold(): (note.back, note.context, note.source.start) for note in notes}
    assert asked["what is a producer?"] == (
        "An organism that makes its own food by photosynthesis",
        "FEEDING RELATIONSHIPS",
        4,
    )
    # A line written from the margin below a bullet is a definition of its own, not the
    # bullet wrapped onto a new line, nor a paragraph run on into the lead below it.
    assert asked["what is a consumer?"] == (
        "An organism that gets its energy by eating other organisms",
        "FEEDING RELATIONSHIPS",
        6,
    )
    assert asked["what is grazing?"] == (
        "Feeding on grass or other low plants close to the ground",
        "FEEDING RELATIONSHIPS > Feeding strategies",
        8,
    )
    assert (
        asked["what is browsing?"][0] == "Feeding on leaves, shoots and twigs of trees and shrubs"
    )
    assert asked["what is biomass?"] == (
        "The mass of living material in an organism or a trophic level",
        "ENERGY TRANSFER",
        12,
    )
    # A meaning in words is no formula: not "Trophic level = ?"
    assert asked["what is trophic level?"][0] == "The position an organism occupies in a food chain"
    assert not any("= ?" in note.front for note in notes)
    # The lines in capitals head the cards, the first one titles the deck.
    assert {note.context.split(" > ")[0] for note in notes} == {
        "FEEDING RELATIONSHIPS",
        "ENERGY TRANSFER",
    }


NETWORK_NOTES = (
    "COMPUTING - PAPER 1 - NETWORKS\n\n"
    "TOPOLOGIES\n"
    "A network is usually laid out in one of three shapes: Star, Bus or Mesh.\n"
    "Star = every device connects to a central switch.\n"
    "Advantages of a star topology:\n"
    "- one cable failing only affects one device\n"
    "- easy to add new devices without disruption\n"
    "Disadvantages:\n"
    "- the switch is a single point of failure\n"
    "- needs a lot of cable, so costs more to install\n"
    "Mesh networking = every device connects to every other device\n"
    "Every device in a full mesh has a link to every other.\n\n"
    "HARDWARE\n"
    "Devices to know:\n"
    "- Router = forwards packets between different networks\n"
    "- Switch = connects devices on a LAN and sends data only to its destination\n"
    "- Wireless access point = lets wireless devices join a wired network\n"
    "- Network interface card = hardware that lets a device connect to a network\n"
    "- Modem = converts digital data to analogue signals for a phone line\n"
)


def test_advantages_and_disadvantages_under_a_capital_heading_are_list_cards(
    tmp_path: Path,
) -> None:
    notes = deck_notes(tmp_path, NETWORK_NOTES)
    asked = {note.front: (note.back, note.context) for note in notes}
    assert asked["Advantages of a star topology (2)"] == (
        "one cable failing only affects one device; easy to add new devices without disruption",
        "TOPOLOGIES",
    )
    # A bare "Disadvantages:" below "Advantages of X:" is of the same X.
    assert asked["Disadvantages of a star topology (2)"] == (
        "the switch is a single point of failure; needs a lot of cable, so costs more to install",
        "TOPOLOGIES",
    )
    # "Star, Bus or Mesh" capitalises what the notes write in lower case ("star topology"):
    # a word, defined by its line, and no name.
    assert asked["What is star?"] == ("Every device connects to a central switch", "TOPOLOGIES")
    # ("Mesh" there too, but "mesh" below: the line opens on a word, not a name)
    assert asked["What is mesh networking?"][0] == "Every device connects to every other device"


def test_a_lead_over_a_long_list_labels_each_item(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, NETWORK_NOTES)
    contexts = {note.front: note.context for note in notes if note.source.start >= 14}
    assert contexts["What does router do?"] == "HARDWARE > Devices to know"
    assert contexts["What is network interface card?"] == "HARDWARE > Devices to know"
    assert len(contexts) == 5


def test_a_formula_with_its_legend_asks_the_equation_and_each_unit(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Forces (P2)\n\n## Equations\n- **F = m a**\n"
        "  - F = resultant force (N), m = mass (kg), a = acceleration (m/s²)\n"
        "- **W = m g**\n"
        "  - W = weight (N), m = mass (kg), g = gravitational field strength (N/kg)\n",
        "forces.md",
    )
    asked = {note.front: (note.back, note.context, note.source.start) for note in notes}
    assert asked["Which equation links resultant force, mass and acceleration?"] == (
        "F = m a",
        "Equations",
        4,
    )
    assert asked["What is the unit of resultant force?"] == ("N", "Equations", 4)
    assert asked["What is the unit of acceleration?"] == ("m/s²", "Equations", 4)
    assert asked["Which equation links weight, mass and gravitational field strength?"] == (
        "W = m g",
        "Equations",
        6,
    )
    assert asked["What is the unit of gravitational field strength?"] == ("N/kg", "Equations", 6)
    # Mass is in both legends: its unit is asked once.
    assert [front for front in asked if "unit of mass" in front] == ["What is the unit of mass?"]


def test_a_formula_in_words_over_its_symbols_is_asked_as_written(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "Density notes\n\nFORMULAS\n- density = mass / volume\n  - \u03c1 = density (kg/m³)\n"
        "  - m = mass (kg)\n  - V = volume (m³)\n- efficiency = useful output / total input\n",
    )
    assert asked["Which equation links density, mass and volume?"] == "density = mass / volume"
    assert asked["What is the unit of density?"] == "kg/m³"
    # A formula in words without a legend is asked by its side, not as a definition.
    assert asked["efficiency = ?"] == "useful output / total input"
    assert "What is efficiency?" not in asked


def test_a_table_aligned_with_spaces_is_read_as_a_table(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "Spanish - the preterite\n\nREGULAR ENDINGS\nThe preterite is for completed actions.\n\n"
        "Person        -AR ending    -ER/-IR ending\n"
        "yo            -é            -í\n"
        "tú            -aste         -iste\n"
        "nosotros      -amos         -imos\n",
    )
    assert asked == {
        "What is the -AR ending of yo?": "-é",
        "What is the -ER/-IR ending of yo?": "-í",
        "What is the -AR ending of tú?": "-aste",
        "What is the -ER/-IR ending of tú?": "-iste",
        "What is the -AR ending of nosotros?": "-amos",
        "What is the -ER/-IR ending of nosotros?": "-imos",
    }


def test_a_table_of_tabs_or_bars_without_a_rule_is_read_as_a_table(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Physics units\n\nQUANTITIES AND UNITS\nEvery quantity has a unit.\n\n"
        "Quantity\tSymbol\tUnit\nforce\tF\tnewton (N)\nenergy\tE\tjoule (J)\n\n"
        "MORE UNITS\nQuantity | Unit\npower | watt (W)\ncharge | coulomb (C)\n",
    )
    asked = {note.front: (note.back, note.context, note.source.start) for note in notes}
    assert asked == {
        "What is the symbol of force?": ("F", "QUANTITIES AND UNITS", 7),
        "What is the unit of force?": ("newton (N)", "QUANTITIES AND UNITS", 7),
        "What is the symbol of energy?": ("E", "QUANTITIES AND UNITS", 8),
        "What is the unit of energy?": ("joule (J)", "QUANTITIES AND UNITS", 8),
        "What is the unit of power?": ("watt (W)", "MORE UNITS", 12),
        "What is the unit of charge?": ("coulomb (C)", "MORE UNITS", 13),
    }


def test_lines_indented_under_a_line_are_its_points_and_name_their_case(tmp_path: Path) -> None:
    notes = (
        "Russia 1905-1917\n\n"
        "KEY DATES\n"
        "1905 - Bloody Sunday\n"
        "    troops fired on marchers led by Father Gapon\n"
        "    about 200 people killed outside the Winter Palace\n"
        "1917 - February Revolution\n\n"
        "THE DUMA\n"
        "Case study: the First Duma 1906\n"
        "  dissolved by Nicholas II after only 72 days\n"
        "  Fundamental Laws let the Tsar rule by decree\n\n"
        "WAR AND REVOLUTION (1914-17)\n"
        "the Tsar took personal command of the army in 1915\n"
    )
    cards = deck_notes(tmp_path, notes, "russia.txt")
    fronts = [note.front for note in cards]
    assert "[1905] - Bloody Sunday" in fronts
    marchers = next(note for note in cards if "marchers" in note.front)
    assert marchers.context == "KEY DATES > 1905 - Bloody Sunday"
    dissolved = next(note for note in cards if "dissolved" in note.front.casefold())
    assert dissolved.context.endswith("Case study: the First Duma 1906")
    assert not any(front.startswith("What is case study") for front in fronts)
    command = next(note for note in cards if "personal command" in note.front)
    assert command.context == "WAR AND REVOLUTION (1914-17)"  # a section, not one of THE DUMA


def test_notes_never_wrapped_by_hand_keep_each_unpunctuated_line_a_fact(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Weimar culture notes\n\n"
        "the golden age 1924-29 under Stresemann saw a cultural boom in Berlin with cabaret, jazz"
        " clubs and the Bauhaus school of design founded by Walter Gropius in 1919\n"
        "Women got the vote in 1919 and could be elected to the Reichstag\n"
        "the Dawes Plan of 1924 rescheduled reparations and brought US loans\n",
    )
    fronts = {note.front: (note.source.start, note.source.end) for note in notes}
    assert fronts["Women got the vote in [1919] and could be elected to the Reichstag"] == (4, 4)
    assert fronts["The Dawes Plan of [1924] rescheduled reparations and brought US loans"] == (5, 5)
    assert all(start == end for start, end in fronts.values())  # no line run into the next


def test_a_verb_opening_a_line_is_no_term_and_picked_things_take_the(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Sociology Unit 2 - Trade unions and the arts (revision)\n\n"
        "Trade unions - what are they\n"
        "- Trade union = organised body of workers that bargains with employers over pay\n"
        "- Differ from guilds - guilds controlled a whole craft, unions bargain for employees\n"
        "- Craft unions - represent skilled workers in one trade, e.g. electricians\n"
        "- e.g. the ETU (Electrical Trades Union) founded 1889\n\n"
        "Romantic art\n"
        "Main painters: Turner, Constable, early Gainsborough. All painted in England.\n",
    )
    fronts = [note.front for note in notes]
    assert "What are the main painters?" in fronts
    assert not any(front.startswith("What are differ") for front in fronts)


RULED_NOTES = """GEOGRAPHY - Rivers (Year 10 mock revision)

==================================================
1. RIVER PROCESSES
==================================================
- Hydraulic action = the force of water breaking rock apart
- Attrition = rocks carried by the river knock into each other and break into smaller pieces
- Solution = soluble rocks such as limestone dissolve in river water
==================================================
2. LANDFORMS OF THE UPPER COURSE
==================================================
- A waterfall forms where a band of hard rock lies over softer rock
- Interlocking spurs form because the river winds around areas of hard rock

Key words
---------
discharge: the volume of water passing a point in a river per second
"""


def test_rules_drawn_across_plain_notes_end_blocks_and_mark_their_titles(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, RULED_NOTES)
    cards = {note.front: (note.back, note.context) for note in notes}
    # A line set between two rules, or underlined by one, titles the section below it; the
    # points under it are points, not titles of their own.
    assert cards["What is hydraulic action?"] == (
        "The force of water breaking rock apart",
        "RIVER PROCESSES",
    )
    # A rule right under a point ends it: the next title is not run on into it.
    assert cards["What is solution?"] == (
        "Soluble rocks such as limestone dissolve in river water",
        "RIVER PROCESSES",
    )
    assert cards["What is discharge?"][1].endswith("Key words")
    assert "spurs" not in cards["What is discharge?"][1]
    assert not any(mark in note.front for note in notes for mark in ("===", "---"))
    assert not any("LANDFORMS" in note.front or "RIVER" in note.front for note in notes)


UNDERLINED_SECTIONS = """RIVERS AND FLOODING
===================

Erosion
-------
1) Hydraulic action
   * The force of the water breaks rock particles away from the river bed.
2) Abrasion
   * Sediment carried by the river scrapes the bed in a process called corrasion.

Flood hydrographs
-----------------
(lag time = peak rainfall to peak discharge)

Urban basins
   * Tarmac is impermeable, so rain reaches the channel within 2 hours.

Deposition
----------
* The river drops its load in the lower course, forming levees.
"""


def test_numbered_titles_and_short_lines_under_an_underlined_title_sit_below_it(
    tmp_path: Path,
) -> None:
    notes = deck_notes(tmp_path, UNDERLINED_SECTIONS)
    contexts = {note.source.start: note.context for note in notes}
    # "1) Hydraulic action" heads a part of "Erosion", not a section above it: the card
    # keeps both titles, and the next underlined title starts afresh.
    assert contexts[7] == "Erosion > Hydraulic action"
    assert contexts[9] == "Erosion > Abrasion"
    assert contexts[16] == "Flood hydrographs > Urban basins"
    assert contexts[20] == "Deposition"


def test_a_line_wholly_in_brackets_is_no_title(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "ELECTRICITY\n===========\n\nCircuits\n--------\n"
        "(V = p.d., I = current, R = resistance)\n\n"
        "* Ohm's law was published by Georg Ohm in 1827.\n"
        "  o it only holds for an ohmic conductor at constant temperature\n"
        "* The unit of resistance is the ohm.\n",
    )
    # The key to the symbols is an aside: the point below it is under "Circuits".
    assert [(note.front, note.context) for note in notes if note.source.start == 8] == [
        ("Ohm's law was published by [Georg Ohm] in 1827.", "Circuits")
    ]


NUMBERED_SECTIONS = """MACROECONOMICS - unit 4 notes (tidied for the mock)

=============================
1. INFLATION
=============================
1.1 Inflation = a sustained rise in the general price level over time
1.2 Measured by the CPI (Consumer Prices Index) in the UK since 2003
1.3 CAUSES
    a) demand-pull - too much spending chasing too few goods
    b) cost-push - rising costs of production passed on as higher prices
1.4 Deflation = a sustained fall in the general price level over time

=============================
2. UNEMPLOYMENT
=============================
2.1 Claimant count = the number of people claiming unemployment benefits
2.2 UNEMPLOYMENT TYPES - who is out of work, and why:
    a) frictional - people between jobs
    b) structural - skills no longer wanted, e.g. coal miners after pit closures
"""


def test_a_numbered_section_ends_at_the_next_number_of_its_rank(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, NUMBERED_SECTIONS)
    contexts = {note.front: note.context for note in notes}
    assert contexts["What is demand-pull?"] == "INFLATION > CAUSES"
    # "1.4" after "1.3 CAUSES" and its points is back in section 1, not one of the causes.
    assert any("deflation" in front.casefold() for front in contexts)
    assert all(context == "INFLATION" for front, context in contexts.items() if "eflation" in front)
    assert contexts["What is claimant count?"] == "UNEMPLOYMENT"
    assert contexts['What does "frictional" mean?'].startswith("UNEMPLOYMENT > UNEMPLOYMENT TYPES")
    # Section numbers only count the points: no card opens on one.
    assert not any(note.front[:1].isdigit() or "[1." in note.front for note in notes)


def test_lines_indented_under_a_bullet_in_unwrapped_notes_are_its_points(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "FRANCE 1789-1799 - revision outline (never wrapped, one point to a line as in class)\n\n"
        "- Estates-General met at Versailles May 1789 -> Third Estate declared itself the"
        " National Assembly in June 1789\n"
        "- 3 constitutions of the decade:\n"
        "    1791 Constitution - constitutional monarchy, king kept a veto\n"
        "    1793 Constitution - never used, suspended by the Committee of Public Safety\n"
        "- MAXIMILIEN ROBESPIERRE, leader of the Jacobins\n"
        "    Terror: approx. 17 000 officially executed Sept 1793-July 1794\n"
        "    overthrown and guillotined July 1794 (Thermidor)\n"
        "- Napoleon seized power in the coup of Brumaire, Nov 1799\n",
    )
    fronts = [note.front for note in notes]
    # Each point is a card of its own, under what it is a point of, not run on into the next.
    assert not any("1791 Constitution" in front and "1793" in front for front in fronts)
    assert not any("Terror" in front and "guillotined" in front for front in fronts)
    terror = [note for note in notes if "officially executed" in note.front]
    assert terror and "ROBESPIERRE" in terror[0].context


def test_exam_tips_and_essay_plans_give_no_cards(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "WEIMAR GERMANY 1918-1933\n\n"
        "------------------------------\n1. HYPERINFLATION\n------------------------------\n"
        "- French and Belgian troops occupied the Ruhr in January 1923\n"
        "- In November 1923 a loaf of bread cost 200 billion marks\n\n"
        "------------------------------\nWHY DID WEIMAR SURVIVE TO 1923? (essay plan)\n"
        "------------------------------\n"
        "- Stresemann called off passive resistance in September 1923\n"
        "- The Reichswehr stayed loyal to the republic in the Munich Putsch\n\n"
        "ESSAY TECHNIQUE (don't forget!!)\n"
        "- judgement in the intro, 3 paragraphs, each with a mini-judgement\n",
    )
    assert any("1923" in note.front + note.back for note in notes)
    assert not any(
        word in (note.front + note.back + note.context).casefold()
        for note in notes
        for word in ("stresemann", "reichswehr", "essay", "judgement")
    )


def test_a_section_named_by_a_things_tip_is_notes_not_exam_tips(tmp_path: Path) -> None:
    """ "Root tip squash" names the root's tip: its lines are facts; a section of tips is not."""
    notes = deck_notes(
        tmp_path,
        "# Cell division\n\n"
        "## Required practical - root tip squash\n"
        "- mitotic index = number of cells in mitosis / total number of cells counted\n"
        "- a higher mitotic index means more rapid growth, e.g. in tumour tissue\n\n"
        "## Top tips\n"
        "- the mitotic index is asked every year, so learn its formula by heart\n",
    )
    said = [note.front + " " + note.back for note in notes]
    assert any("total number of cells counted" in text for text in said)
    assert not any("every year" in text for text in said)


def test_a_thing_and_what_it_is_on_a_line_without_a_mark_is_a_fact_not_a_heading(
    tmp_path: Path,
) -> None:
    """Among bulleted notes, "Rondo form: ABACA, ..." over the next unmarked line is a line of
    the notes, carded; "Forms" above them stays their heading, and a line after the last such
    line is not lost as an empty heading."""
    notes = deck_notes(
        tmp_path,
        "MUSIC - THE CLASSICAL ERA\n\n"
        "Key features\n"
        "- Alberti bass: broken chord accompaniment in the left hand\n"
        "- harpsichord replaced by the piano\n"
        "- basso continuo dropped out of use\n\n"
        "Forms\n"
        "Sonata form = exposition, development, recapitulation\n"
        "  exposition: first subject in the tonic, second subject in the dominant\n"
        "  development: themes broken up, modulates through several keys\n"
        "Rondo form: ABACA, main theme keeps coming back\n"
        "Concerto = 3 movements for a soloist and orchestra, cadenza near end of 1st mvt\n"
        "String quartet: 2 violins, viola, cello\n\n"
        "Composers\n"
        "Joseph Haydn (1732-1809)\n"
        "  - worked nearly 30 years for the Esterhazy family\n"
        "  - wrote 104 symphonies\n",
    )
    rondo = [note for note in notes if "ABACA" in note.front + note.back]
    assert rondo and rondo[0].context.split(" > ")[-1] == "Forms"
    assert not any("Rondo form" in note.context for note in notes)
    assert any("Sonata form" in note.front + note.back for note in notes)


def test_essay_arguments_and_a_technique_line_give_no_cards(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "THE TUDORS 1485-1603\n\n"
        "HENRY VII\n"
        "- won the Battle of Bosworth in 1485\n"
        "- married Elizabeth of York in 1486\n\n"
        "HENRY VIII\n"
        "- broke with Rome in 1534\n\n"
        "DISSOLUTION (1536-40) -> ABBEYS SOLD (c. 800 houses)\n"
        "- Cromwell ran the visitations of 1535\n"
        "- the Pilgrimage of Grace broke out in October 1536\n\n"
        "MAIN ARGUMENTS (for 20 mark essay)\n"
        "- religion -> Cromwell most important; Henry reactive\n"
        "- money vs faith vs power\n\n"
        "ESSAY TECHNIQUE -> judge every paragraph!! link back to the question.\n"
        "Spend 10 mins planning, 35 mins writing.\n",
        name="tudors.txt",
    )
    text = " ".join(note.front + " " + note.back for note in notes)
    assert "Bosworth" in text and "Pilgrimage of Grace" in text
    for aside in ("reactive", "money vs faith", "mins", "judge every"):
        assert aside not in text, aside
    # the capital heading with a lower-case aside heads its lines, not a card of its own
    assert not any("ABBEYS SOLD" in note.front for note in notes)
    pilgrimage = [note for note in notes if "Pilgrimage" in note.front + note.back]
    assert "DISSOLUTION" in pilgrimage[0].context


def test_points_in_lower_case_under_a_title_are_facts_not_headings(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Rivers - the long profile\n\n"
        "- erosion processes: hydraulic action, abrasion, attrition, solution\n"
        "- the upper course has steep V-shaped valleys and interlocking spurs\n"
        "- meanders form in the middle course by lateral erosion\n"
        "- ox-bow lakes are cut off when a meander neck is breached\n"
        "- levees build up from deposition during floods\n"
        "SUMMARY: energy falls and deposition rises downstream.\n",
    )
    cards = {note.front: note.back for note in notes}
    processes = "Hydraulic action, abrasion, attrition, solution"
    assert cards.get("What are four erosion processes?") == processes
    assert any(front.startswith("Meanders form in the middle course") for front in cards), cards
    # each point is a point under the title, not a heading over the next one
    assert {note.context for note in notes} == {"Rivers - the long profile"}, notes
    assert not any("floods" in front and "energy" in front.casefold() for front in cards)


CORNELL_HEART = """BIOLOGY - UNIT 3: THE HEART AND CIRCULATION (YEAR 10)

======================================================================
CUES                   | NOTES
======================================================================

1. THE HEART
----------------------------------------------------------------------
Which side is          | 1.1 the left ventricle has the thickest wall (it pumps blood round
 thickest?             |     the whole body at high pressure)
                       | 1.2 the right ventricle pumps deoxygenated blood to the lungs
Who found it?          | 1.3 circulation first described by William Harvey, b. 1578 -> published
                       |     in 1628
                       | 1.4 Coronary arteries supply the heart muscle with oxygen
SUMMARY: a double circulation keeps oxygenated and deoxygenated blood apart.

  [aside - TO DO: redraw the heart diagram!! label the valves properly]

2. BLOOD VESSELS
----------------------------------------------------------------------
What carries blood     | 2.1 Arteries carry blood away from the heart at high pressure
 away from the heart?  |     -> thick muscular walls and elastic fibres
                       | 2.2 Capillaries are one cell thick -> fast diffusion into tissues

3. BLOOD (quick facts)
----------------------------------------------------------------------
                       | 3.1 Platelets are fragments of cells that help blood to clot
                       | 3.2 Plasma carries carbon dioxide, urea and glucose
"""


def test_numbered_points_wrapped_under_their_text_are_whole_cards(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, CORNELL_HEART)
    fronts = [note.front for note in notes]
    # a point's text goes on in the lines indented under it, whatever the line length
    ventricle = [front for front in fronts if "thickest wall" in front]
    assert ventricle and "whole body at high pressure" in ventricle[0], fronts
    # "b. 1578" (born) ends no sentence: the year stays with whom it is about
    assert any("Harvey" in front and "1578" in front for front in fronts), fronts
    # the section numbers count the points, the cue column and its "|" are no part of them,
    # even where a section has no cue beside it
    assert not any(re.search(r"\b\d\.\d\b|\|", front) for front in fronts), fronts
    platelets = ("[Platelets]", "What are platelets?")
    assert any(front.startswith(platelets) for front in fronts), fronts
    # the notes' title in capitals and the writer's aside are not facts
    assert not any("UNIT 3" in front or "TO DO" in front for front in fronts), fronts
    assert {note.context for note in notes} >= {"THE HEART", "BLOOD (quick facts)"}


INDENTED_OUTLINE = """\
ELECTRICITY - REVISION OUTLINE

1. CURRENT AND CHARGE
1.1 Definitions
    1.1.1 Current = rate of flow of charge, measured in amps (A)
    1.1.2 Potential difference = energy transferred per unit charge
1.2 Equations
    1.2.1 Charge = current x time
    1.2.2 Resistance = potential difference / current

2. CIRCUITS
2.1 Series circuits
    2.1.1 the same current flows through every component
    2.1.2 the total resistance is the sum of the resistances
"""


def test_points_numbered_and_indented_under_their_section_are_cards_of_their_own(
    tmp_path: Path,
) -> None:
    notes = deck_notes(tmp_path, INDENTED_OUTLINE)
    faces = [f"{note.front} :: {note.back}" for note in notes]
    # each counted point is its own card, never run into the line above it, and its number
    # ("1.1.1", "2.1.2") is no part of it and never the word hidden
    assert not any(re.search(r"\d\.\d", face) for face in faces), faces
    assert not any("Current" in face and "Potential" in face for face in faces), faces
    assert "What is potential difference? :: Energy transferred per unit charge" in faces
    assert "What is the total resistance? :: The sum of the resistances" in faces


def test_a_figure_opening_a_line_is_no_section_number(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Kenya - population notes\n\n"
        "3.5 million people live in Nairobi, the capital and largest city.\n"
        "Mombasa is the main port on the Indian Ocean coast.\n",
    )
    assert any("3.5 million" in note.front + note.back for note in notes), notes


def test_a_numbered_exam_tip_gives_no_card_from_any_of_its_sentences(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "RIVERS\n\n1. EROSION\n"
        "- abrasion - rocks scrape the bed and banks\n"
        "- attrition - rocks knock against each other and become rounder\n\n"
        "*** EXAM TIP 1: pick a side and use a named case study. SPaG counts on this one too.\n",
    )
    fronts = [note.front for note in notes]
    assert "What is abrasion?" in fronts, fronts
    assert not any("SPaG" in note.front + note.back for note in notes), fronts


def test_asides_about_the_notes_or_the_course_give_no_cards(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Rates of reaction\n\n"
        "Last updated 3 May by Mr K.\n\n"
        "- A catalyst lowers the activation energy of a reaction\n"
        "- The Maxwell-Boltzmann distribution is not on our spec, skip\n"
        "- Rate doubles for every 10 C rise. lost a mark on this in the mock\n"
        "- Increasing the concentration increases the frequency of collisions\n",
        name="rates.md",
    )
    text = " ".join(note.front + " " + note.back for note in notes)
    assert "activation energy" in text
    for aside in ("Last updated", "Maxwell", "lost a mark"):
        assert aside not in text, aside


def test_the_root_of_a_mind_map_is_its_title_not_a_card(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Rivers - Landscapes (Y10 Geog, unit 2)\n"
        "\tUPPER COURSE\n"
        "\t\tsteep V-shaped valleys formed by vertical erosion\n"
        "\t\tinterlocking spurs - the river winds around hard rock\n"
        "\tLOWER COURSE\n"
        "\t\tmeanders migrate downstream by lateral erosion\n"
        "\t\tlevees are built up by deposition during floods\n",
        name="rivers.txt",
    )
    text = " ".join(note.front + " " + note.back for note in notes)
    assert "erosion" in text
    # the course and unit the map is drawn for is no fact: it titles the deck
    assert "Y10" not in text and "unit 2" not in text, text
    assert generate_deck(tmp_path / "rivers.txt").name.startswith("Rivers - Landscapes")


def test_a_label_cut_to_its_head_never_ends_inside_a_bracket(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Light\n\n## Interference\n\n"
        "- **Young's double slit** (Thomas Young, c. 1801-03) showed that light behaves as a"
        " wave in the end\n"
        "    - bright fringes where the path difference is a whole number of wavelengths\n"
        "    - dark fringes where the waves arrive half a wavelength out of step\n",
        name="light.md",
    )
    contexts = {note.context for note in notes if "fringes" in note.front + note.back}
    assert contexts, notes
    assert all(context.count("(") == context.count(")") for context in contexts), contexts


def test_a_numbered_heading_is_named_without_its_number(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Nutrition\n\n## 2.1 Macronutrients\n\n"
        "- Protein is needed for growth and the repair of body tissues\n"
        "- Fat provides about 9 kcal of energy per gram\n\n"
        "## 3. Food safety\n\n"
        "- Bacteria multiply fastest between 5 and 63 degrees Celsius, the danger zone\n",
        name="nutrition.md",
    )
    contexts = {note.context for note in notes}
    assert "Macronutrients" in contexts and "Food safety" in contexts, contexts


def test_a_note_marked_with_chevrons_is_a_point_without_them(tmp_path: Path) -> None:
    text = (
        "Slide 3\nMonopoly\n"
        "\tPure monopoly = one firm is the whole industry\n"
        "\tBarriers to entry stop new firms joining the market\n"
        ">> Microsoft 1990s - Windows held about 90% of PC operating systems\n"
    )
    notes = deck_notes(tmp_path, text, "slides.txt")
    shown = [f"{note.front} {note.back}" for note in notes]
    assert any("Windows held about" in card for card in shown)
    assert not [card for card in shown if ">>" in card]


def test_what_a_quotation_is_good_for_in_an_essay_is_no_card(tmp_path: Path) -> None:
    text = (
        "AMBITION\n\n"
        '"I have no spur to prick the sides of my intent" - Macbeth, Act 1\n'
        "-> he admits only ambition drives him\n"
        ">> key quote for Banquo comparison essays\n"
    )
    shown = [f"{note.front} {note.back}" for note in deck_notes(tmp_path, text, "quotes.txt")]
    assert any("ambition drives him" in card for card in shown)
    assert not [card for card in shown if "essays" in card]


FRAMED_TITLES = """ECONOMY NOTES

=== UNEMPLOYMENT ===
Unemployment figures rose to 3 million in 1982 under Thatcher.
The claimant count measures people claiming unemployment benefits.

=== INFLATION ===
Inflation peaked at 24% in 1975.
"""


def test_a_title_framed_by_rules_heads_its_lines_without_the_rules(tmp_path: Path) -> None:
    notes = tmp_path / "economy.txt"
    notes.write_text(FRAMED_TITLES)
    deck = generate_deck(notes)
    contexts = {note.front: note.context for note in deck.notes}
    assert contexts["What does the claimant count measure?"] == "UNEMPLOYMENT"
    assert not any("=" in context for context in contexts.values())


def test_figures_in_a_sentence_are_numbers_not_a_picture_it_needs(tmp_path: Path) -> None:
    notes = tmp_path / "economy.txt"
    notes.write_text(FRAMED_TITLES)
    backs = {note.back for note in generate_deck(notes).notes}
    assert "Rose to 3 million" in backs


# A teacher's handout typed at a width of 70: sentences run on over the line ends, and a
# lettered point's text goes on onto lines indented under it.
WRAPPED_HANDOUT = """\
NORTHFIELD SIXTH FORM - ECONOMICS DEPARTMENT
Year 12 Economics  |  Theme 1: Markets and Market Failure
Handout 3.1 - Price Elasticity and Government Intervention

------------------------------------------------------------------

1. PRICE ELASTICITY OF DEMAND

1.1 Definition
Price elasticity of demand (PED) measures the responsiveness of the
quantity demanded of a good to a change in its own price, all other
factors being held constant.

1.2 Factors affecting PED
   (a) substitutes - the more close substitutes a good has, the more
       price elastic its demand will be
   (b) proportion of income - goods that take up a large share of
       income tend to have price elastic demand
   (c) time period - demand becomes more elastic over time as
       consumers find alternatives

Key point: when demand is price inelastic, a rise in price increases
total revenue because the percentage fall in quantity demanded is
smaller than the percentage rise in price. Firms selling goods such as
petrol and cigarettes can therefore raise prices without losing much
revenue.

2. GOVERNMENT INTERVENTION

2.1 Indirect taxes
2.1.1 A specific tax is a fixed amount of money charged on each unit
      sold, which shifts the supply curve vertically upwards.
2.1.2 An ad valorem tax is a percentage of the price, so the supply
      curve pivots and becomes steeper.

2.2 Subsidies
A subsidy is a payment by the government to producers that lowers
their costs of production. The supply curve shifts to the right and
the price paid by consumers falls.
   (i) subsidies can encourage the consumption of merit goods such as
       public transport and vaccinations
  (ii) the cost falls on taxpayers, and subsidies may keep inefficient
       firms in business

2.3 Maximum prices
   (a) A maximum price is a legal limit set below the equilibrium
       price. It creates excess demand, so shortages and black markets
       can develop, as happened with rent controls in many cities.
   (b) A minimum price is set above the equilibrium price, as with the
       minimum wage, and creates excess supply.
"""


def test_a_handout_wrapped_at_a_width_is_read_as_its_sentences(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, WRAPPED_HANDOUT, "handout.txt")
    asked = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    # the answers go on past the line end, to the end of the phrase
    assert asked["What is a specific tax?"] == "A fixed amount of money charged on each unit sold"
    assert asked["What is a maximum price?"] == "A legal limit set below the equilibrium price"
    said = [f"{note.front} {note.back}" for note in notes]
    assert any(
        "demand becomes more elastic over time as consumers find alternatives" in card
        for card in said
    )
    # a line the sentence wrapped onto heads nothing
    assert not any("percentage rise in price" in note.context for note in notes)
    assert all(not card.rstrip().endswith((" as", " the", " each unit")) for card in said)


def test_a_table_cell_wrapped_onto_the_next_line_is_one_answer(tmp_path: Path) -> None:
    # columns lined up with spaces, a rule under the header, a cell going on onto a line whose
    # first column is empty
    asked = questions(
        tmp_path,
        """\
Geography - rocks and landscapes

The rock cycle

  Rock type      Formed by                     Example
  ---------      ---------                     -------
  igneous        cooling of magma or lava      granite,
                 at or below the surface       basalt
  sedimentary    layers of sediment pressed    sandstone,
                 together over time            limestone
  metamorphic    heat and pressure changing    marble, slate
                 existing rock

Weathering breaks rock down where it stands; erosion carries it away.
""",
    )
    assert asked["What is igneous formed by?"] == "cooling of magma or lava at or below the surface"
    assert asked["What is an example of sedimentary?"] == "sandstone, limestone"
    assert asked["What is metamorphic formed by?"] == "heat and pressure changing existing rock"
    assert not any("---" in f"{front} {back}" for front, back in asked.items())


def test_an_indented_o_is_a_bullet_as_word_saves_a_second_level_as_text(tmp_path: Path) -> None:
    path = tmp_path / "rivers.txt"
    path.write_text(
        "Rivers\n======\n\nErosion\n-------\n"
        "* the river wears away its bed and banks in four ways\n"
        "  o hydraulic action - the force of the water breaks rock from the banks\n"
        "  o abrasion - stones carried by the river scrape the bed and banks\n"
        "  o attrition - stones knock together and become smaller and rounder\n"
        "* Lateral erosion widens the valley in the lower course\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    texts = [f"{note.front} {note.back}" for note in notes]
    assert any("abrasion" in text.casefold() for text in texts)
    assert not any(" o " in text or text.startswith("o ") for text in texts)
    assert not any("abrasion" in text and "attrition" in text for text in texts)


WORKED_EXAMPLES = """ALGEBRA
=======

Expanding brackets - worked examples
------------------------------------
1) (x + 2)(x + 3)
     = x^2 + 3x + 2x + 6      expand
     = x^2 + 5x + 6           collect like terms
2) 3(a - 2) + 2a
     = 3a - 6 + 2a
     = 5a - 6
"""


def test_an_expression_worked_through_in_steps_asks_what_it_comes_to(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, WORKED_EXAMPLES)
    # Each "= ..." line is a step of the working, not a fact of its own, and the expression
    # above the steps titles no section: the card asks what it comes to, from all its lines.
    cards = {note.front: (note.back, note.context, note.source.end) for note in notes}
    assert cards == {
        "(x + 2)(x + 3) = ?": ("x^2 + 5x + 6", "Expanding brackets - worked examples", 8),
        "3(a - 2) + 2a = ?": ("5a - 6", "Expanding brackets - worked examples", 11),
    }


def test_a_boolean_simplification_asks_its_result_not_a_step(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "LOGIC\n=====\n\nSimplifying\n-----------\n1) A.B + A.¬B\n"
        "     = A.(B + ¬B)       distributive\n     = A.1              A + ¬A = 1\n"
        "     = A\n2) ¬(¬A + B)\n     = ¬¬A.¬B           De Morgan\n"
        "     = A.¬B             double neg\n",
    )
    # The answer is made of the prompt's letters, in a different expression: no leak.
    assert [(note.front, note.back) for note in notes] == [
        ("A.B + A.¬B = ?", "A"),
        ("¬(¬A + B) = ?", "A.¬B"),
    ]


def test_a_warning_flagged_on_the_line_below_a_point_is_a_point_of_its_own(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "TREATY OF VERSAILLES\n====================\n\nTerms\n-----\n"
        "* The Treaty of Versailles was signed in June 1919.\n"
        "   !! Germany lost 13% of its European land under the treaty\n"
        "* The army was limited to 100,000 men.\n",
    )
    # "!!" flags a line of its own: it is not run on into the point above ("... signed in
    # [June 1919].!!"), and the flag is no part of any card.
    assert {(note.front, note.back) for note in notes if note.source.start == 6} == {
        ("When was the Treaty of Versailles signed?", "June 1919")
    }
    assert [note.front for note in notes if note.source.start == 7] == [
        "Germany lost [13%] of its European land under the treaty"
    ]
    assert not any("!!" in note.front for note in notes)


def test_a_theme_heading_joined_by_slashes_between_rules_heads_its_section(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "MACBETH - QUOTE BANK\n\n=====================\nAMBITION\n=====================\n"
        "Macbeth kills Duncan in his sleep in Act 2.\n\n"
        "=====================\nGENDER / MASCULINITY / LADY MACBETH\n=====================\n"
        "Lady Macbeth calls on the spirits to unsex her in Act 1.\n"
        "Macduff says he must also feel his grief as a man in Act 4.\n",
    )
    # The themes in capitals are a heading of the notes, not a site's menu: the lines below
    # sit under it, not under "AMBITION".
    assert [(note.front, note.context) for note in notes if note.source.start == 12] == [
        (
            "[Macduff] says he must also feel his grief as a man in Act 4.",
            "GENDER / MASCULINITY / LADY MACBETH",
        )
    ]


def test_a_numbered_title_in_capitals_with_an_aside_heads_its_points(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Sorting - lecture 8\n\n1) MERGE SORT\n- invented by John von Neumann in 1945\n"
        "- merge step compares the fronts of both halves\n\n"
        "2) HEAPSORT (v quick, he ran out of time)\n"
        "- J. W. J. Williams published heapsort in 1964\n",
    )
    # The title is no fact to learn ("[HEAPSORT] (v quick, ...)"), and the point below it is
    # about heapsort, not merge sort.
    assert not any(note.source.start == 7 for note in notes)
    assert [(note.front, note.back, note.context) for note in notes if note.source.start == 8] == [
        (
            "When did J. W. J. Williams publish heapsort?",
            "1964",
            "HEAPSORT (v quick, he ran out of time)",
        )
    ]


def test_a_table_typed_in_lower_case_between_pipes_and_rules_is_read_as_a_table(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Data structures - lecture 3\n\nCOMPLEXITY\n+-----------+-----------+----------+\n"
        "| structure | push      | pop      |\n+-----------+-----------+----------+\n"
        "| stack     | O(1)      | O(1)     |\n| linked list | O(1)    | O(n)     |\n"
        "+-----------+-----------+----------+\n",
    )
    asked = {(note.front, note.back) for note in notes}
    assert ("What is the pop of linked list?", "O(n)") in asked
    assert not any("+--" in note.front or "|" in note.front for note in notes)


def test_a_line_back_at_the_margin_is_no_part_of_the_indented_bullet_above() -> None:
    blocks = parse_plain_text(
        "Weimar Germany\n\nHYPERINFLATION 1923\nCauses of hyperinflation\n"
        "  - Germany failed to pay a reparations instalment\n  - govt printed more money\n"
        "printing money -> more money chasing the same goods -> prices rise\n"
    ).blocks
    assert [(block.text, block.start) for block in blocks if block.start >= 6] == [
        ("govt printed more money", 6),
        ("printing money -> more money chasing the same goods -> prices rise", 7),
    ]


def test_a_short_point_said_again_under_another_heading_is_kept() -> None:
    blocks = parse_plain_text(
        "Sorting\n\nBUBBLE SORT\n- Edward Friend described it in 1956\n- not stable\n\n"
        "HEAPSORT\n- J. W. J. Williams published it in 1964\n- not stable\n"
    ).blocks
    assert [block.start for block in blocks if block.text == "not stable"] == [5, 9]


def test_lines_typed_without_full_stops_are_a_note_each_under_a_topic_line(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "ECON notes\n\n\nTopic: elasticity\nPED = % change in Qd / % change in P\n"
        "elastic if PED > 1 -> revenue falls when price rises\n"
        "inelastic if PED < 1, e.g. petrol, cigarettes\n\n"
        "Topic: market failure\nexternality = cost or benefit to a third party\n",
    )
    # Each line is a note of its own, not one paragraph run on over three lines, and the
    # "Topic:" label is no part of what the section is on.
    assert [(note.front, note.back, note.context, note.source.end) for note in notes] == [
        ("PED = ?", "% change in Qd / % change in P", "elasticity", 5),
        ("[Externality] = cost or benefit to a third party", "", "market failure", 10),
    ]


def test_lines_at_the_margin_under_a_numbered_title_in_capitals_are_its_points(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Lecture 5 - Cell Signalling   (Dr Patel)\n\n2. RECEPTORS\n"
        "- G-protein coupled receptors have 7 transmembrane helices\n"
        "- ligand binds -> conformational change -> G protein activated\n\n"
        "3. SECOND MESSENGERS\ncAMP made from ATP by adenylyl cyclase\n"
        "Ca2+ released from the ER via IP3 receptors\n"
        "=> amplification: one hormone molecule gives thousands of cAMP\n",
    )
    # Each line under the title is a point of its own; the arrow's line goes on from the one
    # above it.
    assert [(note.front, note.source.start, note.source.end) for note in notes][-2:] == [
        ("cAMP made from [ATP] by adenylyl cyclase", 8, 8),
        (
            "Ca2+ released from the ER via [IP3] receptors => amplification: one hormone"
            " molecule gives thousands of cAMP",
            9,
            10,
        ),
    ]


def test_the_rows_of_truth_tables_are_no_running_header_of_a_page(tmp_path: Path) -> None:
    table = (
        "      +---+---+---+\n      | A | B | Q |\n      +---+---+---+\n"
        "      | 0 | 0 |   0   |\n      | 0 | 1 |   1   |\n      | 1 | 0 |   1   |\n"
        "      | 1 | 1 |   1   |\n      +---+---+---+\n"
    )
    path = tmp_path / "gates.txt"
    path.write_text(f"LOGIC GATES\n\nOR gate\n{table}\nXOR gate\n{table}", encoding="utf-8")
    text, _ = read_notes(path)
    rows = [block.start for block in parse_plain_text(text).blocks if block.cells]
    assert rows == [7, 8, 9, 10, 17, 18, 19, 20]


WORD_TEXT = (
    "Physics \u2013 Unit 2: Electricity\n"
    "Name: A Student\tSet: 11P\n\n"
    "1.\tCircuits\n"
    "1.1\tCurrent\n"
    "o\tCurrent is the rate of flow of charge.\n"
    "o\tAn ammeter is always placed in series with the component.\n"
    "1.2\tResistance\n"
    "o\tResistance = potential difference \u00f7 current.\n"
    "o\tPower lost = power supplied \u2013 useful power output.\n"
    "1.3\tSafety\n"
    "\u00a7\tThe fuse melts if the current is too high.\n"
    "\u00a7\tThe earth wire stops the metal case becoming live.\n"
)


def test_a_word_document_saved_as_text_keeps_its_bullets_and_numbered_sections(
    tmp_path: Path,
) -> None:
    """Word writes "o" and "\u00a7" with a tab for its bullets and "1.1<tab>Title" for its
    numbered headings: the marks are no part of a card, and each point sits under its title."""
    notes = deck_notes(tmp_path, WORD_TEXT)
    said = [f"{note.front} {note.back}" for note in notes]
    assert not [text for text in said if re.search(r"(?:^|\[|\s)[o\u00a7]\s", text)], said
    contexts = {note.context.split(" > ")[-1] for note in notes}
    assert {"Resistance", "Safety"} <= contexts, contexts
    asked = {note.front: note.back for note in notes}
    assert asked.get("Power lost = ?") == "power supplied \u2013 useful power output", asked


def test_a_spaced_en_dash_between_quantities_is_a_minus_and_before_a_remark_is_not(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "Business finance\n\nProfit\n"
        "- Contribution per unit = selling price per unit \u2013 variable cost per unit\n\n"
        "Risk\n- Margin of safety = actual output \u2013 break-even output\n",
    )
    assert asked["Contribution per unit = ?"] == (
        "selling price per unit \u2013 variable cost per unit"
    )
    assert asked["Margin of safety = ?"] == "actual output \u2013 break-even output"
    assert "What is contribution per unit?" not in asked  # (its meaning cut at the minus)
    remarked = questions(
        tmp_path,
        "German grammar\n\nThe four cases\n"
        "- Nominativ = the subject of the verb\n"
        "- Genitiv = possession (wessen?) \u2013 mostly written German\n",
        name="german.txt",
    )
    assert "Genitiv = ?" not in remarked


def test_a_condition_holding_a_number_with_a_thousands_comma_is_not_cut_at_it(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "Costs\n\nEconomies of scale\n"
        "- If output rises above 4,000, average costs fall sharply.\n"
        "- If they sell 4,000: margin of safety = 4,000 \u2013 3,000 = 1,000 units\n",
    )
    assert asked["What happens if output rises above 4,000?"] == "Average costs fall sharply"
    assert not [front for front in asked if front.endswith(" 4?")], asked


def test_a_sum_worked_out_on_a_bullet_is_never_a_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Break-even revision\n\nWorked example\n"
        "- Fixed costs = \u00a36,000 per month, price = \u00a33.00\n"
        "- Contribution = \u00a33 \u2013 \u00a31 = \u00a32\n"
        "- Break-even = 6000 \u00f7 2 = 3,000 units per month\n\n"
        "Margin of safety\n"
        "- Margin of safety = actual output \u2013 break-even output.\n"
        "- It shows how far sales could fall before the business makes a loss.\n",
    )
    contexts = [note.context for note in notes]
    assert not [context for context in contexts if "=" in context], contexts
    asked = {note.front: note.back for note in notes}
    assert asked["Margin of safety = ?"] == "actual output \u2013 break-even output", asked


def test_a_label_that_its_heading_names_lists_for_the_heading_above(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "Business revision\n\nBreak-even analysis\n\nUses and limitations\n"
        "- Uses: helps planning, shows the sales needed, supports a loan application\n"
        "- Limitations: assumes all output is sold, assumes costs stay constant\n",
    )
    limits = [front for front in asked if front.startswith("What are the limitations of")]
    assert limits and all("uses and limitations" not in front.casefold() for front in limits), asked


def test_a_paragraph_opening_on_words_in_capitals_is_headed_by_its_first_line(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Volcanoes revision\n\n"
        "TYPES\n"
        "shield volcanoes have gentle slopes made of runny basalt lava\n"
        "composite volcanoes are steep cones of ash and sticky andesite lava\n\n"
        "HAZARDS\n"
        "pyroclastic flows move at over 100 km/h down the sides of the volcano\n\n"
        "CASE STUDY 1 Mount Etna, Italy (HIC, though the teacher said check this)\n"
        "erupted in 2021 with lava fountains over 1,500m high\n"
        "around 25% of the people in Sicily live on the slopes of the volcano\n\n"
        "CASE STUDY 2 Nyiragongo, DRC (LIC) - compare with Etna\n"
        "erupted in 2021 and lava reached the city of Goma\n"
        "about 400,000 people were evacuated from Goma\n\n"
        "REDUCING THE RISK - monitoring and planning\n"
        "MONITORING - tiltmeters measure the swelling of the volcano before an eruption\n"
        "PLANNING - hazard maps show the areas to evacuate\n",
    )
    contexts = {note.front: note.context for note in notes}
    etna = [context for front, context in contexts.items() if "1,500m" in front]
    goma = [context for front, context in contexts.items() if "400,000" in front]
    assert etna == ["CASE STUDY 1 Mount Etna, Italy"]
    assert goma == ["CASE STUDY 2 Nyiragongo, DRC (LIC)"]
    # (a line of a paragraph opening in capitals heads nothing)
    assert not any(context.startswith("MONITORING") for context in contexts.values())


def test_a_fact_typed_without_its_full_stop_is_a_fact_not_a_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Digestion\n\n"
        "Enzymes\n"
        "Amylase breaks down starch into sugars\n"
        "Proteases digest proteins in the stomach\n\n"
        "Absorption\n"
        "Villi increase the surface area of the small intestine\n"
        "Capillaries carry glucose to the liver\n",
    )
    cards = {(note.context, note.front, note.back) for note in notes}
    assert cards == {
        ("Enzymes", "[Amylase] breaks down starch into sugars", ""),
        ("Enzymes", "[Proteases] digest proteins in the stomach", ""),
        ("Absorption", "What do Villi increase?", "The surface area of the small intestine"),
        ("Absorption", "[Capillaries] carry glucose to the liver", ""),
    }


def test_a_title_with_a_word_that_could_be_a_verb_stays_a_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Weimar Germany\n\n"
        "Early problems\n"
        "The Treaty of Versailles limits the army to 100,000 men\n"
        "Hyperinflation destroys the savings of the middle class\n\n"
        "Human rights abuses\n"
        "The Gestapo arrests opponents without trial\n",
    )
    contexts = {note.front: note.context for note in notes}
    assert contexts == {
        "The [Treaty of Versailles] limits the army to 100,000 men": "Early problems",
        "[Hyperinflation] destroys the savings of the middle class": "Early problems",
        "The [Gestapo] arrests opponents without trial": "Human rights abuses",
    }


def test_titles_stay_headings_and_clauses_with_a_present_tense_verb_do_not() -> None:
    from revise.generation.plaintext import looks_like_heading

    titles = ["Plant cells", "Causes of WW1", "Organelles", "Key terms", "Stock levels graph"]
    titles += ["3.1 How scientists study the brain", "bans, age limits, quotas"]
    assert all(looks_like_heading(title) for title in titles)
    facts = ["Chloroplasts absorb light for photosynthesis", "The nucleus holds the DNA"]
    facts += ["Mitochondria release energy", "The cell membrane controls what enters the cell"]
    assert not any(looks_like_heading(fact) for fact in facts)


BROKEN_EVERY_FEW_WORDS = (
    "RIVERS - GCSE GEOG\n"
    "(notability export, lines\n"
    "broken where I wrote them)\n\n"
    "EROSION\n"
    "hydraulic action = force of the\n"
    "water hits the banks, air is\n"
    "forced into cracks in the rock\n"
    "abrasion - rocks carried by\n"
    "the river scrape the bed +\n"
    "banks like sandpaper\n"
    "attrition \u2192 rocks knock into\n"
    "each other \u2192 smaller + rounder\n"
    "solution = weak acids in river\n"
    "water dissolve rocks eg chalk\n"
    "\u2713 most erosion happens in the\n"
    "upper course - steep gradient\n\n"
    "TRANSPORT\n"
    "traction - large boulders roll\n"
    "along the river bed\n"
    "saltation - pebbles bounce\n"
    "along the bed of the river\n"
    "suspension = fine particles\n"
    "carried in the flow of water\n"
)


def test_notes_broken_every_few_words_start_a_fact_on_each_new_term(tmp_path: Path) -> None:
    # A handwriting export breaks a line every few words: a line that goes on mid-clause
    # joins the one above, and a line naming a new term ("attrition → ...", "saltation -
    # ...") after a line that ends on a whole phrase starts a fact of its own.
    asked = questions(tmp_path, BROKEN_EVERY_FEW_WORDS)
    assert asked["What is abrasion?"] == (
        "Rocks carried by the river scrape the bed + banks like sandpaper"
    )
    assert asked["What is solution?"] == "Weak acids in river water dissolve rocks eg chalk"
    assert asked["What is traction?"] == "Large boulders roll along the river bed"
    assert asked["What is saltation?"] == "Pebbles bounce along the bed of the river"
    assert asked["What is suspension?"] == "Fine particles carried in the flow of water"
    texts = [block.text for block in parse_plain_text(BROKEN_EVERY_FEW_WORDS).blocks]
    assert "attrition \u2192 rocks knock into each other \u2192 smaller + rounder" in texts
    # the tick is no part of the fact it marks
    assert "most erosion happens in the upper course - steep gradient" in texts


def test_a_tick_is_dropped_and_a_cross_reads_as_not() -> None:
    from revise.generation.plaintext import unticked

    assert unticked("\u2713 they are biodegradable") == "they are biodegradable"
    assert unticked("\u2717 addition polymers can't be") == "addition polymers can't be"
    assert unticked("\u2717 reversible") == "not reversible"
    assert unticked("no mark here") == "no mark here"


def test_a_plain_line_opening_on_an_amount_asks_what_it_leads_to(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "Diet and health\n\n"
        "Salt\n"
        "adults should eat no more than 6 g of salt a day\n"
        "too much salt -> high blood pressure, stroke, heart disease\n",
    )
    assert asked["What does too much salt lead to?"] == "High blood pressure, stroke, heart disease"


def test_a_plain_line_pairing_a_thing_with_what_goes_with_it_asks_no_effect(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "Particles\n\nExchange particles\nCosmic rays -> pions, muons, kaons discovered in them\n",
    )
    assert "What do cosmic rays lead to?" not in asked


def test_an_example_after_a_point_under_a_numbered_stage_is_an_example_of_the_stage(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "Succession\n\n"
        "Primary succession\n"
        "\tStage 1 - Pioneer community\n"
        "\t\tpioneer species colonise bare rock because they survive harsh conditions\n"
        "\t\teg lichens, mosses\n"
        "\tStage 2 - Intermediate community\n"
        "\t\tsoil deepens as pioneers die and decompose\n"
        "\t\teg grasses, ferns\n",
    )
    assert asked["What is an example of stage 1 (Pioneer community)?"] == "Lichens, mosses"
    assert asked["What is an example of stage 2 (Intermediate community)?"] == "Grasses, ferns"
