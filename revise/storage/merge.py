"""Storing decks read from files: add new notes, update changed ones in place, keep every review.

A note is matched to what is stored by its key (explicit id, or a hash of its normalised meaning);
a note whose text changed beyond case and punctuation (a fixed typo) is matched to the stored note
it most resembles (revise.storage.matching), so its cards keep their history. A note that only
moved in the file counts as unchanged. Notes gone from the file are reported and
their cards suspended, never deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath

from sqlalchemy import Connection, bindparam, insert, select, update

from revise.formats.model import (
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ScheduleData,
    SourceRef,
    card_faces,
)
from revise.storage.models import (
    NOT_SUSPENDED,
    SUSPENDED,
    SUSPENDED_MISSING,
    Card,
    Deck,
    Note,
    Review,
)
from revise.textsafe import inert

decks_t = Deck.__table__
notes_t = Note.__table__
cards_t = Card.__table__
reviews_t = Review.__table__

Advance = Callable[[int], None]  # told how many more notes were stored


@dataclass
class DeckReport:
    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[NoteData] = field(default_factory=list)
    reviews: int = 0
    changes: list[tuple[str, NoteData]] = field(default_factory=list)  # ("added", note), ...

    def summary(self) -> str:
        line = (
            f"{inert(self.name)}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.missing} missing"
        )
        if self.reviews:
            line += f", {self.reviews} reviews"
        if self.skipped:
            line += f", {len(self.skipped)} skipped"
        return line


@dataclass
class ImportReport:
    decks: list[DeckReport] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total_added(self) -> int:
        return sum(deck.added for deck in self.decks)

    @property
    def total_updated(self) -> int:
        return sum(deck.updated for deck in self.decks)

    @property
    def total_unchanged(self) -> int:
        return sum(deck.unchanged for deck in self.decks)

    @property
    def total_missing(self) -> int:
        return sum(deck.missing for deck in self.decks)

    def __str__(self) -> str:
        lines = [deck.summary() for deck in self.decks]
        for deck in self.decks:
            lines.extend(f"  skipped: {inert(reason)}" for reason in deck.skipped)
        if self.dry_run:
            lines.append("dry run: nothing was changed")
        return "\n".join(lines)


@dataclass
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
    skipped: list[str]
    matched: dict[int, _Stored]  # incoming index -> the stored note it is
    unmatched: dict[str, _Stored]  # stored notes no incoming note is, by key
    unchanged: set[int]  # incoming indexes whose stored note is already the same


def _stored_rows(connection: Connection, deck_id: int | None) -> list[tuple[object, ...]]:
    if deck_id is None:
        return []
    return [tuple(row) for row in connection.execute(_STORED, {"deck_id": deck_id})]


def plan_deck(connection: Connection, deck: DeckData) -> DeckPlan:
    """Match `deck`'s notes to the stored ones; reads only."""
    deck_id = connection.execute(select(decks_t.c.id).where(decks_t.c.name == deck.name)).scalar()
    rows = _stored_rows(connection, deck_id)
    stored = {row[1]: _Stored(*row) for row in rows}  # type: ignore[arg-type]
    scratch = DeckReport(deck.name)
    incoming = _unique_notes(deck.notes, scratch)
    matched: dict[int, _Stored] = {}
    for index, note in enumerate(incoming):
        found = stored.pop(note.key, None)
        if found is not None:
            matched[index] = found
    _match_edited(incoming, matched, stored)
    return DeckPlan(
        deck_id=deck_id,
        snapshot=hash(tuple(rows)),
        incoming=incoming,
        skipped=scratch.skipped,
        matched=matched,
        unmatched=stored,
        unchanged={index for index, old in matched.items() if _same(old, incoming[index])},
    )


def store_deck(
    connection: Connection,
    deck: DeckData,
    now: datetime,
    report: DeckReport,
    advance: Advance | None = None,
    plan: DeckPlan | None = None,
) -> None:
    """Store `deck` (in a write transaction), by `plan` if the deck's notes are as it saw them."""
    deck_id = _deck_id(connection, deck, now)
    if (
        plan is None
        or plan.deck_id not in (None, deck_id)
        or plan.snapshot != hash(tuple(_stored_rows(connection, deck_id)))
    ):
        plan = plan_deck(connection, deck)
    report.skipped.extend(plan.skipped)
    report.notes = incoming = plan.incoming
    matched, stored = plan.matched, plan.unmatched

    new_rows: list[tuple[int, NoteData]] = []
    moved: list[dict[str, int]] = []
    for position, note in enumerate(incoming):
        old = matched.get(position)
        if old is None:
            new_rows.append((position, note))
            continue
        if position in plan.unchanged:
            report.unchanged += 1  # at most moved: the card is what it was
            if old.position != position:
                moved.append({"note": old.id, "to": position})
        else:
            _update_note(connection, old, note, position, deck_id, now)
            report.updated += 1
            report.changes.append(("updated", note))
        if note.history:
            report.reviews += _merge_history(connection, old.id, note.history)
        if advance:
            advance(1)
    _move_notes(connection, moved)
    _add_notes(connection, deck_id, new_rows, now, report)
    if advance and new_rows:
        advance(len(new_rows))
    report.added += len(new_rows)
    report.changes.extend(("added", note) for _, note in new_rows)
    gone = [old for old in stored.values() if not old.missing]
    report.missing += len(gone)
    report.changes.extend(
        ("missing", NoteData(NoteKind(old.kind), old.front, old.back, context=old.context))
        for old in gone
    )
    if gone:
        ids = [old.id for old in gone]
        connection.execute(update(notes_t).where(notes_t.c.id.in_(ids)).values(missing=True))
        connection.execute(
            update(cards_t)
            .where(cards_t.c.note_id.in_(ids), cards_t.c.suspended == NOT_SUSPENDED)
            .values(suspended=SUSPENDED_MISSING)
        )


def _deck_id(connection: Connection, deck: DeckData, now: datetime) -> int:
    deck_id = connection.execute(select(decks_t.c.id).where(decks_t.c.name == deck.name)).scalar()
    values = {
        "description": deck.description,
        "tags": " ".join(deck.tags),
    }
    if deck.source is not None:  # a file that cannot tell (an Anki package) keeps the source
        values["source"] = deck.source
    if deck_id is None:
        return connection.execute(
            insert(decks_t).values(name=deck.name, created_at=now, **values).returning(decks_t.c.id)
        ).scalar_one()
    connection.execute(update(decks_t).where(decks_t.c.id == deck_id).values(**values))
    return deck_id


def _unique_notes(notes: list[NoteData], report: DeckReport) -> list[NoteData]:
    seen: dict[str, NoteData] = {}
    unique = []
    for note in notes:
        key = note.key
        if key in seen:
            first = seen[key]
            where = f"line {note.line}" if note.line else "a note"
            report.skipped.append(
                f"{where}: same card as line {first.line}" if first.line else f"{where}: duplicate"
            )
            continue
        seen[key] = note
        unique.append(note)
    report.notes = unique
    return unique


def _match_edited(
    incoming: list[NoteData], matched: dict[int, _Stored], stored: dict[str, _Stored]
) -> None:
    """Pair notes new to the file with stored notes they closely resemble (edited text)."""
    from revise.storage.matching import Text, match_edited

    candidates = [old for old in stored.values() if not old.explicit]
    fresh = [i for i, note in enumerate(incoming) if i not in matched and not note.id]
    pairs = match_edited(
        [Text.of(old.kind, old.front, old.back) for old in candidates],
        [Text.of(incoming[i].kind.value, incoming[i].front, incoming[i].back) for i in fresh],
    )
    for fresh_index, choice in pairs.items():
        matched[fresh[fresh_index]] = stored.pop(candidates[choice].key)


def _same(old: _Stored, note: NoteData) -> bool:
    return (
        old.key == note.key
        and old.kind == note.kind.value
        and _same_front(old.front, note)
        and old.back == note.back
        and old.context == note.context
        and old.tags == " ".join(note.tags)
        and _same_source(old.source, note.source)
        and set(old.media.splitlines()) == set(note.media)
        and not old.missing
    )


_MOVE_NOTE = (
    update(notes_t).where(notes_t.c.id == bindparam("note")).values(position=bindparam("to"))
)
_MOVE_CARDS = (
    update(cards_t).where(cards_t.c.note_id == bindparam("note")).values(position=bindparam("to"))
)


def _move_notes(connection: Connection, moved: list[dict[str, int]]) -> None:
    """New places in the deck's order for notes that only moved in the file."""
    if moved:
        connection.execute(_MOVE_NOTE, moved)
        connection.execute(_MOVE_CARDS, moved)


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


def _note_values(note: NoteData, position: int) -> dict[str, object]:
    return {
        "key": note.key,
        "explicit_key": bool(note.id),
        "kind": note.kind.value,
        "front": note.front,
        "back": note.back,
        "context": note.context,
        "tags": " ".join(note.tags),
        "source": str(note.source) if note.source else None,
        "media": "\n".join(note.media),
        "position": position,
        "missing": False,
    }


def _update_note(
    connection: Connection,
    old: _Stored,
    note: NoteData,
    position: int,
    deck_id: int,
    now: datetime,
) -> None:
    connection.execute(
        update(notes_t)
        .where(notes_t.c.id == old.id)
        .values(updated_at=now, **_note_values(note, position))
    )
    connection.execute(update(cards_t).where(cards_t.c.note_id == old.id).values(position=position))
    ordinals = {face.ordinal for face in card_faces(note)}
    existing = set(
        connection.execute(select(cards_t.c.ordinal).where(cards_t.c.note_id == old.id)).scalars()
    )
    added = sorted(ordinals - existing)
    if added:
        connection.execute(
            insert(cards_t),
            [_new_card(old.id, deck_id, position, ordinal, now, None) for ordinal in added],
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


def _new_card(
    note_id: int,
    deck_id: int,
    position: int,
    ordinal: int,
    now: datetime,
    history: CardHistory | None,
) -> dict[str, object]:
    row: dict[str, object] = {
        "note_id": note_id,
        "deck_id": deck_id,
        "position": position,
        "ordinal": ordinal,
        "state": 0,
        "step": None,
        "stability": None,
        "difficulty": None,
        "due": None,
        "last_review": None,
        "reps": 0,
        "lapses": 0,
        "suspended": NOT_SUSPENDED,
        "buried_until": None,
        "created_at": now,
    }
    if history is not None:
        row["suspended"] = SUSPENDED if history.suspended else NOT_SUSPENDED
        schedule = history.schedule
        if schedule is not None:
            row.update(_schedule_values(schedule))
    return row


def _schedule_values(schedule: ScheduleData) -> dict[str, object]:
    return {
        "state": schedule.state,
        "step": schedule.step,
        "stability": schedule.stability,
        "difficulty": schedule.difficulty,
        "due": schedule.due,
        "last_review": schedule.last_review,
        "reps": schedule.reps,
        "lapses": schedule.lapses,
    }


def _add_notes(
    connection: Connection,
    deck_id: int,
    rows: list[tuple[int, NoteData]],
    now: datetime,
    report: DeckReport,
) -> None:
    if not rows:
        return
    note_rows = [
        {"deck_id": deck_id, "created_at": now, "updated_at": now, **_note_values(note, position)}
        for position, note in rows
    ]
    ids = (
        connection.execute(
            insert(notes_t).returning(notes_t.c.id, sort_by_parameter_order=True), note_rows
        )
        .scalars()
        .all()
    )
    card_rows = []
    histories: list[tuple[int, int, CardHistory]] = []
    for note_id, (position, note) in zip(ids, rows, strict=True):
        by_ordinal = {history.ordinal: history for history in note.history}
        for face in card_faces(note):
            history = by_ordinal.get(face.ordinal)
            card_rows.append(_new_card(note_id, deck_id, position, face.ordinal, now, history))
            if history is not None and history.reviews:
                histories.append((note_id, face.ordinal, history))
    connection.execute(insert(cards_t), card_rows)
    if histories:
        report.reviews += _insert_reviews(connection, histories)


def _insert_reviews(connection: Connection, histories: list[tuple[int, int, CardHistory]]) -> int:
    note_ids = list({note_id for note_id, _, _ in histories})
    card_ids = {
        (note_id, ordinal): card_id
        for card_id, note_id, ordinal in connection.execute(
            select(cards_t.c.id, cards_t.c.note_id, cards_t.c.ordinal).where(
                cards_t.c.note_id.in_(note_ids)
            )
        )
    }
    known = {
        (card_id, reviewed_at)
        for card_id, reviewed_at in connection.execute(
            select(reviews_t.c.card_id, reviews_t.c.reviewed_at).where(
                reviews_t.c.card_id.in_(list(card_ids.values()))
            )
        )
    }
    rows = []
    for note_id, ordinal, history in histories:
        card_id = card_ids[(note_id, ordinal)]
        for review in history.reviews:
            if (card_id, review.time) in known:
                continue
            known.add((card_id, review.time))
            rows.append(
                {
                    "card_id": card_id,
                    "reviewed_at": review.time,
                    "rating": review.rating,
                    "duration_ms": review.duration_ms,
                    "origin": "import",
                }
            )
    if rows:
        connection.execute(insert(reviews_t), rows)
    return len(rows)


def _merge_history(connection: Connection, note_id: int, histories: list[CardHistory]) -> int:
    """A newer export of a deck brings newer reviews and states: take them, keep ours too."""
    added = _insert_reviews(connection, [(note_id, h.ordinal, h) for h in histories])
    for history in histories:
        schedule = history.schedule
        if schedule is None or schedule.last_review is None:
            continue
        ours = connection.execute(
            select(cards_t.c.last_review).where(
                cards_t.c.note_id == note_id, cards_t.c.ordinal == history.ordinal
            )
        ).scalar()
        if ours is None or schedule.last_review > ours:
            connection.execute(
                update(cards_t)
                .where(cards_t.c.note_id == note_id, cards_t.c.ordinal == history.ordinal)
                .values(_schedule_values(schedule))
            )
    return added
