"""How many of the key facts a teacher listed for each test notes file have a card drawn from
their lines: an upper bound on the share covered by a good card, which only reading can give.

    python benchmarks/bench_coverage.py [NOTES_FOLDER]

A notes file `X` takes part when `keyfacts/X.keyfacts.md` lies beside it (default folder:
tests/notes): a numbered list, one key fact a line, each naming its notes lines as `[L12]`,
`[L12-14]` or `[L12, L15]`. A fact counts as carded when a generated card's source span
meets one of its lines. Also printed: cards per key fact, and the facts without a card
(`-v`), to read against the notes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's revise

from revise.errors import FormatError  # noqa: E402
from revise.generation import generate_deck  # noqa: E402

LINE_REFERENCE = re.compile(r"L(\d+)(?:\s*[-\u2013]\s*L?(\d+))?")
FACT = re.compile(r"^\s*\d+[.)]\s+(.*)$")


def key_facts(path: Path) -> list[tuple[set[int], str]]:
    """The key facts of a list, each with the notes lines it names."""
    facts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fact = FACT.match(line)
        if not fact:
            continue
        lines: set[int] = set()
        for bracket in re.findall(r"\[([^\]]*L\d[^\]]*)\]", fact[1]):
            for first, last in LINE_REFERENCE.findall(bracket):
                lines.update(range(int(first), int(last or first) + 1))
        if lines:
            facts.append((lines, fact[1]))
    return facts


def main(folder: Path, verbose: bool) -> None:
    listed = sorted((folder / "keyfacts").glob("*.keyfacts.md"))
    if not listed:
        print(f"no key-fact lists in {folder / 'keyfacts'}")
        return
    total_facts = total_carded = total_cards = 0
    print(f"{'notes':44} {'cards':>5} {'key facts':>9} {'carded':>7}")
    for facts_path in listed:
        notes = folder / facts_path.name.removesuffix(".keyfacts.md")
        facts = key_facts(facts_path)
        if not facts:
            print(f"{notes.name[:44]:44} (its list names no lines: left out)")
            continue
        try:
            deck = generate_deck(notes)
        except FormatError:
            deck = None
        spans = [
            set(range(note.source.start, note.source.end + 1))
            for note in (deck.notes if deck else [])
            if note.source is not None
        ]
        uncarded = [text for lines, text in facts if not any(lines & span for span in spans)]
        carded = len(facts) - len(uncarded)
        total_facts += len(facts)
        total_carded += carded
        total_cards += len(spans)
        share = carded / len(facts) if facts else 0.0
        print(f"{notes.name[:44]:44} {len(spans):5} {len(facts):9} {share:7.0%}")
        if verbose:
            for text in uncarded:
                print(f"    no card: {text}")
    share = total_carded / total_facts if total_facts else 0.0
    print(f"{'all':44} {total_cards:5} {total_facts:9} {share:7.0%}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "-v"]
    main(Path(arguments[0]) if arguments else ROOT / "tests" / "notes", "-v" in sys.argv[1:])
