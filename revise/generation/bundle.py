"""Regenerate the bundled decks (decks/<stem>.md) from the bundled notes (decks/notes/*).

python -m revise.generation.bundle            # rewrite decks/*.md
python -m revise.generation.bundle --check    # exit 1 if a committed deck is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from revise.formats.files import write_atomic
from revise.generation.reading import NOTES_SUFFIXES

DEFAULT_DECKS = Path(__file__).resolve().parents[2] / "decks"


def bundled_notes(decks: Path) -> list[Path]:
    """The notes files a bundle is made from, in a fixed order."""
    folder = decks / "notes"
    return sorted(path for path in folder.iterdir() if path.suffix.casefold() in NOTES_SUFFIXES)


def render_bundle(decks: Path) -> dict[str, str]:
    """Deck file name -> deck text for every bundled notes file; sources read `notes/<file>`."""
    from revise.formats.deckfile import write_deck
    from revise.generation import generate_deck

    return {
        f"{notes.stem}.md": write_deck(generate_deck(notes, relative_to=decks))
        for notes in bundled_notes(decks)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m revise.generation.bundle", description=__doc__)
    parser.add_argument("--decks", type=Path, default=DEFAULT_DECKS, help="the decks folder")
    parser.add_argument("--check", action="store_true", help="only report out-of-date decks")
    args = parser.parse_args(argv)
    stale = []
    for name, text in render_bundle(args.decks).items():
        target = args.decks / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            write_atomic(target, text)
    verb = "out of date" if args.check else "rewritten"
    for name in stale:
        print(f"{args.decks / name}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
