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
