"""Terminal charts for the statistics screen: a calendar heatmap, column and bar charts.

Each draws itself for the width it is given, so it fits and refits as the terminal resizes.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from revise.study.stats import Bucket
from revise.study.stats_text import bar_rows

HEAT = ("#3a3f4b", "#0e4429", "#006d32", "#26a641", "#39d353")  # none, then four levels
DAY_LABELS = ("Mo", "", "We", "", "Fr", "", "Su")
_COLUMN_EIGHTHS = " ▁▂▃▄▅▆▇█"


class Heatmap(Widget):
    """Reviews per day as a calendar: a column per week (Monday on top), newest on the right."""

    DEFAULT_CSS = "Heatmap { height: 8; }"

    def __init__(self, per_day: list[int], today: date, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.per_day = per_day
        self.today = today

    def set_days(self, per_day: list[int], today: date) -> None:
        self.per_day = per_day
        self.today = today
        self.refresh()

    def render(self) -> Text:
        weeks = max(1, min(self.size.width - 3, -(-len(self.per_day) // 7) + 1))
        first_day = self.today - timedelta(days=len(self.per_day) - 1)
        # The Monday of the week `weeks - 1` weeks before this one begins the grid.
        this_monday = self.today - timedelta(days=self.today.weekday())
        grid_start = max(this_monday - timedelta(weeks=weeks - 1), first_day)
        grid_monday = grid_start - timedelta(days=grid_start.weekday())
        top = max(self.per_day) or 1
        text = Text(no_wrap=True, overflow="crop")
        text.append(_month_line(grid_monday, weeks) + "\n", style="dim")
        for weekday in range(7):
            text.append(f"{DAY_LABELS[weekday]:<3}", style="dim")
            for week in range(weeks):
                day = grid_monday + timedelta(weeks=week, days=weekday)
                if day > self.today or day < first_day:
                    text.append(" ")
                    continue
                count = self.per_day[(day - first_day).days]
                level = 0 if not count else min(4, 1 + int(count / top * 4 - 1e-9))
                text.append("■", style=HEAT[level])
            if weekday < 6:
                text.append("\n")
        return text


def _month_line(monday: date, weeks: int) -> str:
    """Month initials above the week in which each month begins."""
    cells = [" "] * weeks
    for week in range(weeks):
        start = monday + timedelta(weeks=week)
        if week == 0 or (start + timedelta(days=6)).month != start.month:
            label = (start + timedelta(days=6)).strftime("%b") if week else start.strftime("%b")
            if all(cell == " " for cell in cells[week : week + 4]):
                cells[week : week + 3] = list(label)
    return "   " + "".join(cells)[:weeks]


class ColumnChart(Widget):
    """Counts per day as columns, to an eighth of a cell, with the largest labelled."""

    DEFAULT_CSS = "ColumnChart { height: 6; }"

    def __init__(self, counts: list[int], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.counts = counts

    def set_counts(self, counts: list[int]) -> None:
        self.counts = counts
        self.refresh()

    def render(self) -> Text:
        rows = max(1, self.size.height - 1)
        width = max(1, self.size.width)
        # Several days share a column when they do not fit one a column; a day takes several
        # columns when there is room.
        per_column = max(1, -(-len(self.counts) // width))
        columns = [
            sum(self.counts[start : start + per_column])
            for start in range(0, len(self.counts), per_column)
        ]
        repeat = max(1, width // max(1, len(columns)))
        columns = [value for value in columns for _ in range(repeat)]
        top = max(columns, default=0) or 1
        text = Text(no_wrap=True, overflow="crop")
        for row in range(rows - 1, -1, -1):
            for value in columns:
                eighths = round(value / top * rows * 8) - row * 8
                if value and row == 0 and eighths <= 0:
                    eighths = 1  # a day with cards due never looks empty
                cell = _COLUMN_EIGHTHS[max(0, min(8, eighths))]
                text.append(cell, style="#6abf69")
            text.append("\n")
        span = "a day" if per_column == 1 else f"{per_column} days"
        text.append(f"each column {span}; tallest {top}", style="dim")
        return text


class BarChart(Widget):
    """Labelled horizontal bars, one a line."""

    DEFAULT_CSS = "BarChart { height: auto; }"

    def __init__(self, buckets: list[Bucket], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.buckets = buckets

    def set_buckets(self, buckets: list[Bucket]) -> None:
        self.buckets = buckets
        self.refresh(layout=True)  # as many lines as buckets

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return len(self.buckets)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        rows = bar_rows(self.buckets, max(10, self.size.width))
        for index, (label, count, bar) in enumerate(rows):
            text.append(label + " ", style="dim")
            text.append(count + " ")
            text.append(bar, style="#5b9bd5")
            if index < len(rows) - 1:
                text.append("\n")
        return text
