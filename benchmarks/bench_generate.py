"""How long deck generation takes: the three bundled notes, then about 1 MB of notes; then
how well the card checker does on the labelled card set (tests/generation_labels.jsonl).

    python benchmarks/bench_generate.py

The large input is the bundled and test notes repeated with their years shifted, so that each
copy is new text rather than a repeat the generator would drop. The checker's figures: recall
(junk flagged / all junk), precision (flagged cards that are junk / all flagged) and the share of
good cards it flags, then the labels per notes file; last, how many of the labelled cards the
generator still writes word for word (good ones kept, junk ones back).
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's revise and its labelled set

from machine import report_speed  # noqa: E402

from revise.generation import generate_deck  # noqa: E402

BUNDLED = sorted((ROOT / "decks" / "notes").iterdir())
PROSE = [*BUNDLED, ROOT / "tests" / "notes" / "industrial-revolution.txt"]
TARGET_BYTES = 1_000_000


def timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    deck = generate_deck(path)
    return time.perf_counter() - start, len(deck.notes)


def large_notes(folder: Path) -> Path:
    """About 1 MB of prose notes whose copies differ in their dates and headings (each copy under
    a heading of its own, naming its week)."""
    pieces: list[str] = []
    size = 0
    copy = 0
    while size < TARGET_BYTES:
        for path in PROSE:
            text = path.read_text(encoding="utf-8")
            shift = copy % 97
            shifted = re.sub(r"\b(1[5-9]\d\d)\b", lambda m, s=shift: str(int(m[1]) + s), text)
            # under one heading shared by every copy, the copies' sentences are dropped as repeats
            title = f"{path.stem.replace('-', ' ').title()} - week {copy + 1} notes"
            piece = f"{title}\n\n{shifted}\n\n"
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
    report_checker()
    report_made_again()


def report_made_again() -> None:
    from tests.labelled_cards import made_again

    again = made_again()
    print("labelled cards the generator writes again, word for word:")
    for label in ("good", "weak", "junk"):
        print(f"  {label:5} {again.made[label]:4} of {again.counts[label]:4}")
    for card in again.junk:
        print(f"  junk back: {card.notes}: {card.note.front[:70]}  ({card.reason})")


def report_checker() -> None:
    from tests.labelled_cards import VERDICTS, score_checker

    start = time.perf_counter()
    scores, verdicts = score_checker()
    seconds = time.perf_counter() - start
    total = sum(scores.counts.values())
    print(f"checker on {total} labelled cards ({seconds:.2f} s):")
    print(f"  recall    {scores.junk_recall:6.1%}  junk flagged / all junk")
    print(f"  precision {scores.precision:6.1%}  flagged that are junk / all flagged")
    print(f"  good flagged {scores.good_flag_rate:6.1%}  (weak flagged {scores.flagged['weak']})")
    per_file: dict[str, Counter[str]] = {}
    for card, _ in verdicts:
        per_file.setdefault(f"{card.notes} (batch {card.batch})", Counter())[card.label] += 1
    print(f"  {'notes':68} {'cards':>5} {'good':>5} {'weak':>5} {'junk':>5}")
    for name, counts in sorted(per_file.items()):
        row = " ".join(f"{counts[label]:5}" for label in VERDICTS)
        print(f"  {name:68} {sum(counts.values()):5} {row}")


if __name__ == "__main__":
    main()
