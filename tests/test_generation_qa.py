"""Notes written as questions and answers: the student's own question is the card's question."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str) -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def questions(notes: list[NoteData]) -> dict[str, str]:
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


def everything(notes: list[NoteData]) -> str:
    return "\n".join(f"{note.front} | {note.back} | {note.context}" for note in notes)


CORNELL = """\
Chemistry - Rates of reaction (Cornell notes)

1. COLLISION THEORY

1.1 Q: What must particles do to react?
    A: collide with enough energy (at least the activation energy)
       -> most collisions are not successful

1.2 Q: What are the four factors that change the rate?
    A: temperature, concentration, surface area, catalysts

1.3 Q: The three ways to measure a rate?
    A: a) MASS LOSS - gas escapes from the flask on a balance
       b) GAS VOLUME - collected in a gas syringe
       c) COLOUR CHANGE - time for a cross to disappear

1.4 Q: Why does a catalyst speed up a reaction?
    A: see textbook

1.5 Q: Explain how temperature affects the rate of reaction. [6 marks]
"""


def test_cornell_questions_are_asked_with_their_answers(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, CORNELL, "rates.txt")
    asked = questions(notes)
    assert asked["What must particles do to react?"] == (
        "Collide with enough energy (at least the activation energy)"
    )
    assert asked["What are the four factors that change the rate?"] == (
        "Temperature, concentration, surface area, catalysts"
    )
    # the lettered points of the answer, by the names they open on
    assert asked["The three ways to measure a rate?"] == "MASS LOSS; GAS VOLUME; COLOUR CHANGE"
    text = everything(notes)
    assert "A:" not in text and "Q:" not in text  # the layout's marks are not card text
    assert "catalyst speed up" not in text  # no answer yet: no card
    assert "6 marks" not in text and "Explain how" not in text  # an exam question asks nothing


def test_a_long_answer_is_cut_where_the_student_paused(tmp_path: Path) -> None:
    text = """\
History - The Cold War

Q: Who was the first leader of East Germany?
A: Walter Ulbricht, a communist who had spent the war in Moscow and led the SED until 1971.

Q: What was the Truman Doctrine?
A: A promise of US help to any country resisting communism. It was announced in March 1947.
"""
    asked = questions(deck_notes(tmp_path, text, "cold-war.txt"))
    assert asked["Who was the first leader of East Germany?"] == "Walter Ulbricht"
    assert asked["What was the Truman Doctrine?"] == (
        "A promise of US help to any country resisting communism"
    )


def test_questions_with_answers_in_markdown_and_html(tmp_path: Path) -> None:
    markdown = """\
# Rivers

## Key questions

- What is a meander? - a bend in a river
- Where is the river's load deposited? - on the inside of the bend

### Why do waterfalls retreat upstream?

The soft rock under the hard cap is undercut. The overhang then collapses.

### What is a delta?

A delta is a landform of sediment deposited where a river meets the sea.

### How is discharge measured?

In cumecs (cubic metres per second); it rises after a storm.
"""
    asked = questions(deck_notes(tmp_path, markdown, "rivers.md"))
    assert asked["What is a meander?"] == "A bend in a river"
    assert asked["Where is the river's load deposited?"] == "On the inside of the bend"
    assert asked["Why do waterfalls retreat upstream?"] == (
        "The soft rock under the hard cap is undercut"
    )
    # what it is, without the name the question gives; the answer without a second fact
    assert asked["What is a delta?"] == (
        "A landform of sediment deposited where a river meets the sea"
    )
    assert asked["How is discharge measured?"] == "In cumecs (cubic metres per second)"
    html = """<html><body><h1>Cells</h1>
<p><strong>Q:</strong> What does the nucleus contain?</p>
<p><strong>A:</strong> the genetic material of the cell</p>
<dl><dt>What do ribosomes make?</dt><dd>proteins</dd></dl>
</body></html>"""
    asked = questions(deck_notes(tmp_path, html, "cells.html"))
    assert asked["What does the nucleus contain?"] == "The genetic material of the cell"
    assert asked["What do ribosomes make?"] == "Proteins"


def test_lines_under_an_answer_sit_under_its_question(tmp_path: Path) -> None:
    text = """\
Chemistry - Catalysts (Cornell notes)

1. CATALYSTS

1.1 Q: What is a catalyst?
    A: a substance that speeds up a reaction without being used up
       Enzymes are biological catalysts made by living cells.
"""
    notes = deck_notes(tmp_path, text, "catalysts.txt")
    asked = questions(notes)
    assert (
        asked["What is a catalyst?"]
        == "A substance that speeds up a reaction without being used up"
    )
    enzymes = next(note for note in notes if "Enzymes" in note.front or "enzymes" in note.front)
    # the question is its context, not the first line of the answer
    assert enzymes.context.endswith("What is a catalyst?")


def test_cue_column_exports_and_numbered_questions(tmp_path: Path) -> None:
    text = """\
Economics - Market structures (Cornell export)

Cue: What is a monopoly? | Notes: a market with a single seller and high barriers to entry

Question 1: What is oligopoly?
Answer: a market dominated by a few large interdependent firms

Q2. What is collusion?
Ans: firms agreeing to fix prices or output

Self-test
- What is a kinked demand curve?
- What is game theory?
"""
    notes = deck_notes(tmp_path, text, "markets.txt")
    asked = questions(notes)
    assert asked["What is a monopoly?"] == (
        "A market with a single seller and high barriers to entry"
    )
    assert asked["What is oligopoly?"] == "A market dominated by a few large interdependent firms"
    assert asked["What is collusion?"] == "Firms agreeing to fix prices or output"
    text = everything(notes)
    assert "Notes:" not in text and "Answer:" not in text and "Ans:" not in text
    assert "kinked" not in text and "game theory" not in text  # questions with no answer


def test_a_sentence_runs_on_past_trad_and_lit(tmp_path: Path) -> None:
    text = """\
History - The Normans

1. CONQUEST

1.1 Q: Who won the Battle of Hastings?
    A: William of Normandy
       The Domesday Book surveyed England in 1086 - lit. "day of judgement", no appeal allowed.
"""
    notes = deck_notes(tmp_path, text, "normans.txt")
    domesday = [note for note in notes if "Domesday" in note.front]
    assert domesday and all("day of judgement" in note.front for note in domesday)
    assert not any(note.front.rstrip().endswith(("lit.", "trad.")) for note in notes)


def test_an_answer_that_leads_into_a_few_points_asks_for_them(tmp_path: Path) -> None:
    text = """\
Biology - Photosynthesis (Cornell notes)

1. LIMITING FACTORS

1.1 Q: The three limiting factors?
    A: the rate is limited by:
       1) light intensity
       2) carbon dioxide concentration
       3) temperature
"""
    notes = deck_notes(tmp_path, text, "photosynthesis.txt")
    asked = questions(notes)
    assert asked["The three limiting factors?"] == (
        "Light intensity; carbon dioxide concentration; temperature"
    )
    assert len(notes) == 1  # not the lead's own card ("The rate is limited by (3)") as well


def test_what_an_answer_led_to_is_carded_under_the_question(tmp_path: Path) -> None:
    text = """\
History - American Revolution (Cornell notes)

1. CAUSES

1.1 Q: What was the Boston Tea Party?
    A: a protest against the Tea Act in 1773
       -> led to the Intolerable Acts passed by Parliament in 1774
"""
    notes = deck_notes(tmp_path, text, "revolution.txt")
    acts = [note for note in notes if "Intolerable Acts" in note.front]
    assert acts and all(not note.front.startswith("-") for note in acts)
    assert all(note.context.endswith("What was the Boston Tea Party?") for note in acts)


def test_an_answer_that_says_what_to_do_names_no_term(tmp_path: Path) -> None:
    text = """\
RS - Jainism ethics (Cornell notes)

1. VOWS

1.1 Q: The Five Great Vows?
    A: to refrain from:
       1) harming living beings (ahimsa)
       2) telling lies
       3) taking what is not given
       4) sexual activity
       5) attachment to possessions
"""
    path = tmp_path / "vows.txt"
    path.write_text(text, encoding="utf-8")
    from revise.generation import draft_deck

    draft, _ = draft_deck(path)
    assert not any("to refrain from?" in note.front for note in draft.notes)


def test_a_reason_is_not_cut_to_the_first_of_several(tmp_path: Path) -> None:
    text = """\
# Russia 1917

## Why did the Tsar abdicate?

Because of the war, bread shortages in Petrograd and the mutiny of the army garrison in 1917.

## Who was Lenin?

Vladimir Ilyich Ulyanov, the leader of the Bolsheviks who had spent years in exile abroad.
"""
    asked = questions(deck_notes(tmp_path, text, "russia.md"))
    assert "Why did the Tsar abdicate?" not in asked  # not "Because of the war" alone
    assert asked["Who was Lenin?"] == "Vladimir Ilyich Ulyanov"


CUE_COLUMN = """\
PHOTOSYNTHESIS - cornell notes

QUESTIONS               | NOTES
========================================================================
Where does it happen?   | - in chloroplasts, mostly in palisade mesophyll cells
                        | - chlorophyll absorbs red and blue light, reflects green
What are the two        | - light-dependent reactions happen in the thylakoid membranes
 stages?                 |   -> make ATP and reduced NADP
                        | - the Calvin cycle happens in the stroma
What fixes CO2?          | - the enzyme rubisco fixes carbon dioxide to RuBP
                        | - the product is two molecules of glycerate 3-phosphate (GP)
SUMMARY: light energy -> chemical energy stored in glucose.
"""


def test_a_typed_cue_column_is_left_out_and_the_notes_beside_it_are_carded(
    tmp_path: Path,
) -> None:
    notes = deck_notes(tmp_path, CUE_COLUMN, "photosynthesis.txt")
    cards = [f"{note.front} :: {note.back}" for note in notes]
    assert not [card for card in cards if "|" in card or "stages?" in card], cards
    said = " ".join(cards)
    assert "rubisco" in said and "stroma" in said
    rubisco = next(note for note in notes if "rubisco" in f"{note.front} {note.back}")
    assert rubisco.source is not None and rubisco.source.start == 10  # the notes' own line


SELF_TEST = """\
# Waves self-test

Q: What is the frequency of a wave?
A: The number of waves passing a point each second, in hertz (Hz)

**Why does a wave slow down when it enters glass?**
Glass is optically denser than air.

- What happens to the wavelength when a wave slows down?
    - it gets shorter
- Name the part of the electromagnetic spectrum with the longest wavelength
    - radio waves
- state-dependent examples
    - sound travels faster in water than in air

The Sun is about 150 million km from the Earth.
"""


def test_a_self_test_page_asks_each_of_its_own_questions(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, SELF_TEST, "waves.md")
    asked = questions(notes)
    assert asked["What is the frequency of a wave?"].startswith("The number of waves passing")
    assert asked["Why does a wave slow down when it enters glass?"] == (
        "Glass is optically denser than air"
    )
    assert asked["What happens to the wavelength when a wave slows down?"] == "It gets shorter"
    name = "Name the part of the electromagnetic spectrum with the longest wavelength"
    assert asked[name] == "Radio waves"
    assert not [front for front in asked if front.startswith("state-dependent")]
    # the notes after a question and its answer are not under that question
    light = [note for note in notes if "150 million" in note.front + note.back]
    assert light and "?" not in light[0].context


def test_a_question_deep_in_a_mind_map_does_not_head_the_rest_of_the_map(
    tmp_path: Path,
) -> None:
    markdown = """\
# Economics

- Market failure
    - Externalities
        - negative - pollution from a factory harms third parties
        - why tax it? (see Government intervention)
        - positive - education benefits society as a whole
- Government intervention
    - Indirect taxes
        - a Pigouvian tax makes the polluter pay the external cost
"""
    notes = deck_notes(tmp_path, markdown, "economics.md")
    assert notes
    # the points after the question sit under their own bullets, never under the question
    assert not any("why tax it" in note.context.casefold() for note in notes)
    assert not any("why tax it" in note.front.casefold() for note in notes)


BONDS = (
    (
        "# Bonding self-test\n\nQ: Define a covalent bond\nA: the strong electrostatic attraction"
        " between a shared pair of electrons and the nuclei of the bonded atoms\n"
    )
    + """

Q: Describe the structure of magnesium oxide.
A: giant ionic lattice. each Mg2+ surrounded by 6 O2- ions

Q: When does an ionic compound conduct electricity?
A: only when molten or dissolved in water
"""
)


def test_a_self_test_answer_is_asked_whole_or_its_term_from_it(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, BONDS, "bonds.md")
    asked = questions(notes)
    # a definition too long to recall word for word asks for the term it defines
    long_meaning = (
        "What is the strong electrostatic attraction between a shared pair of electrons and"
        " the nuclei of the bonded atoms?"
    )
    assert asked[long_meaning] == "A covalent bond"
    # the student's own order, with the first sentence of its answer
    assert asked["Describe the structure of magnesium oxide."].startswith("Giant ionic lattice")
    conduct = [note for note in notes if note.front.startswith("When does an ionic")]
    assert conduct and conduct[0].back == "Only when molten or dissolved in water"
    assert conduct[0].source.end == 11  # the line its answer is on


def test_a_long_definition_opening_on_a_capital_is_asked_in_lower_case(tmp_path: Path) -> None:
    text = (
        "# Bonding\n\nQ: What is a metallic bond?\nA: The electrostatic attraction between"
        " positive metal ions and the sea of delocalised electrons around them\n"
    )
    asked = questions(deck_notes(tmp_path, text, "bonds.md"))
    front = (
        "What is the electrostatic attraction between positive metal ions and the sea of"
        " delocalised electrons around them?"
    )
    assert asked[front] == "A metallic bond"


ENZYMES = (
    """\
# Enzymes - test yourself

- what are the 3 levels of protein structure? simplest first
    - primary < secondary < tertiary
- a competitive inhibitor slows the reaction - which site does it bind to?
    - the active site. (it has a similar shape to the substrate, so it blocks it)
- when does a silver halide precipitate form?
"""
    "    - Ag+ added to Cl, Br or I (halide ions), and the solution is acidified with dilute"
    " nitric acid first. The colour shows which halide.\n\n"
    "Q: Why does a high temperature stop an enzyme working?\n"
    "A: the active site changes shape (denatures) → substrate no longer fits → no"
    " enzyme-substrate complexes form\n"
)


def test_a_self_test_bullet_over_its_answer_is_asked_with_that_answer(tmp_path: Path) -> None:
    asked = questions(deck_notes(tmp_path, ENZYMES, "enzymes.md"))
    # what follows the question mark says how to answer; the answer is the line below
    ordered = "What are the 3 levels of protein structure? simplest first"
    assert asked[ordered] == "Primary < secondary < tertiary"
    # a statement that leads into its question after a dash
    site = "A competitive inhibitor slows the reaction - which site does it bind to?"
    assert asked[site] == "The active site"


def test_a_long_answer_is_not_cut_inside_a_list_or_a_chain(tmp_path: Path) -> None:
    asked = questions(deck_notes(tmp_path, ENZYMES, "enzymes.md"))
    # "Cl, Br or I" is one list: the answer is cut after it, not after "Cl"
    assert asked["When does a silver halide precipitate form?"] == (
        "Ag+ added to Cl, Br or I (halide ions)"
    )
    # a chain of steps too long to recall is asked as far as the answer stays short
    assert asked["Why does a high temperature stop an enzyme working?"] == (
        "The active site changes shape (denatures) → substrate no longer fits"
    )


def test_quiz_shapes_ask_each_question_with_its_answer(tmp_path: Path) -> None:
    numbered = """\
# Plants - revision questions

1. Which tissue carries water up the stem?
Answer: the xylem

2. Name the gas that plants take in for photosynthesis.
Answer: carbon dioxide
"""
    asked = questions(deck_notes(tmp_path, numbered, "plants.md"))
    assert asked["Which tissue carries water up the stem?"] == "The xylem"
    assert asked["Name the gas that plants take in for photosynthesis."] == "Carbon dioxide"
    arrows = """\
Coasts quick quiz

What is a spit? -> a ridge of sand that grows out from the coast
What is longshore drift? -> the movement of sediment along a beach
"""
    asked = questions(deck_notes(tmp_path, arrows, "coasts.txt"))
    assert asked["What is a spit?"] == "A ridge of sand that grows out from the coast"
    assert asked["What is longshore drift?"] == "The movement of sediment along a beach"
    # an answer on the line under its numbered question, short enough to look like a heading
    under = """\
Blood quiz

Q1. Which blood cells fight infection?
white blood cells

Q2 What gives red blood cells their colour?
haemoglobin

Q3. What is plasma mostly made of?
water
"""
    asked = questions(deck_notes(tmp_path, under, "blood.txt"))
    assert asked["Which blood cells fight infection?"] == "White blood cells"
    assert asked["What gives red blood cells their colour?"] == "Haemoglobin"
    assert asked["What is plasma mostly made of?"] == "Water"


def test_a_bullet_question_over_its_answer_needs_no_question_word(tmp_path: Path) -> None:
    text = """\
# Magnetism - test yourself

- how does a transformer change the voltage?
    - alternating current in primary → changing magnetic field in core → induced emf in secondary
    - Michael Faraday discovered electromagnetic induction in 1831
- unit of magnetic flux? symbol?
    - weber (Wb), Φ
"""
    notes = deck_notes(tmp_path, text, "magnetism.md")
    asked = questions(notes)
    assert asked["Unit of magnetic flux? symbol?"] == "Weber (Wb), Φ"
    # a chain of steps under a question asking how is its answer; the point after it stays
    assert asked["How does a transformer change the voltage?"] == (
        "Alternating current in primary → changing magnetic field in core"
    )
    assert any("1831" in note.front + note.back for note in notes)


def test_a_short_answer_gives_its_first_sentence(tmp_path: Path) -> None:
    text = """\
# Enzymes quiz

Q: What is an enzyme?
A: a biological catalyst made of protein. speeds up reactions

Q: Which enzymes digest fat?
A: lipases (made in the pancreas, esp. in adults. not stored)
"""
    asked = questions(deck_notes(tmp_path, text, "enzymes.md"))
    assert asked["What is an enzyme?"] == "A biological catalyst made of protein"
    # a full stop inside brackets ends no sentence
    assert asked["Which enzymes digest fat?"] == (
        "Lipases (made in the pancreas, esp. in adults. not stored)"
    )


def test_an_answer_that_opens_on_what_is_not_so_asks_what_is(tmp_path: Path) -> None:
    """ "Not defined in the Act - the test comes from case law: whoever has ..." answers its
    heading's question after the dash, never with the denial alone."""
    path = tmp_path / "tort.html"
    path.write_text(
        "<html><body><h1>Tort</h1>\n<h2>Intro</h2>\n"
        "<p>Two Acts: the Occupiers' Liability Act 1957 covers lawful visitors.</p>\n"
        "<h2>Who is an occupier?</h2>\n"
        "<p>Not defined in the Act &ndash; the test comes from case law: whoever has a "
        "sufficient degree of <u>control</u> over the premises.</p>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    backs = {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}
    assert backs["Who is an occupier?"] == (
        "Whoever has a sufficient degree of control over the premises"
    )
    assert not [note for note in notes if "Not defined" in note.front]
