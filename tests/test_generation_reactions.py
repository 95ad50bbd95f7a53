"""An equation of a reaction ("A + B → C") is asked for what it makes."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck


def cards(tmp_path: Path, text: str, name: str = "notes.md") -> dict[str, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {note.front: note.back for note in generate_deck(path).notes}


def test_an_equation_on_its_own_line_is_asked_for_its_products(tmp_path: Path) -> None:
    text = (
        "# Chemistry\n\n## Neutralisation\n\n"
        "- hydrochloric acid + sodium hydroxide → sodium chloride + water\n"
        "- the reaction is exothermic, so the temperature of the mixture rises\n"
    )
    asked = cards(tmp_path, text)
    assert asked["Hydrochloric acid + sodium hydroxide → ?"] == "sodium chloride + water"
    assert not [front for front in asked if "lead to" in front]


def test_a_named_equation_in_a_paragraph_keeps_its_name(tmp_path: Path) -> None:
    text = (
        "# Fuels\n\n"
        "Complete combustion: CH₄ + 2O₂ → CO₂ + 2H₂O (plenty of oxygen)\n\n"
        "Word equation: methane + oxygen → carbon dioxide + water\n"
    )
    asked = cards(tmp_path, text)
    assert asked["Complete combustion: CH₄ + 2O₂ → ?"] == "CO₂ + 2H₂O (plenty of oxygen)"
    assert asked["Word equation: methane + oxygen → ?"] == "carbon dioxide + water"
    assert "What is word equation?" not in asked


def test_a_heading_in_capitals_run_into_its_equation_names_it(tmp_path: Path) -> None:
    text = (
        "<html><body><div>\n"
        "<div><b>FERMENTATION</b> C<sub>6</sub>H<sub>12</sub>O<sub>6</sub> &rarr; "
        "2C<sub>2</sub>H<sub>5</sub>OH + 2CO<sub>2</sub></div>\n"
        "</div></body></html>\n"
    )
    asked = cards(tmp_path, text, "notes.html")
    assert asked["Fermentation: C₆H₁₂O₆ → ?"] == "2C₂H₅OH + 2CO₂"


def test_a_cause_and_its_effect_is_no_equation(tmp_path: Path) -> None:
    text = "# Markets\n\n- higher demand + fixed supply → price rises\n- supply + demand → price\n"
    asked = cards(tmp_path, text)
    assert not [front for front in asked if front.endswith("→ ?")]


def test_an_equation_with_a_remark_after_it_is_asked_under_what_leads_into_it(
    tmp_path: Path,
) -> None:
    page = (
        "<html><body><div>\n"
        "<div><b>Fermentation</b> &ndash; no oxygen, only glycolysis. NAD must be regenerated so"
        " glycolysis can go on:</div>\n"
        "<ul><li>yeast: pyruvate &rarr; ethanal + CO<sub>2</sub>. ethanal is then reduced</li>\n"
        "<li>muscle cells: pyruvate + reduced NAD &rarr; lactate + NAD. lactate is carried to"
        " the liver</li></ul>\n"
        "</div></body></html>\n"
    )
    path = tmp_path / "notes.html"
    path.write_text(page, encoding="utf-8")
    notes = {note.front: note for note in generate_deck(path).notes}
    asked = notes["Muscle cells: pyruvate + reduced NAD → ?"]
    assert asked.back == "lactate + NAD"
    assert asked.context.endswith("Fermentation: NAD must be regenerated so glycolysis can go on")


def test_a_lead_that_opens_on_a_clause_gives_its_last_sentence_alone(tmp_path: Path) -> None:
    page = (
        "<html><body><div>\n"
        "<div>Yeast is a fungus &ndash; it can respire without oxygen. Two products are made"
        " in the bottle:</div>\n"
        "<ul><li>in wine: glucose &rarr; 2C<sub>2</sub>H<sub>5</sub>OH + 2CO<sub>2</sub></li>\n"
        "<li>carbon dioxide gives sparkling wine its fizz</li></ul>\n"
        "</div></body></html>\n"
    )
    path = tmp_path / "notes.html"
    path.write_text(page, encoding="utf-8")
    notes = {note.front: note for note in generate_deck(path).notes}
    asked = notes["In wine: glucose → ?"]
    assert asked.context.split(" > ")[-1] == "Two products are made in the bottle"
