"""The user's study day: it starts at a local hour (04:00 by default), not at UTC midnight."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def day_bounds(
    now: datetime, starts_at: int, zone: tzinfo | None = None
) -> tuple[datetime, datetime]:
    """The UTC start and end of the study day that contains `now`.

    Before the rollover hour it is still the previous day, as in Anki. The end is the next
    day's rollover in local time, so a day across a DST change is 23 or 25 hours long.
    """
    zone = zone or local_zone()
    local = now.astimezone(zone)
    day = local.date() if local.hour >= starts_at else local.date() - timedelta(days=1)
    start = _local_moment(day, starts_at, zone)
    end = _local_moment(day + timedelta(days=1), starts_at, zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _local_moment(day, hour: int, zone: tzinfo) -> datetime:  # type: ignore[no-untyped-def]
    naive = datetime.combine(day, time(hour))
    if hasattr(zone, "key"):  # zoneinfo handles DST itself
        return naive.replace(tzinfo=zone)
    # A fixed-offset zone (what astimezone() gives) is right for the instant it was read at;
    # ask the system for the offset that applies on that day instead.
    return naive.astimezone()
