"""Statistics of a deck or of all decks: today and before, the calendar, what is coming, cards."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

from revise.errors import ReviseError
from revise.study.stats_text import (
    PERIOD_HEADER,
    STATE_NAMES,
    leeches_line,
    percent,
    period_row,
    streak_line,
)
from revise.textsafe import inert
from revise.tui.widgets.charts import BarChart, ColumnChart, Heatmap

if TYPE_CHECKING:
    from revise.study.stats import Statistics
    from revise.study.tuning import OptimizeOutcome
    from revise.tui.app import ReviseApp

FORECAST_CHOICES = (30, 90, 365)
DISTRIBUTIONS = ("Intervals", "Stability", "Difficulty", "Retrievability")
STATE_STYLES = {
    "new": "#5b9bd5",
    "learning": "#e06c5a",
    "young": "#8fd18e",
    "mature": "#3d8c40",
    "suspended": "#c9a227",
    "buried": "#888888",
}


class StatsLoaded(Message):
    def __init__(self, statistics: Statistics | None) -> None:
        super().__init__()
        self.statistics = statistics


class Optimized(Message):
    def __init__(self, outcome: OptimizeOutcome | None, error: str | None) -> None:
        super().__init__()
        self.outcome = outcome
        self.error = error


class StatsScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("f", "forecast", "Forecast span", id="stats.forecast"),
        Binding("a", "toggle_scope", "Deck / all", id="stats.scope"),
        Binding("o", "optimize", "Optimize", id="stats.optimize"),
        Binding("escape,q", "close", "Back", id="stats.close"),
    ]

    app: ReviseApp

    def __init__(self, deck: str | None) -> None:
        super().__init__()
        self.deck = deck  # the deck chosen on the deck list
        self.scope = deck  # what is shown: that deck, or all decks (None)
        self.forecast_days = FORECAST_CHOICES[0]
        self.statistics: Statistics | None = None

    def compose(self) -> ComposeResult:
        # The sections are built once, empty, while the figures are counted in a worker; the
        # figures then fill them in, so nothing is mounted after the counting is done.
        with VerticalScroll(id="stats-panel", classes="section") as panel:
            panel.border_title = self.title_text()
            yield Static(Content("Loading…"), id="stats-loading")
            table: DataTable[str] = DataTable(
                id="stats-periods", show_cursor=False, zebra_stripes=True
            )
            table.add_columns(*(Text(name, justify="right") for name in PERIOD_HEADER))
            yield _section("Reviews", table, Static(id="stats-target", classes="stats-note"))
            yield _section(
                "Calendar",
                Static(id="stats-streak", classes="stats-note"),
                Heatmap([0], date.today(), id="stats-heatmap"),
            )
            yield _section(
                "Due",
                Static(id="stats-forecast-caption", classes="stats-note"),
                ColumnChart([], id="stats-forecast"),
            )
            yield _section(
                "Cards",
                Static(id="stats-states"),
                Static(id="stats-leeches", classes="stats-note"),
            )
            for title in DISTRIBUTIONS:
                yield _section(title, BarChart([], id=f"stats-{title.lower()}"))
        yield Footer()

    def title_text(self) -> Content:
        name = "all decks" if self.scope is None else inert(self.scope)
        return Content.assemble("Statistics · ", name)

    def on_mount(self) -> None:
        self.set_class(True, "-loading")
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        try:
            statistics = self.app.collection.statistics(self.scope)
        except ReviseError as error:
            message = inert(str(error))
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            statistics = None
        self.post_message(StatsLoaded(statistics))

    def on_stats_loaded(self, message: StatsLoaded) -> None:
        statistics = self.statistics = message.statistics
        self.query_one("#stats-panel", VerticalScroll).border_title = self.title_text()
        if statistics is None:
            self.query_one("#stats-loading", Static).update(Content("No statistics."))
            return
        self.set_class(False, "-loading")
        table = self.query_one("#stats-periods", DataTable)
        table.clear()
        for period in statistics.periods:
            cells = period_row(period)
            table.add_row(cells[0], *(Text(cell, justify="right") for cell in cells[1:]))
        self.query_one("#stats-target", Static).update(
            Content(
                f"Kept = true retention: reviews not forgotten, young (< 21d) and mature; "
                f"desired {percent(statistics.desired_retention)}"
            )
        )
        self.query_one("#stats-streak", Static).update(Content(streak_line(statistics)))
        self.query_one("#stats-heatmap", Heatmap).set_days(statistics.heatmap, statistics.today)
        self.query_one("#stats-forecast-caption", Static).update(self.forecast_caption())
        self.query_one("#stats-forecast", ColumnChart).set_counts(
            statistics.forecast[: self.forecast_days]
        )
        self.query_one("#stats-states", Static).update(_states_text(statistics))
        self.query_one("#stats-leeches", Static).update(Content(leeches_line(statistics)))
        for title, buckets in zip(
            DISTRIBUTIONS,
            (
                statistics.intervals,
                statistics.stability,
                statistics.difficulty,
                statistics.retrievability,
            ),
            strict=True,
        ):
            self.query_one(f"#stats-{title.lower()}", BarChart).set_buckets(buckets)

    def forecast_caption(self) -> Content:
        assert self.statistics is not None
        due = sum(self.statistics.forecast[: self.forecast_days])
        overdue = self.statistics.overdue
        return Content(
            f"{due} cards due in the next {self.forecast_days} days; today's include "
            f"{overdue} overdue"
        )

    def action_forecast(self) -> None:
        if self.statistics is None:
            return
        index = FORECAST_CHOICES.index(self.forecast_days)
        self.forecast_days = FORECAST_CHOICES[(index + 1) % len(FORECAST_CHOICES)]
        self.query_one("#stats-forecast-caption", Static).update(self.forecast_caption())
        chart = self.query_one("#stats-forecast", ColumnChart)
        chart.set_counts(self.statistics.forecast[: self.forecast_days])

    def action_toggle_scope(self) -> None:
        if self.deck is None:
            return
        self.scope = None if self.scope is not None else self.deck
        self.load()

    def action_optimize(self) -> None:
        self.notify("Fitting FSRS to your reviews…", timeout=3)
        self.run_optimize(self.scope)

    @work(thread=True, exclusive=True, group="optimize")
    def run_optimize(self, scope: str | None) -> None:
        try:
            outcome = self.app.collection.optimize(scope)
        except ReviseError as error:
            self.post_message(Optimized(None, str(error)))
            return
        self.post_message(Optimized(outcome, None))

    def on_optimized(self, message: Optimized) -> None:
        if message.outcome is None:
            self.notify(inert(message.error or ""), severity="warning", timeout=8, markup=False)
            return
        result = message.outcome.result
        figures = (
            f"log loss {result.before.log_loss:.4f} -> {result.after.log_loss:.4f} "
            f"on {result.reviews} reviews"
        )
        if message.outcome.stored:
            self.notify(f"Fitted parameters stored, used from the next answer ({figures}).")
        else:
            self.notify(f"The parameters in use predict as well or better; kept ({figures}).")

    def action_close(self) -> None:
        self.dismiss()


def _section(title: str, *children: Widget) -> Vertical:
    box = Vertical(*children, classes="stats-section")
    box.border_title = title
    return box


def _states_text(statistics: Statistics) -> Content:
    parts: list[str | tuple[str, str]] = []
    for name in STATE_NAMES:
        if parts:
            parts.append(" · ")
        parts.append((str(statistics.states[name]), f"bold {STATE_STYLES[name]}"))
        parts.append(f" {name}")
    return Content.assemble(*parts)
