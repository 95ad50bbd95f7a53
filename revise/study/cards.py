"""A card as the study screens show it, made from its stored row, and the deck list's counts
(light: no SQLAlchemy, for the first screen read before the collection opens)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StudyCard:
    id: int
    deck: str
    prompt: str
    answer: str
    full: str
    context: str
    source: str | None
    tags: tuple[str, ...]
    media: tuple[str, ...]  # names of its pictures and sounds: see Collection.media_file
    state: int
    reps: int


def study_card(
    card_id: int,
    ordinal: int,
    state: int,
    reps: int,
    kind: str,
    front: str,
    back: str,
    context: str,
    tags: str,
    source: str | None,
    media: str,
    deck: str,
) -> StudyCard:
    """The card `card_id` from its columns, in the order the study-card queries select them."""
    # Here, not above: the deck list's counts, which the first screen reads, need none of it.
    from revise.formats.model import NoteData, NoteKind, card_faces

    note = NoteData(NoteKind(kind), front, back)
    face = next(face for face in card_faces(note) if face.ordinal == ordinal)
    return StudyCard(
        id=card_id,
        deck=deck,
        prompt=face.prompt,
        answer=face.answer,
        full=face.full,
        context=context,
        source=source,
        tags=tuple(tags.split()),
        media=tuple(name for name in media.splitlines() if name),
        state=state,
        reps=reps,
    )


@dataclass(frozen=True)
class DeckCounts:
    name: str
    new: int
    learning: int
    due: int
    total: int


@dataclass(frozen=True)
class Progress:
    """Answers given today, and the cards left for today under the daily limits."""

    done_today: int
    new: int = 0
    learning: int = 0
    due: int = 0

    @property
    def left_today(self) -> int:
        return self.new + self.learning + self.due
