"""`revise generate -o`: never silently replaces a deck the user edited, and notes files with the
same name do not overwrite each other's decks."""

from __future__ import annotations

from pathlib import Path

import pytest

from revise.cli import main
from revise.formats.deckfile import read_deck_file

NOTES = """# Treaties

- The Treaty of Portsmouth was signed in 1905.
- The Treaty of Versailles was signed in 1919.
- The Treaty of Nanking was signed in 1842.
"""
NEW_FACT = "- The Treaty of Brest-Litovsk was signed in 1918.\n"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "treaties.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def generate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["generate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def fronts(deck: Path) -> list[str]:
    return [note.front for note in read_deck_file(deck).notes]


def test_regenerating_an_unedited_deck_replaces_it_and_an_unchanged_one_is_left(
    notes, tmp_path, capsys
):
    deck = tmp_path / "deck.md"
    assert generate(capsys, str(notes), "-o", str(deck))[1].endswith("3 cards, written\n")
    assert generate(capsys, str(notes), "-o", str(deck))[1].endswith("3 cards, unchanged\n")
    notes.write_text(NOTES + NEW_FACT, encoding="utf-8")
    status, out, _ = generate(capsys, str(notes), "-o", str(deck))
    assert status == 0 and out.endswith("4 cards, replaced (it was as generated)\n")
    assert len(fronts(deck)) == 4


def test_an_edited_deck_is_merged_the_users_edits_and_deletions_win_new_facts_are_added(
    notes, tmp_path, capsys
):
    deck = tmp_path / "deck.md"
    generate(capsys, str(notes), "-o", str(deck))
    text = deck.read_text(encoding="utf-8")
    text = text.replace(
        "When was the Treaty of Nanking signed? :: 1842",
        "In which year was the Treaty of Nanking signed? :: 1842 (ending the First Opium War)",
    )
    text = text.replace(
        "<!-- source: treaties.md:4 -->\nC: The [Treaty of Versailles] was signed in 1919.\n", ""
    )
    text = text.replace(
        "# Treaties\n", "# Treaties\n\n<!-- my own card below -->\nMy card :: mine\n"
    )
    deck.write_text(text, encoding="utf-8")
    notes.write_text(NOTES + NEW_FACT, encoding="utf-8")

    status, out, _ = generate(capsys, str(notes), "-o", str(deck))

    assert status == 0 and out.endswith("merged: your edits kept, 1 new card added\n")
    merged = deck.read_text(encoding="utf-8")
    assert merged.startswith(text.split("<!-- revise generate:")[0])  # the user's text as it was
    assert "<!-- my own card below -->" in merged
    assert fronts(deck) == [
        "My card",
        "When was the Treaty of Portsmouth signed?",
        "In which year was the Treaty of Nanking signed?",
        "When was the Treaty of Brest-Litovsk signed?",
    ]
    assert read_deck_file(deck).notes[-1].context == "Treaties"
    again = generate(capsys, str(notes), "-o", str(deck))[1]
    assert again.endswith("merged: your edits kept, 0 new cards added\n")
    assert fronts(deck)[-1] == "When was the Treaty of Brest-Litovsk signed?"  # not added twice


def test_a_deck_not_generated_by_revise_is_refused_unless_forced(notes, tmp_path, capsys):
    deck = tmp_path / "deck.md"
    deck.write_text("Capital of France :: Paris\n", encoding="utf-8")

    status, out, err = generate(capsys, str(notes), "-o", str(deck))

    assert status == 1 and out == ""
    assert err == (
        f"revise: {deck}: not a deck revise generated, so not replaced; "
        "write to another file with -o, or replace it with --force\n"
    )
    assert deck.read_text(encoding="utf-8") == "Capital of France :: Paris\n"
    status, out, _ = generate(capsys, str(notes), "-o", str(deck), "--force")
    assert status == 0 and out.endswith("3 cards, replaced (--force)\n")


def test_an_edited_deck_with_a_mistake_is_not_merged_into(notes, tmp_path, capsys):
    deck = tmp_path / "deck.md"
    generate(capsys, str(notes), "-o", str(deck))
    text = deck.read_text(encoding="utf-8").replace(":: 1905", ": 1905")
    deck.write_text(text, encoding="utf-8")

    status, _, err = generate(capsys, str(notes), "-o", str(deck))

    assert status == 1 and err.count("\n") == 1
    assert err.startswith(f"revise: {deck}:8: ") and "fix it so that new cards can be merged" in err
    assert deck.read_text(encoding="utf-8") == text


def test_a_folder_that_is_not_there_is_refused_not_written_as_a_file(notes, tmp_path, capsys):
    """`-o decks/` for a folder not made yet wrote a deck file named `decks`, exit 0."""
    folder = tmp_path / "decks"
    status, _, err = generate(capsys, str(notes), "-o", f"{folder}/")
    assert status == 1
    assert err == (
        f"revise: {folder}/: there is no such folder (create it first, or check the path); "
        "nothing was written\n"
    )
    assert not folder.exists()
    folder.mkdir()
    assert generate(capsys, str(notes), "-o", f"{folder}/")[0] == 0
    assert fronts(folder / "treaties.md")


def test_notes_with_the_same_name_get_a_deck_each(tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "bio.md").write_text(NOTES, encoding="utf-8")
    (folder / "bio.html").write_text(
        "<html><body><h1>Enzymes</h1><ul><li>Amylase breaks down starch into sugars.</li>"
        "<li>Protease breaks down proteins into amino acids.</li></ul></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "decks"
    out.mkdir()

    status, _, _ = generate(
        capsys, str(folder / "bio.md"), str(folder / "bio.html"), "-o", str(out)
    )

    assert status == 0
    assert sorted(path.name for path in out.iterdir()) == ["bio-html.md", "bio-md.md"]
    assert read_deck_file(out / "bio-md.md").name == "Treaties"
    assert read_deck_file(out / "bio-html.md").name == "Enzymes"
    # One at a time, each finds its own deck again.
    assert generate(capsys, str(folder / "bio.md"), "-o", str(out))[1].endswith(
        f"{out / 'bio-md.md'}: 3 cards, unchanged\n"
    )
    assert generate(capsys, str(folder / "bio.html"), "-o", str(out))[1].endswith("unchanged\n")
    assert sorted(path.name for path in out.iterdir()) == ["bio-html.md", "bio-md.md"]


def test_beside_the_notes_a_deck_never_replaces_the_other_notes_file(tmp_path, capsys):
    (tmp_path / "bio.md").write_text(NOTES, encoding="utf-8")
    html = tmp_path / "bio.html"
    html.write_text(
        "<html><body><h1>Enzymes</h1><p>Amylase breaks down starch into sugars.</p></body></html>",
        encoding="utf-8",
    )

    status, printed, _ = generate(capsys, str(html))

    assert status == 0 and printed.startswith(f"{html} -> {tmp_path / 'bio-html.md'}")
    assert (tmp_path / "bio.md").read_text(encoding="utf-8") == NOTES


NO_FACTS = "Just some words here, nothing to learn.\n"


def test_notes_that_give_no_cards_write_no_deck_and_say_why_the_others_are_written(
    notes, tmp_path, capsys
):
    advice = tmp_path / "advice.txt"
    advice.write_text(NO_FACTS, encoding="utf-8")
    out_folder = tmp_path / "decks"
    out_folder.mkdir()

    status, out, err = generate(capsys, str(advice), str(notes), "-o", f"{out_folder}/")

    assert status == 1
    assert sorted(path.name for path in out_folder.iterdir()) == ["treaties.md"]
    assert err.count("\n") == 1 and "advice.txt: the notes gave no cards: no fact found" in err
    assert out.endswith(f"1 of 2 notes files gave no cards: {advice}\n")


def test_one_notes_file_that_gives_no_cards_leaves_the_deck_file_alone(tmp_path, capsys):
    advice = tmp_path / "advice.txt"
    advice.write_text(NO_FACTS, encoding="utf-8")
    status, out, err = generate(capsys, str(advice))
    assert status == 1 and out == ""
    assert not (tmp_path / "advice.md").exists()
    assert err.startswith(f"revise: {advice}: the notes gave no cards")


def test_notes_whose_every_drafted_card_fails_the_check_say_so_and_point_to_check(tmp_path):
    from revise.errors import FormatError
    from revise.formats.model import DeckData, NoteData, NoteKind
    from revise.generation import generate_deck

    class Junk:
        def generate(self, notes):  # type: ignore[no-untyped-def]
            card = NoteData(NoteKind.BASIC, "Read the question twice", "Read the question twice")
            return DeckData(name="Tips", notes=[card], source=notes.source)

    tips = tmp_path / "exam tips.md"
    tips.write_text("# Tips\n\nRead the question twice.\n", encoding="utf-8")
    assert generate_deck(tips, generator=Junk()).notes == []
    with pytest.raises(FormatError) as refused:
        generate_deck(tips, generator=Junk(), allow_empty=False)
    message = str(refused.value)
    assert "the one card drafted failed the quality check" in message
    assert f"revise generate --check '{tips}'" in message


def test_a_generated_deck_edited_and_saved_as_windows_1252_is_merged(notes, tmp_path, capsys):
    """Notepad's "ANSI" save of the user's edits was refused: 'cannot read the deck there
    ('utf-8' codec can't decode byte 0xe9 ...)'."""
    deck = tmp_path / "deck.md"
    generate(capsys, str(notes), "-o", str(deck))
    text = deck.read_text(encoding="utf-8").replace(
        "When was the Treaty of Nanking signed? :: 1842",
        "When was the Treaty of Nanking signed? :: 1842 (Qing dynasty, café society)",
    )
    deck.write_bytes(text.encode("cp1252"))
    notes.write_text(NOTES + NEW_FACT, encoding="utf-8")

    status, out, err = generate(capsys, str(notes), "-o", str(deck))

    assert (status, err) == (0, "") and out.endswith("1 new card added\n")
    merged = deck.read_text(encoding="utf-8")
    assert "1842 (Qing dynasty, café society)" in merged
    assert "When was the Treaty of Brest-Litovsk signed?" in merged


def test_a_fault_of_the_generator_is_one_line_naming_the_notes_and_writes_nothing(
    notes, tmp_path, capsys, monkeypatch
):
    from revise.generation import StructureGenerator

    def fails(self, notes):
        return [][0]  # a fault in drafting, whatever it is

    monkeypatch.setattr(StructureGenerator, "generate", fails)
    deck = tmp_path / "deck.md"
    status, out, err = generate(capsys, str(notes), "-o", str(deck))
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and str(notes) in err
    assert "the generator failed (IndexError" in err and "please report it" in err
    assert "Traceback" not in err and not deck.exists()
