"""User settings, read from a TOML file; every default lives here and nowhere else."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from revise.errors import ReviseError
from revise.textsafe import inert, quoted

APP_NAME = "revise"
DEFAULT_RETENTION = 0.9
DEFAULT_LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
DEFAULT_RELEARNING_STEPS = (timedelta(minutes=10),)
DEFAULT_DAY_STARTS_AT = 4  # local hour at which a new study day begins, as in Anki
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200
# Every deck together, as if the collection were their parent deck.
DEFAULT_COLLECTION_NEW_PER_DAY = DEFAULT_NEW_PER_DAY
DEFAULT_COLLECTION_REVIEWS_PER_DAY = DEFAULT_REVIEWS_PER_DAY
DEFAULT_MAXIMUM_INTERVAL_DAYS = 36500
MAX_INTERVAL_DAYS = 36500  # a hundred years, Anki's ceiling too
MAX_STEP_DAYS = 365  # a learning step longer than a year is a typo
MIN_STEP_SECONDS = 1  # and one shorter than a second ("0.0001s") means nothing
MIN_RETENTION, MAX_RETENTION = 0.7, 0.99
MAX_PER_DAY = 1_000_000
DEFAULT_LEECH_THRESHOLD = 8  # lapses that make a card a leech, as in Anki
MAX_LEECH_THRESHOLD = 1000
LEECH_ACTIONS = ("suspend", "tag")  # what becomes of a leech: suspended and tagged, or tagged
# The order of today's reviews: most overdue first, or least likely to be recalled first.
REVIEW_ORDERS = ("due", "retrievability")
MAX_CONFIG_BYTES = 1024 * 1024  # a config file is a few lines; more is some other file


@dataclass(frozen=True)
class Config:
    desired_retention: float = DEFAULT_RETENTION
    learning_steps: tuple[timedelta, ...] = DEFAULT_LEARNING_STEPS
    relearning_steps: tuple[timedelta, ...] = DEFAULT_RELEARNING_STEPS
    maximum_interval_days: int = DEFAULT_MAXIMUM_INTERVAL_DAYS
    fuzz: bool = True
    day_starts_at: int = DEFAULT_DAY_STARTS_AT
    leech_threshold: int = DEFAULT_LEECH_THRESHOLD  # 0: no card is made a leech
    leech_action: str = LEECH_ACTIONS[0]
    review_order: str = REVIEW_ORDERS[0]
    new_per_day: int = DEFAULT_NEW_PER_DAY
    reviews_per_day: int = DEFAULT_REVIEWS_PER_DAY
    collection_new_per_day: int = DEFAULT_COLLECTION_NEW_PER_DAY
    collection_reviews_per_day: int = DEFAULT_COLLECTION_REVIEWS_PER_DAY
    keymap: dict[str, str] = field(default_factory=dict)
    # The collection (a file path or a database URL), when --db and $REVISE_DB give none.
    database: str | None = None
    # The file the settings came from, for messages about them.
    source: str = field(default="config", compare=False)

    @classmethod
    def load(cls, path: Path | str | None = None) -> Config:
        """Read the config file; a missing default file means defaults."""
        path, explicit = config_path(path)
        if not path.exists():
            if explicit:
                raise ReviseError(f"{path}: config file not found (create it or drop --config)")
            return cls()
        import tomllib  # only when there is a file: most starts have none

        try:
            with path.open("rb") as handle:  # at most a little more than any config file
                data = handle.read(MAX_CONFIG_BYTES + 1)  # (/dev/zero would never end)
            if len(data) > MAX_CONFIG_BYTES:
                raise ReviseError(
                    f"{path}: cannot read config: larger than {MAX_CONFIG_BYTES >> 20} MB, "
                    "so not a config file (check the path)"
                )
            text = data.decode("utf-8")
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise ReviseError(f"{path}: cannot read config: {reason}") from None
        except UnicodeDecodeError as error:
            raise ReviseError(
                f"{path}: cannot read config: not UTF-8 text (byte {error.start + 1}); "
                "save it as UTF-8"
            ) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ReviseError(
                f"{path}: cannot read config: {_toml_problem(error)} (fix the TOML)"
            ) from None
        return cls.from_dict(data, str(path), text)

    @classmethod
    def from_dict(
        cls, data: dict[str, object], where: str = "config", text: str | None = None
    ) -> Config:
        """Settings from parsed TOML (`text`, when given, the file's: a value is quoted as it
        wrote it); a value of the wrong type or out of range is refused with one line naming
        the file, the table and the key."""
        scheduling = _Table(data, "scheduling", where, text)
        limits = _Table(data, "limits", where, text)
        keys = _Table(data, "keys", where, text)
        unknown = set(data) - {"scheduling", "limits", "keys", "database"}
        if unknown:
            raise ReviseError(f"{where}: unknown section(s) {_listed(unknown)} (see the README)")
        maximum_interval = scheduling.integer(
            "maximum_interval_days", DEFAULT_MAXIMUM_INTERVAL_DAYS, 1, MAX_INTERVAL_DAYS
        )
        config = cls(
            desired_retention=scheduling.number(
                "desired_retention", DEFAULT_RETENTION, MIN_RETENTION, MAX_RETENTION
            ),
            learning_steps=scheduling.steps("learning_steps", DEFAULT_LEARNING_STEPS),
            relearning_steps=scheduling.steps("relearning_steps", DEFAULT_RELEARNING_STEPS),
            maximum_interval_days=maximum_interval,
            fuzz=scheduling.boolean("fuzz", True),
            day_starts_at=scheduling.integer("day_starts_at", DEFAULT_DAY_STARTS_AT, 0, 23),
            leech_threshold=scheduling.integer(
                "leech_threshold", DEFAULT_LEECH_THRESHOLD, 0, MAX_LEECH_THRESHOLD
            ),
            leech_action=scheduling.choice("leech_action", LEECH_ACTIONS),
            review_order=scheduling.choice("review_order", REVIEW_ORDERS),
            new_per_day=limits.integer("new_per_day", DEFAULT_NEW_PER_DAY, 0, MAX_PER_DAY),
            reviews_per_day=limits.integer(
                "reviews_per_day", DEFAULT_REVIEWS_PER_DAY, 0, MAX_PER_DAY
            ),
            collection_new_per_day=limits.integer(
                "collection_new_per_day", DEFAULT_COLLECTION_NEW_PER_DAY, 0, MAX_PER_DAY
            ),
            collection_reviews_per_day=limits.integer(
                "collection_reviews_per_day", DEFAULT_COLLECTION_REVIEWS_PER_DAY, 0, MAX_PER_DAY
            ),
            keymap=keys.key_lists(),
            database=_database(data.get("database"), where, text),
            source=where,
        )
        leftover = scheduling.unread() + limits.unread()
        if leftover:
            raise ReviseError(f"{where}: unknown setting(s) {_listed(leftover)} (see the README)")
        return config


def config_path(path: Path | str | None = None) -> tuple[Path, bool]:
    """The config file to read (`--config`, else $REVISE_CONFIG, else the default one) and
    whether the user named it (a named file must be there)."""
    named = (
        given("--config", path)
        if path is not None
        else given_in_environment("REVISE_CONFIG", "a config file")
    )
    return (Path(named), True) if named is not None else (default_config_path(), False)


def given(option: str, value: Path | str | None, *, required: bool = False) -> str | None:
    """A file or URL named on the command line, None when the option is left out. An empty one
    (`--db ""`, often a shell variable that was never set) is refused: it names nothing, and
    taking the default instead would study or change another collection without a word."""
    if value is None:
        return None
    if not str(value).strip():
        instead = "" if required else f", or leave {option} out"
        raise ReviseError(f'{option} "": the name is empty (give a file name{instead})')
    return str(value)


def given_in_environment(variable: str, what: str) -> str | None:
    """`$variable`, None when unset; set but empty is refused as an empty option is."""
    value = os.environ.get(variable)
    if value is not None and not value.strip():
        raise ReviseError(f"${variable} is set but empty (set it to {what}, or unset it)")
    return value


def _database(value: object, where: str, text: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        shown = _as_written(value, text, None, "database")
        raise ReviseError(
            f'{where}: database must be a file path or a URL such as "postgresql+psycopg://'
            f'me@server/revise" (at the top of the file, before any [table]), not {shown}'
        )
    return value.strip()


_WHOLE = object()  # the value itself is shown, not one item of it


def _as_written(
    value: object, text: str | None, table: str | None, key: str, item: object = _WHOLE
) -> str:
    """`key`'s value in `table` (None: at the top), or one `item` of it, as the file's `text`
    writes it, inert (`1e400`, `1979-05-27T07:32:00Z`, `{x.y = 1}`, `"no"`); where it cannot
    be found there, as TOML would write it."""
    written = _written(text, table, key, value) if text is not None else None
    if written is not None and item is not _WHOLE:
        written = _item_written(written, item)
    if written is not None:
        return inert(written)
    return _shown(value if item is _WHOLE else item)


_MAX_VALUE_CHARS = 4096  # a setting's value is a few characters; a long array, a few lines


def _written(text: str, table: str | None, key: str, value: object) -> str | None:
    """The text of `key`'s value in `table`: the shortest run of the file after `key =` that
    TOML reads as `value` (so without a comment after it)."""

    def key_pattern(name: str) -> str:
        bare = re.escape(name) if re.fullmatch(r"[A-Za-z0-9_-]+", name) else "(?!)"
        return rf"(?:{bare}|\"{re.escape(name)}\"|'{re.escape(name)}')"

    assignment = rf"{key_pattern(key)}[ \t]*=[ \t]*"
    plain = re.compile(rf"[ \t]*{assignment}")
    dotted = None
    if table is not None:  # `limits.new_per_day = 5` before any [table]
        dotted = re.compile(rf"[ \t]*{key_pattern(table)}[ \t]*\.[ \t]*{assignment}")
    header = re.compile(r"[ \t]*\[[ \t]*(?P<name>[^\[\]]*?)[ \t]*\][ \t]*(?:#.*)?")
    section: str | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if found := header.fullmatch(line.rstrip("\r\n")):
            section = found["name"].strip("\"'")
            continue
        pattern = plain if section == table else dotted if section is None else None
        match = pattern.match(line) if pattern is not None else None
        if match is None:
            continue
        rest = text[start + match.end() : start + match.end() + _MAX_VALUE_CHARS]
        found = _shortest_reading(rest, value)
        if found is not None:
            return found
    return None


def _shortest_reading(text: str, value: object) -> str | None:
    """The shortest start of `text` that TOML reads as `value`, ending where a value can end."""
    import tomllib

    for end in range(1, len(text) + 1):
        if end < len(text) and text[end] not in " \t\r\n#,]}":
            continue
        try:
            read = tomllib.loads(f"v = {text[:end]}")["v"]
        except tomllib.TOMLDecodeError:
            continue
        if repr(read) == repr(value):
            return text[:end].strip()
    return None


def _item_written(written: str, item: object) -> str | None:
    """How the array `written` writes `item`."""
    for start in range(1, len(written)):
        if written[start - 1] in "[, \t\r\n" and written[start] not in " \t\r\n,]#":
            found = _shortest_reading(written[start:], item)
            if found is not None:
                return found
    return None


def _shown(value: object) -> str:
    """A setting's value as TOML writes it, each piece of text in it quoted inert as every
    message quotes text (Python's repr would show an ESC as `'\\x1b'`)."""
    from datetime import date, datetime, time

    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml_key(key)} = {_shown(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, float) and (value != value or value in (float("inf"), -float("inf"))):
        return "nan" if value != value else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        offset = value.strftime("%z")
        zone = "Z" if offset == "+0000" else f"{offset[:3]}:{offset[3:]}" if offset else ""
        return f"{value.date().isoformat()}T{_time(value.time())}{zone}"
    if isinstance(value, time):
        return _time(value)
    if isinstance(value, date):
        return value.isoformat()
    return quoted(value)


def _time(value: object) -> str:
    """A time of day as TOML writes it: seconds' fraction only as long as it is."""
    text = value.isoformat()  # type: ignore[attr-defined]
    return text.rstrip("0") if "." in text else text


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else quoted(key)


def _listed(names: object) -> str:
    """Keys or table names the file gave, sorted and quoted inert."""
    return ", ".join(quoted(name) for name in sorted(names))  # type: ignore[call-overload]


# A Python string literal, or a tuple of them, as tomllib's messages quote the file's text.
_PYTHON_STRING = r"'(?:[^'\\\n]|\\.)*'" "|" r'"(?:[^"\\\n]|\\.)*"'
_QUOTED_IN_MESSAGE = re.compile(
    rf"\((?:{_PYTHON_STRING})(?:, (?:{_PYTHON_STRING}))*,?\)|{_PYTHON_STRING}"
)


def _toml_problem(error: Exception) -> str:
    """tomllib's message with the text it quotes from the file (`Illegal character '\\x1b'`,
    `Cannot declare ('a',) twice`) quoted as every other message quotes text: a key written
    dotted, a control character as its picture."""
    import ast

    def requote(match: re.Match[str]) -> str:
        try:
            value = ast.literal_eval(match[0])
        except (ValueError, SyntaxError):
            return match[0]  # not a literal after all ("Unescaped '\\' in a string")
        if isinstance(value, tuple):
            return quoted(".".join(value))
        return quoted(value)

    return _QUOTED_IN_MESSAGE.sub(requote, str(error))


class _Table:
    """One `[table]` of the config file, read a typed key at a time."""

    def __init__(self, data: dict[str, object], name: str, where: str, text: str | None) -> None:
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise ReviseError(f"{where}: [{name}] must be a table (see the README)")
        self.values = dict(table)
        self.name = name
        self.where = where
        self.text = text

    def _take(self, key: str) -> object:
        return self.values.pop(key, None)

    def _bad(
        self, key: str, want: str, value: object, *, label: str | None = None, item: object = _WHOLE
    ) -> ReviseError:
        shown = _as_written(value, self.text, self.name, key, item)
        named = label or key
        return ReviseError(f"{self.where}: [{self.name}] {named} must be {want}, not {shown}")

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self._take(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._bad(key, f"a whole number from {low} to {high}", value)
        return value

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self._take(key)
        if value is None:
            return default
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not low <= value <= high:  # type: ignore[operator]
            raise self._bad(key, f"a number from {low} to {high}", value)
        return float(value)

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        """One of `choices` (the first is the default)."""
        value = self._take(key)
        if value is None:
            return choices[0]
        if value not in choices:
            raise self._bad(key, " or ".join(f'"{choice}"' for choice in choices), value)
        return value  # type: ignore[return-value]

    def boolean(self, key: str, default: bool) -> bool:
        value = self._take(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._bad(key, "true or false", value)
        return value

    def steps(self, key: str, default: tuple[timedelta, ...]) -> tuple[timedelta, ...]:
        """Steps are written like Anki's: ["1m", "10m"], units s/m/h/d."""
        value = self._take(key)
        if value is None:
            return default
        want = (
            f'a list of durations such as ["1m", "10m"], each from {MIN_STEP_SECONDS}s '
            f"to {MAX_STEP_DAYS}d"
        )
        if not isinstance(value, list):
            raise self._bad(key, want, value)
        steps = []
        for item in value:
            try:
                step = parse_duration(item) if isinstance(item, str) else None
            except ValueError:
                step = None
            if step is None:
                raise self._bad(key, want, value, item=item)
            steps.append(step)
        return tuple(steps)

    def key_lists(self) -> dict[str, str]:
        """Binding id -> comma-separated keys; which ids exist is the terminal app's to say."""
        keymap = {}
        for binding, keys in self.values.items():
            if not isinstance(keys, str) or not all(_is_key_name(key) for key in keys.split(",")):
                raise self._bad(binding, 'keys such as "1,j"', keys, label=quoted(binding))
            keymap[binding] = keys
        return keymap

    def unread(self) -> list[str]:
        return sorted(self.values)


def _is_key_name(key: str) -> bool:
    """A key a binding can name: no empty name between commas (which leaves an action without
    its key) and no space inside one (`ctrl a` is no key; `ctrl+a` is)."""
    name = key.strip()
    return bool(name) and not any(char.isspace() for char in name)


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> timedelta:
    text = text.strip()
    if len(text) < 2 or text[-1] not in _UNITS or not text[:-1].replace(".", "", 1).isdigit():
        raise ValueError(f"{quoted(text)} is not a duration like 90s, 10m, 1h or 2d")
    seconds = float(text[:-1]) * _UNITS[text[-1]]
    if seconds > MAX_STEP_DAYS * _UNITS["d"]:
        raise ValueError(f"{quoted(text)} is longer than {MAX_STEP_DAYS} days")
    if seconds < MIN_STEP_SECONDS:
        raise ValueError(f"{quoted(text)} is shorter than {MIN_STEP_SECONDS} second")
    return timedelta(seconds=seconds)


def format_duration(step: timedelta) -> str:
    """A duration as parse_duration reads it, in the largest unit that keeps it whole."""
    seconds = step.total_seconds()
    for unit in ("d", "h", "m"):
        count = seconds / _UNITS[unit]
        if count >= 1 and count == int(count):
            return f"{int(count)}{unit}"
    return f"{seconds:g}s"


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def cache_folder() -> Path:
    """The user's cache folder for revise (`~/.cache/revise` on Linux): files kept only to start
    quicker, safe to delete at any time."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME)


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "revise.db"
