"""The revise command as a user runs it: exit status, one-line errors, the database untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from revise.cli import main
from revise.formats.deckfile import read_deck_file

DECK = """---
name: Korea
---
# Tsarist era

Q: When did Russia establish a legation in Seoul?
A: 1896

C: Japan's victory in the Russo-Japanese War resulted in the [Treaty of Portsmouth].

Capital of North Korea :: Pyongyang
"""


@pytest.fixture
def env(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("REVISE_DB", db)
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return db


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_import_then_decks_json(env, tmp_path, capsys):
    deck = write(tmp_path, "korea.md", DECK)
    assert main(["import", str(deck)]) == 0
    assert "Korea: 3 added, 0 updated, 0 unchanged, 0 missing" in capsys.readouterr().out
    assert main(["decks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"name": "Korea", "new": 3, "learning": 0, "due": 0, "total": 3}]


def test_reimport_reports_unchanged_and_dry_run_changes_nothing(env, tmp_path, capsys):
    deck = write(tmp_path, "korea.md", DECK)
    main(["import", str(deck)])
    capsys.readouterr()
    edited = write(
        tmp_path,
        "korea.md",
        DECK.replace("Capital of North Korea :: Pyongyang\n", "Capital of Japan :: Tokyo\n"),
    )
    assert main(["import", "--dry-run", str(edited)]) == 0
    out = capsys.readouterr().out
    assert "1 added, 0 updated, 2 unchanged, 1 missing" in out and "dry run" in out
    # The preview lists what would change, and only that.
    assert "  + Capital of Japan\n    -> Tokyo\n" in out
    assert "  - Capital of North Korea\n    -> Pyongyang\n" in out
    assert "Seoul" not in out
    main(["decks", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["total"] == 3


def test_bundled_notes_imported_from_elsewhere_match_the_bundled_deck(env, tmp_path, capsys):
    bundled = Path(__file__).parent.parent / "decks"
    main(["import", str(bundled / "russia-north-korea-history.md")])
    capsys.readouterr()
    copy = write(
        tmp_path,
        "russia-north-korea-history.txt",
        (bundled / "notes" / "russia-north-korea-history.txt").read_text(encoding="utf-8"),
    )
    cards = len(read_deck_file(bundled / "russia-north-korea-history.md").notes)
    assert main(["import", str(copy)]) == 0
    assert f"0 added, 0 updated, {cards} unchanged, 0 missing" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.md", "Q: a question without an answer\n", "broken.md:1:"),
        ("cloze.md", "C: an empty [] deletion\n", "cloze.md:1:"),
        ("bad.md", b"Q: caf\xc3\xa9?\nA: caf\xe9\n", "bad.md:2:"),
        ("binary.md", b"\x00\x01\x02binary\x00", "binary.md"),
    ],
)
def test_bad_files_give_one_line_and_import_nothing(env, tmp_path, capsys, name, content, expected):
    good = write(tmp_path, "good.md", DECK)
    bad = write(tmp_path, name, content)
    assert main(["import", str(good), str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"revise: {tmp_path / expected}") or expected in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    if main(["decks", "--json"]) == 0:  # a server's database stays, empty
        assert json.loads(capsys.readouterr().out) == []
    else:  # a new file: not even an empty collection is left
        assert "there is no collection there" in capsys.readouterr().err


def test_missing_path_and_unknown_deck(env, tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.md")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["import", str(write(tmp_path, "korea.md", DECK))]) == 0
    assert main(["export", "Nope", "-o", str(tmp_path / "x.md")]) == 1
    assert "no deck named 'Nope'" in capsys.readouterr().err
    assert main(["study", "Nope"]) == 1
    assert "no deck named 'Nope'" in capsys.readouterr().err


def test_bad_config_is_a_one_line_error(env, tmp_path, capsys):
    config = write(tmp_path, "config.toml", "[limits]\nnew_per_day = 'many'\n")
    assert main(["--config", str(config), "decks"]) == 1
    err = capsys.readouterr().err
    assert "config.toml" in err and len(err.strip().splitlines()) == 1


def test_export_native_round_trips_through_import(env, tmp_path, capsys):
    main(["import", str(write(tmp_path, "korea.md", DECK))])
    out = tmp_path / "out.md"
    assert main(["export", "Korea", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(out)]) == 0
    assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out


def test_version_and_help_exit_cleanly():
    for args in (["--version"], ["--help"], ["import", "--help"], ["generate", "--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "revise", *args], capture_output=True, text=True
        )
        assert result.returncode == 0, args
        assert result.stdout


def test_version_does_not_import_the_database_layers():
    code = "import sys; from revise.cli import main; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ
    )
    assert result.stdout.strip() == "False"


def test_decks_reads_a_current_collection_without_loading_sqlalchemy(tmp_path):
    """`revise decks` on a collection at the current schema reads its counts with sqlite3 alone,
    as the deck list's first frame does (loading SQLAlchemy was most of the command's time);
    the counts are the collection's."""
    environment = {
        **os.environ,
        "REVISE_DB": str(tmp_path / "revise.db"),
        "XDG_CONFIG_HOME": str(tmp_path / "config-home"),
    }
    environment.pop("REVISE_CONFIG", None)
    deck = write(tmp_path, "korea.md", DECK)
    run = [sys.executable, "-m", "revise"]
    subprocess.run([*run, "import", str(deck)], env=environment, check=True, capture_output=True)
    code = (
        "import runpy, sys\n"
        "sys.argv = ['revise', 'decks', '--json']\n"
        "try:\n"
        "    runpy.run_module('revise', run_name='__main__', alter_sys=True)\n"
        "finally:\n"
        "    print('sqlalchemy' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"name": "Korea", "new": 3, "learning": 0, "due": 0, "total": 3}
    ]
    assert done.stderr.strip() == "False"


def test_importing_notes_that_give_no_cards_is_one_line_and_adds_no_empty_deck(
    env, tmp_path, capsys
):
    deck = write(tmp_path, "korea.md", DECK)
    main(["import", str(deck)])
    capsys.readouterr()
    advice = write(tmp_path, "advice.txt", "Just some words here, nothing to learn.\n")

    assert main(["import", str(advice)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(f"revise: {advice}: the notes gave no cards")
    main(["decks", "--json"])
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == ["Korea"]
