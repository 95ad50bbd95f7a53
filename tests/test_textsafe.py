"""User text is inert on the command line: shown as text, never acting on the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revise.cli import main
from revise.textsafe import inert
from tests.hostile_text import (
    BACK,
    CLEAR,
    CLEAR_SHOWN,
    CONTEXT,
    DECK_NAME,
    DECK_NAME_SHOWN,
    FRONT,
    HIDDEN_LINK_SHOWN,
    LEAVE_ALTERNATE_SHOWN,
    OSC52,
    OSC52_SHOWN,
    UNSAFE,
    hostile_deck,
    unsafe_characters,
)

# The hostile deck as a deck file: YAML's "\e" is ESC; card lines carry the raw characters.
DECK_FILE = f"""---
name: "Evil \\e]52;c;aGFja2Vk\\e\\\\ deck"
---
# {CONTEXT}

Q: {FRONT}
A: {BACK}
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "cli.db"
    monkeypatch.setenv("REVISE_DB", str(db))
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def output(capsys: pytest.CaptureFixture[str]) -> str:
    """stdout and stderr, after checking that no line of them can act on the terminal."""
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert unsafe_characters(text.splitlines()) == []
    return text


# -- the function -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (OSC52, OSC52_SHOWN),
        (CLEAR, CLEAR_SHOWN),
        ("\x1b[?1049l", LEAVE_ALTERNATE_SHOWN),
        ("\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\", HIDDEN_LINK_SHOWN),
        ("\x9b31m red", "\\x9b31m red"),
        ("bell\x07 del\x7f nul\x00", "bell␇ del␡ nul␀"),
        ("zero\u200bwidth\ufeff joiner\u200d", "zerowidth joiner"),
        ("\u202eevil\u202c \u2067isolated\u2069 \u200fmark", "evil isolated mark"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\u0600\u0661", "\u0600\u0661"),  # an Arabic number sign is visible: kept
        ("bad byte \udcff", "bad byte \ufffd"),  # from a file name that is not UTF-8
        ("plain text, ünïcödé, 漢字, emoji 🎉", "plain text, ünïcödé, 漢字, emoji 🎉"),
    ],
)
def test_inert_shows_control_and_invisible_characters_as_placeholders(text, expected):
    assert inert(text) == expected
    assert inert(text, lines=True) == expected


def test_one_line_text_cannot_split_a_line_but_card_text_keeps_its_lines():
    text = "first\tline\r\nsecond\rthird\u2028fourth\x0bfifth"
    assert inert(text) == "first␉line␍␊second␍third␤fourth␋fifth"
    assert inert(text, lines=True) == "first\tline\nsecond\nthird\nfourth␋fifth"


@given(st.text())
def test_nothing_unsafe_survives(text):
    one_line = inert(text)
    assert not UNSAFE.search(one_line)
    assert not UNSAFE.search(inert(text, lines=True).replace("\n", "").replace("\t", ""))
    assert inert(one_line) == one_line  # shown text is shown as it is
    one_line.encode("utf-8")  # printable on any UTF-8 terminal: no lone surrogates


@given(st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"])))
def test_ordinary_text_is_unchanged(text):
    assert inert(text) == text


# -- every command's output ---------------------------------------------------------------------


def test_import_report_and_dry_run_listing_are_inert(env, tmp_path, capsys):
    deck = tmp_path / "evil.md"
    deck.write_text(DECK_FILE, encoding="utf-8")
    assert main(["import", "--dry-run", str(deck)]) == 0
    listing = output(capsys)
    assert f"{DECK_NAME_SHOWN}:\n" in listing
    assert f"+ Front {CLEAR_SHOWN} {HIDDEN_LINK_SHOWN}\n    second line" in listing
    assert f"-> Back {LEAVE_ALTERNATE_SHOWN} \\x9b31m ␡ evil isolated" in listing
    assert f"(Context {OSC52_SHOWN})" in listing
    assert main(["import", str(deck)]) == 0
    assert f"{DECK_NAME_SHOWN}: 1 added" in output(capsys)


def test_decks_table_is_inert_and_json_keeps_the_exact_name(env, tmp_path, capsys):
    deck = tmp_path / "evil.md"
    deck.write_text(DECK_FILE, encoding="utf-8")
    main(["import", str(deck)])
    capsys.readouterr()
    assert main(["decks"]) == 0
    table = output(capsys).splitlines()
    assert table[1].startswith(f"{DECK_NAME_SHOWN}  ")
    assert len(table[0]) == len(table[1])  # the columns line up
    assert main(["decks", "--json"]) == 0
    assert json.loads(output(capsys))[0]["name"] == DECK_NAME  # JSON escapes; the data is exact


def test_cards_json_is_valid_json_holding_the_exact_text(env, tmp_path, capsys):
    """C1 controls, DEL and invisible characters in a card are escaped in JSON, not shown as
    placeholders: `\\x9b` was no JSON escape at all, and `␡` another character."""
    deck = tmp_path / "evil.md"
    deck.write_text(DECK_FILE, encoding="utf-8")
    main(["import", str(deck)])
    capsys.readouterr()
    assert main(["cards", "--json"]) == 0
    (card,) = json.loads(output(capsys))
    assert (card["deck"], card["question"], card["answer"]) == (DECK_NAME, FRONT, BACK)
    assert main(["decks", "--json"]) == 0
    assert json.loads(output(capsys))[0]["name"] == DECK_NAME


def test_export_message_is_inert(env, tmp_path, capsys):
    deck = tmp_path / "evil.md"
    deck.write_text(DECK_FILE, encoding="utf-8")
    main(["import", str(deck)])
    capsys.readouterr()
    target = tmp_path / f"out{CLEAR}.md"
    assert main(["export", DECK_NAME, "-o", str(target)]) == 0
    assert f"{DECK_NAME_SHOWN}: 1 notes written to " in output(capsys)
    assert target.read_text(encoding="utf-8").count(CLEAR) >= 1  # the file keeps the text


def test_generate_listing_is_inert(env, tmp_path, capsys):
    notes = tmp_path / f"notes{CLEAR}.txt"
    notes.write_text(
        "# Korean War\n\n## Causes of the war \x9b31m\n\n"
        "- the division of the peninsula at the thirty-eighth parallel \x7f in 1945\n"
        "- the withdrawal of American troops from the south in 1949\n"
        "- Stalin approving the invasion plan of Kim Il-sung in 1950\n",
        encoding="utf-8",
    )
    assert main(["generate", "--check", str(notes), "-o", str(tmp_path / "deck.md")]) in (0, 3)
    assert f"notes{CLEAR_SHOWN}.txt -> " in output(capsys)


def test_error_lines_quoting_file_names_are_inert(env, tmp_path, capsys):
    missing = tmp_path / f"gone{OSC52}.md"
    assert main(["import", str(missing)]) == 1
    assert f"gone{OSC52_SHOWN}.md: " in output(capsys)
    broken = tmp_path / f"broken{OSC52}\n.apkg"
    broken.write_bytes(b"not a zip")
    assert main(["import", str(broken)]) == 1
    message = output(capsys)
    assert f"broken{OSC52_SHOWN}␊.apkg" in message
    assert message.count("\n") == 1  # one line, though the name holds a newline


@pytest.mark.parametrize(
    "command",
    [
        ["stats", DECK_NAME],
        ["stats", f"{DECK_NAME}x"],
        ["workload", f"{DECK_NAME}x"],
        ["optimize", "--dry-run", f"{DECK_NAME}x"],
        ["deck-options", f"{DECK_NAME}x"],
        ["export", f"{DECK_NAME}x", "-o", "out.md"],
        ["deck", "rename", f"{DECK_NAME}x", "Other"],
        ["cards", "--sort", f"due{CLEAR}"],
        ["add", f"{DECK_NAME}x", "--front", "a", "--back", "b"],
        ["study", "--cram", f"{DECK_NAME}x"],
    ],
    ids=[
        "stats",
        "stats-missing",
        "workload",
        "optimize",
        "deck-options",
        "export",
        "rename",
        "sort",
        "add",
        "cram",
    ],
)
def test_names_quoted_in_output_and_errors_show_control_codes_as_every_output_does(
    env, tmp_path, capsys, monkeypatch, command
):
    """A deck name or value a message quotes shows ESC as the picture every output uses, not as
    the four characters backslash, x, 1, b that Python's repr writes."""
    monkeypatch.chdir(tmp_path)
    deck = tmp_path / "evil.md"
    deck.write_text(DECK_FILE, encoding="utf-8")
    main(["import", str(deck)])
    capsys.readouterr()
    main(command)
    shown = output(capsys)
    assert "\\x1b" not in shown, shown
    assert OSC52_SHOWN in shown or CLEAR_SHOWN in shown, shown


def test_a_file_name_that_is_not_utf8_is_reported_without_a_traceback(env, tmp_path, capsys):
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.md")
    assert main(["import", missing]) == 1
    assert "caf\ufffd.md: " in output(capsys)


def test_usage_errors_quoting_arguments_are_inert(env, capsys):
    with pytest.raises(SystemExit):
        main(["decks", f"--colour{CLEAR}"])
    assert f"unrecognized arguments: --colour{CLEAR_SHOWN}" in output(capsys)


def test_the_terminal_receives_no_control_bytes(env, tmp_path):
    """As a user runs it: the bytes the command writes, not Python's view of them."""
    deck = tmp_path / "evil.md"
    deck.write_text(DECK_FILE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "revise", "import", "--dry-run", str(deck)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    written = run.stdout + run.stderr
    assert DECK_NAME_SHOWN.encode() in written
    for byte in (*range(0x20), 0x7F):
        if byte != ord("\n"):
            assert bytes([byte]) not in written, byte
    assert "\x9b".encode() not in written and "\u202e".encode() not in written


def test_the_collection_keeps_the_text_exactly(col):
    col.import_decks([hostile_deck()])
    card = col.next_card(None)
    assert card is not None
    assert (card.deck, card.prompt, card.answer, card.context) == (
        DECK_NAME,
        FRONT,
        BACK,
        hostile_deck().notes[0].context,
    )
