"""The app's parsed stylesheet, kept on disk from one run to the next.

Parsing app.tcss and the default CSS of Textual's widgets was a good part of `revise study`'s
start. Textual keeps the rules it parsed from each piece of CSS in its stylesheet's parse cache,
keyed by the CSS text itself, where it was read from and how it is read; the cache file holds
those entries, and the next run puts them back before anything is parsed. So a piece of CSS that
changed (an edited app.tcss, a widget's CSS in another Textual) has another key and is parsed
again. The whole file is set aside when the rules in it were parsed with other CSS variables
(another theme), or by another Python, Textual or Rich (told by their files' sizes and times:
the parsed rules are made of their classes); a file that cannot be read is set aside too, and
written again once the app has parsed its stylesheet.

A file is kept for each first screen the app starts on (the review screen, the deck list, the
card browser), holding the pieces of CSS that start read: in two parts, those the first screen
needed, put back before it is built, and those read once its first frame was on the terminal
(the rest of app.tcss), put back then.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.cache import LRUCache

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

FIRST, LATER = "first", "later"  # the two parts: for the first frame, and after it


def cache_folder() -> Path:
    """The user's cache folder for revise, where the files are kept."""
    from revise.config import cache_folder

    return cache_folder()


def cache_file(folder: Path, first_screen: str | None) -> Path:
    """The file kept for an app starting on `first_screen` (None: the card browser)."""
    name = "card-browser" if first_screen is None else first_screen.replace(" ", "-")
    return folder / f"stylesheet-{name}.pickle"


class _NotingCache(LRUCache[Hashable, object]):
    """Textual's parse cache, noting the keys looked up in it: the pieces of CSS read."""

    def __init__(self, maxsize: int) -> None:
        super().__init__(maxsize)
        self.looked_up: set[Hashable] = set()

    def __getitem__(self, key: Hashable) -> object:
        self.looked_up.add(key)
        return super().__getitem__(key)


def _read(stylesheet: Stylesheet) -> frozenset[Hashable]:
    """The keys of the pieces of CSS the stylesheet has read so far."""
    parsed = stylesheet._parse_cache
    if not isinstance(parsed, _NotingCache):
        return frozenset()
    return frozenset(key for key in parsed.looked_up if key in parsed)


def made_by() -> tuple[object, ...] | None:
    """What parsed the rules: Python, and the files of the Textual and Rich installed (None
    where they cannot be told: nothing is kept then)."""
    import rich.style
    import textual.css.model
    import textual.css.styles

    stamp: list[object] = [sys.implementation.cache_tag]
    for module in (textual, textual.css.model, textual.css.styles, rich.style):
        try:
            stat = os.stat(module.__file__ or "")
        except OSError:
            return None
        stamp.append((module.__file__, stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


class StylesheetCache:
    """`load` reads the file and puts the first part in a stylesheet, before it is parsed;
    `put_later` puts the rest; `save` writes the rules of the pieces of CSS read, if the file
    does not hold just those."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._parts: dict[str, bytes] = {}  # each part's entries, pickled
        self._kept: frozenset[Hashable] = frozenset()  # the keys of the entries in the file
        self._first: frozenset[Hashable] = frozenset()  # those of the first part
        self._variables: dict[str, str] = {}  # the CSS variables the entries were parsed with

    def load(self, stylesheet: Stylesheet) -> None:
        stylesheet._parse_cache = _NotingCache(stylesheet._parse_cache.maxsize)  # type: ignore[assignment]
        try:
            with self.path.open("rb") as file:
                stamp, variables, kept, parts = pickle.load(file)
        except Exception:  # missing, damaged or written by other code: set aside
            return
        if stamp is None or stamp != made_by() or variables != stylesheet._variables:
            return
        self._parts, self._kept, self._variables = parts, kept, variables
        self._put(stylesheet, FIRST)

    def put_later(self, stylesheet: Stylesheet) -> None:
        """Put back the entries read after the first frame, before the rest is read."""
        self._first = _read(stylesheet)
        self._put(stylesheet, LATER)

    def _put(self, stylesheet: Stylesheet, part: str) -> None:
        if part not in self._parts:
            return
        try:
            entries = pickle.loads(self._parts.pop(part))
        except Exception:  # as in load
            self._kept = frozenset()
            return
        if stylesheet._variables == self._variables:  # else the theme changed since
            for key, rules in entries.items():
                stylesheet._parse_cache.set(key, rules)

    def save(self, stylesheet: Stylesheet) -> None:
        """Write the file again unless it holds the rules of just the pieces of CSS read."""
        from revise.errors import ReviseError
        from revise.formats.files import write_atomic

        parsed = stylesheet._parse_cache
        keys = _read(stylesheet)
        stamp = made_by()
        if keys == self._kept or stamp is None:
            return
        first = {key: parsed.get(key) for key in keys if key in self._first}
        later = {key: parsed.get(key) for key in keys if key not in self._first}
        parts = {FIRST: pickle.dumps(first, pickle.HIGHEST_PROTOCOL)}
        parts[LATER] = pickle.dumps(later, pickle.HIGHEST_PROTOCOL)
        data = pickle.dumps(
            (stamp, dict(stylesheet._variables), keys, parts), pickle.HIGHEST_PROTOCOL
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, data)
        except (OSError, ReviseError):
            return  # only a cache: the next run parses the stylesheet as this one did
        self._kept = keys
