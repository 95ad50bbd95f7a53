"""Changing the collection by hand: edit a card's note, add cards, create, rename and delete decks.

Each change is one transaction. An edited note keeps its cards and their reviews; editing a cloze
note re-numbers its cards as Anki does (a deletion taken out takes its card with it, a new one
makes a new card, the others keep their history). A note edited in the app remembers what its
file said at the last import (`Note.file_version`), so that re-importing the file neither loses
the edit nor silently overrides a change made in the file (revise/storage/app_edits.py).

Deleting a deck keeps its rows in memory until the collection is closed, so it can be undone, and
a SQLite collection is first copied to a backup file beside it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from revise.errors import FormatError, ReviseError
from revise.formats.model import (
    DECK_SEPARATOR,
    FIELD_TOO_LONG,
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    SourceRef,
    bracket_cloze,
    card_faces,
    cloze_segments,
    deck_name_problem,
    field_too_long,
)
from revise.storage import engine as storage
from revise.storage.app_edits import NOT_AS_READ, file_version_of, remember_deleted
from revise.storage.bulk import new_ids
from revise.storage.folding import folded
from revise.storage.models import (
    Card,
    Deck,
    DeckOptionsRow,
    DeletedNote,
    Note,
    Review,
    SchedulerParameters,
)
from revise.storage.values import MAX_ROW_ID
from revise.study.tuning import move_parameters, put_back_parameters, take_parameters
from revise.textsafe import quoted

decks_t = Deck.__table__
notes_t = Note.__table__
cards_t = Card.__table__
reviews_t = Review.__table__
deleted_t = DeletedNote.__table__
params_t = SchedulerParameters.__table__
options_t = DeckOptionsRow.__table__

DELETE_BACKUP_LABEL = "before-deck-delete"  # in the backup file's name: NAME.backup-LABEL-TIME


@dataclass(frozen=True)
class NoteText:
    """What an edit form shows for a card: its note's text, and where the note sits."""

    card_id: int
    note_id: int
    deck: str
    kind: NoteKind
    front: str
    back: str
    context: str
    tags: tuple[str, ...]
    source: str | None
    explicit_id: str | None

    def as_note(self) -> NoteData:
        return NoteData(
            self.kind,
            self.front,
            self.back,
            context=self.context,
            tags=self.tags,
            source=SourceRef.parse(self.source) if self.source else None,
            id=self.explicit_id,
        )


@dataclass(frozen=True)
class EditOutcome:
    """What an edit did to a note's cards."""

    note_id: int
    changed: bool
    cards_added: int = 0
    cards_removed: int = 0
    reviews_removed: int = 0

    def summary(self) -> str:
        if not self.changed:
            return "nothing changed"
        parts = ["card saved"]
        if self.cards_added:
            parts.append(f"{self.cards_added} new card{_s(self.cards_added)}")
        if self.cards_removed:
            parts.append(
                f"{self.cards_removed} card{_s(self.cards_removed)} removed with "
                f"{self.reviews_removed} review{_s(self.reviews_removed)}"
            )
        return ", ".join(parts)


@dataclass(frozen=True)
class AddOutcome:
    deck: str
    notes: int
    cards: int

    def summary(self) -> str:
        cards = f"{self.cards} card{_s(self.cards)}"
        return f"{self.deck}: {self.notes} note{_s(self.notes)} added ({cards})"


@dataclass(frozen=True)
class DeckDeletion:
    """What deleting a deck takes with it (the deck and its sub-decks)."""

    decks: tuple[str, ...]
    notes: int
    cards: int
    reviews: int
    backup: Path | None = None  # a copy of the collection from before the deletion

    def summary(self) -> str:
        names = ", ".join(self.decks)
        return (
            f"{len(self.decks)} deck{_s(len(self.decks))} ({names}), {self.cards} "
            f"card{_s(self.cards)} and {self.reviews} review{_s(self.reviews)}"
        )


@dataclass(frozen=True)
class WriteBack:
    """What writing decks back to their file did."""

    path: Path
    decks: tuple[str, ...]
    kept: int
    changed: int
    added: int
    removed: int

    def summary(self) -> str:
        return (
            f"{', '.join(self.decks)} -> {self.path}: {self.changed} changed, {self.added} "
            f"added, {self.removed} removed, {self.kept} unchanged"
        )


@dataclass
class _DeletedRows:
    """A deleted deck's rows, kept to put back (undo) until the collection is closed."""

    deletion: DeckDeletion
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def check_deck_name(name: str) -> str:
    """`name` if it can name a deck; otherwise a ReviseError saying how to write one."""
    problem = deck_name_problem(name)
    if problem is not None:
        raise ReviseError(problem)
    if name != name.strip():
        raise ReviseError(f"deck name {quoted(name)} starts or ends with a space (remove it)")
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise ReviseError("deck name holds a control character or line break (remove it)")
    return name


def check_note(note: NoteData) -> NoteData:
    """`note` if it makes at least one card; otherwise a ReviseError saying what to write."""
    if not note.front.strip():
        side = "text" if note.kind is NoteKind.CLOZE else "front"
        raise ReviseError(f"the card's {side} is empty (write it)")
    if note.kind is not NoteKind.CLOZE and not note.back.strip():
        raise ReviseError("the card's back is empty (write the answer)")
    if field_too_long(note.front) or field_too_long(note.back) or field_too_long(note.context):
        raise ReviseError(f"{FIELD_TOO_LONG} (split the card)")
    if note.kind is NoteKind.CLOZE:
        try:
            faces = card_faces(note)
        except ClozeError as error:
            raise ReviseError(f"cloze text: {error}") from None
        if not faces:
            raise ReviseError(
                "a cloze card needs a [deletion] (put the words to hide in square brackets)"
            )
    return note


def numbered_cloze(old: str, new: str) -> str:
    """The cloze text `new`, numbered so that its deletions keep the cards they had in `old`.

    Deletions written in Anki's spelling (`{{c2::...}}`) carry their numbers, as in Anki. In
    revise's `[...]` spelling a deletion is its place in the text, so adding one in front would
    hand every later card's history to its neighbour: instead a deletion whose text is one of the
    old deletions keeps that card's number; one rewritten in the place of an old one left over,
    and like it (a fixed typo), keeps that one's; any other gets a new number. The text is kept
    in `[...]` when the numbers come out in order, else written `{{cN::...}}`.
    """
    new_segments = cloze_segments(new)
    if any(hint for _, _, hint in new_segments) or "{{c" in new:
        return new
    old_groups: dict[int, str] = {}
    old_places: dict[int, int] = {}  # group -> its place among the old text's deletions
    for piece, group, _ in cloze_segments(old):
        if group is not None:
            old_places.setdefault(group, len(old_places))
            old_groups[group] = old_groups.get(group, "") + piece
    deletions = [piece for piece, group, _ in new_segments if group is not None]
    numbers: list[int | None] = [None] * len(deletions)
    free = dict(old_groups)
    for index, piece in enumerate(deletions):
        match = next((group for group, text in free.items() if text == piece), None)
        if match is not None:
            numbers[index] = match
            del free[match]
    unnumbered = [index for index, number in enumerate(numbers) if number is None]
    for index in unnumbered:  # a deletion rewritten where it was (a fixed typo) keeps its card
        same_place = next((group for group in free if old_places[group] == index), None)
        if same_place is not None and _alike(free[same_place], deletions[index]):
            numbers[index] = same_place
            del free[same_place]
    next_number = max(old_groups, default=-1) + 1
    for index in unnumbered:
        if numbers[index] is None:
            numbers[index] = next_number
            next_number += 1
    pieces = iter(numbers)
    text = "".join(
        _plain(piece) if group is None else f"{{{{c{next(pieces) + 1}::{piece}}}}}"  # type: ignore[operator]
        for piece, group, _ in new_segments
    )
    return bracket_cloze(text)


TYPO_SIMILARITY = 70  # rapidfuzz ratio (0-100) above which a rewritten deletion is the same one


def _alike(old: str, new: str) -> bool:
    from rapidfuzz.fuzz import ratio

    return ratio(old.casefold(), new.casefold()) >= TYPO_SIMILARITY


def _plain(text: str) -> str:
    """Plain cloze text as Anki's spelling reads it: braces that would open a deletion are
    broken up (Anki cannot escape them either)."""
    return text.replace("{{c", "{ {c")


class Editing:
    """The collection's editing service; `Collection.editing`."""

    def __init__(
        self,
        engine: Engine,
        lock: threading.RLock,
        clock: Callable[[], datetime],
        path: Path | None,
    ) -> None:
        self._engine = engine
        self._lock = lock
        self._clock = clock
        self._path = path
        self._deleted: list[_DeletedRows] = []  # newest last: what undo_delete_deck puts back

    # -- a card's note ---------------------------------------------------------------------

    def note_text(self, card_id: int) -> NoteText:
        """The note behind a card, as an edit form shows it."""
        with self._lock, storage.reading(self._engine) as connection:
            return _note_text(connection, card_id)

    def edit_note(
        self,
        card_id: int,
        *,
        front: str | None = None,
        back: str | None = None,
        context: str | None = None,
        tags: Sequence[str] | None = None,
        kind: NoteKind | None = None,
        source: SourceRef | None = None,
    ) -> EditOutcome:
        """Change the note behind `card_id` (the arguments given); one transaction."""
        with self._lock, storage.writing(self._engine) as connection:
            current = _note_text(connection, card_id)
            new_kind = kind or current.kind
            new_front = current.front if front is None else front
            if new_kind is NoteKind.CLOZE and current.kind is NoteKind.CLOZE:
                try:
                    new_front = numbered_cloze(current.front, new_front)
                except ClozeError as error:
                    raise ReviseError(f"cloze text: {error}") from None
            note = check_note(
                NoteData(
                    new_kind,
                    new_front,
                    current.back if back is None else back,
                    context=current.context if context is None else " ".join(context.split()),
                    tags=current.tags if tags is None else _clean_tags(tags),
                    source=(
                        source
                        if source is not None
                        else SourceRef.parse(current.source)
                        if current.source
                        else None
                    ),
                )
            )
            if _same_text(current, note):
                return EditOutcome(current.note_id, changed=False)
            return self._store_edit(connection, current, note)

    def edit_from_text(self, card_id: int, text: str, *, where: str = "the card") -> EditOutcome:
        """Change the note behind `card_id` to the one card written in deck format in `text`."""
        from revise.formats.deckfile import parse_decks

        current = self.note_text(card_id)
        decks = parse_decks(text, where, current.deck)
        notes = [note for deck in decks for note in deck.notes]
        if not notes:
            raise FormatError(where, None, "no card in the text (write one card, or keep it)")
        if len(notes) > 1:
            raise FormatError(
                where,
                notes[1].line,
                f"{len(notes)} cards in the text (an edit is one card; add cards with revise add)",
            )
        note = notes[0]
        return self.edit_note(
            card_id,
            front=note.front,
            back=note.back,
            context=note.context,
            tags=note.tags,
            kind=note.kind,
            source=note.source,
        )

    def _store_edit(self, connection: Connection, current: NoteText, note: NoteData) -> EditOutcome:
        now = self._clock()
        row = connection.execute(
            select(notes_t.c.edited_at, notes_t.c.position, notes_t.c.deck_id).where(
                notes_t.c.id == current.note_id
            )
        ).one()
        values: dict[str, object] = {
            "kind": note.kind.value,
            "front": note.front,
            "back": note.back,
            "context": note.context,
            "tags": " ".join(note.tags),
            "source": str(note.source) if note.source else None,
            "updated_at": now,
            "edited_at": now,
        }
        if row.edited_at is None:  # the first edit since the file was read: remember the file's
            values["file_version"] = file_version_of(current.as_note())
        values |= folded(values) | NOT_AS_READ
        connection.execute(update(notes_t).where(notes_t.c.id == current.note_id).values(values))
        added, removed, reviews = _sync_cards(
            connection, current.note_id, row.deck_id, row.position, note, now
        )
        return EditOutcome(current.note_id, True, added, removed, reviews)

    # -- adding cards ------------------------------------------------------------------------

    def add_notes(self, deck: str, notes: Sequence[NoteData]) -> AddOutcome:
        """Add notes to an existing deck, after its last card; one transaction."""
        if not notes:
            raise ReviseError("no cards to add")
        for note in notes:
            check_note(note)
        now = self._clock()
        with self._lock, storage.writing(self._engine) as connection:
            # On a server, after any import of the same card: its key is then seen as taken,
            # never met as the unique constraint (or a deadlock on the deck's row) half-way.
            storage.lock_for_import(connection)
            deck_id = _deck_id(connection, deck)
            position = connection.execute(
                select(func.max(notes_t.c.position)).where(notes_t.c.deck_id == deck_id)
            ).scalar()
            position = -1 if position is None else position
            taken = set(
                connection.execute(select(notes_t.c.key).where(notes_t.c.deck_id == deck_id))
                .scalars()
                .all()
            )
            cards = 0
            for note in notes:
                key = note.key
                if key in taken:
                    raise ReviseError(
                        f"{deck}: already has the card {quoted(_short(note.front))} (edit that one)"
                    )
                taken.add(key)
                position += 1
                text = {
                    "front": note.front,
                    "back": note.back,
                    "context": note.context,
                    "tags": " ".join(note.tags),
                }
                note_id = connection.execute(
                    insert(notes_t)
                    .values(
                        deck_id=deck_id,
                        key=key,
                        explicit_key=bool(note.id),
                        kind=note.kind.value,
                        **text,
                        **folded(text),
                        source=str(note.source) if note.source else None,
                        media="",
                        position=position,
                        missing=False,
                        created_at=now,
                        updated_at=now,
                        edited_at=now,  # added in the app: no file has it (file_version NULL)
                    )
                    .returning(notes_t.c.id)
                ).scalar_one()
                # Deleted here once and added again by hand: the file may bring it back now.
                connection.execute(
                    delete(deleted_t).where(deleted_t.c.deck_id == deck_id, deleted_t.c.key == key)
                )
                cards += _sync_cards(connection, note_id, deck_id, position, note, now)[0]
        return AddOutcome(deck, len(notes), cards)

    def delete_notes(self, card_ids: Sequence[int]) -> int:
        """Delete the notes of these cards with all their cards and reviews; one transaction.
        Re-importing a file that still has them does not bring them back (unless --restore).
        Returns the cards deleted."""
        with self._lock, storage.writing(self._engine) as connection:
            storage.lock_for_import(connection)  # as delete_deck: one order of locks
            note_ids = list(
                connection.execute(
                    select(cards_t.c.note_id).where(cards_t.c.id.in_(list(card_ids))).distinct()
                ).scalars()
            )
            if not note_ids:
                raise ReviseError("no such cards (they were deleted already)")
            return delete_notes(connection, note_ids, self._clock())

    # -- writing a deck back to its file ----------------------------------------------------

    def deck_file(self, deck: str) -> Path:
        """The revise deck file `deck` was last imported from."""
        with self._lock, storage.reading(self._engine) as connection:
            return _deck_file(connection, deck)

    def write_back(self, deck: str) -> WriteBack:
        """Write `deck` (and the other decks read from the same file) back into the deck file it
        came from, keeping the file's comments and layout where cards are unchanged.

        The file is replaced whole or not at all (temporary file, fsync, rename); the notes then
        count as the file's again: their app edits and remembered deletions are settled.
        """
        from revise.formats.deckfile import MAX_DECK_BYTES, deck_text
        from revise.formats.files import read_capped, write_atomic
        from revise.formats.writeback import StoredDeck, previous_names, rewrite, section_names

        with self._lock, storage.writing(self._engine) as connection:
            path = _deck_file(connection, deck)
            decks = connection.execute(
                select(decks_t).where(decks_t.c.file == str(path)).order_by(decks_t.c.name)
            ).all()
            try:
                data = read_capped(path, MAX_DECK_BYTES, "deck file")
            except FileNotFoundError:
                data = b""
            try:  # as an import reads it: UTF-8, or UTF-16 with a byte-order mark
                text = deck_text(str(path), data)
            except FormatError as error:
                raise ReviseError(
                    f"{error}; or export the deck: revise export {quoted(deck)} -o FILE.md"
                ) from None
            previous = previous_names(
                [row.name for row in decks], section_names(text, str(path), path.stem)
            )
            stored = []
            note_keys: list[tuple[int, str, NoteData]] = []
            for row in decks:
                notes = _stored_notes(connection, row.id)
                note_keys += notes
                stored.append(
                    StoredDeck(
                        DeckData(
                            row.name,
                            [note for _, _, note in notes],
                            tags=tuple(row.tags.split()),
                            source=row.source,
                            description=row.description,
                        ),
                        [key for _, key, _ in notes],
                        previous.get(row.name),
                    )
                )
            _check_file_unchanged(connection, path, text, decks, previous)
            result = rewrite(text, str(path), path.stem, stored)
            for note_id, key, note in note_keys:
                # The file now says what the app does, not what its origin tells.
                values: dict[str, object] = {"edited_at": None, "file_version": None}
                values |= NOT_AS_READ
                if note.key != key:
                    values["key"] = note.key
                connection.execute(update(notes_t).where(notes_t.c.id == note_id).values(values))
            connection.execute(
                delete(deleted_t).where(deleted_t.c.deck_id.in_([row.id for row in decks]))
            )
            write_atomic(path, result.text)
        return WriteBack(
            path,
            tuple(row.name for row in decks),
            result.kept,
            result.changed,
            result.added,
            result.removed,
        )

    # -- decks -------------------------------------------------------------------------------

    def create_deck(self, name: str) -> None:
        check_deck_name(name)
        with self._lock, storage.writing(self._engine) as connection:
            storage.lock_for_import(connection)  # an import making this deck meanwhile: seen
            if _find_deck(connection, name) is not None:
                raise ReviseError(
                    f"a deck named {quoted(name)} already exists (choose another name)"
                )
            connection.execute(
                insert(decks_t).values(name=name, description="", tags="", created_at=self._clock())
            )

    def rename_deck(self, old: str, new: str) -> list[tuple[str, str]]:
        """Rename a deck and its sub-decks (`old::x` becomes `new::x`); the (old, new) names."""
        check_deck_name(new)
        with self._lock, storage.writing(self._engine) as connection:
            storage.lock_for_import(connection)  # as create_deck
            rows = _subtree(connection, old)
            if not rows:
                raise ReviseError(f"no deck named {quoted(old)} (see `revise decks`)")
            if new == old:
                return []
            renamed = [(deck_id, name, new + name[len(old) :]) for deck_id, name in rows]
            moving = {deck_id for deck_id, _, _ in renamed}
            for _, _, name in renamed:
                check_deck_name(name)
                clash = _find_deck(connection, name)
                if clash is not None and clash not in moving:
                    raise ReviseError(
                        f"a deck named {quoted(name)} already exists (rename or delete it first)"
                    )
            # Two steps, so that no name is held by two rows in between (a unique column).
            for deck_id, _, _ in renamed:
                temporary = f"\x1frenaming {deck_id}"
                connection.execute(
                    update(decks_t).where(decks_t.c.id == deck_id).values(name=temporary)
                )
            for deck_id, _, name in renamed:
                connection.execute(update(decks_t).where(decks_t.c.id == deck_id).values(name=name))
            move_parameters(connection, old, new)
            _carry_options(connection, old, new)
        return [(name, new_name) for _, name, new_name in renamed]

    def deck_deletion(self, name: str) -> DeckDeletion:
        """What deleting `name` would take: its sub-decks, notes, cards and reviews."""
        with self._lock, storage.reading(self._engine) as connection:
            return _deletion(connection, name)

    def delete_deck(self, name: str) -> DeckDeletion:
        """Delete a deck and its sub-decks with every card and review; one transaction.

        A SQLite collection is copied to a backup file first; the rows are kept in memory so that
        `undo_delete_deck` can put them back until the collection is closed.
        """
        with self._lock:
            self.deck_deletion(name)  # a missing deck is reported before any backup is made
            backup = None
            if self._path is not None:
                from revise.storage.migrate import backup_copy

                backup = backup_copy(self._path, DELETE_BACKUP_LABEL)
            with storage.writing(self._engine) as connection:
                # An import's lock first, as an import takes it: on a server, a deletion that
                # locked the deck's cards before an import locked its notes would deadlock.
                storage.lock_for_import(connection)
                deletion = _deletion(connection, name)
                deck_ids = _ids_of(connection, name)
                rows = _deck_rows(connection, deck_ids)
                rows[options_t.name] = _option_rows(connection, name)
                rows[params_t.name] = take_parameters(connection, name, self._clock())
                scopes = [row["deck"] for row in rows[options_t.name]]
                note_ids = [row["id"] for row in rows["notes"]]
                card_ids = [row["id"] for row in rows["cards"]]
                for table, column, ids in (
                    (reviews_t, reviews_t.c.card_id, card_ids),
                    (cards_t, cards_t.c.id, card_ids),
                    (notes_t, notes_t.c.id, note_ids),
                    (deleted_t, deleted_t.c.deck_id, deck_ids),
                    (options_t, options_t.c.deck, scopes),
                    (decks_t, decks_t.c.id, deck_ids),
                ):
                    for chunk in _chunks(ids):
                        connection.execute(delete(table).where(column.in_(chunk)))
            deletion = DeckDeletion(
                deletion.decks, deletion.notes, deletion.cards, deletion.reviews, backup
            )
            self._deleted.append(_DeletedRows(deletion, rows))
            return deletion

    def can_undo_delete(self) -> DeckDeletion | None:
        """The deletion `undo_delete_deck` would take back, if any."""
        with self._lock:
            return self._deleted[-1].deletion if self._deleted else None

    def undo_delete_deck(self) -> DeckDeletion | None:
        """Put back the last deck deleted through this collection, with every card and review."""
        with self._lock:
            if not self._deleted:
                return None
            kept = self._deleted[-1]
            with storage.writing(self._engine) as connection:
                storage.lock_for_import(connection)  # as delete_deck: one order of locks
                for deck in kept.rows["decks"]:
                    if _find_deck(connection, deck["name"]) is not None:
                        raise ReviseError(
                            f"a deck named {quoted(deck['name'])} exists again "
                            "(rename it, then undo)"
                        )
                _put_back(connection, kept.rows)
                # Options set on those names since the deletion are newer: they stay.
                taken = set(connection.execute(select(options_t.c.deck)).scalars())
                options = [row for row in kept.rows[options_t.name] if row["deck"] not in taken]
                if options:
                    connection.execute(insert(options_t), options)
                put_back_parameters(connection, kept.rows[params_t.name])
            self._deleted.pop()
            return kept.deletion


def _note_text(connection: Connection, card_id: int) -> NoteText:
    if abs(card_id) > MAX_ROW_ID:  # no card's, and no integer the database takes
        raise ReviseError(f"no card {card_id} (it was deleted, or the id is wrong)")
    row = connection.execute(
        select(
            notes_t.c.id,
            notes_t.c.kind,
            notes_t.c.front,
            notes_t.c.back,
            notes_t.c.context,
            notes_t.c.tags,
            notes_t.c.source,
            notes_t.c.key,
            notes_t.c.explicit_key,
            decks_t.c.name,
        )
        .select_from(cards_t.join(notes_t).join(decks_t, decks_t.c.id == notes_t.c.deck_id))
        .where(cards_t.c.id == card_id)
    ).one_or_none()
    if row is None:
        raise ReviseError(f"no card {card_id} (it was deleted, or the id is wrong)")
    return NoteText(
        card_id=card_id,
        note_id=row.id,
        deck=row.name,
        kind=NoteKind(row.kind),
        front=row.front,
        back=row.back,
        context=row.context,
        tags=tuple(row.tags.split()),
        source=row.source,
        explicit_id=row.key if row.explicit_key else None,
    )


def _same_text(current: NoteText, note: NoteData) -> bool:
    return (
        current.kind is note.kind
        and current.front == note.front
        and current.back == note.back
        and current.context == note.context
        and current.tags == note.tags
        and current.source == (str(note.source) if note.source else None)
    )


def _clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags as a note stores them: words, each once, in the order given."""
    words = [word for tag in tags for word in tag.replace(",", " ").split()]
    return tuple(dict.fromkeys(words))


def _short(text: str, width: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _sync_cards(
    connection: Connection,
    note_id: int,
    deck_id: int,
    position: int,
    note: NoteData,
    now: datetime,
) -> tuple[int, int, int]:
    """Make the note's cards those its text makes: (cards added, cards removed, reviews gone).

    A card whose ordinal the text still makes keeps its state and reviews.
    """
    wanted = {face.ordinal for face in card_faces(note)}
    existing = dict(
        connection.execute(
            select(cards_t.c.ordinal, cards_t.c.id).where(cards_t.c.note_id == note_id)
        ).all()
    )
    gone = [card_id for ordinal, card_id in existing.items() if ordinal not in wanted]
    reviews = 0
    if gone:
        reviews = connection.execute(
            select(func.count()).select_from(reviews_t).where(reviews_t.c.card_id.in_(gone))
        ).scalar_one()
        connection.execute(delete(reviews_t).where(reviews_t.c.card_id.in_(gone)))
        connection.execute(delete(cards_t).where(cards_t.c.id.in_(gone)))
    added = sorted(wanted - existing.keys())
    if added:
        connection.execute(
            insert(cards_t),
            [
                {
                    "note_id": note_id,
                    "deck_id": deck_id,
                    "position": position,
                    "ordinal": ordinal,
                    "created_at": now,
                }
                for ordinal in added
            ],
        )
    return len(added), len(gone), reviews


def _deck_file(connection: Connection, deck: str) -> Path:
    row = connection.execute(select(decks_t.c.file).where(decks_t.c.name == deck)).one_or_none()
    if row is None:
        raise ReviseError(f"no deck named {quoted(deck)} (see `revise decks`)")
    if row.file is None:
        raise ReviseError(
            f"deck {quoted(deck)} was not imported from a revise deck file; write it to one with "
            f"revise export {quoted(deck)} -o FILE.md"
        )
    return Path(row.file)


def _check_file_unchanged(
    connection: Connection,
    path: Path,
    text: str,
    decks: Sequence[Any],
    previous: dict[str, str],
) -> None:
    """Refuse to write over a card changed in the file since it was last imported: writing
    back would lose it. The file's cards must be those the collection read from it."""
    from revise.formats.deckfile import parse_decks
    from revise.storage.app_edits import deleted_keys, file_note

    said: dict[str, dict[str, tuple[object, ...] | None]] = {}  # deck -> key -> file's text
    for row in decks:
        known: dict[str, tuple[object, ...] | None] = dict.fromkeys(
            deleted_keys(connection, row.id)
        )
        for note in connection.execute(
            select(notes_t).where(notes_t.c.deck_id == row.id, notes_t.c.missing.is_(False))
        ):
            if note.edited_at is None:
                known[note.key] = (note.kind, note.front, note.back, note.context, note.tags)
            elif note.file_version is not None:
                was = file_note(note.file_version)
                known[note.key] = (
                    was.kind.value,
                    was.front,
                    was.back,
                    was.context,
                    " ".join(was.tags),
                )
            else:
                known[note.key] = None  # added in the app: the file may have it since
        said[previous.get(row.name, row.name)] = known
    for deck in parse_decks(text, str(path), path.stem) if text else []:
        known = said.get(deck.name)
        if known is None:
            continue
        for note in deck.notes:
            if note.key in known:
                was = known[note.key]
                now = (note.kind.value, note.front, note.back, note.context, " ".join(note.tags))
                if was is None or was == now:
                    continue
            raise ReviseError(
                f"{path}:{note.line}: this card changed in the file since it was imported; "
                f"import the file first (revise import {path}), then write the deck back"
            )


def _stored_notes(connection: Connection, deck_id: int) -> list[tuple[int, str, NoteData]]:
    """A deck's notes (not those gone from its file) in deck order: (id, key, note)."""
    rows = connection.execute(
        select(notes_t)
        .where(notes_t.c.deck_id == deck_id, notes_t.c.missing.is_(False))
        .order_by(notes_t.c.position, notes_t.c.id)
    ).all()
    return [
        (
            row.id,
            row.key,
            NoteData(
                NoteKind(row.kind),
                row.front,
                row.back,
                context=row.context,
                tags=tuple(row.tags.split()),
                source=SourceRef.parse(row.source) if row.source else None,
                id=row.key if row.explicit_key else None,
                media=tuple(name for name in row.media.splitlines() if name),
            ),
        )
        for row in rows
    ]


def _find_deck(connection: Connection, name: str) -> int | None:
    return connection.execute(select(decks_t.c.id).where(decks_t.c.name == name)).scalar()


def _deck_id(connection: Connection, name: str) -> int:
    deck_id = _find_deck(connection, name)
    if deck_id is None:
        raise ReviseError(
            f"no deck named {quoted(name)} "
            "(see `revise decks`, or create it: revise deck create NAME)"
        )
    return deck_id


def _subtree(connection: Connection, name: str) -> list[tuple[int, str]]:
    """(id, name) of the deck `name` and its sub-decks, by name. Spelt exactly as stored: a
    rename or a deletion takes what the user named, letter for letter (studying matches letter
    case loosely, revise/scheduling/queue.py)."""
    below = name + DECK_SEPARATOR
    return sorted(
        (
            (deck_id, deck)
            for deck_id, deck in connection.execute(select(decks_t.c.id, decks_t.c.name))
            if deck == name or deck.startswith(below)
        ),
        key=lambda row: row[1],
    )


def _ids_of(connection: Connection, name: str) -> list[int]:
    ids = [deck_id for deck_id, _ in _subtree(connection, name)]
    if not ids:
        raise ReviseError(f"no deck named {quoted(name)} (see `revise decks`)")
    return ids


def _deletion(connection: Connection, name: str) -> DeckDeletion:
    subtree = _subtree(connection, name)
    if not subtree:
        raise ReviseError(f"no deck named {quoted(name)} (see `revise decks`)")
    names = tuple(deck for _, deck in subtree)
    ids = [deck_id for deck_id, _ in subtree]
    notes = connection.execute(
        select(func.count()).select_from(notes_t).where(notes_t.c.deck_id.in_(ids))
    ).scalar_one()
    cards = connection.execute(
        select(func.count()).select_from(cards_t).where(cards_t.c.deck_id.in_(ids))
    ).scalar_one()
    reviews = connection.execute(
        select(func.count()).select_from(reviews_t.join(cards_t)).where(cards_t.c.deck_id.in_(ids))
    ).scalar_one()
    return DeckDeletion(names, notes, cards, reviews)


def _deck_rows(connection: Connection, deck_ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Every row of the decks, as dicts to insert again."""

    def rows(query) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        return [dict(row._mapping) for row in connection.execute(query)]

    return {
        "decks": rows(select(decks_t).where(decks_t.c.id.in_(deck_ids))),
        "notes": rows(select(notes_t).where(notes_t.c.deck_id.in_(deck_ids))),
        "cards": rows(select(cards_t).where(cards_t.c.deck_id.in_(deck_ids))),
        "reviews": rows(select(reviews_t).join(cards_t).where(cards_t.c.deck_id.in_(deck_ids))),
        "deleted_notes": rows(select(deleted_t).where(deleted_t.c.deck_id.in_(deck_ids))),
    }


# What each put-back table's rows point at: (column, table), for ids given anew.
_POINTS_AT: dict[str, tuple[tuple[str, str], ...]] = {
    "notes": (("deck_id", "decks"),),
    "deleted_notes": (("deck_id", "decks"),),
    "cards": (("note_id", "notes"), ("deck_id", "decks")),
    "reviews": (("card_id", "cards"),),
}


def _put_back(connection: Connection, kept: dict[str, list[dict[str, Any]]]) -> None:
    """Insert a deleted deck's rows again. Each keeps its id unless a row added since holds it
    (SQLite gives the ids of the newest rows deleted to the next rows added): that row gets a
    new id, and the rows pointing at it follow."""
    moved: dict[str, dict[int, int]] = {}
    for table in (decks_t, notes_t, cards_t, reviews_t, deleted_t):
        rows = [dict(row) for row in kept[table.name]]
        for row in rows:
            for column, target in _POINTS_AT.get(table.name, ()):
                row[column] = moved[target].get(row[column], row[column])
        taken: set[int] = set()
        for chunk in _chunks([row["id"] for row in rows]):
            taken.update(
                connection.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars()
            )
        free = [row for row in rows if row["id"] not in taken]
        clashing = [row for row in rows if row["id"] in taken]
        for chunk in _chunks(free):
            connection.execute(insert(table), chunk)
        # After the others are in: new ids are past every id the table holds.
        fresh = new_ids(connection, table, len(clashing))
        moved[table.name] = {row["id"]: new for row, new in zip(clashing, fresh, strict=True)}
        for row, new in zip(clashing, fresh, strict=True):
            row["id"] = new
        for chunk in _chunks(clashing):
            connection.execute(insert(table), chunk)


def _chunks(ids: list[Any], size: int = 500) -> list[list[Any]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)] or []


def _option_rows(connection: Connection, name: str) -> list[dict[str, Any]]:
    """The options set on deck `name` and its sub-decks, by name (revise/study/deck_options.py
    keys them by deck name), as rows to insert again."""
    return [
        dict(row._mapping)
        for row in connection.execute(select(options_t))
        if row.deck == name or row.deck.startswith(name + DECK_SEPARATOR)
    ]


def _carry_options(connection: Connection, old: str, new: str) -> None:
    """Options set on a renamed deck (and sub-decks) go with it (revise/study/deck_options.py)."""
    rows = _option_rows(connection, old)
    if not rows:
        return
    for row in rows:
        row["deck"] = new + row["deck"][len(old) :]
    names = [row["deck"] for row in rows]
    sources = [old + name[len(new) :] for name in names]
    connection.execute(delete(options_t).where(options_t.c.deck.in_(names + sources)))
    connection.execute(insert(options_t), rows)


def delete_notes(connection: Connection, note_ids: Sequence[int], now: datetime) -> int:
    """Delete notes with their cards and reviews, remembering each deletion so that the file the
    note is still in does not bring it back on re-import; returns the cards deleted."""
    remember_deleted(connection, note_ids, now)
    card_ids = list(
        connection.execute(select(cards_t.c.id).where(cards_t.c.note_id.in_(note_ids))).scalars()
    )
    for chunk in _chunks(card_ids):
        connection.execute(delete(reviews_t).where(reviews_t.c.card_id.in_(chunk)))
        connection.execute(delete(cards_t).where(cards_t.c.id.in_(chunk)))
    connection.execute(delete(notes_t).where(notes_t.c.id.in_(list(note_ids))))
    return len(card_ids)
