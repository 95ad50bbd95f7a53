"""Cards the student typed into their notes, one a line ("puella | girl", a Quizlet export's
"term<TAB>definition"), become those cards, as written, beside the cards drawn from the prose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str) -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def cards(notes: list[NoteData]) -> dict[str, str]:
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


LATIN = """\
Latin

puella | girl (1st decl, f)
nominative case | used for the subject of the verb
genitive singular of puella | puellae
servus | slave (2nd decl, m)
"""

TYPED = {
    "puella": "girl (1st decl, f)",
    "nominative case": "used for the subject of the verb",
    "genitive singular of puella": "puellae",
    "servus": "slave (2nd decl, m)",
}


def test_typed_front_and_back_cards_are_the_students_cards(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, LATIN, "latin.txt")
    assert cards(notes) == TYPED
    assert [note.source.start for note in notes if note.source] == [3, 4, 5, 6]


def test_a_quizlet_export_and_colon_cards_in_plain_text(tmp_path: Path) -> None:
    tabbed = LATIN.replace(" | ", "\t")
    assert cards(deck_notes(tmp_path, tabbed, "tabbed.txt")) == TYPED
    colons = LATIN.replace(" | ", " :: ")
    assert cards(deck_notes(tmp_path, colons, "colons.txt")) == TYPED


FOOD = """\
# Nutrition

Amylase breaks down starch into maltose in the mouth and small intestine.

## Key words

**protein** | needed for growth and repair of body tissues

vitamin C | needed to absorb iron; deficiency causes scurvy
calcium | needed for strong bones and teeth

## Food tests

Benedict's solution turns brick red when heated with a reducing sugar such as glucose.
"""


def test_cards_among_prose_keep_their_heading_and_the_prose_is_carded(tmp_path: Path) -> None:
    notes = deck_notes(tmp_path, FOOD, "food.md")
    typed = [note for note in notes if note.front in ("protein", "vitamin C", "calcium")]
    assert [(note.front, note.back, note.context) for note in typed] == [
        ("protein", "needed for growth and repair of body tissues", "Key words"),
        ("vitamin C", "needed to absorb iron; deficiency causes scurvy", "Key words"),
        ("calcium", "needed for strong bones and teeth", "Key words"),
    ]
    rest = "\n".join(note.front for note in notes if note not in typed)
    assert "[Amylase] breaks down starch" in rest
    assert "Benedict" in rest


def test_one_line_with_a_bar_is_no_card(tmp_path: Path) -> None:
    text = "Biology\n\nY11 Biology | Topic B5 Homeostasis\n\nInsulin lowers blood glucose.\n"
    assert "Y11 Biology" not in cards(deck_notes(tmp_path, text, "one.txt"))


TABLE = """\
Cell transport

Term | Definition
osmosis | the movement of water across a partially permeable membrane
diffusion | the net movement of particles from high to low concentration
"""


def test_a_two_column_table_under_its_header_stays_a_table(tmp_path: Path) -> None:
    asked = cards(deck_notes(tmp_path, TABLE, "table.txt"))
    assert (
        asked["What is osmosis?"] == "the movement of water across a partially permeable membrane"
    )
    assert "Term" not in asked
    ruled = TABLE.replace("Term | Definition\n", "Term | Definition\n-----|-----\n")
    assert "What is diffusion?" in cards(deck_notes(tmp_path, ruled, "ruled.txt"))


def test_a_typed_meaning_is_not_cut_at_the_full_stops_of_letters(tmp_path: Path) -> None:
    text = (
        "Physics\n\nElectronvolt | energy gained by an electron accelerated through a p.d. of 1 V;"
        " equal to 1.60 x 10^-19 J\nCoulomb | unit of charge\n"
    )
    asked = cards(deck_notes(tmp_path, text, "physics.txt"))
    assert asked["Electronvolt"] == "energy gained by an electron accelerated through a p.d. of 1 V"


def test_word_bullets_set_apart_by_a_tab_are_no_cards(tmp_path: Path) -> None:
    text = (
        "Costs\n\n1.1\tFixed costs\no\tFixed costs (FC) do not change with output.\n"
        "o\tExamples: rent, insurance, salaries.\n"
    )
    assert not {"o", "1.1"} & set(cards(deck_notes(tmp_path, text, "word.txt")))


def test_importing_typed_cards_gives_those_cards(tmp_path: Path) -> None:
    notes = tmp_path / "latin.txt"
    notes.write_text(LATIN, encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "revise", "import", str(notes)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Latin: 4 added" in done.stdout


def test_a_line_with_no_separator_among_typed_cards_heads_the_cards_below_it(
    tmp_path: Path,
) -> None:
    notes = deck_notes(
        tmp_path,
        "CHEMISTRY - my flashcards\n\n"
        "== ATOMS ==\n"
        "nucleus\tthe centre of the atom, holding the protons and neutrons\n"
        "shell\tan energy level that electrons occupy\n"
        "also electrons orbit in shells around the nucleus\n"
        "relative mass\n"
        "proton\t1.0 units of mass\n"
        "electron\t0.0005 units of mass\n"
        "neutron\t1.0 units of mass\n",
        "cards.txt",
    )
    contexts = {(note.front, note.back): note.context for note in notes}
    assert contexts[("electron", "0.0005 units of mass")].endswith("relative mass")
    assert contexts[("proton", "1.0 units of mass")].endswith("relative mass")


GLOSSARY = "\n".join(
    [
        "Hormones",
        "",
        "insulin\tlowers blood glucose by making cells take up glucose from the blood;"
        " made in the pancreas; deficiency -> type 1 diabetes",
        "adrenaline\tprepares the body for fight or flight",
        "HDL cholesterol\thigh density lipoprotein - carries cholesterol from the body to the"
        " liver to be broken down",
        "rickets\tvitamin D deficiency in children - bones soft and bend (bow legs) so children"
        " walk badly",
        "",
    ]
)


def test_a_long_typed_meaning_gives_one_card_for_each_fact(tmp_path: Path) -> None:
    asked = cards(deck_notes(tmp_path, GLOSSARY, "hormones.txt"))
    assert asked["insulin"] == "lowers blood glucose by making cells take up glucose from the blood"
    assert asked["Where is insulin made?"] == "the pancreas"
    assert asked["What does insulin deficiency cause?"] == "type 1 diabetes"
    assert asked["adrenaline"] == "prepares the body for fight or flight"  # short: kept whole


def test_a_spelt_out_name_rides_with_its_term_and_a_subjectless_part_is_no_card(
    tmp_path: Path,
) -> None:
    asked = cards(deck_notes(tmp_path, GLOSSARY, "hormones.txt"))
    meaning = "carries cholesterol from the body to the liver to be broken down"
    assert asked["HDL cholesterol (high density lipoprotein)"] == meaning
    assert asked["rickets"] == "vitamin D deficiency in children"
    assert not [back for back in asked.values() if "bend" in back]


def test_a_long_first_fact_is_asked_without_its_examples(tmp_path: Path) -> None:
    text = (
        "Fats\n\nsaturated fat\tmostly from animal sources, usually solid at room temperature e.g."
        " butter, lard, fatty meat; raises LDL cholesterol\n"
        "trans fats\tmade when oils are hydrogenated\n"
    )
    asked = cards(deck_notes(tmp_path, text, "fats.txt"))
    assert asked["saturated fat"] == "mostly from animal sources, usually solid at room temperature"
