"""How long deck generation takes: the three bundled notes, then about 1 MB of notes, then
`revise generate` of 25 KB of notes as a user runs it (a new process, which imports the
generator and reads its word lists first: those first-use costs are printed, measured in another
new process); then how well the card checker does on the labelled card set
(tests/generation_labels.jsonl).

    python benchmarks/bench_generate.py

The large inputs are the bundled and test notes repeated with their years shifted, so that each
copy is new text rather than a repeat the generator would drop. The checker's figures: recall
(junk flagged / all junk), precision (flagged cards that are junk / all flagged) and the share of
good cards it flags, then the labels per notes file; last, how many of the labelled cards the
generator still writes word for word (good ones kept, junk ones back).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's revise and its labelled set

from machine import report_load, report_speed  # noqa: E402

from revise.generation import generate_deck  # noqa: E402

BUNDLED = sorted((ROOT / "decks" / "notes").iterdir())
PROSE = [*BUNDLED, ROOT / "tests" / "notes" / "industrial-revolution.txt"]
TARGET_BYTES = 1_000_000
FIRST_RUN_BYTES = 25_000  # the budget for one `revise generate` of this much: 1 s
FIRST_RUNS = 3


def timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    deck = generate_deck(path)
    return time.perf_counter() - start, len(deck.notes)


def large_notes(folder: Path, target_bytes: int = TARGET_BYTES) -> Path:
    """About `target_bytes` of prose notes whose copies differ in their dates and headings (each
    copy under a heading of its own, naming its week)."""
    pieces: list[str] = []
    size = 0
    copy = 0
    while size < target_bytes:
        for path in PROSE:
            if size >= target_bytes:
                break
            text = path.read_text(encoding="utf-8")
            shift = copy % 97
            shifted = re.sub(r"\b(1[5-9]\d\d)\b", lambda m, s=shift: str(int(m[1]) + s), text)
            # under one heading shared by every copy, the copies' sentences are dropped as repeats
            title = f"{path.stem.replace('-', ' ').title()} - week {copy + 1} notes"
            piece = f"{title}\n\n{shifted}\n\n"
            pieces.append(piece)
            size += len(piece.encode("utf-8"))
        copy += 1
    target = folder / ("large-notes.txt" if target_bytes == TARGET_BYTES else "notes.txt")
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
    report_first_run()
    report_checker()
    report_made_again()


def report_first_run() -> None:
    """`revise generate` of about 25 KB of notes in a new process, as a user runs it (after one
    untimed run, which writes the bytecode and may fill the cache folder), then what its first
    uses cost."""
    report_load()
    with tempfile.TemporaryDirectory() as folder:
        # this checkout's revise, its bytecode kept (as an installed revise has it) in a folder
        # of the benchmark's own, written by the untimed run
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": f"{folder}/pyc"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        path = large_notes(Path(folder), FIRST_RUN_BYTES)
        size = path.stat().st_size
        deck = Path(folder) / "notes.deck.md"
        command = [sys.executable, "-m", "revise", "generate", str(path), "-o", str(deck)]
        runs = []
        for _ in range(FIRST_RUNS + 1):
            start, used = time.perf_counter(), _children_cpu()
            subprocess.run(command, env=env, cwd=folder, check=True, capture_output=True)
            runs.append((time.perf_counter() - start, _children_cpu() - used))
        seconds, cpu = min(runs[1:])
        label = f"revise generate, {size / 1e3:.0f} KB (new process)"
        print(f"{label:50} {seconds:8.2f} s   (processor {cpu:.2f} s, best of {FIRST_RUNS})")
        first_use = [sys.executable, str(Path(__file__).resolve()), "--first-use", str(path)]
        result = subprocess.run(first_use, env=env, cwd=folder, capture_output=True, text=True)
        print(result.stdout + result.stderr, end="")


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def first_use(path: Path) -> None:
    """Run in a new process: what each step of a first generation costs (processor time), and
    how many regular expressions each compiles."""
    import re._compiler

    compile_pattern = re._compiler.compile
    compiled = [0, 0.0]

    def timed_compile(pattern: object, flags: int = 0) -> object:
        start = time.process_time()
        try:
            return compile_pattern(pattern, flags)
        finally:
            compiled[0] += 1
            compiled[1] += time.process_time() - start

    re._compiler.compile = timed_compile  # type: ignore[assignment]

    def step(label: str, work: Callable[[], object]) -> None:
        before, start = compiled[:], time.process_time()
        work()
        seconds = time.process_time() - start
        patterns = f"{compiled[0] - before[0]} patterns compiled in {compiled[1] - before[1]:.2f} s"
        print(f"  {label:46} {seconds * 1000:7.0f} ms  ({patterns})")

    print("first use, in a new process (processor time):")
    started = f"{time.process_time() * 1000:7.0f} ms"
    print(f"  {'start Python, import revise.generation':46} {started}  (this script's imports)")
    step("import the command line (revise.cli)", lambda: import_module("revise.cli"))
    generator = ("revise.generation.cards", "revise.generation.checker")
    step("import the generator", lambda: [import_module(name) for name in generator])
    from revise.generation import language, lexicon, spelling

    step("lemminflect's answers (the lexicon table)", lexicon._table)
    step("wordfreq's answers (the frequency table)", lambda: language.zipf("glacier"))
    step("wordfreq's commonest words (spelling)", spelling._common_words)
    step("generate the deck (the rest)", lambda: generate_deck(path))
    loaded = "yes" if "wordfreq" in sys.modules else "no"
    print(f"  {'wordfreq itself loaded (a word the table lacks)':46} {loaded:>7}")


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
    if sys.argv[1:2] == ["--first-use"]:
        first_use(Path(sys.argv[2]))
    else:
        main()
