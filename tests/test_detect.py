"""Files reach the right reader by their content, whatever they are called."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from revise.errors import FormatError
from revise.formats.detect import read_decks
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
