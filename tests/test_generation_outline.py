"""How the outline of notes is read: numbered section titles, lettered points, examples."""

from __future__ import annotations

import re
from pathlib import Path

from revise.formats.model import NoteKind
from tests.generated_notes import deck_notes, questions

LIST_MARK = re.compile(r"^\(?(?:[a-zA-Z]|[ivx]+|\d+)\)\s")


def test_numbered_section_titles_head_the_points_below_them(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Psychology - memory (yr 12)\n\n"
        "1. MULTI-STORE MODEL\n"
        "  a) Atkinson and Shiffrin proposed the multi-store model in 1968\n"
        "  b) Sensory register = holds information for less than half a second\n\n"
        "2. WORKING MEMORY MODEL\n"
        "  a) Baddeley and Hitch proposed the working memory model in 1974\n\n"
        "2.1 Slave systems\n"
        "  a) visuo-spatial sketchpad = holds visual and spatial information\n\n"
        "3) Forgetting\n"
        "  a) Underwood showed in 1957 that proactive interference grows with practice\n",
    )
    where = {note.source.start: note.context for note in notes}
    assert where[4] == "MULTI-STORE MODEL"
    assert where[8] == "WORKING MEMORY MODEL"
    assert where[11] == "WORKING MEMORY MODEL > Slave systems"
    assert where[14] == "Forgetting"
    # the points' letters are no part of any card
    assert not any(LIST_MARK.match(note.front) or LIST_MARK.match(note.back) for note in notes)


def test_numbered_lines_that_state_facts_stay_facts(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "History - the July Crisis\n\nKey events\n"
        "1. Austria-Hungary declared war on Serbia on 28 July 1914\n"
        "   - Russia mobilised to defend Serbia\n"
        "2. Germany invaded Belgium on 4 August 1914\n"
        "   - Britain declared war on Germany the same day\n",
    )
    where = {note.source.start: note.context for note in notes}
    assert 4 in where and 6 in where  # the numbered facts are carded, not made headings
    assert where[4] == where[6] == "Key events"
    # a point under a numbered fact has that fact as its context, as under any parent line
    assert all(context.startswith("Key events") for context in where.values())


def test_lettered_and_roman_points_lose_their_marks_in_plain_text_and_markdown(
    tmp_path: Path,
) -> None:
    text = (
        "Memory\n\nWorking memory\n"
        "(i) Baddeley and Hitch proposed the working memory model in 1974\n"
        "(ii) Atkinson and Shiffrin proposed the multi-store model in 1968\n"
    )
    markdown = "# " + text.replace("\n\n", "\n\n## ", 1)
    for name, notes_text in (("notes.txt", text), ("notes.md", markdown)):
        notes = deck_notes(tmp_path, notes_text, name)
        assert {note.source.start for note in notes} == {4, 5}, name
        assert not any("(i" in note.front or "(i" in note.back for note in notes), name


def test_an_example_bullet_is_an_example_of_the_term_above_it(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Business - types of organisation\n\nOwnership\n"
        "- Sole trader - one owner who keeps all the profit\n"
        "- e.g. a local plumber\n"
        "- Franchise - a licence to trade under another firm's brand\n"
        "- e.g. McDonald's (most restaurants owned by franchisees)\n"
        "- Shares are sold to the public on the stock exchange\n"
        "- e.g. Tesco plc\n",
    )
    asked = {note.front: note.back for note in notes}
    assert asked["What is an example of sole trader?"] == "A local plumber"
    assert asked["What is an example of franchise?"].startswith("McDonald's")
    # no card runs the example into its parent's text, and a parent that states a fact and
    # names no term gets no example question
    assert not any("e.g." in note.front + note.back for note in notes if "plumber" in note.back)
    assert not any(front.startswith("What is an example of shares") for front in asked)


def test_a_lead_that_states_a_fact_over_its_list_keeps_its_fact(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Biology - the eye\n\nStructure\n"
        "- The human eye has three layers:\n"
        "  - sclera - tough white outer layer that protects the eye and keeps its shape\n"
        "  - choroid - middle layer full of blood vessels that feed the retina\n"
        "  - retina - inner layer of light-sensitive rods and cones that send impulses\n"
        "- The lens is held in place by the suspensory ligaments\n",
    )
    asked = {note.front: (note.back, note.source.start) for note in notes}
    assert asked["How many layers does the human eye have?"] == ("Three", 4)
    # its points are carded with the lead as their context
    assert any(
        note.source.start in (5, 6, 7) and note.context.endswith("The human eye has three layers")
        for note in notes
    )


def test_points_under_a_short_label_in_a_flat_outline_are_not_run_together(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Geography - volcanoes\n\nMount St Helens 1980\n"
        "- Eruption on 18 May 1980 after an earthquake of magnitude 5.1\n"
        "- Effects\n"
        "- an ash cloud rose 24 km into the sky\n"
        "- the blast flattened forests over 600 km2\n"
        "- mudflows destroyed 200 homes in the Toutle valley\n"
        "- Monitoring since 1980 by the USGS Cascades Volcano Observatory\n",
    )
    texts = [note.front + " :: " + note.back for note in notes]
    # each effect is a point of its own under the label, never one card of all of them
    assert not any("ash cloud" in text and "mudflows" in text for text in texts)
    assert any("24 km" in text or "600 km2" in text or "200" in text for text in texts)


def test_a_count_over_its_list_is_not_defined_by_the_first_item(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Plants\n\n## Leaf structure\n\n"
        "- three tissue layers:\n"
        "  - **epidermis** = outer layer of cells, covered by a waxy cuticle\n"
        "  - **mesophyll** = middle layer where most photosynthesis happens\n"
        "  - **xylem and phloem** = transport tissue in the veins\n",
        "notes.md",
    )
    fronts = {note.front for note in notes}
    assert not any(front.casefold().startswith("what are three tissue layers") for front in fronts)


def test_a_definition_line_under_a_term_asks_what_the_term_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Biology - control systems\n"
        "\tHomeostasis\n"
        "\t\tDef = keeping the internal environment constant despite external changes\n"
        "\t\tnegative feedback - a change triggers a response that reverses it\n"
        "\tOsmoregulation\n"
        "\t\t= control of the water potential of the blood -> done by the kidneys\n"
        "\t\tADH makes collecting duct walls more permeable to water\n"
        "\tHormones\n"
        "\t\tDefinition: chemical messengers carried in the blood to target organs\n",
        name="notes.txt",
    )
    cards = {note.front: note.back for note in notes}
    assert cards["What is homeostasis?"] == (
        "Keeping the internal environment constant despite external changes"
    )
    # what the line says follows from it is no part of the meaning
    assert cards["What is osmoregulation?"] == "Control of the water potential of the blood"
    assert cards["What are hormones?"] == (
        "Chemical messengers carried in the blood to target organs"
    )
    assert not any(front.startswith(("Def", "=")) for front in cards)


def test_a_term_whose_meaning_is_a_thing_and_what_it_is_doing_asks_what_the_term_is(
    tmp_path: Path,
) -> None:
    asked = questions(
        tmp_path,
        "Physics - heat transfer\n\n"
        "1. Ways heat moves\n"
        "    (a) conduction - energy passed along by particles vibrating against their neighbours\n"
        "    (b) convection - warm fluid rising away from the heat source\n"
        "    (c) radiation - energy carried by infrared waves, needs no medium\n"
        "    (d) insulation - air trapped in small pockets between fibres\n",
    )
    assert asked["What is conduction?"].startswith("Energy passed along by particles")
    assert asked["What is convection?"] == "Warm fluid rising away from the heat source"
    assert asked["What is insulation?"] == "Air trapped in small pockets between fibres"


MIND_MAP = """\
# Sociology of the family

- Perspectives
    - Functionalist
        - Durkheim
            - the nuclear family fits the needs of industrial society
        - Murdock
            - the family is found in every society
    - Critical views
        - Zaretsky
            - Capitalism, the Family and Personal Life (1976)
        - Feminist
            - Oakley: housework is unpaid and unrecognised labour
            - Delphy - the family exploits women
"""


def test_a_point_under_a_name_in_a_mind_map_asks_whose_point_it_is(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, MIND_MAP, "family.md")
    clozes = {note.front: note.context for note in notes if note.kind is NoteKind.CLOZE}
    asked = "[Durkheim]: the nuclear family fits the needs of industrial society"
    assert asked in clozes
    # the branches above the name are its context; the name itself is not shown
    assert clozes[asked] == "Perspectives > Functionalist"
    assert "[Murdock]: the family is found in every society" in clozes
    # a person is not defined by their book
    assert not any(note.front.startswith("What is Zaretsky") for note in notes)
    # a bullet over points that name their own speakers is a kind of point, no one's
    assert not any(front.startswith("[Feminist]") for front in clozes)


def test_a_borrowed_phrase_keeps_its_article_in_the_question(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "Music - vocal styles\n\nKey terms\n"
        "- a cappella = singing without any instrumental accompaniment\n"
        "- an aria = a solo song in an opera or oratorio\n",
    )
    assert asked["What is a cappella?"] == "Singing without any instrumental accompaniment"
    assert asked["What is an aria?"] == "A solo song in an opera or oratorio"


def test_a_name_over_its_points_is_no_list_to_recite(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# Psychology - social influence\n\n- Obedience\n    - Milgram (1963)\n"
        "        - 65% went to 450 volts\n        - obedience fell in a run-down office\n",
        "obedience.md",
    )
    # each point is a card of its own under the name, not "Milgram (1963) (2)" with both
    assert not any(note.front.startswith("Milgram") for note in notes)
    assert any("run-down office" in note.front for note in notes)


def test_a_plural_label_over_the_things_it_names_is_not_defined_by_the_first(
    tmp_path: Path,
) -> None:
    found = questions(
        tmp_path,
        "Contract law\n"
        "\tVitiating factors\n"
        "\t\tmisrepresentation (Esso v Mardon)\n"
        "\t\teconomic duress, e.g. threats to a business\n"
        "\t\tundue influence\n"
        "\tExemption clauses\n"
        "\t\tterms that exclude or limit one party's liability\n"
        "\t\tmust be incorporated by signature, notice or a course of dealing\n",
    )
    # one factor is not what vitiating factors are
    assert "What are vitiating factors?" not in found
    # a plural label over what it means still asks for its meaning
    assert found["What are exemption clauses?"].startswith("Terms that exclude or limit")


def test_a_heading_over_short_points_that_describe_it_asks_for_its_features(
    tmp_path: Path,
) -> None:
    found = questions(
        tmp_path,
        "# Biomes\n\n"
        "## Tropical rainforest\n\n"
        "- High rainfall all year\n"
        "- Many layers of vegetation\n"
        "- Thin, nutrient-poor soil\n\n"
        "## Renewable energy\n\n"
        "- solar\n"
        "- wind\n"
        "- tidal\n",
        "biomes.md",
    )
    assert found["What are the features of tropical rainforest? (3)"] == (
        "High rainfall all year; Many layers of vegetation; Thin, nutrient-poor soil"
    )
    # kinds of a thing are not its features
    assert not any("features of renewable energy" in front for front in found)


def test_a_deed_done_to_what_the_notes_are_about_asks_what_was_done(tmp_path: Path) -> None:
    found = questions(
        tmp_path,
        "- Significance of the conference for\n"
        "the alliance\n"
        "- Although the talks were tense - the meeting strengthened the grand alliance\n"
        "- Roosevelt agreed to open a second front in France\n",
        "grand-alliance-1941-45.txt",
    )
    # the alliance is the deck's topic, so what the meeting did to it is asked, against the
    # concession that makes the deed worth knowing
    asked = "Although the talks were tense, what did the meeting do to the grand alliance?"
    assert found[asked] == "Strengthened"


def test_a_point_in_lower_case_that_says_a_thing_of_its_own_is_not_run_into_the_one_above(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Poll tax and pressure groups\n\nCase study - the poll tax\n"
        "- Community Charge introduced by Thatcher govt - Scotland 1989, England + Wales 1990\n"
        "- flat-rate tax per adult - seen as unfair as rich + poor paid same\n"
        "- Anti-Poll Tax Federation organised mass non-payment\n",
    )
    # "- flat-rate tax ..." is a point of its own, not the line above going on: the two
    # points were read as one, which gave neither a card.
    assert [(note.front, note.source.start) for note in notes if note.source.start < 6] == [
        ("Community Charge introduced by Thatcher govt - Scotland [1989], England + Wales 1990", 4),
        ("[Flat-rate tax per adult] - seen as unfair as rich + poor paid same", 5),
    ]


def test_a_point_that_goes_on_with_the_one_above_still_joins_it(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Stalin and the Korean War\n\nStalin's role\n"
        "- Persuaded Kim Il-Sung to attack South Korea in June 1950\n"
        "- promising Soviet backing\n"
        "- Stalin refused to send Soviet troops to Korea in 1950\n",
    )
    assert not any(note.source.start == 5 for note in notes)


def test_a_heading_with_a_note_to_self_between_stars_heads_the_points_below(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Sorting - lecture 8\n\nQUICKSORT\n- Tony Hoare devised quicksort in 1959\n"
        "- random pivot avoids the worst case\n\n"
        "LOWER BOUND  ** this will be on the exam **\n"
        "- Donald Knuth set out the bound in The Art of Computer Programming in 1973\n",
    )
    # The heading in capitals is as high as "QUICKSORT", and the note is no part of it.
    assert [(note.front, note.back, note.context) for note in notes if note.source.start == 8] == [
        (
            "When did Donald Knuth set out the bound in The Art of Computer Programming?",
            "1973",
            "LOWER BOUND",
        )
    ]
    assert [(note.front, note.context) for note in notes if note.source.start == 5] == [
        ("What avoids the worst case?", "QUICKSORT")
    ]


def test_a_point_that_says_what_leads_to_what_is_no_heading(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Lecture 5 - Cell Signalling   (Dr Patel)\n\n2. RECEPTORS\n"
        "- G-protein coupled receptors have 7 transmembrane helices\n"
        "- ligand binds -> conformational change -> G protein activated\n\n"
        "3. SECOND MESSENGERS\ncAMP made from ATP by adenylyl cyclase\n\n"
        "Slide 14: Kinase cascades\n- MAPK pathway: Ras -> Raf -> MEK -> ERK\n"
        "- each kinase phosphorylates the next one\n",
    )
    # "Ras -> Raf -> MEK" is a fact to learn, not a title over the point below it, and the
    # part's label "Slide 14:" is no part of what the section is on.
    assert [(note.front, note.context) for note in notes if note.source.start == 11] == [
        ("MAPK pathway: [Ras] -> Raf -> MEK -> ERK", "Kinase cascades")
    ]
    assert not any("->" in note.context for note in notes)


def test_each_line_under_a_numbered_title_in_capitals_is_a_point_never_a_heading(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "Algorithms lec 4\n\n1. BUBBLE SORT\nO(n²) worst, O(n) best -> stable, in-place\n"
        "swaps adjacent pairs until no swaps are needed\n\n"
        "2. INSERTION SORT\nO(n²) worst, O(n) best -> stable, in-place, online\n"
        "used by Timsort for small runs (Tim Peters, 2002)\n\n"
        "3. MERGE SORT\nO(n log n) always, needs O(n) extra space\n"
        "invented by John von Neumann in 1945\n",
    )
    # "O(n log n) always, ..." and "used by Timsort ..." are facts under their title, not
    # titles of their own over the line below.
    assert {note.context for note in notes} <= {"BUBBLE SORT", "INSERTION SORT", "MERGE SORT"}
    assert [note.context for note in notes if note.source.start == 13] == ["MERGE SORT"]


def test_a_parent_bullet_that_states_a_claim_is_carded_and_heads_its_points(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "# Biology - hormones\n\n## Blood glucose\n"
        "- Insulin lowers the blood glucose level\n"
        "  - made in the pancreas\n"
        "  - liver stores glucose as glycogen\n"
        "- Evaluation\n"
        "  - type 1 diabetics inject insulin before meals\n"
        "  - an insulin pump gives small doses all day\n",
        "notes.md",
    )
    asked = {note.front: (note.back, note.source.start) for note in notes}
    assert asked["What does insulin lower?"] == ("The blood glucose level", 4)
    # its points are cards of their own under it, never a list recited under it
    assert not any(note.front.startswith("Insulin lowers") for note in notes)
    glycogen = next(note for note in notes if "glycogen" in note.front)
    assert glycogen.context.endswith("Insulin lowers the blood glucose level")
    # a bare label over its points is no card of its own
    assert not any(note.source.start == note.source.end == 7 for note in notes)


def test_a_definition_over_its_list_of_examples_asks_what_the_term_is(tmp_path: Path) -> None:
    notes = questions(
        tmp_path,
        "# Ecology - food chains\n\n## Feeding levels\n"
        "- Primary consumers = animals that eat producers:\n"
        "  - rabbits\n"
        "  - caterpillars\n"
        "  - slugs\n",
        "notes.md",
    )
    assert notes["What are primary consumers?"] == "Animals that eat producers"
