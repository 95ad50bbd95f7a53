"""Leeches, as Anki has them: cards forgotten so often that reviewing them wastes time.

A card becomes a leech when it lapses (Again on a card in the review state) for the
`leech_threshold`-th time, and again every half threshold (rounded up) after that: 8, 12, 16...
with the default of 8. Its note is tagged `leech`, and with `leech_action = "suspend"` the card
is suspended, so the user rewrites or drops it. The answer's review row records what was done
(`Review.leech`), so undoing that answer takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from revise.storage.folding import folded
from revise.storage.models import NOT_SUSPENDED, SUSPENDED, Card, Note, Review

cards_t = Card.__table__
notes_t = Note.__table__
reviews_t = Review.__table__

LEECH_TAG = "leech"
# Bits of Review.leech: what the answer did.
MADE_LEECH = 4  # the answer made the card a leech (set whenever the others may be)
TAGGED = 1  # the note was tagged `leech` by this answer (it was not before)
SUSPENDED_NOW = 2  # the card was suspended by this answer


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


def has_leech_tag(tags: str) -> bool:
    return any(tag.lower() == LEECH_TAG for tag in tags.split())


def mark(connection: Connection, card_id: int, note_id: int, *, suspend: bool) -> int:
    """Tag the card's note `leech` and, if asked, suspend the card; returns what was done."""
    done = MADE_LEECH
    tags = _tags(connection, note_id)
    if not has_leech_tag(tags):
        connection.execute(
            update(notes_t)
            .where(notes_t.c.id == note_id)
            .values(_tags_values(f"{tags} {LEECH_TAG}".strip()))
        )
        done |= TAGGED
    if suspend:
        suspended = connection.execute(
            update(cards_t)
            .where(cards_t.c.id == card_id, cards_t.c.suspended == NOT_SUSPENDED)
            .values(suspended=SUSPENDED)
        ).rowcount
        if suspended:
            done |= SUSPENDED_NOW
    return done


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


def _tags_values(tags: str) -> dict[str, str]:
    return {"tags": tags} | folded({"tags": tags})


def _tags(connection: Connection, note_id: int) -> str:
    return connection.execute(select(notes_t.c.tags).where(notes_t.c.id == note_id)).scalar_one()


def made_by(connection: Connection, review_id: int) -> Leech | None:
    """The leech this answer made, if it made one."""
    row = connection.execute(
        select(reviews_t.c.card_id, reviews_t.c.leech, reviews_t.c.lapses_before).where(
            reviews_t.c.id == review_id
        )
    ).one_or_none()
    if row is None or not row.leech:
        return None
    return Leech(row.card_id, (row.lapses_before or 0) + 1, bool(row.leech & SUSPENDED_NOW))


def leech_note(leech: Leech) -> str:
    """What the user is told when an answer makes a card a leech."""
    done = "tagged leech and suspended" if leech.suspended else "tagged leech"
    return (
        f"Leech: this card was forgotten {leech.lapses} times; it is {done}. "
        "Rewrite it, split it or add a hint."
    )
