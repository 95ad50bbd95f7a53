"""Plain data that every reader produces and every writer consumes.

Readers (the deck text format, CSV, Anki packages, the notes generator) return these objects and
never touch the database; the collection stores them. Times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from revise.textsafe import inert, quoted

# A card side longer than this is not a card but a damaged or hostile file: every reader refuses it.
MAX_FIELD_CHARS = 128 * 1024


def field_too_long(text: str) -> bool:
    return len(text) > MAX_FIELD_CHARS


FIELD_TOO_LONG = f"a field longer than {MAX_FIELD_CHARS // 1024} KB"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MICROSECOND = timedelta(microseconds=1)


class NoteKind(StrEnum):
    """How a note turns into cards."""

    BASIC = "basic"  # one card: front -> back
    REVERSED = "reversed"  # two cards: front -> back and back -> front
    CLOZE = "cloze"  # one card per [deletion] in the text


@dataclass(frozen=True)
class SourceRef:
    """Where a note came from: a file and an inclusive 1-based line span."""

    path: str
    start: int
    end: int

    def __str__(self) -> str:
        if self.start == self.end:
            return f"{self.path}:{self.start}"
        return f"{self.path}:{self.start}-{self.end}"

    @classmethod
    def parse(cls, text: str) -> SourceRef:
        """Parse `path:12` or `path:12-14`; raise ValueError otherwise."""
        match = re.fullmatch(r"(.+):(\d+)(?:-(\d+))?", text.strip())
        if not match:
            raise ValueError(
                f"not a source reference (want path:LINE or path:START-END): {quoted(text)}"
            )
        start = int(match[2])
        end = int(match[3]) if match[3] else start
        if end < start:
            raise ValueError(f"source reference ends before it starts: {quoted(text)}")
        return cls(match[1], start, end)


class ReviewData:
    """One past review, as another tool recorded it.

    A reader that has the time in epoch milliseconds (Anki's review log) gives it as such
    (`at_ms`): a package holds hundreds of thousands of reviews, and a re-import compares their
    times with the stored ones without making a datetime of each.
    """

    __slots__ = ("_ms", "_time", "duration_ms", "rating")

    def __init__(self, time: datetime, rating: int, duration_ms: int | None = None) -> None:
        self._time: datetime | None = time
        self._ms: int | None = None
        self.rating = rating  # 1 Again, 2 Hard, 3 Good, 4 Easy
        self.duration_ms = duration_ms

    @classmethod
    def at_ms(cls, ms: int, rating: int, duration_ms: int | None = None) -> ReviewData:
        review = cls.__new__(cls)
        review._time, review._ms = None, ms
        review.rating, review.duration_ms = rating, duration_ms
        return review

    @property
    def time(self) -> datetime:
        if self._time is None:
            self._time = datetime.fromtimestamp(self.ms / 1000, UTC)
        return self._time

    @property
    def ms(self) -> int:
        """The time in epoch milliseconds, as the collection stores it."""
        if self._ms is None:
            self._ms = int(self.time.timestamp() * 1000)
        return self._ms

    @property
    def microseconds(self) -> int:
        """The time in microseconds since the epoch, as exact as `time`, made without it when
        the time was given in milliseconds."""
        if self._time is None:
            return self.ms * 1000
        return (self._time - _EPOCH) // _ONE_MICROSECOND

    def _fields(self) -> tuple[object, ...]:
        return (self.time, self.rating, self.duration_ms)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReviewData) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"ReviewData(time={self.time!r}, rating={self.rating!r}, "
            f"duration_ms={self.duration_ms!r})"
        )


@dataclass(frozen=True)
class ScheduleData:
    """A card's scheduling state as another tool left it (FSRS terms)."""

    state: int  # 0 new, 1 learning, 2 review, 3 relearning
    due: datetime | None = None
    stability: float | None = None
    difficulty: float | None = None
    step: int | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0


Memory = Callable[[], tuple[float, float]]  # works out a card's (stability, difficulty)


class CardHistory:
    """What a reader knows about one card of a note beyond its text (Anki packages).

    A reader may leave the FSRS memory of its schedule to be worked out (`memory`): replaying a
    card's reviews takes time, and a re-import of a deck already stored needs it only for the
    cards studied elsewhere since. It is worked out the first time `schedule` is read.
    """

    __slots__ = ("_memory", "_schedule", "ordinal", "reviews", "suspended")

    def __init__(
        self,
        ordinal: int,
        schedule: ScheduleData | None = None,
        reviews: list[ReviewData] | None = None,
        suspended: bool = False,
        *,
        memory: Memory | None = None,
    ) -> None:
        self.ordinal = ordinal
        self.reviews = [] if reviews is None else reviews
        self.suspended = suspended
        self._schedule = schedule
        self._memory = memory if schedule is not None else None

    @property
    def schedule(self) -> ScheduleData | None:
        if self._memory is not None and self._schedule is not None:
            stability, difficulty = self._memory()
            self._schedule = replace(self._schedule, stability=stability, difficulty=difficulty)
            self._memory = None
        return self._schedule

    @schedule.setter
    def schedule(self, schedule: ScheduleData | None) -> None:
        self._schedule, self._memory = schedule, None

    @property
    def last_review(self) -> datetime | None:
        """When the card was last reviewed, without working out its memory."""
        return None if self._schedule is None else self._schedule.last_review

    def with_ordinal(self, ordinal: int) -> CardHistory:
        """The same card numbered `ordinal`, its memory still to be worked out if it was."""
        copy = CardHistory(ordinal, self._schedule, self.reviews, self.suspended)
        copy._memory = self._memory
        return copy

    def _fields(self) -> tuple[object, ...]:
        return (self.ordinal, self.schedule, self.reviews, self.suspended)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CardHistory) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return (
            f"CardHistory(ordinal={self.ordinal!r}, schedule={self.schedule!r}, "
            f"reviews={self.reviews!r}, suspended={self.suspended!r})"
        )


@dataclass(slots=True)  # a million-row table holds a million of these
class NoteData:
    """One fact as written in a deck file.

    For BASIC and REVERSED notes `front` and `back` are the two sides. For CLOZE notes `front` is
    the text with its deletions in square brackets (`In [1896] Russia...`, `\\[` for a literal
    bracket) and `back` is optional extra text shown with the answer.
    """

    kind: NoteKind
    front: str
    back: str = ""
    context: str = ""  # heading trail, e.g. "Korean War > Stalin's priorities"
    tags: tuple[str, ...] = ()
    source: SourceRef | None = None
    id: str | None = None  # explicit identity (written id, Anki guid); None: derived from text
    line: int = 0  # line in the deck file where the note starts, for error messages
    history: list[CardHistory] = field(default_factory=list)
    media: tuple[str, ...] = ()  # names of media files in DeckData.media this note refers to
    origin: str | None = None  # a digest of what the file says of it (a package's note, a row)
    # Read no further than its origin, which the collection already holds (`key` from there):
    # the package says of it what it said when the note was last imported.
    as_imported: bool = False

    @property
    def key(self) -> str:
        """The note's identity: its explicit id, else a hash of its normalised meaning."""
        if self.id:
            return self.id
        return meaning_hash(self.kind.value, self.front, self.back)


DECK_SEPARATOR = "::"  # Parent::Child
MAX_DECK_NAME = 500  # the decks.name column's length


def deck_name_problem(name: str) -> str | None:
    """What keeps `name` from naming a deck, as one line saying how to write it; None if it can.
    Control characters are a problem only for a name typed in revise (study/editing.py): a file
    may bring them, and they are shown inert."""
    if not name.strip():
        return "empty deck name (give the deck a name)"
    if not inert(name).strip():  # zero-width spaces, bidi marks: a name no one could type
        return "deck name of invisible characters only (give the deck a name you can see)"
    if len(name) > MAX_DECK_NAME:
        return f"deck name longer than {MAX_DECK_NAME} characters (shorten it)"
    if any(not inert(part).strip() for part in name.split(DECK_SEPARATOR)):
        return f"deck name {quoted(name)} has an empty part (write Parent{DECK_SEPARATOR}Child)"
    return None


@dataclass
class DeckData:
    """A deck as read from a file."""

    name: str
    notes: list[NoteData] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    source: str | None = None  # what the deck was made from, e.g. notes/russia.txt
    description: str = ""
    media: dict[str, bytes] = field(default_factory=dict)
    file: str | None = None  # the revise deck file it was read from, to write it back to


class RowSource(Protocol):
    """A file imported a batch of notes at a time as it is stored, never whole in memory: a
    table (revise.formats.csvdeck.TableReader), a large Anki package (revise.formats.anki)."""

    lines: int  # about how many notes (a table: its lines), for progress

    def batches(self) -> Iterator[list[tuple[str, NoteData]]]:
        """(deck name, note) for each note of each batch, from the start on every call."""
        ...

    def origins(self) -> Iterator[tuple[str, str]] | None:
        """(deck name, origin) of each row in order, the rows read no further, from the start
        on every call (each note `batches` gives has its row's origin); None if the file
        cannot tell its notes' origins so."""
        ...

    def deck_info(self, name: str) -> DeckData:
        """What the file says of the deck `name` beyond its notes (none in it)."""
        ...

    def media(self) -> dict[str, bytes]:
        """The media files the notes of the last `batches` refer to, by name."""
        ...

    def close(self) -> None:
        """Let go of the file (and any temporary copy of it): the import is done."""
        ...


@contextmanager
def closed_after(sources: Iterable[RowSource]) -> Iterator[None]:
    """A block after which (however it ends) every one of `sources` is closed."""
    try:
        yield
    finally:
        for source in sources:
            source.close()


# Brackets survive normalisation so that moving a cloze deletion makes a different note.
_PUNCTUATION = re.compile(r"[^\w\[\]]+|_+", re.UNICODE)


# The same folding for ASCII text in one pass of bytes.translate: letters lowered, digits and
# brackets kept, every other byte (underscore too, as _PUNCTUATION has it) a space.
_ASCII_FOLD = (
    bytes(
        byte if chr(byte).isalnum() or chr(byte) in "[]" else ord(" ") for byte in range(128)
    ).lower()
    + b" " * 128
)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold case, punctuation and whitespace so that only a text's words remain."""
    if "\n" in text and not text.isascii():
        # A line break folds to a space and changes nothing around it: a long text is folded
        # line by line, so that one dash or accent does not send all of it the slow way.
        return " ".join(filter(None, map(_fold, text.split("\n"))))
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def meaning_hash(*parts: str) -> str:
    """A short stable id from the normalised meaning of some texts."""
    import hashlib  # here, not at the top: `revise study` shows its first card without it (2 ms)

    # Folded without normalise's cache (the generator's, for texts it compares again and again):
    # an import folds each text once, for its note's key, and a cache of a table's cells took
    # more memory than the rest of its import.
    fold = normalise.__wrapped__
    joined = "\x1f".join(fold(part) for part in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=8).hexdigest()


class CardFace:
    """What one card of a note shows: the prompt, the answer, and the full text on reveal.

    A cloze card's prompt is built when it is first read, so that listing the cards of a note
    with thousands of deletions costs time in proportion to its text, not to the text times the
    number of deletions.
    """

    __slots__ = ("_prompt", "_render", "answer", "full", "ordinal")

    def __init__(
        self,
        ordinal: int,
        prompt: str | None,
        answer: str,
        full: str,
        *,
        render: Callable[[], str] | None = None,
    ) -> None:
        self.ordinal = ordinal
        self.answer = answer
        self.full = full
        self._prompt = prompt
        self._render = render

    @property
    def prompt(self) -> str:
        if self._prompt is None:
            self._prompt = self._render() if self._render else ""
        return self._prompt

    def _key(self) -> tuple[int, str, str, str]:
        return (self.ordinal, self.prompt, self.answer, self.full)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CardFace) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"CardFace(ordinal={self.ordinal}, prompt={self.prompt!r}, answer={self.answer!r}, "
            f"full={self.full!r})"
        )


class ClozeError(ValueError):
    """A cloze text that cannot be split into deletions; `offset` is where it goes wrong."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
GAP = "[...]"


def cloze_segments(text: str) -> list[tuple[str, int | None, str]]:
    """Split a cloze text into (text, group, hint) pieces; group is None for plain text.

    Two spellings are understood: `[deletion]` (one card each, `\\[` for a literal bracket) and
    Anki's `{{c1::deletion::hint}}` (deletions sharing a number form one card).
    """
    if _ANKI_CLOZE.search(text):
        pieces: list[tuple[str, int | None, str]] = []
        end = 0
        for match in _ANKI_CLOZE.finditer(text):
            pieces.append((text[end : match.start()], None, ""))
            if not match[2].strip():
                raise ClozeError("empty cloze deletion", match.start())
            pieces.append((match[2], int(match[1]) - 1, match[3] or ""))
            end = match.end()
        pieces.append((text[end:], None, ""))
        return [piece for piece in pieces if piece[0] or piece[1] is not None]
    quick = None if "\\" in text else _bracket_segments(text)
    if quick is not None:
        return quick
    pieces = []
    plain: list[str] = []
    group = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "[]\\":
            plain.append(text[index + 1])
            index += 2
            continue
        if char == "[":
            close = _closing_bracket(text, index)
            inner = _unescape(text[index + 1 : close])
            if not inner.strip():
                raise ClozeError("empty cloze deletion []", index)
            if plain:
                pieces.append(("".join(plain), None, ""))
                plain = []
            pieces.append((inner, group, ""))
            group += 1
            index = close + 1
            continue
        plain.append(char)
        index += 1
    if plain:
        pieces.append(("".join(plain), None, ""))
    return pieces


def _bracket_segments(text: str) -> list[tuple[str, int | None, str]] | None:
    """`cloze_segments` of a text with no escape in it, from one bracket to the next; None
    where a bracket is out of place (the character by character reading says where)."""
    pieces: list[tuple[str, int | None, str]] = []
    group = 0
    index = 0
    while (start := text.find("[", index)) != -1:
        close = text.find("]", start + 1)
        if close == -1 or not text[start + 1 : close].strip() or "[" in text[start + 1 : close]:
            return None
        if start > index:
            pieces.append((text[index:start], None, ""))
        pieces.append((text[start + 1 : close], group, ""))
        group += 1
        index = close + 1
    if index < len(text):
        pieces.append((text[index:], None, ""))
    return pieces


def bracket_cloze(text: str) -> str:
    """A cloze in Anki's `{{c1::...}}` spelling in revise's `[...]` one, when that spelling can
    say the same (deletions numbered in order, one each, no hints); otherwise as it is."""
    segments = cloze_segments(text)
    groups = [group for _, group, _ in segments if group is not None]
    if groups != list(range(len(groups))) or any(hint for _, _, hint in segments):
        return text
    return "".join(
        _escaped_brackets(piece) if group is None else f"[{_escaped_brackets(piece)}]"
        for piece, group, _ in segments
    )


_BRACKETS = re.compile(r"[\[\]]|\\(?=[\[\]\\])")


def _escaped_brackets(text: str) -> str:
    return _BRACKETS.sub(lambda match: "\\" + match[0], text)


def _closing_bracket(text: str, start: int) -> int:
    index = start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == "[":
            raise ClozeError("'[' inside a cloze deletion (write \\[ for a literal bracket)", index)
        if text[index] == "]":
            return index
        index += 1
    raise ClozeError("'[' without a closing ']' (write \\[ for a literal bracket)", start)


def _unescape(text: str) -> str:
    return re.sub(r"\\([\[\]\\])", r"\1", text)


def card_faces(note: NoteData) -> list[CardFace]:
    """The cards a note makes, in ordinal order."""
    if note.kind is NoteKind.BASIC:
        return [CardFace(0, note.front, note.back, note.back)]
    if note.kind is NoteKind.REVERSED:
        return [
            CardFace(0, note.front, note.back, note.back),
            CardFace(1, note.back, note.front, note.front),
        ]
    segments = cloze_segments(note.front)
    deletions: dict[int, list[str]] = {}
    for piece, group, _ in segments:
        if group is not None:
            deletions.setdefault(group, []).append(piece)
    shown = "".join(piece for piece, _, _ in segments) + (f"\n\n{note.back}" if note.back else "")

    def prompt(group: int) -> Callable[[], str]:
        return lambda: "".join(
            (f"[{hint}]" if hint else GAP) if seg_group == group else piece
            for piece, seg_group, hint in segments
        )

    return [
        CardFace(group, None, ", ".join(deletions[group]), shown, render=prompt(group))
        for group in sorted(deletions)
    ]
