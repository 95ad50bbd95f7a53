"""The words of `revise` (the deck list) and `revise study` read without argparse
(revise.cli.app_words): the same arguments as argparse gives, and every other command line, with
its help and its errors, left to argparse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revise.cli import app_words, build_parser, main

ROOT = Path(__file__).resolve().parent.parent

# Words a command line of `revise study` is made of, and near misses of them.
WORDS = [
    "study",
    "stud",
    "decks",
    "French",
    "Lang::French",
    "",
    "a b",
    "x=y",
    "--db",
    "--db=col.db",
    "--db=",
    "--d",
    "--dbx",
    "col.db",
    "--config",
    "--config=revise.toml",
    "--conf",
    "revise.toml",
    "-",
    "--",
    "-h",
    "--help",
    "--version",
    "--cram",
    "--ahead",
    "3",
    "-3",
    "--forgotten",
    "--search",
    "--reschedule",
    "--no-reschedule",
]


def argparse_reads(words: list[str]) -> dict[str, object]:
    return vars(build_parser().parse_args(words))


@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_the_words_read_without_argparse_are_read_as_argparse_reads_them(words):
    read = app_words(words)
    if read is not None:  # else argparse reads them
        assert vars(read) == argparse_reads(words)


@pytest.mark.parametrize(
    "words",
    [
        ["study"],
        ["study", "Lang::French"],
        ["--db", "col.db", "study"],
        ["--db", "one.db", "study", "--db=two.db", "French"],
        ["--config", "revise.toml", "study", "French", "--db", "col.db"],
        ["--db=", "study", "--config="],
        [],
        ["--db", "col.db"],
        ["--config=revise.toml", "--db", "one.db", "--db=two.db"],
    ],
)
def test_a_plain_study_or_deck_list_is_read_without_argparse(words):
    read = app_words(words)
    assert read is not None
    assert vars(read) == argparse_reads(words)


def outcome(run, words: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, str, str]:
    with pytest.raises(SystemExit) as stopped:
        run(words)
    out, err = capsys.readouterr()
    return stopped.value.code, out, err


@pytest.mark.parametrize(
    "words",
    [
        ["--help"],
        ["--version"],
        ["study", "--help"],
        ["study", "-h"],
        ["study", "--bogus"],
        ["--bogus", "study"],
        ["study", "French", "German"],
        ["study", "--db"],
        ["--db"],
        ["stud"],
        ["study", "--ahead"],
        ["study", "--ahead", "x"],
        ["study", "--cram", "--forgotten"],
        ["--db", "col.db", "--bogus"],
        ["--config"],
    ],
)
def test_help_and_errors_are_argparse_s(words, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "never-opened.db"))
    status, out, err = outcome(main, words, capsys)
    assert (status, out, err) == outcome(build_parser().parse_args, words, capsys)
    assert out or err


@pytest.mark.parametrize(
    ("words", "screen"),
    [(["--db", "col.db", "study"], "review"), (["--db", "col.db"], "deck_list")],
)
def test_a_plain_study_or_deck_list_reads_its_words_without_argparse_or_json(words, screen):
    """Importing argparse and building every command's parser, and json, were a good part of the
    time `revise study` takes to its first card, and `revise` to the deck list. Here: what the
    command imports before the app runs, and what its first screen imports."""
    code = (
        "import sys\n"
        "from revise import cli\n"
        f"assert cli.app_words({words!r}) is not None\n"
        "import revise.study.first_card, revise.study.opening, revise.tui.app\n"
        f"import revise.tui.screens.{screen}\n"
        "print(sorted(m for m in ('argparse', 'json', 'hashlib') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]"]
