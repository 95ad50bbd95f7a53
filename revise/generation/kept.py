"""Tables of a library's answers kept in the cache folder, so that the generator starts quickly.

Each table is made once by asking the library itself and is stamped with what it was made from:
the table's format, Python (its marshal format) and the sizes and times of the library's files.
It is written whole under a temporary name and renamed, read back only when its stamp matches,
and made again when it is missing, damaged or stamped otherwise. Where the cache folder cannot be
written no table is made (the library is asked instead), since it would be made on every run.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from importlib.util import find_spec
from pathlib import Path

Table = tuple[object, ...]
Stamp = tuple[object, ...]


def package_stamp(package: str, files: tuple[str, ...], table_format: int) -> Stamp | None:
    """What a table of `package`'s answers is made from: the table's format, Python and the
    package's `files` (None where they cannot be told: no table is kept then). The package is
    found, not imported."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    stamp: list[object] = [table_format, sys.implementation.cache_tag]
    for name in files:
        try:
            stat = os.stat(folder / name)
        except OSError:
            return None
        stamp.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


def grouped(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Entries (key, value) kept as lines "key<TAB>value" in one string per first three
    characters of the key, each line between line breaks: read at once, with nothing to decode
    at start, and searched only in the group a key is looked for in."""
    lines: dict[str, list[str]] = {}
    for key, value in entries:
        if any(mark in key or mark in value for mark in "\t\n"):
            raise ValueError(f"{key!r}: {value!r} cannot be kept in the table")
        lines.setdefault(key[:3], []).append(f"{key}\t{value}")
    return {start: "\n" + "\n".join(found) + "\n" for start, found in lines.items()}


def looked_up(groups: dict[str, str], key: str) -> str | None:
    """The value kept for `key` in `grouped` entries, or None."""
    group = groups.get(key[:3])
    if group is None:
        return None
    start = group.find(f"\n{key}\t")
    if start < 0:
        return None
    start += len(key) + 2
    return group[start : group.index("\n", start)]


def table_path(file_name: str) -> Path:
    from revise.config import cache_folder

    return cache_folder() / file_name


def kept_table(
    file_name: str,
    stamp: Stamp | None,
    make: Callable[[], Table],
    valid: Callable[[Table], bool],
) -> Table | None:
    """The table kept in the cache folder under `file_name` if it was made from `stamp` and is
    `valid`; else one `make` makes, kept there for the next run. None where no table can be
    kept or made (another version of the library whose inner workings differ)."""
    if stamp is None:
        return None
    path = table_path(file_name)
    try:
        kept, *table = marshal.loads(path.read_bytes())
        if kept == stamp and valid(tuple(table)):
            return tuple(table)
    except Exception:  # missing, damaged or written by other code: made again
        pass
    from revise.errors import ReviseError
    from revise.formats.files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(path.parent, os.W_OK):
        return None  # it would be made again on every run: slower than asking the library
    try:
        made = make()
    except (AttributeError, ImportError, LookupError, TypeError, ValueError):
        return None  # another version of the library, whose inner workings differ
    with suppress(OSError, ReviseError):  # only a cache: this run uses the table it made
        write_atomic(path, marshal.dumps((stamp, *made)))
    return made
