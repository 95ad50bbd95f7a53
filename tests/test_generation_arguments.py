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
