"""Patterns tried only on a text that could hold a match: the pieces of text every match of a
pattern must contain are read from the pattern itself, once, and a text without any of them is
passed over without running the pattern ("newsletter" or "copyright" for a web page's
furniture, "you" for advice to the reader).

The pieces are exact: a pattern finds a match in a text only if the text holds one of its
pieces (in a case-blind pattern's case, once the text is folded as `read_as_ascii` folds it), so
a guarded pattern finds what the bare pattern finds.

The generator's patterns are compiled on their first use (`lazy_regex`): each serves some shape
of notes, and a document needs only some of them, so a new process does not compile them all
before it reads a line. What compiling gives (the code `re` runs) is kept in a table in the
cache folder, made for this Python, so a new process reads it rather than working it out again.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from re import _constants as sre  # the parsed form of a pattern, as `re` reads it
from re import _parser
from typing import Any, cast

try:  # CPython's own parts of `re` that turn a pattern into the code it runs
    import _sre
    from re import _compiler
except ImportError:  # (another Python: every pattern is compiled by `re.compile`)
    _sre = None

# The letters a case-blind pattern reads as a-z besides A-Z: dotted and dotless i, long s, Kelvin.
# (Folded, they and every other letter that folds to a-z give a-z; nothing but a letter does.)
_READ_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
FOLDED_CACHE_SIZE = 16384  # texts whose folded form is kept: each is tried on several patterns


@lru_cache(maxsize=FOLDED_CACHE_SIZE)
def read_as_ascii(text: str) -> str:
    """The text folded so that each letter a case-blind pattern reads as one of a-z is that
    letter, and every other character a pattern reads as it is stays itself."""
    return text.translate(_READ_AS_ASCII).casefold()


# What a compiled pattern offers: a lazy pattern keeps each of these from its compiled one.
_PATTERN_ATTRIBUTES = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
    "flags", "groups", "groupindex",
)  # fmt: skip


class _LazyRegex:
    """A pattern compiled the first time anything but its text is asked of it; from then on
    its compiled pattern's methods are its own, as quick to reach as the compiled pattern's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # read without compiling, by patterns built from this one
        self._flags = int(flags)
        _LAZY.add((pattern, self._flags))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("pattern", "_flags"):
            raise AttributeError(name)
        compiled = compiled_pattern(self.pattern, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when it is first used."""
    return cast(re.Pattern[str], _LazyRegex(pattern, flags))


_LAZY: set[tuple[str, int]] = set()  # each lazy pattern's text and flags
COMPILED_FILE = "compiled-patterns.marshal"
COMPILED_FORMAT = 1
# What `re` compiles a pattern to: its flags, its code, its groups and their names.
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def compiled_pattern(pattern: str, flags: int) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from what compiling it gave where that is kept (kept for the
    next run where it is not)."""
    kept = _kept_compiled()
    if kept is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    if key not in kept:
        if not _KEEP_AT_EXIT:
            _KEEP_AT_EXIT.append(True)
            atexit.register(_keep_compiled, kept)
        kept[key] = compiled_form(pattern, flags)
    form = kept[key]
    if form is not None:
        try:
            return _sre.compile(pattern, *form)  # type: ignore[no-any-return]
        except (TypeError, ValueError, RuntimeError):
            pass  # a form this Python's `re` does not read: compiled again
    return re.compile(pattern, flags)


def compiled_form(pattern: str, flags: int) -> Compiled | None:
    """What `re.compile(pattern, flags)` builds its pattern from (as `re` itself does), or None
    for a pattern `re` refuses."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        names = dict(parsed.state.groupdict)
        by_number: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            by_number[number] = name
        groups = parsed.state.groups - 1
        return (int(flags | parsed.state.flags), code, groups, names, tuple(by_number))
    except (re.error, RecursionError, OverflowError):
        return None
    except (AttributeError, TypeError, ValueError, IndexError):
        return None  # a `re` whose inner parts have changed: `re.compile` does it all


_KEEP_AT_EXIT: list[bool] = []  # whether the forms are written again as the process ends


def _stamp() -> tuple[object, ...]:
    return (COMPILED_FORMAT, sys.implementation.cache_tag, sys.version, _sre.MAGIC)


@lru_cache(maxsize=1)
def _kept_compiled() -> dict[tuple[str, int], Compiled | None] | None:
    """The compiled forms kept in the cache folder (none yet for another Python or `re`); None
    where they cannot be kept."""
    from revise.generation.kept import kept_table

    if _sre is None:
        return None

    def valid(table: tuple[object, ...]) -> bool:
        return len(table) == 1 and isinstance(table[0], dict)

    table = kept_table(COMPILED_FILE, _stamp(), lambda: ({},), valid)
    return None if table is None else table[0]  # type: ignore[return-value]


def _keep_compiled(kept: dict[tuple[str, int], Compiled | None]) -> None:
    """Write the forms back with those this run compiled, for the next run (only the forms of
    patterns this run's code holds: those of a pattern since changed go)."""
    from revise.errors import ReviseError
    from revise.formats.files import write_atomic
    from revise.generation.kept import table_path

    with suppress(OSError, ReviseError, ValueError):
        held = {key: form for key, form in kept.items() if key in _LAZY}
        write_atomic(table_path(COMPILED_FILE), marshal.dumps((_stamp(), held)))


class Guarded:
    """A compiled pattern run only on texts holding one of the pieces its matches hold."""

    __slots__ = ("compiled", "folded", "pieces")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.folded = bool(compiled.flags & re.IGNORECASE)
        self.pieces = required_pieces(compiled)

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags

    def could_match(self, text: str) -> bool:
        if self.pieces is None:
            return True
        seen = read_as_ascii(text) if self.folded else text
        return any(map(seen.__contains__, self.pieces))

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if self.could_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text) if self.could_match(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text) if self.could_match(text) else text


class AtLastWord:
    """A pattern each match of which is a text's last word, with the space or bracket before
    it or the text's start ("(?:^|[\\s(])...\\.$" with no space or bracket in between): it is
    looked for from that space or bracket on, never tried at each word of a long text."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def search(self, text: str) -> re.Match[str] | None:
        # "$" stands at the end or before a newline ending the text
        start = len(text) - 1 if text.endswith("\n") else len(text)
        while start and not (text[start - 1].isspace() or text[start - 1] == "("):
            start -= 1
        return self.compiled.search(text, max(start - 1, 0))


def required_pieces(compiled: re.Pattern[str]) -> frozenset[str] | None:
    """Texts one of which every match of the pattern contains (folded, for a case-blind
    pattern), or None where the pattern names none it must contain ("\\d+", "a|b*")."""
    folded = bool(compiled.flags & re.IGNORECASE)
    pieces = _in_sequence(_parser.parse(compiled.pattern, compiled.flags), folded)
    if pieces is None:
        return None
    # "mark" is in every text "marker" is in: the longer piece need not be looked for
    return frozenset(
        piece for piece in pieces if not any(other in piece for other in pieces - {piece})
    )


def _literal(op: object, value: object, folded: bool) -> str | None:
    """The character an item of a pattern stands for, as a folded text shows it, or None."""
    if op is not sre.LITERAL:
        return None
    char = chr(value)  # type: ignore[arg-type]
    if not folded:
        return char
    if char.isascii():
        return char.lower()
    if char.lower() == char == char.upper() and char.casefold() == char:
        return char  # "©": a character without case matches only itself
    return None


def _in_sequence(items: _parser.SubPattern, folded: bool) -> frozenset[str] | None:
    """The best set of pieces any one part of a sequence must hold: runs of characters in a
    row (a choice of words in a run making one piece of each: ".com", ".org"), or what a
    group, an alternation or a repeat of at least one holds."""
    best: frozenset[str] | None = None
    runs = frozenset([""])

    def consider(pieces: frozenset[str] | None) -> None:
        nonlocal best
        if pieces and "" not in pieces and (best is None or _rank(pieces) > _rank(best)):
            best = pieces

    for op, value in items:
        if op is sre.AT:
            continue  # "\b", "^": no character, so the run goes on past it
        choices = _choices(op, value, folded)
        if choices is not None and len(runs) * len(choices) <= MAX_PIECES:
            consider(runs)  # "cookie " may pass over more texts than "cookie policy" ...
            consider(choices)  # ... and "facebook|twitter" more than "on facebook"
            runs = frozenset(run + choice for run in runs for choice in choices)
            continue
        consider(runs)
        runs = frozenset([""])
        if choices is not None:
            runs = choices
        else:
            consider(_in_part(op, value, folded))
    consider(runs)
    return best


MAX_PIECES = 64  # a run of choices that would make more pieces than this is cut


def _choices(op: object, value: object, folded: bool) -> frozenset[str] | None:
    """The texts an item of a pattern stands for when each is a fixed text ("a", "com|org"),
    as a folded text shows them, or None."""
    char = _literal(op, value, folded)
    if char is not None:
        return frozenset([char])
    if op is sre.BRANCH:
        texts = [_fixed(branch, folded) for branch in value[1]]  # type: ignore[index]
        if any(text is None for text in texts):
            return None
        return frozenset(texts)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        _, added, removed, inner = value  # type: ignore[misc]
        if (added | removed) & re.IGNORECASE or len(inner) != 1:
            return None
        return _choices(*inner[0], folded)
    if op is sre.IN:
        return _in_class(value, folded)  # type: ignore[arg-type]
    return None


MAX_CLASS_CHARACTERS = 10  # "[1-4]": a class of this few characters is a choice of them


def _in_class(members: list[tuple[object, object]], folded: bool) -> frozenset[str] | None:
    chars: list[str | None] = []
    for op, value in members:
        if op is sre.LITERAL:
            chars.append(_literal(op, value, folded))
        elif op is sre.RANGE and value[1] - value[0] < MAX_CLASS_CHARACTERS:  # type: ignore[index,operator]
            first, last = value  # type: ignore[misc]
            chars += [_literal(sre.LITERAL, code, folded) for code in range(first, last + 1)]
        else:
            return None  # a negated class, a category ("\\d"), a wide range
    if None in chars or len(chars) > MAX_CLASS_CHARACTERS:
        return None
    return frozenset(chars)  # type: ignore[arg-type]


def _fixed(items: _parser.SubPattern, folded: bool) -> str | None:
    """The one text a sequence of characters stands for, or None."""
    chars = [_literal(op, value, folded) for op, value in items]
    return None if None in chars else "".join(chars)  # type: ignore[arg-type]


def _rank(pieces: frozenset[str]) -> tuple[int, int, int]:
    """Longer pieces pass over more texts, up to a few letters; past that, fewer are quicker
    to look for, and then longer ones again."""
    shortest = min(len(piece) for piece in pieces)
    return (min(shortest, ENOUGH_LETTERS), -len(pieces), shortest)


ENOUGH_LETTERS = 4  # a piece this long is seldom in a text by chance


def _in_part(op: object, value: object, folded: bool) -> frozenset[str] | None:
    if op is sre.BRANCH:
        alternatives = [_in_sequence(branch, folded) for branch in value[1]]  # type: ignore[index]
        if any(pieces is None for pieces in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        _, added, removed, inner = value  # type: ignore[misc]
        if (added | removed) & re.IGNORECASE:
            return None  # "(?i:...)": its case is read otherwise
        return _in_sequence(inner, folded)
    if op in _REPEATS:
        least, _, inner = value  # type: ignore[misc]
        return _in_sequence(inner, folded) if least >= 1 else None
    if op is sre.ATOMIC_GROUP:
        return _in_sequence(value, folded)  # type: ignore[arg-type]
    if op is sre.ASSERT:
        return _in_sequence(value[1], folded)  # type: ignore[index]
    return None
