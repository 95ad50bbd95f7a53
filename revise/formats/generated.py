"""Deck files written by `revise generate`: a deck the user edited is never silently replaced.

A generated deck ends with a comment recording what the generator did: the notes it read, a
digest of the deck text as written, whether the text holds the user's edits, and the keys of every
card it has made from those notes. Generating into the file again then:

- writes it when it does not exist, and replaces it when it is exactly as generated;
- merges when the user edited it: the user's text stays as it is (edits, deletions, own cards),
  and cards for facts the generator had never made before are added at the end, under their
  headings; a card the user deleted or rewrote is not brought back;
- refuses, in one line, a file revise did not generate or generated from other notes, unless
  `force` (then it is replaced).

The record is an ordinary comment to the deck file format, so the file reads as any deck does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from revise.errors import FormatError, ReviseError
from revise.formats.deckfile import deck_text, parse_decks, write_deck
from revise.formats.files import write_atomic
from revise.formats.model import DeckData

RECORD_START = "<!-- revise generate:"
_KEYS_PER_LINE = 5


@dataclass(frozen=True)
class Record:
    """What the generator wrote into a deck file."""

    notes: str  # the notes file, as the deck's `source` names it
    digest: str  # of the deck text before the record
    edited: bool  # the text holds the user's edits (it was merged)
    cards: frozenset[str]  # keys of every card generated from the notes so far


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def record_text(record: Record) -> str:
    keys = sorted(record.cards)
    lines = [
        f"{RECORD_START} {record.notes}",
        f"digest: {record.digest}",
        f"edited: {'yes' if record.edited else 'no'}",
        "cards:",
        *(
            " ".join(keys[start : start + _KEYS_PER_LINE])
            for start in range(0, len(keys), _KEYS_PER_LINE)
        ),
        "-->",
    ]
    return "\n".join(lines) + "\n"


def split_record(text: str) -> tuple[str, Record | None]:
    """The deck text before the generator's record, and the record (None if there is none)."""
    start = text.rfind("\n" + RECORD_START)
    if start < 0:
        return text, None
    body, tail = text[: start + 1], text[start + 1 :]
    lines = tail.split("\n")
    try:
        notes = lines[0][len(RECORD_START) :].strip()
        fields = dict(line.split(": ", 1) for line in lines[1:3])
        end = lines.index("-->")
        if lines[3] != "cards:" or any(line.strip() for line in lines[end + 1 :]):
            return text, None
        cards = frozenset(" ".join(lines[4:end]).split())
        return body, Record(notes, fields["digest"], fields["edited"] == "yes", cards)
    except (ValueError, KeyError, IndexError):
        return text, None


def write_generated(target: Path, deck: DeckData, *, force: bool = False) -> str:
    """Write a generated deck to `target`; say what was done ("written", "replaced", "merged
    ...", "unchanged"). Raises ReviseError, changing nothing, when it may not write."""
    generated = write_deck(deck)
    keys = frozenset(note.key for note in deck.notes)
    notes = deck.source or ""
    body = generated + "\n"
    fresh = body + record_text(Record(notes, digest(body), False, keys))
    if force or not target.exists():
        existed = target.exists()
        write_atomic(target, fresh)
        return "replaced (--force)" if existed else "written"
    current = _read(target)
    body, record = split_record(current)
    if record is None:
        raise ReviseError(
            f"{target}: not a deck revise generated, so not replaced; "
            "write to another file with -o, or replace it with --force"
        )
    if record.notes != notes:
        raise ReviseError(
            f"{target}: generated from {record.notes}, not {notes}, so not replaced; "
            "write to another file with -o, or replace it with --force"
        )
    if not record.edited and digest(body) == record.digest:
        if current == fresh:
            return "unchanged"
        write_atomic(target, fresh)
        return "replaced (it was as generated)"
    return _merge(target, body, record, deck, keys)


def _merge(target: Path, body: str, record: Record, deck: DeckData, keys: frozenset[str]) -> str:
    try:
        kept = {
            note.key
            for edited in parse_decks(body, str(target), deck.name)
            for note in edited.notes
        }
    except FormatError as error:
        raise ReviseError(
            f"{error}; fix it so that new cards can be merged in, or replace the file with --force"
        ) from None
    new = [note for note in deck.notes if note.key not in record.cards and note.key not in kept]
    text = body.rstrip("\n") + "\n"
    if new:
        text += "\n" + _appended(DeckData(deck.name, new))
    text += "\n"
    text += record_text(Record(record.notes, digest(text), True, record.cards | keys))
    write_atomic(target, text)
    return f"merged: your edits kept, {len(new)} new card{'s' if len(new) != 1 else ''} added"


def _appended(deck: DeckData) -> str:
    """Deck-file text of new cards to go after the user's: their full heading trail (a bare `#`
    first, so that cards without one are not taken into the last heading above)."""
    text = write_deck(deck)
    cards = text.split("\n---\n", 1)[1].lstrip("\n")
    if deck.notes[0].context == "":
        cards = "#\n\n" + cards
    return cards


def _read(target: Path) -> str:
    """The text of a deck file there, read as every deck file is (UTF-8, UTF-16 with its
    byte-order mark, or Windows-1252, as Notepad may have saved the user's edits)."""
    try:
        return deck_text(str(target), target.read_bytes())
    except OSError as error:
        reason = error.strerror or str(error)
    except FormatError as error:
        reason = error.message
    raise ReviseError(
        f"{target}: cannot read the deck there ({reason}); "
        "write to another file with -o, or replace it with --force"
    )


def deck_targets(notes_files: list[Path], output: Path | None) -> list[Path]:
    """The deck file each notes file is generated into.

    `output` is a file (one notes file), a folder, or None (beside the notes: `bio.txt` ->
    `bio.md`, `bio.md` -> `bio.deck.md`). In a folder or beside the notes, notes files with the
    same name but another kind (`bio.md`, `bio.html`) get their own deck each (`bio-md.md`,
    `bio-html.md`), as does a notes file whose usual deck name is taken by a file that was not
    generated from it, so that no run replaces another's deck; a later run finds that deck again.
    """
    if output is not None and not output.is_dir():
        return [output for _ in notes_files]
    usual = [_usual_target(notes, output) for notes in notes_files]
    targets = []
    for notes, target in zip(notes_files, usual, strict=True):
        own = target.with_name(f"{notes.stem}-{notes.suffix.lstrip('.').lower()}.md")
        clash = usual.count(target) > 1 or _taken(target, notes)
        targets.append(own if clash or (own.exists() and not _taken(own, notes)) else target)
    return targets


def _usual_target(notes: Path, output: Path | None) -> Path:
    if output is not None:
        return output / f"{notes.stem}.md"
    return notes.with_suffix(".deck.md" if notes.suffix == ".md" else ".md")


def _taken(target: Path, notes: Path) -> bool:
    """Whether `target` is a file other than a deck generated from `notes`."""
    from revise.generation import source_path

    if not target.exists():
        return False
    try:
        _, record = split_record(deck_text(str(target), target.read_bytes()))
    except (OSError, FormatError):
        return True
    return record is None or record.notes != source_path(notes, target.parent.resolve())
