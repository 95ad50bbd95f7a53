"""Files reach the right reader by their content, whatever they are called."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from revise.errors import FormatError
from revise.formats.detect import FileKind, file_kind, read_decks
from revise.formats.model import NoteKind

FIXTURES = Path(__file__).parent / "fixtures"


def test_anki_package_recognised_by_content_under_any_name(tmp_path):
    renamed = tmp_path / "download"
    shutil.copy(FIXTURES / "anki" / "general-knowledge-modern.apkg", renamed)
    decks = read_decks(renamed)
    assert [deck.name for deck in decks] == ["General knowledge::Mixed"]
    assert read_decks(renamed, deck="Trivia")[0].name == "Trivia"


def test_bare_anki_collection_is_read(tmp_path):
    with zipfile.ZipFile(FIXTURES / "anki" / "palaeontology-genanki.apkg") as archive:
        database = tmp_path / "collection.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    [deck] = read_decks(database)
    assert len(deck.notes) == 3


def test_tables_by_suffix_and_by_content(tmp_path):
    [csv_deck] = read_decks(FIXTURES / "csv" / "ultimate-history-qa.csv")
    assert len(csv_deck.notes) == 5
    export = tmp_path / "anki export.txt"
    export.write_text("#separator:tab\n#html:false\nhola\thello\nadiós\tgoodbye\n", "utf-8")
    [deck] = read_decks(export, deck="Spanish")
    assert deck.name == "Spanish"
    assert [(n.front, n.back) for n in deck.notes] == [("hola", "hello"), ("adiós", "goodbye")]
    plain_tabs = tmp_path / "words.txt"
    plain_tabs.write_text("uno\tone\ndos\ttwo\ntres\tthree\n", "utf-8")
    assert len(read_decks(plain_tabs)[0].notes) == 3


def test_columns_option_makes_any_file_a_table(tmp_path):
    source = tmp_path / "list.dat"
    source.write_text("one,uno,num\ntwo,dos,num\n", "utf-8")
    [deck] = read_decks(source, columns="back,front,tags")
    assert [(n.front, n.back) for n in deck.notes] == [("uno", "one"), ("dos", "two")]


def test_binary_junk_and_fake_collections_are_refused(tmp_path):
    junk = tmp_path / "photo.md"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(FormatError, match=r"photo\.md: a binary file"):
        read_decks(junk)
    fake = tmp_path / "collection.anki2"
    fake.write_text("not a database", "utf-8")
    with pytest.raises(FormatError, match="not an Anki collection"):
        read_decks(fake)


def test_obsidian_markdown_is_read_as_flashcards(tmp_path):
    pytest.importorskip("revise.formats.deckfile")
    note = tmp_path / "vault note.md"
    note.write_text("#flashcards\n\nCapital of Peru::Lima\nRiver of Cairo:::Nile\n", "utf-8")
    [deck] = read_decks(note)
    assert deck.name == "vault note"
    assert [(n.kind, n.front, n.back) for n in deck.notes] == [
        (NoteKind.BASIC, "Capital of Peru", "Lima"),
        (NoteKind.REVERSED, "River of Cairo", "Nile"),
    ]


# --- one rule for "is this file notes or a deck?" ----------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_one_line_deck_with_a_mistyped_line_is_a_deck_and_its_error_names_the_line(tmp_path):
    deck = write(
        tmp_path, "french.md", "chat :: cat\nchien :: dog\nmaison : house\nvoiture :: car\n"
    )
    assert file_kind(deck) is FileKind.DECK
    with pytest.raises(FormatError) as error:
        read_decks(deck)
    assert str(error.value) == (
        f"{deck}:3: text outside a card: a card is 'front :: back' with two colons "
        "(write 'maison :: house', or put notes in an <!-- HTML comment -->)"
    )


def test_cards_and_one_line_without_a_separator_is_a_deck_with_an_error(tmp_path):
    deck = write(tmp_path, "sums.md", "What is 2+2? :: 4\nWhat is the capital of Peru\n")
    assert file_kind(deck) is FileKind.DECK
    with pytest.raises(FormatError, match=r"sums\.md:2: text outside a card \(start a card"):
        read_decks(deck)


def test_a_deck_with_unusual_front_matter_is_still_a_deck(tmp_path):
    long_description = "description: " + "a long description " * 5000 + "\n"
    unusual = [
        "---\nname: Korea\n" + long_description + "---\nCapital :: Pyongyang\n",
        "---\r\nname: Korea\r\ntags: [a, b]\r\n---\r\n\r\nCapital :: Pyongyang\r\n",
        "\ufeff---\nname: Korea\n---\n\nsome words that are not a card\n",
        "---\nname: Korea\nauthor: me\n---\nCapital :: Pyongyang\n",
    ]
    for number, text in enumerate(unusual):
        path = write(tmp_path, f"deck{number}.md", text)
        assert file_kind(path) is FileKind.DECK, text[:40]
    assert read_decks(tmp_path / "deck0.md")[0].name == "Korea"
    with pytest.raises(FormatError, match=r"deck2\.md:5: text outside a card"):
        read_decks(tmp_path / "deck2.md")
    with pytest.raises(FormatError, match=r"deck3\.md:3: unknown front matter key 'author'"):
        read_decks(tmp_path / "deck3.md")


def test_a_deck_whose_first_64_kb_is_unusual_is_still_a_deck(tmp_path):
    licence = "<!--\n" + "This deck may be shared under the licence below.\n" * 2000 + "-->\n"
    path = write(tmp_path, "licensed.md", licence + "Capital of Peru :: Lima\n" * 1)
    assert file_kind(path) is FileKind.DECK
    assert [note.front for note in read_decks(path)[0].notes] == ["Capital of Peru"]


def test_a_large_one_line_deck_keeps_its_front_matter_name(tmp_path):
    cards = "".join(f"Question number {n} of a long deck :: answer {n}\n" for n in range(3000))
    path = write(tmp_path, "large.md", "---\nname: Large deck\n---\n" + cards)
    assert path.stat().st_size > 64 * 1024
    [deck] = read_decks(path)
    assert deck.name == "Large deck" and len(deck.notes) == 3000
    no_name = write(tmp_path, "unnamed.md", cards)
    assert file_kind(no_name) is FileKind.DECK
    assert read_decks(no_name)[0].notes[-1].front == "Question number 2999 of a long deck"


def test_notes_with_a_few_card_lines_and_obsidian_files_keep_their_readers(tmp_path):
    notes = write(
        tmp_path,
        "cells.md",
        "# Cells\n\nCells were first described in 1665 by Robert Hooke.\n"
        "Mitochondria :: the powerhouse\nThe nucleus holds the DNA.\n",
    )
    assert file_kind(notes) is FileKind.NOTES
    vault = write(
        tmp_path,
        "vault.md",
        "Some prose about Peru.\nMore prose.\nAnd more.\nCapital of Peru::Lima\nRiver::Nile\n",
    )
    assert file_kind(vault) is FileKind.OBSIDIAN
    tagged = write(tmp_path, "tagged.md", "#flashcards\nCapital::Lima\nstray line\n")
    assert file_kind(tagged) is FileKind.OBSIDIAN


def test_every_notes_file_we_have_is_notes_and_every_deck_a_deck(tmp_path):
    notes = [
        *sorted((ROOT / "decks" / "notes").iterdir()),
        *sorted((ROOT / "tests" / "notes").iterdir()),
    ]
    assert notes
    for path in notes:
        if path.is_file():
            assert file_kind(path) is FileKind.NOTES, path
    for path in sorted((ROOT / "decks").glob("*.md")):
        assert file_kind(path) is FileKind.DECK, path
    table = write(tmp_path, "cards.csv", "front,back\n")
    assert file_kind(table) is FileKind.TABLE
    with pytest.raises(FormatError, match="no such file"):
        file_kind(tmp_path / "missing.txt")


def test_generate_refuses_a_file_that_is_not_notes(tmp_path, capsys):
    from revise.cli import main

    deck = write(tmp_path, "french.md", "chat :: cat\nchien :: dog\n")
    assert main(["generate", str(deck)]) == 1
    assert capsys.readouterr().err == (
        f"revise: {deck}: a deck file, not notes; import it: revise import {deck}\n"
    )
    assert not (tmp_path / "french.deck.md").exists()


def test_a_mind_map_indented_with_tabs_after_its_bullets_is_notes(tmp_path):
    outline = tmp_path / "medicine.txt"
    outline.write_text(
        "MEDICINE THROUGH TIME\nexported from a mind map app\n\n"
        "*\tMEDIEVAL\n"
        "\t*\tIdeas about cause\n"
        "\t\t*\tFour Humours - blood, phlegm, yellow bile, black bile\n"
        "\t\t*\tGalen - Theory of Opposites\n"
        "\t*\tTreatment\n"
        "\t\t*\tbloodletting and purging to rebalance the humours\n"
        "*\tRENAISSANCE\n"
        "\t*\tVesalius published On the Fabric of the Human Body in 1543\n",
        "utf-8",
    )
    assert file_kind(outline) is FileKind.NOTES


def test_notes_with_a_question_line_are_notes_and_a_question_without_its_answer_is_a_deck(
    tmp_path,
):
    notes = tmp_path / "optics.md"
    notes.write_text(
        "# Optics\n\nLight travels at 3.0 x 10⁸ m/s in a vacuum.\n\n"
        "## Refraction\n\nLight bends towards the normal as it enters a denser medium.\n"
        "The refractive index n = c / v.\n\n## Worked example\n\n"
        "Q: Light travels at 2.0 x 10⁸ m/s in glass. Find n.\n"
        "n = 3.0 / 2.0 = 1.5\n",
        encoding="utf-8",
    )
    assert file_kind(notes) is FileKind.NOTES
    deck = tmp_path / "optics-deck.md"
    deck.write_text(
        "Q: What is the speed of light?\nA: 3.0 x 10⁸ m/s\n\nQ: What is n?\n\n", encoding="utf-8"
    )
    assert file_kind(deck) is FileKind.DECK
    cloze = tmp_path / "cloze.md"
    cloze.write_text("Some notes.\nMore notes.\nC: Light is [fast].\n", encoding="utf-8")
    assert file_kind(cloze) is FileKind.DECK


def test_an_outliners_page_with_properties_is_notes_and_cards_in_bullets_stay_a_deck(tmp_path):
    page = write(
        tmp_path,
        "Photosynthesis.md",
        "title:: Photosynthesis\ntags:: biology, [[GCSE]]\n\n- Where it happens\n"
        "  collapsed:: true\n\t- in the **chloroplasts** of leaf cells\n"
        "\t- chlorophyll absorbs light\n\t  id:: 65b2e3d4-1111-4222-8333-944455556666\n"
        "- Limiting factors\n\t- light intensity, CO2, temperature\n",
    )
    assert file_kind(page) is FileKind.NOTES
    # Roam Research keeps its page attributes' keys as typed
    roam = write(
        tmp_path,
        "Families.md",
        "- Tags:: [[Sociology]] [[Paper 2]]\n- Status:: in progress\n"
        "- ## Functionalist views\n    - **Murdock (1949)** said the nuclear family is universal\n"
        "    - **Parsons** - functional fit theory\n",
    )
    assert file_kind(roam) is FileKind.NOTES
    # a vault of one-line cards whose fronts are capitalised questions is still flashcards
    vault = write(tmp_path, "vault.md", "- Capital of Peru::Lima\n- River of Cairo::Nile\n")
    assert file_kind(vault) is not FileKind.NOTES


@pytest.mark.parametrize(
    ("name", "members", "said"),
    [
        (
            "biology.docx",
            ["[Content_Types].xml", "word/document.xml"],
            "a Word document, which revise does not read; save it as a Web Page (.htm) or "
            "Plain Text (.txt), then give that file",
        ),
        (
            "cells.xmind",
            ["content.json", "metadata.json", "manifest.json"],
            "an XMind map, which revise does not read; export it as OPML "
            "(File > Export > OPML), then give that file",
        ),
        (
            "vocab.xlsx",
            ["xl/workbook.xml"],
            "an Excel workbook, which revise does not read; save the sheet as CSV (.csv), "
            "then give that file",
        ),
        (
            "photos.zip",
            ["a.jpg"],
            "a zip archive with no Anki collection inside; unzip it and give the files in it",
        ),
    ],
)
def test_an_archive_that_is_no_anki_package_is_named_for_what_it_is(
    tmp_path, capsys, name, members, said
):
    """A Word document or a mind map is a zip archive, as an Anki package is: importing or
    generating from one says what it is and what to give instead, not to export it from Anki."""
    from revise.cli import main

    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member in members:
            archive.writestr(member, "<x/>")
    for command in ("import", "generate"):
        assert main(["--db", str(tmp_path / "c.db"), command, str(path)]) == 1
        assert capsys.readouterr().err == f"revise: {path}: {said}\n"
    assert not list(tmp_path.glob("*.md"))  # no deck written


def test_phrases_highlighted_between_double_colons_are_notes_not_obsidian_cards(tmp_path):
    notes = tmp_path / "monasteries.md"
    notes.write_text(
        "# Dissolution\n\n"
        "In 1536 there were ::roughly 800-850 houses:: in England and Wales.\n"
        "- 1534 Act of Supremacy - Henry = ::Supreme Head of the Church of England::\n"
        "1535 - ::Valor Ecclesiasticus:: = a survey of all Church wealth\n",
        encoding="utf-8",
    )
    cards = tmp_path / "cards.md"
    cards.write_text("Capital of France::Paris\nLargest planet::Jupiter\n", encoding="utf-8")
    assert file_kind(notes) is FileKind.NOTES
    assert file_kind(cards) is not FileKind.NOTES  # a question::answer line is still a card
