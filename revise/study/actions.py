"""What the card browser and the review screen do to cards, each action one transaction, and
each undoable, newest first, as Anki's Ctrl+Z is.

Suspend, bury, flag, tag, move, reset, set a due date, delete: on one card or a selection. Before
it writes, an action keeps what it is about to change (the columns it sets, or every row it
deletes) in an undo journal held by the collection object that did it: undo puts those values
back, in one transaction. Undo restores only what the action changed: an answer given since,
here or in another window, is kept. Another window's actions are not this one's to undo.
"""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from revise.errors import ReviseError
from revise.scheduling.queue import StudyDay
from revise.scheduling.scheduler import NEW, REVIEW
from revise.storage import engine as storage
from revise.storage.app_edits import NOT_AS_READ, remember_deleted
from revise.storage.folding import FOLDED_COLUMNS, folded
from revise.storage.models import (
    FLAGS,
    NOT_SUSPENDED,
    SUSPENDED,
    Card,
    Deck,
    DeletedNote,
    Note,
    Review,
)
from revise.study.search import day_start
from revise.textsafe import quoted

cards_t = Card.__table__
notes_t = Note.__table__
decks_t = Deck.__table__
reviews_t = Review.__table__
deleted_t = DeletedNote.__table__

MEMORY = ("state", "step", "stability", "difficulty", "due", "last_review")
MAX_DUE_DAYS = 36500
FLAG_NAMES = ", ".join(FLAGS.values())
_DUE_SPEC = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


@dataclass
class _Change:
    """Rows of one table as they were before an action: restored (or put back) by undo."""

    table: Table
    rows: list[dict[str, object]]
    deleted: bool = False  # the rows were deleted: undo inserts them again
    inserted: bool = False  # the rows were added: undo deletes them


@dataclass
class Entry:
    """One action in the undo journal."""

    description: str  # "Suspended 3 cards", shown when it is done and when it is undone
    changes: list[_Change] = field(default_factory=list)
    new_deck: int | None = None  # a deck the action made: removed on undo if left empty


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class CardActions:
    """`col.actions`: the actions, and the journal of those done through this collection."""

    def __init__(self, engine: Engine, lock: threading.RLock, day: Callable[[], StudyDay]) -> None:
        self._engine = engine
        self._lock = lock
        self._day = day
        self._journal: list[Entry] = []

    # -- the journal ---------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._journal)

    def undo(self) -> str | None:
        """Take back the newest action done here; returns what it was, or None if none is left."""
        with self._lock:
            if not self._journal:
                return None
            entry = self._journal[-1]
            try:
                with storage.writing(self._engine) as connection:
                    _restore(connection, entry)
            except IntegrityError:
                self._journal.pop()
                raise ReviseError(
                    f"cannot undo '{entry.description}': a re-import brought those cards back "
                    "meanwhile; nothing was undone"
                ) from None
            self._journal.pop()
        return entry.description

    def _run(self, description: str, act: Callable[[Connection, Entry], None]) -> str:
        """Run `act` in one write transaction; journal what it changed. Returns `description`."""
        entry = Entry(description)
        with self._lock:
            with storage.writing(self._engine) as connection:
                act(connection, entry)
            if entry.changes:
                self._journal.append(entry)
        return entry.description

    # -- the actions ---------------------------------------------------------------------------

    def set_suspended(self, card_ids: Sequence[int], suspended: bool) -> str:
        value = SUSPENDED if suspended else NOT_SUSPENDED
        verb = "Suspended" if suspended else "Unsuspended"
        return self._set_cards(card_ids, f"{verb} {plural(len(card_ids), 'card')}", suspended=value)

    def set_buried(self, card_ids: Sequence[int], buried: bool) -> str:
        """Bury until the next study day starts (or take the cards out of it)."""
        until = self._day().end if buried else None
        verb = "Buried" if buried else "Unburied"
        return self._set_cards(
            card_ids, f"{verb} {plural(len(card_ids), 'card')}", buried_until=until
        )

    def bury_notes(self, card_ids: Sequence[int]) -> str:
        """Bury every card of the cards' notes until the next study day."""
        with self._lock, storage.reading(self._engine) as connection:
            siblings = _note_card_ids(connection, card_ids)
            notes = plural(len(_note_ids(connection, card_ids)), "note")
        until = self._day().end
        return self._set_cards(
            siblings, f"Buried {notes} ({plural(len(siblings), 'card')})", buried_until=until
        )

    def flag(self, card_ids: Sequence[int], flag: int) -> str:
        if flag != 0 and flag not in FLAGS:
            raise ReviseError(
                f"no flag {flag} (0 removes the flag; 1 to 4: red, orange, green, blue)"
            )
        what = (
            f"Flagged {plural(len(card_ids), 'card')} {FLAGS[flag]}"
            if flag
            else (f"Removed the flag of {plural(len(card_ids), 'card')}")
        )
        return self._set_cards(card_ids, what, flag=flag)

    def reset(self, card_ids: Sequence[int]) -> str:
        """Make cards new again, as if never studied; their reviews stay in the log."""
        return self._set_cards(
            card_ids,
            f"Reset {plural(len(card_ids), 'card')} to new",
            state=NEW,
            step=None,
            stability=None,
            difficulty=None,
            due=None,
            last_review=None,
        )

    def set_due(self, card_ids: Sequence[int], days: str) -> str:
        """Due in `days` study days (`0` today, `3`, or a range `1-7` spread over the cards).

        A card studied at least once becomes a review card due then; new cards have no memory
        for the scheduler to work from yet and are left new.
        """
        match = _DUE_SPEC.fullmatch(days)
        if match is None:
            raise ReviseError(
                f"due date {quoted(days)}: want days from today, e.g. 0 (today), 3, or a range 1-7"
            )
        low = int(match[1])
        high = int(match[2]) if match[2] else low
        if high < low or high > MAX_DUE_DAYS:
            raise ReviseError(
                f"due date {quoted(days)}: want a range from low to high, up to {MAX_DUE_DAYS}"
            )
        day = self._day()

        def act(connection: Connection, entry: Entry) -> None:
            studied = list(
                connection.execute(
                    select(cards_t.c.id).where(
                        cards_t.c.id.in_(card_ids),
                        cards_t.c.state != NEW,
                        cards_t.c.stability.is_not(None),
                    )
                ).scalars()
            )
            left = len(card_ids) - len(studied)
            entry.description = f"Set the due date of {plural(len(studied), 'card')}" + (
                f" ({plural(left, 'new card')} left new: study them first)" if left else ""
            )
            if not studied:
                return
            _keep(connection, entry, cards_t, studied, ("state", "step", "due"))
            rng = random.Random(sum(studied))
            connection.execute(
                update(cards_t).where(cards_t.c.id == bindparam("card_id")),
                [
                    {
                        "card_id": card_id,
                        "state": REVIEW,
                        "step": None,
                        "due": day_start(day, rng.randint(low, high)),
                    }
                    for card_id in studied
                ],
            )

        return self._run("", act)

    def add_tags(self, card_ids: Sequence[int], tags: Sequence[str]) -> str:
        wanted = _tag_words(tags)
        return self._retag(
            card_ids,
            lambda old: (
                old + [tag for tag in wanted if tag.lower() not in {t.lower() for t in old}]
            ),
            f"Tagged {{notes}} {' '.join(wanted)}",
        )

    def remove_tags(self, card_ids: Sequence[int], tags: Sequence[str]) -> str:
        unwanted = {tag.lower() for tag in _tag_words(tags)}
        return self._retag(
            card_ids,
            lambda old: [tag for tag in old if tag.lower() not in unwanted],
            f"Removed {' '.join(_tag_words(tags))} from {{notes}}",
        )

    def move(self, card_ids: Sequence[int], deck: str) -> str:
        """Put cards in `deck` (made if there is none of that name). Their notes stay where
        they came from, so re-importing the deck file still updates them."""
        deck = deck.strip()
        if not deck or any(not part.strip() for part in deck.split("::")):
            raise ReviseError(
                f"deck name {quoted(deck)}: want a name such as French or French::Verbs"
            )

        def act(connection: Connection, entry: Entry) -> None:
            deck_id = connection.execute(
                select(decks_t.c.id).where(decks_t.c.name == deck)
            ).scalar()
            if deck_id is None:
                deck_id = connection.execute(
                    insert(decks_t).values(name=deck, description="", tags="")
                ).inserted_primary_key[0]
                entry.new_deck = deck_id
            _keep(connection, entry, cards_t, card_ids, ("deck_id",))
            connection.execute(
                update(cards_t).where(cards_t.c.id.in_(card_ids)).values(deck_id=deck_id)
            )

        return self._run(f"Moved {plural(len(card_ids), 'card')} to {deck}", act)

    def delete(self, card_ids: Sequence[int]) -> str:
        """Delete the notes of these cards, with all their cards and reviews (as Anki's browser
        deletes notes). The deletion is remembered, so re-importing a file that still has the
        notes does not bring them back (unless --restore, revise/storage/app_edits.py)."""
        now = self._day().now

        def act(connection: Connection, entry: Entry) -> None:
            note_ids = list(
                connection.execute(
                    select(cards_t.c.note_id).where(cards_t.c.id.in_(card_ids)).distinct()
                ).scalars()
            )
            all_cards = list(
                connection.execute(
                    select(cards_t.c.id).where(cards_t.c.note_id.in_(note_ids))
                ).scalars()
            )
            review_rows = _rows(connection, reviews_t, reviews_t.c.card_id.in_(all_cards))
            card_rows = _rows(connection, cards_t, cards_t.c.id.in_(all_cards))
            note_rows = _rows(connection, notes_t, notes_t.c.id.in_(note_ids))
            fresh = set(remember_deleted(connection, note_ids, now))
            remembered = [
                row
                for row in _rows(
                    connection, deleted_t, deleted_t.c.key.in_({key for _, key in fresh})
                )
                if (row["deck_id"], row["key"]) in fresh
            ]
            # Put back in this order: notes, then their cards, then the reviews; and forget
            # that they were deleted.
            entry.changes += [
                _Change(notes_t, note_rows, deleted=True),
                _Change(cards_t, card_rows, deleted=True),
                _Change(reviews_t, review_rows, deleted=True),
                _Change(deleted_t, remembered, inserted=True),
            ]
            connection.execute(delete(reviews_t).where(reviews_t.c.card_id.in_(all_cards)))
            connection.execute(delete(cards_t).where(cards_t.c.id.in_(all_cards)))
            connection.execute(delete(notes_t).where(notes_t.c.id.in_(note_ids)))
            entry.description = (
                f"Deleted {plural(len(note_ids), 'note')} ({plural(len(all_cards), 'card')}, "
                f"{plural(len(review_rows), 'review')})"
            )

        return self._run("", act)

    def deletion_size(self, card_ids: Sequence[int]) -> tuple[int, int, int]:
        """(notes, cards, reviews) that deleting these cards' notes would remove."""
        with self._lock, storage.reading(self._engine) as connection:
            all_cards = _note_card_ids(connection, card_ids)
            reviews = connection.execute(
                select(func.count()).where(reviews_t.c.card_id.in_(all_cards))
            ).scalar_one()
            notes = len(_note_ids(connection, card_ids))
        return notes, len(all_cards), reviews

    # -- helpers -------------------------------------------------------------------------------

    def _set_cards(self, card_ids: Sequence[int], description: str, **values: object) -> str:
        def act(connection: Connection, entry: Entry) -> None:
            _keep(connection, entry, cards_t, card_ids, tuple(values))
            connection.execute(update(cards_t).where(cards_t.c.id.in_(card_ids)).values(**values))

        return self._run(description, act)

    def _retag(
        self,
        card_ids: Sequence[int],
        change: Callable[[list[str]], list[str]],
        description: str,
    ) -> str:
        def act(connection: Connection, entry: Entry) -> None:
            note_ids = list(
                connection.execute(
                    select(cards_t.c.note_id).where(cards_t.c.id.in_(card_ids)).distinct()
                ).scalars()
            )
            _keep(connection, entry, notes_t, note_ids, ("tags", FOLDED_COLUMNS["tags"]))
            rows = connection.execute(
                select(notes_t.c.id, notes_t.c.tags).where(notes_t.c.id.in_(note_ids))
            ).all()
            changed = []
            for note_id, tags in rows:
                values = {"tags": " ".join(change(tags.split()))}
                changed.append({"note_id": note_id} | values | folded(values) | NOT_AS_READ)
            if changed:
                connection.execute(
                    update(notes_t).where(notes_t.c.id == bindparam("note_id")), changed
                )
            entry.description = description.format(notes=plural(len(note_ids), "note"))

        return self._run(description, act)


def _lowered(tags: list[str]) -> set[str]:
    return {tag.lower() for tag in tags}


def _tag_words(tags: Sequence[str]) -> list[str]:
    words = [word for tag in tags for word in tag.split()]
    if not words:
        raise ReviseError("no tags given (type tags separated by spaces)")
    return list(dict.fromkeys(words))


def _rows(connection: Connection, table: Table, condition) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return [dict(row._mapping) for row in connection.execute(select(table).where(condition))]


def _keep(
    connection: Connection,
    entry: Entry,
    table: Table,
    ids: Sequence[int],
    columns: tuple[str, ...],
) -> None:
    """Journal the `columns` of the rows `ids` of `table` as they are now."""
    rows = connection.execute(
        select(table.c.id, *(table.c[name] for name in columns)).where(table.c.id.in_(ids))
    ).all()
    entry.changes.append(_Change(table, [dict(row._mapping) for row in rows]))


def _restore(connection: Connection, entry: Entry) -> None:
    for change in entry.changes:
        if not change.rows:
            continue
        if change.deleted:
            connection.execute(insert(change.table), change.rows)
            continue
        if change.inserted:
            ids = [row["id"] for row in change.rows]
            connection.execute(delete(change.table).where(change.table.c.id.in_(ids)))
            continue
        columns = [name for name in change.rows[0] if name != "id"]
        connection.execute(
            update(change.table)
            .where(change.table.c.id == bindparam("row_id"))
            .values({name: bindparam(f"old_{name}") for name in columns}),
            [
                {"row_id": row["id"], **{f"old_{name}": row[name] for name in columns}}
                for row in change.rows
            ],
        )
    if entry.new_deck is not None:
        still_used = connection.execute(
            select(cards_t.c.id).where(cards_t.c.deck_id == entry.new_deck).limit(1)
        ).first()
        notes_in_it = connection.execute(
            select(notes_t.c.id).where(notes_t.c.deck_id == entry.new_deck).limit(1)
        ).first()
        if still_used is None and notes_in_it is None:
            connection.execute(delete(decks_t).where(decks_t.c.id == entry.new_deck))


def _note_card_ids(connection: Connection, card_ids: Sequence[int]) -> list[int]:
    notes = select(cards_t.c.note_id).where(cards_t.c.id.in_(card_ids))
    return list(
        connection.execute(select(cards_t.c.id).where(cards_t.c.note_id.in_(notes))).scalars()
    )


def _note_ids(connection: Connection, card_ids: Sequence[int]) -> list[int]:
    return list(
        connection.execute(
            select(cards_t.c.note_id).where(cards_t.c.id.in_(card_ids)).distinct()
        ).scalars()
    )
