"""How long deck generation takes: the three bundled notes, then about 1 MB of notes.

    python benchmarks/bench_generate.py

The large input is the bundled and test notes repeated with their years shifted, so that each
copy is new text rather than a repeat the generator would drop.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from machine import report_speed

from revise.generation import generate_deck

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "decks" / "notes").iterdir())
PROSE = [*BUNDLED, ROOT / "tests" / "notes" / "industrial-revolution.txt"]
TARGET_BYTES = 1_000_000


def timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    deck = generate_deck(path)
    return time.perf_counter() - start, len(deck.notes)


def large_notes(folder: Path) -> Path:
    """About 1 MB of prose notes whose copies differ in their dates and headings."""
    pieces: list[str] = []
    size = 0
    copy = 0
    while size < TARGET_BYTES:
        for path in PROSE:
            text = path.read_text(encoding="utf-8")
            shift = copy % 97
            shifted = re.sub(r"\b(1[5-9]\d\d)\b", lambda m, s=shift: str(int(m[1]) + s), text)
            piece = f"Part {copy + 1}: {path.stem.replace('-', ' ').title()}\n\n{shifted}\n\n"
            pieces.append(piece)
            size += len(piece.encode("utf-8"))
        copy += 1
    target = folder / "large-notes.txt"
    target.write_text("".join(pieces), encoding="utf-8")
    return target


def main() -> None:
    report_speed()
    generate_deck(BUNDLED[0])  # load word lists and the sentence splitter once
    total = 0.0
    for path in BUNDLED:
        seconds, cards = timed(path)
        total += seconds
        print(f"{path.name:50} {seconds * 1000:8.1f} ms  {cards:4} cards")
    print(f"{'three bundled notes':50} {total * 1000:8.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        path = large_notes(Path(folder))
        size = path.stat().st_size
        seconds, cards = timed(path)
        print(f"{f'{size / 1e6:.2f} MB of notes':50} {seconds:8.2f} s   {cards:4} cards")


if __name__ == "__main__":
    main()
