"""How the screens write durations and moments: short, like Anki ("10m", "4d", "in 8m")."""

from __future__ import annotations

from datetime import datetime, timedelta

_MINUTE = 60
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_MONTH = 30 * _DAY
_YEAR = 365 * _DAY


SHORT_INTERVAL_WIDTH = 6  # the widest short_interval, months with a decimal: '10.5mo'


def short_interval(interval: timedelta) -> str:
    """An interval as a grade button shows it: `<1m`, `10m`, `3h`, `4d`, `1.5mo`, `2y`."""
    seconds = interval.total_seconds()
    if seconds < _MINUTE:
        return "<1m"
    if seconds < _HOUR:
        return f"{round(seconds / _MINUTE)}m"
    if seconds < _DAY:
        return f"{round(seconds / _HOUR)}h"
    if seconds < _MONTH:
        return f"{round(seconds / _DAY)}d"
    if seconds < _YEAR:
        return f"{_one_decimal(seconds / _MONTH)}mo"
    return f"{_one_decimal(seconds / _YEAR)}y"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def relative(when: datetime, now: datetime) -> str:
    """`in 8m`, `in 3h`, `in 2d`, or `now` for a moment that has come."""
    if when <= now:
        return "now"
    return f"in {short_interval(when - now).removeprefix('<')}"


def local_moment(when: datetime, now: datetime) -> str:
    """A moment in local time, as short as it can be without being ambiguous."""
    local = when.astimezone()
    today = now.astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if local.date() == today + timedelta(days=1):
        return local.strftime("tomorrow %H:%M")
    if local.date() - today < timedelta(days=7):
        return local.strftime("%a %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def due_phrase(when: datetime | None, now: datetime) -> str:
    """When the next card is due, e.g. `14:05 (in 8m)`, for a person deciding when to come back."""
    if when is None:
        return "no cards scheduled"
    if when <= now:
        return "now"
    return f"{local_moment(when, now)} ({relative(when, now)})"


def spent(milliseconds: int) -> str:
    """Time spent answering: `45s`, `3m 12s`, `1h 05m`."""
    seconds = round(milliseconds / 1000)
    if seconds < _MINUTE:
        return f"{seconds}s"
    if seconds < _HOUR:
        return f"{seconds // _MINUTE}m {seconds % _MINUTE:02d}s"
    return f"{seconds // _HOUR}h {seconds % _HOUR // _MINUTE:02d}m"
