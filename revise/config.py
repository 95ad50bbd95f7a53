"""User settings, read from a TOML file; every default lives here and nowhere else."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from revise.errors import ReviseError

APP_NAME = "revise"
DEFAULT_RETENTION = 0.9
DEFAULT_LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
DEFAULT_RELEARNING_STEPS = (timedelta(minutes=10),)
DEFAULT_DAY_STARTS_AT = 4  # local hour at which a new study day begins, as in Anki
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200
DEFAULT_MAXIMUM_INTERVAL_DAYS = 36500


@dataclass(frozen=True)
class Config:
    desired_retention: float = DEFAULT_RETENTION
    learning_steps: tuple[timedelta, ...] = DEFAULT_LEARNING_STEPS
    relearning_steps: tuple[timedelta, ...] = DEFAULT_RELEARNING_STEPS
    maximum_interval_days: int = DEFAULT_MAXIMUM_INTERVAL_DAYS
    fuzz: bool = True
    day_starts_at: int = DEFAULT_DAY_STARTS_AT
    new_per_day: int = DEFAULT_NEW_PER_DAY
    reviews_per_day: int = DEFAULT_REVIEWS_PER_DAY
    keymap: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Config:
        """Read the config file; a missing default file means defaults."""
        explicit = path is not None or "REVISE_CONFIG" in os.environ
        path = path or Path(os.environ.get("REVISE_CONFIG") or default_config_path())
        if not path.exists():
            if explicit:
                raise ReviseError(f"{path}: config file not found (create it or drop --config)")
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ReviseError(f"{path}: cannot read config: {error} (fix the TOML)") from None
        return cls.from_dict(data, str(path))

    @classmethod
    def from_dict(cls, data: dict[str, object], where: str = "config") -> Config:
        scheduling = _table(data, "scheduling", where)
        limits = _table(data, "limits", where)
        keys = _table(data, "keys", where)
        unknown = set(data) - {"scheduling", "limits", "keys"}
        if unknown:
            raise ReviseError(f"{where}: unknown section(s) {sorted(unknown)} (see the README)")
        try:
            config = cls(
                desired_retention=float(scheduling.pop("desired_retention", DEFAULT_RETENTION)),
                learning_steps=_steps(
                    scheduling.pop("learning_steps", None), DEFAULT_LEARNING_STEPS
                ),
                relearning_steps=_steps(
                    scheduling.pop("relearning_steps", None), DEFAULT_RELEARNING_STEPS
                ),
                maximum_interval_days=int(
                    scheduling.pop("maximum_interval_days", DEFAULT_MAXIMUM_INTERVAL_DAYS)
                ),
                fuzz=bool(scheduling.pop("fuzz", True)),
                day_starts_at=int(scheduling.pop("day_starts_at", DEFAULT_DAY_STARTS_AT)),
                new_per_day=int(limits.pop("new_per_day", DEFAULT_NEW_PER_DAY)),
                reviews_per_day=int(limits.pop("reviews_per_day", DEFAULT_REVIEWS_PER_DAY)),
                keymap={str(k): str(v) for k, v in keys.items()},
            )
        except (TypeError, ValueError) as error:
            raise ReviseError(f"{where}: bad value: {error} (see the README)") from None
        leftover = sorted(set(scheduling) | set(limits))
        if leftover:
            raise ReviseError(f"{where}: unknown setting(s) {leftover} (see the README)")
        config.validate(where)
        return config

    def validate(self, where: str = "config") -> None:
        if not 0.7 <= self.desired_retention <= 0.99:
            raise ReviseError(f"{where}: desired_retention must be between 0.7 and 0.99")
        if not 0 <= self.day_starts_at <= 23:
            raise ReviseError(f"{where}: day_starts_at must be an hour from 0 to 23")
        if self.new_per_day < 0 or self.reviews_per_day < 0:
            raise ReviseError(f"{where}: daily limits cannot be negative")


def _table(data: dict[str, object], name: str, where: str) -> dict[str, object]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ReviseError(f"{where}: [{name}] must be a table")
    return dict(table)


def _steps(value: object, default: tuple[timedelta, ...]) -> tuple[timedelta, ...]:
    """Steps are written like Anki's: ["1m", "10m"], units s/m/h/d."""
    if value is None:
        return default
    if not isinstance(value, list):
        raise ValueError('steps must be a list such as ["1m", "10m"]')
    return tuple(parse_duration(str(item)) for item in value)


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> timedelta:
    text = text.strip()
    if len(text) < 2 or text[-1] not in _UNITS or not text[:-1].replace(".", "", 1).isdigit():
        raise ValueError(f"{text!r} is not a duration like 90s, 10m, 1h or 2d")
    return timedelta(seconds=float(text[:-1]) * _UNITS[text[-1]])


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "revise.db"
