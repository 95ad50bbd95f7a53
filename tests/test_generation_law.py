"""Law notes: a case is asked for what the court decided, not for a detail of its facts."""

from __future__ import annotations

from pathlib import Path

from tests.generated_notes import deck_notes, questions


def test_a_case_over_its_facts_and_outcome_asks_what_was_held(tmp_path: Path) -> None:
    text = (
        "NUISANCE\n"
        "\tlocality\n"
        "\t\tSturges v Bridgman (1879)\n"
        "\t\t\tdoctor built a consulting room next to a confectioner's noisy machinery\n"
        "\t\t\tcharacter of the neighbourhood matters -> injunction granted\n"
        "\tmalice\n"
        "\t\tHollywood Silver Fox Farm v Emmett (1936)\n"
        "\t\t\tD fired guns on his own land to stop the foxes breeding\n"
        "\t\t\tmalicious noise was a nuisance -> injunction\n"
    )
    cards = questions(tmp_path, text)
    assert cards["What was held in Sturges v Bridgman (1879)?"] == (
        "Character of the neighbourhood matters -> injunction granted"
    )
    assert cards["What was held in Hollywood Silver Fox Farm v Emmett (1936)?"] == (
        "Malicious noise was a nuisance -> injunction"
    )
    fronts = [note.front for note in deck_notes(tmp_path, text)]
    assert not [front for front in fronts if "[injunction]" in front or "[noisy]" in front]


def test_facts_and_holding_sub_bullets_ask_the_holding(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "## Remedies\n"
        "- Miller v Jackson (1977)\n"
        "  - F: cricket balls kept landing in a garden next to the ground\n"
        "  - H: it was a nuisance but no injunction, damages only\n"
        "- Coventry v Lawrence (2014)\n"
        "  - facts: speedway stadium noise next to a house\n"
        "  - SC: damages in lieu of an injunction are more widely available\n",
        "notes.md",
    )
    assert cards["What was held in Miller v Jackson (1977)?"] == (
        "It was a nuisance but no injunction, damages only"
    )
    assert cards["What was held in Coventry v Lawrence (2014)?"] == (
        "Damages in lieu of an injunction are more widely available"
    )
    assert not [front for front in cards if " the H of " in front or "cricket balls" in front]


def test_a_case_line_with_its_facts_then_its_holding_asks_the_holding(tmp_path: Path) -> None:
    cards = questions(
        tmp_path,
        "OMISSIONS\n"
        "- R v Evans (2009) - D bought heroin for her half-sister, who overdosed at home. "
        "CA held that a person who creates a dangerous situation owes a duty to act\n"
        "- R v Gibbins and Proctor (1918): father and partner starved his daughter, she died. "
        "Duty from the relationship of parent and child\n",
    )
    assert cards["What was held in R v Evans (2009)?"] == (
        "A person who creates a dangerous situation owes a duty to act"
    )
    assert cards["What was held in R v Gibbins and Proctor (1918)?"] == (
        "Duty from the relationship of parent and child"
    )
    assert not [front for front in cards if "heroin" in front or "starved" in front]


def test_the_writers_own_opinion_gives_no_card(tmp_path: Path) -> None:
    fronts = [
        note.front
        for note in deck_notes(
            tmp_path,
            "JUDICIAL REVIEW\n"
            "- GCHQ case (1985): the grounds are illegality, irrationality and procedural "
            "impropriety\n"
            "- My view: the Wednesbury test sets the bar far too high for claimants\n"
            "- IMO the Human Rights Act 1998 made proportionality the real test\n"
            "- personally I think ouster clauses should never be upheld by the courts\n",
        )
    ]
    assert [front for front in fronts if "irrationality" in front]
    assert not [front for front in fronts if "Wednesbury" in front or "1998" in front]
    assert not [front for front in fronts if "ouster" in front]
