"""Storing decks read from files: add new notes, update changed ones in place, keep every review.

A note is matched to what is stored by its key (explicit id, or a hash of its normalised meaning);
a note whose text changed beyond case and punctuation (a fixed typo) is matched to the stored note
it most resembles (revise.storage.matching), so its cards keep their history. A note that only
moved in the file counts as unchanged. Notes gone from the file are reported and
their cards suspended, never deleted.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import PurePath
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    bindparam,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)

from revise.formats.model import (
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ScheduleData,
    SourceRef,
    card_faces,
)
from revise.storage import app_edits
from revise.storage.app_edits import PreferFile
from revise.storage.bulk import ROWS_PER_CALL, insert_rows, new_ids, update_rows
from revise.storage.import_report import DeckReport, ImportReport
from revise.storage.models import (
    NOT_SUSPENDED,
    SUSPENDED,
    SUSPENDED_MISSING,
    Card,
    Deck,
    Note,
    Review,
    to_ms,
)
from revise.storage.note_rows import (
    CARD_COLUMNS,
    NEW_CARD,
    NOTE_COLUMNS,
    NOTE_FIELDS,
    SCHEDULE_COLUMNS,
    duplicate,
    note_row,
    unique_notes,
)
from revise.storage.unchanged_rows import (
    STEPS_PER_ROW,
    DeckInfo,
    Origins,
    deck_values,
    unchanged_decks,
)
from revise.storage.values import LEECH_TAG, has_leech_tag

decks_t = Deck.__table__
notes_t = Note.__table__
cards_t = Card.__table__
reviews_t = Review.__table__

Advance = Callable[[int], None]  # told how many more notes were stored


@dataclass(slots=True)  # a re-import of a large deck holds one per stored note
class _Stored:
    id: int
    key: str
    explicit: bool
    kind: str
    front: str
    back: str
    context: str
    tags: str
    source: str | None
    media: str
    position: int
    missing: bool
    edited_at: int | None  # ms: only whether it is set matters here
    file_version: str | None
    origin: str | None

    @property
    def app_only(self) -> bool:
        """Added in the app: no file has it, so it is never missing from one."""
        return self.edited_at is not None and self.file_version is None


_STORED = select(
    notes_t.c.id,
    notes_t.c.key,
    notes_t.c.explicit_key,
    notes_t.c.kind,
    notes_t.c.front,
    notes_t.c.back,
    notes_t.c.context,
    notes_t.c.tags,
    notes_t.c.source,
    notes_t.c.media,
    notes_t.c.position,
    notes_t.c.missing,
    type_coerce(notes_t.c.edited_at, BigInteger),  # not made into a datetime per row
    notes_t.c.file_version,
    notes_t.c.origin,
).where(notes_t.c.deck_id == bindparam("deck_id"))


@dataclass
class DeckPlan:
    """Which stored note each incoming note is, worked out before the write lock is taken.

    Matching reads the collection and takes time (seconds for 100,000 notes); done from a
    snapshot, it keeps other windows' answers waiting only for the writes. The plan remembers
    the stored notes it was made from, and `store_deck` matches again if they changed since.
    """

    deck_id: int | None
    snapshot: int  # a fingerprint of the deck's stored notes
    incoming: list[NoteData]
    keys: list[str]  # each incoming note's key, worked out once
    skipped: list[str]
    matched: dict[int, _Stored]  # incoming index -> the stored note it is
    unmatched: dict[str, _Stored]  # stored notes no incoming note is, by key
    unchanged: set[int]  # incoming indexes whose stored note is already the same
    conflicts: set[int] = field(default_factory=set)  # edited in the app, changed in the file
    agreed: set[int] = field(default_factory=set)  # edited in the app as the file now says
    kept_deleted: list[NoteData] = field(default_factory=list)  # deleted in the app

    def written_ids(self) -> list[int]:
        """The stored notes storing the plan may write (some it will not): locked before the
        plan is checked on a server (storage/plan_check.py)."""
        ids = [old.id for old in self.unmatched.values()]  # missing from the file
        for index, old in self.matched.items():
            note = self.incoming[index]
            if (
                index not in self.unchanged
                or index in self.agreed
                or old.position != index
                or (note.origin is not None and note.origin != old.origin)
            ):
                ids.append(old.id)
        return ids


_ROWS_AT_ONCE = 10_000  # stored notes fetched at a time: a million never sit in memory twice


def _stored_notes(
    connection: Connection, deck_id: int | None, *, keep: bool = True
) -> tuple[int, dict[str, _Stored]]:
    """A fingerprint of the deck's stored notes, and (if `keep`) the notes by key."""
    stored: dict[str, _Stored] = {}
    digests = []
    if deck_id is not None:
        result = connection.execute(_STORED, {"deck_id": deck_id})
        for part in result.partitions(_ROWS_AT_ONCE):
            rows = [tuple(row) for row in part]
            digests.append(hash(tuple(rows)))
            if keep:
                stored.update((row[1], _Stored(*row)) for row in rows)  # type: ignore[arg-type]
    return hash(tuple(digests)), stored


_BRIEF_COLUMNS = ("id", "key", "position", "missing", "edited_at", "origin")
_STORED_BY_ID = _STORED.where(notes_t.c.id.in_(bindparam("ids", expanding=True)))


def _stored_notes_but(
    connection: Connection, deck_id: int | None, unread: set[str]
) -> dict[str, _Stored]:
    """The deck's stored notes by key; those with a key in `unread` (notes an Anki package says
    nothing new of, only asked whether they are as imported) without their text, which most of
    the time of reading them goes to."""
    stored: dict[str, _Stored] = {}
    if deck_id is None:
        return stored
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    brief = connection.exec_driver_sql(  # plain tuples: no SQLAlchemy work on each row
        f"SELECT {', '.join(quote(name) for name in _BRIEF_COLUMNS)} FROM {quote(notes_t.name)} "
        f"WHERE {quote('deck_id')} = {marker}",
        (deck_id,),
    )
    rest = []
    for row in brief.fetchall():
        if row[1] in unread:
            stored[row[1]] = _brief(*row)
        else:
            rest.append(row[0])
    for start in range(0, len(rest), KEYS_PER_LOOKUP):
        rows = connection.execute(
            _STORED_BY_ID, {"deck_id": deck_id, "ids": rest[start : start + KEYS_PER_LOOKUP]}
        )
        stored.update((row[1], _Stored(*row)) for row in rows)  # type: ignore[arg-type]
    return stored


def _brief(
    note_id: int, key: str, position: int, missing: bool, edited_at: int | None, origin: str | None
) -> _Stored:
    """A stored note read without its text (`_BRIEF_COLUMNS`): enough to tell whether it is as
    a package's note whose origin the collection holds (`_verdict`) and where it is."""
    return _Stored(
        note_id, key, False, "", "", "", "", "", None, "", position, bool(missing), edited_at,
        None, origin,
    )  # fmt: skip


def writes_seen(connection: Connection) -> int | None:
    """On SQLite, a number that changes whenever another connection commits (data_version):
    the same number on the same connection, read when a plan was made and again under the
    write lock, tells that nothing changed meanwhile without reading the notes again. None on
    PostgreSQL (its plans are checked by reading the notes again)."""
    if connection.dialect.name != "sqlite":
        return None
    return int(connection.exec_driver_sql("PRAGMA data_version").scalar_one())


def plan_deck(connection: Connection, deck: DeckData, *, restore: bool = False) -> DeckPlan:
    """Match `deck`'s notes to the stored ones; reads only. Notes deleted in the app stay out
    unless `restore`."""
    deck_id = connection.execute(select(decks_t.c.id).where(decks_t.c.name == deck.name)).scalar()
    scratch = DeckReport(deck.name)
    incoming, keys = unique_notes(deck.notes, scratch)
    unread = {key for note, key in zip(incoming, keys, strict=True) if note.as_imported}
    if unread and writes_seen(connection) is not None:  # checked under the lock without a print
        snapshot, stored = 0, _stored_notes_but(connection, deck_id, unread)
    else:
        snapshot, stored = _stored_notes(connection, deck_id)
    deleted = app_edits.deleted_keys(connection, deck_id)
    kept_deleted: list[NoteData] = []
    if deleted and not restore:
        kept_deleted = [note for note, key in zip(incoming, keys, strict=True) if key in deleted]
        kept = [(note, key) for note, key in zip(incoming, keys, strict=True) if key not in deleted]
        incoming, keys = [note for note, _ in kept], [key for _, key in kept]
    matched: dict[int, _Stored] = {}
    for index, key in enumerate(keys):
        found = stored.pop(key, None)
        if found is not None:
            matched[index] = found
    _match_edited(incoming, matched, stored)
    if any(note.as_imported for index, note in enumerate(incoming) if index not in matched):
        raise StaleOrigin(deck.name)
    for index, note in enumerate(incoming):
        if index not in matched:
            _work_out_memory(note.history)
    plan = DeckPlan(
        deck_id=deck_id,
        snapshot=snapshot,
        incoming=incoming,
        keys=keys,
        skipped=scratch.skipped,
        matched=matched,
        unmatched=stored,
        unchanged=set(),
        kept_deleted=kept_deleted,
    )
    for index, old in matched.items():
        verdict = _verdict(old, incoming[index], keys[index])
        if verdict in (_SAME, _AGREED):
            plan.unchanged.add(index)
        if verdict == _AGREED:
            plan.agreed.add(index)
        elif verdict == _CONFLICT:
            plan.conflicts.add(index)
    return plan


# What a file's note is to the stored note it matches.
_SAME = "same"  # nothing to write (the file as stored, or unchanged since an app edit)
_AGREED = "agreed"  # edited in the app as the file now says
_CONFLICT = "conflict"  # edited in the app, changed in the file
_CHANGED = "changed"


class StaleOrigin(Exception):
    """A note read no further than its origin is not the stored note of that origin (changed
    since the package was read): the package is to be read whole."""


def _verdict(old: _Stored, note: NoteData, key: str) -> str:
    if note.as_imported:
        if old.origin != note.origin or old.missing:
            raise StaleOrigin(key)
        return _SAME
    if old.edited_at is None:
        return _SAME if _same(old, note, key) else _CHANGED
    if old.file_version is not None and old.file_version == app_edits.file_version_of(note):
        return _SAME  # the file did not change: the app's edit stays
    return _AGREED if _same(old, note, key) else _CONFLICT


@dataclass
class _Writes:
    """Matched notes to write: those changed, and those that only moved (position, id)."""

    changed: list[tuple[_Stored, NoteData, str, int]] = field(default_factory=list)
    moved: list[tuple[int, int]] = field(default_factory=list)
    origins: list[tuple[str | None, int]] = field(default_factory=list)  # (origin, id)
    conflicts: list[tuple[_Stored, NoteData, str, bool]] = field(default_factory=list)  # +file?
    settled: list[int] = field(default_factory=list)  # ids: the file now says what the app does
    # (id, cards) of stored notes whose cards a package tells of (a table read a batch at a time)
    histories: list[tuple[int, list[CardHistory]]] = field(default_factory=list)

    def __len__(self) -> int:
        """How many notes' writes are held."""
        return (
            len(self.changed)
            + len(self.moved)
            + len(self.conflicts)
            + len(self.settled)
            + len(self.histories)
        )

    def extend(self, other: _Writes) -> None:
        self.changed += other.changed
        self.moved += other.moved
        self.origins += other.origins
        self.conflicts += other.conflicts
        self.settled += other.settled
        self.histories += other.histories


def _take_matched(
    writes: _Writes,
    report: DeckReport,
    match: tuple[_Stored, NoteData, str, int],
    verdict: str,
    *,
    prefer_file: PreferFile,
    changes: bool,
) -> None:
    """Count a file's note that is a stored one, and note what to write for it. A conflict is
    counted once, as a conflict, whichever text it keeps (and listed in the report when it is
    written, see `_write_matched`)."""
    old, note, key, position = match
    conflict = verdict == _CONFLICT
    if conflict:
        takes_file = app_edits.takes_file(prefer_file, key)
        writes.conflicts.append((old, note, key, takes_file))
        if not takes_file:
            verdict = _SAME
    if verdict in (_SAME, _AGREED):
        if not conflict:
            report.unchanged += 1  # at most moved: the card is what it was
        if old.position != position:
            writes.moved.append((position, old.id))
        if note.origin is not None and old.origin != note.origin:
            writes.origins.append((note.origin, old.id))  # the same text, newly told apart
        if verdict == _AGREED:
            writes.settled.append(old.id)
        return
    writes.changed.append(match)
    if not conflict:
        report.updated += 1
    if changes:
        report.changes.append(("updated", note))


def store_deck(
    connection: Connection,
    deck: DeckData,
    now: datetime,
    report: DeckReport,
    advance: Advance | None = None,
    plan: DeckPlan | None = None,
    *,
    prefer_file: PreferFile = False,
    restore: bool = False,
    current: bool = False,
) -> None:
    """Store `deck` (in a write transaction), by `plan` if the deck's notes are as it saw them
    (`current`: the caller knows nothing was written since the plan, see `writes_seen`).

    A note changed both in the app and in the file keeps the app's text unless `prefer_file`
    takes the file's (revise.storage.app_edits.takes_file);
    notes deleted in the app come back only with `restore`.
    """
    deck_id = _deck_id(connection, deck, now)
    if (
        plan is None
        or plan.deck_id not in (None, deck_id)
        or (not current and plan.snapshot != _stored_notes(connection, deck_id, keep=False)[0])
    ):
        plan = plan_deck(connection, deck, restore=restore)
    report.skipped.extend(plan.skipped)
    report.kept_deleted.extend(plan.kept_deleted)
    if restore:
        app_edits.forget_deleted(connection, deck_id, plan.keys)
    report.notes = incoming = plan.incoming
    matched, stored = plan.matched, plan.unmatched

    new_rows: list[tuple[int, NoteData, str]] = []
    writes = _Writes()
    histories: list[tuple[int, list[CardHistory]]] = []
    for position, (note, key) in enumerate(zip(incoming, plan.keys, strict=True)):
        old = matched.get(position)
        if old is None:
            new_rows.append((position, note, key))
            continue
        if position in plan.agreed:
            verdict = _AGREED
        elif position in plan.unchanged:
            verdict = _SAME
        else:
            verdict = _CONFLICT if position in plan.conflicts else _CHANGED
        match = (old, note, key, position)
        _take_matched(writes, report, match, verdict, prefer_file=prefer_file, changes=True)
        if note.history:
            histories.append((old.id, note.history))
        if advance:
            advance(1)
    _write_matched(connection, writes, deck_id, now, report)
    report.reviews += _merge_histories(connection, deck_id, histories)
    _add_notes(connection, deck_id, new_rows, now, report)
    if advance and new_rows:
        advance(len(new_rows))
    report.added += len(new_rows)
    report.changes.extend(("added", note) for _, note, _ in new_rows)
    _mark_missing(connection, _missing(stored.values(), report, changes=True))


def _missing(unmatched: Iterable[_Stored], report: DeckReport, *, changes: bool) -> list[int]:
    """The ids of the stored notes no longer in the file, counted in the report (a note added
    in the app is in no file: never missing)."""
    gone = [old for old in unmatched if not old.missing and not old.app_only]
    report.missing += len(gone)
    if changes:
        report.changes.extend(
            ("missing", NoteData(NoteKind(old.kind), old.front, old.back, context=old.context))
            for old in gone
        )
    return [old.id for old in gone]


def _mark_missing(connection: Connection, gone: list[int]) -> None:
    """Notes no longer in the file are marked missing and their cards rest."""
    for start in range(0, len(gone), ROWS_PER_CALL):
        ids = gone[start : start + ROWS_PER_CALL]
        connection.execute(update(notes_t).where(notes_t.c.id.in_(ids)).values(missing=True))
        connection.execute(
            update(cards_t)
            .where(cards_t.c.note_id.in_(ids), cards_t.c.suspended == NOT_SUSPENDED)
            .values(suspended=SUSPENDED_MISSING)
        )


def _write_matched(
    connection: Connection,
    writes: _Writes,
    deck_id: int,
    now: datetime,
    report: DeckReport,
) -> None:
    for old, note, key, takes_file in writes.conflicts:
        report.conflicts.append(app_edits.resolve(connection, old, note, key, takes_file))
    for note_id in writes.settled:
        app_edits.settle(connection, note_id)
    _update_notes(connection, writes.changed, deck_id, now)
    update_rows(connection, notes_t, ["origin"], "id", writes.origins)
    update_rows(connection, notes_t, ["position"], "id", writes.moved)
    update_rows(connection, cards_t, ["position"], "note_id", writes.moved)
    report.reviews += _merge_histories(connection, deck_id, writes.histories, whole_deck=False)


def _deck_id(connection: Connection, deck: DeckData, now: datetime) -> int:
    deck_id = connection.execute(select(decks_t.c.id).where(decks_t.c.name == deck.name)).scalar()
    values = deck_values(deck)
    if deck_id is None:
        return connection.execute(
            insert(decks_t).values(name=deck.name, created_at=now, **values).returning(decks_t.c.id)
        ).scalar_one()
    connection.execute(
        update(decks_t)
        .where(decks_t.c.id == deck_id)
        .where(or_(*(decks_t.c[name].is_distinct_from(value) for name, value in values.items())))
        .values(**values)
    )  # a deck as it was is not written: an unchanged re-import writes nothing
    return deck_id


def _work_out_memory(histories: list[CardHistory]) -> None:
    """Work out the FSRS memory a reader left for later (replaying reviews takes time): for a
    note to be added it is needed, and is better done now than under the write lock."""
    for history in histories:
        _ = history.schedule


def _match_edited(
    incoming: list[NoteData], matched: dict[int, _Stored], stored: dict[str, _Stored]
) -> None:
    """Pair notes new to the file with stored notes they closely resemble (edited text)."""
    from revise.storage.matching import Text, match_edited

    candidates = [old for old in stored.values() if not old.explicit and not old.app_only]
    fresh = [i for i, note in enumerate(incoming) if i not in matched and not note.id]
    if not candidates or not fresh:
        return  # nothing to compare (a first import): no text to normalise
    pairs = match_edited(
        [Text.of(*_file_side(old)) for old in candidates],
        [Text.of(incoming[i].kind.value, incoming[i].front, incoming[i].back) for i in fresh],
    )
    for fresh_index, choice in pairs.items():
        matched[fresh[fresh_index]] = stored.pop(candidates[choice].key)


def _file_side(old: _Stored) -> tuple[str, str, str]:
    """What the file said of a stored note when last imported: an app edit is not the file's."""
    if old.file_version is not None:
        return app_edits.file_text(old.file_version)
    return old.kind, old.front, old.back


def _same(old: _Stored, note: NoteData, key: str) -> bool:
    return (
        old.key == key
        and old.kind == note.kind.value
        and _same_front(old.front, note)
        and old.back == note.back
        and old.context == note.context
        and _same_tags(old.tags, note.tags)
        and _same_source(old.source, note.source)
        and set(old.media.splitlines()) == set(note.media)
        and not old.missing
    )


def _same_tags(stored: str, written: tuple[str, ...]) -> bool:
    """The file's tags, and the leech tag the app added if the file does not have it."""
    return stored.split() == list(_kept_leech_tag(stored, written))


def _kept_leech_tag(stored: str, written: tuple[str, ...]) -> tuple[str, ...]:
    """The tags a note takes from the file, with the app's leech tag kept: an answer made the
    card a leech; re-importing its file (where no one wrote the tag) does not take that back."""
    if has_leech_tag(stored) and not has_leech_tag(" ".join(written)):
        return (*written, LEECH_TAG)
    return written


def _same_front(old: str, note: NoteData) -> bool:
    """The same text; for a cloze, the same deletions in either spelling (`[x]`, `{{c1::x}}`)."""
    if old == note.front:
        return True
    if note.kind is not NoteKind.CLOZE:
        return False
    from revise.formats.anki_export import anki_cloze_text

    try:
        return anki_cloze_text(old) == anki_cloze_text(note.front)
    except ValueError:
        return False


def _same_source(old: str | None, new: SourceRef | None) -> bool:
    """The same lines of a notes file named the same, wherever the file was read from."""
    if old is None or new is None:
        return old is None and new is None
    if old == str(new):
        return True
    try:
        before = SourceRef.parse(old)
    except ValueError:
        return False
    return (before.start, before.end) == (new.start, new.end) and (
        PurePath(before.path.replace("\\", "/")).name == PurePath(new.path.replace("\\", "/")).name
    )


def _update_notes(
    connection: Connection,
    changed: list[tuple[_Stored, NoteData, str, int]],
    deck_id: int,
    now: datetime,
) -> None:
    """Changed notes take their new text and place, in one statement for all of them; a note
    whose cards may change (a cloze, a new kind, one back in the file) then has them set."""
    stamp = to_ms(now)
    update_rows(
        connection,
        notes_t,
        (*NOTE_FIELDS, "updated_at"),
        "id",
        [
            (*note_row(_with_kept_tags(old, note), key, position), stamp, old.id)
            for old, note, key, position in changed
        ],
    )
    update_rows(
        connection,
        cards_t,
        ["position"],
        "note_id",
        [(position, old.id) for old, _, _, position in changed],
    )
    for old, note, _, position in changed:
        if old.missing or old.kind != note.kind.value or note.kind is not NoteKind.BASIC:
            _update_cards(connection, old, note, position, deck_id, now)


def _with_kept_tags(old: _Stored, note: NoteData) -> NoteData:
    tags = _kept_leech_tag(old.tags, note.tags)
    return note if tags is note.tags else replace(note, tags=tags)


def _update_cards(
    connection: Connection,
    old: _Stored,
    note: NoteData,
    position: int,
    deck_id: int,
    now: datetime,
) -> None:
    """The cards of a note whose text makes other cards now: new ones added, those gone rest."""
    ordinals = {face.ordinal for face in card_faces(note)}
    existing = set(
        connection.execute(select(cards_t.c.ordinal).where(cards_t.c.note_id == old.id)).scalars()
    )
    added = sorted(ordinals - existing)
    if added:
        connection.execute(
            insert(cards_t),
            [
                {
                    "note_id": old.id,
                    "deck_id": deck_id,
                    "position": position,
                    "ordinal": ordinal,
                    "created_at": now,
                }
                for ordinal in added
            ],
        )
    # A card whose deletion is gone from the text rests, like a note gone from the file.
    gone = existing - ordinals
    if gone:
        connection.execute(
            update(cards_t)
            .where(cards_t.c.note_id == old.id, cards_t.c.ordinal.in_(gone))
            .values(suspended=SUSPENDED_MISSING)
        )
    connection.execute(
        update(cards_t)
        .where(
            cards_t.c.note_id == old.id,
            cards_t.c.ordinal.in_(ordinals),
            cards_t.c.suspended == SUSPENDED_MISSING,
        )
        .values(suspended=NOT_SUSPENDED)
    )


_REVIEW_COLUMNS = ("card_id", "reviewed_at", "rating", "duration_ms", "origin")
NOTES_PER_WRITE = 2000  # new notes written at a time when progress is told


def _add_notes(
    connection: Connection,
    deck_id: int,
    rows: list[tuple[int, NoteData, str]],
    now: datetime,
    report: DeckReport,
    advance: Advance | None = None,
) -> None:
    """Insert new notes, their cards and the cards' reviews: one plain `executemany` per table
    for each batch of notes, so the rows of a million new notes are never all built at once
    (`advance` told after each)."""
    stamp = to_ms(now)
    at_once = NOTES_PER_WRITE if advance else ROWS_PER_CALL
    for start in range(0, len(rows), at_once):
        batch = rows[start : start + at_once]
        report.reviews += _add_batch(connection, deck_id, batch, stamp)
        if advance:
            advance(len(batch))


def _add_batch(
    connection: Connection, deck_id: int, rows: list[tuple[int, NoteData, str]], stamp: int
) -> int:
    """Insert a batch of new notes with their cards and reviews; returns how many reviews."""
    note_ids = new_ids(connection, notes_t, len(rows))
    insert_rows(
        connection,
        notes_t,
        NOTE_COLUMNS,
        (
            (note_id, deck_id, *note_row(note, key, position), stamp, stamp)
            for note_id, (position, note, key) in zip(note_ids, rows, strict=True)
        ),
    )
    cards: list[tuple[int, int, int, CardHistory | None]] = []
    for note_id, (position, note, _) in zip(note_ids, rows, strict=True):
        if note.kind is NoteKind.BASIC and not note.history:
            cards.append((note_id, position, 0, None))  # most notes: no faces to work out
            continue
        by_ordinal = {history.ordinal: history for history in note.history}
        for face in card_faces(note):
            cards.append((note_id, position, face.ordinal, by_ordinal.get(face.ordinal)))
    card_ids = new_ids(connection, cards_t, len(cards))
    insert_rows(
        connection,
        cards_t,
        CARD_COLUMNS,
        (
            (card_id, note_id, deck_id, ordinal, position, *_card_state(history), None, stamp)
            for card_id, (note_id, position, ordinal, history) in zip(card_ids, cards, strict=True)
        ),
    )
    return insert_rows(
        connection,
        reviews_t,
        _REVIEW_COLUMNS,
        (
            review
            for card_id, (_, _, _, history) in zip(card_ids, cards, strict=True)
            if history is not None and history.reviews
            for review in _review_rows(card_id, history, set())
        ),
    )


def _card_state(history: CardHistory | None) -> tuple[object, ...]:
    """The values of SCHEDULE_COLUMNS and `suspended`."""
    if history is None:
        return NEW_CARD
    suspended = SUSPENDED if history.suspended else NOT_SUSPENDED
    schedule = history.schedule
    if schedule is None:
        return (*NEW_CARD[:-1], suspended)
    return (*_schedule_row(schedule), suspended)


def _schedule_row(schedule: ScheduleData) -> tuple[object, ...]:
    """The values of SCHEDULE_COLUMNS, as stored."""
    return (
        schedule.state,
        schedule.step,
        schedule.stability,
        schedule.difficulty,
        None if schedule.due is None else to_ms(schedule.due),
        None if schedule.last_review is None else to_ms(schedule.last_review),
        schedule.reps,
        schedule.lapses,
    )


def _review_rows(card_id: int, history: CardHistory, known: set[int]) -> list[tuple[object, ...]]:
    """Rows for the reviews of `history` at times not in `known` (the card's, in ms)."""
    rows = []
    for review in history.reviews:
        moment = review.ms
        if moment in known:
            continue
        known.add(moment)
        rows.append((card_id, moment, review.rating, review.duration_ms, "import"))
    return rows


def _raw(column):  # type: ignore[no-untyped-def]
    """A time column as stored (ms), not made into a datetime for each of many rows."""
    return type_coerce(column, BigInteger)


_DECK_CARDS = (
    select(cards_t.c.id, cards_t.c.note_id, cards_t.c.ordinal, _raw(cards_t.c.last_review))
    .join(notes_t, notes_t.c.id == cards_t.c.note_id)
    .where(notes_t.c.deck_id == bindparam("deck_id"))
)
_DECK_REVIEWS = (
    select(reviews_t.c.card_id, _raw(reviews_t.c.reviewed_at))
    .join(cards_t, cards_t.c.id == reviews_t.c.card_id)
    .join(notes_t, notes_t.c.id == cards_t.c.note_id)
    .where(notes_t.c.deck_id == bindparam("deck_id"))
)
_NOTES_CARDS = select(
    cards_t.c.id, cards_t.c.note_id, cards_t.c.ordinal, _raw(cards_t.c.last_review)
).where(cards_t.c.note_id.in_(bindparam("ids", expanding=True)))
_NOTES_REVIEWS = (
    select(reviews_t.c.card_id, _raw(reviews_t.c.reviewed_at))
    .join(cards_t, cards_t.c.id == reviews_t.c.card_id)
    .where(cards_t.c.note_id.in_(bindparam("ids", expanding=True)))
)


def _merge_histories(
    connection: Connection,
    deck_id: int,
    notes: list[tuple[int, list[CardHistory]]],
    *,
    whole_deck: bool = True,
) -> int:
    """A newer export of a deck brings newer reviews and states: take them, keep ours too.

    The cards and review times of the deck (`whole_deck`, two queries), else of the notes only
    (a batch of a table), are read, and only what is new is written, so re-importing an
    unchanged file writes nothing.
    """
    if not notes:
        return 0
    if whole_deck:
        card_rows = connection.execute(_DECK_CARDS, {"deck_id": deck_id}).all()
        review_rows = connection.execute(_DECK_REVIEWS, {"deck_id": deck_id}).all()
    else:
        card_rows, review_rows = [], []
        for start in range(0, len(notes), KEYS_PER_LOOKUP):
            ids = [note_id for note_id, _ in notes[start : start + KEYS_PER_LOOKUP]]
            card_rows += connection.execute(_NOTES_CARDS, {"ids": ids}).all()
            review_rows += connection.execute(_NOTES_REVIEWS, {"ids": ids}).all()
    cards = {
        (note_id, ordinal): (card_id, last_review)
        for card_id, note_id, ordinal, last_review in card_rows
    }
    known: dict[int, set[int]] = {}
    for card_id, moment in review_rows:
        known.setdefault(card_id, set()).add(moment)
    reviews: list[tuple[object, ...]] = []
    schedules: list[tuple[object, ...]] = []
    for note_id, histories in notes:
        for history in histories:
            found = cards.get((note_id, history.ordinal))
            if found is None:
                continue
            card_id, ours = found
            if history.reviews:
                reviews.extend(_review_rows(card_id, history, known.setdefault(card_id, set())))
            last_review = history.last_review  # known without working out the memory
            if last_review is not None and (ours is None or to_ms(last_review) > ours):
                schedule = _schedule_row(history.schedule)  # type: ignore[arg-type]
                schedules.append((*schedule, card_id, to_ms(last_review)))
    update_rows(connection, cards_t, SCHEDULE_COLUMNS, "id", schedules, unless_newer="last_review")
    return insert_rows(connection, reviews_t, _REVIEW_COLUMNS, reviews)


# --- a table stored a batch at a time ----------------------------------------------------------

KEYS_PER_LOOKUP = 500  # keys looked up in one statement: well under every driver's limit
_STORED_BY_KEY = _STORED.where(notes_t.c.key.in_(bindparam("keys", expanding=True)))
# Under the import lock on a server, a table's notes and decks met as it is read are locked as
# they are read (SQLite: the write transaction holds the whole file; FOR UPDATE is left out): an
# edit in the app of a note read waits for the import's commit instead of being written over, a
# note added to a deck met, or a deletion remembered in it, waits too (their foreign key needs
# the deck's row), instead of slipping in between the import's reading of the deck and its end.
_STORED_BY_KEY_LOCKED = _STORED_BY_KEY.with_for_update()
_STORED_LOCKED = _STORED.with_for_update()
_LOCK_DECK = select(decks_t.c.id).where(decks_t.c.id == bindparam("deck_id")).with_for_update()
_DECK_EXTENT = select(func.count(), func.min(notes_t.c.id), func.max(notes_t.c.id)).where(
    notes_t.c.deck_id == bindparam("deck_id")
)


class _MetNotes:
    """The stored notes a table's notes were, each with its place in the file: an array over
    the range of the deck's note ids (a million: 4 MB), a dict where that range is too wide
    (ids far apart)."""

    def __init__(self, low: int, high: int) -> None:
        self._low = low
        wide = high - low >= _WIDEST_ARRAY
        self._places = None if wide else array("I", [0]) * (high - low + 1)
        self._dict: dict[int, int] = {}
        self.count = 0

    def add(self, note_id: int, position: int) -> None:
        self.count += 1
        if self._places is None:
            self._dict[note_id] = position
        else:
            self._places[note_id - self._low] = position + 1  # 0: not met

    def position(self, note_id: int) -> int | None:
        """The note's place in the file, if a note of the file was it."""
        if self._places is None:
            return self._dict.get(note_id)
        offset = note_id - self._low
        if not 0 <= offset < len(self._places):
            return None
        return self._places[offset] - 1 if self._places[offset] else None


_WIDEST_ARRAY = 1 << 24  # 64 MB of places


@dataclass
class _Held:
    """The writes a table's first pass found for one deck, to be made under the write lock."""

    deck_values: bool  # the deck is to be made, or its description or tags set
    forget: list[str] = field(default_factory=list)  # keys whose deletion --restore forgets
    writes: _Writes = field(default_factory=_Writes)
    added: list[tuple[int, NoteData, str]] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        """How many writes are held (about one a note)."""
        return (
            self.deck_values
            + len(self.forget)
            + len(self.writes)
            + len(self.added)
            + len(self.missing)
        )


@dataclass
class _StreamedDeck:
    """What storing a deck a batch at a time remembers between batches: no note objects, only
    which stored notes were met (a bit each) and the file line of each note kept (4 bytes).
    A first pass, made without the write lock, keeps what is to be written in `held`."""

    deck_id: int | None  # None: a first pass found no such deck
    info: DeckData  # the deck's name and what else the file says of it (no notes)
    report: DeckReport
    stored: int  # how many notes the deck held before
    newest: int  # notes with a larger id were added by this import
    met: _MetNotes
    deleted: set[str]  # keys of notes deleted in the app, left out of the import
    restorable: set[str]  # keys of notes deleted in the app that --restore brings back
    held: _Held | None = None
    lines: array = field(default_factory=lambda: array("I"))  # by position: the note's line
    pending: list[tuple[int, NoteData, str]] = field(default_factory=list)
    held_lines: dict[str, int] = field(default_factory=dict)  # keys of notes not stored yet


@dataclass(frozen=True)
class TableOptions:
    """How a table is stored: see `store_deck`'s `prefer_file` and `restore`; `changes`: list
    each note added, updated or missing in the report (a dry run shows them)."""

    prefer_file: PreferFile = False
    restore: bool = False
    changes: bool = False


Batches = Iterable[list[tuple[str, NoteData]]]  # a table's notes, with their decks' names


def store_table(
    connection: Connection,
    batches: Batches,
    now: datetime,
    report: ImportReport,
    advance: Advance | None,
    options: TableOptions,
    deck_info: DeckInfo = DeckData,
) -> None:
    """Store the notes of a table (in a write transaction) a batch at a time, as they are read.

    Each batch's notes are looked up by key among the stored ones and written before the next
    batch is read; repeats are found by the same lookup (a note added earlier in the file is
    stored by then). Notes new to a deck that had notes are held to the end, to be matched with
    the stored notes nothing else matched (edited text), as `store_deck` does; app edits are
    kept as `store_deck` keeps them; the review history of notes that carry one (an Anki package
    read a batch at a time) is merged as `store_deck` merges it.
    """
    reading = _Reading(iter(batches), deck_info, options, _newest(connection))
    try:
        _read_on(connection, reading, now, advance, hold=None)
    finally:
        reading.close()
    report.decks.extend(deck.report for deck in reading.decks.values())


HOLD_AT_MOST = 50_000  # notes a first pass keeps to write later; more: stored as read, locked
HOLD_BYTES_AT_MOST = 16 * 1024 * 1024  # nor more than about this much memory of notes
# About the memory a note read from a file takes (measured: a table's row about 400 bytes, an Anki
# note with one card and four reviews about 1,700): the held writes' weight.
_NOTE_BYTES, _CARD_BYTES, _REVIEW_BYTES = 350, 750, 140


def _note_bytes(note: NoteData) -> int:
    """About how much memory `note` takes, held."""
    cards = sum(_CARD_BYTES + _REVIEW_BYTES * len(card.reviews) for card in note.history)
    return _NOTE_BYTES + len(note.front) + len(note.back) + len(note.context) + cards


@dataclass
class _Reading:
    """A table being read a batch at a time: its decks so far, and the batches left to read."""

    rest: Iterator[list[tuple[str, NoteData]]]
    deck_info: DeckInfo
    options: TableOptions
    newest: int  # notes with a larger id were added by this import
    decks: dict[str, _StreamedDeck] = field(default_factory=dict)
    read: int = 0  # notes read so far
    held_bytes: int = 0  # about how much memory the notes whose writes are held take
    told: int = 0  # how far the progress was moved

    def close(self) -> None:
        """Let go of the file now, not when the reader is collected."""
        close = getattr(self.rest, "close", None)
        if close is not None:
            close()


@dataclass
class TablePlan:
    """A table read without the write lock: each deck's report, and what is to be written
    (`store_planned_table`), nothing if the file is as stored. An unfinished plan stopped
    reading once it held HOLD_AT_MOST notes' writes (or HOLD_BYTES_AT_MOST of them), or foretold
    it would: the rest of the file is read, and stored as it is read, under the lock."""

    reading: _Reading
    finished: bool
    fresh: bool = True  # not yet taken up by `store_planned_table`

    @property
    def decks(self) -> list[_StreamedDeck]:
        return list(self.reading.decks.values())

    @property
    def reports(self) -> list[DeckReport]:
        return [deck.report for deck in self.decks]

    @property
    def writes_nothing(self) -> bool:
        return self.finished and not any(deck.held for deck in self.decks)

    def written_ids(self) -> list[int]:
        """The stored notes the writes held write (see `DeckPlan.written_ids`)."""
        ids: list[int] = []
        for deck in self.decks:
            if deck.held is not None:
                writes = deck.held.writes
                ids += [old.id for old, *_ in writes.changed]
                ids += [old.id for old, *_ in writes.conflicts]
                ids += [note_id for _, note_id in writes.moved]
                ids += [note_id for _, note_id in writes.origins]
                ids += writes.settled
                ids += deck.held.missing
        return ids

    def discard(self, advance: Advance | None) -> None:
        """Let go of the plan (the collection changed since it was made): the notes it read
        are to be read again."""
        self.reading.close()
        if advance:
            advance(-self.reading.told)


def plan_table(
    connection: Connection,
    batches: Batches,
    now: datetime,
    advance: Advance | None,
    options: TableOptions,
    rows: int,
    deck_info: DeckInfo = DeckData,
    origins: Origins | None = None,
) -> TablePlan:
    """Read a table of about `rows` rows and work out what storing it writes, writing nothing,
    so that the write lock is taken only for the writes (none for an unchanged file). Reading
    stops when more than HOLD_AT_MOST notes (or HOLD_BYTES_AT_MOST of them) are to be written, or
    the batches read so far foretell it (a first import of a large table): held, they would take
    memory in proportion to the file. The plan is then unfinished: `store_planned_table` writes
    what it holds and stores the rest of the table as it reads it, from where the plan stopped.

    A table that can tell each row's origin without reading it into a note (`origins`) is first
    compared with the stored notes that way (`unchanged_table`): most re-imports are of a file
    as it was, and this is a fraction of matching its notes one by one."""
    if origins is not None:
        decks = unchanged_table(connection, origins, deck_info, advance)
        if decks is not None:
            reading = _Reading(iter(()), deck_info, options, 0, decks)
            return TablePlan(reading, finished=True)
    reading = _Reading(iter(batches), deck_info, options, _newest(connection))
    try:
        finished = _read_on(connection, reading, now, advance, hold=rows)
    except BaseException:
        reading.close()
        raise
    if finished:
        reading.close()
    return TablePlan(reading, finished)


def store_planned_table(
    connection: Connection,
    plan: TablePlan,
    now: datetime,
    report: ImportReport,
    advance: Advance | None,
) -> None:
    """Make the writes `plan_table` found (in a write transaction that saw nothing written
    since the plan was made), and store the rest of an unfinished plan's table as it is read."""
    plan.fresh = False
    try:
        for deck in plan.decks:
            _write_held(connection, deck, now, advance, more=not plan.finished)
        if not plan.finished:
            _read_on(connection, plan.reading, now, advance, hold=None)
    finally:
        plan.reading.close()
    report.decks.extend(plan.reports)


def _write_held(
    connection: Connection,
    deck: _StreamedDeck,
    now: datetime,
    advance: Advance | None,
    *,
    more: bool,
) -> None:
    """Write what a first pass held for `deck`, telling `advance` as it goes; from then on its
    notes are written as they are read (`more`: there are more to read, so the deck is made if
    it is new)."""
    held, deck.held = deck.held, None
    if held is None or not (held or more):
        return
    deck.deck_id = _deck_id(connection, deck.info, now)
    if held.forget:
        app_edits.forget_deleted(connection, deck.deck_id, held.forget)
    _write_matched(connection, held.writes, deck.deck_id, now, deck.report)
    if advance:
        advance(len(held.writes))
    _add_notes(connection, deck.deck_id, held.added, now, deck.report, advance)
    _mark_missing(connection, held.missing)


def _newest(connection: Connection) -> int:
    return connection.execute(select(func.max(notes_t.c.id))).scalar() or 0


def _read_on(
    connection: Connection,
    reading: _Reading,
    now: datetime,
    advance: Advance | None,
    *,
    hold: int | None,
) -> bool:
    """Read the rest of a table a batch at a time, each batch stored before the next is read,
    or its writes held (`hold`: the rows the table has, about); whether it was read to the end
    (False: more than HOLD_AT_MOST writes, or HOLD_BYTES_AT_MOST, are or would be at the rate
    so far held)."""
    decks = reading.decks
    for batch in reading.rest:
        reading.read += len(batch)
        before = _held_notes(decks)
        by_deck: dict[str, list[NoteData]] = {}
        for name, note in batch:
            by_deck.setdefault(name, []).append(note)
        for name, notes in by_deck.items():
            deck = decks.get(name)
            if deck is None:
                deck = decks[name] = _open_streamed(
                    connection,
                    reading.deck_info(name),
                    now,
                    reading.newest,
                    reading.options,
                    hold is not None,
                )
            _store_batch(connection, deck, notes, now, reading.options)
        held = _held_notes(decks)
        newly_held = max(0, held - before)
        if advance:  # the writes held are told when they are made
            step = STEPS_PER_ROW * len(batch) - newly_held
            reading.told += step
            advance(step)
        if newly_held:
            reading.held_bytes += newly_held * sum(_note_bytes(n) for _, n in batch) // len(batch)
        if hold is not None and _holds_too_much(held, reading.held_bytes, hold, reading.read):
            return False
    for deck in decks.values():
        _finish_streamed(connection, deck, now, reading.options, advance)
    return True


def unchanged_table(
    connection: Connection,
    origins: Origins,
    deck_info: DeckInfo,
    advance: Advance | None = None,
) -> dict[str, _StreamedDeck] | None:
    """The decks of a table that is, row for row, what its decks hold (each deck as storing the
    table would leave it, with nothing to write: every report says each note unchanged); None,
    having read no further than the first difference, for any other table, to be matched note by
    note (see storage/unchanged_rows.py)."""
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"

    def query(statement: str, values: tuple[Any, ...]) -> Iterable[tuple[Any, ...]]:
        return connection.exec_driver_sql(  # type: ignore[return-value]
            statement.replace("?", marker), values, execution_options={"stream_results": True}
        )

    found = unchanged_decks(query, origins, deck_info, advance)
    if found is None:
        return None
    return {
        name: _StreamedDeck(
            deck.deck_id,
            deck.info,
            deck.report,
            deck.report.unchanged,
            0,
            _MetNotes(0, 0),
            set(),
            set(),
        )
        for name, deck in found.items()
    }


def _held_notes(decks: dict[str, _StreamedDeck]) -> int:
    return sum(len(deck.held or ()) + len(deck.pending) for deck in decks.values())


def _holds_too_much(notes: int, weight: int, rows: int, read: int) -> bool:
    """Whether a first pass holding `notes` notes' writes of `weight` bytes, having read `read`
    of a table's `rows` rows, holds or will hold more than it may."""
    return any(
        held > most or held * rows > most * read
        for held, most in ((notes, HOLD_AT_MOST), (weight, HOLD_BYTES_AT_MOST))
    )


def _open_streamed(
    connection: Connection,
    info: DeckData,
    now: datetime,
    newest: int,
    options: TableOptions,
    hold: bool,
) -> _StreamedDeck:
    name = info.name
    held = None
    if hold:  # nothing written: a deck not made yet, or not as the table leaves it, is held
        values = deck_values(info)
        found = connection.execute(
            select(decks_t.c.id, *(decks_t.c[column] for column in values)).where(
                decks_t.c.name == name
            )
        ).first()
        deck_id = None if found is None else found[0]
        held = _Held(deck_values=found is None or tuple(found[1:]) != tuple(values.values()))
    else:
        deck_id = _deck_id(connection, info, now)
        connection.execute(_LOCK_DECK, {"deck_id": deck_id})
    count, low, high = connection.execute(_DECK_EXTENT, {"deck_id": deck_id}).one()
    deleted = app_edits.deleted_keys(connection, deck_id)
    return _StreamedDeck(
        deck_id,
        info,
        DeckReport(name),
        count,
        newest,
        _MetNotes(low or 0, high or 0),
        deleted=set() if options.restore else deleted,
        restorable=deleted if options.restore else set(),
        held=held,
    )


def _stored_by_key(
    connection: Connection,
    deck_id: int | None,
    keys: list[str],
    unread: set[str],
    *,
    lock: bool = False,
) -> dict[str, _Stored]:
    """The deck's stored notes of these keys; those in `unread` (notes an Anki package says
    nothing new of) without their text, as `_stored_notes_but` reads them; `lock`: locked
    until the transaction ends (a server)."""
    found: dict[str, _Stored] = {}
    if deck_id is None:
        return found
    brief = [key for key in keys if key in unread]
    for start in range(0, len(brief), KEYS_PER_LOOKUP):
        rows = _brief_rows(connection, deck_id, brief[start : start + KEYS_PER_LOOKUP], lock)
        found.update((row[1], _brief(*row)) for row in rows)
    rest = [key for key in keys if key not in unread]
    statement = _STORED_BY_KEY_LOCKED if lock else _STORED_BY_KEY
    for start in range(0, len(rest), KEYS_PER_LOOKUP):
        rows = connection.execute(
            statement, {"deck_id": deck_id, "keys": rest[start : start + KEYS_PER_LOOKUP]}
        ).all()
        found.update((row[1], _Stored(*row)) for row in rows)  # type: ignore[arg-type]
    return found


def _brief_rows(connection: Connection, deck_id: int, keys: list[str], lock: bool) -> list[tuple]:  # type: ignore[type-arg]
    """The `_BRIEF_COLUMNS` of the deck's notes of these keys, as plain tuples: a re-import of
    an unchanged package looks up every note this way, and SQLAlchemy's work on each statement
    (its expanding list of keys) cost as much as the database's."""
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = (
        f"SELECT {', '.join(quote(name) for name in _BRIEF_COLUMNS)} FROM {quote(notes_t.name)} "
        f"WHERE {quote('deck_id')} = {marker} "
        f"AND {quote('key')} IN ({', '.join([marker] * len(keys))})"
    )
    if lock and connection.dialect.name != "sqlite":
        statement += " FOR UPDATE"
    rows = connection.exec_driver_sql(statement, (deck_id, *keys)).fetchall()
    return rows  # type: ignore[return-value]


def _store_batch(
    connection: Connection,
    deck: _StreamedDeck,
    notes: list[NoteData],
    now: datetime,
    options: TableOptions,
) -> None:
    report = deck.report
    keys = [note.key for note in notes]
    if options.restore:
        if deck.held is None:
            app_edits.forget_deleted(connection, deck.deck_id, keys)  # type: ignore[arg-type]
        else:
            deck.held.forget += [key for key in keys if key in deck.restorable]
    unread = {key for note, key in zip(notes, keys, strict=True) if note.as_imported}
    found = _stored_by_key(connection, deck.deck_id, keys, unread, lock=deck.held is None)
    first_lines: dict[str, int] = {}
    new_rows: list[tuple[int, NoteData, str]] = []
    writes = _Writes()
    for note, key in zip(notes, keys, strict=True):
        old = found.get(key)
        first = first_lines.get(key, deck.held_lines.get(key))
        if first is None and old is not None:
            if old.id > deck.newest:  # added earlier in this file
                first = deck.lines[old.position]
            elif (met := deck.met.position(old.id)) is not None:  # met earlier in this file
                first = deck.lines[met]
        if first is not None:
            report.skipped.append(duplicate(note, first))
            continue
        first_lines[key] = note.line
        if key in deck.deleted:
            report.kept_deleted.append(note)
            deck.held_lines[key] = note.line
            continue
        position = len(deck.lines)
        deck.lines.append(note.line)
        if old is not None:
            deck.met.add(old.id, position)
            match = (old, note, key, position)
            _take_matched(
                writes,
                report,
                match,
                _verdict(old, note, key),
                prefer_file=options.prefer_file,
                changes=options.changes,
            )
            if note.history:
                writes.histories.append((old.id, note.history))
        elif note.as_imported:
            raise StaleOrigin(key)  # its stored note is gone since the package was read
        elif deck.stored and not note.id:
            deck.pending.append((position, note, key))  # perhaps a stored note, edited
            deck.held_lines[key] = note.line
        else:
            new_rows.append((position, note, key))
    _write_or_hold(connection, deck, writes, new_rows, now, options)


def _write_or_hold(
    connection: Connection,
    deck: _StreamedDeck,
    writes: _Writes,
    rows: list[tuple[int, NoteData, str]],
    now: datetime,
    options: TableOptions,
    advance: Advance | None = None,
    matched: int = 0,
) -> None:
    """Write a batch's changes and new notes, or hold them for later (a first pass); `advance`
    is told of the `matched` notes once written, then of the new ones as they are written."""
    deck.report.added += len(rows)
    if options.changes:
        deck.report.changes.extend(("added", note) for _, note, _ in rows)
    held = deck.held
    if held is None:
        assert deck.deck_id is not None  # made when the deck was opened
        _write_matched(connection, writes, deck.deck_id, now, deck.report)
        if advance and matched:
            advance(matched)
        _add_notes(connection, deck.deck_id, rows, now, deck.report, advance)
        return
    held.writes.extend(writes)
    held.added += rows
    for _, note, key in rows:
        deck.held_lines[key] = note.line  # not stored: a repeat further down is found here


def _finish_streamed(
    connection: Connection,
    deck: _StreamedDeck,
    now: datetime,
    options: TableOptions,
    advance: Advance | None,
) -> None:
    """The deck's stored notes no note of the file was: edited ones among the notes held back,
    the others missing. The notes held back were told read, not written: they are told as they
    are written (or, by a first pass, as its held writes are made)."""
    unmatched: dict[str, _Stored] = {}
    if deck.met.count < deck.stored:
        statement = _STORED_LOCKED if deck.held is None else _STORED
        result = connection.execute(statement, {"deck_id": deck.deck_id})
        for part in result.partitions(_ROWS_AT_ONCE):
            for row in part:
                if row[0] <= deck.newest and deck.met.position(row[0]) is None:
                    unmatched[row[1]] = _Stored(*row)  # type: ignore[arg-type]
    if deck.pending:
        fresh = [note for _, note, _ in deck.pending]
        matched: dict[int, _Stored] = {}
        _match_edited(fresh, matched, unmatched)
        writes = _Writes()
        for index, (position, note, key) in enumerate(deck.pending):
            if index in matched:
                old = matched[index]
                _take_matched(
                    writes,
                    deck.report,
                    (old, note, key, position),
                    _verdict(old, note, key),
                    prefer_file=options.prefer_file,
                    changes=options.changes,
                )
                if note.history:
                    writes.histories.append((old.id, note.history))
        added = [row for index, row in enumerate(deck.pending) if index not in matched]
        deck.pending = []
        _write_or_hold(connection, deck, writes, added, now, options, advance, len(matched))
    gone = _missing(unmatched.values(), deck.report, changes=options.changes)
    if deck.held is None:
        _mark_missing(connection, gone)
    else:
        deck.held.missing = gone
