"""The origins of the notes imported from Anki packages, held compactly for a re-import.

A re-import reads no further the notes whose origin (a digest of all a package says of a note,
32 hex digits) is stored: for that it looks up every note's origin among the stored ones. Held
as a dict of strings these take about 200 bytes a note (20 MB for 100,000 notes); here each
origin is two 64-bit numbers in sorted arrays and each key a slice of one text, about 30 bytes
a note, read from the database in sorted order a part at a time.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate

from sqlalchemy import Connection

# Rows fetched from the database at a time: 10,000 put 5 MB on a re-import's peak memory (the
# rows, and the driver's and SQLAlchemy's objects for them), above the origins kept.
_ROWS_AT_ONCE = 1_000
_HEX_DIGITS = 32  # an origin: a 16-byte digest in hex
_LOW_HALF = (1 << 64) - 1
# Notes read no further when their origin is met again: not those missing or edited in the app
# (their package is read whole, so that an open conflict is listed again). Byte order, in which
# hex digits sort as the numbers they spell.
_STORED = (
    "SELECT origin, key FROM notes WHERE origin IS NOT NULL AND NOT missing"
    " AND edited_at IS NULL ORDER BY origin{collate}"
)


class KnownOrigins(Mapping[str, str]):
    """Origin -> key of the stored notes imported from packages."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        """From (origin, key) pairs, best in ascending order of origin (else sorted here); an
        origin that is not 32 hex digits (none revise writes) is left out: no note has it."""
        self._high, self._low = array("Q"), array("Q")
        self._ends = array("Q")  # where each key ends in _keys
        pieces: list[str] = []  # the keys, joined a few thousand at a time as they come
        keys: list[str] = []
        ordered = True
        for origin, key in pairs:
            number = _number(origin)
            if number is None:
                continue
            if self._high and number <= (self._high[-1], self._low[-1]):
                ordered = False
            self._high.append(number[0])
            self._low.append(number[1])
            self._ends.append((self._ends[-1] if self._ends else 0) + len(key))
            keys.append(key)
            if len(keys) == _ROWS_AT_ONCE:
                pieces.append("".join(keys))
                keys = []
        self._keys = "".join([*pieces, *keys])
        if not ordered:  # not read in order (no database revise knows): sorted once here
            keys = [self._key(i) for i in range(len(self._high))]
            order = sorted(range(len(keys)), key=lambda i: (self._high[i], self._low[i]))
            self._high = array("Q", (self._high[i] for i in order))
            self._low = array("Q", (self._low[i] for i in order))
            self._ends = array("Q", accumulate(len(keys[i]) for i in order))
            self._keys = "".join(keys[i] for i in order)

    def _key(self, index: int) -> str:
        start = self._ends[index - 1] if index else 0
        return self._keys[start : self._ends[index]]

    def _index(self, origin: object) -> int | None:
        highs = self._high
        if not highs or not isinstance(origin, str) or len(origin) != _HEX_DIGITS:
            return None  # nothing to look for (a first import), or no origin revise writes
        try:
            number = int(origin, 16)
        except ValueError:
            return None
        high = number >> 64
        index = bisect_left(highs, high)
        if index == len(highs) or highs[index] != high:
            return None  # most lookups of a first-seen note end here
        low = number & _LOW_HALF
        while index < len(highs) and highs[index] == high:
            if self._low[index] == low:
                return index
            index += 1
        return None

    def __contains__(self, origin: object) -> bool:
        return self._index(origin) is not None

    def __getitem__(self, origin: str) -> str:
        index = self._index(origin)
        if index is None:
            raise KeyError(origin)
        return self._key(index)

    def get(self, origin: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The key of the note of that origin (one lookup: a re-import makes one a note)."""
        index = self._index(origin)
        return default if index is None else self._key(index)

    def __len__(self) -> int:
        return len(self._high)

    def __iter__(self) -> Iterator[str]:
        for high, low in zip(self._high, self._low, strict=True):
            yield f"{high:016x}{low:016x}"


def _number(origin: str) -> tuple[int, int] | None:
    """The origin as two 64-bit numbers (high half, low half), None if it is not one."""
    if len(origin) != _HEX_DIGITS:
        return None
    try:
        number = int(origin, 16)
    except ValueError:
        return None
    return number >> 64, number & _LOW_HALF


def known_origins(connection: Connection) -> KnownOrigins:
    """The origins of the stored notes a re-import reads no further, and their keys."""
    collate = ' COLLATE "C"' if connection.dialect.name == "postgresql" else ""
    result = connection.exec_driver_sql(  # from a server too, a part at a time
        _STORED.format(collate=collate), execution_options={"stream_results": True}
    )
    return KnownOrigins(
        (origin, key)
        for part in result.partitions(_ROWS_AT_ONCE)  # type: ignore[arg-type]
        for origin, key in part
    )
