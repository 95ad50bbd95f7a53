"""Leeches, as Anki has them: cards forgotten so often that reviewing them wastes time.

A card becomes a leech when it lapses (Again on a card in the review state) for the
`leech_threshold`-th time, and again every half threshold (rounded up) after that: 8, 12, 16...
with the default of 8. Its note is tagged `leech`, and with `leech_action = "suspend"` the card
is suspended, so the user rewrites or drops it. The answer's review row records what was done
(`Review.leech`), so undoing that answer takes it back.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, text, update

from revise.storage.app_edits import NOT_AS_READ
from revise.storage.folding import folded
from revise.storage.models import NOT_SUSPENDED, SUSPENDED, Card, Note, Review
from revise.storage.values import LEECH_PUT_OFF, LEECH_TAG, PUT_OFF_REVIEWS, has_leech_tag

cards_t = Card.__table__
notes_t = Note.__table__
reviews_t = Review.__table__

# Bits of Review.leech: what the answer did.
MADE_LEECH = 4  # the answer made the card a leech (set whenever the others may be)
TAGGED = 1  # the note was tagged `leech` by this answer (it was not before)
SUSPENDED_NOW = 2  # the card was suspended by this answer
# Put off until an import on a server that holds the note lets go of it (_tag_later): done within
# the answer, it would make the answer wait on the note, a deadlock. Cleared once done.
TAG_LATER = LEECH_PUT_OFF  # the note is to be tagged (the answer is in ix_reviews_put_off)
SUSPEND_LATER = 2 * LEECH_PUT_OFF  # and the card suspended


@dataclass(frozen=True)
class Leech:
    """An answer made its card a leech."""

    card_id: int
    lapses: int
    suspended: bool


def is_leech(lapses: int, threshold: int) -> bool:
    """Whether the lapse that brought a card to `lapses` makes it a leech (threshold 0: never)."""
    if threshold <= 0 or lapses < threshold:
        return False
    every = max(1, (threshold + 1) // 2)
    return (lapses - threshold) % every == 0


def mark(connection: Connection, card_id: int, note_id: int, *, suspend: bool) -> int:
    """Tag the card's note `leech` and, if asked, suspend the card; returns what was done."""
    done = MADE_LEECH
    tags = _tags(connection, note_id, lock=True)
    if tags is None:  # an import on a server is rewriting the note: done once it is done
        _tag_later(connection.engine, card_id, note_id)
        return done | TAG_LATER | (SUSPEND_LATER if suspend else 0)
    return done | _tag_and_suspend(connection, card_id, note_id, tags, suspend=suspend)


def _tag_and_suspend(
    connection: Connection, card_id: int, note_id: int, tags: str, *, suspend: bool
) -> int:
    """Tag the note (its `tags` as read under lock) and suspend the card if asked: what was
    done, as TAGGED and SUSPENDED_NOW."""
    done = 0
    if not has_leech_tag(tags):
        connection.execute(
            update(notes_t)
            .where(notes_t.c.id == note_id)
            .values(_tags_values(f"{tags} {LEECH_TAG}".strip()))
        )
        done |= TAGGED
    if suspend and _suspend(connection, card_id):
        done |= SUSPENDED_NOW
    return done


def _suspend(connection: Connection, card_id: int) -> bool:
    """Suspend the card; whether it was not suspended before."""
    return bool(
        connection.execute(
            update(cards_t)
            .where(cards_t.c.id == card_id, cards_t.c.suspended == NOT_SUSPENDED)
            .values(suspended=SUSPENDED)
        ).rowcount
    )


def take_back(connection: Connection, card_id: int, done: int) -> None:
    """Undo what `mark` did: the tag it added, the suspension it made."""
    if done & SUSPENDED_NOW:
        connection.execute(
            update(cards_t)
            .where(cards_t.c.id == card_id, cards_t.c.suspended == SUSPENDED)
            .values(suspended=NOT_SUSPENDED)
        )
    if done & TAGGED:
        note_id = connection.execute(
            select(cards_t.c.note_id).where(cards_t.c.id == card_id)
        ).scalar_one()
        tags = _tags(connection, note_id)
        kept = [tag for tag in tags.split() if tag.lower() != LEECH_TAG]
        connection.execute(
            update(notes_t).where(notes_t.c.id == note_id).values(_tags_values(" ".join(kept)))
        )


def _tags_values(tags: str) -> dict[str, object]:
    return {"tags": tags} | folded({"tags": tags}) | NOT_AS_READ


def _tags(connection: Connection, note_id: int, *, lock: bool = False) -> str | None:
    """The note's tags. `lock`: locked as read, so the tag is added to what is there when the
    answer commits; on a server, None when another transaction holds the note (an import
    rewriting it locks it until it commits, and then locks the answer's card: waiting here,
    with the card locked, would be a deadlock, and would hold the review screen meanwhile)."""
    query = select(notes_t.c.tags).where(notes_t.c.id == note_id)
    if not lock:
        return connection.execute(query).scalar_one()
    if connection.dialect.name != "postgresql":  # SQLite: the answer holds the whole file
        return connection.execute(query).scalar_one()
    return connection.execute(query.with_for_update(skip_locked=True)).scalar_one_or_none()


# Tags waiting for an import to let go of their note, per database: (engine, thread).
_later: list[tuple[Engine, threading.Thread]] = []
_later_lock = threading.Lock()


def _tag_later(engine: Engine, card_id: int, note_id: int) -> None:
    """Tag the note once the answer has committed and the import holding the note is done, in
    a thread of its own: the review screen shows the next card meanwhile."""
    thread = threading.Thread(
        target=_tag_when_free, args=(engine, card_id, note_id), name="leech tag", daemon=True
    )
    with _later_lock:
        _later.append((engine, thread))
    thread.start()


def _tag_when_free(engine: Engine, card_id: int, note_id: int) -> None:
    from sqlalchemy.exc import DBAPIError

    from revise.errors import ReviseError
    from revise.storage import engine as storage

    # The server gone meanwhile: the answer keeps its mark, for whoever comes next (put_off_done).
    with contextlib.suppress(DBAPIError, ReviseError):
        with storage.writing(engine) as connection:  # once the answer's transaction has ended
            connection.execute(
                select(cards_t.c.id).where(cards_t.c.id == card_id).with_for_update()
            )
        with storage.writing(engine) as connection:  # once the import's transaction has ended
            for review_id in connection.execute(
                _PUT_OFF.where(reviews_t.c.card_id == card_id)
            ).scalars():
                _do_put_off(connection, review_id, card_id, note_id, wait=True)


def put_off_done(engine: Engine) -> None:
    """Tag the notes and suspend the cards that answers put off until an import let go of the
    note, where no one did yet: the process that answered was killed (or lost the server)
    before the import ended. Run when a collection on a server opens and after each import; a
    note another import holds now is left to it. Nothing to do on SQLite (see `mark`)."""
    if engine.dialect.name != "postgresql":
        return
    from revise.storage import engine as storage

    with storage.reading_now(engine) as connection:  # one look at an index of no rows, mostly
        found = connection.execute(
            _PUT_OFF.add_columns(reviews_t.c.card_id, cards_t.c.note_id).join_from(
                reviews_t, cards_t, cards_t.c.id == reviews_t.c.card_id
            )
        ).all()
    if not found:
        return
    with storage.writing(engine) as connection:
        for review_id, card_id, note_id in found:
            _do_put_off(connection, review_id, card_id, note_id, wait=False)


# Worded as the index's condition, for the planner to use it (a bound value would not match it).
_PUT_OFF_WHERE = text(f"reviews.{PUT_OFF_REVIEWS}")
_PUT_OFF = select(reviews_t.c.id).where(_PUT_OFF_WHERE).order_by(reviews_t.c.id)


def _do_put_off(
    connection: Connection, review_id: int, card_id: int, note_id: int, *, wait: bool
) -> None:
    """Tag the note and suspend the card as review `review_id` put off, and record it done on
    the review (so undoing the answer takes them back). Locks the note, the card, then the
    review, as undo locks the card then the review. Without `wait`, a note or card another
    transaction holds is left as it is (an import: it applies them once it has committed)."""
    tags = connection.execute(
        select(notes_t.c.tags).where(notes_t.c.id == note_id).with_for_update(skip_locked=not wait)
    ).scalar_one_or_none()
    if tags is None:
        return
    card = select(cards_t.c.id).where(cards_t.c.id == card_id)
    if connection.execute(card.with_for_update(skip_locked=not wait)).first() is None:
        return
    leech = connection.execute(  # unless the answer was undone or someone did it meanwhile
        select(reviews_t.c.leech)
        .where(reviews_t.c.id == review_id, _PUT_OFF_WHERE)
        .with_for_update()
    ).scalar_one_or_none()
    if leech is None:
        return
    done = leech | _tag_and_suspend(
        connection, card_id, note_id, tags, suspend=bool(leech & SUSPEND_LATER)
    )
    connection.execute(
        update(reviews_t)
        .where(reviews_t.c.id == review_id)
        .values(leech=done & ~(TAG_LATER | SUSPEND_LATER))
    )


def wait_for_tags(engine: Engine) -> None:
    """Wait until the tags this process put off on `engine` are written (before closing it)."""
    with _later_lock:
        waiting = [thread for owner, thread in _later if owner is engine]
        _later[:] = [(owner, thread) for owner, thread in _later if owner is not engine]
    for thread in waiting:
        thread.join()


def made_by(connection: Connection, review_id: int) -> Leech | None:
    """The leech this answer made, if it made one."""
    row = connection.execute(
        select(reviews_t.c.card_id, reviews_t.c.leech, reviews_t.c.lapses_before).where(
            reviews_t.c.id == review_id
        )
    ).one_or_none()
    if row is None or not row.leech:
        return None
    suspended = bool(row.leech & (SUSPENDED_NOW | SUSPEND_LATER))
    return Leech(row.card_id, (row.lapses_before or 0) + 1, suspended)


def leech_note(leech: Leech) -> str:
    """What the user is told when an answer makes a card a leech."""
    done = "tagged leech and suspended" if leech.suspended else "tagged leech"
    return (
        f"Leech: this card was forgotten {leech.lapses} times; it is {done}. "
        "Rewrite it, split it or add a hint."
    )
