"""Edits made in the app beside the files decks come from.

A note edited in the app keeps what its file said at the last import (`Note.file_version`, JSON);
a note added in the app is edited with no file version; a note deleted in the app leaves its key
in `deleted_notes`. Re-importing a file then decides, note by note:

- the file's version did not change since the last import: the app's edit stays;
- both changed (a conflict): the app's edit stays unless the import prefers the file, and the
  report lists it either way. A conflict the app's edit won stays open, listed again at each
  re-import, until the file's text is taken (--prefer-file), the app's is written back to the
  file, or the file comes to say what the app says;
- a note added in the app is not "missing" from the file; a note deleted in the app is not added
  back unless the import restores deleted notes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import Connection, delete, insert, select, update

from revise.formats.model import NoteData, NoteKind
from revise.storage.models import DeletedNote, Note
from revise.textsafe import inert

notes_t = Note.__table__
deleted_t = DeletedNote.__table__

PREFER_FILE = "--prefer-file"
RESTORE = "--restore"
# A note whose text or tags the app changes is no longer what its file said: its origin (what a
# re-import compares first, storage/merge.py's `unchanged_table`) is forgotten with the change.
NOT_AS_READ: dict[str, object] = {"origin": None}

# Which conflicts take the file's text: all (True), none (False), or those of these keys (the
# file's note's, `Conflict.key`): the app's import takes the file's text of the ones chosen.
PreferFile = bool | frozenset[str]


def takes_file(prefer_file: PreferFile, key: str) -> bool:
    """Whether the conflict of the file's note keyed `key` takes the file's text."""
    return prefer_file if isinstance(prefer_file, bool) else key in prefer_file


class _StoredNote(Protocol):
    id: int
    kind: str
    front: str
    back: str
    context: str
    tags: str


@dataclass(frozen=True)
class Conflict:
    """A note changed both in the app and in its file since the last import."""

    app: NoteData  # the text the app has
    file: NoteData  # the text the file has now
    kept: str  # "app" or "file"
    key: str  # the file's note's key: `PreferFile` names the conflicts to settle by it


def file_version_of(note: NoteData, *, conflict: bool = False) -> str:
    """A note's text as `Note.file_version` stores it. A version marked `conflict` (the file's,
    when the app's edit won a conflict) never equals the file's text, so the conflict stays open."""
    data: dict[str, object] = {
        "kind": note.kind.value,
        "front": note.front,
        "back": note.back,
        "context": note.context,
        "tags": list(note.tags),
    }
    if conflict:
        data["conflict"] = True
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def file_text(file_version: str) -> tuple[str, str, str]:
    """(kind, front, back) of a stored file version, for matching edited text."""
    data = json.loads(file_version)
    return data["kind"], data["front"], data["back"]


def file_note(file_version: str) -> NoteData:
    data = json.loads(file_version)
    return NoteData(
        NoteKind(data["kind"]),
        data["front"],
        data["back"],
        context=data["context"],
        tags=tuple(data["tags"]),
    )


def deleted_keys(connection: Connection, deck_id: int | None) -> set[str]:
    if deck_id is None:
        return set()
    return set(
        connection.execute(select(deleted_t.c.key).where(deleted_t.c.deck_id == deck_id)).scalars()
    )


def remember_deleted(
    connection: Connection, note_ids: Sequence[int], now: datetime
) -> list[tuple[int, str]]:
    """Remember that these notes were deleted in the app, so that re-importing the file they
    are still in does not bring them back (unless --restore). Returns the (deck id, key) of
    each deletion newly remembered (one remembered already is not repeated)."""
    rows = connection.execute(
        select(notes_t.c.deck_id, notes_t.c.key).where(notes_t.c.id.in_(list(note_ids)))
    ).all()
    known = {
        (deck_id, key)
        for deck_id, key in connection.execute(
            select(deleted_t.c.deck_id, deleted_t.c.key).where(
                deleted_t.c.deck_id.in_({deck_id for deck_id, _ in rows})
            )
        )
    }
    fresh = [
        {"deck_id": deck_id, "key": key, "deleted_at": now}
        for deck_id, key in dict.fromkeys(rows)
        if (deck_id, key) not in known
    ]
    if fresh:
        connection.execute(insert(deleted_t), fresh)
    return [(row["deck_id"], row["key"]) for row in fresh]


def settle(connection: Connection, note_id: int) -> None:
    """The file now says what the app's edit says: the note is the file's again."""
    connection.execute(
        update(notes_t).where(notes_t.c.id == note_id).values(edited_at=None, file_version=None)
    )


def resolve(
    connection: Connection, old: _StoredNote, note: NoteData, key: str, prefer_file: bool
) -> Conflict:
    """Settle a note changed in the app and in the file: the file's text when `prefer_file`
    (the caller stores it), else the app's, remembering the file's new version with the
    conflict still open (`key` is the file's note's)."""
    app = NoteData(
        NoteKind(old.kind), old.front, old.back, context=old.context, tags=tuple(old.tags.split())
    )
    if prefer_file:
        settle(connection, old.id)
        return Conflict(app, note, "file", key)
    connection.execute(
        update(notes_t)
        .where(notes_t.c.id == old.id)
        .values(key=key, file_version=file_version_of(note, conflict=True))
    )
    return Conflict(app, note, "app", key)


def forget_deleted(connection: Connection, deck_id: int, keys: Sequence[str]) -> None:
    """Notes brought back by --restore: their deletion is forgotten."""
    for start in range(0, len(keys), 500):
        connection.execute(
            delete(deleted_t).where(
                deleted_t.c.deck_id == deck_id, deleted_t.c.key.in_(keys[start : start + 500])
            )
        )


def conflict_line(conflict: Conflict) -> str:
    """One line naming a conflict and who won, shown literally."""
    front = " ".join(conflict.app.front.split())
    if len(front) > 60:
        front = front[:59] + "…"
    both = f"{inert(front)}: changed in the app and in the file"
    if conflict.kept == "app":
        return f"{both}; kept the app's (revise import FILE {PREFER_FILE} takes the file's)"
    return f"{both}; took the file's"
