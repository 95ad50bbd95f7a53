"""Anki packages (.apkg, .colpkg) read into plain deck data, with card states and review history.

A package is a zip holding a SQLite collection — `collection.anki21b` (Zstandard, Anki 2.1.50+),
else `collection.anki21`, else `collection.anki2` (older packages carry a one-note dummy anki2
beside the real file) — and a media map naming the numbered media members. Every member is read
with size caps; the collection is decompressed to a temporary file (removed when it has been
read) for SQLite to read, never into memory, and its notes are read one at a time: a small
package into decks (`read_anki_package`), a large one a batch of notes at a time as it is
stored (`AnkiRows`), each with its cards and reviews looked up through indexes added to the copy.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import secrets
import sqlite3
import tempfile
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from revise.config import MAX_INTERVAL_DAYS
from revise.errors import FormatError
from revise.formats import protowire as pb
from revise.formats.anki_export import CONTEXT_FIELD, SOURCE_FIELD
from revise.formats.files import (
    DISK_FULL,
    TEMP_PREFIX,
    over_file_size_limit,
    remove_stale_temporaries,
)
from revise.formats.htmltext import html_to_text
from revise.formats.memory import memory_from_reviews, memory_from_sm2
from revise.formats.model import (
    FIELD_TOO_LONG,
    CardHistory,
    ClozeError,
    DeckData,
    NoteData,
    NoteKind,
    ReviewData,
    ScheduleData,
    SourceRef,
    bracket_cloze,
    cloze_segments,
    field_too_long,
    meaning_hash,
)
from revise.formats.safezip import (
    CHUNK_BYTES,
    MAX_COLLECTION_BYTES,
    MAX_MEDIA_FILE_BYTES,
    SafeZip,
    media_name_problem,
    size_text,
)
from revise.textsafe import quoted

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
SQLITE_MAGIC = b"SQLite format 3\x00"
LATEST_PACKAGE_VERSION = 3  # PackageMetadata.Version.VERSION_LATEST
# Anki's defaults, used when a deck's options cannot be read.
DEFAULT_LEARN_STEPS = (1.0, 10.0)
DEFAULT_RELEARN_STEPS = (10.0,)
# Learning cards keep their due time in epoch seconds, review cards in days since creation.
_EPOCH_THRESHOLD = 1_000_000_000
# The latest moment a datetime holds: Anki times past it (in seconds or ms) are damage.
_LAST_SECOND = int(datetime(9999, 12, 31, tzinfo=UTC).timestamp())
# FSRS memory Anki could have written: stability in days, difficulty on its 1-10 scale.
_FSRS_RANGES = {"s": (0.001, MAX_INTERVAL_DAYS * 10.0), "d": (1.0, 10.0), "lrt": (1, _LAST_SECOND)}
# The columns revise reads, with the type Anki's schema gives them (all NOT NULL); Anki itself
# refuses to read a collection holding anything else in them.
_COLUMN_TYPES = {
    "col": {"crt": "integer", "models": "text", "decks": "text", "dconf": "text", "conf": "text"},
    "notes": {"guid": "text", "mid": "integer", "tags": "text", "flds": "text"},
    "cards": dict.fromkeys(
        ("nid", "did", "ord", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left",
         "odue", "odid"),
        "integer",
    ),
    "revlog": dict.fromkeys(("id", "cid", "ease", "time", "type"), "integer"),
}  # fmt: skip
# Bounds of the columns that are times: a collection's creation (s) and a review's id (ms).
_COLUMN_RANGES = {"col": ("crt", 0, _LAST_SECOND), "revlog": ("id", 0, _LAST_SECOND * 1000)}
_ROW_NAMES = {"col": "the collection record", "notes": "note", "cards": "card", "revlog": "review"}
_REPAIR = "in Anki, run Tools > Check Database, then export it again"
_SPECIAL_FIELDS = frozenset({"FrontSide", "Tags", "Deck", "Subdeck", "Card", "Type", "CardFlag"})
_TEMPLATE_REF = re.compile(r"\{\{([^#/^!{}][^{}]*)\}\}")


Known = Mapping[str, str]  # the origin of each note imported from a package before -> its key

# A collection this large (decompressed) is imported a batch of notes at a time (`AnkiRows`), as
# a table is; a smaller one is read whole first (`read_anki_package`).
STREAM_COLLECTION_BYTES = 4 * 1024 * 1024
# Notes read at a time: a batch with its cards, reviews and the rows written for them is what
# memory holds of the package (2,000 notes of one card and four reviews: about 5 MB; 500 take
# a quarter, for no more time).
NOTES_PER_BATCH = 500


def read_anki_package(
    path: Path, known: Known | None = None, *, scratch: Path | None = None
) -> list[DeckData]:
    """The decks in an Anki package, one DeckData per Anki deck that holds notes.

    Every note gets its `origin`, a digest of all the package says of it (its fields, note
    type, cards, their decks and options, review log, the media beside it); a note whose origin
    is in `known` is not read further (`as_imported`). The collection inside is decompressed to
    a temporary file in `scratch` (else the system's temporary folder), removed on return.
    """
    with _opened(path, known or {}, scratch, package=True) as source:
        return source.decks()


def read_anki_collection(
    path: Path, known: Known | None = None, *, scratch: Path | None = None
) -> list[DeckData]:
    """The decks of a bare Anki collection file (collection.anki2 from Anki's profile folder);
    such a file holds no media. It is read from a copy in `scratch`, as a package's is."""
    with _opened(path, known or {}, scratch, package=False) as source:
        return source.decks()


def collection_size(path: Path, *, package: bool) -> int:
    """How large the collection of an Anki package (or a bare collection file) is, as the archive
    gives it (a Zstandard-compressed one is larger still); 0 if it cannot tell (the readers then
    report why)."""
    try:
        if not package:
            return path.stat().st_size
        with SafeZip(path) as archive:
            member = next((name for name in COLLECTIONS if name in archive.names), None)
            return 0 if member is None else archive.member_size(member)
    except (FormatError, OSError):
        return 0


class AnkiRows:
    """An Anki package (or bare collection) read a batch of notes at a time, as a table is, so
    that a large one's notes never sit in memory at once: (deck name, note) for each note with
    cards, in each batch. Opening it checks the collection, counts its notes and copies the
    collection to a temporary file, which `close` removes (as does the end of the process);
    `batches` reads the notes from the start each time it is called. `media` then gives the
    media files the notes read refer to; `deck_info` a deck's name and description. `deck_name`
    renames the package's deck if it has only one."""

    def __init__(
        self,
        path: Path,
        *,
        package: bool,
        known: Known | None = None,
        deck_name: str | None = None,
        scratch: Path | None = None,
    ) -> None:
        self.path = path
        self._referred: set[str] = set()
        stack = ExitStack()
        self._close = weakref.finalize(self, stack.close)
        try:
            self._source = stack.enter_context(_opened(path, known or {}, scratch, package=package))
            reader = self._source.reader
            with reader.reading():
                self.lines = reader.count
                used = reader.used_decks()
        except BaseException:
            self.close()
            raise
        self._decks = {deck_id: reader.deck(deck_id) for deck_id in used}
        if deck_name and len(used) == 1:
            self._decks[next(iter(used))].name = deck_name
        self._by_name = {deck.name: deck for deck in self._decks.values()}

    @property
    def deck_names(self) -> list[str]:
        """The names of the decks the notes are in (`deck_name`, if given, for a single one)."""
        return list(self._by_name)

    def close(self) -> None:
        """Let go of the package and remove the collection's temporary copy."""
        self._close()

    def read_no_further(self, known: Known) -> None:
        """From now on, the notes whose origin `known` holds are read no further by `batches`,
        as if `known` had been given when the package was opened."""
        self._source.reader.known = known

    def origins(self) -> Iterator[tuple[str, str]]:
        """(deck name, origin) of each note, in order, the notes read no further."""
        source, names = self._source, self._decks
        with source.reader.reading():
            for deck_id, origin in source.reader.origins():
                yield names[deck_id].name, origin

    def batches(self) -> Iterator[list[tuple[str, NoteData]]]:
        source = self._source
        available, names = source.available, self._decks
        self._referred = referred = set()
        batch: list[tuple[str, NoteData]] = []
        with source.reader.reading():
            for deck_id, note in source.reader:
                if note.media:  # most notes have none (and one read no further, none said)
                    note.media = tuple(name for name in note.media if name in available)
                    referred.update(note.media)
                batch.append((names[deck_id].name, note))
                if len(batch) == NOTES_PER_BATCH:
                    yield batch
                    batch = []
        if batch:
            yield batch

    def deck_info(self, name: str) -> DeckData:
        """The deck `name` as the package describes it (no notes)."""
        found = self._by_name.get(name)
        return DeckData(name, description=found.description if found else "")

    def media(self) -> dict[str, bytes]:
        """The media files the notes of the last `batches` refer to, by name."""
        return self._source.media(self._referred) if self._referred else {}


def _has_unsaved_changes(path: Path) -> bool:
    """Whether SQLite's write-ahead log beside a collection holds changes the file lacks.

    Anki keeps one while the collection is open and folds it in when it closes; reading the
    file alone then would miss recent notes and reviews, or find no tables at all.
    """
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


# --- the package ---------------------------------------------------------------------------


def _package_version(archive: SafeZip) -> int:
    if "meta" not in archive.names:
        return 0
    try:
        version = pb.get_int(archive.read("meta", 4096), 1)
    except pb.WireError as exc:
        raise archive.error(f"its meta file is damaged ({exc}); export it again") from exc
    if version > LATEST_PACKAGE_VERSION:
        raise archive.error(
            f"made by a newer Anki (package version {version}); "
            "export it with 'Support older Anki versions' ticked"
        )
    return version


_Error = Callable[[str], FormatError]


@dataclass
class _Source:
    """An open package or collection file: its notes' reader, and the media beside them."""

    reader: _NoteReader
    archive: SafeZip | None = None
    version: int = 0
    available: frozenset[str] = frozenset()  # media names the notes may refer to

    def media(self, wanted: set[str]) -> dict[str, bytes]:
        if self.archive is None:
            return {}
        return _read_media(self.archive, self.version, wanted)

    def decks(self) -> list[DeckData]:
        """Every note read, in decks, with their media."""
        by_deck: dict[int, list[NoteData]] = defaultdict(list)
        for deck_id, note in self.reader:
            by_deck[deck_id].append(note)
        media = self.media({name for notes in by_deck.values() for n in notes for name in n.media})
        decks: list[DeckData] = []
        for deck_id, notes in by_deck.items():
            for note in notes:
                note.media = tuple(name for name in note.media if name in media)
            names = {name for note in notes for name in note.media}
            decks.append(
                replace(
                    self.reader.deck(deck_id),
                    notes=notes,
                    media={name: media[name] for name in sorted(names)},
                )
            )
        decks.sort(key=lambda deck: deck.name.casefold())
        return decks


@contextmanager
def _opened(path: Path, known: Known, scratch: Path | None, *, package: bool) -> Iterator[_Source]:
    """The package (or bare collection) at `path`, its collection copied to a temporary file in
    `scratch` for SQLite to read, removed on leaving (on error too)."""
    folder = scratch or Path(tempfile.gettempdir())
    if not package:

        def error(message: str) -> FormatError:
            return FormatError(str(path), None, message)

        if _has_unsaved_changes(path):
            raise error(
                f"Anki has this collection open, or did not close it cleanly ({path.name}-wal "
                "beside it holds changes not yet in the file); close Anki, then import it again"
            )
        chunks = _file_chunks(path, error)
        with (
            scratch_copy(folder, "collection.anki2", chunks, error) as copy,
            _open_database(copy, error, "the file") as conn,
        ):
            yield _Source(_NoteReader(conn, error, "the file", known, ()))
        return
    with SafeZip(path) as archive:
        version = _package_version(archive)
        member = next((name for name in COLLECTIONS if name in archive.names), None)
        if member is None:
            raise archive.error(
                "no Anki collection inside (collection.anki21b, .anki21 or .anki2); "
                "export it again from Anki"
            )
        chunks = archive.chunks(member, MAX_COLLECTION_BYTES, zstd=member.endswith("b"))
        media_map = _media_map(archive, version)
        available = frozenset(
            lookup
            for zip_name, name in media_map.items()
            if zip_name in archive.names
            for lookup in (name, unquote(name))
        )
        beside = [entry for entry in archive.contents if entry[0] not in COLLECTIONS]
        with (
            scratch_copy(folder, member, chunks, archive.error) as copy,
            _open_database(copy, archive.error, f"{member} inside") as conn,
        ):
            reader = _NoteReader(conn, archive.error, f"{member} inside", known, beside)
            yield _Source(reader, archive, version, available)


def _file_chunks(path: Path, error: _Error) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            total = 0
            while chunk := handle.read(CHUNK_BYTES):
                total += len(chunk)
                if total > MAX_COLLECTION_BYTES:
                    raise error(f"larger than {size_text(MAX_COLLECTION_BYTES)}; not imported")
                yield chunk
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror})") from exc


@contextmanager
def scratch_copy(folder: Path, name: str, chunks: Iterator[bytes], error: _Error) -> Iterator[Path]:
    """`chunks` written to a temporary file in `folder` for SQLite to read (a header saying
    write-ahead log made to say rollback journal: the copy has no log beside it); the file is
    removed on leaving the block, whatever happens."""
    remove_stale_temporaries(folder)
    copy = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{Path(name).name}"
    try:
        try:
            with copy.open("xb") as out:
                first = True
                for chunk in chunks:
                    if first and chunk[18:20] == b"\x02\x02":
                        chunk = chunk[:18] + b"\x01\x01" + chunk[20:]
                    first = False
                    out.write(chunk)
        except OSError as exc:
            reason = "the disk is full" if exc.errno in DISK_FULL else exc.strerror or str(exc)
            advice = over_file_size_limit(exc) or (
                "free some space there, or make the folder writable, and try again"
            )
            raise error(
                f"cannot write a temporary copy of its collection in {folder} ({reason}); {advice}"
            ) from exc
        yield copy
    finally:
        with suppress(OSError):
            copy.unlink(missing_ok=True)


# The file is on disk and in the system's cache: a cache of pages of its own half SQLite's
# usual size is enough (and bounds what building an index sorts in memory before spilling).
_CACHE_SIZE = "PRAGMA cache_size = -1024"
# Indexes added to the copy where it has none on the column (Anki's own collections have them;
# other tools' may not): the notes are then read in order with their cards and review log by
# lookups, never gathered and sorted whole in memory. Table: (column, index).
_INDEXES = {
    "cards": ("nid", "CREATE INDEX revise_cards_by_note ON cards (nid, ord)"),
    "revlog": ("cid", "CREATE INDEX revise_revlog_by_card ON revlog (cid, id)"),
}
_INDEXED = """
SELECT 1 FROM pragma_index_list(?) AS list, pragma_index_info(list.name) AS info
WHERE info.seqno = 0 AND info.name = ? AND NOT list.partial
"""


@contextmanager
def _open_database(path: Path, error: _Error, member: str) -> Iterator[sqlite3.Connection]:
    """The collection copied to `path`, indexed for reading a note at a time, opened read-only."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise error(f"{member} is not a SQLite database; export it again from Anki")
    with reading_errors(error, member):
        _add_indexes(path)
    # Read by one thread at a time, not always the one that opened it (the app's import).
    conn = sqlite3.connect(
        f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    try:
        with reading_errors(error, member):
            conn.create_collation("unicase", _unicase)
            conn.execute("PRAGMA query_only = 1")
            conn.execute(_CACHE_SIZE)
            yield conn
    finally:
        conn.close()


def _add_indexes(copy: Path) -> None:
    """Index the tables of the collection's copy (revise's own temporary file: no journal, as
    it is removed if anything goes wrong) that it has; a missing table is reported later."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.create_collation("unicase", _unicase)
        conn.execute("PRAGMA trusted_schema = 0")
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute(_CACHE_SIZE)
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table, (column, statement) in _INDEXES.items():
            if table in tables and conn.execute(_INDEXED, (table, column)).fetchone() is None:
                conn.execute(statement)
    finally:
        conn.close()


@contextmanager
def reading_errors(error: _Error, member: str) -> Iterator[None]:
    """What goes wrong reading a collection, as one-line FormatErrors."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise error(
            f"{member} is damaged ({exc}); the download may be incomplete, "
            "export or download it again"
        ) from exc
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError,
            RecursionError) as exc:  # fmt: skip
        # Values no Anki writes, in a shape the checks below did not foresee.
        raise error(f"{member} holds data revise cannot read ({_reason(exc)}); {_REPAIR}") from exc


def _unicase(left: str, right: str) -> int:
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


# --- the collection ------------------------------------------------------------------------


@dataclass
class _NoteType:
    name: str
    cloze: bool
    fields: list[str]
    templates: list[tuple[str, str]]  # (question format, answer format) in ordinal order


@dataclass
class _Deck:
    name: str
    description: str = ""
    config_id: int = 1


@dataclass
class _Card:
    id: int
    ord: int
    deck_id: int
    history: CardHistory


@dataclass
class _RawNote:
    guid: str
    model_id: int
    tags: tuple[str, ...]
    fields: list[str]
    cards: list[_Card] = field(default_factory=list)


class _NoteReader:
    """A collection's notes, read a note at a time: iterating gives (deck id, note) for each
    note that makes cards, in the order of their ids, those whose origin `known` holds read no
    further. Opening it checks the collection's columns and reads its note types, decks and
    options."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        error: _Error,
        member: str,
        known: Known,
        beside: object,
    ) -> None:
        self._conn, self._error, self._member, self.known = conn, error, member, known
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not {"col", "notes", "cards"} <= tables:
            raise error(f"{member} is not an Anki collection (no notes or cards table)")
        row = conn.execute("SELECT crt FROM col").fetchone()
        if row is None:
            raise error(f"{member} has no collection record; export it again")
        _check_columns(conn, error, member)
        self._created = datetime.fromtimestamp(row[0], UTC)
        try:
            read = _modern_metadata if "notetypes" in tables else _legacy_metadata
            metadata = read(conn)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError,
                pb.WireError) as exc:  # fmt: skip
            raise error(
                f"the note types or decks in {member} cannot be read ({_reason(exc)}); "
                "export it again"
            ) from exc
        self._note_types, self._decks, self._steps, sched_ver = metadata
        self._legacy_buttons = sched_ver < 2
        every_note = repr((row[0], sched_ver, *metadata[:3], beside))
        self._shared = hashlib.blake2b(every_note.encode("utf-8", "surrogatepass"), digest_size=16)
        self.count = conn.execute("SELECT count(*) FROM notes").fetchone()[0]

    def reading(self):  # type: ignore[no-untyped-def]
        """A block reading the collection: its errors become one-line FormatErrors."""
        return reading_errors(self._error, self._member)

    def deck(self, deck_id: int) -> DeckData:
        """The deck of that id as the collection names and describes it (no notes)."""
        info = self._decks.get(deck_id, _Deck("Default"))
        return DeckData(info.name, description=info.description)

    def used_decks(self) -> set[int]:
        """The ids of the decks notes are in (a note is in its first card's deck)."""
        return {row[0] or 1 for row in self._conn.execute(_NOTE_DECKS)}

    def origins(self) -> Iterator[tuple[int, str]]:
        """(deck id, origin) of each note as `iter` tells them, the notes read no further."""
        fresh = self._shared.copy
        for row in self._conn.execute(_NOTES_WITH_CARDS):
            yield row[6] or 1, _origin(fresh, row)

    def __iter__(self) -> Iterator[tuple[int, NoteData]]:
        fresh, known = self._shared.copy, self.known  # bound once: used for every note
        cards: Iterator[_CardRow] | None = None  # the cards, from the first note read further on
        ahead = None
        for row in self._conn.execute(_NOTES_WITH_CARDS):
            note_id = row[0]
            origin = _origin(fresh, row)
            if (key := known.get(origin)) is not None:  # as imported before
                yield (
                    row[6] or 1,
                    NoteData(NoteKind.BASIC, "", id=key, origin=origin, as_imported=True),
                )
                continue
            if cards is None:
                cards = self._cards_from(note_id)
                ahead = next(cards, None)
            while ahead is not None and ahead[0][1] < note_id:
                ahead = next(cards, None)
            card_rows = []
            while ahead is not None and ahead[0][1] == note_id:
                card_rows.append(ahead)
                ahead = next(cards, None)
            raw = self._raw_note(row, card_rows)
            note_type = self._note_types.get(raw.model_id)
            if note_type is None:
                raise self._error(
                    f"{self._member}: note {note_id}: its note type {raw.model_id} is missing; "
                    f"{_REPAIR}"
                )
            note = _note_from(raw, note_type)
            if note is not None:
                note.origin = origin
                yield (raw.cards[0].deck_id if raw.cards else 1), note

    def _cards_from(self, note_id: int) -> Iterator[_CardRow]:
        """Each card of the notes from `note_id` on, in note order, with its reviews (oldest
        first): one row a review, read in that order through the copy's indexes. Manual
        reschedules (ease 0, types 4 and 5) are not reviews."""
        legacy = self._legacy_buttons
        card: tuple | None = None
        reviews: list[ReviewData] = []
        for row in self._conn.execute(_CARDS, (note_id,)):
            if card is None or row[0] != card[0]:
                if card is not None:
                    yield card, reviews
                card, reviews = row[:15], []
            review_id, ease, duration, kind = row[15:]
            if review_id is None:
                continue
            if legacy and kind in (0, 2) and ease in (2, 3):
                # The v1 scheduler offered three buttons while learning: Again, Good, Easy.
                ease += 1
            reviews.append(ReviewData.at_ms(review_id, ease, duration if duration > 0 else None))
        if card is not None:
            yield card, reviews

    def _raw_note(self, row: tuple, card_rows: list[_CardRow]) -> _RawNote:
        note_id, guid, model_id, tags, fields, _, _ = row
        values = fields.split("\x1f")
        if any(field_too_long(value) for value in values):
            raise self._error(f"{self._member}: note {note_id}: {FIELD_TOO_LONG}; not imported")
        raw = _RawNote(
            guid=guid, model_id=model_id, tags=tuple(dict.fromkeys(tags.split())), fields=values
        )
        for card_row, reviews in card_rows:
            deck_id = card_row[13] or card_row[2]
            config_id = self._decks[deck_id].config_id if deck_id in self._decks else 1
            learn, relearn = self._steps.get(
                config_id, (DEFAULT_LEARN_STEPS, DEFAULT_RELEARN_STEPS)
            )
            try:
                history = _card_history(card_row, self._created, reviews, learn, relearn)
            except (OverflowError, ValueError, OSError) as exc:
                raise self._error(
                    f"{self._member}: card {card_row[0]} falls due at a time no calendar holds "
                    f"(due {card_row[6]}, interval {card_row[7]} days); {_REPAIR}"
                ) from exc
            raw.cards.append(_Card(card_row[0], card_row[3], deck_id, history))
        return raw


_CardRow = tuple[tuple, list[ReviewData]]  # a card's columns (as _CARDS reads them), reviews
# Each card from a note on, with its reviews: the copy's indexes give both in order, unsorted.
_CARDS = """
SELECT c.id, c.nid, c.did, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses,
       c.left, c.odue, c.odid, c.data, r.id, r.ease, r.time, r.type
FROM cards AS c LEFT JOIN revlog AS r
    ON r.cid = c.id AND r.ease BETWEEN 1 AND 4 AND r.type IN (0, 1, 2, 3)
WHERE c.nid >= ?
ORDER BY c.nid, c.ord, r.id
"""


def _origin(fresh: Callable[[], Any], row: tuple[Any, ...]) -> str:
    """A note's origin, from its row of _NOTES_WITH_CARDS and a digest (`fresh`) of what the
    package says of every note alike."""
    digest = fresh()
    digest.update(repr(row[:6]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# A note's deck: its first card's (none for a note without cards).
_FIRST_DECK = (
    "SELECT coalesce(nullif(odid, 0), did) FROM cards WHERE nid = n.id ORDER BY ord LIMIT 1"
)
_NOTE_DECKS = f"SELECT DISTINCT ({_FIRST_DECK}) FROM notes AS n"
# Each note with all its cards and a summary of each card's review log, as one row: what the
# note's origin is a digest of (with what the package says of every note alike), so these
# texts must not change (a note's origin would, and every package would be read whole again
# once). Looked up through the copy's indexes note by note, nothing is gathered in memory.
_NOTES_WITH_CARDS = f"""
SELECT n.id, n.guid, n.mid, n.tags, n.flds, (
    SELECT group_concat(c.id || ',' || c.did || ',' || c.ord || ',' || c.type || ',' || c.queue
        || ',' || c.due || ',' || c.ivl || ',' || c.factor || ',' || c.reps || ','
        || c.lapses || ',' || c.left || ',' || c.odue || ',' || c.odid || ','
        || quote(c.data) || ',' || (
            SELECT CASE WHEN count(*) THEN count(*) || ',' || max(id) || ',' || total(id)
                || ',' || total(ease) || ',' || total(time) || ',' || total(type)
                ELSE '0,0,0,0,0,0' END
            FROM revlog WHERE cid = c.id
        ), ';')
    FROM (SELECT * FROM cards WHERE nid = n.id ORDER BY ord) AS c
), ({_FIRST_DECK})
FROM notes AS n
ORDER BY n.id
"""


def _check_columns(conn: sqlite3.Connection, error: _Error, member: str) -> None:
    """Refuse a collection whose columns hold what Anki never writes there (NULL, text in a
    number, a time past the calendar), naming the first such row."""
    for table, columns in _COLUMN_TYPES.items():
        wrong = " OR ".join(f"typeof({name}) != '{kind}'" for name, kind in columns.items())
        if table in _COLUMN_RANGES:
            name, low, high = _COLUMN_RANGES[table]
            wrong += f" OR {name} < {low} OR {name} > {high}"
        names = ", ".join(columns)
        row = conn.execute(f"SELECT rowid, {names} FROM {table} WHERE {wrong} LIMIT 1").fetchone()
        if row is None:
            continue
        for (name, kind), value in zip(columns.items(), row[1:], strict=True):
            if not isinstance(value, int | str) or (kind == "text") != isinstance(value, str):
                problem = (
                    f"{name} is {_shown(value)}, not {'text' if kind == 'text' else 'a number'}"
                )
                break
        else:
            name = _COLUMN_RANGES[table][0]
            problem = (
                f"{name} {row[1 + list(columns).index(name)]} is not a time Anki could have written"
            )
        where = _ROW_NAMES[table] if table == "col" else f"{_ROW_NAMES[table]} {row[0]}"
        raise error(f"{member}: {where}: {problem}; {_REPAIR}")


def _shown(value: object) -> str:
    if value is None:
        return "NULL"
    text = quoted(value) if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _reason(exc: BaseException) -> str:
    return (str(exc).strip() or type(exc).__name__).splitlines()[0][:160]


# --- note types, decks and options: legacy JSON (schema 11) and protobuf tables (18) --------

_Steps = dict[int, tuple[tuple[float, ...], tuple[float, ...]]]


def _legacy_metadata(
    conn: sqlite3.Connection,
) -> tuple[dict[int, _NoteType], dict[int, _Deck], _Steps, int]:
    models_json, decks_json, dconf_json, conf_json = conn.execute(
        "SELECT models, decks, dconf, conf FROM col"
    ).fetchone()
    note_types: dict[int, _NoteType] = {}
    for model in _json_object(models_json, "models").values():
        fields = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
        templates = [
            (t.get("qfmt", ""), t.get("afmt", ""))
            for t in sorted(model["tmpls"], key=lambda t: t["ord"])
        ]
        note_types[int(model["id"])] = _NoteType(
            model.get("name", ""), model.get("type") == 1, fields, templates
        )
    decks = {
        int(deck["id"]): _Deck(
            _text(deck["name"], "a deck name"),
            _plain(deck.get("desc", "")),
            int(deck.get("conf", 1) or 1),
        )
        for deck in _json_object(decks_json, "decks").values()
    }
    steps: _Steps = {}
    for conf in _json_object(dconf_json, "dconf").values():
        learn = tuple(float(s) for s in conf.get("new", {}).get("delays", DEFAULT_LEARN_STEPS))
        relearn = tuple(
            float(s) for s in conf.get("lapse", {}).get("delays", DEFAULT_RELEARN_STEPS)
        )
        steps[int(conf["id"])] = (learn, relearn)
    sched_ver = int(_json_object(conf_json, "conf").get("schedVer", 1))
    return note_types, decks, steps, sched_ver


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is {_shown(value)}, not text")
    return value


def _json_object(text: object, column: str) -> dict:
    """A JSON object from a column of Anki's `col` table (empty when the column is empty)."""
    parsed = json.loads(text) if isinstance(text, str | bytes) and text else {}
    if not isinstance(parsed, dict):
        raise ValueError(f"col.{column} is a JSON {type(parsed).__name__}, not an object")
    return parsed


def _modern_metadata(
    conn: sqlite3.Connection,
) -> tuple[dict[int, _NoteType], dict[int, _Deck], _Steps, int]:
    fields: dict[int, list[str]] = defaultdict(list)
    for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields[ntid].append(name)
    templates: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for ntid, config in conn.execute("SELECT ntid, config FROM templates ORDER BY ntid, ord"):
        templates[ntid].append((pb.get_str(config, 1), pb.get_str(config, 2)))
    note_types = {
        ntid: _NoteType(name, pb.get_int(config, 1) == 1, fields[ntid], templates[ntid])
        for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes")
    }
    decks: dict[int, _Deck] = {}
    for deck_id, name, kind in conn.execute("SELECT id, name, kind FROM decks"):
        normal = pb.get_bytes(kind, 1)
        decks[deck_id] = _Deck(
            name.replace("\x1f", "::"),
            _plain(pb.get_str(normal, 4)),
            pb.get_int(normal, 1, default=1),
        )
    steps: _Steps = {
        config_id: (
            tuple(pb.repeated_floats(config, 1)),
            tuple(pb.repeated_floats(config, 2)),
        )
        for config_id, config in conn.execute("SELECT id, config FROM deck_config")
    }
    row = conn.execute("SELECT val FROM config WHERE KEY = 'schedVer'").fetchone()
    sched_ver = int(json.loads(row[0])) if row else 2
    return note_types, decks, steps, sched_ver


def _plain(markup: str) -> str:
    return html_to_text(markup)[0] if markup else ""


# --- card state ------------------------------------------------------------------------------


def _card_history(
    row: tuple,
    created: datetime,
    reviews: list[ReviewData],
    learn_steps: tuple[float, ...],
    relearn_steps: tuple[float, ...],
) -> CardHistory:
    (_, _, _, ordinal, card_type, queue, due, interval, factor, reps, lapses, left, odue, odid,
     data) = row  # fmt: skip
    if odid and odue:
        due = odue  # in a filtered deck: the home deck's due is kept in odue
    interval = min(max(interval, 0), MAX_INTERVAL_DAYS)
    memory = _memory_state(data)
    state = card_type if card_type in (0, 1, 2, 3) else 0
    estimate = None
    if state in (2, 3) and not {"s", "d"} <= memory.keys():
        # Scheduled by SM-2: FSRS needs a memory state to carry on from, worked out when used.
        estimate = partial(_estimated_memory, reviews, interval, factor)
    due_at = None if state == 0 else _due_time(due, created)
    last_review = _last_review(memory, reviews, state, due_at, interval)
    step = None
    if state in (1, 3):
        steps = learn_steps if state == 1 else relearn_steps
        step = max(0, len(steps) - (left % 1000)) if steps else 0
    schedule = ScheduleData(
        state=state,
        due=due_at,
        stability=memory.get("s"),
        difficulty=memory.get("d"),
        step=step,
        last_review=last_review,
        reps=int(reps),
        lapses=int(lapses),
    )
    return CardHistory(ordinal, schedule, reviews, queue == -1, memory=estimate)


def _estimated_memory(reviews: list[ReviewData], interval: int, factor: int) -> tuple[float, float]:
    return memory_from_reviews(reviews) or memory_from_sm2(interval, factor / 1000 or None)


def _memory_state(data: object) -> dict[str, float]:
    """FSRS stability and difficulty and the last review time, when Anki recorded them."""
    if not isinstance(data, str) or not data.startswith("{"):
        return {}
    try:
        parsed = json.loads(data)
    except ValueError:
        return {}
    if not isinstance(parsed, dict):
        return {}
    # Anki ignores card data it cannot use; so does revise, key by key.
    return {
        key: float(parsed[key])
        for key, (low, high) in _FSRS_RANGES.items()
        if isinstance(parsed.get(key), int | float)
        and math.isfinite(parsed[key])
        and low <= parsed[key] <= high
    }


def _due_time(due: int, created: datetime) -> datetime:
    if due > _EPOCH_THRESHOLD:
        return datetime.fromtimestamp(due, UTC)
    return created + timedelta(days=due)


def _last_review(
    memory: dict[str, float],
    reviews: list[ReviewData],
    state: int,
    due_at: datetime | None,
    interval: int,
) -> datetime | None:
    if "lrt" in memory:
        return datetime.fromtimestamp(memory["lrt"], UTC)
    if reviews:
        return reviews[-1].time
    if state == 2 and due_at is not None and interval > 0:
        return due_at - timedelta(days=interval)
    return None


# --- notes -----------------------------------------------------------------------------------


def _note_from(raw: _RawNote, note_type: _NoteType) -> NoteData | None:
    values = dict(zip(note_type.fields, raw.fields, strict=False))
    own = _REVISE_TYPE in note_type.name and set(_REVISE_FIELDS) <= set(note_type.fields)
    if own:  # revise's own note type: its Context and Source fields are not card text
        fields = [name for name in note_type.fields if name not in _REVISE_FIELDS]
        note_type = replace(note_type, fields=fields)
    note = _cloze_note(raw, note_type, values) if note_type.cloze else None
    if note is None:
        note = _card_note(raw, note_type, values)
    if note is not None and own:
        note.context = html_to_text(values.get(CONTEXT_FIELD, ""))[0]
        note.source = _source(html_to_text(values.get(SOURCE_FIELD, ""))[0])
        if note.kind is NoteKind.CLOZE:
            note.front = bracket_cloze(note.front)
        if note.id == meaning_hash(note.kind.value, note.front, note.back):
            note.id = None  # revise wrote the card's meaning as its guid: no id of its own
    return note


_REVISE_TYPE = "(revise)"
_REVISE_FIELDS = (CONTEXT_FIELD, SOURCE_FIELD)


def _source(text: str) -> SourceRef | None:
    try:
        return SourceRef.parse(text) if text else None
    except ValueError:
        return None


def _cloze_note(raw: _RawNote, note_type: _NoteType, values: dict[str, str]) -> NoteData | None:
    question = note_type.templates[0][0] if note_type.templates else ""
    cloze_field = next(
        (name for filters, name in _template_refs(question) if "cloze" in filters),
        note_type.fields[0] if note_type.fields else "",
    )
    front, media = _render([cloze_field], values)
    if not re.search(r"\{\{c\d+::", front):
        return None
    try:
        cloze_segments(front)
    except ClozeError:
        return None
    back_fields = _answer_fields(note_type, [cloze_field])
    back, back_media = _render(back_fields, values)
    return _note(raw, NoteKind.CLOZE, front, back, media + back_media, raw.cards)


def _card_note(raw: _RawNote, note_type: _NoteType, values: dict[str, str]) -> NoteData | None:
    """Basic, reversed and custom note types: the question's fields in front, the rest behind."""
    front_fields = _question_fields(note_type, 0)
    back_fields = _answer_fields(note_type, front_fields)
    ords = {card.ord for card in raw.cards}
    reverse_fields = _question_fields(note_type, 1) if len(note_type.templates) > 1 else []
    reversed_pair = bool(reverse_fields) and set(reverse_fields) <= set(back_fields)
    cards = [card for card in raw.cards if card.ord == 0]
    kind = NoteKind.BASIC
    if reversed_pair and 1 in ords:
        if 0 in ords:
            kind = NoteKind.REVERSED
            cards = [card for card in raw.cards if card.ord in (0, 1)]
        else:
            # Only the reverse card exists (an optional reverse with no forward card).
            front_fields, back_fields = reverse_fields, _answer_fields(note_type, reverse_fields)
            cards = [_renumbered(card, 0) for card in raw.cards if card.ord == 1]
    front, media = _render(front_fields, values)
    back, back_media = _render(back_fields, values)
    if not front and not back:
        return None
    return _note(raw, kind, front, back, media + back_media, cards)


def _renumbered(card: _Card, ordinal: int) -> _Card:
    history = card.history
    return _Card(
        card.id,
        ordinal,
        card.deck_id,
        history.with_ordinal(ordinal),
    )


def _note(
    raw: _RawNote,
    kind: NoteKind,
    front: str,
    back: str,
    media: tuple[str, ...],
    cards: list[_Card],
) -> NoteData:
    return NoteData(
        kind=kind,
        front=front,
        back=back,
        tags=raw.tags,
        id=raw.guid,
        history=[card.history for card in sorted(cards, key=lambda c: c.ord)],
        media=tuple(dict.fromkeys(media)),
    )


@lru_cache(maxsize=256)  # a package has a few templates and many notes asking for them
def _template_refs(template: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(filters, field name) for each `{{filter:...:Field}}` replacement, in order."""
    refs = []
    for match in _TEMPLATE_REF.finditer(template):
        parts = [part.strip() for part in match[1].split(":")]
        refs.append((tuple(part.lower() for part in parts[:-1]), parts[-1]))
    return tuple(refs)


def _question_fields(note_type: _NoteType, ordinal: int) -> list[str]:
    """Fields the question of a template shows; the first field if it shows none."""
    if ordinal >= len(note_type.templates):
        return note_type.fields[:1]
    shown = [
        name
        for filters, name in _template_refs(note_type.templates[ordinal][0])
        if name in note_type.fields and "type" not in filters
    ]
    return list(dict.fromkeys(shown)) or note_type.fields[:1]


def _answer_fields(note_type: _NoteType, front: list[str]) -> list[str]:
    """Fields the answers show beyond the front, in template order; fields no template shows
    are left out (Anki never shows them either), unless the templates name none at all."""
    named: list[str] = []
    for question, answer in note_type.templates:
        for _, name in _template_refs(answer) + _template_refs(question):
            if name in note_type.fields and name not in _SPECIAL_FIELDS:
                named.append(name)
    named = [name for name in dict.fromkeys(named) if name not in front]
    if named:
        return named
    return [name for name in note_type.fields if name not in front]


def _render(names: list[str], values: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    texts: list[str] = []
    media: list[str] = []
    for name in names:
        text, found = html_to_text(values.get(name, ""))
        if text:
            texts.append(text)
        media.extend(found)
    return "\n".join(texts), tuple(media)


# --- media and decks -------------------------------------------------------------------------


def _read_media(archive: SafeZip, version: int, wanted: set[str]) -> dict[str, bytes]:
    """The media files notes refer to, by name; names the package lacks are left out."""
    media_map = _media_map(archive, version)
    media: dict[str, bytes] = {}
    for zip_name, name in media_map.items():
        lookup = name if name in wanted else None
        if lookup is None and unquote(name) in wanted:
            lookup = unquote(name)
        if lookup is None or zip_name not in archive.names:
            continue
        if version >= LATEST_PACKAGE_VERSION:
            media[lookup] = archive.read_zstd(zip_name, MAX_MEDIA_FILE_BYTES)
        else:
            media[lookup] = archive.read(zip_name, MAX_MEDIA_FILE_BYTES)
    return media


def _media_map(archive: SafeZip, version: int) -> dict[str, str]:
    """Archive member name -> media file name, refusing names that would leave the media folder."""
    if "media" not in archive.names:
        return {}
    if version >= LATEST_PACKAGE_VERSION:
        raw = archive.read_zstd("media", 64 * 1024 * 1024)
        try:
            entries = pb.repeated_messages(raw, 1)
            mapping = {
                str(pb.get_int(entry, 255, default=index)): pb.get_str(entry, 1)
                for index, entry in enumerate(entries)
            }
        except pb.WireError as exc:
            raise archive.error(f"its media list is damaged ({exc}); export it again") from exc
    else:
        raw = archive.read("media", 64 * 1024 * 1024)
        try:
            parsed = json.loads(raw.decode("utf-8") or "{}")
        except (UnicodeDecodeError, ValueError) as exc:
            raise archive.error(
                f"its media list is not valid JSON ({exc}); export it again"
            ) from exc
        if not isinstance(parsed, dict):
            raise archive.error("its media list is not a JSON object; export it again")
        mapping = {str(key): str(value) for key, value in parsed.items()}
    for name in mapping.values():
        if problem := media_name_problem(name):
            raise archive.error(
                f"media file name {quoted(name)} {problem}; "
                "the package is unsafe and was not imported"
            )
    return mapping
