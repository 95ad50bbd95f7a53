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

The entries are kept in two parts: those the first screen needed, put back before it is built,
and those parsed once its first frame was on the terminal (the rest of app.tcss), put back then.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

CACHE_NAME = "stylesheet.pickle"  # in the user's cache folder for revise
FIRST, LATER = "first", "later"  # the two parts: for the first frame, and after it


def cache_file() -> Path:
    from platformdirs import user_cache_path

    from revise.config import APP_NAME

    return user_cache_path(APP_NAME) / CACHE_NAME


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
    `put_later` puts the rest; `save` writes what the stylesheet parsed, if anything is new."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._parts: dict[str, bytes] = {}  # each part's entries, pickled
        self._kept: frozenset[Hashable] = frozenset()  # the keys of the entries in the file
        self._first: frozenset[Hashable] = frozenset()  # those of the first part
        self._variables: dict[str, str] = {}  # the CSS variables the entries were parsed with

    def load(self, stylesheet: Stylesheet) -> None:
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
        """Put back the entries parsed after the first frame, before the rest is parsed."""
        self._first = frozenset(stylesheet._parse_cache.keys())
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
        """Write the file again if the stylesheet parsed anything it does not hold."""
        from revise.errors import ReviseError
        from revise.formats.files import write_atomic

        parsed = stylesheet._parse_cache
        keys = frozenset(parsed.keys())
        stamp = made_by()
        if keys <= self._kept or stamp is None:
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
