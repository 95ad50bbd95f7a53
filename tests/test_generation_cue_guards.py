"""A sentence is tried only on the question shapes whose cue words it has: a cheap look that must
never change a card. Every notes file here is drafted twice, each in a process of its own (the
drafting caches are per process): as usual, and with every cue-word guard let through (each
sentence read as holding every word the generator's code and data hold). A shape
that gains a new way to match without its guard learning the new word fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NOTES = Path(__file__).parent / "notes"
BUNDLED = Path(__file__).parents[1] / "decks" / "notes"

DRAFT = """
import sys
from pathlib import Path

if sys.argv[1] == "unguarded":
    from revise.generation import clauses, events, language, questions

    # Every word the generator's code and data hold: any cue a guard asks for is among them.
    folder = Path(language.__file__).parent
    files = [path for path in folder.rglob("*") if path.is_file()]
    every_cue = frozenset().union(*(language.cue_words(f.read_text("latin-1")) for f in files))
    for module in (clauses, events, language, questions):
        module.cue_words = lambda text: every_cue

from revise.generation import draft_deck

for path in sys.argv[2:]:
    deck, _ = draft_deck(Path(path))
    print(path)
    for note in deck.notes:
        print(repr(note))
"""


def notes_files() -> list[str]:
    files = [*BUNDLED.glob("*.txt"), *NOTES.iterdir()]
    return sorted(
        str(path)
        for path in files
        if path.suffix in {".txt", ".md", ".html"} and not path.name.endswith(".LICENSE.txt")
    )


def drafted(mode: str, files: list[str]) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", DRAFT, mode, *files],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    return run.stdout.splitlines()


def test_the_cue_word_guards_never_change_a_drafted_card() -> None:
    files = notes_files()
    assert len(files) > 40
    guarded, unguarded = drafted("guarded", files), drafted("unguarded", files)
    assert len(guarded) > 1000
    kept = set(guarded)
    assert [line for line in unguarded if line not in kept] == []  # cards a guard wrongly spared
    assert guarded == unguarded
