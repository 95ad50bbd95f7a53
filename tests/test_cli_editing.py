"""`revise add`, `revise edit`, `revise deck ...` and the import's --prefer-file and --restore, as a
user runs them: what they print, their exit status, and what the collection holds after."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from revise.cli import main


@pytest.fixture
def env(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("REVISE_DB", db)
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def decks(capsys) -> dict[str, int]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["decks", "--json"]) == 0
    return {row["name"]: row["total"] for row in json.loads(capsys.readouterr().out)}


def test_add_one_card_of_each_kind_from_options(env, capsys):
    assert main(["deck", "create", "Bio"]) == 0
    assert main(["add", "Bio", "--front", "cell", "--back", "unit of life", "--reverse"]) == 0
    assert capsys.readouterr().out == "created deck Bio\nBio: 1 note added (2 cards)\n"
    assert main(["add", "Bio", "--cloze", "[ATP] carries [energy]", "--tags", "a,b"]) == 0
    assert main(["add", "Bio", "--front", "DNA", "--back", "genes", "--context", "Cells"]) == 0
    assert decks(capsys) == {"Bio": 5}


def test_add_several_cards_from_standard_input(env, capsys, monkeypatch):
    main(["deck", "create", "Bio"])
    monkeypatch.setattr(sys, "stdin", io.StringIO("# Cells\nQ: ATP?\nA: energy\n\nDNA :: genes\n"))
    assert main(["add", "Bio"]) == 0
    assert capsys.readouterr().out.endswith("Bio: 2 notes added (2 cards)\n")


@pytest.mark.parametrize(
    "text",
    ["<!-- deck: Chem -->\nchat :: cat\n", "---\nname: Chem\n---\nchat :: cat\n"],
)
def test_add_refuses_cards_written_for_another_deck(env, capsys, monkeypatch, text):
    """Cards under `<!-- deck: Chem -->` went into the deck named on the command line."""
    main(["deck", "create", "Bio"])
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    capsys.readouterr()
    assert main(["add", "Bio"]) == 1
    error = capsys.readouterr().err
    assert error == (
        "revise: <stdin>: these cards are for deck 'Chem', not 'Bio' "
        "(leave out the deck: section or the front matter's name)\n"
    )
    assert decks(capsys) == {"Bio": 0}


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--front", "x"], "give both --front and --back (or --cloze for a cloze card)"),
        (["--cloze", "x [y]", "--back", "z"], "--cloze makes a cloze card: leave out --front,"),
        (["--cloze", "no deletion"], "a cloze card needs a [deletion]"),
    ],
)
def test_add_with_bad_options_is_one_line_and_adds_nothing(env, capsys, args, problem):
    main(["deck", "create", "Bio"])
    assert main(["add", "Bio", *args]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"revise: {problem}") and error.count("\n") == 1
    assert decks(capsys) == {"Bio": 0}


def test_edit_opens_the_card_in_the_editor_and_saves_it(env, capsys, monkeypatch, tmp_path):
    main(["deck", "create", "Bio"])
    main(["add", "Bio", "--front", "cel", "--back", "unit of life"])
    seen = tmp_path / "seen.md"
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib, shutil\n"
        f"shutil.copy(sys.argv[1], {str(seen)!r})\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('cel ::', 'cell ::'))\n"
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    capsys.readouterr()

    assert main(["edit", "1"]) == 0

    assert capsys.readouterr().out == "card 1: card saved\n"
    assert "cel :: unit of life" in seen.read_text()
    assert main(["export", "Bio", "-o", str(tmp_path / "out.md")]) == 0
    assert "cell :: unit of life" in (tmp_path / "out.md").read_text()


def test_an_edit_that_breaks_the_format_keeps_the_text_and_changes_nothing(
    env, capsys, monkeypatch, tmp_path
):
    main(["deck", "create", "Bio"])
    main(["add", "Bio", "--front", "cel", "--back", "unit of life"])
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('Q: no answer\\n')\n"
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    capsys.readouterr()

    assert main(["edit", "1"]) == 1

    error = capsys.readouterr().err
    assert "Q: without an A:" in error and "your text is kept in" in error
    kept = Path(error.split("your text is kept in ")[1].split(";")[0])
    assert kept.read_text() == "Q: no answer\n"
    kept.unlink()


@pytest.mark.parametrize(
    ("editor_does", "problem"),
    [
        ("pathlib.Path(sys.argv[1]).write_bytes(b'\\xffcat :: chat\\n')", "not valid UTF-8"),
        ("pathlib.Path(sys.argv[1]).unlink()", "the editor removed the file"),
    ],
)
def test_an_editor_that_writes_no_text_is_one_line_and_changes_nothing(
    env, capsys, monkeypatch, tmp_path, editor_does, problem
):
    """Text that is not UTF-8 gave a UnicodeDecodeError traceback."""
    main(["deck", "create", "Bio"])
    main(["add", "Bio", "--front", "cel", "--back", "unit of life"])
    script = tmp_path / "editor.py"
    script.write_text(f"import sys, pathlib\n{editor_does}\n")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    capsys.readouterr()

    assert main(["edit", "1"]) == 1

    error = capsys.readouterr().err
    assert error.startswith("revise: ") and error.count("\n") == 1
    assert problem in error and "nothing changed" in error
    main(["cards", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["question"] == "cel"


def test_an_editor_setting_that_is_no_command_is_one_line(env, capsys, monkeypatch):
    """An unclosed quote in $EDITOR gave a ValueError traceback."""
    main(["deck", "create", "Bio"])
    main(["add", "Bio", "--front", "cel", "--back", "unit of life"])
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", 'vi "')
    capsys.readouterr()

    assert main(["edit", "1"]) == 1

    error = capsys.readouterr().err
    assert error.startswith("revise: $EDITOR 'vi \"' is not a command") and error.count("\n") == 1


@pytest.mark.parametrize("card", ["99999999999999999999", "-99999999999999999999"])
def test_editing_a_card_number_past_any_id_is_one_line(env, capsys, card):
    """An OverflowError traceback before: no integer the database takes."""
    main(["deck", "create", "Bio"])
    capsys.readouterr()
    assert main(["edit", card]) == 1
    error = capsys.readouterr().err
    assert error == f"revise: no card {card} (it was deleted, or the id is wrong)\n"


def test_renaming_a_deck_to_its_own_name_says_nothing_changed(env, capsys):
    """It printed nothing at all, exit 0: a user could not tell whether it had worked."""
    main(["deck", "create", "Bio"])
    capsys.readouterr()
    assert main(["deck", "rename", "Bio", "Bio"]) == 0
    assert capsys.readouterr().out == "Bio: already has that name; nothing changed\n"


def test_deck_rename_and_delete_ask_first(env, capsys, monkeypatch):
    main(["deck", "create", "Lang"])
    main(["deck", "create", "Lang::French"])
    main(["add", "Lang::French", "--front", "chat", "--back", "cat"])
    capsys.readouterr()
    assert main(["deck", "rename", "Lang", "Languages"]) == 0
    assert capsys.readouterr().out == "Lang -> Languages\nLang::French -> Languages::French\n"

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["deck", "delete", "Languages"]) == 1
    assert "Add --yes to delete without asking" in capsys.readouterr().err
    assert decks(capsys) == {"Languages": 0, "Languages::French": 1}

    assert main(["deck", "delete", "Languages", "--yes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("deleted 2 decks (Languages, Languages::French), 1 card and 0 reviews\n")
    assert decks(capsys) == {}


def test_import_keeps_app_edits_and_deletions_unless_told(env, capsys, tmp_path):
    deck = tmp_path / "capitals.md"
    deck.write_text("Japan :: Tokio\nKorea :: Seoul\n", encoding="utf-8")
    main(["import", str(deck)])
    main(["add", "capitals", "--front", "Italy", "--back", "Rome"])
    capsys.readouterr()
    assert main(["deck", "write", "capitals"]) == 0
    assert capsys.readouterr().out.endswith("0 changed, 1 added, 0 removed, 2 unchanged\n")
    assert deck.read_text() == "Japan :: Tokio\nKorea :: Seoul\n\n#\n\nItaly :: Rome\n"

    assert main(["import", str(deck), "--dry-run", "--restore", "--prefer-file"]) == 0
    assert "capitals: 0 added, 0 updated, 3 unchanged, 0 missing" in capsys.readouterr().out


def test_the_bundled_decks_are_never_written_back(col):
    from revise.cli import _import_bundled
    from revise.errors import ReviseError

    _import_bundled(col)
    name = col.deck_names()[0]
    with pytest.raises(ReviseError, match="was not imported from a revise deck file"):
        col.editing.write_back(name)
