"""Statistics as text: the figures formatted once, for `revise stats` and the statistics screen."""

from __future__ import annotations

from revise.study.stats import STATE_NAMES, Bucket, Period, Retention, Statistics
from revise.textsafe import quoted

PERIOD_HEADER = ("", "cards", "reviews", "time", "again", "young kept", "mature kept")
FORECAST_SPANS = (7, 30, 90, 365)


def percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%"


def duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes}m"
    return f"{minutes // 60}h{minutes % 60:02d}m"


def retention(kept: Retention) -> str:
    return "-" if kept.rate is None else f"{percent(kept.rate)} of {kept.total}"


def period_row(period: Period) -> tuple[str, ...]:
    return (
        period.label,
        str(period.cards),
        str(period.reviews),
        duration(period.seconds),
        percent(period.again_rate),
        retention(period.young),
        retention(period.mature),
    )


def forecast_totals(statistics: Statistics) -> list[tuple[str, int]]:
    """Cards due within the next 7, 30, 90 and 365 days (today's overdue cards included)."""
    return [
        (f"{days} days", sum(statistics.forecast[:days]))
        for days in FORECAST_SPANS
        if days <= len(statistics.forecast)
    ]


def forecast_caption(statistics: Statistics, days: int) -> str:
    """The cards due within `days` days, today's overdue ones among them."""
    due = sum(statistics.forecast[:days])
    return f"{due} cards due in the next {days} days; today's include {statistics.overdue} overdue"


def streak_line(statistics: Statistics) -> str:
    days = sum(1 for count in statistics.heatmap if count)
    return (
        f"Streak: {statistics.streak} day{'s' if statistics.streak != 1 else ''}"
        f" (longest {statistics.longest_streak}); studied on {days} of the last "
        f"{len(statistics.heatmap)} days"
    )


def bar_rows(buckets: list[Bucket], width: int) -> list[tuple[str, str, str]]:
    """(label, count, bar) per bucket, padded to line up, bars scaled to the largest bucket."""
    label_width = max(len(bucket.label) for bucket in buckets)
    count_width = max(len(str(bucket.count)) for bucket in buckets)
    room = max(1, width - label_width - count_width - 2)
    top = max((bucket.count for bucket in buckets), default=0) or 1
    return [
        (
            f"{bucket.label:>{label_width}}",
            f"{bucket.count:>{count_width}}",
            bar(bucket.count / top * room),
        )
        for bucket in buckets
    ]


def bar_lines(buckets: list[Bucket], width: int) -> list[str]:
    """Horizontal bars: `label count ████▌`."""
    return [" ".join(row).rstrip() for row in bar_rows(buckets, width)]


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(length: float) -> str:
    """A bar `length` cells long, to an eighth of a cell; a non-zero count shows at least ▏."""
    eighths = round(length * 8)
    if length > 0 and eighths == 0:
        eighths = 1
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def statistics_lines(statistics: Statistics, width: int = 72) -> list[str]:
    scope = "all decks" if statistics.deck is None else f"deck {quoted(statistics.deck)}"
    lines = [
        f"Statistics of {scope} on {statistics.today.isoformat()} "
        f"(desired retention {percent(statistics.desired_retention)})",
        "",
    ]
    rows = [PERIOD_HEADER, *(period_row(period) for period in statistics.periods)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(PERIOD_HEADER))]
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    lines += ["", streak_line(statistics), ""]
    totals = forecast_totals(statistics)
    lines.append(
        "Due: "
        + ", ".join(f"{count} within {label}" for label, count in totals)
        + f" ({statistics.overdue} overdue)"
    )
    lines.append("Cards: " + ", ".join(f"{statistics.states[name]} {name}" for name in STATE_NAMES))
    lines.append(leeches_line(statistics))
    for title, buckets in (
        ("Intervals", statistics.intervals),
        ("Stability", statistics.stability),
        ("Difficulty", statistics.difficulty),
        ("Retrievability", statistics.retrievability),
    ):
        lines += ["", f"{title}:"]
        lines += ["  " + line for line in bar_lines(buckets, width - 2)]
    return lines


def leeches_line(statistics: Statistics) -> str:
    return f"Leeches: {statistics.leeches} (cards tagged leech: forgotten too often)"
