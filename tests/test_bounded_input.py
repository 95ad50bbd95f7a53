"""Input too big to be a card is refused with the same cap in every reader, and big input that
is allowed costs time in proportion to its size: a cloze with thousands of deletions, a notes
paragraph of hundreds of kilobytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revise import Collection
from revise.errors import FormatError
from revise.formats.detect import read_decks
from revise.formats.model import MAX_FIELD_CHARS, NoteData, NoteKind, card_faces
from revise.generation.tidying import sentences

TOO_LONG = f"a field longer than {MAX_FIELD_CHARS // 1024} KB"


def one_line_error(path: Path) -> str:
    with pytest.raises(FormatError) as error:
        read_decks(path)
    message = str(error.value)
    assert "\n" not in message
    return message


def test_a_ten_megabyte_answer_in_a_deck_file_is_refused(tmp_path):
    deck = tmp_path / "deck.md"
    deck.write_text("a :: b\n\nQ: big?\nA: " + "x" * (10 * 1024 * 1024) + "\n", "utf-8")
    assert one_line_error(deck) == f"{deck}:3: {TOO_LONG} (split the card)"


def test_a_ten_megabyte_obsidian_card_is_refused(tmp_path):
    notes = tmp_path / "vault.md"
    notes.write_text("#flashcards\n\nsmall::card\n\nbig::" + "x" * (10 * 1024 * 1024), "utf-8")
    assert one_line_error(notes) == f"{notes}:5: {TOO_LONG} (split the card)"


def test_a_cloze_line_of_twenty_thousand_deletions_is_refused_by_the_cap(tmp_path):
    deck = tmp_path / "cloze.md"
    deck.write_text("C: " + " ".join(f"[d{i}]" for i in range(20_000)) + "\n", "utf-8")
    assert deck.stat().st_size > MAX_FIELD_CHARS
    assert one_line_error(deck) == f"{deck}:1: {TOO_LONG} (split the card)"


def test_a_cloze_with_ten_thousand_deletions_imports_every_card(tmp_path):
    deck = tmp_path / "cloze.md"
    deck.write_text("C: " + " ".join(f"[d{i}]" for i in range(10_000)) + "\n", "utf-8")
    with Collection.open(tmp_path / "c.db") as col:
        report = col.import_decks(read_decks(deck))
        assert report.decks[0].added == 1
        card = col.next_card()
        assert card is not None
        assert card.prompt.startswith("[...] d1 d2")
        assert card.answer == "d0"
        assert col.decks()[0].total == 10_000


def test_cloze_faces_render_only_the_prompt_asked_for():
    text = " ".join(f"[d{i}]" for i in range(3))
    faces = card_faces(NoteData(NoteKind.CLOZE, text, "extra"))
    assert [(face.ordinal, face.prompt, face.answer) for face in faces] == [
        (0, "[...] d1 d2", "d0"),
        (1, "d0 [...] d2", "d1"),
        (2, "d0 d1 [...]", "d2"),
    ]
    assert {face.full for face in faces} == {"d0 d1 d2\n\nextra"}


def test_a_long_paragraph_is_split_into_its_sentences():
    sentence = "The Treaty of Portsmouth was signed in 1905 by Russia and Japan."
    text = " ".join([sentence] * 400)
    spans = sentences(text)
    assert len(spans) == text.count(sentence)
    for start, end, found in spans:
        assert found == sentence and text[start:end] == sentence


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_fields_that_skip_the_html_parser_read_as_the_parser_reads_them(text):
    import revise.formats.htmltext as htmltext

    if not htmltext._PLAIN_WORDS.fullmatch(text):
        return
    fast = htmltext.html_to_text(text)
    converter = htmltext._TextConverter()
    converter.feed(text)
    converter.close()
    assert fast == (htmltext._join(converter.pieces), ())


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            ["optimize", "--from-log", "/dev/zero"],
            "revise: /dev/zero: not a review log: a line longer than 64 KB\n",
        ),
        (["add", "Deck"], "revise: <stdin>: too large: over 50 MB for a deck file; split it\n"),
        (["--config", "/dev/zero", "decks"], "revise: /dev/zero: cannot read config: larger"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else "",
)
def test_input_that_never_ends_is_refused_in_one_line(
    tmp_path, monkeypatch, capsys, command, expected
):
    """`--from-log /dev/zero` and `revise add DECK < /dev/zero` read until memory ran out
    (4.6 GB and 10 GB in a minute); a config file likewise."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    from revise.cli import main

    db = tmp_path / "revise.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    with Collection.open(db) as collection:
        collection.editing.create_deck("Deck")
    with open("/dev/zero", encoding="utf-8") as endless:
        monkeypatch.setattr("sys.stdin", endless)
        assert main(command) == 1
    assert capsys.readouterr().err.startswith(expected)
