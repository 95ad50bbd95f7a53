"""Notes kept in Emacs org-mode: headings, description lists and markup read as org writes them."""

from __future__ import annotations

from pathlib import Path

from revise.formats.detect import FileKind, file_kind
from revise.formats.model import NoteKind
from revise.generation import generate_deck

ORG_NOTES = """\
#+TITLE: Enzymes
#+AUTHOR: Priya
#+STARTUP: overview

* TODO [#A] How enzymes work                                          :bio:exam:
:PROPERTIES:
:CREATED:  [2026-02-11 Wed 17:20]
:END:
CLOCK: [2026-02-11 Wed 17:20]--[2026-02-11 Wed 17:50] =>  0:30
- enzymes are *biological catalysts* made of protein
- the substrate binds to the /active site/
- active site :: the region of an enzyme where the substrate binds
- denaturation :: a permanent change in the shape of the active site, e.g. at high temperature
* DONE Factors
** Temperature
- rate doubles for every 10 °C rise, up to the optimum (about 37 °C in humans)
| enzyme | optimum pH |
|--------+------------|
| pepsin | 2          |
| amylase | 7         |
# check this against the textbook
See [[https://www.bbc.co.uk/bitesize][Bitesize]] for the graphs.
"""


def test_org_notes_are_notes_even_with_description_lists(tmp_path: Path) -> None:
    # "term :: meaning" is how org writes a glossary, not a flashcard
    notes = tmp_path / "enzymes.org"
    notes.write_text(ORG_NOTES, encoding="utf-8")
    assert file_kind(notes) is FileKind.NOTES


def test_org_headings_lists_and_markup_give_cards_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "enzymes.org"
    path.write_text(ORG_NOTES, encoding="utf-8")
    deck = generate_deck(path)
    assert deck.name == "Enzymes"
    answers = {note.back: note for note in deck.notes if note.kind is NoteKind.BASIC}
    active = answers["The region of an enzyme where the substrate binds"]
    assert active.front.startswith("What is") and "active site" in active.front
    assert active.context == "How enzymes work"  # its TODO, priority and tags left out
    assert (
        active.source.start
        == ORG_NOTES.splitlines().index(
            "- active site :: the region of an enzyme where the substrate binds"
        )
        + 1
    )
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    for bookkeeping in ("PROPERTIES", "CLOCK", "CREATED", "TODO", "textbook", "[[", "*", "/"):
        assert bookkeeping not in said
    assert any("biological catalysts" in f"{note.front} {note.back}".lower() for note in deck.notes)
    pepsin = answers["2"]  # the table after the list is a table, not more of the list's text
    assert pepsin.front == "What is the optimum pH of pepsin?"
    assert pepsin.source.start == ORG_NOTES.splitlines().index("| pepsin | 2          |") + 1


def test_generate_writes_a_deck_from_org_notes(tmp_path: Path, capsys) -> None:
    from revise.cli import main

    path = tmp_path / "enzymes.org"
    path.write_text(ORG_NOTES, encoding="utf-8")
    assert main(["generate", str(path), "-o", str(tmp_path / "enzymes-deck.md")]) == 0
    deck = (tmp_path / "enzymes-deck.md").read_text(encoding="utf-8")
    assert "The region of an enzyme where the substrate binds" in deck


# Org's own marks in a physics file: progress cookies, a link target, a date the editor put in,
# an entity and inline maths, and a subtree the student commented out.
ORG_MARKS = """\
#+TITLE: Forces and motion

* Newton's laws [2/3]
** DONE First law
- inertia :: the tendency of an object to stay at rest or keep moving at a constant velocity
** Second law <<second>>
- resultant force = mass \\times acceleration, \\(F = ma\\)
** TODO Third law [50%]
[2026-02-03 Tue 18:00]
- forces in an interaction pair act on different objects
* COMMENT Old version, wrong
- momentum :: mass times speed
* Momentum
- momentum = mass \\times velocity, measured in kg m/s
"""


def test_org_marks_of_the_file_itself_are_no_notes(tmp_path: Path) -> None:
    path = tmp_path / "forces.org"
    path.write_text(ORG_MARKS, encoding="utf-8")
    deck = generate_deck(path)
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    for mark in ("[2/3]", "[50%]", "<<", "second>", "2026", "Tue", "COMMENT", "\\"):
        assert mark not in said
    # the commented-out subtree is not read: its wrong definition gives no card
    assert not any("Old version" in note.context for note in deck.notes)
    assert "mass times speed" not in said
    # the formula asked for its side, "\\times" as org shows it; its unit a card of its own
    momentum = next(note for note in deck.notes if note.front == "momentum = ?")
    assert momentum.back == "mass \u00d7 velocity"
    assert momentum.context == "Momentum"
    assert any(note.front == "What is the unit of momentum?" for note in deck.notes)


# A history file with its own TODO keywords, a clock table org generated, a comment block, a raw
# HTML export and a footnote.
ORG_BLOCKS = """\
#+TITLE: Causes of the First World War
#+TODO: TODO REVISE(r) | LEARNT(l!)

#+BEGIN: clocktable :scope file :maxlevel 2
| Headline     | Time   |
|--------------+--------|
| *Total time* | *1:30* |
| Alliances    | 0:45   |
#+END:

* REVISE Alliances
- Triple Alliance (1882) :: Germany, Austria-Hungary and Italy
- Triple Entente (1907) :: Britain, France and Russia[fn:1]
#+begin_comment
check whether Italy actually joined the war on the Entente side - ask Mr Patel
#+end_comment
* LEARNT Militarism
- the naval race: Britain launched HMS Dreadnought in 1906
#+begin_export html
<div class="timeline"><span>1906</span></div>
#+end_export

[fn:1] Not a formal military alliance, unlike the Triple Alliance.
"""


def test_org_blocks_that_are_no_notes_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "ww1.org"
    path.write_text(ORG_BLOCKS, encoding="utf-8")
    deck = generate_deck(path)
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    for left_out in ("1:30", "0:45", "Total time", "Patel", "timeline", "<", "formal military"):
        assert left_out not in said
    dreadnought = next(note for note in deck.notes if "Dreadnought" in note.front + note.back)
    assert dreadnought.context == "Militarism"  # the file's own keyword left out of the heading


ORG_PICTURES = """\
#+TITLE: The heart

* Structure
#+CAPTION: The heart from the front
[[file:images/heart-diagram.png]]
- the aorta carries oxygenated blood to the body
[[./img/valves.jpg]] valves stop blood flowing backwards
"""


def test_an_org_picture_is_no_text_of_the_notes(tmp_path: Path) -> None:
    path = tmp_path / "heart.org"
    path.write_text(ORG_PICTURES, encoding="utf-8")
    deck = generate_deck(path)
    aorta = next(note for note in deck.notes if "aorta" in note.front.casefold())
    assert aorta.context == "Structure"  # the picture above the list heads nothing
    said = " ".join(f"{note.front} {note.back} {note.context}" for note in deck.notes)
    assert ".png" not in said and ".jpg" not in said
    assert "valves" not in aorta.front  # the line after the list is no more of its last point


ORG_MATHS = """\
#+TITLE: Energy

* Mass-energy
Einstein showed that mass and energy are equivalent.
\\begin{equation}
E = mc^2
\\end{equation}
- kinetic energy :: the energy an object has because it is moving
"""


def test_an_org_equation_environment_is_maths_not_more_of_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "energy.org"
    path.write_text(ORG_MATHS, encoding="utf-8")
    deck = generate_deck(path)
    said = " ".join(f"{note.front} {note.back}" for note in deck.notes)
    assert "Einstein" in said  # the sentence is carded on its own,
    assert "begin{" not in said and "mc^2" not in said  # the LaTeX never shown as text
