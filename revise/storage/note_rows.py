"""The rows an import writes for a note new to its deck, as plain tuples, without SQLAlchemy:
written so by the usual import (revise/storage/merge.py) and by a first import with Python's
sqlite3 alone (revise/storage/quick_import.py)."""

from __future__ import annotations

from revise.formats.model import NoteData
from revise.storage.folding import FOLDED_COLUMNS, folded
from revise.storage.import_report import DeckReport
from revise.storage.values import NOT_SUSPENDED

# A note's columns as a file gives them, in the order `note_row` gives their values.
NOTE_FIELDS = (
    "key", "explicit_key", "kind", "front", "back", "context", "tags", "source", "media",
    "position", "missing", "origin", *FOLDED_COLUMNS.values(),
)  # fmt: skip
NOTE_COLUMNS = ("id", "deck_id", *NOTE_FIELDS, "created_at", "updated_at")
SCHEDULE_COLUMNS = (
    "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
)  # fmt: skip
CARD_COLUMNS = (
    "id", "note_id", "deck_id", "ordinal", "position", *SCHEDULE_COLUMNS, "suspended",
    "buried_until", "created_at",
)  # fmt: skip
NEW_CARD = (0, None, None, None, None, None, 0, 0, NOT_SUSPENDED)  # SCHEDULE_COLUMNS, suspended


def note_row(note: NoteData, key: str, position: int) -> tuple[object, ...]:
    """The values of NOTE_FIELDS."""
    tags = " ".join(note.tags)
    return (
        key,
        bool(note.id),
        note.kind.value,
        note.front,
        note.back,
        note.context,
        tags,
        str(note.source) if note.source else None,
        "\n".join(note.media),
        position,
        False,
        note.origin,
        *folded(
            {"front": note.front, "back": note.back, "context": note.context, "tags": tags}
        ).values(),
    )


def unique_notes(notes: list[NoteData], report: DeckReport) -> tuple[list[NoteData], list[str]]:
    """The notes that are not a repeat of an earlier one, and their keys."""
    seen: dict[str, NoteData] = {}
    unique = []
    for note in notes:
        key = note.key
        first = seen.setdefault(key, note)
        if first is not note:
            report.skipped.append(duplicate(note, first.line))
            continue
        unique.append(note)
    report.notes = unique
    return unique, list(seen)


def duplicate(note: NoteData, first_line: int) -> str:
    """The report's line for a note skipped as a repeat of the one at `first_line`."""
    where = f"line {note.line}" if note.line else "a note"
    return f"{where}: same card as line {first_line}" if first_line else f"{where}: duplicate"
