"""Statistics of a deck or of all decks: today and before, the calendar, what is coming, cards."""

from __future__ import annotations

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
        with VerticalScroll(id="stats-panel", classes="section") as panel:
            panel.border_title = self.title_text()
            yield Static(Content("Loading…"), id="stats-loading")
        yield Footer()

    def title_text(self) -> Content:
        name = "all decks" if self.scope is None else inert(self.scope)
        return Content.assemble("Statistics · ", name)

    def on_mount(self) -> None:
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

    async def on_stats_loaded(self, message: StatsLoaded) -> None:
        self.statistics = message.statistics
        panel = self.query_one("#stats-panel", VerticalScroll)
        panel.border_title = self.title_text()
        await panel.remove_children()
        if message.statistics is None:
            await panel.mount(Static(Content("No statistics."), id="stats-loading"))
            return
        await panel.mount_all(self.sections(message.statistics))

    def sections(self, statistics: Statistics) -> list[Static | Vertical]:
        table: DataTable[str] = DataTable(id="stats-periods", show_cursor=False, zebra_stripes=True)
        table.add_columns(*(Text(name, justify="right") for name in PERIOD_HEADER))
        for period in statistics.periods:
            cells = period_row(period)
            table.add_row(cells[0], *(Text(cell, justify="right") for cell in cells[1:]))
        target = Static(
            Content(
                f"Kept = true retention: reviews not forgotten, young (< 21d) and mature; "
                f"desired {percent(statistics.desired_retention)}"
            ),
            classes="stats-note",
        )
        return [
            _section("Reviews", table, target),
            _section(
                "Calendar",
                Static(Content(streak_line(statistics)), classes="stats-note"),
                Heatmap(statistics.heatmap, statistics.today, id="stats-heatmap"),
            ),
            _section(
                "Due",
                Static(self.forecast_caption(), id="stats-forecast-caption", classes="stats-note"),
                ColumnChart(statistics.forecast[: self.forecast_days], id="stats-forecast"),
            ),
            _section(
                "Cards",
                Static(_states_text(statistics), id="stats-states"),
                Static(Content(leeches_line(statistics)), id="stats-leeches", classes="stats-note"),
            ),
            _section("Intervals", BarChart(statistics.intervals)),
            _section("Stability", BarChart(statistics.stability)),
            _section("Difficulty", BarChart(statistics.difficulty)),
            _section("Retrievability", BarChart(statistics.retrievability)),
        ]

    def forecast_caption(self) -> Content:
        assert self.statistics is not None
        due = sum(self.statistics.forecast[: self.forecast_days])
        return Content(f"{due} cards due in the next {self.forecast_days} days (overdue: today)")

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
