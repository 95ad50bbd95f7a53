"""Tables: which axis holds the things compared, example columns, ticks, and the same table
written in Markdown and in HTML."""

from __future__ import annotations

import re
from pathlib import Path

from revise.formats.model import NoteKind
from revise.generation import generate_deck


def questions(tmp_path: Path, text: str, name: str = "notes.md") -> dict[str, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    notes = generate_deck(path).notes
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


VESSELS = (
    "# Circulation\n\n## Blood vessels\n\n"
    "| | artery | vein | capillary |\n|---|---|---|---|\n"
    "| what | vessel taking blood away from the heart | vessel taking blood back to the heart"
    " | tiny vessel linking arteries to veins |\n"
    "| wall | thick, muscular and elastic | thin with little muscle | one cell thick |\n"
    "| pressure | high, about 120 mmHg | low | very low |\n"
    "| valves | \u2717 | \u2713 | \u2717 |\n"
)


def test_a_table_whose_columns_are_the_things_compared_asks_each_thing(tmp_path: Path) -> None:
    cards = questions(tmp_path, VESSELS)
    # lower-case things over descriptions are things compared, not a word's forms
    assert cards["What is artery?"] == "vessel taking blood away from the heart"
    assert cards["Vein: what is the wall?"] == "thin with little muscle"
    assert cards["Artery: what is the pressure?"] == "high, about 120 mmHg"
    assert not [front for front in cards if " of " in front or '"' in front]
    assert not [back for back in cards.values() if back in ("\u2713", "\u2717")]


def test_the_same_table_in_html_gives_the_same_cards(tmp_path: Path) -> None:
    rows = [
        ["", "artery", "vein", "capillary"],
        ["what", "vessel taking blood away from the heart", "vessel taking blood back to the heart",
         "tiny vessel linking arteries to veins"],
        ["wall", "thick, muscular and elastic", "thin with little muscle", "one cell thick"],
        ["pressure", "high, about 120 mmHg", "low", "very low"],
        ["valves", "\u2717", "\u2713", "\u2717"],
    ]  # fmt: skip
    cells = ["".join(f"<th>{cell}</th>" for cell in rows[0])] + [
        "".join(f"<td>{cell}</td>" for cell in row) for row in rows[1:]
    ]
    html = (
        "<html><body><h1>Circulation</h1><h2>Blood vessels</h2><table>"
        + "".join(f"<tr>{row}</tr>\n" for row in cells)
        + "</table></body></html>\n"
    )
    assert questions(tmp_path, html, "notes.html") == questions(tmp_path, VESSELS)


def test_an_example_value_is_not_asked_but_a_named_example_is(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# Maths\n\n## Numbers\n\n"
        "| Kind | Definition | Example |\n|---|---|---|\n"
        "| Integer | a whole number, positive, negative or zero | -7 |\n"
        "| Fraction | a part of a whole written as a over b | 3/4 |\n"
        "| Surd | an irrational root left in root form | \u221a2 |\n\n"
        "## Rocks\n\n"
        "| Rock | How it forms | Example |\n|---|---|---|\n"
        "| Igneous | magma or lava cools and crystallises | granite |\n"
        "| Sedimentary | layers of sediment are compacted and cemented | sandstone |\n",
    )
    assert cards["What is integer?"] == "a whole number, positive, negative or zero"
    assert cards["What is an example of an igneous rock?"] == "granite"
    assert not [back for back in cards.values() if back in ("-7", "3/4", "\u221a2")]


def test_a_cell_its_row_name_already_says_gives_no_card(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# First aid\n\n## Fractures\n\n"
        "| Fracture | Open / closed | Treatment |\n|---|---|---|\n"
        "| Open fracture | open | clean the wound, then surgery |\n"
        "| Compound open fracture | open | surgery and antibiotics |\n"
        "| Closed fracture | closed | cast or splint |\n",
    )
    assert cards["What is the treatment of closed fracture?"] == "cast or splint"
    assert not [front for front in cards if "open / closed" in front.casefold()]


def test_a_column_of_ticks_asks_which_rows_have_it(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# Algorithms\n\n## Sorting\n\n"
        "| Algorithm | Stable | In place | Typical use |\n|---|---|---|---|\n"
        "| Merge sort | \u2713 | \u2717 | sorting linked lists |\n"
        "| Quick sort | \u2717 | \u2713 | general-purpose sorting of arrays |\n"
        "| Heap sort | \u2717 | \u2713 | priority queues |\n",
    )
    assert cards["Stable: which algorithms?"] == "Merge sort"
    assert cards["In place: which algorithms?"] == "Quick sort; Heap sort"
    assert not [back for back in cards.values() if back in ("\u2713", "\u2717")]


def test_rows_named_by_a_letter_units_in_a_header_and_a_degree_asked_as_one(
    tmp_path: Path,
) -> None:
    cards = questions(
        tmp_path,
        "# Blood\n\n## Blood groups\n\n"
        "| Blood group | Antigens on cells | Antibodies in plasma |\n|---|---|---|\n"
        "| A | A antigens | anti-B |\n| B | B antigens | anti-A |\n"
        "| O | none | anti-A and anti-B |\n\n"
        "## Planets\n\n"
        "| Planet | Distance from Sun (AU) | Moons |\n|---|---|---|\n"
        "| Mars | 1.5 | Phobos and Deimos |\n| Jupiter | 5.2 | over 90 |\n\n"
        "## Materials\n\n"
        "| | steel | rubber | glass |\n|---|---|---|---|\n"
        "| flexible | slightly, when thin | very | not at all |\n"
        "| density | 7.8 g/cm3 | 1.1 g/cm3 | 2.5 g/cm3 |\n",
    )
    assert cards["What are the antibodies in plasma of blood group O?"] == "anti-A and anti-B"
    assert cards["What is the distance from Sun of Jupiter (in AU)?"] == "5.2"
    assert cards["How flexible is rubber?"] == "very"
    assert cards["Glass: what is the density?"] == "2.5 g/cm3"


def test_a_table_pasted_with_tabs_into_markdown_is_read_as_a_table(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# Biology\n\n## Hormones\n\n"
        "Hormone\tGland\tEffect\n"
        "Insulin\tpancreas\tlowers blood glucose\n"
        "ADH\tpituitary gland\tmore water reabsorbed in the kidney\n"
        "Adrenaline\tadrenal glands\traises heart rate\n",
    )
    assert cards["What is the effect of ADH?"] == "more water reabsorbed in the kidney"
    assert cards["What is the gland of adrenaline?"] == "adrenal glands"
    assert not [front for front in cards if "\t" in front or "Hormone Gland" in front]


def test_a_table_of_numbered_steps_is_read_as_a_numbered_list(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    steps = [
        "Heat 50 cm3 of copper sulfate solution to just below boiling",
        "Add copper oxide a spatula at a time until no more dissolves",
        "Filter to remove the excess copper oxide",
        "Leave the filtrate on a warm windowsill to crystallise",
    ]
    table = "".join(f"| {n} | {step} |\n" for n, step in enumerate(steps, 1))
    listed = "".join(f"{n}. {step}\n" for n, step in enumerate(steps, 1))
    path.write_text(f"# Salts\n\n## Making a salt\n\n| Step | What to do |\n|---|---|\n{table}")
    from_table = [(note.front, note.back) for note in generate_deck(path).notes]
    path.write_text(f"# Salts\n\n## Making a salt\n\n{listed}")
    from_list = [(note.front, note.back) for note in generate_deck(path).notes]
    assert from_table == from_list
    assert not [front for front in from_table if "[1]" in front[0] or "(2)?" in front[0]]


def test_a_row_named_by_its_date_asks_what_happened_then(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# English history\n\n## Timeline\n\n"
        "| Year | Event | Monarch |\n|---|---|---|\n"
        "| 1066 | Battle of Hastings | Harold II |\n"
        "| 1215 | Magna Carta sealed at Runnymede | John |\n"
        "| 1485 | Battle of Bosworth | Richard III |\n\n"
        "## Interest rates\n\n"
        "| Date | Base rate | Why |\n|---|---|---|\n"
        "| March 2009 | 0.5% | banking crisis |\n| August 2016 | 0.25% | after the referendum |\n",
    )
    assert cards["What happened in 1215?"] == "Magna Carta sealed at Runnymede"
    assert cards["What was the monarch in 1066?"] == "Harold II"
    assert cards["What was the base rate in March 2009?"] == "0.5%"
    assert not [front for front in cards if " of 1066?" in front or "march" in front]


def test_a_column_of_what_each_row_is_known_for_asks_which_row(tmp_path: Path) -> None:
    """ "What is Faraday known for? :: electromagnetic induction, the dynamo" has many right
    answers; the words pick out one row: "Which scientist is known for ...?" :: Faraday."""
    asked = questions(
        tmp_path,
        "# Scientists of electricity\n\n"
        "| Scientist | Born | Known for |\n|---|---|---|\n"
        "| Michael Faraday | 1791 | electromagnetic induction, the dynamo |\n"
        "| James Clerk Maxwell | 1831 | equations of the electromagnetic field |\n"
        "| Charles Coulomb | 1736 | force between charges, torsion balance |\n",
    )
    assert asked["Which scientist is known for electromagnetic induction, the dynamo?"] == (
        "Michael Faraday"
    )
    assert asked["Which scientist is known for force between charges, torsion balance?"] == (
        "Charles Coulomb"
    )
    assert not [front for front in asked if front.endswith("known for?")]


def test_a_word_processors_bold_first_row_is_the_tables_header(tmp_path: Path) -> None:
    # a word processor's HTML export writes a header row as bold cells, with no <th>
    page = (
        "<html><head><style>.c6{font-weight:700}.c0{font-weight:400}</style></head><body>\n"
        '<h2>Organelles</h2>\n<table><tbody>\n<tr><td><p><span class="c6">Organelle</span></p></td>'
        '<td><p><span class="c6">Function</span></p></td></tr>\n'
        '<tr><td><p><span class="c0">Ribosome</span></p></td>'
        '<td><p><span class="c0">makes proteins from amino acids</span></p></td></tr>\n'
        '<tr><td><p><span class="c0">Mitochondrion</span></p></td>'
        '<td><p><span class="c0">site of aerobic respiration</span></p></td></tr>\n'
        "</tbody></table></body></html>\n"
    )
    path = tmp_path / "cells.html"
    path.write_text(page, encoding="utf-8")
    faces = [f"{note.front} :: {note.back}" for note in generate_deck(path).notes]
    assert not any(face.startswith("What is organelle?") for face in faces), faces
    assert any("function of ribosome" in face.casefold() for face in faces), faces


def test_a_line_break_in_a_cell_parts_its_facts_in_markdown_and_html(tmp_path: Path) -> None:
    markdown = (
        "# Digestion\n\n| Enzyme | Made in | Product |\n|---|---|---|\n"
        "| Amylase | Salivary glands<br>Pancreas | Maltose |\n"
        "| Protease | Stomach<br/>Pancreas | Amino acids |\n"
    )
    html = (
        "<html><body><h1>Digestion</h1><table>"
        "<tr><th>Enzyme</th><th>Made in</th><th>Product</th></tr>"
        "<tr><td>Amylase</td><td>Salivary glands<br>Pancreas</td><td>Maltose</td></tr>"
        "<tr><td>Protease</td><td>Stomach<br>Pancreas</td><td>Amino acids</td></tr>"
        "</table></body></html>"
    )
    for name, text in (("notes.md", markdown), ("page.html", html)):
        answers = set(questions(tmp_path, text, name).values())
        assert {"Salivary glands; Pancreas", "Stomach; Pancreas"} <= answers, name


def test_a_cause_or_outcome_column_is_asked_though_its_cells_are_statements(
    tmp_path: Path,
) -> None:
    text = (
        "# Cold War crises\n\n| Crisis | Cause | Outcome |\n|---|---|---|\n"
        "| Berlin Blockade | Stalin feared a strong West Germany | The West flew in supplies |\n"
        "| Cuban Missile Crisis | Soviet missiles found on Cuba by a U-2 spy plane"
        " | Khrushchev removed the missiles |\n"
    )
    answers = set(questions(tmp_path, text).values())
    assert "Soviet missiles found on Cuba by a U-2 spy plane" in answers
    assert "Stalin feared a strong West Germany" in answers


INDICATORS = """# Development

## Indicators

| Indicator | What it measures | Rough guide |
| --- | --- | --- |
| Infant Mortality Rate (IMR) | deaths under age 1 per 1,000 births | higher = poorer healthcare |
| Literacy rate | % of adults who can read and write | higher = more schooling |
| Birth Rate | births per 1,000 people per year | about 10 in rich countries |
"""


def test_a_cell_that_says_what_more_of_the_row_shows_asks_that(tmp_path: Path) -> None:
    got = questions(tmp_path, INDICATORS)
    # "higher = ..." says what a higher value shows, whatever the column is headed
    assert got.get("What does a higher literacy rate show?") == "More schooling"
    assert got.get("What does a higher infant mortality rate (IMR) show?") == "Poorer healthcare"
    assert not any("higher =" in back for back in got.values())
    # a name in common words beside its letters is lowered as a whole, the letters kept
    assert got.get("What does infant mortality rate (IMR) measure?") == (
        "deaths under age 1 per 1,000 births"
    )


QUANTITIES = """# Motion

## Quantities

| Quantity | Formula | Unit |
| --- | --- | --- |
| Speed | distance ÷ time | m/s |
| Velocity | displacement ÷ time | m/s |
| Momentum | mass \u00d7 velocity | kg m/s |
"""


def test_a_unit_shared_by_rows_is_asked_of_each_row(tmp_path: Path) -> None:
    got = questions(tmp_path, QUANTITIES)
    assert got.get("What is the unit of speed?") == "m/s"
    assert got.get("What is the unit of velocity?") == "m/s"
    assert not any(front.startswith("Unit m/s") for front in got)


def test_a_row_named_by_numbers_is_asked_by_what_they_count(tmp_path: Path) -> None:
    # The first column alone names three rows "4" and two rows "3": the next column of numbers
    # tells them apart, and neither is asked of the row as a fact.
    text = (
        "# Molecules\n\n## Electron domains\n\n"
        "| Electron domains | Lone pairs | Molecular shape |\n|---|---|---|\n"
        "| 4 | 0 | tetrahedral |\n"
        "| 4 | 1 | trigonal pyramidal |\n"
        "| 4 | 2 | bent |\n"
        "| 3 | 0 | trigonal planar |\n"
        "| 3 | 1 | bent |\n"
    )
    cards = questions(tmp_path, text)
    shape = "What is the molecular shape with"
    assert cards[f"{shape} 4 electron domains and 1 lone pair?"] == "trigonal pyramidal"
    assert cards[f"{shape} 4 electron domains and no lone pairs?"] == "tetrahedral"
    assert cards[f"{shape} 3 electron domains and 1 lone pair?"] == "bent"
    assert not [front for front in cards if " of 4?" in front or " of 3?" in front]
    assert not {"0", "1", "2"} & set(cards.values())


def test_a_substance_named_by_its_formula_is_an_example_to_recall(tmp_path: Path) -> None:
    text = (
        "# Bonding\n\n## Structures\n\n"
        "| Bonding pairs | Lone pairs | Shape | Example |\n|---|---|---|---|\n"
        "| 3 | 0 | trigonal planar | BF3 |\n"
        "| 3 | 1 | pyramidal | NH3 |\n"
        "| 4 | 0 | tetrahedral | CH4 |\n"
    )
    cards = questions(tmp_path, text)
    assert cards["What is the shape with 3 bonding pairs and 1 lone pair?"] == "pyramidal"
    assert cards["What is the shape with 3 bonding pairs and no lone pairs?"] == "trigonal planar"
    assert cards["What is an example with 3 bonding pairs and 1 lone pair?"] == "NH3"


STRIKES = (
    "# Labour history\n\n## The General Strike\n\n"
    "The strike was called by the TUC and Baldwin refused to talk while it lasted.\n\n"
    "| Event | Date | Cause | Outcome |\n|---|---|---|---|\n"
    "| Miners locked out | 1 May 1926 | owners cut wages and lengthened hours"
    " | TUC called a general strike |\n"
    "| Samuel Commission | March 1926 | coal subsidy about to end | recommended wage cuts |\n"
    "| Strike called off | 12 May 1926 | TUC feared the government would use the army"
    " | miners fought on alone until November |\n"
)


def test_a_row_that_says_what_happened_is_asked_as_a_happening(tmp_path: Path) -> None:
    cards = questions(tmp_path, STRIKES)
    assert cards["When was the strike called off?"] == "12 May 1926"
    assert cards["Why was the strike called off?"] == "TUC feared the government would use the army"
    assert cards["What followed when the miners were locked out?"] == "TUC called a general strike"
    # a row that names a thing is asked of it as before
    assert cards["What is the date of Samuel Commission?"] == "March 1926"
    assert not [front for front in cards if "of Strike called off" in front or "of miners" in front]


def test_a_dated_table_asks_its_fifth_column_and_cells_with_alternatives(tmp_path: Path) -> None:
    text = (
        "# Reformation\n\n## England 1529-59\n\n"
        "| Event | Date | Cause | Outcome | Significance |\n|---|---|---|---|---|\n"
        "| Cromwell's injunctions | 1536 | clergy resisted reform | English Bible in every church"
        " | Protestant ideas reached the parishes |\n"
        "| Dissolution / suppression | 1536 / 1539 | monasteries rich, seen as corrupt"
        " | lands sold to the gentry | gentry tied to the break with Rome |\n"
    )
    cards = questions(tmp_path, text)
    significance = "Protestant ideas reached the parishes"
    assert cards["What is the significance of Cromwell's injunctions?"] == significance
    assert cards["What is the outcome of dissolution / suppression?"] == "lands sold to the gentry"


def test_rows_named_by_describing_words_are_kinds_of_the_first_column(tmp_path: Path) -> None:
    text = (
        "# Rocks\n\n## Rock types\n\n"
        "| Rock | Example | Texture |\n|---|---|---|\n"
        "| igneous intrusive | granite | coarse |\n"
        "| igneous extrusive | basalt | fine |\n"
        "| metamorphic | marble | banded or interlocking |\n"
        "\n## Solids\n\n| Solid | Bonds broken on melting |\n|---|---|\n"
        "| ice | hydrogen bonds between molecules |\n| salt | ionic bonds in the lattice |\n"
    )
    cards = questions(tmp_path, text)
    assert cards["What is an example of an igneous intrusive rock?"] == "granite"
    assert cards["What is the texture of an igneous extrusive rock?"] == "fine"
    assert cards["What are the bonds broken on melting of ice?"] == (
        "hydrogen bonds between molecules"
    )
    assert not [front for front in cards if "of igneous intrusive?" in front]


def test_a_date_told_by_a_timeline_is_not_asked_again_by_a_table(tmp_path: Path) -> None:
    text = (
        "# Space race\n\n## Key dates\n\n"
        "- 12 Apr 1961 — Gagarin orbits the Earth\n"
        "- 20 Jul 1969 — Apollo 11 landed on the Moon\n\n"
        "## Missions\n\n| Mission | Date | Crew |\n|---|---|---|\n"
        "| Apollo 11 | 20 Jul 1969 | Armstrong, Aldrin, Collins |\n"
        "| Apollo 13 | 11 Apr 1970 | Lovell, Swigert, Haise |\n"
    )
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    notes = generate_deck(path).notes
    told = [note for note in notes if "20 Jul 1969" in f"{note.front} {note.back}"]
    assert len(told) == 1, [note.front for note in told]
    cards = questions(tmp_path, text)
    assert cards["What is the date of Apollo 13?"] == "11 Apr 1970"


PAYOFFS = (
    "# Behavioural ecology\n\n## hawk-dove game\n"
    "two animals contest a resource worth V = 50, injury costs C = 100.\n\n"
    "|          | Hawk      | Dove    |\n|----------|-----------|---------|\n"
    "| Hawk     | -25, -25  | 50, 0   |\n| Dove     | 0, 50     | 15, 15  |\n\n"
    "Maynard Smith & Price introduced the ESS in 1973.\n"
)


def test_a_payoff_matrix_asks_no_cell_out_of_its_grid(tmp_path: Path) -> None:
    for name in ("notes.md", "notes.txt"):
        path = tmp_path / name
        path.write_text(PAYOFFS, encoding="utf-8")
        notes = generate_deck(path).notes
        # "Dove: what is the hawk? :: 50, 0" means nothing without the grid around it
        assert not [note for note in notes if "Hawk:" in note.front or "Dove:" in note.front]
        assert not [note for note in notes if "50, 0" in note.back or "15, 15" in note.back]
        # the lines around the grid are still read
        assert any("1973" in note.back for note in notes)


RADIANS_TABLE = """# Radians

## Values to learn

| angle | 0 | π/6 | π/4 | π/3 | π/2 |
|-------|---|-----|-----|-----|-----|
| sin | 0 | 1/2 | 1/√2 | √3/2 | 1 |
| tan | 0 | 1/√3 | 1 | √3 | undefined |

## A quadratic by hand

| x | 0 | 1 | 2 | 3 |
|---|---|---|---|---|
| y | 3 | 0 | -1 | 0 |
"""


def test_a_table_of_values_asks_each_function_at_each_value(tmp_path: Path) -> None:
    path = tmp_path / "radians.md"
    path.write_text(RADIANS_TABLE)
    cards = {note.front: note.back for note in generate_deck(path).notes}
    assert cards["sin π/6 = ?"] == "1/2"
    assert cards["sin π/2 = ?"] == "1"  # every column, not the first few
    assert cards["tan π/2 = ?"] == "undefined"
    assert cards["y = ? (x = 2)"] == "-1"
    assert cards["tan π/3 = ?"] == "√3"  # the 3 of π/3 gives nothing away
    # no column's value asked "of" a row, no shared value asked the other way round
    assert not [front for front in cards if " of " in front or "which" in front]


def test_a_truth_table_gives_no_card_for_each_row(tmp_path: Path) -> None:
    path = tmp_path / "gates.md"
    path.write_text(
        "# Logic gates\n\n## NOR\n\nThe output is 1 only when both inputs are 0.\n\n"
        "| A | B | Q |\n|---|---|---|\n| 0 | 0 | 1 |\n| 0 | 1 | 0 |\n| 1 | 0 | 0 |\n"
        "| 1 | 1 | 0 |\n\n## Half adder\n\nA **half adder** adds two bits and gives a sum "
        "and a carry.\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    assert any("half adder" in (note.front + note.back).casefold() for note in notes)
    assert not any(re.search(r"\bof [01]\b", note.front) for note in notes)


ORGANISER = (
    "# Rainforests\n\n## Key vocabulary\n\n| Key word | Definition |\n|---|---|\n"
    "| Canopy | dense layer of tree tops that blocks most of the light |\n"
    "| Drip tips | leaves with pointed tips |\n"
    "| Leaching | nutrients washed out of the soil by heavy rain |\n\n"
    "## Adaptations\n\n| Plant | Adaptation | Why |\n|---|---|---|\n"
    "| Buttress roots | wide ridges at base of trunk | support tall trunks in shallow soil |\n"
    "| Drip tips | pointed leaves with waxy surface | shed heavy rain quickly |\n"
)


def test_why_a_row_is_so_is_asked_besides_what_it_is_and_in_its_own_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "organiser.md"
    path.write_text(ORGANISER, encoding="utf-8")
    notes = generate_deck(path).notes
    cards = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    # "Drip tips: why?" asks no more than "What are drip tips?" and is no copy of it
    assert cards["What are drip tips?"] == "leaves with pointed tips"
    assert [note.source.start for note in notes] == sorted(note.source.start for note in notes)


KNOWLEDGE_ORGANISER = (
    "# Knowledge organiser \u2013 Hot deserts\n\n## What are they like?\n\n"
    "| Feature | Facts |\n|---|---|\n"
    "| Rainfall | about 100 mm per year |\n"
    "| Location | between 15\u00b0 and 30\u00b0 north and south of the Equator, mostly on the "
    "western side of continents. Sahara, Kalahari, Atacama |\n\n"
    "## Case study \u2013 the Sahara, North Africa\n\n| Fact | Figure |\n|---|---|\n"
    "| Area | about 9 million km\u00b2 |\n| People | about 2.5 million nomads |\n\n"
    "## Key words\n\n| Key word | Definition |\n|---|---|\n"
    "| Aridity | lack of moisture, usually measured against the water that evaporation would "
    "take from the ground |\n"
)


def test_a_column_of_facts_asks_its_row_of_the_thing_the_table_is_about(
    tmp_path: Path,
) -> None:
    cards = questions(tmp_path, KNOWLEDGE_ORGANISER)
    # not "What is the figure of area?", nor "Facts: what is the rainfall?"
    assert cards["What is the area of the Sahara?"] == "about 9 million km\u00b2"
    assert cards["What are the people of the Sahara?"] == "about 2.5 million nomads"
    assert cards["What is the rainfall of hot deserts?"] == "about 100 mm per year"
    # a cell too long to be an answer gives its first part
    assert cards["What is the location of hot deserts?"] == (
        "between 15\u00b0 and 30\u00b0 north and south of the Equator"
    )
    # a term whose meaning is long is asked as the others are, from its first part
    assert cards["What is aridity?"] == "lack of moisture"
    assert not [front for front in cards if re.search(r"\b(?:figure|facts?)\b", front, re.I)]


def test_a_why_column_names_what_the_reason_is_for(tmp_path: Path) -> None:
    cards = questions(tmp_path, ORGANISER)
    # not "Buttress roots: why?", a half question that names nothing the reason is for
    assert cards["Buttress roots (wide ridges at base of trunk): why?"] == (
        "support tall trunks in shallow soil"
    )
    cards = questions(
        tmp_path,
        "# Rainforest plants\n\n| Plant | Adaptation | Why |\n|---|---|---|\n"
        "| Lianas | climb trees | reach the light in the canopy |\n"
        "| Jaguar | spotted coat (rosettes) | camouflage in dappled light |\n\n"
        "Monkeys swing from tree to tree on lianas.\n",
    )
    assert cards["Why do lianas climb trees?"] == "reach the light in the canopy"
    assert cards["Jaguar (spotted coat): why?"] == "camouflage in dappled light"


def test_a_command_word_is_asked_what_it_means(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# Exam skills\n\n| Command word | What it means |\n|---|---|\n"
        "| Describe | Give an account of the main features. You do not need to say why. |\n"
        "| Evaluate | Weigh up strengths and weaknesses to reach a judgement |\n",
    )
    assert cards['What does "describe" mean?'] == "Give an account of the main features"
    assert not [front for front in cards if front.startswith("What is ")]


def test_a_boxed_summary_keeps_its_subject_and_drops_the_words_that_box_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "boxes.md"
    path.write_text(
        "# Knowledge organiser \u2013 Soils\n\n"
        "> **The big idea:** Soils form slowly. Farmers protect them with terraces.\n\n"
        "> **Nutrient cycle in a box:** leaf litter decomposes quickly, so the biggest store "
        "is **biomass**.\n\n"
        "> **Why protect them?** Carbon sink, medicines, biodiversity, water cycle, tourism.\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    shown = [f"{note.context} | {note.front}" for note in notes]
    assert (
        "Nutrient cycle | Leaf litter decomposes quickly, so the biggest store is [biomass]."
        in (shown)
    )
    assert not [front for front in shown if re.search(r"in a box|big idea|\[Why", front, re.I)]


def test_a_fact_too_long_to_be_an_answer_hides_its_figure(tmp_path: Path) -> None:
    path = tmp_path / "case.md"
    path.write_text(
        "# Case study \u2013 the Nile\n\n| Fact | Figure |\n|---|---|\n"
        "| Length | about 6,650 km |\n"
        "| River | the Nile carries about 300 million tonnes of silt a year into the "
        "Mediterranean Sea from the highlands |\n",
        encoding="utf-8",
    )
    shown = [note.front for note in generate_deck(path).notes]
    assert "What is the length of the Nile?" in shown
    # not dropped for an answer of 17 words: the row is a line whose figure is hidden
    assert any(front.startswith("River: ") and "[300 million" in front for front in shown)


def test_a_row_of_a_kind_is_asked_what_the_column_is_for_it(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# Impacts of deforestation\n\n| Type | Impact |\n|---|---|\n"
        "| Biodiversity | habitats destroyed, species extinct |\n"
        "| Local climate | less transpiration, so drier |\n",
    )
    # the impact on biodiversity, not "What is the impact of biodiversity?"
    assert cards["Biodiversity: what is the impact?"] == "habitats destroyed, species extinct"
    assert not [front for front in cards if " of " in front]


def test_a_detail_column_of_events_asks_what_happened(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "# The space race\n\n| Event | Date | Detail |\n|---|---|---|\n"
        "| Sputnik | 4 Oct 1957 | first artificial satellite, launched by the USSR |\n"
        "| Moon landing | July 1969 | Apollo 11, Armstrong and Aldrin walk on the Moon |\n",
    )
    # not "What is the detail of sputnik?"
    assert cards["Sputnik (4 Oct 1957): what happened?"] == (
        "first artificial satellite, launched by the USSR"
    )
    assert not [front for front in cards if "detail" in front.casefold()]


def test_a_long_cell_beside_its_hidden_row_keeps_the_capital_of_a_name(tmp_path: Path) -> None:
    path = tmp_path / "dams.md"
    path.write_text(
        "# Energy\n\n| Cause | Details |\n|---|---|\n"
        "| Hydropower | Belo Monte dam on the Xingu River flooded about 500 km\u00b2 and displaced "
        "about 20,000 people |\n"
        "| Logging | Loggers cut hardwoods such as mahogany and teak, much of it illegally, for "
        "export to Europe and China |\n",
        encoding="utf-8",
    )
    shown = [note.front for note in generate_deck(path).notes]
    assert "[Hydropower] - Belo Monte dam on the Xingu River flooded about 500 km\u00b2 and " in (
        " ".join(shown)
    )
    assert "[Logging] - loggers cut hardwoods" in " ".join(shown)


FLASH_FACTS = (
    "# Electric fields\n\n## Flash facts\n\n"
    "| Q / term | Answer |\n|---|---|\n"
    "| Electric field | a region where a charged object experiences a (non-contact) force |\n"
    "| **Like charges** | repel |\n"
    "| V at infinity | zero |\n"
    "| Coulomb's law | F = Q1Q2 / (4\u03c0\u03b50 r^2) \u2014 force between two point charges is"
    " proportional to the product of charges, inversely prop to r^2 |\n"
    "| What does a uniform field look like? | parallel, equally spaced field lines |\n"
)


def test_a_table_of_questions_and_answers_is_the_cards_the_student_wrote(
    tmp_path: Path,
) -> None:
    cards = questions(tmp_path, FLASH_FACTS)
    assert cards["Like charges"] == "repel"
    assert cards["V at infinity"] == "zero"
    assert cards["Electric field"] == (
        "a region where a charged object experiences a (non-contact) force"
    )
    assert cards["What does a uniform field look like?"] == "parallel, equally spaced field lines"
    # a back that packs several facts keeps its first, as a typed card's does
    assert cards["Coulomb's law"] == "F = Q1Q2 / (4\u03c0\u03b50 r^2)"
    assert not [front for front in cards if "answer" in front.casefold()]


def test_a_quantity_row_asks_its_meaning_formula_and_unit_apart(tmp_path: Path) -> None:
    """ "force per unit positive charge, E = F/Q, unit N C^-1" is three facts: one answer
    holding all three is more than a student recalls at once; so is a name with its value."""
    cards = questions(
        tmp_path,
        "# Electric fields\n\n## Flash facts\n\n| Q / term | Answer |\n|---|---|\n"
        "| Electric field strength E | force per unit positive charge, E = F/Q, unit N C^-1 |\n"
        "| Uniform field between plates | E = V/d, unit V m^-1 (same as N C^-1) |\n"
        "| \u03b50 | permittivity of free space = 8.85 x 10^-12 F m^-1 |\n"
        "| V from point charge | V = Q / (4\u03c0\u03b50 r) \u2014 NB 1/r not 1/r^2 !! |\n"
        "| Electronvolt (eV) | energy gained by an electron accelerated through p.d. of 1 V = "
        "1.60 x 10^-19 J |\n"
        "| Like charges | repel |\n",
    )
    assert cards["Electric field strength E"] == "force per unit positive charge"
    assert cards["What is the formula for electric field strength E?"] == "E = F/Q"
    assert cards["What is the unit of electric field strength E?"] == "N C^-1"
    assert cards["Uniform field between plates"] == "E = V/d"
    # a name and its value are two facts; a note to self after a dash is neither
    assert cards["\u03b50"] == "permittivity of free space"
    assert cards["What is the value of \u03b50?"] == "8.85 x 10^-12 F m^-1"
    assert cards["V from point charge"] == "V = Q / (4\u03c0\u03b50 r)"
    assert cards["Electronvolt (eV)"] == (
        "energy gained by an electron accelerated through p.d. of 1 V"
    )
    assert cards["What is the value of Electronvolt (eV)?"] == "1.60 x 10^-19 J"


def test_front_and_back_columns_in_plain_text_org_and_html_are_cards_too(
    tmp_path: Path,
) -> None:
    rows = [
        ("What does the nucleus contain?", "genetic material (DNA)"),
        ("Mitochondria", "site of aerobic respiration"),
        ("Ribosomes", "make proteins"),
    ]
    plain = "Cells\n\nFlash facts\n\nFront | Back\n" + "".join(f"{a} | {b}\n" for a, b in rows)
    org = "* Cells\n** Flash facts\n| Q | A |\n|---+---|\n" + "".join(
        f"| {a} | {b} |\n" for a, b in rows
    )
    html = (
        "<html><body><h1>Cells</h1><h2>Flash facts</h2><table>"
        "<tr><th>Question</th><th>Answer</th></tr>\n"
        + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>\n" for a, b in rows)
        + "</table></body></html>\n"
    )
    for text, name in ((plain, "notes.txt"), (org, "notes.org"), (html, "notes.html")):
        assert questions(tmp_path, text, name) == dict(rows), name


def test_a_table_of_properties_still_asks_by_its_headers(tmp_path: Path) -> None:
    text = (
        "# Chemistry\n\n## Elements\n\n| Element | Symbol |\n|---|---|\n"
        "| Sodium | Na |\n| Chlorine | Cl |\n\n## Key words\n\n| Term | Definition |\n|---|---|\n"
        "| Isotope | an atom of an element with a different number of neutrons |\n"
    )
    cards = questions(tmp_path, text)
    assert cards["What is the symbol of sodium?"] == "Na"
    assert cards["What is isotope?"] == (
        "an atom of an element with a different number of neutrons"
    )
