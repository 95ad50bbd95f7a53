"""Notes written as plain lines: one fact a line without bullets, plain-text tables, steps."""

from __future__ import annotations

from pathlib import Path

from revise.formats.model import NoteData, NoteKind
from revise.generation import generate_deck


def deck_notes(tmp_path: Path, text: str, name: str = "notes.txt") -> list[NoteData]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_deck(path).notes


def questions(tmp_path: Path, text: str, name: str = "notes.txt") -> dict[str, str]:
    notes = deck_notes(tmp_path, text, name)
    return {note.front: note.back for note in notes if note.kind is NoteKind.BASIC}


def test_a_glossary_of_one_term_a_line_gives_each_term_its_card(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "Cell biology revision\n\nKey terms\n"
        "osmosis - diffusion of water across a partially permeable membrane\n"
        "active transport - movement of particles against a concentration gradient using ATP\n"
        "diffusion - net movement of particles from high to low concentration\n",
    )
    asked = {note.front: (note.back, note.source.start, note.source.end) for note in notes}
    assert asked == {
        "What is osmosis?": ("Diffusion of water across a partially permeable membrane", 4, 4),
        "What is active transport?": (
            "Movement of particles against a concentration gradient using ATP",
            5,
            5,
        ),
        "What is diffusion?": ("Net movement of particles from high to low concentration", 6, 6),
    }
    assert all(note.context == "Key terms" for note in notes)


def test_each_line_of_a_vocabulary_list_asks_its_meaning(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "FRENCH - holidays, unit 3\n\nNotes from class on holiday vocabulary.\n\n"
        "AT THE HOTEL\n"
        "la chambre double - double room\n"
        "loger chez des amis - to stay with friends\n"
        "le séjour - stay\n"
        "bronzer - to sunbathe\n",
    )
    # One card a line, each asked the same way: no line merged into the one above.
    assert asked == {
        'What does "la chambre double" mean?': "Double room",
        'What does "loger chez des amis" mean?': "To stay with friends",
        'What does "le séjour" mean?': "Stay",
        'What does "bronzer" mean?': "To sunbathe",
    }


def test_a_phrase_and_its_meaning_with_slashes_is_no_menu(tmp_path: Path) -> None:
    asked = questions(
        tmp_path,
        "ITALIAN - time words\n\nPAST\nieri - yesterday\nieri sera - last night\n"
        "poi / dopo - then / afterwards\n",
    )
    assert asked['What does "poi / dopo" mean?'] == "Then / afterwards"


def test_a_shouted_title_heads_the_lines_below_it(tmp_path: Path) -> None:
    notes = deck_notes(
        tmp_path,
        "GERMAN - unit 5\n\nSome words change a lot in the past tense.\n\n"
        "IRREGULARS !!!\nsein - war, warst, war, waren, wart, waren\n"
        "gehen - ging, gingst, ging, gingen, gingt, gingen\n\n"
        "TRAVEL WORDS (for the trip)\nder Flughafen - airport\n"
        "die Reise - journey\nverreisen - to go away\n",
    )
    contexts = {note.front: note.context for note in notes}
    assert contexts['What does "der Flughafen" mean?'] == "TRAVEL WORDS (for the trip)"
    assert contexts['What does "verreisen" mean?'] == "TRAVEL WORDS (for the trip)"
    # The title is no fact: it is not hidden in a cloze run on into the lines below it.
    assert not any("IRREGULARS" in note.front for note in notes)
    assert all(note.context != "IRREGULARS" or note.source.start > 5 for note in notes)


def test_bullets_in_prose_notes_are_items_not_one_paragraph() -> None:
    from revise.generation.document import BlockKind
    from revise.generation.plaintext import parse_plain_text

    document = parse_plain_text(
        "Market failure\n\n"
        "Market failure happens when the free market allocates resources inefficiently.\n"
        "Governments step in with taxes, subsidies and regulation to correct it.\n"
        "Arthur Pigou proposed taxing pollution in 1920.\n"
        "The Clean Air Act of 1956 banned smoke in London.\n\n"
        "WHEN GOVERNMENTS STEP IN\n"
        "- when a factory pollutes a river used by farmers downstream\n"
        "- when a good such as street lighting cannot be sold to each user\n"
        "  (a public good)\n"
    )
    items = [(b.text, b.start, b.end) for b in document.blocks if b.kind is BlockKind.ITEM]
    assert items == [
        ("when a factory pollutes a river used by farmers downstream", 9, 9),
        ("when a good such as street lighting cannot be sold to each user (a public good)", 10, 11),
    ]
