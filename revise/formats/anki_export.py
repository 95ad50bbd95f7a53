"""Decks written as an Anki package (.apkg) with notes, tags, card states and review history.

The package holds a legacy schema-11 `collection.anki2`, the format every Anki version (desktop,
AnkiDroid, AnkiMobile) imports, with a JSON media map and numbered media files. Card states map
onto Anki's type/queue/due/ivl columns, FSRS memory onto the card's `data` JSON, and reviews onto
the review log, so Anki continues the schedule rather than starting over.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from revise.config import DEFAULT_DAY_STARTS_AT
from revise.formats.files import atomic_target
from revise.formats.htmltext import html_to_text, text_to_html
from revise.formats.model import (
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ReviewData,
    ScheduleData,
    card_faces,
    cloze_segments,
)
from revise.scheduling.day import day_bounds

SCHEMA_VERSION = 11
DAY = timedelta(days=1)
LEARN_STEPS = (1.0, 10.0)  # minutes; Anki's defaults, written into the deck options
RELEARN_STEPS = (10.0,)
DEFAULT_FACTOR = 2500
# Fixed note type ids so that importing again reuses the note types instead of copying them.
# (Ids of the note types with Context and Source fields; the two-field types had ...419-421.)
MODEL_IDS = {
    NoteKind.BASIC: 1_342_697_561_422,
    NoteKind.REVERSED: 1_342_697_561_423,
    NoteKind.CLOZE: 1_342_697_561_424,
}
# Every revise note type ends with these fields, so that a package read back keeps each card's
# heading trail and the lines it came from. Anki shows the context above the question.
CONTEXT_FIELD, SOURCE_FIELD = "Context", "Source"
_CSS = (
    ".card { font-family: arial; font-size: 20px; text-align: center; }\n"
    ".context { font-size: 14px; color: grey; margin-bottom: 1em; }\n"
)
_CONTEXT = "{{#Context}}<div class=context>{{Context}}</div>{{/Context}}\n"
_ANSWER = "{{FrontSide}}\n\n<hr id=answer>\n\n"

_SCHEMA = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
"""


def write_apkg(
    decks: list[DeckData],
    path: Path,
    *,
    now: datetime | None = None,
    day_starts_at: int = DEFAULT_DAY_STARTS_AT,
) -> None:
    """Write `decks` as an Anki package at `path` (replaced whole, never left half-written).

    `day_starts_at` is the local hour study days begin at, so that a review card is due in Anki
    on the study day revise would show it.
    """
    now = now or datetime.now(UTC)
    media = _collect_media(decks)
    collection = _build_collection(decks, now, day_starts_at)
    media_map = {str(index): name for index, name in enumerate(media)}
    with (
        atomic_target(path) as temporary,
        zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("collection.anki2", collection)
        archive.writestr("media", json.dumps(media_map))
        for index, name in media_map.items():
            archive.writestr(index, media[name])


def anki_cloze_text(front: str) -> str:
    """A cloze text in Anki's `{{c1::deletion::hint}}` spelling, whichever spelling it uses."""
    pieces = []
    for text, group, hint in cloze_segments(front):
        if group is None:
            pieces.append(text)
        else:
            pieces.append(f"{{{{c{group + 1}::{text}{'::' + hint if hint else ''}}}}}")
    return "".join(pieces)


def _collect_media(decks: list[DeckData]) -> dict[str, bytes]:
    media: dict[str, bytes] = {}
    for deck in decks:
        for note in deck.notes:
            for name in note.media:
                if name in deck.media:
                    media.setdefault(name, deck.media[name])
    return media


# --- the collection ------------------------------------------------------------------------


@dataclass
class _Ids:
    """Anki ids are millisecond timestamps; each table's ids just have to be unique."""

    next_note: int
    next_card: int
    used_revlog: set[int] = field(default_factory=set)

    def note(self) -> int:
        self.next_note += 1
        return self.next_note

    def card(self) -> int:
        self.next_card += 1
        return self.next_card

    def revlog(self, when: datetime) -> int:
        stamp = int(when.timestamp() * 1000)
        while stamp in self.used_revlog:
            stamp += 1
        self.used_revlog.add(stamp)
        return stamp


def _build_collection(decks: list[DeckData], now: datetime, day_starts_at: int) -> bytes:
    days = _Days(_earliest_moment(decks, now), day_starts_at)
    now_ms = int(now.timestamp() * 1000)
    ids = _Ids(next_note=now_ms, next_card=now_ms)
    deck_ids = _deck_ids(decks, now_ms)
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(_SCHEMA)
        position = 0
        for deck in decks:
            for note in deck.notes:
                position = _insert_note(conn, note, deck_ids[deck.name], ids, days, now, position)
        _insert_col(conn, decks, deck_ids, days.created, now, position)
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


class _Days:
    """Anki's day numbers for review cards: whole days since the collection's creation time.

    Anki counts a package's days as elapsed 24-hour periods from its creation time, so that time
    is put at the local hour study days start: a card then falls due in Anki on the same study
    day as in revise, whatever the time zone. It is a day before the earliest date the package
    holds, so day numbers stay positive.
    """

    def __init__(self, earliest: datetime, starts_at: int) -> None:
        self.starts_at = starts_at
        self.created = self._study_day_start(earliest) - DAY

    def number(self, moment: datetime) -> int:
        """The day number of the study day that `moment` falls in."""
        return round((self._study_day_start(moment) - self.created) / DAY)

    def _study_day_start(self, moment: datetime) -> datetime:
        return day_bounds(moment, self.starts_at)[0]


def _earliest_moment(decks: list[DeckData], now: datetime) -> datetime:
    """The earliest of now and every due date, last review and review time the decks hold."""
    earliest = now
    for deck in decks:
        for note in deck.notes:
            for history in note.history:
                for moment in _moments(history):
                    earliest = min(earliest, moment)
    return earliest


def _moments(history: CardHistory) -> Iterator[datetime]:
    schedule = history.schedule
    if schedule is not None:
        yield from (t for t in (schedule.due, schedule.last_review) if t is not None)
    yield from (review.time for review in history.reviews)


def _deck_ids(decks: list[DeckData], now_ms: int) -> dict[str, int]:
    """Ids for each deck and for the parents of `A::B` names, which Anki expects to exist."""
    names: list[str] = []
    for deck in decks:
        parts = deck.name.split("::")
        for depth in range(1, len(parts) + 1):
            names.append("::".join(parts[:depth]))
    ids = {name: now_ms + index for index, name in enumerate(dict.fromkeys(names), start=1)}
    if "Default" in ids:
        ids["Default"] = 1  # Anki's own default deck always has id 1
    return ids


def _insert_note(
    conn: sqlite3.Connection,
    note: NoteData,
    deck_id: int,
    ids: _Ids,
    days: _Days,
    now: datetime,
    position: int,
) -> int:
    first = anki_cloze_text(note.front) if note.kind is NoteKind.CLOZE else note.front
    fields = [
        text_to_html(first, note.media),
        text_to_html(note.back, note.media),
        text_to_html(note.context),
        text_to_html(str(note.source)) if note.source else "",
    ]
    sort_text = html_to_text(fields[0])[0]
    note_id = ids.note()
    conn.execute(
        "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
        (
            note_id,
            note.key,
            MODEL_IDS[note.kind],
            int(now.timestamp()),
            _tags_text(note.tags),
            "\x1f".join(fields),
            sort_text,
            _checksum(sort_text),
        ),
    )
    histories = {history.ordinal: history for history in note.history}
    for face in card_faces(note):
        history = histories.get(face.ordinal, CardHistory(face.ordinal))
        position += 1
        _insert_card(conn, note_id, deck_id, history, ids, days, now, position)
    return position


def _tags_text(tags: tuple[str, ...]) -> str:
    cleaned = ["_".join(tag.split()) for tag in tags if tag.strip()]
    return f" {' '.join(cleaned)} " if cleaned else ""


def _checksum(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


# --- card states and the review log ----------------------------------------------------------


@dataclass
class _AnkiCard:
    type: int = 0
    queue: int = 0
    due: int = 0
    ivl: int = 0
    factor: int = 0
    left: int = 0
    data: str = ""


def _insert_card(
    conn: sqlite3.Connection,
    note_id: int,
    deck_id: int,
    history: CardHistory,
    ids: _Ids,
    days: _Days,
    now: datetime,
    position: int,
) -> None:
    schedule = history.schedule or ScheduleData(state=0)
    card = _anki_card(schedule, days, position)
    if history.suspended:
        card.queue = -1
    card_id = ids.card()
    conn.execute(
        "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
        (
            card_id,
            note_id,
            deck_id,
            history.ordinal,
            int(now.timestamp()),
            card.type,
            card.queue,
            card.due,
            card.ivl,
            card.factor,
            schedule.reps or len(history.reviews),
            schedule.lapses,
            card.left,
            card.data,
        ),
    )
    for row in _revlog_rows(history.reviews, schedule, card_id, ids):
        conn.execute("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)", row)


def _anki_card(schedule: ScheduleData, days: _Days, position: int) -> _AnkiCard:
    if schedule.state == 0 or schedule.due is None:
        return _AnkiCard(due=position)
    interval = _interval_days(schedule)
    data = _memory_json(schedule)
    if schedule.state == 2:
        due_day = days.number(schedule.due)
        return _AnkiCard(2, 2, due_day, interval, DEFAULT_FACTOR, 0, data)
    steps = LEARN_STEPS if schedule.state == 1 else RELEARN_STEPS
    remaining = max(1, len(steps) - (schedule.step or 0))
    due_seconds = int(schedule.due.timestamp())
    if schedule.state == 1:
        return _AnkiCard(1, 1, due_seconds, 0, 0, remaining, data)
    return _AnkiCard(3, 1, due_seconds, interval, DEFAULT_FACTOR, remaining, data)


def _interval_days(schedule: ScheduleData) -> int:
    if schedule.due is not None and schedule.last_review is not None:
        return max(1, round((schedule.due - schedule.last_review) / DAY))
    if schedule.stability:
        return max(1, round(schedule.stability))
    return 1


def _memory_json(schedule: ScheduleData) -> str:
    """Anki's per-card FSRS memory (stability, difficulty, last review time) when known."""
    if schedule.stability is None or schedule.difficulty is None:
        return ""
    memory: dict[str, float | int] = {
        "s": round(schedule.stability, 4),
        "d": round(schedule.difficulty, 3),
    }
    if schedule.last_review is not None:
        memory["lrt"] = int(schedule.last_review.timestamp())
    return json.dumps(memory, separators=(",", ":"))


def _revlog_rows(
    reviews: list[ReviewData], schedule: ScheduleData, card_id: int, ids: _Ids
) -> Iterator[tuple[int, int, int, int, int, int, int, int]]:
    """Review log rows. Which answers were learning steps is inferred: answers on the day of
    the first one are learning, an answer the same day after an Again is relearning."""
    ordered = sorted(reviews, key=lambda review: review.time)
    last_interval = 0
    for index, review in enumerate(ordered):
        following = ordered[index + 1].time if index + 1 < len(ordered) else schedule.due
        kind = _review_kind(ordered, index)
        interval = _logged_interval(review.time, following)
        factor = 0 if kind == 0 else DEFAULT_FACTOR
        yield (
            ids.revlog(review.time),
            card_id,
            review.rating,
            interval,
            last_interval,
            factor,
            review.duration_ms or 0,
            kind,
        )
        last_interval = interval


def _review_kind(ordered: list[ReviewData], index: int) -> int:
    first_day = ordered[0].time.date()
    review = ordered[index]
    if review.time.date() == first_day:
        return 0
    previous = ordered[index - 1]
    if previous.rating == 1 and previous.time.date() == review.time.date():
        return 2
    return 1


def _logged_interval(when: datetime, following: datetime | None) -> int:
    """Days to the next review, or negative seconds when under a day (Anki's convention)."""
    if following is None or following <= when:
        return 0
    gap = following - when
    if gap < DAY:
        return -int(gap.total_seconds())
    return round(gap / DAY)


# --- the col row: note types, decks, options -------------------------------------------------


def _insert_col(
    conn: sqlite3.Connection,
    decks: list[DeckData],
    deck_ids: dict[str, int],
    created: datetime,
    now: datetime,
    next_position: int,
) -> None:
    now_ms = int(now.timestamp() * 1000)
    mod = int(now.timestamp())
    descriptions = {deck.name: deck.description for deck in decks}
    deck_json = {"1": _deck_json(1, "Default", descriptions.get("Default", ""), mod)}
    for name, deck_id in deck_ids.items():
        deck_json[str(deck_id)] = _deck_json(deck_id, name, descriptions.get(name, ""), mod)
    conf = {
        "nextPos": next_position + 1,
        "estTimes": True,
        "activeDecks": [1],
        "sortType": "noteFld",
        "timeLim": 0,
        "sortBackwards": False,
        "addToCur": True,
        "curDeck": 1,
        "newSpread": 0,
        "dueCounts": True,
        "curModel": MODEL_IDS[NoteKind.BASIC],
        "collapseTime": 1200,
        "schedVer": 2,
    }
    conn.execute(
        "INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')",
        (
            int(created.timestamp()),
            now_ms,
            now_ms,
            SCHEMA_VERSION,
            json.dumps(conf),
            json.dumps({str(mid): _model_json(kind, mod) for kind, mid in MODEL_IDS.items()}),
            json.dumps(deck_json),
            json.dumps({"1": _options_json(mod)}),
        ),
    )


def _deck_json(deck_id: int, name: str, description: str, mod: int) -> dict[str, object]:
    return {
        "id": deck_id,
        "name": name,
        "mod": mod,
        "usn": -1,
        "desc": text_to_html(description),
        "dyn": 0,
        "conf": 1,
        "collapsed": False,
        "browserCollapsed": False,
        "extendNew": 0,
        "extendRev": 0,
        "newToday": [0, 0],
        "revToday": [0, 0],
        "lrnToday": [0, 0],
        "timeToday": [0, 0],
    }


def _model_json(kind: NoteKind, mod: int) -> dict[str, object]:
    if kind is NoteKind.CLOZE:
        names = ["Text", "Back Extra", CONTEXT_FIELD, SOURCE_FIELD]
        templates = [
            ("Cloze", _CONTEXT + "{{cloze:Text}}", _CONTEXT + "{{cloze:Text}}<br>\n{{Back Extra}}")
        ]
    else:
        names = ["Front", "Back", CONTEXT_FIELD, SOURCE_FIELD]
        templates = [("Card 1", _CONTEXT + "{{Front}}", _ANSWER + "{{Back}}")]
        if kind is NoteKind.REVERSED:
            templates.append(("Card 2", _CONTEXT + "{{Back}}", _ANSWER + "{{Front}}"))
    return {
        "id": MODEL_IDS[kind],
        "name": {
            NoteKind.BASIC: "Basic (revise)",
            NoteKind.REVERSED: "Basic and reversed (revise)",
            NoteKind.CLOZE: "Cloze (revise)",
        }[kind],
        "type": 1 if kind is NoteKind.CLOZE else 0,
        "mod": mod,
        "usn": -1,
        "sortf": 0,
        "did": None,
        "tmpls": [
            {
                "name": name,
                "ord": ordinal,
                "qfmt": question,
                "afmt": answer,
                "bqfmt": "",
                "bafmt": "",
                "did": None,
                "bfont": "",
                "bsize": 0,
            }
            for ordinal, (name, question, answer) in enumerate(templates)
        ],
        "flds": [
            {
                "name": name,
                "ord": ordinal,
                "sticky": False,
                "rtl": False,
                "font": "Arial",
                "size": 20,
                "media": [],
            }
            for ordinal, name in enumerate(names)
        ],
        "css": _CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": False,
        # Which fields each card needs: the reverse card needs the back.
        "req": [[ordinal, "any", [ordinal]] for ordinal in range(len(templates))],
        "tags": [],
        "vers": [],
    }


def _options_json(mod: int) -> dict[str, object]:
    return {
        "id": 1,
        "name": "Default",
        "mod": mod,
        "usn": -1,
        "maxTaken": 60,
        "autoplay": True,
        "timer": 0,
        "replayq": True,
        "dyn": False,
        "new": {
            "bury": False,
            "delays": list(LEARN_STEPS),
            "initialFactor": DEFAULT_FACTOR,
            "ints": [1, 4, 0],
            "order": 1,
            "perDay": 20,
        },
        "rev": {
            "bury": False,
            "ease4": 1.3,
            "ivlFct": 1.0,
            "maxIvl": 36500,
            "perDay": 200,
            "hardFactor": 1.2,
        },
        "lapse": {
            "delays": list(RELEARN_STEPS),
            "leechAction": 1,
            "leechFails": 8,
            "minInt": 1,
            "mult": 0.0,
        },
    }
