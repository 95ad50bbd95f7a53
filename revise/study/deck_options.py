"""Options per deck: daily limits, desired retention, learning steps and maximum interval.

An option set on a deck applies to it and its sub-decks unless a sub-deck sets its own; a deck
with none set above it uses config.toml's. The scope is a deck name ("History" covers
"History::Korea" even with no "History" deck), as for the fitted FSRS parameters. The queue reads
the daily limits from the same table (revise/scheduling/queue.py); the scheduler reads the rest
through `DeckOptionsStore.scheduling`, from the next card on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from revise.config import (
    MAX_INTERVAL_DAYS,
    MAX_PER_DAY,
    MAX_RETENTION,
    MAX_STEP_DAYS,
    MIN_RETENTION,
    MIN_STEP_SECONDS,
    Config,
    format_duration,
    parse_duration,
)
from revise.errors import ReviseError
from revise.scheduling.limits import SEPARATOR
from revise.storage import prepared
from revise.storage.models import DeckOptionsRow
from revise.storage.prepared import Prepared, Row
from revise.textsafe import quoted

options_t = DeckOptionsRow.__table__

Steps = tuple[timedelta, ...]
Value = int | float | Steps


@dataclass(frozen=True)
class OptionKind:
    """One option: its key (as in config.toml), what it means, and how it is read and shown."""

    key: str
    label: str
    want: str  # what a value must be, for the one-line error
    read: Callable[[str], Value | None]  # None: not a valid value
    show: Callable[[Value], str]


def _whole(low: int, high: int) -> Callable[[str], Value | None]:
    def read(text: str) -> int | None:
        text = text.strip()
        if not text.isdigit():
            return None
        value = int(text)
        return value if low <= value <= high else None

    return read


def _retention(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if MIN_RETENTION <= value <= MAX_RETENTION else None


def _steps(text: str) -> Steps | None:
    """Steps as written in config.toml's lists, without the brackets: "1m 10m" or "1m, 10m";
    nothing (or "none") for no steps."""
    words = text.replace(",", " ").split()
    if words in ([], ["none"]):
        return ()
    try:
        steps = tuple(parse_duration(word) for word in words)
    except ValueError:
        return None
    return steps


def show_steps(steps: Value) -> str:
    assert isinstance(steps, tuple)
    return " ".join(format_duration(step) for step in steps) or "none"


def _number(value: Value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


STEPS_WANT = (
    f'durations such as "1m 10m" (s, m, h, d; each from {MIN_STEP_SECONDS}s to {MAX_STEP_DAYS}d), '
    "or none"
)
OPTIONS = (
    OptionKind(
        "new_per_day",
        "New cards a day",
        f"a whole number from 0 to {MAX_PER_DAY}",
        _whole(0, MAX_PER_DAY),
        _number,
    ),
    OptionKind(
        "reviews_per_day",
        "Reviews a day",
        f"a whole number from 0 to {MAX_PER_DAY}",
        _whole(0, MAX_PER_DAY),
        _number,
    ),
    OptionKind(
        "desired_retention",
        "Desired retention",
        f"a number from {MIN_RETENTION} to {MAX_RETENTION}",
        _retention,
        _number,
    ),
    OptionKind("learning_steps", "Learning steps", STEPS_WANT, _steps, show_steps),
    OptionKind("relearning_steps", "Relearning steps", STEPS_WANT, _steps, show_steps),
    OptionKind(
        "maximum_interval_days",
        "Maximum interval (days)",
        f"a whole number from 1 to {MAX_INTERVAL_DAYS}",
        _whole(1, MAX_INTERVAL_DAYS),
        _number,
    ),
)
OPTION_KEYS = tuple(option.key for option in OPTIONS)
_BY_KEY = {option.key: option for option in OPTIONS}
_STEP_KEYS = ("learning_steps", "relearning_steps")


def option(key: str) -> OptionKind:
    if key not in _BY_KEY:
        raise ReviseError(f"unknown deck option {quoted(key)} (options: {', '.join(OPTION_KEYS)})")
    return _BY_KEY[key]


def read_changes(changes: Mapping[str, str | None]) -> dict[str, Value | None]:
    """Option key -> text as typed, checked and read; the first bad key or value is refused
    with one line, before anything is written. None (or "", except for steps, where it means no
    steps) goes back to the parent deck's value."""
    read: dict[str, Value | None] = {}
    for key, text in changes.items():
        kind = option(key)
        if text is None or (not text.strip() and key not in _STEP_KEYS):
            read[key] = None
            continue
        value = kind.read(text)
        if value is None:
            raise ReviseError(f"{key} must be {kind.want}, not {quoted(text.strip())}")
        read[key] = value
    return read


@dataclass(frozen=True)
class SchedulingOptions:
    """What the FSRS scheduler takes from a deck's options."""

    desired_retention: float
    learning_steps: Steps
    relearning_steps: Steps
    maximum_interval_days: int

    def applied_to(self, config: Config) -> Config:
        return replace(
            config,
            desired_retention=self.desired_retention,
            learning_steps=self.learning_steps,
            relearning_steps=self.relearning_steps,
            maximum_interval_days=self.maximum_interval_days,
        )


@dataclass(frozen=True)
class DeckOptions:
    """A deck's options in use, and for each the deck it is set on (None: config.toml)."""

    deck: str
    values: dict[str, Value]
    set_on: dict[str, str | None]
    # What the deck would use with none of its own set: its parents' options, else config.toml's.
    inherited: DeckOptions | None = None

    def shown(self, key: str) -> str:
        return _BY_KEY[key].show(self.values[key])

    def source(self, key: str) -> str:
        """Where an option's value comes from, in words."""
        scope = self.set_on[key]
        if scope is None:
            return "config.toml"
        return "this deck" if scope == self.deck else f"from {scope}"

    def is_own(self, key: str) -> bool:
        return self.set_on[key] == self.deck

    @property
    def scheduling(self) -> SchedulingOptions:
        return SchedulingOptions(
            *(self.values[key] for key in SchedulingOptions.__dataclass_fields__)  # type: ignore[arg-type]
        )

    def as_dict(self) -> dict[str, object]:
        """For `--json`: each option's value (steps as written) and the deck it is set on."""
        return {
            "deck": self.deck,
            "options": {
                key: {
                    "value": self.shown(key) if key in _STEP_KEYS else self.values[key],
                    "set_on": self.set_on[key],
                }
                for key in OPTION_KEYS
            },
        }


def defaults(config: Config) -> dict[str, Value]:
    """config.toml's value of every option."""
    return {key: getattr(config, key) for key in OPTION_KEYS}


Table = dict[str, dict[str, Value]]  # deck name -> the options set on it
# Read before every answer: run straight on the driver (storage/prepared.py).
ALL_ROWS = Prepared(select(options_t).order_by(options_t.c.deck))


class DeckOptionsStore:
    """Reads and writes the options table; the table read last is kept, parsed, until a read
    finds it changed (in any window)."""

    def __init__(self, config: Config) -> None:
        self._defaults = defaults(config)
        self._rows: list[tuple[object, ...]] | None = None
        self._table: Table = {}
        self._scheduling: dict[str, SchedulingOptions] = {}

    def table(self, connection: Connection, rows: list[Row] | None = None) -> Table:
        """The options table as read now, or as `rows` (ALL_ROWS) already read."""
        if rows is None:
            rows = prepared.rows(connection, ALL_ROWS, {})
        if rows != self._rows:
            self._table = {row[0]: _parse_row(row) for row in rows}  # type: ignore[misc]
            self._scheduling = {}
            self._rows = rows
        return self._table

    def resolve(self, table: Table, deck: str, *, own: bool = True) -> DeckOptions:
        """The options `deck` uses; `own=False`: those it would use with none set on it."""
        values = dict(self._defaults)
        set_on: dict[str, str | None] = dict.fromkeys(OPTION_KEYS)
        parts = deck.split(SEPARATOR)
        for depth in range(1, len(parts) + (1 if own else 0)):  # top down: the nearest wins
            scope = SEPARATOR.join(parts[:depth])
            for key, value in table.get(scope, {}).items():
                values[key] = value
                set_on[key] = scope
        inherited = self.resolve(table, deck, own=False) if own else None
        return DeckOptions(deck, values, set_on, inherited)

    def read(self, connection: Connection, deck: str) -> DeckOptions:
        return self.resolve(self.table(connection), deck)

    def scheduling(
        self, connection: Connection, deck: str, rows: list[Row] | None = None
    ) -> SchedulingOptions | None:
        """What FSRS uses for a card of `deck`; None when it is config.toml's. `rows`: the
        options table already read (ALL_ROWS), else it is read now."""
        table = self.table(connection, rows)
        if not table:
            return None
        if deck not in self._scheduling:
            self._scheduling[deck] = self.resolve(table, deck).scheduling
        options = self._scheduling[deck]
        default = DeckOptions(deck, self._defaults, {}).scheduling
        return None if options == default else options

    def change(
        self, connection: Connection, deck: str, changes: Mapping[str, Value | None], now: datetime
    ) -> None:
        """Set (or, with None, unset) options on `deck`, in the caller's transaction."""
        row = connection.execute(
            select(options_t).where(options_t.c.deck == deck).with_for_update()
        ).one_or_none()
        columns = {key: _column(value) for key, value in changes.items()}
        if row is None:
            if any(value is not None for value in columns.values()):
                connection.execute(insert(options_t).values(deck=deck, updated_at=now, **columns))
            return
        merged = {key: getattr(row, key) for key in OPTION_KEYS} | columns
        if all(value is None for value in merged.values()):
            connection.execute(delete(options_t).where(options_t.c.deck == deck))
            return
        connection.execute(
            update(options_t).where(options_t.c.deck == deck).values(updated_at=now, **columns)
        )


def _column(value: Value | None) -> object:
    if isinstance(value, tuple):
        return " ".join(format_duration(step) for step in value)
    return value


def _parse_row(row: tuple[object, ...]) -> dict[str, Value]:
    mapping = dict(zip(options_t.columns.keys(), row, strict=True))
    parsed: dict[str, Value] = {}
    for key in OPTION_KEYS:
        value = mapping[key]
        if value is None:
            continue
        if key in _STEP_KEYS:
            steps = _steps(str(value))
            if steps is None:
                raise ReviseError(
                    f"deck options of {quoted(mapping['deck'])}: stored {key} {quoted(value)} "
                    "is damaged "
                    f"(set it again: revise deck-options DECK --set {key}=...)"
                )
            parsed[key] = steps
        else:
            parsed[key] = value  # type: ignore[assignment]
    return parsed
