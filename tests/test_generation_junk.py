"""Cards a reader marks as junk: the generator does not draft them, and the checker flags them
where another route would. Each example is a short line of the shape that produced one."""

from __future__ import annotations

import re
from pathlib import Path

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.generation import generate_deck
from revise.generation.checker import check_deck

PATH = "notes/junk.md"


def deck_notes(tmp_path: Path, text: str, name: str = "notes.md") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def flagged(notes: str, note: NoteData) -> set[int]:
    """The checks a card drawn from `notes` fails."""
    deck = DeckData("Revision", [note], source=PATH)
    return {finding.check for finding in check_deck(deck, {PATH: notes})}


def cloze(front: str, line: int, context: str = "Notes") -> NoteData:
    return NoteData(NoteKind.CLOZE, front, context=context, source=SourceRef(PATH, line, line))


def basic(front: str, back: str, line: int, context: str = "Notes") -> NoteData:
    source = SourceRef(PATH, line, line)
    return NoteData(NoteKind.BASIC, front, back, context=context, source=source)


def test_a_label_over_a_point_is_never_the_answer(tmp_path: Path) -> None:
    text = (
        "# The Cold War\n\n## Containment\n\n"
        "**Key point:** the Marshall Plan gave about $13 billion of aid to rebuild Western "
        "Europe \u2013 partly to stop communism spreading.\n\n## Detente\n\n"
        "**Key point:** arms control often means limiting the number of missiles \u2013 e.g. "
        "SALT I in 1972.\n"
    )
    notes = deck_notes(tmp_path, text)
    assert notes
    assert not any("Key point" in note.front for note in notes)
    assert not any("often means" in note.front for note in notes if note.back)
    line = "**Key point:** arms control often means limiting the number of missiles.\n"
    card = cloze("[Key point]: arms control often means limiting the number of missiles", 1)
    assert 4 in flagged(line, card)
    kept = cloze("Arms control often means limiting the number of [missiles]", 1)
    assert 4 not in flagged(line, kept)


def test_a_verb_with_no_object_is_not_asked_what_it_acts_on(tmp_path: Path) -> None:
    text = (
        "# Succession\n\n## Stages\n\nPioneer species colonise bare rock. "
        "Species diversity generally increases and the soil depth increases too. "
        "The final stage is woodland.\n"
    )
    notes = deck_notes(tmp_path, text)
    assert not any(note.back and note.back.startswith("And ") for note in notes)
    line = "Species diversity generally increases and the soil depth increases too.\n"
    card = basic("What does species diversity generally increase?", "And the soil depth", 1)
    assert 14 in flagged(line, card)


def test_nothing_or_everything_is_no_term_to_define(tmp_path: Path) -> None:
    text = (
        "# Philosophy of religion\n\n- The problem of evil\n    - Logical problem\n"
        "        - Mackie (1955)\n"
        "        - an omnipotent, omnibenevolent God would remove all evil\n"
        "    - Free will defence\n"
        "        - Plantinga - free creatures must be able to choose wrong\n"
        "        - 1. Moral evil\n            - nothing is the source of its own goodness\n"
        "        - 2. Natural evil\n            - earthquakes and disease cause suffering\n"
        "    - Soul-making theodicy\n        - Hick - evil develops virtues like courage\n"
        "        - epistemic distance = God hides so faith is free\n"
    )
    fronts = [note.front for note in deck_notes(tmp_path, text)]
    assert "What is epistemic distance?" in fronts
    assert not any(front.startswith("What is nothing") for front in fronts)
    line = "- nothing is the source of its own goodness\n"
    card = basic("What is nothing?", "The source of its own goodness", 1)
    assert 14 in flagged(line, card)


def test_a_person_or_a_heading_of_kinds_is_not_asked_what_it_is(tmp_path: Path) -> None:
    text = (
        "# Philosophy of religion\n\n- The problem of evil\n    - Logical problem\n"
        "        - Mackie\n            - The Miracle of Theism (1982)\n"
        "            - evil and omnipotence cannot both exist\n"
        "    - Soul-making theodicy\n        - Hick - evil develops virtues like courage\n"
        "        - epistemic distance = God hides so faith is free\n"
        "- Miracles\n    - kinds (Hume names two, here both)\n"
        "        - violation\n            - a breach of a law of nature by a god\n"
        "        - coincidence\n            - an ordinary event read as a sign\n"
    )
    notes = deck_notes(tmp_path, text)
    fronts = [note.front for note in notes]
    assert "What is epistemic distance?" in fronts
    assert "What is Mackie?" not in fronts
    assert not any(front.casefold().startswith("kinds") for front in fronts)
    assert not any(note.back and note.back.startswith("Kinds") for note in notes)
    work = "- Mackie - The Miracle of Theism (1982)\n"
    assert 14 in flagged(work, basic("What is Mackie?", "The Miracle of Theism (1982)", 1))
    kinds = "- kinds (Hume names two, here both)\n"
    assert 11 in flagged(kinds, cloze("Kinds ([Hume] names two, here both)", 1))


def test_an_answer_written_on_the_card_in_another_form_is_given_away() -> None:
    lines = (
        "Fermentation: glucose to ethanol and carbon dioxide, by fermenting yeast\n"
        "Storm warnings - the service has 3 levels: storm watch, storm warning, red alert\n"
        "Payback time - how long a project takes to pay back what it cost\n"
        "Control unit - decodes each instruction and controls the other parts of the CPU\n"
    )
    asked = basic("What turns glucose to ethanol by fermenting yeast?", "Fermentation", 1)
    assert 5 in flagged(lines, asked)
    # One word of two in another form asks for the other ("[Regulatory capture] ... regulator").
    asked = basic("What does fermentation turn glucose into?", "Ethanol and carbon dioxide", 1)
    assert 5 not in flagged(lines, asked)
    warned = "[Storm warnings] - the service has 3 levels: storm watch, storm warning, red alert"
    assert 5 in flagged(lines, cloze(warned, 2))
    paid = "[Payback time] - how long a project takes to pay back what it cost"
    assert 5 in flagged(lines, cloze(paid, 3))
    # The word used as a verb names nothing hidden: "controls" beside "[Control unit]".
    unit = "[Control unit] - decodes each instruction and controls the other parts of the CPU"
    assert 5 not in flagged(lines, cloze(unit, 4))


def test_a_name_in_the_answer_written_on_the_card_gives_it_away(tmp_path: Path) -> None:
    text = (
        "# Physics\n\n## Optics\n\n"
        "The **Huygens principle** was set out by Christiaan Huygens in 1678 (Treatise on "
        "Light). It treats every point on a wavefront as a source of **secondary wavelets**.\n"
    )
    notes = deck_notes(tmp_path, text)
    fronts = [note.front for note in notes]
    assert not any("[Huygens principle]" in front for front in fronts)
    assert any("[1678]" in front for front in fronts)


def test_a_count_pointing_back_or_a_participle_as_subject_is_no_card(tmp_path: Path) -> None:
    lines = (
        "The Bank of England and the Treasury share the job of keeping prices stable.\n"
        "The two bodies meet each month to review inflation and set the Bank Rate.\n"
        "Used in small open economies and currency boards (CBs).\n"
    )
    bodies = cloze("The [two] bodies meet each month to review inflation and set the Bank Rate.", 2)
    assert 4 in flagged(lines, bodies)
    kept = cloze("The two bodies meet each month to review inflation and set the [Bank Rate].", 2)
    assert 4 not in flagged(lines, kept)
    garbled = basic("What do used in small open economies and currency?", "Boards (CBs)", 3)
    assert 14 in flagged(lines, garbled)
    text = (
        "# Exchange rates\n\n## Fixed rates\n\n"
        "A fixed exchange rate is pegged to another currency. "
        "Used in small open economies and currency boards (CBs). "
        "The central bank must hold large reserves.\n"
    )
    assert not any(note.front.startswith("What do used") for note in deck_notes(tmp_path, text))


def test_a_register_transfer_after_its_line_gives_no_doubled_or_shown_answer(
    tmp_path: Path,
) -> None:
    text = (
        "# CPU\n\n## Fetch\n\n"
        "- address copied from PC to MAR \u00a0 MAR \u2190 [PC]\n"
        "- instruction copied from MDR to CIR \u00a0 CIR \u2190 [MDR]\n"
        "- PC incremented by one so it points at the next instruction\n"
    )
    for note in deck_notes(tmp_path, text):
        assert "[CIR CIR]" not in note.front
        assert "[PC]" not in note.front.replace("\\[PC\\]", "")
    lines = "- instruction copied from MDR to CIR   CIR <- [MDR]\n"
    assert 4 in flagged(lines, cloze("Instruction copied from MDR to [CIR CIR] <- \\[MDR\\]", 1))
    assert 5 in flagged(lines, cloze("Instruction copied from [MDR] to CIR CIR <- \\[MDR\\]", 1))


def test_a_cause_and_what_it_changes_is_asked_as_an_effect(tmp_path: Path) -> None:
    text = (
        "1. DESERTIFICATION\n1.1 Causes\n    (a) human\n"
        "        (i) overgrazing - less vegetation cover, more exposed soil\n"
        "        (ii) over-cultivation - soil loses its nutrients and structure\n"
        "    (b) physical\n        (i) drought -> plants die back\n"
    )
    asked = {note.front: note.back for note in deck_notes(tmp_path, text, "notes.txt")}
    assert "What is overgrazing?" not in asked
    assert asked["What does overgrazing lead to?"] == "Less vegetation cover, more exposed soil"
    line = "overgrazing - less vegetation cover, more exposed soil\n"
    card = basic("What is overgrazing?", "Less vegetation cover, more exposed soil", 1)
    assert 14 in flagged(line, card)


def test_a_change_with_no_object_is_not_asked_what_it_acts_on(tmp_path: Path) -> None:
    text = (
        "2. GLACIERS\n2.1 Movement\n"
        "    2.1.1 ice velocity increases downhill b/c the slope is steeper\n"
        "    2.1.2 basal sliding - meltwater lets the glacier slide over its bed\n"
    )
    for note in deck_notes(tmp_path, text, "notes.txt"):
        assert not note.front.startswith("What does ice velocity increase")
    line = "ice velocity increases downhill b/c the slope is steeper\n"
    card = basic("What does ice velocity increase?", "Downhill b/c the slope is steeper", 1)
    assert 14 in flagged(line, card)


def test_a_clause_with_a_particle_is_not_asked_as_a_cause(tmp_path: Path) -> None:
    text = (
        "Circulation\n- the heart pumps out the blood -> pressure rises in the arteries\n"
        "- sound needs a medium -> cannot travel through a vacuum\n"
    )
    fronts = [note.front for note in deck_notes(tmp_path, text, "notes.txt")]
    assert not any("pumps out" in front and "lead to" in front for front in fronts)
    line = "- the heart pumps out the blood -> pressure rises in the arteries\n"
    card = basic("What does the heart pumps out the blood lead to?", "Pressure rises", 1)
    assert 14 in flagged(line, card)


def test_two_authors_of_one_name_are_no_word_hidden_twice() -> None:
    lines = "Peterson & Peterson: 24 students recalled consonant trigrams\n"
    card = cloze("[Peterson & Peterson]: 24 students recalled consonant trigrams", 1)
    assert 4 not in flagged(lines, card)


def test_the_name_of_a_field_beside_its_value_is_never_the_answer(tmp_path: Path) -> None:
    text = (
        "# History\n\n## Great Fire of London\n\n- **Date**: 2-6 September 1666\n"
        "- **Deaths**: 6 recorded\n- Started in a bakery on Pudding Lane\n"
    )
    notes = deck_notes(tmp_path, text)
    assert not any(note.front.startswith(("[Date]", "[Deaths]")) for note in notes)
    line = "- **Date**: 2-6 September 1666\n"
    assert 4 in flagged(line, cloze("[Date]: 2-6 September 1666", 1))
    term = "- **Kelvin**: 273 added to the Celsius temperature\n"
    assert 4 not in flagged(term, cloze("[Kelvin]: 273 added to the Celsius temperature", 1))


def test_a_course_s_running_in_lecture_notes_gives_no_card(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# LAW1001 Contract - Lecture 3: Offer and acceptance\nThu 9 Oct, Prof Adeyemi\n\n"
        "## admin\nproblem sheet 2 due Mon wk 4, covers this lecture + the next lecture. office "
        "hours moved to Weds 10-11.\n\n## 1. offer\n"
        "an offer is a definite promise to be bound on specific terms. Carlill v Carbolic Smoke "
        "Ball Co (1893): an advert can be an offer to the whole world.\n",
    )
    said = " ".join(f"{note.front} {note.back}" for note in notes)
    assert "due Mon" not in said and "Weds" not in said
    assert any("Carlill" in note.front or "Carlill" in note.back for note in notes)


def test_a_study_named_after_a_term_is_not_what_the_term_is(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "# PSY1002 Social psychology - Lecture 4\n\n## obedience\n"
        "- obedience to authority: Milgram (1963) electric shock study, 65% of participants "
        "went to 450 V\n",
    )
    # "What is obedience to authority? :: Milgram (1963) ..." names who showed it, not what it is
    assert not [note for note in notes if note.front == "What is obedience to authority?"]
    assert any("[65%]" in note.front for note in notes)


def test_an_example_under_a_flagged_point_is_no_example_of_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "metals.txt"
    path.write_text(
        "Metals\n======\n\n* Metals conduct electricity because of their delocalised "
        "electrons\n\nNB: alloys are harder than pure metals -> the layers can't slide\n"
        "  o e.g. steel = iron + carbon\n  o e.g. brass = copper + zinc\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    assert notes
    assert not any("example of nb" in note.front.casefold() for note in notes)


def test_a_label_a_name_or_a_state_is_not_asked_as_what_happens(tmp_path: Path) -> None:
    path = tmp_path / "gates.txt"
    path.write_text(
        "LOGIC GATES\n===========\n\n"
        "Background\n----------\n"
        "* Boolean algebra = maths of TRUE/FALSE values\n"
        '* named after George Boole, English mathematician -> "The Laws of Thought" (1854)\n\n'
        "1) NAND  (NOT AND)\n"
        "   * AND followed by NOT -> output 0 only when both inputs are 1\n\n"
        "Maximum price\n-------------\n"
        "* set below equilibrium -> excess demand\n\n"
        "Flip-flop\n---------\n"
        "* stores ONE bit -> basic unit of memory\n",
        encoding="utf-8",
    )
    fronts = [note.front for note in generate_deck(path).notes]
    # a heading of the notes is acted on by nothing, and a name is no happening
    assert not any("background is named" in front for front in fronts)
    # the gate is AND then NOT: NAND is not followed by NOT
    assert "What happens when NAND is followed by NOT?" not in fronts
    # a verb and its object, the flip-flop unsaid, is no cause
    assert "What does stores ONE bit lead to?" not in fronts
    assert "What happens when maximum price is set below equilibrium?" in fronts
    # the line's own thing, named in capitals, is what is followed by NOT
    assert "What happens when AND is followed by NOT?" in fronts


def test_a_label_or_a_deed_and_its_result_is_not_asked_as_a_cause(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "## Asch\n\n"
        "- task difficulty\n"
        "  - made lines more similar -> conformity up\n"
        "- result -> SA weakened, army grateful\n"
        "- higher temperature -> faster rate of reaction\n",
    )
    fronts = [note.front for note in notes]
    assert "What does made lines more similar lead to?" not in fronts
    assert "What does result lead to?" not in fronts
    assert "What does higher temperature lead to?" in fronts


def test_the_checker_flags_a_template_put_on_a_label_two_clauses_or_a_passive() -> None:
    notes = "- some line\n"
    junk = [
        basic("What happens when background is named after George Boole?", "An Investigation", 1),
        basic("Who presided and James Madison did so much of the drafting?", "Washington", 1),
        basic("Who appointed Chancellor 30 January 1933 by President Hindenburg?", "Hitler", 1),
        basic("Who induced when a conductor cuts magnetic field lines?", "Emf", 1),
        basic("When was the League of Nations first met?", "January 1920", 1),
        basic("What did randomly assign to do?", "Guard or prisoner", 1),
    ]
    good = [
        basic("What happens when maximum price is set below equilibrium?", "Excess demand", 1),
        basic("Who ratified and was readmitted to the Union in July 1866?", "Tennessee", 1),
        basic("Who was appointed Chancellor by President Hindenburg?", "Hitler", 1),
        basic("When was the Berlin Wall built?", "1961", 1),
        basic("What did Stalin want to do?", "Unite the party", 1),
    ]
    for note in junk:
        assert 14 in flagged(notes, note), note.front
    for note in good:
        assert 14 not in flagged(notes, note), note.front


def test_a_line_whose_subject_is_unsaid_is_not_asked_of_an_adverb_or_a_not(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "## Zimbardo (1973)\n\n- 24 male student volunteers, tested as stable\n"
        "  - randomly assigned to guard or prisoner\n"
        "  - guards became brutal within days\n\n"
        "## Contact process\n\n- 450°C, 1-2 atm, vanadium(V) oxide catalyst\n"
        "  - high pressure not needed because yield is already about 99% at low pressure\n",
    )
    fronts = [note.front for note in notes]
    # "randomly" is how they were assigned, and "not" belongs to "needed": neither is a subject
    assert "What did randomly assign to do?" not in fronts
    assert "Why did high pressure not need?" not in fronts
    assert "High pressure not needed because yield is already about [99%] at low pressure" in fronts


def test_a_thing_named_in_capitals_before_what_is_done_to_it_is_what_happens(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "## Respiration\n\n- ATP broken down -> releases energy for muscle contraction\n"
        "- CHEKA set up Dec 1917 -> secret police under Dzerzhinsky\n\n"
        "## Kidney\n\n- ADH released into blood -> more water reabsorbed in collecting duct\n",
    )
    asked = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert asked["What happens when ATP is broken down?"] == (
        "Releases energy for muscle contraction"
    )
    # a dated line is an event, asked by its date
    assert not any(front.startswith("What happens when CHEKA") for front in asked)
    # "released into blood" was done to ADH: it released nothing into anything
    assert "What did ADH release?" not in asked


def test_where_the_notes_come_from_and_the_writers_way_to_remember_give_no_card(
    tmp_path: Path,
) -> None:
    """Lines about the notes themselves (whose slides, whose lecture, which teacher) and the
    writer's own memory aid are no facts of the subject; the facts beside them still are."""
    notes = (
        "# Energy systems\n\n"
        "Made this from Mrs Okafor's slides + the Hodder book ch.7.\n\n"
        "Typed live, Dr Achterberg, tues 10am (room was freezing)\n\n"
        "Quick summary for the mock, teacher = Ms Dunn.\n\n"
        "## The ATP-PC system\n\n"
        "- The ATP-PC system lasts about 8 to 10 seconds of maximal work.\n"
        "- Phosphocreatine is broken down by the enzyme creatine kinase.\n"
        "- Fleming's LEFT hand rule is for motors. I remember it because motors drive on the "
        "left in the UK.\n"
    )
    fronts = " ".join(note.front for note in deck_notes(tmp_path, notes))
    for aside in ("Okafor", "Achterberg", "Dunn", "remember"):
        assert aside not in fronts
    assert "creatine kinase" in fronts


def test_what_is_x_is_not_asked_of_a_label_whose_value_is_no_meaning(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "## Land use in the Peak District\n\n"
        "- farming - mainly dairy cattle, wet heavy soils\n"
        "- water supply - Ladybower reservoir supplies Sheffield\n\n"
        "## Respiration\n\n"
        "- proteins: deamination turns amino acids into urea -> excreted\n\n"
        "## Searching\n\n"
        "- binary search: O(log n), needs sorted input\n\n"
        "## Transport\n\n"
        "- osmosis - movement of water across a partially permeable membrane\n",
    )
    fronts = [note.front for note in notes]
    # what there is most of, a thing doing something to another, a cost written as a function
    assert "What is farming?" not in fronts
    assert "What is water supply?" not in fronts
    assert "What are proteins?" not in fronts
    assert "What is binary search?" not in fronts
    # what the line's own clause says one thing makes of another is asked as such
    asked = {note.front: note.back for note in notes}
    assert asked["What does deamination turn amino acids into?"] == "Urea"
    # a meaning is still asked as one
    assert asked["What is osmosis?"] == "Movement of water across a partially permeable membrane"


def test_who_is_not_asked_over_a_second_clause_after_a_plus_sign(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "## Spanish Armada 1588\n\n"
        "- Philip II sent 130 ships to invade England\n"
        "  - Howard intercepted them + his captain Francis Drake burned them\n\n"
        "## People\n\n"
        "- Lord Howard = Lord High Admiral from 1585, commanded the English fleet\n",
    )
    # Howard did not burn them: the plus sign opens a clause with a subject of its own
    assert not any(note.front.startswith("Who intercepted") for note in notes)
    fronts = [note.front for note in notes]
    assert "Howard intercepted them + his captain [Francis Drake] burned them" in fronts


def test_a_deed_done_to_the_section_s_subject_is_not_given_the_last_line_s_doer(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "## Charles I\n\n"
        "- Cromwell led the New Model Army to victory at Naseby in 1645\n"
        "- executed at Whitehall, 30 Jan 1649\n",
    )
    # it was Charles who was executed, not Cromwell
    assert not any("Cromwell executed" in note.front for note in notes)


def test_what_a_condition_amounts_to_is_not_asked_as_what_happens(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "## Pressure groups\n\n"
        "If 10 percent of a town's voters back one campaign, that is a large enough bloc, "
        "a market and a workforce to get councillors to listen.\n",
    )
    assert not any(note.front.startswith("What happens if") for note in notes)


def test_the_checker_flags_what_is_x_on_a_value_a_plus_sign_and_a_borrowed_doer() -> None:
    notes = (
        "- farming - mainly dairy cattle, wet heavy soils\n"
        "- water supply - Ladybower reservoir supplies Sheffield\n"
        "- binary search: O(log n), needs sorted input\n"
        "- Cecil read the Monteagle letter + his guards searched the cellars\n"
        "- executed at Whitehall, 30 Jan 1649\n"
        "- If 10 percent back one campaign, that is a large enough bloc to win\n"
        "- osmosis - movement of water across a partially permeable membrane\n"
        "- Cromwell executed the king's officers after Naseby\n"
    )
    junk = [
        (basic("What is farming?", "Mainly dairy cattle, wet heavy soils", 1), 14),
        (basic("What is water supply?", "Ladybower reservoir supplies Sheffield", 2), 14),
        (basic("What is binary search?", "O(log n), needs sorted input", 3), 14),
        (basic("Who read the Monteagle letter + his guards searched the cellars?", "Cecil", 4), 14),
        (cloze("Cromwell executed at [Whitehall], 30 Jan 1649", 5, "Charles I"), 9),
        (basic("What happens if 10 percent back one campaign?", "That is a big bloc", 6), 14),
    ]
    good = [
        (basic("What is osmosis?", "Movement of water across a membrane", 7), 14),
        (cloze("[Cromwell] executed the king's officers after Naseby", 8), 9),
        (cloze("Executed at [Whitehall], 30 Jan 1649", 5, "Charles I"), 9),
    ]
    for note, check in junk:
        assert check in flagged(notes, note), note.front
    for note, check in good:
        assert check not in flagged(notes, note), note.front


def test_a_line_that_says_where_its_thing_is_asks_where(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "## The brain\n\n"
        "- medulla - at the base of the brain, above the spinal cord\n\n"
        "## Photosynthesis\n\n"
        "- light-dependent stage - on the thylakoid membranes, water split -> oxygen\n"
        "- Calvin cycle: in the stroma of the chloroplast\n\n"
        "## Buddhism\n\n"
        "- The Middle Path = between indulgence and self-denial\n"
        "- heart rate: at rest about 70 bpm\n",
    )
    asked = {note.front: note.back for note in notes}
    assert asked["Where is the medulla?"] == "At the base of the brain, above the spinal cord"
    # a process takes place somewhere; what happens there is another fact, not the answer
    assert asked["Where does the Calvin cycle take place?"] == "In the stroma of the chloroplast"
    assert asked["Where does the light-dependent stage take place?"] == "On the thylakoid membranes"
    assert not any(front.startswith(("What is medulla", "What is Calvin")) for front in asked)
    # "between" two ideas, "at rest": no place
    assert not any(front.startswith("Where") and "Middle" in front for front in asked)
    assert not any(front.startswith("Where") and "heart rate" in front for front in asked)


def test_the_checker_flags_a_place_asked_as_what_a_term_is() -> None:
    notes = "- medulla - at the base of the brain\n- heart rate: at rest about 70 bpm\n"
    junk = basic("What is medulla?", "At the base of the brain", 1)
    assert 14 in flagged(notes, junk)
    asked = basic("Where is the medulla?", "At the base of the brain", 1)
    assert 14 not in flagged(notes, asked)
    field = basic("What is the location of the medulla?", "At the base of the brain", 1)
    assert 14 not in flagged(notes, field)


def test_a_sentence_before_a_colon_is_no_term_and_a_plural_field_takes_are(
    tmp_path: Path,
) -> None:
    page = deck_notes(
        tmp_path,
        "<html><body>\n<h2>Purifying copper</h2>\n"
        "<p>The anode is impure copper and the cathode is pure copper.</p>\n"
        "<p>Impurities fall to the bottom of the cell as <strong>anode sludge</strong>.</p>\n"
        "<p>Galvanising uses the same idea: the steel to be coated is dipped in molten zinc.</p>\n"
        "</body></html>\n",
        "notes.html",
    )
    assert not any(note.front.startswith("What is galvanising") for note in page)
    notes = deck_notes(
        tmp_path,
        "## Specific latent heat\n\n"
        "- energy to change the state of 1 kg with no change in temperature\n"
        "- units: J kg⁻¹\n",
    )
    asked = {note.front: note.back for note in notes}
    assert asked["What are the units of the specific latent heat?"] == "J kg⁻¹"
    junk = basic("What is galvanising uses the same idea?", "The steel is dipped in zinc", 1)
    assert 14 in flagged("Galvanising uses the same idea: the steel is dipped in zinc.\n", junk)
    field = basic("What is the pop of a linked list?", "O(n)", 1)
    assert 14 not in flagged("| pop | O(n) |\n", field)


ARGUMENT_OUTLINE = """- ETHICS - A level AQA (paper 2 section A) "exported 03/05 - tidy later"
  - Key terms
    - deontology = morality is about duties and rules, not consequences
    - teleology vs deontology - learn the diff!!
  - KANTIAN ETHICS
    - the categorical imperative is an unconditional moral command
    - universalisability test
      - P1 a maxim must be universalisable without contradiction
      - C so lying promises are forbidden
    - obj: too rigid - the murderer at the door
    - rule worship?? no that's for rule utilitarianism - FIX
  - UTILITARIANISM
    - Bentham measured pleasure with the hedonic calculus (1789)
    - future moral science will replace it (like astrology was replaced)
  - VIRTUE ETHICS
    - started 12th april, finish before mock!!
    - Aristotle: the golden mean lies between two vices
    - GCSE RS - Religion and ethics (Edexcel).
    - good line for an intro: "virtue is a settled state of character"
    - ARGH also learn situation ethics for next topic (agape) - love is the only intrinsic good.
"""


def test_notes_to_self_and_the_course_banner_give_no_card(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, ARGUMENT_OUTLINE, "ethics.txt")
    said = [f"{note.front} :: {note.back}" for note in notes]
    assert any("categorical imperative" in card for card in said)
    assert any("Bentham" in card for card in said)
    for aside in ("tidy later", "diff!!", "FIX", "mock", "Edexcel", "intro", "ARGH", "AQA"):
        assert not any(aside in card for card in said), aside
    lines = {
        "- teleology vs deontology - learn the diff!!\n": basic(
            "How do teleology and deontology differ?", "Learn the diff!!", 1
        ),
        "- rule worship?? no that's for rule utilitarianism - FIX\n": cloze(
            "Rule worship?? no that's for rule [utilitarianism] - FIX", 1
        ),
        "- started 12th april, finish before mock!!\n": cloze(
            "Started [12th april], finish before mock!!", 1
        ),
        "- GCSE RS - Religion and ethics (Edexcel).\n": cloze(
            "[GCSE RS] - Religion and ethics (Edexcel).", 1
        ),
        '- good line for an intro: "virtue is a settled state"\n': cloze(
            'Good line for an intro: "virtue is a settled [state]"', 1
        ),
        "- ARGH also learn situation ethics for next topic (agape)\n": cloze(
            "[ARGH] also learn situation ethics for next topic (agape)", 1
        ),
    }
    for line, card in lines.items():
        assert 13 in flagged(line, card), line
    kept = "- Children also learn by imitating adults (Bandura 1961)\n"
    assert 13 not in flagged(
        kept, cloze("Children also learn by imitating adults ([Bandura] 1961)", 1)
    )


def test_an_argument_s_outline_marks_are_never_kept_or_hidden(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, ARGUMENT_OUTLINE, "ethics.txt")
    said = [f"{note.front} :: {note.back}" for note in notes]
    assert not any(re.search(r"\bP1\b|\bC so\b|\[Obj\]|It \(like", card) for card in said)
    line = "- reply: Kant distinguishes perfect and imperfect duties\n"
    assert 4 in flagged(line, cloze("[Reply]: Kant distinguishes perfect and imperfect duties", 1))
    line = "- P1 a maxim must be universalisable without contradiction\n"
    card = cloze("P1 a maxim must be [universalisable] without contradiction", 1)
    assert 8 in flagged(line, card)
    line = "- obj: too rigid - the murderer at the door\n"
    assert 14 in flagged(line, basic("What is obj?", "Too rigid", 1))
    line = "- objection: Hegel's empty formalism - the test gives no content to duties\n"
    card = basic("What does Hegel's empty formalism say?", "The test gives no content to duties", 1)
    assert 14 in flagged(line, card)
    line = "- future moral science will replace it (like astrology was replaced)\n"
    card = basic("What will future moral science replace?", "It (like astrology was replaced)", 1)
    assert 14 in flagged(line, card)
    line = "- Hegel's empty formalism - the test gives no content to duties\n"
    card = basic("What does Hegel's empty formalism say?", "The test gives no content to duties", 1)
    assert 14 not in flagged(line, card)


KIDNEY = """# The kidney

## Selective reabsorption

- glucose is reabsorbed in the proximal convoluted tubule by co-transport
- evidence: diabetics - their urine contains glucose because the carriers are saturated

> the loop of Henle steps come up ALL the time, learn them in order
"""


def test_evidence_for_a_point_and_an_exam_tip_are_not_what_a_term_is(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, KIDNEY, "kidney.md")
    said = [f"{note.front} :: {note.back}" for note in notes]
    assert any("proximal convoluted tubule" in card for card in said)
    assert not any("What are diabetics?" in card for card in said)
    assert not any("ALL the time" in card for card in said)
    line = "- the loop of Henle steps come up ALL the time\n"
    card = basic("What is the loop of Henle?", "The loop of Henle steps come up ALL the time", 1)
    assert 13 in flagged(line, card)
    line = "- Casparian strip forces water into the symplast\n"
    card = basic("What does forces water into the symplast lead to?", "Water crosses a membrane", 1)
    assert 14 in flagged(line, card)


def test_the_notes_own_key_and_a_lesson_s_recap_give_no_card() -> None:
    lines = {
        '- "laissez-faire" = leave alone. KEY PHRASE use it\n': cloze("[KEY PHRASE] use it", 1),
        "colours = blue is weathering, red is erosion\n": cloze(
            "Colours = blue is weathering, red is [erosion]", 1
        ),
        "recap from last wk: a stack is last in, first out\n": basic(
            "What is recap from last wk?", "A stack is last in, first out", 1
        ),
    }
    for line, card in lines.items():
        assert 13 in flagged(line, card), line
    line = "- colour: blue precipitate with sodium hydroxide\n"
    assert 13 not in flagged(line, cloze("Colour: [blue] precipitate with sodium hydroxide", 1))


def test_a_question_over_a_date_a_clause_or_two_deeds_is_flagged(tmp_path: Path) -> None:
    text = "# National parks\n\n- Peak District National Park created 1951, first in Britain\n"
    notes = deck_notes(tmp_path, text)
    assert not any(note.front.startswith("What did") for note in notes)
    line = "- Peak District National Park created 1951, first in Britain\n"
    card = basic("What did Peak District National Park create?", "1951, first in Britain", 1)
    assert 14 in flagged(line, card)
    line = "- if patient takes steroids for months -> weaker bones\n"
    card = basic("What do patient takes steroids for months lead to?", "Weaker bones", 1)
    assert 14 in flagged(line, card)
    line = "- steep slopes -> water reaches the river faster\n"
    card = basic("What do steep slopes lead to?", "Water reaches the river faster", 1)
    assert 14 not in flagged(line, card)
    line = "- Eden replaced Churchill (resigned 1955), Macmillan replaced Eden in 1957\n"
    card = basic("What did Eden replace?", "Churchill (resigned 1955), Macmillan replaced Eden", 1)
    assert 14 in flagged(line, card)


def test_a_section_s_title_over_a_point_is_not_whose_point_it_is() -> None:
    notes_dir = Path(__file__).resolve().parent / "notes"
    fronts = [
        note.front
        for name in (
            "philosophy-of-mind-workflowy.txt",
            "dna-replication-protein-synthesis-apple-notes.html",
        )
        for note in generate_deck(notes_dir / name).notes
    ]
    assert any("[Epiphenomenalism]" in front for front in fronts)
    assert not any(front.startswith("[ELIMINATIVE MATERIALISM]") for front in fronts)
    assert not any(front.startswith("[Structure of DNA]") for front in fronts)


ASIDES_IN_NOTES = """Tropical storms
typed on the bus so sorry for typos - Priya

WHERE THEY FORM
ok so tropical storm is the general name, they are called hurricanes in the Atlantic and \
typhoons in the NW Pacific
Prose bits are just for me, don't print those.

SCIENTIFIC MANAGEMENT
Link to Henry Ford production line.
Miss Harding says a lot of people lose the knowledge mark by not defining.

CASE STUDY
Why was it so bad? the philippines gets about 20 typhoons a year, lots of people live on the \
coast in houses made of wood
protein for vegans: tofu, tempeh, quorn (NOT vegan, has egg!!), TVP, pulses
^^ AQA uses 3.75 for carbs not 4, Mrs E said either is fine
"""


def test_sign_offs_reminders_and_the_writers_voice_stay_out_of_cards(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, ASIDES_IN_NOTES, "storms.txt")
    said = [f"{note.front} :: {note.back}" for note in notes]
    # the fact each line holds is kept, without the filler, the prompt or the emphasis
    assert (
        "What is tropical storm? :: The general name, they are called hurricanes in the "
        "Atlantic" in said
    )
    assert any(card.startswith("The philippines gets about [20] typhoons a year") for card in said)
    assert any("quorn (NOT vegan, has egg), TVP" in card for card in said)
    for aside in ("Priya", "typos", "print", "Henry Ford", "Harding", "Ok so", "so bad", "!!"):
        assert not any(aside in card for card in said), aside
    assert not any("[AQA]" in card or "^^" in card for card in said)


def test_the_checker_flags_the_writers_voice_left_in_a_card() -> None:
    lines = {
        "typed on the bus so sorry for typos - Priya\n": cloze(
            "Typed on the bus so sorry for typos - [Priya]", 1
        ),
        "Prose bits are just for me, don't print those.\n": basic(
            "What are prose bits just for?", "Me, don't print those", 1
        ),
        "ok so tropical storm is the general name, they are called hurricanes\n": basic(
            "What is Ok so tropical storm?", "The general name, they are called hurricanes", 1
        ),
        "protein for vegans: tofu, quorn (NOT vegan, has egg!!), TVP\n": cloze(
            "Protein for vegans: [tofu], quorn (NOT vegan, has egg!!), TVP", 1
        ),
        "Link to Henry Ford production line.\n": cloze("Link to [Henry Ford] production line.", 1),
    }
    for line, card in lines.items():
        assert 13 in flagged(line, card), card.front
    theorist = "Taylor says workers are motivated by money.\n"
    assert 13 not in flagged(theorist, cloze("Taylor says workers are motivated by [money].", 1))
