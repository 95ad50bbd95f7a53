"""Literature notes set out as essay paragraphs (Point, Evidence, Explain, Link)."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck

PEEL = """\
# A Christmas Carol

## Scrooge at the start

**Point:** Dickens presents Scrooge as cold and isolated.
**Evidence:** "solitary as an oyster" (Stave 1)
**Explain:** The simile suggests Scrooge has shut himself away from other people.
**Link:** This prepares the reader for his transformation.
"""


def test_the_evidence_of_a_point_is_asked_for_by_the_point(tmp_path: Path) -> None:
    path = tmp_path / "carol.md"
    path.write_text(PEEL, encoding="utf-8")
    notes = generate_deck(path).notes
    asked = {note.front: note.back for note in notes}
    question = "Which quotation shows that Dickens presents Scrooge as cold and isolated?"
    assert asked[question] == '"solitary as an oyster" (Stave 1)'
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in notes)
    # the steps' names are no card's text or context; the link back to the essay is no fact
    for step in ("Point", "Evidence", "Explain", "Link", "transformation"):
        assert step not in said


def test_a_notes_own_label_run_into_a_fact_is_no_part_of_its_card(tmp_path: Path) -> None:
    # "Key point: ..." in plain text: the label says how to read the line, the fact is carded
    path = tmp_path / "economy.txt"
    path.write_text(
        "THE UK ECONOMY\n\nThe UK has a post-industrial economy.\n"
        "Key point: the quaternary sector is the fastest-growing sector of the UK economy.\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    fastest = [note for note in notes if "fastest-growing" in note.front]
    assert fastest
    assert not any("Key point" in f"{note.front} {note.back}" for note in notes)


BLOOD_BROTHERS = (
    "# Blood Brothers \u2013 character paragraphs\n\n"
    "## Mrs Johnstone\n\n"
    "**Point:** Russell presents Mrs Johnstone as trapped by poverty.\n\n"
    '**Evidence:** "I\'m thirty-five and I look like fifty" (Act 1). '
    'Also: "Only mine until / The time comes round / To pay the bill" (Act 1)\n\n'
    "**Explain:** she cannot afford to feed the twins, so Mrs Lyons takes one of them.\n\n"
    "## The dream of escape\n\n"
    "**Point:** the move to the country is what gives the family hope but it fails.\n\n"
    "**Evidence:** \"We're gonna live in the country, we'll have a garden with a fence\" "
    '(Mrs Johnstone, Act 2). Mickey (Act 2): "I\'m not sure I want to go" \u2013 he says it '
    'about the "new house" and the "fresh air".\n'
)


def test_each_quotation_of_an_evidence_line_is_asked_on_its_own(tmp_path: Path) -> None:
    # two quotations on one evidence line: one asked for by the point, the other asked what
    # it shows; a word quoted inside a remark ("new house") is no quotation of its own
    path = tmp_path / "blood-brothers.md"
    path.write_text(BLOOD_BROTHERS, encoding="utf-8")
    asked = {note.front: note.back for note in generate_deck(path).notes}
    question = "Which quotation shows that Russell presents Mrs Johnstone as trapped by poverty?"
    assert asked[question] == '"I\'m thirty-five and I look like fifty" (Act 1)'
    shown = 'What does "Only mine until / The time comes round / To pay the bill" (Act 1) show?'
    assert asked[shown] == "Russell presents Mrs Johnstone as trapped by poverty"
    # a point is asked by its claim, without what it goes on to say ("but it fails")
    hope = "Which quotation shows that the move to the country is what gives the family hope?"
    assert asked[hope] == 'Mickey (Act 2): "I\'m not sure I want to go"'
    long = (
        "What does \"We're gonna live in the country, we'll have a garden with a fence\""
        " (Mrs Johnstone, Act 2) show?"
    )
    assert asked[long] == "The move to the country is what gives the family hope"
    assert not any("new house" in front and "fresh air" not in front for front in asked)


JEKYLL = (
    "# Jekyll and Hyde\n\n"
    "## Hyde\n\n"
    "**Point:** Stevenson presents Hyde as less than human.\n\n"
    '**Evidence:** "with ape-like fury" (Chapter 4)\n\n'
    "**Explain:** ape-like = primitive, violent, closer to an animal than a man. "
    "Victorian readers feared evolution.\n"
)


def test_a_word_of_the_quotation_explained_is_asked_what_it_suggests(tmp_path: Path) -> None:
    # "ape-like = primitive, ...": a word of the evidence's quotation, not a term to define
    path = tmp_path / "jekyll.md"
    path.write_text(JEKYLL, encoding="utf-8")
    asked = {note.front: note.back for note in generate_deck(path).notes}
    question = 'What does "ape-like" suggest in "with ape-like fury" (Chapter 4)?'
    assert asked[question] == "Primitive, violent, closer to an animal than a man"
    assert not any(front.startswith("What is ape-like") for front in asked)


CONTEXT = (
    "# An Inspector Calls \u2013 context\n\n"
    "## Society in 1912\n\n"
    "- **class** \u2013 the upper classes kept their wealth; workers had no unions to protect "
    "them; Eva is sacked for asking for a rise\n"
    "- **women** \u2013 most could not vote; the suffragettes campaigned for the vote until 1918\n"
    "- **Titanic** \u2013 a passenger liner that sank on its first voyage in April 1912\n"
)


def test_a_label_over_points_set_side_by_side_is_their_context_not_an_answer(
    tmp_path: Path,
) -> None:
    # "**women** - most could not vote; the suffragettes ...": the label heads its points,
    # and the rest of the line gives it away; a term over its meaning is still asked
    path = tmp_path / "context.md"
    path.write_text(CONTEXT, encoding="utf-8")
    notes = generate_deck(path).notes
    assert not any(
        "[class]" in note.front.casefold() or "[women]" in note.front.casefold() for note in notes
    )
    dated = [note for note in notes if "[1918]" in note.front]
    assert dated and dated[0].context.endswith("women")
    assert any(note.front == "What is Titanic?" for note in notes)


def test_a_quotation_with_no_speaker_named_is_asked_what_it_shows(tmp_path: Path) -> None:
    # the notes are about Scrooge: a line under him, with what it shows after an arrow
    path = tmp_path / "carol-quotes.md"
    path.write_text(
        "# A Christmas Carol quotations\n\n## Scrooge\n\n"
        '- "Are there no prisons? Are there no workhouses?" -> his cruelty to the poor\n'
        '- "I will live in the Past, the Present, and the Future!" -> shows he has changed\n\n'
        "## Context\n\n"
        '- "Poor Law Amendment Act" -> created the workhouses in 1834\n',
        encoding="utf-8",
    )
    asked = {note.front: note.back for note in generate_deck(path).notes}
    cruel = 'What does "Are there no prisons? Are there no workhouses?" show?'
    assert asked[cruel] == "His cruelty to the poor"
    changed = 'What does "I will live in the Past, the Present, and the Future!" show?'
    assert asked[changed] == "He has changed"
    # what a law did is no thing its name shows
    assert not any(front.startswith('What does "Poor Law') for front in asked)


def test_a_date_after_an_arrow_is_not_asked_as_the_date_of_what_led_to_it(tmp_path: Path) -> None:
    # the year is when the play was staged, not when an act opens on its set
    path = tmp_path / "play.md"
    path.write_text(
        "# The Crucible\n\n"
        "Each act opens with a courtroom set in Salem -> Miller meant it as an allegory of "
        "McCarthyism, it was first performed on Broadway in 1953.\n",
        encoding="utf-8",
    )
    notes = generate_deck(path).notes
    assert not any(note.front.startswith("When did each act") for note in notes)
    assert any("[1953]" in note.front for note in notes)
