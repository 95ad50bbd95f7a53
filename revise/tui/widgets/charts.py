"""The sections of the statistics screen, each one widget drawn as text for the width it has.

A section is drawn from its figures once they are counted and, until then, as its outline with
dots in place of the figures, mostly at the same height, so the screen appears at once and the
figures fill it in as they come. Each draws itself for the width it is given, so it fits and
refits as the terminal resizes. One widget a section keeps the screen quick to build and style.
"""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from revise.study.stats import PERIODS, STATE_NAMES, Statistics
from revise.study.stats_text import (
    PERIOD_HEADER,
    bar_rows,
    forecast_caption,
    leeches_line,
    percent,
    period_row,
    streak_line,
)

if TYPE_CHECKING:
    from revise.study.stats import Bucket

PENDING = "…"
HEAT = ("#3a3f4b", "#0e4429", "#006d32", "#26a641", "#39d353")  # none, then four levels
DAY_LABELS = ("Mo", "", "We", "", "Fr", "", "Su")
MONTH_NAME_ROOM = 4  # columns a month's name takes above the calendar: three letters, a space
_COLUMN_EIGHTHS = " ▁▂▃▄▅▆▇█"
STATE_STYLES = {
    "new": "#5b9bd5",
    "learning": "#e06c5a",
    "young": "#8fd18e",
    "mature": "#3d8c40",
    "suspended": "#c9a227",
    "buried": "#888888",
}


class Section(Widget):
    """One section, drawn by `draw` as lines that fit a width (wrapped by the drawing)."""

    DEFAULT_CSS = "Section { height: auto; text-wrap: nowrap; text-overflow: clip; }"

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.border_title = title
        self._drawn: tuple[int, Text] | None = None  # the last drawing and its width

    def draw(self, width: int) -> Text:
        raise NotImplementedError

    def redraw(self) -> None:
        """Draw again after a change of figures (and lay out again if the height changed)."""
        self._drawn = None
        width = self.content_size.width
        self.refresh(layout=self._lines(width) != self.content_size.height)

    def _drawing(self, width: int) -> Text:
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, self.draw(width))
        return self._drawn[1]

    def _lines(self, width: int) -> int:
        return self._drawing(width).plain.count("\n") + 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lines(width) if width else 0

    def render(self) -> Text:
        return self._drawing(self.content_size.width)


def _wrapped(line: str, width: int, style: str = "") -> Text:
    return Text("\n".join(textwrap.wrap(line, max(10, width))) or line, style=style)


class PeriodTable(Section):
    """Reviews, time, Again and true retention today and over the last 7, 30 and 365 days."""

    NOTE = "Kept = true retention: reviews not forgotten, young (< 21d) and mature; desired {}"

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__(title, **kwargs)
        self.statistics: Statistics | None = None
        self.cards_counted = False  # the cards column comes with the cards, after the reviews

    def show(self, statistics: Statistics | None, cards_counted: bool) -> None:
        self.statistics = statistics
        self.cards_counted = cards_counted
        self.redraw()

    def rows(self, compact: bool) -> list[tuple[str, ...]]:
        header = PERIOD_HEADER
        if compact:  # retention as a rate alone, under shorter headings
            header = (*PERIOD_HEADER[:-2], "young", "mature")
        rows = [header]
        for index, (_, label) in enumerate(PERIODS):
            if self.statistics is None:
                rows.append((label, *([PENDING] * (len(header) - 1))))
                continue
            period = self.statistics.periods[index]
            cells = list(period_row(period))
            if not self.cards_counted:
                cells[1] = PENDING
            if compact:
                cells[-2:] = [percent(period.young.rate), percent(period.mature.rate)]
            rows.append(tuple(cells))
        return rows

    def draw(self, width: int) -> Text:
        # The widest layout that fits: retention with its review count, then as a rate alone,
        # then with the columns one space apart.
        layouts = [(self.rows(compact=False), 2), (self.rows(compact=True), 2)]
        layouts.append((layouts[-1][0], 1))
        rows, gap = next(
            ((rows, gap) for rows, gap in layouts if _table_width(rows, gap) <= width),
            layouts[-1],
        )
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        text = Text()
        for number, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])]
            cells += [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
            text.append((" " * gap).join(cells).rstrip(), style="bold dim" if number == 0 else "")
            text.append("\n")
        desired = PENDING if self.statistics is None else self.statistics.desired_retention
        note = self.NOTE.format(desired if isinstance(desired, str) else percent(desired))
        text.append_text(_wrapped(note, width, "dim"))
        return text


def _table_width(rows: list[tuple[str, ...]], gap: int) -> int:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return sum(widths) + gap * (len(widths) - 1)


class Heatmap(Section):
    """The streak, then reviews per day as a calendar: a column per week (Monday on top), newest
    on the right."""

    def __init__(self, title: str, today: date, **kwargs: object) -> None:
        super().__init__(title, **kwargs)
        self.statistics: Statistics | None = None
        self.today = today

    def show(self, statistics: Statistics | None) -> None:
        self.statistics = statistics
        if statistics is not None:
            self.today = statistics.today
        self.redraw()

    def draw(self, width: int) -> Text:
        if self.statistics is None:
            text = _wrapped(f"Streak: {PENDING}", width)
            per_day = [0] * 365
        else:
            text = _wrapped(streak_line(self.statistics), width)
            per_day = self.statistics.heatmap
        text.append("\n")
        text.append_text(_calendar(per_day, self.today, width))
        return text


def _calendar(per_day: list[int], today: date, width: int) -> Text:
    first_day = today - timedelta(days=len(per_day) - 1)
    this_monday = today - timedelta(days=today.weekday())
    first_monday = first_day - timedelta(days=first_day.weekday())
    # A column for each week from the first day's to this one, the newest as many as fit.
    weeks = max(1, min(width - 3, (this_monday - first_monday).days // 7 + 1))
    grid_monday = this_monday - timedelta(weeks=weeks - 1)
    top = max(per_day) or 1
    text = Text(no_wrap=True, overflow="crop")
    text.append(_month_line(grid_monday, weeks) + "\n", style="dim")
    for weekday in range(7):
        text.append(f"{DAY_LABELS[weekday]:<3}", style="dim")
        # Days of the same shade side by side are one run of text: fewer pieces to draw.
        runs: list[tuple[str, str | None]] = []
        for week in range(weeks):
            day = grid_monday + timedelta(weeks=week, days=weekday)
            if day > today or day < first_day:
                cell, shade = " ", None
            else:
                count = per_day[(day - first_day).days]
                cell = "■"
                shade = HEAT[0 if not count else min(4, 1 + int(count / top * 4 - 1e-9))]
            if runs and runs[-1][1] == shade:
                runs[-1] = (runs[-1][0] + cell, shade)
            else:
                runs.append((cell, shade))
        for cells, shade in runs:
            text.append(cells, style=shade)
        if weekday < 6:
            text.append("\n")
    return text


def _month_line(monday: date, weeks: int) -> str:
    """Each month's name above the week holding its first day (months begin at least four
    weeks apart: the names never touch), and the first week's month if the next name leaves
    room for it. A name that would run past the newest week is left out, not cut."""
    labels: list[tuple[int, str]] = []
    for week in range(weeks):
        days = [monday + timedelta(weeks=week, days=n) for n in range(7)]
        first = next((day for day in days if day.day == 1), None)
        if first is not None:
            labels.append((week, first.strftime("%b")))
    if not labels or labels[0][0] >= MONTH_NAME_ROOM:
        labels.insert(0, (0, monday.strftime("%b")))
    cells = [" "] * weeks
    for week, name in labels:
        if week + len(name) <= weeks:
            cells[week : week + len(name)] = list(name)
    return "   " + "".join(cells)


class ColumnChart(Section):
    """What is due: a caption, then counts per day as columns to an eighth of a cell, with the
    largest labelled."""

    ROWS = 5

    def __init__(self, title: str, days: int, **kwargs: object) -> None:
        super().__init__(title, **kwargs)
        self.statistics: Statistics | None = None
        self.days = days

    def show(self, statistics: Statistics | None, days: int) -> None:
        self.statistics = statistics
        self.days = days
        self.redraw()

    def draw(self, width: int) -> Text:
        if self.statistics is None:
            caption = f"Cards due in the next {self.days} days: {PENDING}"
            counts: list[int] = []
        else:
            caption = forecast_caption(self.statistics, self.days)
            counts = self.statistics.forecast[: self.days]
        text = _wrapped(caption, width)
        text.append("\n")
        text.append_text(_columns(counts, self.ROWS, max(1, width)))
        return text


def _columns(counts: list[int], rows: int, width: int) -> Text:
    # Several days share a column when they do not fit one a column; a day takes several
    # columns when there is room.
    per_column = max(1, -(-len(counts) // width))
    columns = [
        sum(counts[start : start + per_column]) for start in range(0, len(counts), per_column)
    ]
    repeat = max(1, width // max(1, len(columns)))
    columns = [value for value in columns for _ in range(repeat)]
    top = max(columns, default=0) or 1
    text = Text(no_wrap=True, overflow="crop")
    for row in range(rows - 1, -1, -1):
        cells = []
        for value in columns:
            eighths = round(value / top * rows * 8) - row * 8
            if value and row == 0 and eighths <= 0:
                eighths = 1  # a day with cards due never looks empty
            cells.append(_COLUMN_EIGHTHS[max(0, min(8, eighths))])
        text.append("".join(cells) + "\n", style="#6abf69")
    if not counts:
        return text.append(PENDING, style="dim")
    span = "a day" if per_column == 1 else f"{per_column} days"
    return text.append(f"each column {span}; tallest {top}", style="dim")


class CardStates(Section):
    """How many cards are in each state, and the leeches."""

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__(title, **kwargs)
        self.statistics: Statistics | None = None

    def show(self, statistics: Statistics | None) -> None:
        self.statistics = statistics
        self.redraw()

    def draw(self, width: int) -> Text:
        text = Text()
        line = 0  # the length of the line so far; the states go on the next when it is full
        for index, name in enumerate(STATE_NAMES):
            count = PENDING if self.statistics is None else str(self.statistics.states[name])
            length = len(count) + 1 + len(name)
            if index and line + 3 + length > width:
                text.append(" ·\n")
                line = 0
            elif index:
                text.append(" · ")
                line += 3
            text.append(count, style=f"bold {STATE_STYLES[name]}")
            text.append(f" {name}")
            line += length
        text.append("\n")
        if self.statistics is None:
            text.append(f"Leeches: {PENDING}", style="dim")
        else:
            text.append_text(_wrapped(leeches_line(self.statistics), width, "dim"))
        return text


class BarChart(Section):
    """Labelled horizontal bars, one a line; until counted, as many lines of dots."""

    def __init__(self, title: str, lines: int, **kwargs: object) -> None:
        super().__init__(title, **kwargs)
        self.lines = lines
        self.buckets: list[Bucket] = []

    def show(self, buckets: list[Bucket]) -> None:
        self.buckets = buckets
        self.redraw()

    def draw(self, width: int) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        if not self.buckets:
            return text.append("\n".join([PENDING] * self.lines), style="dim")
        rows = bar_rows(self.buckets, max(10, width))
        for index, (label, count, bar) in enumerate(rows):
            text.append(label + " ", style="dim")
            text.append(count + " ")
            text.append(bar, style="#5b9bd5")
            if index < len(rows) - 1:
                text.append("\n")
        return text
