"""Notes, decks and tables as a hostile or careless file would have them: terminal escape codes,
run-on lines, NUL bytes, UTF-16 with and without its byte-order mark. Each ends in a deck holding
no control code, in cards read right, or in one line saying what to do; never in wrong cards."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

from revise import Collection
from revise.cli import main
from revise.formats.deckfile import read_deck_file
from revise.generation import generate_deck

# What a terminal acts on: C0 controls but tab and line feed, DEL, C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OSC_52 = "\x1b]52;c;aGVsbG8=\x07"  # writes "hello" to the clipboard of the terminal showing it


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "hostile.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def test_a_deck_generated_from_notes_with_escape_codes_holds_none(env, tmp_path, capsys):
    """`revise generate` wrote an ESC in a heading, an OSC 52 sequence and a one-character
    CSI (U+009B) in the notes' text into the deck file as they were: `cat deck.md` cleared the
    screen and wrote to the clipboard. Escape sequences go whole, other controls alone."""
    notes = tmp_path / "cells.md"
    notes.write_text(
        "# Cells\x1b[2J of the body\n\n"
        f"- mitochondria - the powerhouse {OSC_52} of the cell\n"
        "- osmosis - diffusion of water\x9b31m across a membrane\x7f\n\n"
        "## Transport\x07 in cells\n\n"
        "**Upthrust**: the upward force a fluid \x1b[31m exerts on an object\x0c\n",
        encoding="utf-8",
    )
    deck_file = tmp_path / "cells.deck.md"
    assert main(["generate", str(notes), "-o", str(deck_file)]) == 0
    written = deck_file.read_text(encoding="utf-8")
    assert CONTROL.findall(written) == []
    deck = read_deck_file(deck_file)
    assert deck.name == "Cells of the body"
    texts = {note.front: note.back for note in deck.notes}
    assert texts == {
        "What is mitochondria?": "The powerhouse of the cell",
        "What is osmosis?": "Diffusion of water across a membrane",
        "What is Upthrust?": "The upward force a fluid exerts on an object",
    }
    assert main(["import", str(deck_file)]) == 0
    assert "Cells of the body: 3 added" in capsys.readouterr().out


def test_a_run_on_line_of_notes_is_not_read_word_by_word_against_itself(tmp_path, monkeypatch):
    """A line of 28,000 words and no full stop (172 KB) took 100 s and 1.8 GB to generate from:
    each word was looked for across the whole line. A line this long is no fact to ask; the
    sentences of usual length around it still are."""
    from revise.generation import cards

    notes = tmp_path / "run-on.md"
    notes.write_text(
        "# Osmosis\n\n"
        "- osmosis - the diffusion of water across a partially permeable membrane\n\n"
        + "osmosis is "
        + "the diffusion of water across a membrane, " * 4000
        + "\n",
        encoding="utf-8",
    )
    read = cards.find_targets
    longest: list[int] = [0]

    def measured(sentence, *args, **kwargs):  # type: ignore[no-untyped-def]
        longest[0] = max(longest[0], len(sentence.split()))
        return read(sentence, *args, **kwargs)

    monkeypatch.setattr(cards, "find_targets", measured)
    deck = generate_deck(notes)
    assert longest[0] <= cards.MAX_SENTENCE_WORDS
    assert [note.front for note in deck.notes] == ["What is osmosis?"]


UTF16_NOTES = "# Cells\n\n- osmosis - the diffusion of water across a membrane\n"


@pytest.mark.parametrize(
    ("name", "content", "command"),
    [
        ("deck.md", "chat :: cat\nchien :: dog\n", "import"),
        ("table.tsv", "front\tback\nchat\tcat\nchien\tdog\n", "import"),
        ("table.txt", "front\tback\nchat\tcat\nchien\tdog\n", "import"),
        ("notes.md", UTF16_NOTES, "generate"),
        ("notes.txt", UTF16_NOTES, "generate"),
    ],
)
def test_utf16_without_a_byte_order_mark_is_named_not_read_as_binary_or_as_cards(
    env, tmp_path, capsys, name, content, command
):
    """A table in UTF-16 without its byte-order mark was imported as cards of letters and NULs
    ('f\\0r\\0o\\0n\\0t\\0'), exit 0; a deck file or notes so saved were called binary."""
    source = tmp_path / name
    source.write_bytes(content.encode("utf-16-le"))
    assert main([command, str(source)]) == 1
    assert capsys.readouterr().err == (
        f"revise: {source}: UTF-16 text without a byte-order mark; save it as UTF-8\n"
    )
    assert not env.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == [name]


def test_a_deck_file_in_utf16_with_its_byte_order_mark_is_read_as_notes_and_tables_are(
    env, tmp_path, capsys
):
    """Windows Notepad saves "Unicode" text as UTF-16 with a byte-order mark: notes and tables
    so saved were read, a deck file was called 'a binary file, not a deck'."""
    source = tmp_path / "french.md"
    source.write_bytes("chat :: cat\nchien :: dog\nmaison :: house\n".encode("utf-16"))
    assert main(["import", str(source)]) == 0
    assert capsys.readouterr().out == "french: 3 added, 0 updated, 0 unchanged, 0 missing\n"
    with Collection.open(env) as col:
        assert [note.back for note in col.export_deck("french").notes] == ["cat", "dog", "house"]
        col.editing.edit_note(col.next_card().id, back="a cat")
        col.editing.write_back("french")  # into the file, read as the import read it
    assert "chat :: a cat\n" in source.read_text(encoding="utf-8")


@pytest.mark.parametrize(("late", "line"), [(False, 2), (True, 20_002)])
def test_a_table_with_a_nul_byte_is_refused_naming_its_line(env, tmp_path, capsys, late, line):
    """A NUL in a CSV was stored in the card ('ch\\0at'), exit 0."""
    rows = b"a,b\n" * 20_000 if late else b""
    source = tmp_path / "words.csv"
    source.write_bytes(b"front,back\n" + rows + b"ch\x00at,cat\nchien,dog\n")
    assert main(["import", str(source)]) == 1
    assert capsys.readouterr().err == (
        f"revise: {source}:{line}: a NUL byte, which a table never holds: the file is damaged "
        "or binary; check it\n"
    )
    assert not env.exists()


@pytest.mark.parametrize(
    "name",
    ["\u200b\u200b\u200c", "\u2067\u2066\u202b", "\ufeff \u200d", "Languages::\u200b"],
    ids=["zero-width", "bidi isolates", "byte-order mark and joiner", "an invisible part"],
)
def test_a_deck_name_of_invisible_characters_is_refused_as_an_empty_one_is(
    env, tmp_path, capsys, name
):
    """A deck named by zero-width or bidi characters only was taken in and listed as a blank
    line, two such decks as two blank lines that no one could tell apart nor type to study."""
    deck = tmp_path / "words.md"
    deck.write_text(f'---\nname: "{name}"\n---\n\nchat :: cat\n', encoding="utf-8")
    assert main(["import", str(deck)]) == 1
    assert main(["deck", "create", name]) == 1
    first, second = capsys.readouterr().err.splitlines()
    if "::" in name:
        assert (
            first
            == f"revise: {deck}:2: deck name 'Languages::' has an empty part (write Parent::Child)"
        )
        assert second == "revise: deck name 'Languages::' has an empty part (write Parent::Child)"
    else:
        problem = "deck name of invisible characters only (give the deck a name you can see)"
        assert (first, second) == (f"revise: {deck}:2: {problem}", f"revise: {problem}")
    with Collection.open(env) as col:
        assert col.deck_names() == []


LATIN_1 = os.fsdecode(b"caf\xe9")  # what Python makes of bytes typed in a Latin-1 terminal


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["add", "words", "--front", LATIN_1, "--back", "x"], "front"),
        (["add", "words", "--front", "ok", "--back", "x", "--tags", LATIN_1], "tags"),
        (["add", LATIN_1, "--front", "ok", "--back", "x"], "deck"),
        (["deck", "create", LATIN_1], "name"),
        (["deck", "rename", "words", LATIN_1], "new name"),
        (["cards", LATIN_1], "query"),
        (["study", LATIN_1], "deck"),
        (["import", "WORDS", "--deck", LATIN_1], "deck"),
    ],
    ids=lambda value: " ".join(value[:2]) if isinstance(value, list) else value,
)
def test_an_argument_that_is_not_utf8_is_refused_in_one_line(
    env, tmp_path, capsys, arguments, named
):
    """Text typed in a terminal set to Latin-1 reaches Python as lone surrogates: each of these
    ended in a traceback (UnicodeEncodeError: surrogates not allowed) from the database."""
    words = tmp_path / "words.md"
    words.write_text("chat :: cat\n", encoding="utf-8")
    assert main(["import", str(words)]) == 0
    capsys.readouterr()
    arguments = [str(words) if word == "WORDS" else word for word in arguments]
    assert main(arguments) == 1
    assert capsys.readouterr().err == (
        f"revise: {named} 'caf\ufffd': not UTF-8 text (set the terminal or the script giving "
        "it to UTF-8)\n"
    )
    with Collection.open(env) as col:
        assert col.deck_names() == ["words"]
        assert len(col.export_deck("words").notes) == 1


@pytest.mark.parametrize("command", ["import", "generate"])
def test_a_file_whose_name_is_not_utf8_is_refused_naming_it(env, tmp_path, capsys, command):
    """A deck file or notes named in Latin-1: its name became the deck's, and the database
    (or the deck file written) could not hold it: a traceback."""
    source = tmp_path / os.fsdecode(b"caf\xe9.md")
    source.write_text("# Cells\n\n- osmosis - the diffusion of water across a membrane\n")
    assert main([command, str(source)]) == 1
    shown = str(source).replace(LATIN_1, "caf\ufffd")
    assert capsys.readouterr().err == (
        f"revise: {shown}: the file's name is not UTF-8 (rename the file)\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == [source.name]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"q :: caf\xe9\n", ""),  # Latin-1, read as Windows-1252
        (
            "q :: caf\u00e9\n".encode() + b"r :: th\xe9\n",
            "revise: <stdin>:2: text is not UTF-8 here although other lines are (mixed "
            "encodings); save the file as UTF-8\n",
        ),
        (
            b"chat :: cat\nq :: a\x00b\n",
            "revise: <stdin>:2: a binary file, not a deck (deck files are plain UTF-8 text)\n",
        ),
        ("chat :: caf\u00e9\n".encode("utf-16"), ""),
    ],
    ids=["Latin-1", "mixed", "NUL", "UTF-16"],
)
def test_cards_on_standard_input_are_read_as_a_deck_file_is(
    env, tmp_path, capsys, monkeypatch, data, error
):
    """`revise add DECK < cards.txt` in Latin-1 ended in a traceback from the database; a NUL
    was stored in the card; UTF-16 was read as 'text outside a card'."""
    words = tmp_path / "words.md"
    words.write_text("chien :: dog\n", encoding="utf-8")
    assert main(["import", str(words)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["add", "words"]) == (1 if error else 0)
    assert capsys.readouterr().err == error
    with Collection.open(env) as col:
        backs = [note.back for note in col.export_deck("words").notes]
    assert backs == (["dog"] if error else ["dog", "caf\u00e9"])
