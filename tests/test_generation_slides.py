# ruff: noqa: RUF001 (Greek letters are the symbols these notes use)
"""Slides exported as text: laws stated in words, units, fixes for faults and formulas that
head the lines explaining them, each a card a student would want."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck
from revise.generation.reading import parse_notes

SLIDES = """OPTICS AND MATERIALS - Year 12
(slides from class, my notes marked with >>)

Slide 1
Reflection and refraction
\tLaw of reflection - the angle of incidence equals the angle of reflection
\tRefractive index n = c / v
\t\tc = speed of light in a vacuum

Slide 2
Ohm's law and resistance
\tOhm: the current through a metal wire is directly proportional to the potential \
difference across it at constant temperature
\t\tV = IR
\tResistivity ρ = RA / L
\t\tUnit: ohm metre (Ω m).  1 Ω m is a large resistivity
\t\tdepends on the material and its temperature

Slide 3
Energy losses in a motor
\tFriction in the bearings -> heating
\t\tfix: lubricate the bearings with oil
\tSparking at the brushes -> wear
\t\tfix: use carbon brushes that are easily replaced
"""


def _cards(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    path = tmp_path / "slides.txt"
    path.write_text(text, encoding="utf-8")
    return {(note.front, note.back) for note in generate_deck(path).notes}


def test_a_law_stated_in_words_is_asked_as_that_law(tmp_path: Path) -> None:
    got = _cards(tmp_path, SLIDES)
    stated = "The angle of incidence equals the angle of reflection"
    assert ("What does the law of reflection say?", stated) in got


def test_a_law_named_by_whose_it_is_under_its_heading_is_asked(tmp_path: Path) -> None:
    got = _cards(tmp_path, SLIDES)
    asked = (
        "Whose law says that the current through a metal wire is directly proportional to the "
        "potential difference across it at constant temperature?"
    )
    assert (asked, "Ohm") in got


def test_a_unit_line_asks_for_the_unit_of_the_quantity_above_it(tmp_path: Path) -> None:
    got = _cards(tmp_path, SLIDES)
    assert ("What is the unit of the resistivity?", "Ohm metre (Ω m)") in got
    assert not any(front == "What is unit?" for front, _ in got)


def test_a_fix_is_asked_as_the_fix_for_the_fault_above_it(tmp_path: Path) -> None:
    got = _cards(tmp_path, SLIDES)
    fixed = ("What is the fix for the friction in the bearings?", "Lubricate the bearings with oil")
    assert fixed in got
    assert not any(front == "What is fix?" for front, _ in got)


def test_a_formula_over_lines_about_it_is_asked(tmp_path: Path) -> None:
    got = _cards(tmp_path, SLIDES)
    assert ("Resistivity ρ = ?", "RA / L") in got
    assert ("Refractive index n = ?", "c / v") in got


MOTION = "Motion\n\nSlide 1\nEquations of motion\n\tv = d / t      a = Δv / t\n\tp = mv\n"


def test_two_formulas_set_apart_on_one_line_are_kept() -> None:
    blocks = parse_notes(MOTION, "text").blocks
    assert any("v = d / t" in block.text for block in blocks)


def test_two_formulas_set_apart_on_one_line_are_each_asked(tmp_path: Path) -> None:
    got = _cards(tmp_path, MOTION)
    assert ("v = ?", "d / t") in got
    assert ("a = ?", "Δv / t") in got


MACHINES = """ELECTRIC MACHINES - Year 13
(teacher's slides, exported as text)

Slide 1
The generator
\tCoil turning at angular speed ω in a field B
\t\tV = V0 sin ωt
\tPower out = IsVs
\tEfficiency = IsVs / IpVp
\tDirection: Fleming's right hand rule
\t\tFirst finger = Field
\t\tthuMb = Motion of the wire
\t\tseCond finger = induced Current

Slide 2
The motor
\tA coil carrying a current turns in a magnetic field
\tBack emf opposes the supply and limits the current once the motor spins
"""


def test_a_formula_in_symbols_run_together_or_with_a_sine_is_asked(tmp_path: Path) -> None:
    got = _cards(tmp_path, MACHINES)
    assert ("Efficiency = ?", "IsVs / IpVp") in got
    assert any(back == "V0 sin ωt" for _, back in got)


def test_each_part_of_a_named_rule_is_asked_for_what_it_stands_for(tmp_path: Path) -> None:
    got = _cards(tmp_path, MACHINES)
    rule = "In Fleming's right hand rule, what does the"
    assert (f"{rule} first finger stand for?", "Field") in got
    assert (f"{rule} thuMb stand for?", "Motion of the wire") in got
    assert (f"{rule} seCond finger stand for?", "Induced Current") in got


def test_a_quantity_about_equal_to_a_value_asks_the_value(tmp_path: Path) -> None:
    text = (
        "GRAVITY - Year 12\n\nSlide 1\nGravitational fields\n"
        "\tNewton's law of gravitation: every mass attracts every other mass\n"
        "\tGravitational field strength g = F / m\n"
        "\t\tUnit: newton per kilogram (N kg⁻¹)\n"
        "\t\tMoon's surface ≈ 1.6 N kg⁻¹\n"
        "\tA uniform field has parallel, equally spaced field lines\n"
        "\tThe field of a point mass is radial\n"
    )
    got = _cards(tmp_path, text)
    assert ("Moon's surface ≈ ?", "1.6 N kg⁻¹") in got


SPEAKER_SLIDES = """Personality Theories - Revision Deck
Sam K, Y12 Psychology
What is personality?
Personality = the pattern of thoughts, feelings and behaviour that makes each person unique
Speaker notes:
Define it in the first line of any essay answer, because the examiners give a mark for the \
definition on its own.
Gordon Allport - Trait Theory
Published "Personality: A Psychological Interpretation" in 1937
Found about 4,500 trait words in an English dictionary
Speaker notes:
Compare with Eysenck later on in the unit.
Allport - evaluation
+ simple to measure + easy to compare people
- traits do not predict behaviour in every situation
Hans Eysenck - Type Theory
Questionnaire studies of soldiers at the Maudsley Hospital in London (1940s-1950s)
Extraversion is linked to a low level of arousal in the nervous system
Speaker notes:
Link to the biological approach.
Freud's Structural Model (1923)
3 parts, from the oldest to the newest
1. Id - works on the pleasure principle
2. Ego - works on the reality principle
3. Superego - the internalised morals of the parents
The ego balances the demands of the other two parts
Rogers's Self Theory (1959)
Incongruence arises when the ideal self and the self-image do not match
"""


def _contexts(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "slides.txt"
    path.write_text(text, encoding="utf-8")
    return {note.front: note.context for note in generate_deck(path).notes}


def test_a_slide_title_naming_a_person_and_a_topic_heads_its_slide(tmp_path: Path) -> None:
    contexts = _contexts(tmp_path, SPEAKER_SLIDES)
    published = next(front for front in contexts if "1937" in front or "Published" in front)
    assert contexts[published] == "Gordon Allport - Trait Theory"
    arousal = next(front for front in contexts if "arousal" in front)
    assert contexts[arousal] == "Hans Eysenck - Type Theory"


def test_a_long_first_line_of_a_slide_is_no_heading(tmp_path: Path) -> None:
    contexts = _contexts(tmp_path, SPEAKER_SLIDES)
    assert not any("Maudsley" in context for context in contexts.values())


def test_a_count_under_a_slide_title_leaves_the_next_title_at_the_top(tmp_path: Path) -> None:
    contexts = _contexts(tmp_path, SPEAKER_SLIDES)
    incongruence = next(front for front in contexts if "ncongruence" in front)
    assert contexts[incongruence] == "Rogers's Self Theory (1959)"


def test_lines_of_terms_and_meanings_stay_lines_under_their_title(tmp_path: Path) -> None:
    document = parse_notes(SPEAKER_SLIDES, "text")
    headings = [block.text for block in document.blocks if block.kind.value == "heading"]
    assert "Allport - evaluation" in headings
    assert not any(heading.startswith(("Id", "Ego", "Superego")) for heading in headings)


def test_a_slide_number_gives_way_to_the_title_below_it(tmp_path: Path) -> None:
    contexts = _contexts(
        tmp_path,
        "Cell biology slides\n\n"
        "Slide 2\nMitochondria\nMitochondria are the site of aerobic respiration\n\n"
        "Slide 3:\nRibosomes\nRibosomes are the site of protein synthesis\n",
    )
    assert contexts["What are Mitochondria?"] == "Mitochondria"
    assert contexts["What are Ribosomes?"] == "Ribosomes"
